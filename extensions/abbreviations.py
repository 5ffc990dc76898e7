"""Abbreviations: every term's expansion, for every reader, at no cost per term.

Python-Markdown's abbr extension wraps every known term in <abbr title>. This
rewrites each into <abbr data-title aria-describedby>, and ends the page with one
hidden definition per expansion, which the abbreviations point to:
- screen readers announce the expansion as the term's description;
- one script (overrides/assets/javascripts/abbr.js) shows it as a tooltip on hover,
  focus and tap, with listeners on the document, not on each term, so its cost does
  not grow with the number of terms (Material's content.tooltips set up a component
  per term: measured by bench/run.py); without `title`, no browser tooltip doubles it;
- the first use of each term outside a link is a tab stop (tabindex="0"), so the
  keyboard reaches every expansion without a stop on every use; the others get
  tabindex="-1", so a tap focuses them too. Inside a link a term gets neither: a
  focusable element inside a link would nest interactive elements. A link written
  as raw HTML around a term (`<a href="…">NPM</a>`) counts too.
Definitions are numbered abbr-1, abbr-2, … by first appearance. An <abbr> written
as raw HTML into a page is not the abbr extension's and is left as written.
List it with `abbr`.
"""

import xml.etree.ElementTree as etree
from html.parser import HTMLParser

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString


class _LinkCounter(HTMLParser):
    """How many links a piece of raw HTML opens, less those it closes."""

    def __init__(self):
        super().__init__()
        self.opened = 0

    def handle_starttag(self, tag, attrs):
        self.opened += tag == "a"

    def handle_endtag(self, tag):
        self.opened -= tag == "a"


def links_opened(text, stash):
    """The links opened by the raw HTML whose placeholders stand in `text`."""
    opened = 0
    for match in HTML_PLACEHOLDER_RE.finditer(text or ""):
        key = int(match.group(1))
        raw = stash.rawHtmlBlocks[key] if key < len(stash.rawHtmlBlocks) else None
        if isinstance(raw, str):
            counter = _LinkCounter()
            counter.feed(raw)
            counter.close()
            opened += counter.opened
    return opened


def terms(element, stash, depth=0):
    """Yields every <abbr title> from `element` on, in document order, with whether a
    link holds it; returns the number of links open after the element's tail."""
    if element.tag == "abbr" and element.get("title"):
        yield element, depth > 0
    depth = max(0, depth + (element.tag == "a") + links_opened(element.text, stash))
    for child in element:
        depth = yield from terms(child, stash, depth)
    return max(0, depth - (element.tag == "a") + links_opened(element.tail, stash))


def append_definitions(root, numbers):
    """One hidden <div> at the page's end, a <span id="abbr-N"> per expansion."""
    if len(root) and not (root[-1].tail or "").endswith("\n"):
        root[-1].tail = (root[-1].tail or "") + "\n"
    # `hidden` valueless (None), as Python-Markdown 3.11 writes it in either output format.
    definitions = etree.SubElement(root, "div", {"class": "abbr-definitions", "hidden": None})
    for title, number in numbers.items():
        etree.SubElement(definitions, "span", {"id": f"abbr-{number}"}).text = AtomicString(title)
    definitions.tail = "\n"


class AbbrDefinitions(Treeprocessor):
    def run(self, root):
        numbers, focusable = {}, set()
        for abbr, in_link in list(terms(root, self.md.htmlStash)):
            title = abbr.get("title")
            number = numbers.setdefault(title, len(numbers) + 1)
            abbr.attrib.clear()
            abbr.set("data-title", title)
            abbr.set("aria-describedby", f"abbr-{number}")
            if not in_link:
                abbr.set("tabindex", "-1" if title in focusable else "0")
                focusable.add(title)
        if numbers:
            append_definitions(root, numbers)


class AbbreviationsExtension(Extension):
    def extendMarkdown(self, md):
        # After abbr (7) has made the terms, and after smarty (6), toc (5), MkDocs'
        # anchor list (5), caption (4) and typography_ru (4) have finished the text:
        # none of them changes the definitions, whose ids are no link target.
        md.treeprocessors.register(AbbrDefinitions(md), "abbreviations", 3)


def makeExtension(**kwargs):
    return AbbreviationsExtension(**kwargs)
