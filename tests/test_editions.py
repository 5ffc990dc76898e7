"""The Russian edition: every page has its twin, the two say the same things with the
same sources and dates, and a reader can move between them without losing their place."""

import re
from collections import Counter

import pytest

from support import EDITIONS, ROOT, glossary, normalise, one_language_pages

PAGES = ["index.html", "opcat/index.html"]
TWINS = pytest.mark.parametrize("page", PAGES)

# The bilingual concordance of the glossaries: English term -> Russian term.
CONCORDANCE = {
    "APT": "АПП", "CAT": "КПП", "nCa": "nCa", "NHRI": "НПУ", "NHRIs": "НПУ", "NPM": "НПМ",
    "NPMs": "НПМ", "OHCHR": "УВКПЧ", "OPCAT": "ФП КПП", "SPT": "ППП", "UN": "ООН",
    "UNDP": "ПРООН", "UPR": "УПО",
}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    # Stems that cover the genitive (21 декабря), prepositional (в декабре) and
    # nominative forms.
    "ru": ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август",
           "сентябр", "октябр", "ноябр", "декабр"],
}


def page_text(soup) -> str:
    article = soup.select_one("article")
    for chrome in article.select(".headerlink"):
        chrome.decompose()
    return normalise(article.get_text(" "))


def dates(text: str, lang: str) -> Counter:
    """Every date the text gives: (day or None, month, year), and every year alone."""
    found = Counter()
    for number, stem in enumerate(MONTHS[lang], start=1):
        for day, year in re.findall(rf"(?:\b(\d{{1,2}})\s+)?\b{stem}\w*\s+(\d{{4}})", text):
            found[(int(day) if day else None, number, int(year))] += 1
    found.update(int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text))
    return found


def editions_pages(site):
    english = {p.relative_to(site.root).as_posix() for p in site.pages() if not p.is_relative_to(site.root / "ru")}
    russian = {p.relative_to(site.root / "ru").as_posix() for p in (site.root / "ru").rglob("*.html")}
    return english, russian


def test_every_page_has_its_twin_but_items_published_in_one_language(site):
    english, russian = editions_pages(site)
    alone = one_language_pages(ROOT)
    assert english - russian == alone["en"] and russian - english == alone["ru"]
    assert set(PAGES) | {"news/index.html"} <= english & russian


def test_a_page_without_a_twin_says_so_and_claims_none(publication):
    """Items may exist in one language only (conftest.PUBLICATION): each says so, and
    every other page still has its twin."""
    english, russian = editions_pages(publication)
    alone = {"en": english - russian, "ru": russian - english}
    assert alone == one_language_pages(publication.root.parent)
    assert "news/2025-03-01-english-only/index.html" in alone["en"]
    assert "news/2025-01-10-russian-only/index.html" in alone["ru"]
    for lang, pages in alone.items():
        for page in pages:
            soup = publication.html(EDITIONS[lang] + page)
            assert soup.select_one(".news-translation"), f"{lang} {page} does not say it has no translation"
            assert {link["hreflang"] for link in soup.select("link[hreflang]")} == {lang, "x-default"}
    for page in english & russian - {"404.html"}:
        for lang in EDITIONS:
            hreflangs = {link["hreflang"] for link in publication.html(EDITIONS[lang] + page).select("link[hreflang]")}
            assert hreflangs == {"en", "ru", "x-default"}, f"{lang} {page}"


@pytest.mark.parametrize("lang", EDITIONS)
def test_pages_declare_their_language(site, lang):
    for page in PAGES + ["404.html"]:
        assert site.html(EDITIONS[lang] + page).html["lang"] == lang


@pytest.mark.parametrize("lang", EDITIONS)
@TWINS
def test_each_page_links_its_twins_with_hreflang_alternates(site, lang, page):
    soup = site.html(EDITIONS[lang] + page)
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.select("link[hreflang]")
        if "alternate" in link["rel"]
    }
    url = page.removesuffix("index.html")
    assert alternates == {
        "en": site.url + url,
        "ru": site.url + "ru/" + url,
        "x-default": site.url + url,
    }


