"""The site as a publication: a News page per edition, items in one language only,
an Atom feed per edition, `updated` dates, drafts, and `./dev new`. Checked on a
copy of the project with more items (conftest.PUBLICATION), built by `./dev build`
for a sub-path, and on the site itself."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import feedparser
import pytest
import yaml

from babel.dates import format_date

from support import (EDITIONS, ROOT, assert_builds, dev, front_matter, labels, news_items, normalise, read_page,
                     serving)

ATOM = "{http://www.w3.org/2005/Atom}"


def listed_items(publication, lang):
    """What the News page and feed must list: every published item of the copy's
    edition (the project's own and conftest.PUBLICATION's), newest first."""
    return [(" ".join(fields["title"].split()), str(fields["date"]))
            for _, fields in news_items(publication.root.parent, lang)]


def no_translation(lang, other):
    return labels(lang)["no_translation"].replace("{language}", labels(lang)["in_language"][other])


def long_date(lang, day):
    """A date as the edition writes it, white space folded as normalise() folds it."""
    return normalise(format_date(day, format=labels(lang)["date_format"], locale=lang))


LANGS = pytest.mark.parametrize("lang", EDITIONS)


# --- News pages ---------------------------------------------------------------------

@LANGS
def test_each_edition_lists_every_item_newest_first_with_its_date_and_description(publication, lang):
    items = publication.html(EDITIONS[lang] + "news/index.html").select(".news-index li")
    listed = [(normalise(li.a.get_text()), li.time["datetime"]) for li in items]
    assert listed == listed_items(publication, lang), "an item is missing or out of order, or a draft is listed"
    for li in items:
        assert normalise(li.time.get_text()) == long_date(lang, datetime.date.fromisoformat(li.time["datetime"]))
    for li in items:
        assert len(normalise(li.p.get_text())) >= 50, "an item is listed without its description"
        target = publication.resolve(EDITIONS[lang] + "news/index.html", li.a["href"])
        assert target.startswith(publication.url + EDITIONS[lang]), target


@LANGS
def test_the_news_page_is_one_entry_in_the_sidebar(publication, lang):
    nav = publication.html(EDITIONS[lang] + "opcat/index.html").select_one("nav.md-nav--primary")
    texts = [normalise(a.get_text()) for a in nav.select("a, label")]
    assert texts.count(front_matter(lang, "news.md")["title"]) == 1, texts


@LANGS
def test_the_home_report_leads_to_the_news_page_once_there_are_others(publication, site, lang):
    page = EDITIONS[lang] + "index.html"
    link = publication.html(page).select_one(".news-more a")
    assert link.get_text() == labels(lang)["news_archive_link"]
    assert publication.resolve(page, link["href"]) == publication.url + EDITIONS[lang] + "news/"
    # The site itself links it only once it has more than its home report.
    more = site.html(page).select_one(".news-more")
    assert (more is not None) == (len(news_items(ROOT, lang)) > 1)


# --- Items in one language only --------------------------------------------------------

@pytest.mark.parametrize("lang, path, other", [("en", "news/2025-03-01-english-only/", "ru"),
                                               ("ru", "ru/news/2025-01-10-russian-only/", "en")])
def test_an_item_without_a_translation_says_so_and_switches_to_the_other_news_page(publication, lang, path, other):
    soup = publication.html(path + "index.html")
    assert [normalise(p.get_text()) for p in soup.select(".news-translation")] == [no_translation(lang, other)]
    switch = soup.select_one(f".site-language a[hreflang={other}]")
    assert publication.resolve(path + "index.html", switch["href"]) == publication.url + EDITIONS[other] + "news/"
    alternates = {link["hreflang"] for link in soup.select("link[hreflang]")}
    assert alternates == {lang, "x-default"}, "hreflang for a translation that does not exist"
    sitemap = (publication.root / EDITIONS[lang] / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<url>\s*<loc>{re.escape(publication.url + path)}</loc>.*?</url>", sitemap, re.S).group()
    assert f'hreflang="{other}"' not in entry


# --- Feeds -----------------------------------------------------------------------------

@LANGS
def test_each_edition_has_a_valid_atom_feed_of_its_published_items(publication, lang):
    path = publication.root / EDITIONS[lang] / "feed.xml"
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10" and feed.feed.language == lang
    titles = [" ".join(entry.title.split()) for entry in feed.entries]
    assert titles == [title for title, _ in listed_items(publication, lang)], "an item is missing, or a draft is in"
    for entry in feed.entries:
        assert entry.link.startswith(publication.url + EDITIONS[lang]) and len(entry.summary) >= 50
    # What RFC 4287 requires and feed readers forgive: the feed's id, title and
    # updated; for each entry an id (unique), a title, updated and one alternate link.
    root = ET.parse(path).getroot()
    for required in ("id", "title", "updated"):
        assert root.find(ATOM + required) is not None and root.find(ATOM + required).text, required
    ids = [entry.find(ATOM + "id").text for entry in root.iter(ATOM + "entry")]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in root.iter(ATOM + "entry"):
        assert entry.find(ATOM + "updated") is not None and entry.find(ATOM + "author/" + ATOM + "name") is not None
        assert len([l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]) == 1


def test_feed_dates_come_from_front_matter(publication):
    entries = feedparser.parse((publication.root / "feed.xml").read_bytes()).entries
    entry = next(e for e in entries if e.link.endswith("/news/2025-03-01-english-only/"))
    assert entry.published == "2025-03-01T00:00:00Z" and entry.updated == "2025-03-03T00:00:00Z"


@LANGS
def test_every_page_links_its_editions_feed(publication, lang):
    for page in (publication.root / EDITIONS[lang].rstrip("/")).glob("**/index.html") if lang == "ru" else [
            p for p in publication.root.glob("**/index.html") if not p.is_relative_to(publication.root / "ru")]:
        links = publication.html(page.relative_to(publication.root).as_posix()).select(
            'link[type="application/atom+xml"]')
        assert len(links) == 1 and "alternate" in links[0]["rel"], page
        assert links[0]["href"] == publication.url + EDITIONS[lang] + "feed.xml"


def test_the_feed_leaves_the_sitemap_and_robots_txt_as_they_were(publication):
    robots = (publication.root / "robots.txt").read_text(encoding="utf-8")
    assert "feed" not in robots
    for lang in EDITIONS:
        sitemap = (publication.root / EDITIONS[lang] / "sitemap.xml").read_text(encoding="utf-8")
        assert all(loc.endswith("/") for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)), "a non-page in the sitemap"


# --- Updated dates ---------------------------------------------------------------------

def test_an_updated_item_shows_it_under_the_dateline_and_in_its_metadata(publication):
    soup = publication.html("news/2025-03-01-english-only/index.html")
    assert normalise(soup.select_one(".news-header__updated").get_text()) == (
        f"{labels('en')['news_updated']} {long_date('en', datetime.date(2025, 3, 3))}")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["dateModified"] == "2025-03-03" and data["datePublished"] == "2025-03-01"


@LANGS
def test_the_explainer_says_when_its_facts_were_last_checked(site, lang):
    soup = site.html(EDITIONS[lang] + "opcat/index.html")
    checked = front_matter(lang, "opcat.md")["updated"]
    assert normalise(soup.select_one(".page-checked").get_text()) == (
        f"{labels(lang)['facts_checked']} {long_date(lang, checked)}.")
    assert json.loads(soup.select_one('script[type="application/ld+json"]').string)["dateModified"] == str(checked)


def test_an_update_before_the_date_is_refused(project_copy):
    from support import write_item
    write_item(project_copy, date="2025-02-21")
    item = project_copy / "docs" / "en" / "news" / "item.md"
    item.write_text(item.read_text(encoding="utf-8").replace("date:", "updated: 2025-02-20\ndate:"), encoding="utf-8")
    result = dev(project_copy, "build")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "docs/en/news/item.md: front matter field 'updated' is 2025-02-20, before the item's date" in result.stderr


# --- Drafts ----------------------------------------------------------------------------

def test_a_draft_is_left_out_of_everything_published(publication):
    root = publication.root
    assert not list(root.rglob("*draft*")), "the draft was built"
    for lang in EDITIONS:
        folder = root / EDITIONS[lang]
        for name in ("feed.xml", "sitemap.xml", "news/index.html", "search/search_index.json"):
            assert "2025-03-05-draft" not in (folder / name).read_text(encoding="utf-8"), f"{lang}: {name}"
            assert "A draft report" not in (folder / name).read_text(encoding="utf-8"), f"{lang}: {name}"
    with zipfile.ZipFile(root / "downloads" / "turkmenistan-opcat-offline.zip") as offline:
        assert not [name for name in offline.namelist() if "draft" in name]
        assert "news/2025-02-21-second.html" in offline.namelist()


def test_serve_builds_a_draft_and_marks_it_in_either_edition(project_copy):
    from urllib.request import urlopen
    text = __import__("conftest").PUBLICATION["docs/en/news/2025-03-05-draft.md"]
    for lang in EDITIONS:
        draft = project_copy / "docs" / lang / "news" / "2025-03-05-draft.md"
        draft.parent.mkdir(parents=True, exist_ok=True)
        draft.write_text(text, encoding="utf-8")
    with serving(project_copy) as url:
        html = urlopen(url + "news/2025-03-05-draft/", timeout=30).read().decode("utf-8")
        assert labels("en")["draft_notice"] in html and "A draft report" in html
        listing = urlopen(url + "news/", timeout=30).read().decode("utf-8")
        assert "A draft report" in listing
        russian = urlopen(url + "ru/news/2025-03-05-draft/", timeout=30).read().decode("utf-8")
        assert labels("ru")["draft_notice"] in russian


# --- ./dev new ---------------------------------------------------------------------------

def test_dev_new_starts_a_draft_that_cannot_be_published_until_filled_in(project_copy):
    result = dev(project_copy, "new", "Talks on the roadmap continue")
    assert result.returncode == 0, result.stderr
    created = re.search(r"wrote (docs/en/news/(\d{4}-\d{2}-\d{2})-talks-on-the-roadmap-continue\.md)", result.stdout)
    assert created and "Fill in description, source, source_url" in result.stdout, result.stdout
    path = project_copy / created.group(1)
    text = path.read_text(encoding="utf-8")
    assert "draft: true" in text and f"date: {created.group(2)}" in text
    assert "title: Talks on the roadmap continue" in text
    # While a draft, the build leaves it out and passes.
    site = assert_builds(project_copy, dev(project_copy, "build"))
    assert not (site / "news" / path.stem).exists()
    # Undrafted before it is filled in, it is refused, naming what to write.
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    refused = dev(project_copy, "build")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert f"{created.group(1)}: front matter field 'description' still says 'FILL IN" in refused.stderr
    # Filled in, it is published.
    _, front, body = text.split("---\n", 2)
    fields = yaml.safe_load(front)
    del fields["draft"]
    fields.update(description="Talks on the roadmap to the Optional Protocol continued in Ashgabat this week.",
                  source="nCa (news Central Asia)", source_url="https://www.newscentralasia.net/2026/11/29/talks/")
    assert "FILL IN" in body
    path.write_text(f"---\n{yaml.safe_dump(fields, allow_unicode=True)}---\n\nThe talks continued.\n",
                    encoding="utf-8")
    site = assert_builds(project_copy, dev(project_copy, "build"))
    assert (site / "news" / path.stem / "index.html").is_file()


def test_dev_new_translate_starts_the_twin_in_the_other_edition(project_copy):
    original = project_copy / "docs" / "en" / "news" / "2025-02-21-second.md"
    original.parent.mkdir(parents=True, exist_ok=True)
    original.write_text(__import__("conftest").PUBLICATION["docs/en/news/2025-02-21-second.md"], encoding="utf-8")
    result = dev(project_copy, "new", "--translate", "docs/en/news/2025-02-21-second.md")
    assert result.returncode == 0, result.stderr
    twin = (project_copy / "docs" / "ru" / "news" / "2025-02-21-second.md").read_text(encoding="utf-8")
    for line in ("draft: true", "translated_from: en", "date: 2025-02-21",
                 "source_url: https://www.newscentralasia.net/2025-02-21/item/"):
        assert line in twin, twin
    # Until the twin is published, the English item has no Russian alternate.
    site = assert_builds(project_copy, dev(project_copy, "build"))
    english = (site / "news" / "2025-02-21-second" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="ru"' not in english.split("</head>")[0]


def test_the_offline_edition_has_the_news_pages_and_file_links(publication):
    """Offline (file:// addresses) the News page links items as .html files, and an
    item without a translation switches to the other edition's News page file."""
    from bs4 import BeautifulSoup
    with zipfile.ZipFile(publication.root / "downloads" / "turkmenistan-opcat-offline.zip") as offline:
        names = set(offline.namelist())
        news = BeautifulSoup(offline.read("news.html").decode("utf-8"), "html.parser")
        alone = BeautifulSoup(offline.read("news/2025-03-01-english-only.html").decode("utf-8"), "html.parser")
    listed = [a["href"] for a in news.select(".news-index a")]
    assert {"news/2025-03-01-english-only.html", "news/2025-02-21-second.html"} <= set(listed), listed
    assert all(href in names for href in listed), listed
    assert [a["href"] for a in alone.select(".site-language a")] == ["../ru/news.html"]
    assert "feed.xml" not in names and not news.select('link[type="application/atom+xml"]')


def test_a_russian_headline_is_set_as_russian_text_is_wherever_the_page_shows_it(publication):
    """Russian typography keeps «2024 год» together in the text; the headline comes
    from front matter, which no Markdown extension sees, so the build sets it too:
    in the heading, the header, the tab and the News page."""
    item = publication.root.parent / "docs" / "ru" / "news" / "2025-01-10-russian-only.md"
    title = " ".join(read_page(item, item.name)[0]["title"].split())
    match = re.search(r"(\d{4}) (год)", title)
    assert match, f"the item's headline no longer holds a year and «год»: {title!r}"
    together = f"{match[1]}\u00a0{match[2]}"
    page = publication.html("ru/news/2025-01-10-russian-only/index.html")
    # The header's second topic is the page's title (the first is the site's name).
    for where in ("h1#news-title", ".md-header__topic:last-of-type", "title"):
        assert together in page.select(where)[-1].get_text(), where
    listed = publication.html("ru/news/index.html").select(".news-index a")
    assert any(together in a.get_text() for a in listed), "the News page lists the headline apart"
