"""Bad content fails the build with a message that names the file, the field and
what to write; good new content needs nothing but its Markdown file."""

import re

import pytest
from bs4 import BeautifulSoup

from support import labels, mkdocs_build, replace_in

ARTICLE = "docs/en/index.md"


@pytest.mark.parametrize("old, new, expected", [
    pytest.param("date: 2024-12-21\n", "", r"index\.md: front matter field 'date' is missing", id="missing date"),
    pytest.param("date: 2024-12-21", "date: 2024-02-30", r"index\.md: .*'date'.*2024-02-30.*not a real calendar date",
                 id="impossible date"),
    pytest.param("date: 2024-12-21", "date: 2999-01-01", r"index\.md: .*'date'.*in the future", id="future date"),
    pytest.param("source_url: https://www.newscentralasia.net/", "source_url: http://www.newscentralasia.net/",
                 r"index\.md: front matter field 'source_url'.*https://", id="non-https source"),
    pytest.param("source: nCa (news Central Asia)\n", "", r"index\.md: front matter field 'source' is missing",
                 id="missing source"),
    pytest.param("template: news.html\n", "template: news.html\ntitle: [unclosed\n",
                 r"index\.md: line \d+ of the front matter is not valid YAML", id="invalid YAML"),
    pytest.param("description: >-", "description: Too short.\nin_cooperation_with: >-",
                 r"index\.md: front matter field 'description' has 10 characters; write 50 to 160", id="short description"),
])
def test_bad_front_matter_fails_naming_file_field_and_fix(project_copy, old, new, expected):
    replace_in(project_copy, ARTICLE, old, new)
    result = mkdocs_build(project_copy)
    assert result.returncode != 0
    assert re.search(expected, result.stderr), result.stderr[-2000:]


def test_page_without_a_title_fails(project_copy):
    replace_in(project_copy, "docs/en/opcat.md", "title: OPCAT and national preventive mechanisms, explained\n", "")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0 and "opcat.md: front matter field 'title' is missing" in result.stderr


def test_empty_page_fails(project_copy):
    page = project_copy / "docs" / "en" / "opcat.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("---", 3) + 4], encoding="utf-8")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0 and "opcat.md: the page has no text" in result.stderr


def test_page_without_front_matter_fails(project_copy):
    (project_copy / "docs" / "en" / "notes.md").write_text("# Notes\n\nSome text.\n", encoding="utf-8")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0 and "notes.md: no front matter" in result.stderr


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
