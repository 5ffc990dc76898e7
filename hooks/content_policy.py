"""Content the site will not publish: what the Content-Security-Policy (hooks/csp.py)
would block in the reader's browser, or what would make a reader's browser contact
another site, stops the build naming the file and the line, instead of publishing a
page that is silently broken.

In a page's text (Markdown, or HTML written into it):
- no <script>, <style>, style="..." or on...="..." (the policy allows no inline
  code from content; styles belong in overrides/assets/stylesheets/site.css);
  no javascript: address; no <object> or <embed>;
- no image, audio, video or frame from another site, unless its origin is listed,
  vetted, in `extra.embed_origins` (mkdocs.yml), which also puts it in the policy;
- every image, audio, video or frame from this site exists beside the page, in its
  own edition's folder (a twin carries its own copy). Its address is written
  relative to the Markdown file, in Markdown (`![what it shows](photo.jpg)`, which
  MkDocs rewrites) or in HTML written into the page (rewritten here), to the page's
  own address, which differs online (news/a/) and offline (news/a.html);
- no picture, sound or video file is larger than MEDIA_BUDGET: every reader
  downloads it, many on metered phone connections, and the offline zip carries it.
"""

import posixpath
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).parent))
import errors  # noqa: E402
from errors import fail  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402

# 500 kB: a photo saved for the web, 1600 px wide, is 150 to 400 kB; on a 1 Mbit/s
# phone connection 500 kB takes four seconds, ten times a page of text.
MEDIA_BUDGET = 500_000
MEDIA = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".mp3", ".ogg", ".oga", ".mp4", ".webm",
         ".m4a", ".wav"}
MARKDOWN_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?")
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.S | re.M)
EMBEDDING = {"img", "source", "video", "audio", "track", "iframe", "input"}
NEVER = {"script": "a <script>; the site runs no code written into a page",
         "style": "a <style> block; put styles in overrides/assets/stylesheets/site.css",
         "object": "an <object>; the site embeds no plug-in content",
         "embed": "an <embed>; the site embeds no plug-in content"}


class _Elements(HTMLParser):
    """Every start tag with its attributes and line (in the HTML of the page's text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), self.getpos()[0]))


ORIGIN = re.compile(r"https://[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?")


def on_config(config):
    for origin in config.extra.get("embed_origins") or []:
        if not (isinstance(origin, str) and ORIGIN.fullmatch(origin.rstrip("/"))):
            raise PluginError(f"mkdocs.yml: extra.embed_origins lists {origin!r}; write an origin alone, "
                              "https:// and the host name in lower case, such as https://www.example.org.")
    return config


def on_files(files, config):
    """Every picture, sound or video of the editions' folders within the budget."""
    for file in files.media_files():
        if file.abs_src_path and Path(file.src_uri).suffix.lower() in MEDIA:
            size = Path(file.abs_src_path).stat().st_size
            if size > MEDIA_BUDGET:
                errors.fail(file, config, f"the file has {size / 1000:,.0f} kB, over the site's budget of "
                                          f"{MEDIA_BUDGET / 1000:,.0f} kB a file, which every reader downloads "
                                          "(many on metered phone connections); save it smaller, e.g. a photo "
                                          "1600 px wide as JPEG at quality 80.")
    return files


def raw_html_addresses(markdown: str) -> list:
    """What the HTML written into a page's text embeds, with each tag's line."""
    prose = CODE.sub(lambda m: "\n" * m.group().count("\n"), markdown)
    parser = _Elements()
    parser.feed(prose)
    parser.close()
    return [(tag, address, line) for tag, attrs, line in parser.tags if tag in EMBEDDING
            for address in addresses(tag, attrs)]


# The addresses each page's written HTML embeds (on_page_markdown), rewritten from the
# Markdown file's folder to the page's address in on_page_content.
raw_embeds = {}


