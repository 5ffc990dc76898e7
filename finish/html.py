"""Finding and changing start tags in a built page with a real HTML parser (the
standard library's), while every other byte of the page stays as the engine wrote
it: a tag is found by what it is, not by the exact text a template happened to give
it, and only the tags that change are written anew."""

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass
class Tag:
    name: str
    attrs: dict
    start: int  # offset of "<" in the page
    end: int  # offset just after ">"
    inside: tuple  # names of the open elements around it

    def get(self, name, default=None):
        return self.attrs.get(name, default)


class _Finder(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for line in text.split("\n"):
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        self.tags, self.open = [], []

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()), tuple(self.open)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        self.tags.append(Tag(tag, dict(attrs), start, start + len(self.get_starttag_text()), tuple(self.open)))

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def tags(text: str, base: int = 0) -> list:
    """Every start tag of `text` (a part of a page that begins at offset `base`), in order."""
    finder = _Finder(text)
    finder.feed(text)
    finder.close()
    for tag in finder.tags:
        tag.start += base
        tag.end += base
    return finder.tags


ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">')
MEDIA = re.compile(r"<(?:img|video|audio|source|track|iframe)\b", re.I)


def page_tags(text: str) -> list:
    """The start tags of a built page that its finishing steps look at: all of them
    but those of the article's text, which is parsed only when it shows a picture,
    sound, video or frame. The theme's markup is all outside the article, and a
    page's text holds no code (checks/content.py, extensions/content_policy.py);
    parsing is most of the finishing steps' time, and the text most of a page."""
    opening = ARTICLE.search(text)
    closing = text.rfind("</article>")
    if not opening or closing < opening.end():
        return tags(text)
    inside = text[opening.end():closing]
    found = tags(text[:opening.end()])
    if MEDIA.search(inside):
        found += tags(inside, opening.end())
    return found + tags(text[closing:], closing)


def render(tag: Tag, attrs: dict) -> str:
    """A start tag written the way Material writes its own: attributes in their
    order, double quotes, a bare name for an attribute without a value."""
    parts = [tag.name]
    for name, value in attrs.items():
        parts.append(name if value is None else f'{name}="{value.replace("&", "&amp;").replace(chr(34), "&quot;")}"')
    return "<" + " ".join(parts) + ">"


def replace(text: str, changes: list) -> str:
    """Apply (start, end, new text) changes, which must not overlap."""
    for start, end, new in sorted(changes, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def attr_edits(changes: list) -> list:
    """The (start, end, new text) edits that give tags new attributes:
    [(tag, {name: value or None})], where a name mapped to False is removed."""
    edits = []
    for tag, new in changes:
        attrs = dict(tag.attrs)
        for name, value in new.items():
            if value is False:
                attrs.pop(name, None)
            else:
                attrs[name] = value
        edits.append((tag.start, tag.end, render(tag, attrs)))
    return edits


def html_json(data) -> str:
    """JSON for a <script> element, as Jinja's tojson writes it but with letters as letters."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escape)
    return text
