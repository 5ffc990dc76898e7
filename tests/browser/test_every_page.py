"""Properties of every page, in both languages, light and dark, desktop and phone:
no WCAG 2.2 AA violation that axe-core can find, no request to any other origin,
no console error, and no sideways scrolling on a 320 px screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import DESKTOP, PHONE

PAGES = ["", "opcat/", "404.html", "ru/", "ru/opcat/", "ru/404.html"]
# WCAG 2.0 to 2.2, A and AA; and axe's best practices, which hold the rule that a
# dialog (Material's search) has a name.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_page_passes_axe_and_stays_on_its_own_origin(reader, axe, path, scheme, viewport):
    page, watch = reader(path, viewport=viewport, color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    watch.assert_clean()


@pytest.mark.parametrize("path", PAGES)
def test_page_needs_no_sideways_scrolling_at_320_px(reader, path):
    page, watch = reader(path, viewport={"width": 320, "height": 640})
    overflow = page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert overflow <= 0, f"{overflow}px of sideways scrolling"
    watch.assert_clean()
