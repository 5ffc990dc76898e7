"""A Content-Security-Policy on every page: scripts, styles, images, fonts, workers and
connections from the site's own origin only; inline scripts and styles only by the
hash of their exact text, computed from the built pages (the theme's: content may
carry none, hooks/content_policy.py), so a theme upgrade that changes them
updates the policy instead of breaking it. No 'unsafe-inline', no 'unsafe-eval'.

The policy goes in a <meta> right after <meta charset>, before any script. Every page
of an edition gets the same policy. Two builds are left without one: `mkdocs serve`, whose live-reload
script is injected after the build, and the offline edition (hooks/offline.py),
whose file:// search runs the worker in an iframe from generated inline code.
"""

import base64
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from nested_build import is_offline_edition  # noqa: E402

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S)
INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
CHARSET = '<meta charset="utf-8">'
MARKER = 'http-equiv="Content-Security-Policy"'

serving = False


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(scripts, styles, embeds=()) -> str:
    embeds = sorted(origin.rstrip("/") for origin in embeds)
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(scripts)]),
        " ".join(["style-src 'self'", *sorted(styles)]),
        # Material's icons are data: images in its stylesheet; other sites only as
        # vetted in extra.embed_origins (hooks/content_policy.py).
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


def on_post_build(config):
    if serving or is_offline_edition(config):
        return
    # Pages of this edition that carry no policy yet (other editions, built into
    # sub-folders, already have their own).
    pages = [p for p in Path(config.site_dir).rglob("*.html") if MARKER not in p.read_text(encoding="utf-8")]
    scripts, styles = set(), set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        scripts.update(sha256(script) for script in INLINE_SCRIPT.findall(html))
        styles.update(sha256(style) for style in INLINE_STYLE.findall(html))
    tag = f'<meta {MARKER} content="{policy(scripts, styles, config.extra.get("embed_origins") or [])}">'
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if CHARSET not in html:
            raise RuntimeError(f"{page}: no {CHARSET} to put the Content-Security-Policy after")
        page.write_text(html.replace(CHARSET, CHARSET + "\n" + tag, 1), encoding="utf-8")
