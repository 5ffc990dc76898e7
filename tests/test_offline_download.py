"""The offline edition is part of every build: one zip with a stable name, in both
languages, linked with its size from every page's footer."""

import re
import zipfile

import pytest

from support import EDITIONS

ZIP = "downloads/turkmenistan-opcat-offline.zip"


@pytest.fixture(scope="module")
def archive(site):
    path = site.root / ZIP
    assert path.is_file(), "the build published no offline edition"
    return path


def test_zip_holds_both_editions_with_file_links_and_offline_search(archive):
    with zipfile.ZipFile(archive) as bundle:
        names = set(bundle.namelist())
        assert {"index.html", "opcat.html", "ru/index.html", "ru/opcat.html"} <= names
        assert {"search/search_index.js", "ru/search/search_index.js"} <= names
        html = bundle.read("opcat.html").decode("utf-8")
        # Links name their files (file:// has no directory index) ...
        assert 'href="index.html"' in html and 'href="ru/opcat.html"' in html
        # ... and nothing is fetched from another origin: the worker shim is the local copy.
        assert "unpkg.com" not in html and "assets/javascripts/vendor/iframe-worker-shim.js" in html
        assert "assets/javascripts/vendor/iframe-worker-shim.js" in names
        # The offline edition does not offer itself for download.
        assert "downloads/" not in " ".join(names) and ZIP not in html


@pytest.mark.parametrize("lang, label", [("en", "Download the whole site for offline reading"),
                                         ("ru", "Скачать весь сайт для чтения без интернета")])
def test_every_page_links_the_download_with_its_size(site, archive, lang, label):
    megabytes = f"{archive.stat().st_size / 1_000_000:.1f}"
    if lang == "ru":
        megabytes = megabytes.replace(".", ",")
    for page in ("index.html", "opcat/index.html"):
        footer = site.html(EDITIONS[lang] + page).select_one(".md-copyright__download")
        assert footer is not None, page
        link = footer.select_one("a")
        assert link.get_text() == label and link.has_attr("download")
        assert link["href"] == site.url + ZIP
        assert re.search(rf"ZIP.*{re.escape(megabytes)}\s(MB|МБ)", footer.get_text()), footer.get_text()


def test_online_site_does_not_carry_the_offline_shim(site):
    assert not list(site.root.glob("assets/javascripts/vendor/iframe-worker-shim.js"))
