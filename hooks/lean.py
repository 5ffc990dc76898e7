"""Lean output: what a reader downloads, and what the offline edition carries, is only
what the site uses. Measured by bench/run.py.

- Theme files the site never loads are not published: source maps, and the search
  languages (lunr) other than the edition's own.
- Material's search index is written as compact UTF-8 JSON: Russian text as
  letters, not \\u escapes (2 bytes a letter instead of 6).
- The site's own stylesheets and scripts (`extra.join`) are joined after Material's
  main stylesheet and script bundle, one file each, named by a hash of what it
  holds (so a reader's cache never mixes versions). A page waits for no request
  more than plain Material's, every page after the first finds them cached, and a
  page's HTML stays within the first round trip of a slow connection (about 14 KB
  sent; bench/run.py measures it), which inlining them had pushed the longest pages
  past. Joined CSS loses its comments, and Material's palette the rules the site
  has no use for (UNUSED_RULE).
- The favicon, a few hundred bytes of SVG, is written into each page as a data:
  address instead of costing a request.
- Runs of white space between the template's lines are folded to one line break
  (outside <pre>, <textarea>, <script> and <style>); a browser renders them alike.
"""

import hashlib
import json
import re
import urllib.parse
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

LUNR_LANGUAGE = re.compile(r"assets/javascripts/lunr/min/lunr\.(\w+)\.min\.js$")
LUNR_SEGMENTERS = {"assets/javascripts/lunr/tinyseg.js": {"ja"}, "assets/javascripts/lunr/wordcut.js": {"hi", "th"}}
ALWAYS = {"stemmer", "multi"}


def search_languages(config):
    search = config.plugins.get("material/search")
    return set(search.config.lang or []) if search else set()


def on_files(files, config):
    languages = search_languages(config)
    for file in list(files):
        path = file.src_uri
        language = LUNR_LANGUAGE.search(path)
        unused = (
            path.endswith(".map")
            or (language and language.group(1) not in languages | ALWAYS)
            or (path in LUNR_SEGMENTERS and not LUNR_SEGMENTERS[path] & languages)
        )
        if unused:
            files.remove(file)
    join_files(files, config)
    return files


# Material's file that each kind of joined file goes after.
JOIN_INTO = {
    ".css": re.compile(r"assets/stylesheets/main\.\w+\.min\.css$"),
    ".js": re.compile(r"assets/javascripts/bundle\.\w+\.min\.js$"),
}
SOURCE_MAP = re.compile(r"\s*/[*/]# sourceMappingURL=\S+(?: \*/)?\s*$")


def join_files(files, config):
    """Put each file of extra.join after Material's main stylesheet or bundle, in one
    new file; record what the pages' links must become (config.extra["joined"])."""
    names = config.extra.get("join", [])
    unknown = [name for name in names if Path(name).suffix not in JOIN_INTO]
    if unknown:
        raise PluginError(f"extra.join: {unknown[0]} is neither a .css nor a .js file; only stylesheets "
                          "and scripts can be joined (mkdocs.yml).")
    joined = {}
    for suffix, pattern in JOIN_INTO.items():
        parts = [name for name in names if name.endswith(suffix)]
        if not parts:
            continue
        bases = [file for file in files if pattern.search(file.src_uri)]
        if len(bases) != 1:
            raise PluginError(f"extra.join: found {len(bases)} files like {pattern.pattern} in the theme, "
                              "expected one; has Material renamed its assets?")
        base = bases[0]
        texts = [SOURCE_MAP.sub("", base.content_string)]
        for name in parts:
            file = files.get_file_from_path(name)
            if file is None:
                raise PluginError(f"extra.join: {name} is not a file of the theme (overrides/) or of docs/; "
                                  "check the path in mkdocs.yml.")
            texts.append(lean_css(file.content_string) if suffix == ".css" else file.content_string)
            files.remove(file)
        text = "\n".join(texts) + "\n"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        folder, kind = base.src_uri.rsplit("/", 1)[0], base.src_uri.rsplit("/", 1)[1].split(".")[0]
        name = f"{folder}/{kind}.{digest}.min{suffix}"
        files.remove(base)
        files.append(File.generated(config, name, content=text))
        joined[base.src_uri] = {"file": name, "parts": parts}
    config.extra["joined"] = joined


# Rules the site has no use for: the named colours (it uses its own, `custom`), and
# `[data-md-color-switching] *`, which stops every transition while the scheme
# switches. Only Material's palette component sets that attribute (on every load,
# restyling the whole page twice), and the site does not mount it
# (partials/javascripts/palette-toggle.html). Links and buttons fade to their new
# colour in 125-250 ms when a reader switches the scheme.
UNUSED_RULE = re.compile(r"data-md-color-(?:primary|accent)=(?!custom\b)[\w-]+|\[data-md-color-switching\]")


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


def link_joined(html, config, where):
    """Point the page at the joined files instead of their parts."""
    for base, joined in config.extra.get("joined", {}).items():
        html, count = re.subn(r'((?:href|src)="[^"]*)' + re.escape(base) + '"',
                              lambda match: match.group(1) + joined["file"] + '"', html)
        if count != 1:
            raise PluginError(f"{where}: expected one reference to {base} (extra.join), found {count}.")
        for name in joined["parts"]:
            tag = (r'<link rel="stylesheet" href="[^"]*' if name.endswith(".css") else r'<script src="[^"]*')
            html, count = re.subn(tag + re.escape(name) + r'">(?:</script>)?\n?', "", html)
            if count != 1:
                raise PluginError(f"{where}: expected one reference to {name} (extra.join), found {count}; "
                                  "is it listed in extra_css or extra_javascript?")
    return html


KEEP_AS_IS = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)


def fold_white_space(html: str) -> str:
    parts = KEEP_AS_IS.split(html)
    # split() returns text, kept block, tag name, text, ...
    return "".join(part if index % 3 else re.sub(r"[ \t]*\n\s*", "\n", part)
                   for index, part in enumerate(parts) if index % 3 != 2)


FAVICON = re.compile(r'<link rel="icon" href="[^"]*?([^"/]+\.svg)">')


def inline_favicon(html: str, config) -> str:
    icon = Path(config.site_dir) / config.theme["favicon"]
    if not icon.is_file() or icon.suffix != ".svg":
        return html
    data = "data:image/svg+xml," + urllib.parse.quote(icon.read_text(encoding="utf-8").strip(), safe="=:/'-.,")
    return FAVICON.sub(lambda _: f'<link rel="icon" href="{data}">', html, count=1)


def lean_page(html: str, config, where: str) -> str:
    return fold_white_space(inline_favicon(link_joined(html, config, where), config))


def on_post_page(output, page, config):
    return lean_page(output, config, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    if template_name.endswith(".html"):
        return lean_page(output_content, config, template_name)
    return output_content


def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
