"""Lean output: what a reader downloads, and what the offline edition carries, is only
what the site uses. Measured by bench/run.py.

- Theme files the site never loads are not published: source maps, and the search
  languages (lunr) other than the edition's own.
- Material's search index is written as compact UTF-8 JSON: Russian text as
  letters, not \\u escapes (2 bytes a letter instead of 6).
- The site's small stylesheets and scripts (`extra.inline`) are put into each page,
  so a first visit waits for no extra request before it can draw; the
  Content-Security-Policy (hooks/csp.py) allows them by hash. Inlined CSS loses its
  comments, and Material's palette loses the rules for the named colours the site
  does not use (it uses its own, `custom`).
- The favicon, a few hundred bytes of SVG, is written into each page as a data:
  address instead of costing a request.
- Runs of white space between the template's lines are folded to one line break
  (outside <pre>, <textarea>, <script> and <style>); a browser renders them alike.
"""

import json
import re
import urllib.parse
from pathlib import Path

from mkdocs.exceptions import PluginError

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
    return files


NAMED_COLOUR = re.compile(r"data-md-color-(?:primary|accent)=(?!custom\b)[\w-]+")


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
    return "".join(rule for rule in top_level_rules(css) if not NAMED_COLOUR.search(rule.split("{", 1)[0]))


def inline(html, config, where):
    """Replace the <link>/<script src> of each file in extra.inline with its text
    (the theme's static files are copied before any page is written)."""
    for name in config.extra.get("inline", []):
        source = Path(config.site_dir) / name
        if not source.is_file():
            raise PluginError(f"extra.inline: {name} is not in the built site; check the path in mkdocs.yml.")
        text = source.read_text(encoding="utf-8")
        if name.endswith(".css"):
            text = lean_css(text)
            pattern = re.compile(r'<link rel="stylesheet" href="[^"]*' + re.escape(name) + r'">')
            replacement = f"<style>{text}</style>"
        else:
            pattern = re.compile(r'<script src="[^"]*' + re.escape(name) + r'"></script>')
            replacement = f"<script>{text}</script>"
        html, count = pattern.subn(lambda _: replacement, html)
        if count != 1:
            raise PluginError(f"{where}: expected one reference to {name} to inline, found {count}.")
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
    return fold_white_space(inline_favicon(inline(html, config, where), config))


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
