"""What lets another engine build the site (Zensical, Material's successor, which
ignores hooks and renders templates with a non-Python engine): no hooks, templates
that only look values up, no theme file named by its hash, and the configuration
written as both engines read it. The second engine's own build is tested in
test_second_engine.py."""

import re
import subprocess

import pytest

from checks import load_config
from support import ROOT

CONFIGS = sorted(ROOT.glob("mkdocs*.yml"))
TEMPLATES = sorted(p for p in (ROOT / "overrides").rglob("*") if p.suffix in (".html", ".xml", ".txt")) + [
    ROOT / "docs" / "en" / "robots.txt"]
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# Filters Jinja2 and Zensical's minijinja both have (tried with Zensical 0.0.73).
SHARED_FILTERS = {"d", "default", "e", "escape", "first", "join", "length", "list", "rejectattr", "replace",
                  "selectattr", "string", "striptags", "trim", "url", "tojson", "safe", "lower", "upper"}
# A call in a template that both engines offer: Material's translations, a block's parent.
SHARED_CALLS = {"lang.t(", "super("}


def test_no_configuration_lists_hooks():
    for config in CONFIGS:
        assert "hooks" not in load_config(config), f"{config.name} lists hooks, which Zensical ignores without a word"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_templates_only_look_values_up(template):
    """No Python method (.split(), .update()), no filter a hook would define, no
    MkDocs-only object (page.file, page.is_homepage): put plain values where the
    templates read them (tools/site_data.py)."""
    code = " ".join(TAG.findall(template.read_text(encoding="utf-8")))
    calls = {call for call in re.findall(r"[\w.]+\(", code) if not call.startswith(("(", "{"))}
    assert not {call for call in calls if "." in call and call not in SHARED_CALLS} - SHARED_CALLS, calls
    filters = set(re.findall(r"\|\s*(\w+)", code))
    assert filters <= SHARED_FILTERS, f"filters another engine may lack: {filters - SHARED_FILTERS}"
    for name in ("page.file", "is_homepage", "page.meta.twins"):
        assert name not in code, f"{name}: MkDocs alone has it"


def test_a_template_check_finds_what_it_looks_for(tmp_path):
    """The checks above find a method call and a hook's filter when there is one."""
    code = " ".join(TAG.findall('{% set x = page.meta.source_url.split("/") %}{{ page.meta.date | long_date }}'))
    assert {c for c in re.findall(r"[\w.]+\(", code) if "." in c} == {"page.meta.source_url.split("}
    assert set(re.findall(r"\|\s*(\w+)", code)) - SHARED_FILTERS == {"long_date"}


def test_no_theme_file_is_named_by_its_hash_anywhere_in_the_repository():
    """A Material upgrade renames main.<hash>.min.css; the site names such files by a
    pattern (extra.join: palette.*.min.css), and the build says what it found."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    hashed = re.compile(r"\b[\w-]+\.[0-9a-f]{8}\.min\.(?:css|js)\b")
    found = []
    for name in filter(None, tracked.stdout.split("\0")):
        path = ROOT / name
        if path.is_file() and path.suffix in (".py", ".yml", ".md", ".json", ".html", ".toml", ".txt", ".js", ".css"):
            found += [f"{name}: {match}" for match in hashed.findall(path.read_text(encoding="utf-8", errors="replace"))]
    assert not found, found


def test_the_configuration_is_written_as_both_engines_read_it():
    """Zensical rejects the !relative tag, and draws its new look unless told
    `variant: classic` (which MkDocs' Material ignores)."""
    for config in CONFIGS:
        assert "!relative" not in config.read_text(encoding="utf-8"), config.name
    assert load_config(ROOT / "mkdocs.yml")["theme"]["variant"] == "classic"