@pytest.mark.parametrize("lang, other", [("en", "ru"), ("ru", "en")])
@TWINS
def test_language_switch_in_the_header_leads_to_the_same_page(site, lang, other, page):
    path = EDITIONS[lang] + page
    switch = site.html(path).select("header .site-language a")
    assert len(switch) == 1
    link = switch[0]
    assert link["hreflang"] == other and link["lang"] == other
    assert site.resolve(path, link["href"]) == site.url + EDITIONS[other] + page.removesuffix("index.html")
    # A nav landmark with a name, so screen readers announce what the link is for.
    assert link.find_parent("nav")["aria-label"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_sitemap_lists_each_page_with_its_twins(site, lang):
    sitemap = (site.root / EDITIONS[lang] / "sitemap.xml").read_text(encoding="utf-8")
    for page in PAGES:
        url = page.removesuffix("index.html")
        assert f"<loc>{site.url}{EDITIONS[lang]}{url}</loc>" in sitemap
        for alt_lang, folder in EDITIONS.items():
            assert f'hreflang="{alt_lang}" href="{site.url}{folder}{url}"' in sitemap
        assert f'hreflang="x-default" href="{site.url}{url}"' in sitemap


def test_glossaries_cover_the_same_terms():
    assert {CONCORDANCE[t] for t in glossary("en")} == set(glossary("ru"))


@TWINS
def test_twins_use_the_same_abbreviations(site, page):
    used = {
        lang: {a.get_text() for a in site.html(EDITIONS[lang] + page).select("article abbr")}
        for lang in EDITIONS
    }
    assert {CONCORDANCE[t] for t in used["en"]} == used["ru"]


@TWINS
def test_twins_have_the_same_sections_footnotes_and_links(site, page):
    english, russian = (site.html(EDITIONS[lang] + page).select_one("article") for lang in EDITIONS)
    for selector in ("h2", "h3", "figure", "table tr", ".footnote li", "a.footnote-ref", "p:not(.news-translation)"):
        assert len(english.select(selector)) == len(russian.select(selector)), selector
    outward = [
        Counter(a["href"] for a in soup.select("a[href^='http']") if not a.find_parent(class_="news-translation"))
        for soup in (english, russian)
    ]
    assert outward[0] == outward[1]


@TWINS
def test_twins_give_the_same_dates(site, page):
    english, russian = (page_text(site.html(EDITIONS[lang] + page)) for lang in EDITIONS)
    assert dates(english, "en") == dates(russian, "ru")
    assert dates(english, "en"), "no dates found: has the date wording changed?"


def test_russian_article_is_marked_as_an_unofficial_translation(site):
    soup = site.html("ru/index.html")
    notice = soup.select_one(".news-header .news-translation")
    assert notice is not None and "неофициальный перевод" in notice.get_text().lower()
    targets = {site.resolve("ru/index.html", a["href"]) for a in notice.select("a")}
    assert site.url in targets, "the notice does not link the English text"
    assert soup.select_one(".news-source a")["href"] in targets, "the notice does not link nCa's original"
    # The English original is not marked as a translation.
    assert site.html("index.html").select_one(".news-translation") is None


def test_russian_quotations_say_they_are_translated(site):
    captions = site.html("ru/index.html").select(".news-body figcaption")
    assert len(captions) == 2
    for caption in captions:
        assert "в переводе с английского" in caption.get_text()


def test_russian_edition_uses_established_russian_names(site):
    article = page_text(site.html("ru/index.html"))
    explainer = page_text(site.html("ru/opcat/index.html"))
    for name in ("УВКПЧ ООН", "Факультативного протокола к Конвенции", "национального превентивного механизма",
                 "универсального периодического обзора", "Аппарата Омбудсмена"):
        assert name in article, name
    assert "«Предупреждение пыток: Роль национальных превентивных механизмов - Практическое руководство»" in explainer
    assert "Уполномоченный по правам человека (Омбудсмен)" in explainer
