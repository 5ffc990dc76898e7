"""News items (front matter `template: news.html`): what their layout needs at build
time. hooks/front_matter.py checks their fields.
- News items beyond the home page live in docs/<lang>/news/. They stay out of the
  sidebar (mkdocs.yml: not_in_nav), which would otherwise list every item on every
  page and grow the build with the square of their number; instead a News page
  (news/index.md, generated, drawn by overrides/news-index.html) lists them all,
  newest first. Titles and descriptions are written there as text, never read
  as Markdown, so a title shows the same everywhere.
- The headline, drawn by news.html as <h1 id="news-title">, is registered as the
  page's first heading, so Material's skip link has a target.
- Templates get `long_date`: 21 December 2024, in the edition's language.
"""

import yaml
from babel.dates import format_date
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink, TableOfContents

NEWS_TEMPLATE = "news.html"
ARCHIVE = "news/index.md"
ARCHIVE_TEMPLATE = "news-index.html"


def on_files(files, config):
    """Generate the News page when there are news items in news/."""
    in_news = [f for f in files.documentation_pages() if f.src_uri.startswith("news/") and f.src_uri != ARCHIVE]
    if not in_news or files.get_file_from_path(ARCHIVE):
        return files
    labels = config.extra["labels"]
    front_matter = {"template": ARCHIVE_TEMPLATE, "title": labels["news_archive_title"],
                    "description": labels["news_archive_description"]}
    content = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n"
    files.append(File.generated(config, ARCHIVE, content=content))
    return files


def on_page_content(html, page, config, files):
    if page.meta.get("template") == NEWS_TEMPLATE and not page.toc.items:
        page.toc = TableOfContents([AnchorLink(page.title, "news-title", 1)])
    return html


def on_page_context(context, page, config, nav):
    if page.meta.get("template") == ARCHIVE_TEMPLATE:
        context["news_items"] = config.extra["news_items"]
    return context


def on_env(env, config, files):
    """Give templates `long_date`: 21 December 2024, in the edition's language;
    collect the news items, now that every page's front matter is read (kept in
    this build's configuration: hook modules are shared by every build)."""
    config.extra["news_items"] = sorted(
        (f.page for f in files.documentation_pages() if f.page and f.page.meta.get("template") == NEWS_TEMPLATE),
        key=lambda page: (page.meta["date"], page.file.src_uri), reverse=True)
    locale = config.theme["language"]
    env.filters["long_date"] = lambda day: format_date(day, format="d MMMM y", locale=locale)
    return env
