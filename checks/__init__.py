"""The source checks: every mistake in the configurations and the Markdown that the
site refuses, found before any engine (MkDocs, Zensical) builds, each named in one
message, "docs/ru/news/a.md: what is wrong; what to write".

    python -m checks [ROOT]

Each check is a small function of plain inputs (a fields dict, a text, a
configuration dict) in front_matter, editions, theme and content; check_site runs
them all over a project.
"""

from .config import load_config
from .editions import check_deploy_address
from .errors import SourceError
from .front_matter import read as read_page
from .site import Edition, Page, Sources, check_site

__all__ = ["SourceError", "load_config", "Edition", "Page", "Sources", "check_site", "check_deploy_address",
           "read_page"]
