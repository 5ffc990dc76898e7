"""Abbreviations: make each term's expansion reachable by keyboard, once per page.

The abbr extension wraps every known term in <abbr title>, and Material shows the
expansion as a tooltip on hover. Keyboard users need focus to see it, but a tab stop
on every occurrence would bury the page's links; so the first occurrence of each term
outside a link (a tab stop inside a link would nest interactive elements) gets
tabindex="0".
"""

import sys
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
from errors import source_name  # noqa: E402


class _FirstAbbrFinder(HTMLParser):
    """Collects the source offsets of the first <abbr> per title outside any <a>."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.link_depth = 0
        self.seen = set()
        self.positions = []  # (line, column) of each chosen <abbr start tag

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.link_depth += 1
        elif tag == "abbr" and not self.link_depth:
            title = dict(attrs).get("title")
            if title and title not in self.seen:
                self.seen.add(title)
                self.positions.append(self.getpos())

    def handle_endtag(self, tag):
        if tag == "a" and self.link_depth:
            self.link_depth -= 1


def on_page_content(html, page, config, files):
    finder = _FirstAbbrFinder()
    finder.feed(html)
    finder.close()
    # HTMLParser counts lines by "\n" alone (not by str.splitlines(), which also
    # breaks at form feeds and U+2028 pasted from a PDF).
    line_starts = [0]
    for line in html.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    offsets = [line_starts[line - 1] + column for line, column in finder.positions]
    # Insert from the end so earlier offsets stay valid.
    for offset in reversed(offsets):
        if not html.startswith("<abbr", offset):
            raise PluginError(f"{source_name(page.file, config)}: could not place an abbreviation's tab stop "
                              f"(offset {offset}); report this with the file (hooks/abbreviations.py).")
        html = html[:offset] + '<abbr tabindex="0"' + html[offset + len("<abbr"):]
    return html
