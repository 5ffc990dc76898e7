"""News items: check the front matter their header is drawn from, and format datelines.

A page whose front matter says `template: news.html` is a news item. news.html shows
its title, dateline and source box from front-matter fields, so a missing or malformed
field stops the build with the file, the field and the fix named, instead of publishing
a header with holes in it.
"""

import datetime

from babel.dates import format_date
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink, TableOfContents

NEWS_TEMPLATE = "news.html"

# field -> (type the YAML must give, what the maintainer should write)
REQUIRED = {
    "title": (str, "the headline as text"),
    "description": (str, "a one-sentence summary as text"),
    "date": (datetime.date, "the publication date as YYYY-MM-DD, unquoted"),
    "source": (str, "the publisher's name, e.g. nCa (news Central Asia)"),
    "source_url": (str, "the https address of the original article"),
}


def on_page_markdown(markdown, page, config, files):
    """Fail the build when a news item lacks a field its header needs."""
    if page.meta.get("template") != NEWS_TEMPLATE:
        return markdown
    where = page.file.src_uri
    for field, (kind, expected) in REQUIRED.items():
        value = page.meta.get(field)
        if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
            raise PluginError(
                f"{where}: front matter field '{field}' is missing or malformed "
                f"(got {value!r}); expected {expected}."
            )
    if not page.meta["source_url"].startswith("https://"):
        raise PluginError(
            f"{where}: front matter field 'source_url' must start with https:// "
            f"(got {page.meta['source_url']!r})."
        )
    return markdown


def on_page_content(html, page, config, files):
    """news.html draws the headline as <h1 id="news-title">, outside the Markdown, so
    register it as the page's first heading: Material's skip link targets it."""
    if page.meta.get("template") == NEWS_TEMPLATE and not page.toc.items:
        page.toc = TableOfContents([AnchorLink(page.title, "news-title", 1)])
    return html


def on_env(env, config, files):
    """Give templates `long_date`: 21 December 2024, in the edition's language."""
    locale = config.theme["language"]
    env.filters["long_date"] = lambda day: format_date(day, format="d MMMM y", locale=locale)
    return env