def on_page_markdown(markdown, page, config, files):
    """Every local picture the text shows is beside the page in this edition."""
    folder = posixpath.dirname(page.file.src_uri)
    prose = CODE.sub(lambda m: "\n" * m.group().count("\n"), markdown)
    found = [(m.group(1), f"line {prose.count(chr(10), 0, m.start()) + 1} of the text")
             for m in MARKDOWN_IMAGE.finditer(prose)]
    raw = raw_html_addresses(markdown)
    found += [(address, f"near line {line} of the text, in a <{tag}>") for tag, address, line in raw]
    for address, near in found:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or address.startswith(("/", "#")) or not parts.path:
            continue  # another site's (judged in on_page_content), or the site's root (refused there)
        path = posixpath.normpath(posixpath.join(folder, parts.path))
        if files.get_file_from_path(path) is None:
            here = Path(config.docs_dir)
            docs = f"docs/{here.name}"
            twins = [f"{edition.name}/{path}" for edition in sorted(here.parent.iterdir())
                     if edition != here and (edition / path).is_file()]
            copy = (f"; docs/{twins[0]} is there, but each edition carries its own copy of its pictures: copy it "
                    f"to {docs}/{path}" if twins else "; check the name: the address is relative to this Markdown file")
            fail(page.file, config, f"{address} ({near}) is not in the site (looked for {docs}/{path}){copy}.")
    raw_embeds[page.file.src_uri] = {address for _, address, _ in raw}
    return markdown


def addresses(tag, attrs):
    """The addresses an element makes the browser fetch."""
    found = [attrs[name] for name in ("src", "poster", "data") if attrs.get(name)]
    for candidate in (attrs.get("srcset") or "").split(","):
        if candidate.strip():
            found.append(candidate.split()[0])
    return found


def on_page_content(html, page, config, files):
    allowed = {origin.rstrip("/") for origin in config.extra.get("embed_origins") or []}
    folder = posixpath.dirname(page.file.src_uri)
    rewrites = {}
    parser = _Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs, line in parser.tags:
        near = f"(near line {line} of the page's HTML, in a <{tag}>)"
        if tag in NEVER:
            fail(page.file, config, f"the text contains {NEVER[tag]}. Remove it {near}.")
        for name, value in attrs.items():
            if name == "style":
                fail(page.file, config, f"style=\"{value}\" {near} would be blocked by the site's "
                                        "Content-Security-Policy; remove it, and style in site.css instead.")
            if name.startswith("on"):
                fail(page.file, config, f"the {name} attribute {near} is code the site does not run; remove it.")
            if (value or "").strip().lower().startswith("javascript:"):
                fail(page.file, config, f"a javascript: address {near} is code the site does not run; remove it.")
        if tag not in EMBEDDING:
            continue
        for address in addresses(tag, attrs):
            parts = urlsplit(address)
            if parts.scheme == "data":
                continue
            if parts.scheme or parts.netloc:
                origin = f"{parts.scheme or 'https'}://{parts.netloc}"
                if origin not in allowed:
                    fail(page.file, config,
                         f"{address} {near} comes from another site, which readers' browsers would have to "
                         "contact and the site's policy blocks. Save a copy beside the page and link that, or, "
                         f"once vetted, add {origin} to extra.embed_origins in mkdocs.yml (EDITING.md, What the site refuses).")
                continue
            if address.startswith("/"):
                fail(page.file, config, f"{address} {near} starts with /, which breaks when the site lives "
                                        "under a sub-path; write it relative to this Markdown file.")
            if address not in raw_embeds.get(page.file.src_uri, ()):
                continue  # written in Markdown: MkDocs found it and wrote the page's address
            target = files.get_file_from_path(posixpath.normpath(posixpath.join(folder, parts.path)))
            rewrites[address] = target.url_relative_to(page.file)
    for address, relative in rewrites.items():
        html = html.replace(f'="{address}"', f'="{relative}"')
    return html
