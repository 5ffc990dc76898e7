"""Every page's text and front matter, read once, by the one reader of the project.

MkDocs silently ignores front matter it cannot parse, and a page without a title
or description still builds. These checks name the file (docs/<lang>/...), the
field or line, and what to write instead:
- a file that is not UTF-8 text, or holds an invisible control character
  (pasted from a PDF or a word processor);
- front matter that is missing, does not start on the first line, or is not valid
  YAML (a tab, a colon or an apostrophe inside a value are explained by line);
- a page without `title`, or without a `description` a search result shows whole
  (50 to 160 characters); a page with no text (comments do not count); an HTML
  comment that is never closed (readers would see it);
- a news item (`template: news.html`, in news/) without `date` (YYYY-MM-DD, a real
  day, not in the future by the real clock, with a day's slack for time zones east
  of UTC), `source`, or `source_url` (an https address);
- an `updated` day (any page) written likewise, and not before `date`;
- a page to be published that still holds a placeholder of `./dev new` (FILL IN);
  a draft (`draft: true`, which must be a boolean) may;
- a field the site does not know, a `template` that is not one of the site's
  layouts, a `translated_from` that names no language the site can name, and a
  page in news/ that is not a news item (it would be on no News page and in no feed).
A quoted date ("2024-12-21") is read as the date it spells.
"""

import datetime
import difflib
import re
from pathlib import Path

import yaml

from .errors import blank_code, check_text, fail, where

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader

NEWS_TEMPLATE = "news.html"
# The News page of each edition, docs/<lang>/news.md: the list of its news items.
NEWS_INDEX_TEMPLATE = "news-index.html"
NEWS_INDEX = "news.md"
TEMPLATES = {NEWS_TEMPLATE, NEWS_INDEX_TEMPLATE}
# MkDocs' own pattern for a front matter block, so every engine reads the same block.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.S)
DESCRIPTION_LENGTH = range(50, 161)
PLACEHOLDER = "FILL IN"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
HTTPS_ADDRESS = re.compile(r"https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[^\s\"'<>`]*)?")
COMMENT = re.compile(r"<!--.*?-->", re.S)
NEWS_FOLDER = "news/"
# Every field a page may have: the site's own, and Material's `hide` and `search`.
FIELDS = {
    "title": "the page title", "description": "one sentence for search results",
    "template": f"the layout: {NEWS_TEMPLATE} for a news item, {NEWS_INDEX_TEMPLATE} for the News page",
    "date": "a news item's publication date",
    "updated": "the day the text was last changed or checked", "draft": "true keeps the page unpublished",
    "source": "the publisher's name", "source_url": "the original's https address",
    "in_cooperation_with": "who the publisher worked with", "translated_from": "the original's language code",
    "hide": "Material's hide: [navigation, toc, footer]", "search": "Material's search: {exclude: true}",
}


def today() -> datetime.date:
    """The latest date it is anywhere on Earth now, near enough (UTC plus a day):
    an item dated today in Ashgabat is never "in the future"."""
    return datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1)


# --- Reading ------------------------------------------------------------------------

def read(path: Path, name: str) -> tuple:
    """(fields, body) of a page: its front matter as YAML types it (dates are dates),
    and the text below it. A file that cannot be read so raises SourceError."""
    # As MkDocs reads a page: without a byte order mark, every line ending a \n.
    text = check_text(path, name).removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    block = FRONT_MATTER.match(text)
    if not block:
        if text.lstrip().startswith("---"):
            fail(name, "the front matter must begin on the first line; delete what stands above "
                       "the first --- (a blank line or spaces).")
        fail(name, "no front matter; start the file with a --- block giving title and description.")
    try:
        fields = yaml.load(block.group(1), Loader=SafeLoader)
    except Exception:  # a YAML error, or a value YAML cannot make (2025-02-30)
        fields = None
    if not isinstance(fields, dict) or not fields:
        explain_unread(block.group(1), name)
    return fields, text[block.end():].lstrip("\n")


