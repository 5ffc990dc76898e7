"""The header's language switch, in a real browser: on each kind of page, by pointer
and by keyboard, it leads to the page's twin in the other language, or to the other
edition's News page where the page has no translation (overrides/partials/alternate.html),
and the page it lands on declares the other language. Tried on the site and on a
publication with items in one language only.

The matrix once followed sidebar links before switching (home then News; explainer,
News, home; an item without a translation, then the explainer...). Those sequences
were written for instant navigation, where the header stays from the first page a
reader loads and a switch drawn for an earlier page could lead to the wrong one. The
site has it off (mkdocs.yml, features: no navigation.instant): every page is a full
load whose header is drawn for that page alone, so where the switch leads depends
only on the page shown, not on the way there. The sequences are gone; each kind of
page is opened at its address. The switch's address on every page is checked without
a browser (test_editions.py, each twin; test_publication.py, an item without one);
this module checks that a reader, with a pointer or the keyboard, gets there."""

import pytest
from playwright.sync_api import expect

from support import EDITIONS, front_matter, switch_language

OTHER = {"en": "ru", "ru": "en"}
HOW = pytest.mark.parametrize("how", ["pointer", "keyboard"])
# Each kind of page of the site: its address in an edition, and its source there.
KINDS = {"home report": ("", "index.md"), "explainer": ("opcat/", "opcat.md"), "News page": ("news/", "news.md")}


def heading(lang, source):
    """The start of a page's title (its h1), as the editors wrote it."""
    return " ".join(front_matter(lang, source)["title"].split())[:30]


@HOW
@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("kind", KINDS)
def test_the_switch_on_each_kind_of_page_leads_to_its_twin(reader, site, kind, lang, how):
    path, source = KINDS[kind]
    other = OTHER[lang]
    page, watch = reader(EDITIONS[lang] + path)
    switch_language(page, other, how)
    page.wait_for_url(site.url + EDITIONS[other] + path)
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.locator(".md-content h1")).to_contain_text(heading(other, source))
    watch.assert_clean()


@pytest.fixture
def publication_page(browser, publication):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


@HOW
@pytest.mark.parametrize("lang", EDITIONS)
def test_the_switch_on_a_news_item_with_a_twin_leads_to_the_twin(publication_page, publication, lang, how):
    """A news item other than the home report (conftest.PUBLICATION, in both languages)."""
    page, other, item = publication_page, OTHER[lang], "news/2025-02-21-second/"
    page.goto(publication.url + EDITIONS[lang] + item)
    switch_language(page, other, how)
    page.wait_for_url(publication.url + EDITIONS[other] + item)
    expect(page.locator("html")).to_have_attribute("lang", other)
    from support import news_items
    titles = {page_path: fields["title"] for page_path, fields in news_items(publication.root.parent, other)}
    expect(page.locator("h1#news-title")).to_have_text(" ".join(titles[item + "index.html"].split()))


@HOW
@pytest.mark.parametrize("lang, item", [
    pytest.param("en", "news/2025-03-01-english-only/", id="English-only item"),
    pytest.param("ru", "ru/news/2025-01-10-russian-only/", id="Russian-only item"),
])
def test_an_item_without_a_translation_switches_to_the_other_news_page(publication_page, publication, how,
                                                                      lang, item):
    page, other = publication_page, OTHER[lang]
    page.goto(publication.url + item)
    switch_language(page, other, how)
    page.wait_for_url(publication.url + EDITIONS[other] + "news/")
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.locator(".md-content h1")).to_contain_text(heading(other, "news.md"))
