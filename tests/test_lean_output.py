"""What a reader downloads is only what the site uses (hooks/lean.py)."""

import hashlib
import json

import pytest

from support import EDITIONS

SEARCH_LANGUAGES = {"en": set(), "ru": {"ru"}}

# What finish/lean.py leaves out of the joined stylesheet (UNUSED_RULE): each must be
# in Material's own, or its absence from ours proves nothing (a renamed selector).
DROPPED_CSS = ["data-md-color-primary=red", "[data-md-color-switching]"]
# The search files of languages neither edition uses, which must be in Material's package.
DROPPED_SEARCH = ["tinyseg.js", "wordcut.js"]


def material_assets():
    """The assets folder of the installed Material theme, as the build copies it."""
    from pathlib import Path
    import material
    return Path(material.__file__).parent / "templates" / "assets"


def material_css() -> str:
    sheets = sorted((material_assets() / "stylesheets").glob("*.css"))
    assert sheets, "Material's package has no stylesheets where this test looks"
    return "".join(sheet.read_text(encoding="utf-8") for sheet in sheets)


def test_what_the_site_drops_is_in_materials_own_files():
    """Each absence checked below is of something Material ships: a rename in a
    Material upgrade fails here, rather than letting those checks pass vacuously."""
    css = material_css()
    for selector in DROPPED_CSS + ["@media screen{[data-md-color-scheme=slate]{color-scheme:dark"]:
        assert selector in css, f"Material's stylesheets no longer have {selector!r}: update finish/lean.py and this test"
    lunr = material_assets() / "javascripts" / "lunr"
    for name in DROPPED_SEARCH:
        assert (lunr / name).is_file(), f"Material no longer ships {name}"
    languages = {p.name.split(".")[1] for p in lunr.glob("min/lunr.*.min.js")} - {"stemmer", "multi"}
    assert languages > set().union(*SEARCH_LANGUAGES.values()), "Material ships no other search language to drop"


def test_no_source_maps_are_published(site):
    assert not list(site.root.rglob("*.map"))


@pytest.mark.parametrize("lang", EDITIONS)
def test_only_the_editions_search_languages_are_published(site, lang):
    lunr = site.root / EDITIONS[lang] / "assets" / "javascripts" / "lunr"
    languages = {p.name.split(".")[1] for p in lunr.glob("min/lunr.*.min.js")} - {"stemmer", "multi"}
    assert languages == SEARCH_LANGUAGES[lang]
    assert not [name for name in DROPPED_SEARCH if (lunr / name).exists()]


@pytest.mark.parametrize("lang", EDITIONS)
def test_search_index_is_compact_utf8(site, lang):
    raw = (site.root / EDITIONS[lang] / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\u04" not in raw and ", " not in raw[:200]
    docs = json.loads(raw)["docs"]
    assert any("opcat/" in doc["location"] for doc in docs)


@pytest.mark.parametrize("path", ["index.html", "opcat/index.html", "ru/opcat/index.html", "404.html"])
def test_a_page_fetches_one_stylesheet_and_one_script_as_plain_material_does(site, path):
    soup = site.html(path)
    sheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    scripts = [script["src"] for script in soup.select("script[src]")]
    assert len(sheets) == 1 and len(scripts) == 1, (sheets, scripts)
    assert not soup.select("style"), "a stylesheet is inlined again: every page would carry it"
    stylesheet = (site.root / site.resolve(path, sheets[0]).removeprefix(site.url)).read_text(encoding="utf-8")
    script = (site.root / site.resolve(path, scripts[0]).removeprefix(site.url)).read_text(encoding="utf-8")
    # Material's own, then the palette, then the site's (extra.join, in that order).
    assert stylesheet.index(".md-typeset") < stylesheet.index("[data-md-color-scheme=slate]{color-scheme:dark") \
        < stylesheet.index("--site-source-bg")
    # Dead weight (finish/lean.py, UNUSED_RULE): the named colours the site does not
    # use, and a rule on an attribute nothing the site mounts sets. Each is in
    # Material's own stylesheet (test_what_the_site_drops_is_in_materials_own_files).
    for selector in DROPPED_CSS:
        assert selector not in stylesheet, f"{selector} came back"
    assert "@media screen{[data-md-color-scheme=slate]{color-scheme:dark" in stylesheet, "the dark scheme is gone"
    assert script.index("__md_get") < script.index("abbr-tooltip")
    assert "sourceMappingURL" not in stylesheet + script


def test_joined_files_are_named_by_what_they_hold(site):
    """A reader's cache (ten minutes on GitHub Pages) never pairs a new page with an
    old stylesheet: a change to any part gives the file another name."""
    for pattern in ("assets/stylesheets/main.*.min.css", "assets/javascripts/bundle.*.min.js"):
        files = list(site.root.glob(pattern))
        assert len(files) == 1, (pattern, files)
        digest = hashlib.sha256(files[0].read_bytes()).hexdigest()[:8]
        assert files[0].name.split(".")[1] == digest

