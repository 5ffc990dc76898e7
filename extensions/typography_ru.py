"""Russian typography, set in the build for every page of the Russian edition, as a
Russian publisher sets it: a no-break space before a dash, between a number and its
unit, month or «год», after «№», between initials and a surname (either way round)
and after «г-н», so a line never starts with a dash or leaves a number, «№» or an
initial alone at its end. Listed in mkdocs.ru.yml only.

It reads a paragraph's text across its inline elements (a dash after an
abbreviation, «№» before a link), but never into or across code, addresses written
as links, or footnote numbers, and never changes an attribute. The table of
contents (the page's navigation, and search) gets the same treatment as the headings.
"""

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

NBSP = "\u00a0"
WS = r"[ \t\n]"
UNITS = (r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
         r"год|гг?\.|лет\b|век|тыс\.|млн|млрд|час|минут|секунд|сут|дн[еяь]|недел|месяц|"
         r"км|кг|%|[КМГ]Б\b|руб|член|государств|орган|рекомендац)")
# Each rule's group "ws" is the white space (or the empty place) that becomes a no-break space.
RULES = [re.compile(rule) for rule in (
    rf"(?P<ws>{WS}+)(?=[—–])",  # before a dash: «НПМ — орган»
    rf"(?<=\d)(?P<ws>{WS}+)(?={UNITS})",  # 21 декабря, 2024 года, 94 государства
    rf"(?<=№)(?P<ws>{WS}*)(?=\d)",  # № 2007-1545
    rf"(?<=\b[А-ЯЁ]\.)(?P<ws>{WS}*)(?=[А-ЯЁ]\.)",  # В. Т.
    rf"(?<=\b[А-ЯЁ]\.)(?P<ws>{WS}+)(?=[А-ЯЁ][а-яё])",  # В. Тюрк
    rf"\b[А-ЯЁ][а-яё]+(?P<ws>{WS}+)(?=[А-ЯЁ]\.(?:[{NBSP} ]?[А-ЯЁ]\.)?(?![А-ЯЁа-яё]))",  # Тюрк В. Т.
    rf"\b[гГ]-(?:н|жа)(?P<ws>{WS}+)(?=[А-ЯЁ])",  # г-н Азимов
)]

# Inline elements a sentence runs through; any other element ends a run of text.
INLINE = {"a", "abbr", "b", "bdi", "cite", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small",
          "span", "strong", "sub", "sup", "time", "u", "var"}
# Text left as written: code, and what is not prose.
SKIP = {"code", "kbd", "pre", "samp", "script", "style", "math", "svg"}


def places(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that become one no-break space, in order, without overlaps."""
    spans = sorted({match.span("ws") for rule in RULES for match in rule.finditer(text)})
    kept = []
    for start, end in spans:
        if kept and (start < kept[-1][1] or start == kept[-1][0]):
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
        else:
            kept.append((start, end))
    return kept


def set_text(text: str | None) -> str | None:
    """One string set: for text that is all prose (a heading's name in the contents)."""
    if not text:
        return text
    for start, end in reversed(places(text)):
        text = text[:start] + NBSP + text[end:]
    return text


def left_as_written(element: etree.Element) -> bool:
    if element.tag in SKIP:
        return True
    if element.tag == "a" and element.text and element.text.strip() == element.get("href"):
        return True  # an address shown as itself
    return element.tag == "sup" and element.get("id", "").startswith("fnref")  # a footnote number


class RussianTypography(Treeprocessor):
    def run(self, root: etree.Element):
        runs = [[]]
        self.collect(root, runs)
        for run in runs:
            self.set_run(run)
        for token in getattr(self.md, "toc_tokens", []):
            self.set_toc(token)

    def collect(self, element: etree.Element, runs: list):
        """Split the text into runs: (element, "text" or "tail") pieces a sentence flows through."""
        if left_as_written(element):
            return
        inline = element.tag in INLINE
        if not inline:
            runs.append([])
        runs[-1].append((element, "text"))
        for child in element:
            self.collect(child, runs)
            if not (child.tag in INLINE and not left_as_written(child)):
                runs.append([])  # a block, code or a footnote number: the text after it starts afresh
            runs[-1].append((child, "tail"))
        if not inline:
            runs.append([])

    @staticmethod
    def set_run(run: list):
        pieces = [getattr(element, part) or "" for element, part in run]
        text = "".join(pieces)
        if not text.strip():
            return
        owner = [i for i, piece in enumerate(pieces) for _ in piece]
        out = [[] for _ in pieces]
        spans = dict(places(text))
        position = 0
        while position < len(text):
            if position in spans:
                end = spans.pop(position)
                # The no-break space goes where the white space was, or after «№» when there was none.
                out[owner[position] if end > position or not position else owner[position - 1]].append(NBSP)
                if end > position:
                    position = end
                    continue
            out[owner[position]].append(text[position])
            position += 1
        for start in spans:  # an empty place at the very end (none of the rules makes one)
            out[owner[start - 1]].append(NBSP)
        for (element, part), chars, piece in zip(run, out, pieces):
            if "".join(chars) != piece:
                setattr(element, part, "".join(chars))

    def set_toc(self, token: dict):
        token["name"] = set_text(token["name"])
        for child in token.get("children", []):
            self.set_toc(child)


class RussianTypographyExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (20), abbreviations (7) and smarty (6) have made the
        # text's elements, and after the contents (toc, 5) have made the headings' ids
        # from the text as typed, so that an anchor does not change with the typography.
        md.treeprocessors.register(RussianTypography(md), "typography_ru", 4)


def makeExtension(**kwargs):
    return RussianTypographyExtension(**kwargs)
