"""Material's markup, corrected where it fails WCAG or HTML validity, in the built
pages (its partials that the site replaces instead are in overrides/partials/):

- no page mounts Material's palette component, which overrides/partials/palette.html
  unmounts (the site's toggle does its job): a page that does stops the build;
- the hidden checkboxes that open the drawer and the search carry
  autocomplete="off", which HTML does not allow on a checkbox;
- the search dialog (role="dialog") has no accessible name: it gets the search
  field's own label, in the page's language;
- a page outside the navigation (a news item) with subheadings has a table of
  contents titled by a <label for="__toc">, but Material draws the __toc checkbox
  only for a page in the navigation: the label loses its `for`;
- a news item's headline is drawn by news.html, not by the Markdown, so Material
  draws no skip link for it: news.html writes one, in the theme's words, and it
  moves to where Material's skip links are (the first thing a keyboard reaches),
  unless the engine has drawn one there already.

Each fix looks for what it fixes; when a Material upgrade changes that markup so
that the fix no longer finds it, the build stops naming the fix, so it is looked
at again rather than silently lost. And local pictures written as HTML in the text
(<img src="photo.jpg">), whose address MkDocs leaves as written, get the address
of the page they end up on (news/a/ online).
"""

import posixpath
import re
from pathlib import Path

from . import html


class MarkupChanged(Exception):
    pass


def fixes(found: list, where: str) -> list:
    """The edits that correct Material's markup, from the page's tags."""
    toggles = [t for t in found if t.name == "input" and t.get("type") == "checkbox" and t.get("class") == "md-toggle"
               and "autocomplete" in t.attrs]
    if len(toggles) != 2:
        raise MarkupChanged(f"{where}: expected Material's 2 toggle checkboxes with autocomplete, found "
                            f"{len(toggles)}; check finish/markup.py against the new Material markup.")
    changes = [(tag, {"autocomplete": False}) for tag in toggles]
    if any(t.get("data-md-component") == "palette" for t in found):
        raise MarkupChanged(f"{where}: Material's palette component is mounted again (data-md-component=\"palette\"), "
                            "so its script and the site's toggle would both run; overrides/partials/palette.html no "
                            "longer replaces Material's partial: compare the two and palette-toggle.html.")
    dialog = [t for t in found if t.get("data-md-component") == "search" and t.get("role") == "dialog"]
    field = [t for t in found if t.name == "input" and "md-search__input" in (t.get("class") or "").split()]
    if len(dialog) != 1:
        raise MarkupChanged(f"{where}: Material's search dialog markup changed; update finish/markup.py.")
    if "aria-label" not in dialog[0].attrs:  # Zensical names it itself
        if len(field) != 1 or not field[0].get("aria-label"):
            raise MarkupChanged(f"{where}: Material's search field markup changed; update finish/markup.py.")
        changes.append((dialog[0], {"aria-label": field[0].get("aria-label")}))
    if not any(t.get("id") == "__toc" for t in found):
        changes += [(t, {"for": False}) for t in found if t.name == "label" and t.get("for") == "__toc"]
    return html.attr_edits(changes)


SKIP = re.compile(r'(<div data-md-component="skip">)(\s*)(</div>)')
SKIP_LINK = re.compile(r'\s*<a [^>]*\bdata-skip-link\b[^>]*>.*?</a>', re.S)


def move_skip_link(text: str, where: str) -> str:
    """news.html's skip link (data-skip-link) into Material's empty skip block."""
    link = SKIP_LINK.search(text)
    if not link:
        return text
    text = text[:link.start()] + text[link.end():]
    tag = link.group().strip().replace(" data-skip-link", "", 1)
    text, count = SKIP.subn(lambda m: m.group(1) + m.group(2) + tag + m.group(2) + m.group(3), text, count=1)
    if not count and re.search(r'<div data-md-component="skip">\s*<a [^>]*class="md-skip"', text):
        return text  # the engine draws a skip link on every page itself (Zensical)
    if not count:
        raise MarkupChanged(f"{where}: Material's skip block (<div data-md-component=\"skip\">) is not empty or is "
                            "gone; check finish/markup.py and news.html against the new Material markup.")
    return text


MEDIA = {"img": ("src",), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
         "track": ("src",), "iframe": ("src",)}


def local_addresses(found: list, page: Path, source_folder: Path) -> list:
    """A local address that does not resolve from the page but does from the folder
    of its Markdown file is an address written in HTML: the edits that rewrite it
    to the page's."""
    changes = []
    for tag in found:
        new = {}
        for name in MEDIA.get(tag.name, ()):
            value = tag.get(name)
            if not value:
                continue
            parts = []
            for candidate in value.split(",") if name == "srcset" else [value]:
                address, _, rest = candidate.strip().partition(" ")
                if re.match(r"^[a-z][a-z0-9+.-]*:|^/|^#", address, re.I) or (page.parent / address).exists():
                    parts.append(candidate)
                    continue
                target = source_folder / address
                if target.exists():
                    link = posixpath.relpath(target.resolve(), page.parent.resolve())
                    parts.append(" ".join(filter(None, [link, rest])) if name == "srcset" else link)
                else:
                    parts.append(candidate)
            joined = ", ".join(p.strip() for p in parts) if name == "srcset" else parts[0]
            if joined != value:
                new[name] = joined
        if new:
            changes.append((tag, new))
    return html.attr_edits(changes)
