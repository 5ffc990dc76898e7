"""News items (front matter `template: news.html`): what their layout needs at build
time. hooks/front_matter.py checks their fields.
- News items beyond the home page live in docs/<lang>/news/. They stay out of the
  sidebar (mkdocs.yml: not_in_nav), which would otherwise list every item on every
  page and grow the build with the square of their number; instead a News page
  (news/index.md, generated) lists them all, newest first.
- The headline, drawn by news.html as <h1 id="news-title">, is registered as the
  page's first heading, so Material's skip link has a target.
- Templates get `long_date`: 21 December 2024, in the edition's language.
"""

import posixpath

from babel.dates import format_date
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.meta import get_data

NEWS_TEMPLATE = "news.html"
ARCHIVE = "news/index.md"


def on_files(files, config):
    """Generate the News page when there are news items in news/."""
    items = []
    for file in files.documentation_pages():
        if file.src_uri.startswith("news/") and file.src_uri != ARCHIVE:
            # MkDocs' own reader; bad front matter reads as {} here, and
            # hooks/front_matter.py then names the file and the fix.
            _, fields = get_data(file.content_string)
            items.append((str(fields.get("date", "")), str(fields.get("title", file.src_uri)), file.src_uri))
    if not items or files.get_file_from_path(ARCHIVE):
        return files
    labels = config.extra["labels"]
    lines = ["---", f"title: {labels['news_archive_title']}",
             f"description: {labels['news_archive_description']}", "---", ""]
    for day, title, path in sorted(items, reverse=True):
        lines.append(f"- [{title}]({posixpath.relpath(path, 'news')}) ({day})")
    files.append(File.generated(config, ARCHIVE, content="\n".join(lines) + "\n"))
    return files


def on_page_content(html, page, config, files):
    if page.meta.get("template") == NEWS_TEMPLATE and not page.toc.items:
        page.toc = TableOfContents([AnchorLink(page.title, "news-title", 1)])
    return html


def on_env(env, config, files):
    """Give templates `long_date`: 21 December 2024, in the edition's language."""
    locale = config.theme["language"]
    env.filters["long_date"] = lambda day: format_date(day, format="d MMMM y", locale=locale)
    return env
