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


def inline_code(text: str):
    """The text of every inline <script> (not JSON data) and <style> of a page."""
    scripts, styles = [], []
    for tag in html.tags(text):
        if tag.name == "script" and "src" not in tag.attrs and tag.get("type") not in (
                "application/json", "application/ld+json"):
            scripts.append(text[tag.end:text.index("</script>", tag.end)])
        elif tag.name == "style":
            styles.append(text[tag.end:text.index("</style>", tag.end)])
    return scripts, styles


def add_policy(pages: list, embeds=()):
    """One policy for these pages (an edition's), with the hashes of all their inline code."""
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    scripts, styles = set(), set()
    for text in texts.values():
        found = inline_code(text)
        scripts.update(map(sha256, found[0]))
        styles.update(map(sha256, found[1]))
    tag = f'<meta {MARKER} content="{policy(scripts, styles, embeds)}">'
    for page, text in texts.items():
        if CHARSET not in text:
            raise NoPlaceForPolicy(f"{page.name}: no {CHARSET} to put the Content-Security-Policy after")
        page.write_text(text.replace(CHARSET, CHARSET + "\n" + tag, 1), encoding="utf-8")



