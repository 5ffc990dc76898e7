"""Properties of every page, in both languages, light and dark, desktop and phone:
no WCAG 2.2 AA violation that axe-core can find, no request to any other origin,
no console error, and no sideways scrolling on a 320 px screen.

Each page is checked with every rule in the light scheme, then reloaded dark and
checked with the rules that read colours, and its header with every rule: the dark
scheme changes the colours and, in the header, which palette toggle is shown, and
nothing else of the markup, so the other rules over the whole page would only
repeat their answers (and axe on the explainer takes seconds a run)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import DESKTOP, PHONE, ready

PAGES = ["", "opcat/", "404.html", "ru/", "ru/opcat/", "ru/404.html"]
# WCAG 2.0 to 2.2, A and AA; and axe's best practices, which hold the rule that a
# dialog (Material's search) has a name.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules of those whose answer depends on the colours: text contrast, and links in
# running text told apart from it. (A name an axe-core upgrade dropped stops the run:
# axe refuses an unknown rule in runOnly.)
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", PAGES)
def test_page_passes_axe_light_and_dark_and_stays_on_its_own_origin(reader, axe, path, viewport):
    page, watch = reader(path, viewport=viewport, color_scheme="light")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, "light: " + results.generate_report()
    page.emulate_media(color_scheme="dark")
    page.reload()
    ready(page)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    results = axe.run(page, options={"runOnly": {"type": "rule", "values": COLOUR_RULES}})
    assert results.violations_count == 0, "dark: " + results.generate_report()
    results = axe.run(page, context=".md-header", options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, "dark, the header: " + results.generate_report()
    watch.assert_clean()


@pytest.mark.parametrize("path", PAGES)
def test_page_needs_no_sideways_scrolling_at_320_px(reader, path):
    page, watch = reader(path, viewport={"width": 320, "height": 640})
    overflow = page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of sideways scrolling"
    watch.assert_clean()
