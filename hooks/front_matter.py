"""Content checks: every page's text and front matter, before anything is built from it.

MkDocs silently ignores front matter it cannot parse, and a page without a title
or description still builds. This hook makes each of these stop the build with the
file (docs/<lang>/...), the field or line, and what to write instead:
- a file that is not UTF-8 text, or holds an invisible control character
  (pasted from a PDF or a word processor);
- front matter that is missing, does not start on the first line, or is not valid
  YAML;
- a page without `title`, or without a `description` a search result shows whole
  (50 to 160 characters); a page with no text (comments do not count); an HTML
  comment that is never closed (readers would see it);
- a news item (`template: news.html`) without `date` (YYYY-MM-DD, a real day, not
  in the future by the real clock, with a day's slack for time zones east of
  UTC), `source`, or `source_url` (an https address);
- an `updated` day (any page) written likewise, and not before `date`;
- a page to be published that still holds a placeholder of `./dev new` (FILL IN);
  a draft (`draft: true`, built only by `mkdocs serve`) may;
- a field the site does not know (a misspelt `sorce:` would be ignored and its
  meaning lost), a `template` that is not one of the site's layouts, a
  `translated_from` that names no language the site can name, and a page in news/
  that is not a news item (it would be on no News page and in no feed);
- YAML mistakes an editor makes (a tab, a colon or an apostrophe inside a value)
  are explained by line, with the fix.
A quoted date ("2024-12-21") is read as the date it spells.
"""

import datetime
import difflib
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from errors import check_text, fail, source_name  # noqa: E402

NEWS_TEMPLATE = "news.html"
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:-{3}|\.{3})[ \t]*\n", re.S)
DESCRIPTION_LENGTH = range(50, 161)
PLACEHOLDER = "FILL IN"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
HTTPS_ADDRESS = re.compile(r"https://[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/[^\s\"'<>`]*)?")
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.S | re.M)
COMMENT = re.compile(r"<!--.*?-->", re.S)
NEWS_FOLDER = "news/"
# Every field a page may have: the site's own, and Material's `hide` and `search`.
FIELDS = {
    "title": "the page title", "description": "one sentence for search results",
    "template": f"the layout: {NEWS_TEMPLATE} for a news item", "date": "a news item's publication date",
    "updated": "the day the text was last changed or checked", "draft": "true keeps the page unpublished",
    "source": "the publisher's name", "source_url": "the original's https address",
    "in_cooperation_with": "who the publisher worked with", "translated_from": "the original's language code",
    "hide": "Material's hide: [navigation, toc, footer]", "search": "Material's search: {exclude: true}",
}
TEMPLATES = {NEWS_TEMPLATE}


def today() -> datetime.date:
    """The latest date it is anywhere on Earth now, near enough (UTC plus a day):
    an item dated today in Ashgabat is never "in the future"."""
    return datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1)


def where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def on_files(files, config):
    """Check every Markdown file's text before any hook or MkDocs reads it."""
    for file in files.documentation_pages():
        if file.abs_src_path:
            check_text(Path(file.abs_src_path), source_name(file, config))
    return files


