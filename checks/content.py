"""Content the site will not publish, found in the Markdown source: what the
Content-Security-Policy would block in the reader's browser, or what would make a
reader's browser contact another site, named with the file and the line of the text
(the lines below the front matter).

- no <script>, <style>, style="..." or on...="..." (the policy allows no inline
  code from content; styles belong in overrides/assets/stylesheets/site.css);
  no javascript: address; no <object> or <embed>;
- no image, audio, video or frame from another site, unless its origin is listed,
  vetted, in `extra.embed_origins` (mkdocs.yml), which also puts it in the policy;
- every image, audio, video or frame from this site exists beside the page, in its
  own edition's folder (a twin carries its own copy), written relative to the
  Markdown file (an address from "/" breaks under a sub-path);
- no picture, sound or video file is larger than MEDIA_BUDGET.
"""

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from extensions.policy_rules import EMBEDDING, NEVER, addresses, elements

from .errors import blank_code, fail

# 500 kB: a photo saved for the web, 1600 px wide, is 150 to 400 kB; on a 1 Mbit/s
# phone connection 500 kB takes four seconds, ten times a page of text.
MEDIA_BUDGET = 500_000
MEDIA = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".mp3", ".ogg", ".oga", ".mp4", ".webm",
         ".m4a", ".wav"}
MARKDOWN_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?")
# ![alt][ref] or ![ref][], with its address in a definition line "[ref]: address".
REFERENCE_IMAGE = re.compile(r"!\[((?:[^\]\\]|\\.)*)\]\[([^\]]*)\]")
REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?", re.M)
MARKDOWN_LINK = re.compile(r"\]\(\s*<?(javascript:[^)\s>]*)", re.I)
# attr_list's { .class #id key="value" } (and {: ... }) after an element.
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
ATTR = re.compile(r"""([\w-]+)=("[^"]*"|'[^']*'|[^\s"'}]+)|[#.][\w-]+""")
ORIGIN = re.compile(r"https://[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?")


def html_tags(body: str) -> list:
    """(tag, attributes, line) of every element written as HTML in the text, outside code."""
    return elements(blank_code(body))


def markdown_images(prose: str) -> list:
    """(address, offset) of every Markdown image, inline or by reference."""
    found = [(m.group(1), m.start()) for m in MARKDOWN_IMAGE.finditer(prose)]
    references = {m.group(1).strip().lower(): m.group(2) for m in REFERENCE.finditer(prose)}
    for m in REFERENCE_IMAGE.finditer(prose):
        address = references.get((m.group(2) or m.group(1)).strip().lower())
        if address:
            found.append((address, m.start()))
    return sorted(found, key=lambda image: image[1])


def embedded(body: str) -> list:
    """(address, where) of everything the text embeds: Markdown images, and the
    elements written as HTML."""
    prose = blank_code(body)
    found = [(address, f"line {prose.count(chr(10), 0, offset) + 1} of the text")
             for address, offset in markdown_images(prose)]
    found += [(address, f"near line {line} of the text, in a <{tag}>") for tag, attrs, line in html_tags(body)
              if tag in EMBEDDING for address in addresses(attrs)]
    return found


def check_embed_origins(config: dict, name: str):
    for origin in (config.get("extra") or {}).get("embed_origins") or []:
        if not (isinstance(origin, str) and ORIGIN.fullmatch(origin.rstrip("/"))):
            fail(name, f"extra.embed_origins lists {origin!r}; write an origin alone, https:// and the host name "
                       "in lower case, such as https://www.example.org.")


def check_media(path: Path, name: str):
    """A picture, sound or video within the budget: every reader downloads it, many
    on metered phone connections, and the offline zip carries it."""
    if path.suffix.lower() in MEDIA:
        size = path.stat().st_size
        if size > MEDIA_BUDGET:
            fail(name, f"the file has {size / 1000:,.0f} kB, over the site's budget of {MEDIA_BUDGET / 1000:,.0f} kB "
                       "a file, which every reader downloads (many on metered phone connections); save it smaller, "
                       "e.g. a photo 1600 px wide as JPEG at quality 80.")


def check_media_budget(docs: Path, root: Path):
    """Every picture, sound or video in an edition's folder."""
    for path in sorted(docs.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs).parts):
            check_media(path, path.relative_to(root).as_posix())


