"""Site-wide guarantees: privacy (no other origin), the 404 page, abbreviations,
search and navigation."""

import json
import re
from urllib.parse import unquote, urlsplit

import pytest

from support import EDITIONS, edition_config, front_matter, glossary, normalise

LANGS = pytest.mark.parametrize("lang", EDITIONS)

# <link rel> values that make the browser fetch something.
FETCHING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload",
                 "modulepreload", "prefetch", "preconnect", "dns-prefetch", "mask-icon"}


def is_other_origin(url: str, site_url: str) -> bool:
    parts = urlsplit(url)
    if url.startswith("//"):
        return True
    if not parts.scheme:
        return False
    if parts.scheme == "data":
        return False
    return f"{parts.scheme}://{parts.netloc}" != "{0.scheme}://{0.netloc}".format(urlsplit(site_url))


def test_no_page_loads_an_asset_from_another_origin(site):
    found = []
    for path in site.pages():
        soup = site.html(str(path.relative_to(site.root)))
        for tag in soup.select("[src]"):
            if is_other_origin(tag["src"], site.url):
                found.append((path.name, tag["src"]))
        for tag in soup.select("link[href]"):
            if FETCHING_RELS & set(tag.get("rel", [])) and is_other_origin(tag["href"], site.url):
                found.append((path.name, tag["href"]))
        for tag in soup.select("[style], style"):
            text = tag.get("style", "") + (tag.string or "")
            found += [(path.name, u) for u in re.findall(r"url\(['\"]?([^'\")]+)", text)
                      if is_other_origin(u, site.url)]
    assert not found, f"assets from other origins: {found}"


def test_no_stylesheet_imports_from_another_origin(site):
    stylesheets = sorted(site.root.rglob("*.css"))
    assert any("--site-source-bg" in p.read_text(encoding="utf-8") for p in stylesheets), \
        "the site's own styles are in no stylesheet"
    found = []
    for css in stylesheets:
        text = css.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        found += [(css.name, u) for u in urls if is_other_origin(u, site.url)]
    assert not found, f"stylesheets fetch from other origins: {found}"


def test_scripts_come_from_the_site_itself(site):
    for path in site.pages():
        for script in site.html(str(path.relative_to(site.root))).select("script[src]"):
            assert not is_other_origin(script["src"], site.url), script["src"]


@pytest.mark.parametrize("lang, title", [("en", "Page not found"), ("ru", "Страница не найдена")])
def test_404_page_is_styled_and_leads_home(site, lang, title):
    path = EDITIONS[lang] + "404.html"
    soup = site.html(path)
    sheets = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    assert len(sheets) == 1 and "/assets/stylesheets/main." in sheets[0]
    # Its one stylesheet carries the site's own styles too (hooks/lean.py).
    sheet = site.root / "assets" / sheets[0].split("/assets/", 1)[1]
    assert "--site-source-bg" in sheet.read_text(encoding="utf-8")
    assert normalise(soup.select_one("article h1").get_text()) == title
    links = soup.select("article a")
    # GitHub Pages serves 404.html at any depth, so its links must not be relative.
    assert all(a["href"].startswith(("/opcat-site/", site.url)) for a in links)
    targets = {site.resolve(path, a["href"]) for a in links}
    home = site.url + EDITIONS[lang]
    assert {home, home + "opcat/"} <= targets
    # ...and it offers every edition's home page.
    assert {site.url + folder for folder in EDITIONS.values()} <= targets


def test_glossary_covers_the_abbreviations_the_pages_use():
    assert {"OPCAT", "NPM", "OHCHR", "SPT", "CAT", "UPR", "NHRI", "UN"} <= set(glossary("en"))


