"""The header's language switch leads to the right page whatever the reader did
before: to the page now shown in the other language, or to the other edition's
News page where the page has no translation (overrides/partials/alternate.html).
Tried by pointer and by keyboard, on the site and on a publication with items in
one language only."""

import pytest
from playwright.sync_api import expect

from support import EDITIONS, front_matter, labels, switch_language

# The sidebar's entries, as the editors wrote them.
HOME = {lang: " ".join(front_matter(lang)["title"].split())[:30] for lang in EDITIONS}
EXPLAINER = {lang: front_matter(lang, "opcat.md")["title"] for lang in EDITIONS}
NEWS = {lang: front_matter(lang, "news.md")["title"] for lang in EDITIONS}
OTHER = {"en": "ru", "ru": "en"}
HOW = pytest.mark.parametrize("how", ["pointer", "keyboard"])


def go(page, name):
    """Follow a sidebar link, as a reader does."""
    page.locator("nav.md-nav--primary a.md-nav__link").filter(has_text=name).first.click()
    page.wait_for_load_state("networkidle")


@HOW
@pytest.mark.parametrize("lang, start, steps, lands", [
    pytest.param("en", "", [NEWS["en"]], "ru/news/", id="home, News"),
    pytest.param("en", "opcat/", [NEWS["en"]], "ru/news/", id="explainer, News"),
    pytest.param("en", "news/", [EXPLAINER["en"]], "ru/opcat/", id="News, explainer"),
    pytest.param("en", "opcat/", [NEWS["en"], HOME["en"]], "ru/", id="explainer, News, home"),
    pytest.param("ru", "ru/", [NEWS["ru"]], "news/", id="ru home, News"),
    pytest.param("ru", "ru/news/", [EXPLAINER["ru"], HOME["ru"]], "", id="ru News, explainer, home"),
])
def test_the_switch_leads_to_the_page_now_shown_after_following_links(reader, site, how, lang, start, steps, lands):
    page, watch = reader(start)
    for step in steps:
        go(page, step)
    switch_language(page, OTHER[lang], how)
    page.wait_for_url(site.url + lands)
    expect(page.locator("html")).to_have_attribute("lang", OTHER[lang])
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
@pytest.mark.parametrize("lang, start, item, lands", [
    pytest.param("en", "news/", "2025-03-01-english-only", "ru/news/", id="English-only item"),
    pytest.param("ru", "ru/news/", "2025-01-10-russian-only", "news/", id="Russian-only item"),
])
def test_an_item_without_a_translation_switches_to_the_other_news_page(publication_page, publication, how,
                                                                      lang, start, item, lands):
    page = publication_page
    page.goto(publication.url + start)
    # By its address: the project may hold items of the same title (conftest.PUBLICATION).
    link = page.locator(f'.news-index a[href="{item}/"]')
    title = link.inner_text()
    link.click()
    expect(page.locator("h1#news-title")).to_have_text(title)
    switch_language(page, OTHER[lang], how)
    page.wait_for_url(publication.url + lands)
    expect(page.locator("html")).to_have_attribute("lang", OTHER[lang])


@HOW
def test_after_an_item_without_a_translation_the_switch_follows_the_next_page(publication_page, publication, how):
    page = publication_page
    page.goto(publication.url + "news/2025-03-01-english-only/")
    go(page, EXPLAINER["en"])
    switch_language(page, "ru", how)
    page.wait_for_url(publication.url + "ru/opcat/")
