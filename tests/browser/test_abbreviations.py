"""An abbreviation's expansion, for every reader (hooks/abbreviations.py,
assets/javascripts/abbr.js): on pointer hover, keyboard focus and tap; readable in
both schemes and inside a 320 px screen; it stays while the pointer moves onto it
and until blur, and Escape hides it without moving focus (WCAG 2.2, 1.4.13);
screen readers get it as the term's description."""

import pytest
from playwright.sync_api import expect

from support import EDITIONS, glossary, ready

LANGS = pytest.mark.parametrize("lang", EDITIONS)
SCHEMES = pytest.mark.parametrize("scheme", ["light", "dark"])
TIP = ".abbr-tooltip"


# Longer than any delay the tooltip's script waits before it hides (a short grace
# for the pointer's way from term to tooltip): time enough for it to have hidden.
LONG = 5000


def open_with_a_clock(reader, site, path, **options):
    """The page, with Playwright's clock installed before it loads: its timers run as
    usual until stop_the_clock, then only as far as the test moves them."""
    page, watch = reader(None, **options)
    page.clock.install()
    page.goto(site.url + path)
    ready(page)
    return page, watch


def stop_the_clock(page):
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 1)


def first_term(page):
    abbr = page.locator("article abbr[tabindex='0']").first
    return abbr, abbr.inner_text()


def contrast(page) -> float:
    """The tooltip's text against its background, as the browser paints them."""
    return page.evaluate("""() => {
      const style = getComputedStyle(document.querySelector('.abbr-tooltip'));
      const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    }""")


@LANGS
@SCHEMES
def test_the_expansion_shows_on_hover_and_stays_while_the_pointer_moves_onto_it(reader, site, lang, scheme):
    page, watch = open_with_a_clock(reader, site, EDITIONS[lang] + "opcat/", color_scheme=scheme)
    abbr, term = first_term(page)
    abbr.hover()
    tip = page.locator(TIP)
    expect(tip).to_be_visible()
    expect(tip).to_have_text(glossary(lang)[term])
    assert contrast(page) >= 4.5
    stop_the_clock(page)
    # The pointer crosses from the term to the tooltip: the hiding it starts on
    # leaving the term is called off when it reaches the tooltip, however long the
    # crossing took this machine.
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.clock.run_for(LONG)
    expect(tip).to_be_visible()
    page.mouse.move(5, 5)
    page.clock.run_for(LONG)
    expect(tip).to_be_hidden()
    watch.assert_clean()


@LANGS
def test_the_expansion_shows_on_focus_stays_until_blur_and_escape_hides_it_in_place(reader, site, lang):
    page, watch = open_with_a_clock(reader, site, EDITIONS[lang] + "opcat/")
    abbr, term = first_term(page)
    abbr.focus()
    tip = page.locator(TIP)
    expect(tip).to_have_text(glossary(lang)[term])
    stop_the_clock(page)
    page.clock.run_for(LONG)
    expect(tip).to_be_visible()
    abbr.evaluate("term => term.blur()")
    expect(tip).to_be_hidden()
    abbr.focus()
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == term, "Escape moved focus"
    watch.assert_clean()


@LANGS
def test_screen_readers_get_the_expansion_as_the_terms_description(reader, lang):
    page, watch = reader(EDITIONS[lang] + "opcat/")
    abbr, term = first_term(page)
    expect(abbr).to_have_accessible_description(glossary(lang)[term])
    expect(page.locator(TIP)).to_have_count(0)  # nothing is made until a term is used


@LANGS
def test_a_tap_on_a_phone_shows_the_expansion_inside_a_320px_screen(browser, site, lang):
    context = browser.new_context(viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site.url + EDITIONS[lang] + "opcat/")
    terms = page.locator("article abbr")
    # The rightmost term on the screen: the one most at risk of being cut off.
    widest = max(range(min(terms.count(), 40)), key=lambda n: terms.nth(n).bounding_box()["x"])
    term = terms.nth(widest)
    term.scroll_into_view_if_needed()
    term.tap()
    tip = page.locator(TIP)
    expect(tip).to_have_text(glossary(lang)[term.inner_text()])
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.locator("article h1").first.tap()
    expect(tip).to_be_hidden()
    context.close()


def test_no_term_has_a_listener_of_its_own(reader):
    """The cost does not grow with the number of terms: nothing is set up per term
    (Chromium's own list of each element's listeners, through the DevTools protocol)."""
    page, _ = reader("opcat/")
    session = page.context.new_cdp_session(page)
    terms = page.locator("article abbr").count()
    assert terms > 30
    for number in range(0, terms, 7):
        handle = session.send("Runtime.evaluate", {"expression": f"document.querySelectorAll('article abbr')[{number}]"})
        listeners = session.send("DOMDebugger.getEventListeners", {"objectId": handle["result"]["objectId"]})
        assert listeners["listeners"] == [], f"term {number} has listeners: {listeners['listeners']}"
    document = session.send("Runtime.evaluate", {"expression": "document"})
    types = {l["type"] for l in session.send("DOMDebugger.getEventListeners",
                                             {"objectId": document["result"]["objectId"]})["listeners"]}
    assert {"pointerover", "focusin", "keydown"} <= types, "the delegated listeners are missing"