def check_pictures(body: str, name: str, src_uri: str, docs: Path):
    """Every local picture the text shows is beside the page in its edition's folder
    `docs` (docs/<lang>); a twin's copy in another edition is named as the one to copy."""
    folder = posixpath.dirname(src_uri)
    for address, near in embedded(body):
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or address.startswith(("/", "#")) or not parts.path:
            continue  # another site's, or the site's root: check_raw_html judges them
        path = posixpath.normpath(posixpath.join(folder, parts.path))
        if (docs / path).is_file() or (docs / unquote(path)).is_file():
            continue
        here = f"docs/{docs.name}"
        twins = [f"{edition.name}/{path}" for edition in sorted(docs.parent.iterdir())
                 if edition != docs and (edition / path).is_file()]
        copy = (f"; docs/{twins[0]} is there, but each edition carries its own copy of its pictures: copy it "
                f"to {here}/{path}" if twins else "; check the name: the address is relative to this Markdown file")
        fail(name, f"{address} ({near}) is not in the site (looked for {here}/{path}){copy}.")


def check_embed(address: str, near: str, name: str, allowed: set):
    """One embedded address: data, this site's (relative), or a vetted origin."""
    parts = urlsplit(address)
    if parts.scheme == "data":
        return
    if parts.scheme.lower() == "javascript":
        fail(name, f"a javascript: address {near} is code the site does not run; remove it.")
    if parts.scheme or parts.netloc:
        origin = f"{parts.scheme or 'https'}://{parts.netloc}"
        if origin not in allowed:
            fail(name, f"{address} {near} comes from another site, which readers' browsers would have to contact "
                       "and the site's policy blocks. Save a copy beside the page and link that, or, once vetted, "
                       f"add {origin} to extra.embed_origins in mkdocs.yml (EDITING.md, What the site refuses).")
        return
    if address.startswith("/"):
        fail(name, f"{address} {near} starts with /, which breaks when the site lives under a sub-path; write it "
                   "relative to this Markdown file.")


def check_attributes(attrs: dict, near: str, name: str):
    for key, value in attrs.items():
        if key == "style":
            fail(name, f"style=\"{value}\" {near} would be blocked by the site's Content-Security-Policy; "
                       "remove it, and style in site.css instead.")
        if key.startswith("on"):
            fail(name, f"the {key} attribute {near} is code the site does not run; remove it.")
        if (value or "").strip().lower().startswith("javascript:"):
            fail(name, f"a javascript: address {near} is code the site does not run; remove it.")


def check_raw_html(body: str, name: str, embed_origins: list):
    """What the HTML written into the text (and attr_list's attributes, and Markdown
    images and links) would make the browser run or fetch."""
    allowed = {origin.rstrip("/") for origin in embed_origins or [] if isinstance(origin, str)}
    for tag, attrs, line in html_tags(body):
        near = f"(near line {line} of the text, in a <{tag}>)"
        if tag in NEVER:
            fail(name, f"the text contains {NEVER[tag]}. Remove it {near}.")
        check_attributes(attrs, near, name)
        if tag in EMBEDDING:
            for address in addresses(attrs):
                check_embed(address, near, name, allowed)
    prose = blank_code(body)

    def line_of(offset):
        return f"(line {prose.count(chr(10), 0, offset) + 1} of the text)"
    for address, offset in markdown_images(prose):
        check_embed(address, line_of(offset), name, allowed)
    for match in MARKDOWN_LINK.finditer(prose):
        fail(name, f"a javascript: address {line_of(match.start())} is code the site does not run; remove it.")
    for match in REFERENCE.finditer(prose):
        if match.group(2).lower().startswith("javascript:"):
            fail(name, f"a javascript: address {line_of(match.start())} is code the site does not run; remove it.")
    for match in ATTR_LIST.finditer(prose):
        inside = match.group(1)
        if inside and not ATTR.sub("", inside).strip():  # nothing but attributes: an attribute list
            attrs = {m.group(1): m.group(2).strip("\"'") for m in ATTR.finditer(inside) if m.group(1)}
            check_attributes(attrs, line_of(match.start()), name)
