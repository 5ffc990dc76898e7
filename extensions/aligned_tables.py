"""Table columns aligned with `|---:|` or `|:---:|` get a class, not an inline style.

Python-Markdown's tables write `style="text-align: right;"` on each cell, which the
site's Content-Security-Policy blocks (style-src 'self') and extensions/content_policy.py
refuses; `align="right"` is obsolete HTML. So each aligned cell gets the class
`align-left`, `align-center` or `align-right` instead, which site.css styles.
"""

import re

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ALIGN = re.compile(r"\s*text-align:\s*(left|center|right);?\s*")


class AlignedCells(Treeprocessor):
    def run(self, root):
        for cell in root.iter():
            if cell.tag not in ("th", "td"):
                continue
            match = ALIGN.fullmatch(cell.get("style", ""))
            if match:
                del cell.attrib["style"]
                cell.set("class", " ".join(filter(None, [cell.get("class"), f"align-{match.group(1)}"])))


class AlignedTablesExtension(Extension):
    def extendMarkdown(self, md):
        # After the block parser has made the table; before anything reads attributes.
        md.treeprocessors.register(AlignedCells(md), "aligned_tables", 25)


def makeExtension(**kwargs):
    return AlignedTablesExtension(**kwargs)
