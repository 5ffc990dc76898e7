"""Russian typography, set in the build for every page of the Russian edition, as a
Russian publisher sets it: a no-break space before a dash, between a number and its
unit, month or «год», after «№», and between initials and a surname, so a line
never starts with a dash or leaves a number alone at its end. Text in code, in
attributes and in addresses is left as written. Listed in mkdocs.ru.yml only.
"""

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

NBSP = "\u00a0"
UNITS = (r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
         r"год|гг?\.|лет|век|млн|млрд|тыс\.|час|мин|км|кг|член|государств|орган|рекомендац|%|МБ)")
RULES = [
    (re.compile(r"[ \t\n]+(?=[—–])"), NBSP),  # before a dash
    (re.compile(rf"(?<=\d)[ \t\n]+(?={UNITS})"), NBSP),  # 21 декабря, 2024 года, 94 государства
    (re.compile(r"(?<=№)[ \t\n]*(?=\d)"), NBSP),  # № 2007-1545
    (re.compile(r"(?<=\b[А-ЯЁ]\.)[ \t\n]*(?=[А-ЯЁ]\.)"), NBSP),  # В. Т.
    (re.compile(r"(?<=\b[А-ЯЁ]\.)[ \t\n]+(?=[А-ЯЁ][а-яё])"), NBSP),  # В. Тюрк
]
SKIP = {"code", "pre", "kbd", "samp", "script", "style"}


def set_text(text: str | None) -> str | None:
    if not text:
        return text
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return text


class RussianTypography(Treeprocessor):
    def run(self, root: etree.Element):
        self.walk(root)

    def walk(self, element: etree.Element):
        if element.tag in SKIP:
            return
        element.text = set_text(element.text)
        for child in element:
            self.walk(child)
            child.tail = set_text(child.tail)


class RussianTypographyExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (20) and abbreviations (7) have made the text's elements.
        md.treeprocessors.register(RussianTypography(md), "typography_ru", 4)


def makeExtension(**kwargs):
    return RussianTypographyExtension(**kwargs)