def explain_unparsed(page, config, markdown):
    """MkDocs leaves front matter it could not parse in the text: say why."""
    raw = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    if raw.lstrip().startswith("---") and not raw.startswith("---"):
        fail(page.file, config, "the front matter must begin on the first line; delete what stands above "
                                "the first --- (a blank line or spaces).")
    block = FRONT_MATTER.match(markdown)
    if not block:
        fail(page.file, config, "no front matter; start the file with a --- block giving title and description.")
    try:
        fields = yaml.load(block.group(1), Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        fail(page.file, config, yaml_mistake(block.group(1), error))
    if isinstance(fields, dict) and "date" in fields:
        check_day(page, config, "date", fields["date"])
    fail(page.file, config, "the front matter could not be read; check it is a list of 'field: value' lines.")


def yaml_mistake(front_matter: str, error: yaml.YAMLError) -> str:
    """What an editor wrote wrong in the front matter, by the file's line number, and
    the fix; YAML's own words only where no common mistake fits."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:
        return f"the front matter is not valid YAML ({error}); fix the block between the --- lines."
    lines = front_matter.splitlines()
    text = lines[mark.line] if mark.line < len(lines) else ""
    where = f"line {mark.line + 2}"  # the block starts on the file's second line
    value = text.partition(":")[2].strip()
    if "\t" in text:
        return f"{where} holds a tab, which front matter may not contain; replace it with spaces."
    if "mapping values are not allowed" in str(error.problem):
        return (f"{where} has a colon followed by a space inside a value, which reads as a new field; "
                'put the whole value in double quotes, as in title: "Turkmenistan: a second workshop".')
    if value[:1] == "'" and "'" in value[1:-1]:
        return (f"{where}: the value is in single quotes and holds an apostrophe, which ends it early; "
                "put the value in double quotes instead, or write the apostrophe twice ('').")
    if value[:1] == '"' and '"' in value[1:-1]:
        return (f"{where}: the value is in double quotes and holds a double quote, which ends it early; "
                "write typographic quotes inside (“ ”) or put the value in single quotes.")
    return (f"{where} of the front matter is not valid YAML ({error.problem}); check that line: "
            "each line is 'field: value', and a value with a colon in it goes in double quotes.")


def check_fields(page, config):
    """Every field is one the site knows, and the values that choose something name
    something that exists."""
    for field in page.meta:
        if field not in FIELDS:
            near = difflib.get_close_matches(str(field), FIELDS, n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            fail(page.file, config, f"front matter field '{field}' is not one the site knows, so it would be "
                                    f"ignored; {hint}the fields are: {', '.join(FIELDS)} (EDITING.md, Front matter).")
    template = page.meta.get("template")
    if template is not None and template not in TEMPLATES:
        fail(page.file, config, f"front matter field 'template' is {template!r}, not a layout the site has; write "
                                f"template: {NEWS_TEMPLATE} for a news item, or remove the line for an ordinary page.")
    news_fields = [field for field in ("date", "source", "source_url") if field in page.meta]
    if news_fields and template != NEWS_TEMPLATE:
        fail(page.file, config, f"the page has {', '.join(news_fields)} but is not a news item, so no News page or "
                                f"feed would list it and its date would not be checked; add template: "
                                f"{NEWS_TEMPLATE}, or remove those fields from an ordinary page.")
    if page.file.src_uri.startswith(NEWS_FOLDER) and template != NEWS_TEMPLATE:
        fail(page.file, config, f"the page is in news/ but is not a news item, so no News page or feed would "
                                f"list it; add template: {NEWS_TEMPLATE} (with date, source and source_url), "
                                "or move it out of news/.")
    if "translated_from" in page.meta:
        names = config.extra["labels"]["in_language"]
        lang = page.meta["translated_from"]
        others = [code for code in names if code != config.theme["language"]]
        if lang not in others:
            fail(page.file, config, f"front matter field 'translated_from' is {lang!r}; write the code of the "
                                    f"original's language, one of: {', '.join(others)} (extra.labels.in_language "
                                    "in mkdocs.yml lists the languages the site can name).")


def check_day(page, config, field, value) -> datetime.date:
    """A calendar day written YYYY-MM-DD (YAML reads it as a date; quoted, it is text)."""
    if isinstance(value, datetime.datetime):
        fail(page.file, config, f"front matter field '{field}' is {value:%Y-%m-%d %H:%M}, a date with a time; "
                                f"write the day alone, as {value:%Y-%m-%d}.")
    if isinstance(value, datetime.date):
        day = value
    else:
        text = str(value).strip()
        if not ISO_DAY.fullmatch(text):
            fail(page.file, config, f"front matter field '{field}' is '{text}'; write it as YYYY-MM-DD, with two "
                                    "digits for the month and the day (5 January 2025 is 2025-01-05).")
        try:
            day = datetime.date.fromisoformat(text)
        except ValueError:
            fail(page.file, config, f"front matter field '{field}' is {text}, not a real calendar date; "
                                    "check the month and the day.")
    if day > today():
        fail(page.file, config, f"front matter field '{field}' is {day}, in the future; give the date it was published.")
    return day


def text_field(page, config, field, expected):
    value = page.meta.get(field)
    if value is not None and not isinstance(value, str):
        fail(page.file, config, f"front matter field '{field}' is not text; write {expected} "
                                "(put it in quotes if it is only a number or starts with a special character).")
    if not value or not value.strip():
        fail(page.file, config, f"front matter field '{field}' is missing or empty; expected {expected}.")
    return value.strip()


def check_comments(page, config, body: str):
    prose = CODE.sub(lambda m: " " * len(m.group()), body)
    opening = prose.find("<!--")
    while opening != -1:
        closing = prose.find("-->", opening + 4)
        if closing == -1:
            fail(page.file, config, f"the comment opened with <!-- at {where(body, opening)} of the text is "
                                    "never closed, so readers would see it; end it with -->.")
        opening = prose.find("<!--", closing + 3)
    if not COMMENT.sub("", body).strip():
        fail(page.file, config, "the page has no text below its front matter (comments are not shown).")


def on_page_markdown(markdown, page, config, files):
    if page.file.generated_by:
        return markdown  # made by a hook (the News page), not written by an editor
    if not page.meta:
        explain_unparsed(page, config, markdown)
    check_fields(page, config)
    text_field(page, config, "title", "the page title as text")
    description = text_field(page, config, "description", "one sentence for search results")
    if len(description) not in DESCRIPTION_LENGTH:
        fail(page.file, config, f"front matter field 'description' has {len(description)} characters; "
                                f"write {DESCRIPTION_LENGTH.start} to {DESCRIPTION_LENGTH.stop - 1}, "
                                "so a search result shows it whole.")
    check_comments(page, config, markdown)
    if not page.file.inclusion.is_excluded():
        check_placeholders(page, config, markdown)
    if page.meta.get("template") == NEWS_TEMPLATE:
        if "date" not in page.meta:
            fail(page.file, config, "front matter field 'date' is missing; a news item needs its publication "
                                    "date as YYYY-MM-DD.")
        page.meta["date"] = check_day(page, config, "date", page.meta["date"])
        text_field(page, config, "source", "the publisher's name, e.g. nCa (news Central Asia)")
        url = text_field(page, config, "source_url", "the https address of the original article")
        if not HTTPS_ADDRESS.fullmatch(url) and not (page.file.inclusion.is_excluded() and PLACEHOLDER in url):
            fail(page.file, config, f"front matter field 'source_url' is {url!r}; write the original's https:// "
                                    "address as the browser shows it, without spaces or quotes.")
    if "updated" in page.meta:
        updated = check_day(page, config, "updated", page.meta["updated"])
        if "date" in page.meta and updated < page.meta["date"]:
            fail(page.file, config, f"front matter field 'updated' is {updated}, before the item's date "
                                    f"{page.meta['date']}; give the day the text was last changed or checked.")
        page.meta["updated"] = updated
    return markdown


def check_placeholders(page, config, markdown):
    """What `./dev new` left to fill in, in a page that is about to be published."""
    for field, value in page.meta.items():
        if isinstance(value, str) and PLACEHOLDER in value:
            fail(page.file, config, f"front matter field '{field}' still says {value.strip()!r}; write it, "
                                    "or keep the page unpublished with draft: true.")
    if PLACEHOLDER in markdown:
        fail(page.file, config, f"the text still holds '{PLACEHOLDER}' at {where(markdown, markdown.index(PLACEHOLDER))} "
                                "of the text; write the article there, or keep the page unpublished with draft: true.")