def explain_unread(front_matter: str, name: str):
    """Why YAML could not read the block: the line and the fix."""
    try:
        fields = yaml.load(front_matter, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        fail(name, yaml_mistake(front_matter, error))
    if isinstance(fields, dict) and "date" in fields:
        check_day(fields["date"], name, "date")
    fail(name, "the front matter could not be read; check it is a list of 'field: value' lines.")


def yaml_mistake(front_matter: str, error: yaml.YAMLError) -> str:
    """What an editor wrote wrong in the front matter, by the file's line number, and
    the fix; YAML's own words only where no common mistake fits."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return f"the front matter is not valid YAML ({error}); fix the block between the --- lines."
    lines = front_matter.splitlines()
    text = lines[mark.line] if mark.line < len(lines) else ""
    line = f"line {mark.line + 2}"  # the block starts on the file's second line
    value = text.partition(":")[2].strip()
    if "\t" in text:
        return f"{line} holds a tab, which front matter may not contain; replace it with spaces."
    if "mapping values are not allowed" in str(error.problem):
        return (f"{line} has a colon followed by a space inside a value, which reads as a new field; "
                'put the whole value in double quotes, as in title: "Turkmenistan: a second workshop".')
    if value[:1] == "'" and "'" in value[1:-1]:
        return (f"{line}: the value is in single quotes and holds an apostrophe, which ends it early; "
                "put the value in double quotes instead, or write the apostrophe twice ('').")
    if value[:1] == '"' and '"' in value[1:-1]:
        return (f"{line}: the value is in double quotes and holds a double quote, which ends it early; "
                "write typographic quotes inside (“ ”) or put the value in single quotes.")
    return (f"{line} of the front matter is not valid YAML ({error.problem}); check that line: "
            "each line is 'field: value', and a value with a colon in it goes in double quotes.")


# --- Fields ---------------------------------------------------------------------------

def is_draft(fields: dict, name: str) -> bool:
    """`draft: true` keeps a page unpublished; anything but a boolean is a mistake."""
    draft = fields.get("draft", False)
    if not isinstance(draft, bool):
        fail(name, f"front matter field 'draft' is {draft!r}; write draft: true to keep the page "
                   "unpublished, or remove the line to publish it.")
    return draft


def check_fields(fields: dict, name: str, src_uri: str, config: dict):
    """Every field is one the site knows, and the values that choose something name
    something that exists. `config` is the page's edition's configuration."""
    for field in fields:
        if field not in FIELDS:
            near = difflib.get_close_matches(str(field), FIELDS, n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            fail(name, f"front matter field '{field}' is not one the site knows, so it would be "
                       f"ignored; {hint}the fields are: {', '.join(FIELDS)} (EDITING.md, Front matter).")
    template = fields.get("template")
    if template is not None and template not in TEMPLATES:
        fail(name, f"front matter field 'template' is {template!r}, not a layout the site has; write "
                   f"template: {NEWS_TEMPLATE} for a news item, or remove the line for an ordinary page.")
    if template == NEWS_INDEX_TEMPLATE and src_uri != NEWS_INDEX:
        fail(name, f"front matter field 'template' is {NEWS_INDEX_TEMPLATE}, the News page's layout, which only "
                   f"docs/<lang>/{NEWS_INDEX} has; write template: {NEWS_TEMPLATE} for a news item, or remove "
                   "the line for an ordinary page.")
    news_fields = [field for field in ("date", "source", "source_url") if field in fields]
    if news_fields and template != NEWS_TEMPLATE:
        fail(name, f"the page has {', '.join(news_fields)} but is not a news item, so no News page or "
                   f"feed would list it and its date would not be checked; add template: "
                   f"{NEWS_TEMPLATE}, or remove those fields from an ordinary page.")
    if src_uri.startswith(NEWS_FOLDER) and template != NEWS_TEMPLATE:
        fail(name, f"the page is in news/ but is not a news item, so no News page or feed would "
                   f"list it; add template: {NEWS_TEMPLATE} (with date, source and source_url), "
                   "or move it out of news/.")
    if "translated_from" in fields:
        names = (config.get("extra") or {}).get("labels", {}).get("in_language") or {}
        lang = fields["translated_from"]
        others = [code for code in names if code != (config.get("theme") or {}).get("language")]
        if lang not in others:
            fail(name, f"front matter field 'translated_from' is {lang!r}; write the code of the "
                       f"original's language, one of: {', '.join(others)} (extra.labels.in_language "
                       "in mkdocs.yml lists the languages the site can name).")


def check_day(value, name: str, field: str) -> datetime.date:
    """A calendar day written YYYY-MM-DD (YAML reads it as a date; quoted, it is text)."""
    if isinstance(value, datetime.datetime):
        fail(name, f"front matter field '{field}' is {value:%Y-%m-%d %H:%M}, a date with a time; "
                   f"write the day alone, as {value:%Y-%m-%d}.")
    if isinstance(value, datetime.date):
        day = value
    else:
        text = str(value).strip()
        if not ISO_DAY.fullmatch(text):
            fail(name, f"front matter field '{field}' is '{text}'; write it as YYYY-MM-DD, with two "
                       "digits for the month and the day (5 January 2025 is 2025-01-05).")
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            fail(name, f"front matter field '{field}' is {text}, not a real calendar date; "
                       "check the month and the day.")
    if day > today():
        fail(name, f"front matter field '{field}' is {day}, in the future; give the date it was published.")
    return day


def text_field(fields: dict, name: str, field: str, expected: str) -> str:
    value = fields.get(field)
    if value is not None and not isinstance(value, str):
        fail(name, f"front matter field '{field}' is not text; write {expected} "
                   "(put it in quotes if it is only a number or starts with a special character).")
    if not value or not value.strip():
        fail(name, f"front matter field '{field}' is missing or empty; expected {expected}.")
    return value.strip()


def check_description(fields: dict, name: str):
    description = text_field(fields, name, "description", "one sentence for search results")
    if len(description) not in DESCRIPTION_LENGTH:
        fail(name, f"front matter field 'description' has {len(description)} characters; "
                   f"write {DESCRIPTION_LENGTH.start} to {DESCRIPTION_LENGTH.stop - 1}, "
                   "so a search result shows it whole.")


def check_comments(body: str, name: str, listing: bool = False):
    """Every <!-- is closed, and something is left to read without the comments
    (but on the News page, whose list the layout draws: `listing`)."""
    prose = blank_code(body)
    opening = prose.find("<!--")
    while opening != -1:
        closing = prose.find("-->", opening + 4)
        if closing == -1:
            fail(name, f"the comment opened with <!-- at {where(body, opening)} of the text is "
                       "never closed, so readers would see it; end it with -->.")
        opening = prose.find("<!--", closing + 3)
    if not listing and not COMMENT.sub("", body).strip():
        fail(name, "the page has no text below its front matter (comments are not shown).")


def check_placeholders(fields: dict, body: str, name: str):
    """What `./dev new` left to fill in, in a page that is about to be published."""
    for field, value in fields.items():
        if isinstance(value, str) and PLACEHOLDER in value:
            fail(name, f"front matter field '{field}' still says {value.strip()!r}; write it, "
                       "or keep the page unpublished with draft: true.")
    if PLACEHOLDER in body:
        fail(name, f"the text still holds '{PLACEHOLDER}' at {where(body, body.index(PLACEHOLDER))} "
                   "of the text; write the article there, or keep the page unpublished with draft: true.")


def check_news_item(fields: dict, name: str, draft: bool) -> datetime.date:
    """A news item's date, source and source_url; its date, checked."""
    if "date" not in fields:
        fail(name, "front matter field 'date' is missing; a news item needs its publication date as YYYY-MM-DD.")
    day = check_day(fields["date"], name, "date")
    text_field(fields, name, "source", "the publisher's name, e.g. nCa (news Central Asia)")
    url = text_field(fields, name, "source_url", "the https address of the original article")
    if not HTTPS_ADDRESS.fullmatch(url) and not (draft and PLACEHOLDER in url):
        fail(name, f"front matter field 'source_url' is {url!r}; write the original's https:// "
                   "address as the browser shows it, without spaces or quotes.")
    return day


def check_updated(fields: dict, name: str) -> datetime.date:
    """`updated`: a day, and not before the item's date (already checked)."""
    updated = check_day(fields["updated"], name, "updated")
    if "date" in fields and updated < fields["date"]:
        fail(name, f"front matter field 'updated' is {updated}, before the item's date "
                   f"{fields['date']}; give the day the text was last changed or checked.")
    return updated


def check_page(fields: dict, body: str, name: str, src_uri: str, config: dict) -> dict:
    """Every check of one page's front matter and text, in the order an editor reads
    them; the fields with `date` and `updated` as dates."""
    fields = dict(fields)
    draft = is_draft(fields, name)
    check_fields(fields, name, src_uri, config)
    text_field(fields, name, "title", "the page title as text")
    check_description(fields, name)
    check_comments(body, name, listing=fields.get("template") == NEWS_INDEX_TEMPLATE)
    if not draft:
        check_placeholders(fields, body, name)
    if fields.get("template") == NEWS_TEMPLATE:
        fields["date"] = check_news_item(fields, name, draft)
    if "updated" in fields:
        fields["updated"] = check_updated(fields, name)
    return fields
