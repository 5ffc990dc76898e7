"""./dev new: start a news item as a draft, with every required field present.

    ./dev new "Headline"                    docs/en/news/<today>-<headline>.md
    ./dev new --lang ru "Заголовок"         the same in the Russian edition
    ./dev new --translate docs/en/news/F.md  its twin in the other edition (same name)

What the editor has to write is marked FILL IN; the build refuses to publish a page
that still holds it (checks/front_matter.py), and `draft: true` keeps the item out
of the published site until it is removed.
"""

import argparse
import datetime
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from checks import SourceError, front_matter  # noqa: E402  (the project's one reader of front matter)
EDITIONS = ("en", "ru")
CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))
# Placeholders an editor types over: no colon and no quotes around them, so that
# what is typed in their place (an apostrophe, say) cannot break the YAML.
FILL = {
    "title": "FILL IN the headline, as published, in this language",
    "description": "FILL IN one sentence, 50 to 160 characters, saying what happened.",
    "source": "FILL IN the publisher's name, e.g. nCa (news Central Asia)",
    "source_url": "FILL IN the https address of the original article",
}
BODY = "FILL IN: the article's text, word for word as published.\n"


class Dumper(yaml.SafeDumper):
    """Front matter as an editor would write it: a value that needs quotes (a
    headline with a colon) gets double quotes, inside which an apostrophe is safe."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def slug(title: str) -> str:
    text = "".join(CYRILLIC.get(char, char) for char in title.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text)
    return "-".join(words)[:60].rstrip("-") or "item"


def write(path: Path, fields: dict, body: str):
    if path.exists():
        sys.exit(f"dev: {path.relative_to(ROOT)} exists already; edit it, or choose another title.")
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.dump(fields, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    to_fill = [name for name, value in fields.items() if "FILL IN" in str(value)]
    print(f"dev: wrote {path.relative_to(ROOT)}, a draft: ./dev serve shows it, ./dev build leaves it out.")
    print(f"     Fill in {', '.join(to_fill)} and the text (every 'FILL IN'), then delete the line")
    print("     'draft: true' to publish it. EDITING.md, 'Adding a news item', has the whole flow.")


def new(title: str, lang: str):
    today = datetime.date.today()
    path = ROOT / "docs" / lang / "news" / f"{today.isoformat()}-{slug(title)}.md"
    write(path, {"template": "news.html", "draft": True, "title": title, "description": FILL["description"],
                 "date": today, "source": FILL["source"], "source_url": FILL["source_url"]}, BODY)


def translate(original: Path, lang: str | None):
    original = original.resolve()
    try:
        relative = original.relative_to(ROOT / "docs")
    except ValueError:
        sys.exit(f"dev: {original} is not a page under docs/; name it as docs/en/news/….md.")
    source_lang, rest = relative.parts[0], Path(*relative.parts[1:])
    if not original.is_file() or source_lang not in EDITIONS:
        sys.exit(f"dev: there is no page docs/{relative}; name an existing page of docs/en/ or docs/ru/.")
    lang = lang or next(other for other in EDITIONS if other != source_lang)
    try:
        fields, _ = front_matter.read(original, f"docs/{relative.as_posix()}")
    except SourceError as error:
        sys.exit(f"dev: {error}")
    twin = {"template": fields.get("template", "news.html"), "draft": True, "translated_from": source_lang,
            "title": FILL["title"], "description": FILL["description"]}
    for name in ("date", "source", "source_url"):
        twin[name] = fields.get(name, FILL.get(name))
    write(ROOT / "docs" / lang / rest, twin, BODY)


def main():
    parser = argparse.ArgumentParser(prog="./dev new", description=__doc__.split("\n\n")[0])
    parser.add_argument("title", nargs="?", help="the headline of the new item")
    parser.add_argument("--lang", choices=EDITIONS, help="the edition (default: en, or the other one with --translate)")
    parser.add_argument("--translate", type=Path, metavar="PAGE", help="start the twin of this page in the other edition")
    args = parser.parse_args()
    if args.translate:
        translate(args.translate, args.lang)
    elif args.title and args.title.strip():
        new(args.title.strip(), args.lang or "en")
    else:
        parser.error('give the headline: ./dev new "Headline", or --translate docs/en/news/FILE.md')


if __name__ == "__main__":
    main()
