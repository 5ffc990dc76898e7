"""What a reader downloads is only what the site uses (hooks/lean.py)."""

import json

import pytest

from conftest import EDITIONS

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


def test_small_stylesheets_and_scripts_are_inlined_not_fetched(site):
    soup = site.html("opcat/index.html")
    assert not soup.select('link[href*="site.css"], link[href*="palette"], script[src*="abbr.js"]')
    assert len(soup.select("style")) == 2
    assert any("abbr-tooltip" in (s.string or "") for s in soup.select("script"))
