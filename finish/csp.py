"""A Content-Security-Policy on every page: scripts, styles, images, fonts, workers and
connections from the site's own origin only; inline scripts and styles only by the
hash of their exact text, computed from the built pages (the theme's: content may
carry none, extensions/content_policy.py), so a theme upgrade that changes them
updates the policy instead of breaking it. No 'unsafe-inline', no 'unsafe-eval'.

The policy goes in a <meta> right after <meta charset>, before any script, and is
the same on every page of an edition. Two builds are left without one: the preview
(./dev serve), whose live-reload script is injected as it serves, and the offline
edition, whose file:// search runs the worker in an iframe from generated inline code.
"""

import base64
import hashlib
import re
from pathlib import Path


from . import html

CHARSET = '<meta charset="utf-8">'
MARKER = 'http-equiv="Content-Security-Policy"'


class NoPlaceForPolicy(Exception):
    pass


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(scripts, styles, embeds=()) -> str:
    embeds = sorted(origin.rstrip("/") for origin in embeds)
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(scripts)]),
        " ".join(["style-src 'self'", *sorted(styles)]),
        # Material's icons are data: images in its stylesheet; other sites only as
        # vetted in extra.embed_origins.
        " ".join(["img-src 'self' data:", *embeds]),
        " ".join(["media-src 'self'", *embeds]),
        " ".join(["frame-src 'self'", *embeds]),
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def page_code(text: str):
    """What a page runs: the text of every inline <script> (not JSON data) and
    <style>, and the addresses of the local scripts it links; one parse."""
    scripts, styles, linked = [], [], []
    for tag in html.page_tags(text):
        if tag.name == "script" and "src" not in tag.attrs and tag.get("type") not in (
                "application/json", "application/ld+json"):
            scripts.append(text[tag.end:text.index("</script>", tag.end)])
        elif tag.name == "style":
            styles.append(text[tag.end:text.index("</style>", tag.end)])
        elif tag.name == "script" and tag.get("src") and not re.match(r"^[a-z][a-z0-9+.-]*:|^/", tag.get("src"), re.I):
            linked.append(tag.get("src").split("?")[0].split("#")[0])
    return scripts, styles, linked


# A <style> a script makes at run time: an element helper called with "style",
# its attributes and its text (Zensical's search: C("style",{},Tc.toString()), the
# text a string constant of the bundle). Material's bundle makes none.
STYLE_ELEMENT = re.compile(r"""\(\s*(["'])style\1\s*,\s*\{[^{}]*\}\s*,\s*([A-Za-z_$][\w$]*)(?:\.toString\(\))?\s*\)""")
JS_STRING = r"""'(?:[^'\\\n]|\\[\s\S])*'|"(?:[^"\\\n]|\\[\s\S])*"|`(?:[^`\\$]|\\[\s\S]|\$(?!\{))*`"""


def injected_styles(pages: list, linked: dict = None) -> set:
    """The text of each <style> that the local scripts these pages link create at
    run time, found in the script itself: the constant its element is made with.
    The policy must allow it by hash like any inline style; found anew each build,
    so an engine's upgrade that changes the text updates the hash."""
    def js_text(literal):  # a JavaScript string literal's value
        def unescape(match):
            code = match[1]
            if code[0] in "ux" and len(code) > 1:
                return chr(int(code.strip("u{}x"), 16))
            if code in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
                return ""  # a line continuation
            return {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}.get(code, code)
        return re.sub(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])", unescape, literal[1:-1])

    if linked is None:
        linked = {page: page_code(page.read_text(encoding="utf-8"))[2] for page in pages}
    scripts = {(page.parent / src).resolve() for page in pages for src in linked[page]}
    styles = set()
    for script in sorted(scripts):
        code = script.read_text(encoding="utf-8") if script.is_file() else ""
        for name in {match[2] for match in STYLE_ELEMENT.finditer(code)}:
            for literal in re.finditer(rf"(?<![\w$.]){re.escape(name)}\s*=\s*({JS_STRING})", code):
                styles.add(js_text(literal[1]))
    return styles


def read_code(page: Path):
    return page_code(page.read_text(encoding="utf-8"))


def add_policy(pages: list, embeds=(), each=lambda step, jobs: [step(job) for job in jobs]):
    """One policy for these pages (an edition's), with the hashes of all their inline
    code; `each` runs a step on every page (finish/ runs it in two processes)."""
    scripts, styles, linked = set(), set(), {}
    for page, (inline_scripts, inline_styles, linked[page]) in zip(pages, each(read_code, pages)):
        scripts.update(map(sha256, inline_scripts))
        styles.update(map(sha256, inline_styles))
    styles.update(map(sha256, injected_styles(pages, linked)))
    tag = f'<meta {MARKER} content="{policy(scripts, styles, embeds)}">'
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if CHARSET not in text:
            raise NoPlaceForPolicy(f"{page.name}: no {CHARSET} to put the Content-Security-Policy after")
        page.write_text(text.replace(CHARSET, CHARSET + "\n" + tag, 1), encoding="utf-8")



