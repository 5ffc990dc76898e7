"""Every page describes itself to search engines, link previews and assistive tools:
title, description, canonical address, Open Graph and Twitter cards, JSON-LD, and
robots.txt with the sitemaps."""

import json
import struct

import pytest
import yaml

from support import EDITIONS, ROOT

PAGES = [(lang, page) for lang in EDITIONS for page in ("index.html", "opcat/index.html")]
LOCALES = {"en": "en_GB", "ru": "ru_RU"}


def front_matter(lang, page):
    source = ROOT / "docs" / lang / page.replace("/index.html", ".md").replace("index.html", "index.md")
    return yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])


def meta(soup, key):
    tags = soup.select(f'meta[property="{key}"], meta[name="{key}"]')
    assert len(tags) == 1, f"{key}: {len(tags)} tags"
    return tags[0]["content"]


@pytest.mark.parametrize("lang, page", PAGES)
def test_page_has_description_canonical_and_sharing_cards(site, lang, page):
    soup = site.html(EDITIONS[lang] + page)
    fields = front_matter(lang, page)
    url = site.url + EDITIONS[lang] + page.removesuffix("index.html")
    assert meta(soup, "description") == fields["description"]
    assert soup.select_one("link[rel=canonical]")["href"] == url
    assert meta(soup, "og:title") == fields["title"] == meta(soup, "twitter:title")
    assert meta(soup, "og:description") == fields["description"] == meta(soup, "twitter:description")
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:type") == ("article" if page == "index.html" else "website")
    assert meta(soup, "og:locale") == LOCALES[lang]
    assert meta(soup, "og:locale:alternate") == LOCALES["ru" if lang == "en" else "en"]
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "og:image:alt") and meta(soup, "og:image:alt") == meta(soup, "twitter:image:alt")
    assert meta(soup, "referrer") in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")


@pytest.mark.parametrize("lang, page", PAGES)
def test_preview_image_is_the_sites_own_1200_by_630_png(site, lang, page):
    soup = site.html(EDITIONS[lang] + page)
    image = meta(soup, "og:image")
    assert image == meta(soup, "twitter:image") and image.startswith(site.url)
    png = (site.root / image.removeprefix(site.url)).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    size = struct.unpack(">II", png[16:24])
    assert size == (1200, 630) == (int(meta(soup, "og:image:width")), int(meta(soup, "og:image:height")))


def structured_data(soup):
    blocks = soup.select('script[type="application/ld+json"]')
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    return json.loads(blocks[0].string)


@pytest.mark.parametrize("lang", EDITIONS)
def test_news_item_is_described_as_a_news_article(site, lang):
    soup = site.html(EDITIONS[lang] + "index.html")
    data = structured_data(soup)
    fields = front_matter(lang, "index.html")
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == fields["title"]
    assert data["datePublished"] == str(fields["date"]) == meta(soup, "article:published_time")
    assert data["inLanguage"] == lang
    origin = "/".join(fields["source_url"].split("/")[:3]) + "/"
    assert data["publisher"] == {"@type": "Organization", "name": fields["source"], "url": origin}
    assert data["isBasedOn"] == fields["source_url"]
    assert "Optional Protocol" in data["about"]["name"] or "Факультативный протокол" in data["about"]["name"]
    if lang == "ru":
        assert data["translationOfWork"]["url"] == site.url


@pytest.mark.parametrize("lang", EDITIONS)
def test_explainer_is_described_as_an_article(site, lang):
    data = structured_data(site.html(EDITIONS[lang] + "opcat/index.html"))
    assert data["@type"] == "Article"
    assert data["headline"] == front_matter(lang, "opcat/index.html")["title"]
    assert data["inLanguage"] == lang and data["url"] == site.url + EDITIONS[lang] + "opcat/"


def test_robots_txt_points_to_every_sitemap(site):
    robots = (site.root / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    sitemaps = [line.split(": ", 1)[1] for line in robots if line.startswith("Sitemap:")]
    assert sitemaps == [site.url + folder + "sitemap.xml" for folder in EDITIONS.values()]
    for folder in EDITIONS.values():
        assert (site.root / folder / "sitemap.xml").is_file()


def test_404_pages_ask_not_to_be_indexed(site):
    for folder in EDITIONS.values():
        assert meta(site.html(folder + "404.html"), "robots") == "noindex"