@LANGS
def test_each_abbreviation_expands_wherever_it_appears(site, lang):
    terms = glossary(lang)
    for page in (EDITIONS[lang] + "index.html", EDITIONS[lang] + "opcat/index.html"):
        article = site.html(page).select_one("article")
        # The page title and the news header come from front matter, not from the
        # Markdown the glossary applies to.
        for chrome in article.select("h1, .news-header, .abbr-definitions"):
            chrome.decompose()
        soup = site.html(page)
        for abbr in article.select("abbr"):
            assert abbr.get("data-title") == terms[abbr.get_text()], f"{page}: {abbr}"
            # What screen readers announce as its description.
            described = soup.find(id=abbr["aria-describedby"])
            assert described.get_text() == terms[abbr.get_text()], f"{page}: {abbr}"
            assert not abbr.get("title"), "a title would add the browser's own tooltip"
        bare = []
        for node in article.find_all(string=True):
            if node.parent.name == "abbr":
                continue
            bare += [t for t in terms if re.search(rf"(?<![\w/.-]){re.escape(t)}(?![\w-])", node)]
        assert not bare, f"{page}: abbreviations without their expansion: {bare}"


@LANGS
def test_each_abbreviation_can_be_focused_once_per_page(site, lang):
    for page in (EDITIONS[lang] + "index.html", EDITIONS[lang] + "opcat/index.html"):
        article = site.html(page).select_one("article")
        used = {a.get_text() for a in article.select("abbr") if not a.find_parent("a")}
        focusable = [a.get_text() for a in article.select("abbr[tabindex='0']")]
        assert sorted(focusable) == sorted(used), page
        assert not article.select("a abbr[tabindex]"), "a tab stop nested in a link"


@pytest.mark.parametrize("lang, word, languages", [
    ("en", "preventive", ["en"]),
    # Russian stemming (English would cost every Russian page another script).
    ("ru", "превентивные", ["ru"]),
])
def test_search_index_holds_both_pages_in_the_editions_language(site, lang, word, languages):
    index = json.loads((site.root / EDITIONS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == languages
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {"", "opcat/"} <= locations
    assert any(word in doc["text"].lower() for doc in index["docs"] if doc["location"].startswith("opcat/"))


def test_pages_offer_toc_and_previous_next(site):
    home = site.html("index.html")
    # The footer leads on in the sidebar's order (the home page first, then the
    # other pages by file name: news.md, opcat.md).
    sidebar = [a["href"] for a in home.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert len(sidebar) >= 3 and home.select_one(".md-footer__link--next")["href"] == sidebar[1], sidebar
    explainer = site.html("opcat/index.html")
    assert explainer.select_one(".md-footer__link--prev")
    toc = [normalise(a.get_text()) for a in explainer.select(".md-sidebar--secondary .md-nav__link")]
    assert "Where Turkmenistan stands" in toc


@pytest.mark.parametrize("lang", EDITIONS)
def test_titles_name_the_page_then_the_site(site, lang):
    folder = EDITIONS[lang]
    explainer = front_matter(lang, "opcat.md")["title"]
    headline = " ".join(front_matter(lang)["title"].split())
    site_name = edition_config(lang).site_name
    assert site.html(folder + "opcat/index.html").title.string == f"{explainer} – {site_name}"
    home = normalise(site.html(folder + "index.html").title.string)
    assert home.startswith(headline) and site_name not in home


def test_logo_and_favicon_are_the_sites_own_svg_files(site):
    soup = site.html("index.html")
    favicon = soup.select_one("link[rel=icon]")["href"]
    # Written into the page (hooks/lean.py) from the site's own favicon.svg.
    assert favicon.startswith("data:image/svg+xml,")
    own = unquote(favicon.removeprefix("data:image/svg+xml,"))
    assert own == (site.root / "assets" / "images" / "favicon.svg").read_text(encoding="utf-8").strip()
    logo = str(soup.select_one(".md-logo svg"))
    for svg in (own, logo):
        assert svg.startswith("<svg") and "<image" not in svg
        assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    # The logo is drawn inline from the site's own icon, in the header's colour.
    assert 'stroke="currentColor"' in logo and 'd="M6 21V3h9v18"' in logo
