"""Content checks: every page's front matter, before anything is built from it.

MkDocs silently ignores front matter it cannot parse, and a page without a title
or description still builds. This hook makes each of these stop the build with the
file, the field and what to write instead:
- front matter that is missing or is not valid YAML;
- a page without `title`, or without a `description` a search result shows whole
  (50 to 160 characters); a page with no text;
- a news item (`template: news.html`) without `date` (a real calendar date, not in
  the future), `source`, or `source_url` (an https address).
"""

import datetime
import os
import re

import yaml
from mkdocs.exceptions import PluginError

NEWS_TEMPLATE = "news.html"
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.S)
DESCRIPTION_LENGTH = range(50, 161)


def fail(page, message):
    raise PluginError(f"{page.file.src_uri}: {message}")


def build_date() -> datetime.date:
    """Today, or the day SOURCE_DATE_EPOCH names, so a rebuild judges alike."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def explain_unparsed(page, markdown):
    """MkDocs leaves front matter it could not parse in the text: say why."""
    block = FRONT_MATTER.match(markdown)
    if not block:
        fail(page, "no front matter; start the file with a --- block giving title and description.")
    try:
        fields = yaml.load(block.group(1), Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        fail(page, f"the front matter is not valid YAML ({error}). Fix the block between the --- lines.")
    if isinstance(fields, dict) and "date" in fields:
        check_date(page, fields["date"])
    fail(page, "the front matter could not be read; check it is a list of 'field: value' lines.")


def check_date(page, value):
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            fail(page, f"front matter field 'date' is {value!r}, not a real calendar date; "
                       "write the publication date as YYYY-MM-DD.")
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        fail(page, f"front matter field 'date' is {value!r}; write the publication date as YYYY-MM-DD.")
    if value > build_date():
        fail(page, f"front matter field 'date' is {value}, in the future; give the date it was published.")


def text_field(page, field, expected):
    value = page.meta.get(field)
    if not isinstance(value, str) or not value.strip():
        fail(page, f"front matter field '{field}' is missing or empty; expected {expected}.")
    return value.strip()


def on_page_markdown(markdown, page, config, files):
    if not page.meta:
        explain_unparsed(page, markdown)
    text_field(page, "title", "the page title as text")
    description = text_field(page, "description", "one sentence for search results")
    if len(description) not in DESCRIPTION_LENGTH:
        fail(page, f"front matter field 'description' has {len(description)} characters; "
                   f"write {DESCRIPTION_LENGTH.start} to {DESCRIPTION_LENGTH.stop - 1}, "
                   "so a search result shows it whole.")
    if not markdown.strip():
        fail(page, "the page has no text below its front matter.")
    if page.meta.get("template") == NEWS_TEMPLATE:
        if "date" not in page.meta:
            fail(page, "front matter field 'date' is missing; a news item needs its publication date as YYYY-MM-DD.")
        check_date(page, page.meta["date"])
        text_field(page, "source", "the publisher's name, e.g. nCa (news Central Asia)")
        url = text_field(page, "source_url", "the https address of the original article")
        if not re.match(r"https://[^/\s]+\.[^/\s]+/", url + "/"):
            fail(page, f"front matter field 'source_url' is {url!r}; expected an https:// address.")
    return markdown
