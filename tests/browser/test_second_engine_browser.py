"""The site built by the second engine, Zensical 0.0.73, in a real Chromium: the
language switch, every page and Zensical's own search under the policy, and the
offline zip from file://. 0.0.73 is the newest Zensical that installs from the
registries this project uses (0.0.74 and 0.1.x need a `zensical-ui` wheel none
of them has); see tests/test_second_engine.py, whose build (conftest.py's
zensical_publication) this file shares.

(Named apart from tests/test_second_engine.py: pytest imports both folders'
modules by their bare names, and two files of one name cannot be collected.)"""


import pytest
from playwright.sync_api import expect

from support import EDITIONS, TEXT, Watch, file_reader, news_items, ready, switch_language, unzip

OTHER = {"en": "ru", "ru": "en"}
ZIP = "downloads/turkmenistan-opcat-offline.zip"
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
"""
# Zensical's search: a button in the header opens a dialog in a shadow root (which
# Playwright's locators enter), whose results are links.
SEARCH_BUTTON = ".md-search__button"
SEARCH_FIELD = "dialog input[role=combobox]"
SEARCH_RESULT = "dialog ol[role=listbox] a"


def search(page, words):
    page.locator(SEARCH_BUTTON).click()
    page.locator(SEARCH_FIELD).fill(words)
    expect(page.locator(SEARCH_RESULT).first).to_be_visible(timeout=10000)


@pytest.fixture
def zensical_reader(browser, zensical_publication, request):  # noqa: F811
    """One context for the test: reader(path) opens the page, recording the console,
    uncaught errors, requests elsewhere and policy violations."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    origin = zensical_publication.url.split("/repo/")[0]
    watch = Watch(origin)
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.errors.append(f"uncaught: {error}"))
    context.on("request", watch.on_request)
    request.node.opened_pages = [(page, watch)]

    def open_page(path):
        page.goto(zensical_publication.url + path)
        ready(page)  # Zensical's bundle, like Material's, sets window.component$ once mounted
        return page, watch

    yield open_page
    context.close()


@pytest.mark.parametrize("lang, item", [("en", "news/2025-02-21-second/"), ("ru", "ru/news/2025-02-21-second/")])
def test_the_switch_on_a_twinned_item_leads_to_its_twin(zensical_reader, zensical_publication, lang, item):
    page, watch = zensical_reader(item)
    switch_language(page, OTHER[lang], "pointer")
    twin = EDITIONS[OTHER[lang]] + "news/2025-02-21-second/"
    page.wait_for_url(zensical_publication.url + twin)
    expect(page.locator("html")).to_have_attribute("lang", OTHER[lang])
    titles = {page: fields["title"] for page, fields in news_items(zensical_publication.root.parent, OTHER[lang])}
    expect(page.locator("h1#news-title")).to_have_text(" ".join(titles["news/2025-02-21-second/index.html"].split()))
    watch.assert_clean()


@pytest.mark.parametrize("how", ["pointer", "keyboard"])
def test_the_switch_on_the_russian_only_item_leads_to_the_english_news_page(zensical_reader, zensical_publication,
                                                                              how):
    page, watch = zensical_reader("ru/news/")
    page.locator('.news-index a[href="2025-01-10-russian-only/"], .news-index a[href="./2025-01-10-russian-only/"]') \
        .first.click()
    page.wait_for_url(zensical_publication.url + "ru/news/2025-01-10-russian-only/")
    switch_language(page, "en", how)
    page.wait_for_url(zensical_publication.url + "news/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    watch.assert_clean()


def test_every_page_and_the_search_work_under_the_policy(zensical_reader, zensical_publication):
    """Every page loads with one policy, its edition's, and breaks none of it; the
    search, whose dialog makes a <style> the policy must allow by its hash, is
    opened on each edition's shallowest and deepest page (the policy is the same on
    every page of an edition, so a page between them would only repeat it, and the
    search's addresses are relative, so the depth is what differs)."""
    built = zensical_publication
    pages = sorted(p.relative_to(built.root).as_posix().removesuffix("index.html") for p in built.root.rglob("*.html"))
    assert len(pages) >= 12
    policies = {}
    for path in pages:
        page, watch = zensical_reader(path)
        lang = "ru" if path.startswith(EDITIONS["ru"]) else "en"
        expect(page.locator("html")).to_have_attribute("lang", lang)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1, path
        policies.setdefault(lang, set()).add(policy.get_attribute("content"))
        assert page.evaluate("window.__violations") == [], path
        assert not watch.errors, (path, watch.errors)
    assert all(len(texts) == 1 for texts in policies.values()), "an edition's pages differ in their policy"
    for lang in EDITIONS:
        edition = [path for path in pages if (lang == "ru") == path.startswith(EDITIONS["ru"])]
        for path in {min(edition, key=lambda p: p.count("/")), max(edition, key=lambda p: p.count("/"))}:
            page, watch = zensical_reader(path)
            search(page, TEXT[lang]["search"])
            assert page.evaluate("window.__violations") == [], path
            assert not watch.errors, (path, watch.errors)
    watch.assert_clean()


# --- The offline zip ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zensical_unzipped(zensical_publication, tmp_path_factory):  # noqa: F811
    return unzip(zensical_publication.root / ZIP, tmp_path_factory.mktemp("zensical-usb-stick"))


def test_the_offline_zip_opens_from_file_and_its_search_works(browser, zensical_unzipped, request):
    folder = zensical_unzipped
    with file_reader(browser, request) as (page, watch, network):
        pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if p.name != "404.html")
        assert {"index.html", "opcat.html", "news.html", "ru/index.html", "ru/opcat.html", "ru/news.html"} <= set(pages)
        for path in pages:
            page.goto((folder / path).as_uri())
            expect(page.locator(".md-content h1").first).to_be_visible()
        for lang in EDITIONS:
            page.goto((folder / EDITIONS[lang] / "index.html").as_uri())
            search(page, TEXT[lang]["search"])
            result = page.locator(SEARCH_RESULT).filter(has_text=TEXT[lang]["explainer"]).first
            expect(result).to_be_visible()
            result.click()
            expect(page.locator(".md-content h1")).to_have_text(TEXT[lang]["explainer"])
            assert page.url.startswith((folder / EDITIONS[lang] / "opcat.html").as_uri())
        assert not network, f"the offline edition asked the network for {network}"
        assert not watch.errors, watch.errors
