"""News items (front matter `template: news.html`): what their layout needs at build
time. hooks/front_matter.py checks their fields.
- Each edition has a News page (news/index.md, generated, drawn by
  overrides/news-index.html) listing every news item of the edition, the home
  page's report included, newest first, with its date and description. Titles and
  descriptions are written there as text, never read as Markdown. It is one entry
  in the sidebar; the items in news/ stay out of it (mkdocs.yml: not_in_nav),
  which would otherwise list every item on every page and grow the build with the
  square of their number.
- `draft: true` in front matter keeps a page out of the published site: MkDocs
  builds it only for `mkdocs serve` (marked as a draft there) and leaves it out of
  `mkdocs build` and gh-deploy, and so of the News pages, feeds, sitemap, search
  index and offline edition.
- The headline, drawn by news.html as <h1 id="news-title">, is registered as the
  page's first heading, so Material's skip link has a target.
- Templates get `long_date`: 21 December 2024, in the edition's own way of writing
  a date (`extra.labels.date_format`).
"""

import sys
from pathlib import Path

import yaml
from babel.dates import format_date
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.nav import Section
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).parent))
from errors import fail  # noqa: E402

NEWS_TEMPLATE = "news.html"
ARCHIVE = "news/index.md"
ARCHIVE_TEMPLATE = "news-index.html"


def is_draft(file, config) -> bool:
    """What the file's front matter says of `draft` (MkDocs' own reader; a file whose
    front matter cannot be read is no draft, and hooks/front_matter.py explains)."""
    _, fields = get_data(file.content_string)
    draft = fields.get("draft", False)
    if not isinstance(draft, bool):
        fail(file, config, f"front matter field 'draft' is {draft!r}; write draft: true to keep the page "
                           "unpublished, or remove the line to publish it.")
    return draft


def on_files(files, config):
    """Mark drafts, and generate the News page."""
    for file in files.documentation_pages():
        if file.abs_src_path and is_draft(file, config):
            file.inclusion = InclusionLevel.DRAFT
    if not files.get_file_from_path(ARCHIVE):
        labels = config.extra["labels"]
        front_matter = {"template": ARCHIVE_TEMPLATE, "title": labels["news_archive_title"],
                        "description": labels["news_archive_description"]}
        content = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n"
        files.append(File.generated(config, ARCHIVE, content=content))
    return files


def on_nav(nav, config, files):
    """The News page is one entry in the sidebar, not a "News" section holding "News"."""
    for number, item in enumerate(nav.items):
        if isinstance(item, Section) and len(item.children) == 1 and item.children[0].file.src_uri == ARCHIVE:
            nav.items[number] = item.children[0]
            item.children[0].parent = None
    return nav


def on_page_content(html, page, config, files):
    if page.meta.get("template") == NEWS_TEMPLATE and not page.toc.items:
        page.toc = TableOfContents([AnchorLink(page.title, "news-title", 1)])
    return html


def on_env(env, config, files):
    """Give templates `long_date`, and the news items, newest first, now that every
    page's front matter is read (`mkdocs serve` includes the drafts, marked). They are
    kept in this build's configuration: MkDocs shares hook modules between builds."""
    pages = [f.page for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve) if f.page]
    config.extra["news_items"] = sorted(
        (page for page in pages if page.meta.get("template") == NEWS_TEMPLATE),
        key=lambda page: (page.meta["date"], page.file.src_uri), reverse=True)
    config.extra["news_archive_url"] = files.get_file_from_path(ARCHIVE).url
    locale, pattern = config.theme["language"], config.extra["labels"]["date_format"]
    env.filters["long_date"] = lambda day: format_date(day, format=pattern, locale=locale)
    return env
