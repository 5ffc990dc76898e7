"""Material's own markup, corrected where it fails WCAG or HTML validity.

- The hidden checkboxes that open the drawer and the search carry
  autocomplete="off", which HTML does not allow on a checkbox.
- The search dialog (role="dialog") has no accessible name; it gets the search
  field's own label, in the page's language.
- A page outside the navigation (a news item) with subheadings has a table of
  contents whose title is a <label for="__toc">, but Material draws the __toc
  checkbox only for a page in the navigation: the label loses its `for`.
- The light/dark toggle's form loses data-md-component="palette", so Material's
  bundle does not mount its palette component, which restyled and laid out every
  page again on load (measured in Chromium traces under real throttling; bench/README.md,
  "Speed and weight"); the site's own script
  (overrides/partials/javascripts/palette-toggle.html) does the toggle's job.

Each fix is an exact replacement in the HTML Material renders. If a Material upgrade
changes that markup, the build fails naming the fix, so it is looked at again rather
than silently lost.
"""

import re

from mkdocs.exceptions import PluginError

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="\w+" type="checkbox" id="__\w+") autocomplete="off">')
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
PALETTE_FORM = '<form class="md-header__option" data-md-component="palette">'
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'
SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]+)"')


def fix(html: str, where: str, schemes: int = 2) -> str:
    html, count = CHECKBOX_AUTOCOMPLETE.subn(r"\1>", html)
    if count != 2:
        raise PluginError(f"{where}: expected Material's 2 toggle checkboxes with autocomplete, found {count}; "
                          "check hooks/material_fixes.py against the new Material markup.")
    # The toggle's form: once for a list of schemes, none for a single scheme.
    if html.count(PALETTE_FORM) != (1 if schemes > 1 else 0):
        raise PluginError(f"{where}: expected Material's palette form ({PALETTE_FORM}) once; "
                          "check hooks/material_fixes.py and palette-toggle.html against the new Material markup.")
    html = html.replace(PALETTE_FORM, '<form class="md-header__option">')
    if TOC_TOGGLE not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    label = SEARCH_LABEL.search(html)
    if SEARCH_DIALOG not in html or not label:
        raise PluginError(f"{where}: Material's search dialog markup changed; update hooks/material_fixes.py.")
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)


def schemes(config) -> int:
    """How many colour schemes the palette lists (hooks/theme_checks.py refuses a list of one)."""
    palette = config.theme.get("palette") or []
    return 1 if isinstance(palette, dict) else len(palette)


def on_post_page(output, page, config):
    return fix(output, page.file.src_uri, schemes(config))


def on_post_template(output_content, template_name, config):
    """The theme's own pages, such as 404.html."""
    if template_name.endswith(".html"):
        return fix(output_content, template_name, schemes(config))
    return output_content
