"""Custom domain: publish a CNAME file when the site's address is a custom domain.

GitHub Pages serves a branch-published site (`mkdocs gh-deploy`) on a custom domain
only when the branch holds a CNAME file naming it. The address is already in
site_url (SITE_URL), so the file follows from it: written for an address at the root
of a domain that is not github.io or this machine, and absent otherwise.
"""

from pathlib import Path
from urllib.parse import urlsplit

NOT_CUSTOM = ("localhost", "127.0.0.1", "::1")


def custom_domain(site_url: str):
    parts = urlsplit(site_url or "")
    host = parts.hostname or ""
    if not host or host in NOT_CUSTOM or host.endswith(".github.io") or parts.path not in ("", "/"):
        return None
    return host


def on_post_build(config):
    root = config.extra["site_root_url"]  # set by hooks/editions.py
    if config.site_url != root:
        return  # the file belongs at the root of the site, written once
    domain = custom_domain(root)
    if domain:
        (Path(config.site_dir) / "CNAME").write_text(domain + "\n", encoding="utf-8")
