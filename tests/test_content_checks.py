"""Good new content needs nothing but its Markdown file. (Bad content and the
message it gets are tests/test_source_checks.py's, one check a test; that such a
message stops ./dev build is tests/test_editor_mistakes.py's.)"""

from bs4 import BeautifulSoup

from support import labels, mkdocs_build

ARTICLE = "docs/en/index.md"


SECOND_ITEM = """---
template: news.html
title: A second news item for the test
description: A test news item, to show that one Markdown file with this front matter is all it takes.
date: 2025-02-21
source: nCa (news Central Asia)
source_url: https://www.newscentralasia.net/2025/02/21/example/
---

The text of the second item.
"""


def test_a_second_news_item_is_one_markdown_file_and_gets_the_same_treatment(project_copy):
    (project_copy / "docs" / "en" / "news").mkdir(exist_ok=True)
    (project_copy / "docs" / "en" / "news" / "2025-02-21-second.md").write_text(SECOND_ITEM, encoding="utf-8")
    result = mkdocs_build(project_copy, SITE_URL="https://user.github.io/repo/")
    assert result.returncode == 0, result.stderr
    site = project_copy / "site"
    soup = BeautifulSoup((site / "news" / "2025-02-21-second" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.select_one(".news-header h1").get_text() == "A second news item for the test"
    time = soup.select_one(".news-header time")
    assert time["datetime"] == "2025-02-21" and time.get_text() == "21 February 2025"
    assert soup.select_one(".news-source a")["href"] == "https://www.newscentralasia.net/2025/02/21/example/"
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"
    assert soup.select_one('meta[property="article:published_time"]')["content"] == "2025-02-21"
    assert '"@type": "NewsArticle"' in soup.select_one('script[type="application/ld+json"]').string
    # The generated News page lists it, and every page's navigation leads there,
    # without any edit to mkdocs.yml.
    archive = BeautifulSoup((site / "news" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = [a for a in archive.select(".md-content a") if a.get_text() == "A second news item for the test"]
    assert listed and listed[0]["href"].startswith("2025-02-21-second/")
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(a["href"].endswith("news/") for a in home.select("nav.md-nav--primary a[href]"))
    # It has no Russian twin yet: it says so, and its language switch leads to the
    # Russian News page.
    said = labels("en")["no_translation"].replace("{language}", labels("en")["in_language"]["ru"])
    assert soup.select_one(".news-translation").get_text() == said
    assert [a["href"] for a in soup.select(".site-language a")] == ["../../ru/news/"]
