"""Lean output: what a reader downloads, and what the offline edition carries, is only
what the site uses. Measured by bench/run.py.

- Theme files the site never loads are not published: source maps, and the search
  languages (lunr) other than the edition's own.
- The search index is compact UTF-8 JSON: Russian text as letters, not \\u escapes
  (2 bytes a letter instead of 6).
- The site's own stylesheets and scripts (`extra.join`) are joined after Material's
  main stylesheet and script bundle, one file each, named by a hash of what it
  holds (so a reader's cache never mixes versions). A page waits for no request
  more than plain Material's, every page after the first finds them cached, and a
  page's HTML stays within the first round trip of a slow connection (about 14 KB
  sent; bench/run.py measures it). Joined CSS loses its comments, and Material's
  palette the rules the site has no use for (UNUSED_RULE). A joined file of
  Material's (its palette) is named in extra.join by a pattern, since its name
  holds a hash that changes with Material's version.
- Material's settings for its script (<script id="__config">) keep Russian as
  letters, not \\u escapes (2 bytes a letter instead of 6), still escaping <, >, &
  and ' so no text can end the element.
- The favicon, a few hundred bytes of SVG, is written into each page as a data:
  address instead of costing a request.
- Runs of white space between the template's lines are folded to one line break
  (outside <pre>, <textarea>, <script> and <style>); a browser renders them alike.
"""

import fnmatch
import hashlib
import json
import posixpath
import re
import urllib.parse
from pathlib import Path

from . import html


class LeanFailed(Exception):
    pass


LUNR_LANGUAGE = re.compile(r"assets/javascripts/lunr/min/lunr\.(\w+)\.min\.js$")
LUNR_SEGMENTERS = {"assets/javascripts/lunr/tinyseg.js": {"ja"}, "assets/javascripts/lunr/wordcut.js": {"hi", "th"}}
ALWAYS = {"stemmer", "multi"}


def drop_unused_files(folder: Path, files: list, languages: set):
    for path in files:
        name = path.relative_to(folder).as_posix()
        language = LUNR_LANGUAGE.search(name)
        if (name.endswith(".map") or (language and language.group(1) not in languages | ALWAYS)
                or (name in LUNR_SEGMENTERS and not LUNR_SEGMENTERS[name] & languages)):
            path.unlink()


def compact_search_index(folder: Path):
    index = folder / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# Material's file that each kind of joined file goes after.
JOIN_INTO = {".css": "assets/stylesheets/main.*.min.css", ".js": "assets/javascripts/bundle.*.min.js"}
SOURCE_MAP = re.compile(r"\s*/[*/]# sourceMappingURL=\S+(?: \*/)?\s*$")
# Rules the site has no use for: the named colours (it uses its own, `custom`), and
# `[data-md-color-switching] *`, which stops every transition while the scheme
# switches. Only Material's palette component sets that attribute, and the site
# does not mount it (overrides/partials/palette.html). Links and buttons fade to
# their new colour in 125-250 ms when a reader switches the scheme.
UNUSED_RULE = re.compile(r"data-md-color-(?:primary|accent)=(?!custom\b)[\w-]+|\[data-md-color-switching\]")


def linked_files(folder: Path) -> list:
    """The stylesheets and scripts the edition's home page links, from its folder:
    the theme's files as this engine named and placed them."""
    home = folder / "index.html"
    text = home.read_text(encoding="utf-8") if home.is_file() else ""
    found = []
    for tag in html.tags(text):
        address = tag.get("href") if tag.name == "link" and tag.get("rel") == "stylesheet" else \
            tag.get("src") if tag.name == "script" else None
        if address and not re.match(r"^[a-z]+:|^/", address):
            found.append(posixpath.normpath(address))
    return found


def matches(path: str, pattern: str) -> bool:
    """assets/stylesheets/palette.*.min.css names Material's palette wherever the
    engine puts it below assets/stylesheets/ (Zensical: in classic/)."""
    folder, name = posixpath.split(pattern)
    return path.startswith(folder + "/") and fnmatch.fnmatchcase(posixpath.basename(path), name)


def one_file(folder: Path, linked: list, pattern: str, why: str) -> Path:
    found = [path for path in linked if matches(path, pattern)]
    if len(found) != 1:
        folder_name = posixpath.dirname(pattern) + "/"
        names = ", ".join(path for path in linked if path.startswith(folder_name)) or "none"
        raise LeanFailed(f"extra.join: {pattern} {why} matches {len(found)} of the files the pages link ({names}), "
                         "expected one; has Material renamed its assets? Change the pattern in mkdocs.yml.")
    return folder / found[0]


