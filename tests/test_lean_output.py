"""What a reader downloads is only what the site uses (hooks/lean.py)."""

import hashlib
import json

import pytest

from support import EDITIONS

SEARCH_LANGUAGES = {"en": set(), "ru": {"ru"}}


def test_no_source_maps_are_published(site):
    assert not list(site.root.rglob("*.map"))


@pytest.mark.parametrize("lang", EDITIONS)
def test_only_the_editions_search_languages_are_published(site, lang):
    lunr = site.root / EDITIONS[lang] / "assets" / "javascripts" / "lunr"
    languages = {p.name.split(".")[1] for p in lunr.glob("min/lunr.*.min.js")} - {"stemmer", "multi"}
    assert languages == SEARCH_LANGUAGES[lang]
    assert not (lunr / "tinyseg.js").exists() and not (lunr / "wordcut.js").exists()


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
    assert "data-md-color-primary=red" not in stylesheet, "the unused named colours came back"
    # Dead weight: nothing the site mounts sets the attribute (hooks/lean.py, UNUSED_RULE).
    assert "[data-md-color-switching]" not in stylesheet
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

