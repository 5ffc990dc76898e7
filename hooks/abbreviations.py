"""Abbreviations: every term's expansion, for every reader, at no cost per term.

The abbr extension wraps every known term in <abbr title>. This hook rewrites each
into <abbr data-title aria-describedby>, and ends the page with one hidden
definition per term, which the abbreviations point to:
- screen readers announce the expansion as the term's description;
- one script (assets/javascripts/abbr.js) shows it as a tooltip on hover, focus
  and tap, with listeners on the document, not on each term, so its cost does not
  grow with the number of terms (Material's content.tooltips set up a component per
  term: measured by bench/run.py); without `title`, no browser tooltip doubles it;
- the first use of each term outside a link is a tab stop (tabindex="0"), so the
  keyboard reaches every expansion without a stop on every use; the others get
  tabindex="-1", so a tap focuses them too. Inside a link a term gets neither: a
  focusable element inside a link would nest interactive elements.
"""

import html as entities
import sys
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))
from errors import source_name  # noqa: E402


class _AbbrFinder(HTMLParser):
    """Collects the source position, title and link depth of every <abbr>."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.link_depth = 0
        self.found = []  # ((line, column), title, inside a link)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.link_depth += 1
        elif tag == "abbr":
            title = dict(attrs).get("title")
            if title:
                self.found.append((self.getpos(), title, bool(self.link_depth)))

    def handle_endtag(self, tag):
        if tag == "a" and self.link_depth:
            self.link_depth -= 1


def on_page_content(html, page, config, files):
    finder = _AbbrFinder()
    finder.feed(html)
    finder.close()
    if not finder.found:
        return html
    # HTMLParser counts lines by "\n" alone (not by str.splitlines(), which also
    # breaks at form feeds and U+2028 pasted from a PDF).
    line_starts = [0]
    for line in html.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    ids, focusable, tags = {}, set(), []
    for (line, column), title, in_link in finder.found:
        number = ids.setdefault(title, len(ids) + 1)
        if in_link:
            tabindex = ""
        else:
            tabindex = ' tabindex="-1"' if title in focusable else ' tabindex="0"'
            focusable.add(title)
        new = f'<abbr data-title="{entities.escape(title)}" aria-describedby="abbr-{number}"{tabindex}>'
        tags.append((line_starts[line - 1] + column, new))
    # Rewrite from the end so earlier offsets stay valid.
    for offset, new in reversed(tags):
        end = html.find(">", offset) + 1
        if not html.startswith("<abbr", offset) or not end:
            raise PluginError(f"{source_name(page.file, config)}: could not rewrite an abbreviation "
                              f"(offset {offset}); report this with the file (hooks/abbreviations.py).")
        html = html[:offset] + new + html[end:]
    definitions = "".join(f'<span id="abbr-{number}">{entities.escape(title)}</span>' for title, number in ids.items())
    return html + f'\n<div class="abbr-definitions" hidden>{definitions}</div>\n'
