"""The offline edition: the zip the build produced, unzipped and opened by
double-click (file://), works with no network and no server, in both languages."""


import pytest
from playwright.sync_api import expect

from support import TEXT, file_reader, search_for, unzip

ZIP = "downloads/turkmenistan-opcat-offline.zip"


@pytest.fixture(scope="module")
def unzipped(site, tmp_path_factory):
    """The archive the build put into the published site, extracted as a reader would."""
    return unzip(site.root / ZIP, tmp_path_factory.mktemp("usb-stick"))


@pytest.fixture
def offline_reader(browser, request, unzipped):
    """A browser that may only read files: any http(s) request is recorded and refused."""
    with file_reader(browser, request) as (page, watch, network):
        yield page, watch, network, unzipped


def open_file(page, folder, path):
    page.goto((folder / path).as_uri())
    page.wait_for_load_state("load")


def test_every_page_opens_from_the_unzipped_folder(offline_reader):
    page, watch, network, folder = offline_reader
    pages = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html") if p.name != "404.html")
    assert {"index.html", "opcat.html", "ru/index.html", "ru/opcat.html"} <= set(pages)
    for path in pages:
        open_file(page, folder, path)
        expect(page.locator(".md-content h1")).to_be_visible()
        # Images and the logo show: every <img> decoded, the inline logo drawn.
        assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
        assert page.locator(".md-header .md-logo svg").is_visible()
    assert not network, f"the offline edition asked the network for {network}"
    assert not watch.errors, watch.errors


@pytest.mark.parametrize("lang, start, other", [("en", "index.html", "ru"), ("ru", "ru/index.html", "en")])
def test_links_between_pages_and_languages_work_offline(offline_reader, lang, start, other):
    page, watch, network, folder = offline_reader
    open_file(page, folder, start)
    page.get_by_role("link", name=TEXT[lang]["to_explainer"]).click()
    expect(page.locator(".md-content h1")).to_have_text(TEXT[lang]["explainer"])
    assert page.url.startswith("file://") and page.url.endswith("opcat.html")
    page.locator(f"nav.site-language a[hreflang={other}]").click()
    expect(page.locator(".md-content h1")).to_have_text(TEXT[other]["explainer"])
    expect(page.locator("html")).to_have_attribute("lang", other)
    assert not network and not watch.errors, (network, watch.errors)


@pytest.mark.parametrize("lang, start", [("en", "index.html"), ("ru", "ru/index.html")])
def test_search_works_offline(offline_reader, lang, start):
    page, watch, network, folder = offline_reader
    open_file(page, folder, start)
    search_for(page, TEXT[lang]["search"])
    result = page.locator(".md-search-result__item a[href*='opcat']").first
    expect(result).to_be_visible()
    result.click()
    expect(page.locator(".md-content h1")).to_have_text(TEXT[lang]["explainer"])
    assert not network and not watch.errors, (network, watch.errors)


def test_palette_toggle_works_offline(offline_reader):
    page, watch, network, folder = offline_reader
    open_file(page, folder, "opcat.html")
    page.locator("label[for=__palette_1]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert not network and not watch.errors, (network, watch.errors)
