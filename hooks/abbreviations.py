"""Abbreviations: make each term's expansion reachable by keyboard, once per page.

The abbr extension wraps every known term in <abbr title>, and Material shows the
expansion as a tooltip on hover. Keyboard users need focus to see it, but a tab stop
on every occurrence would bury the page's links; so the first occurrence of each term
outside a link (a tab stop inside a link would nest interactive elements) gets
tabindex="0".
"""

from html.parser import HTMLParser


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
    line_starts = [0]
    for line in html.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    offsets = [line_starts[line - 1] + column for line, column in finder.positions]
    # Insert from the end so earlier offsets stay valid.
    for offset in reversed(offsets):
        assert html.startswith("<abbr", offset), f"{page.file.src_uri}: abbr not at {offset}"
        html = html[:offset] + '<abbr tabindex="0"' + html[offset + len("<abbr"):]
    return html