def join_files(folder: Path, names: list) -> dict:
    """Each kind's files of extra.join after Material's, in one new file; returns
    {old address: new address, part's address: None} from the edition's root."""
    unknown = [name for name in names if Path(name).suffix not in JOIN_INTO]
    if unknown:
        raise LeanFailed(f"extra.join: {unknown[0]} is neither a .css nor a .js file; only stylesheets "
                         "and scripts can be joined (mkdocs.yml).")
    linked = linked_files(folder)
    moved = {}
    for suffix, base_pattern in JOIN_INTO.items():
        parts = [name for name in names if name.endswith(suffix)]
        if not parts:
            continue
        base = one_file(folder, linked, base_pattern, "(Material's own)")
        texts = [SOURCE_MAP.sub("", base.read_text(encoding="utf-8"))]
        for name in parts:
            part = one_file(folder, linked, name, "(a file to join)") if "*" in name else folder / name
            if not part.is_file():
                raise LeanFailed(f"extra.join: {name} is not a file of the theme (overrides/) or of docs/; "
                                 "check the path in mkdocs.yml.")
            text = part.read_text(encoding="utf-8")
            texts.append(lean_css(text) if suffix == ".css" else text)
            part.unlink()
            moved[part.relative_to(folder).as_posix()] = None
        text = "\n".join(texts) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        kind = base.name.split(".")[0]
        joined = base.with_name(f"{kind}.{digest}.min{suffix}")
        base.unlink()
        joined.write_text(text, encoding="utf-8")
        moved[base.relative_to(folder).as_posix()] = joined.relative_to(folder).as_posix()
    return moved


def top_level_rules(css: str):
    depth, start = 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:index + 1]
                start = index + 1


def lean_css(css: str) -> str:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    css = re.sub(r"\s*([{};])\s*", r"\1", css).strip()
    return without_unused_rules(css)


def without_unused_rules(css: str) -> str:
    kept = []
    for rule in top_level_rules(css):
        selector, body = rule.split("{", 1)
        if selector.startswith("@media"):
            inner = without_unused_rules(body[:-1])
            if inner:
                kept.append(f"{selector}{{{inner}}}")
        elif not UNUSED_RULE.search(selector):
            kept.append(rule)
    return "".join(kept)


def link_joined(text: str, tags: list, page: str, moved: dict, where: str) -> list:
    """The edits that point the page (its address from the edition's root) at the
    joined files."""
    found = {}
    for tag in tags:
        address = tag.get("href") if tag.name == "link" else tag.get("src") if tag.name == "script" else None
        if not address or re.match(r"^[a-z]+:", address):
            continue
        # Relative on the pages; from the server's root on 404.html.
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), address))
        name = next((name for name in moved if resolved == name or resolved.endswith("/" + name)), None)
        if name:
            found.setdefault(name, []).append((tag, address))
    changes = []
    for name, new in moved.items():
        if len(found.get(name, [])) != 1:
            raise LeanFailed(f"{where}: expected one reference to {name} (extra.join), found "
                             f"{len(found.get(name, []))}; is it listed in extra_css or extra_javascript?")
        tag, address = found[name][0]
        if new is None:  # a part: its element goes, with the line break after it
            end = tag.end
            if tag.name == "script" and text.startswith("</script>", end):
                end += len("</script>")
            if text.startswith("\n", end):
                end += 1
            changes.append((tag.start, end, ""))
        else:
            attribute = "href" if tag.name == "link" else "src"
            changes.append((tag.start, tag.end, html.render(tag, {**tag.attrs, attribute: address[: -len(
                posixpath.basename(name))] + posixpath.basename(new)})))
    return changes


KEEP_AS_IS = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)


def fold_white_space(text: str) -> str:
    parts = KEEP_AS_IS.split(text)
    # split() returns text, kept block, tag name, text, ...
    return "".join(part if index % 3 else re.sub(r"[ \t]*\n\s*", "\n", part)
                   for index, part in enumerate(parts) if index % 3 != 2)


def favicon_data(icon: Path):
    """The SVG favicon as a data: address (None for another kind of icon)."""
    if not icon.is_file() or icon.suffix != ".svg":
        return None
    return "data:image/svg+xml," + urllib.parse.quote(icon.read_text(encoding="utf-8").strip(), safe="=:/'-.,")


def inline_favicon(tags: list, data) -> list:
    for tag in tags if data else ():
        if tag.name == "link" and tag.get("rel") == "icon" and (tag.get("href") or "").endswith(".svg"):
            return [(tag.start, tag.end, html.render(tag, {**tag.attrs, "href": data}))]
    return []


def readable_config(text: str, tags: list) -> list:
    for tag in tags:
        if tag.name == "script" and tag.get("id") == "__config" and tag.get("type") == "application/json":
            end = text.index("</script>", tag.end)
            return [(tag.end, end, html.html_json(json.loads(text[tag.end:end])))]
    return []
