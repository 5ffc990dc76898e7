"""News items (front matter `template: news.html`): what their layout needs at build
time. hooks/front_matter.py has already checked their fields.
- The headline, drawn by news.html as <h1 id="news-title">, is registered as the
  page's first heading, so Material's skip link has a target.
- Templates get `long_date`: 21 December 2024, in the edition's language.
"""

from babel.dates import format_date
from mkdocs.structure.toc import AnchorLink, TableOfContents

NEWS_TEMPLATE = "news.html"


def on_page_content(html, page, config, files):
    if page.meta.get("template") == NEWS_TEMPLATE and not page.toc.items:
        page.toc = TableOfContents([AnchorLink(page.title, "news-title", 1)])
    return html


def on_env(env, config, files):
    """Give templates `long_date`: 21 December 2024, in the edition's language."""
    locale = config.theme["language"]
    env.filters["long_date"] = lambda day: format_date(day, format="d MMMM y", locale=locale)
    return env
