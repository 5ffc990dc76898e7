"""Journeys a reader makes, in a real Chromium, in both languages."""

import json
import re

import pytest
from playwright.sync_api import expect

from support import EDITIONS, PHONE, TEXT, glossary, normalise, ready, search_for, switch_language

LANGS = pytest.mark.parametrize("lang", EDITIONS)


def h1(page):
    return page.locator(".md-content h1").inner_text()


@LANGS
def test_reader_opens_the_article_follows_the_explainer_link_and_comes_back(reader, site, lang):
    page, watch = reader(EDITIONS[lang])
    text = TEXT[lang]
    assert text["headline"] in h1(page)
    dateline = page.locator(".news-header time")
    assert dateline.is_visible() and normalise(dateline.inner_text()) == text["dateline"]
    assert page.locator(".news-source").is_visible()
    page.get_by_role("link", name=text["to_explainer"]).click()
    page.wait_for_url(site.url + EDITIONS[lang] + "opcat/")
    expect(page.locator(".md-content h1")).to_have_text(text["explainer"])
    page.go_back()
    page.wait_for_url(site.url + EDITIONS[lang])
    expect(page.locator(".md-content h1")).to_contain_text(text["headline"])
    watch.assert_clean()


@LANGS
def test_search_finds_the_explainer(reader, site, lang):
    page, watch = reader(EDITIONS[lang])
    search_for(page, TEXT[lang]["search"])
    result = page.locator(".md-search-result__item a[href*='opcat/']").first
    result.wait_for()
    result.click()
    page.wait_for_url(re.compile(re.escape(site.url + EDITIONS[lang] + "opcat/")))
    expect(page.locator(".md-content h1")).to_have_text(TEXT[lang]["explainer"])
    watch.assert_clean()


@LANGS
def test_search_for_a_word_found_nowhere_says_so(reader, lang):
    page, watch = reader(EDITIONS[lang])
    config = json.loads(page.locator("#__config").text_content())
    search_for(page, "qwxzvy")
    assert page.locator(".md-search-result__item").count() == 0
    meta = page.locator(".md-search-result__meta").inner_text()
    assert meta == config["translations"]["search.result.none"]
    watch.assert_clean()


def scheme(page):
    return page.locator("body").get_attribute("data-md-color-scheme")


def test_chosen_dark_scheme_survives_a_reload(reader):
    page, watch = reader("", color_scheme="light")
    assert scheme(page) == "default"
    page.locator("label[for=__palette_1]").click()
    assert scheme(page) == "slate"
    page.reload()
    ready(page)
    assert scheme(page) == "slate"
    watch.assert_clean()


def test_system_dark_preference_starts_the_site_dark(reader):
    page, watch = reader("opcat/", color_scheme="dark")
    assert scheme(page) == "slate"
    watch.assert_clean()


def visible_toggle(page):
    toggles = page.locator("form.md-header__option label.md-header__button")
    shown = [toggles.nth(n) for n in range(toggles.count()) if toggles.nth(n).is_visible()]
    assert len(shown) == 1, f"{len(shown)} scheme toggles are shown, not one"
    return shown[0]


@pytest.mark.parametrize("system, shown, other", [("light", "default", "slate"), ("dark", "slate", "default")])
def test_the_one_toggle_shown_switches_to_the_other_scheme_and_back(reader, system, shown, other):
    page, watch = reader("opcat/", color_scheme=system)
    assert scheme(page) == shown
    toggle = visible_toggle(page)
    assert toggle.get_attribute("title") == ("Switch to dark mode" if shown == "default" else "Switch to light mode")
    toggle.click()
    assert scheme(page) == other
    visible_toggle(page).click()
    assert scheme(page) == shown
    watch.assert_clean()


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_phone_toolbar_takes_the_headers_colour(reader, system):
    page, watch = reader("", viewport=PHONE, color_scheme=system)
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    red, green, blue = (int(n) for n in re.findall(r"\d+", header)[:3])
    assert page.locator("meta[name=theme-color]").get_attribute("content") == f"#{red:02x}{green:02x}{blue:02x}"
    watch.assert_clean()


def test_enter_on_the_focused_toggle_switches_the_scheme_and_keeps_focus_on_it(reader):
    page, watch = reader("", color_scheme="light")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    assert page.evaluate("document.activeElement.id") == "__palette_1"
    page.keyboard.press("Enter")
    assert scheme(page) == "default"
    watch.assert_clean()


def test_a_page_load_restyles_nothing_for_the_palette(reader, site):
    """Material's palette component set the body's colour attributes again on every
    load, restyling the whole page; the site's toggle writes nothing unless the
    reader's choice differs from the page's first scheme."""
    page, watch = reader(None, color_scheme="light")
    page.add_init_script("""window.__writes = [];
        new MutationObserver(list => window.__writes.push(...list
            .filter(m => m.target === document.body).map(m => m.attributeName)))
          .observe(document, {attributes: true, subtree: true});""")
    page.goto(site.url)
    ready(page)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__writes") == [], "the body's attributes were rewritten on load"
    watch.assert_clean()


@LANGS
def test_phone_reader_reaches_every_page_from_the_drawer(reader, site, lang):
    page, watch = reader(EDITIONS[lang], viewport=PHONE)
    for path, title in (("opcat/", TEXT[lang]["explainer"]), ("", TEXT[lang]["home_link"])):
        page.locator("label.md-header__button[for=__drawer]").click()
        drawer = page.locator("nav.md-nav--primary")
        link = drawer.locator("a.md-nav__link[href]").filter(has_text=title).first
        link.wait_for(state="visible")
        link.click()
        page.wait_for_url(site.url + EDITIONS[lang] + path)
        expect(page.locator(".md-content h1")).to_contain_text(title)
    watch.assert_clean()


# What a focused element shows: the test's view of one Tab stop.
DESCRIBE_FOCUS = """el => {
    if (!el || el === document.body) return {tag: 'body'};
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outlined = s => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    // A visually hidden input shows its focus on the label that follows it
    // (Material's palette toggle).
    const label = el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL'
        ? getComputedStyle(el.nextElementSibling) : null;
    return {
        tag: el.tagName.toLowerCase(), cls: el.className.toString(),
        text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        inArticle: !!el.closest('.md-content'),
        outline: outlined(style) || (label !== null && outlined(label)),
        shadow: style.boxShadow !== 'none',
        visible: box.width > 0 && box.height > 0,
        key: el.dataset.probe || el.outerHTML.slice(0, 200),
    };
}"""


def focused(page):
    return page.evaluate(f"() => ({DESCRIBE_FOCUS})(document.activeElement)")


@LANGS
def test_skip_link_comes_first_and_moves_focus_to_the_content(reader, lang):
    page, watch = reader(EDITIONS[lang])
    page.keyboard.press("Tab")
    first = focused(page)
    assert "md-skip" in first["cls"] and first["visible"], first
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash.length > 1")
    page.keyboard.press("Tab")
    landed = focused(page)
    assert landed["inArticle"], f"after the skip link, Tab should land in the article, not on {landed}"
    watch.assert_clean()


# Every element a keyboard user should be able to reach, each tagged with a probe
# number so it can be recognised when focused.
FOCUSABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')]
  .filter(el => {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
      && el.tabIndex >= 0 && !el.closest('[hidden], [inert]');
  }).map((el, i) => { el.dataset.probe = `${i}: ${el.outerHTML.slice(0, 120)}`; return el.dataset.probe; })"""


@pytest.mark.parametrize("path", ["", "opcat/", "ru/", "ru/opcat/"])
def test_every_link_and_control_is_reachable_by_keyboard_with_a_visible_focus(reader, path):
    page, watch = reader(path)
    expected = set(page.evaluate(FOCUSABLE))
    # Each Tab stop is described as focus lands on it, and read back once: a round trip
    # to the page per stop would make this the suite's slowest test. Tabs past the last
    # stop go round to the first again, which only repeats stops already seen.
    page.evaluate(f"""() => {{ window.tabStops = [];
        document.addEventListener('focusin', event => tabStops.push(({DESCRIBE_FOCUS})(event.target))); }}""")
    for _ in range(len(expected) + 20):
        page.keyboard.press("Tab")
    stops = page.evaluate("tabStops")
    reached = {stop["key"] for stop in stops}
    unmarked = [stop["key"] for stop in stops if not (stop["outline"] or stop["shadow"])]
    assert not (expected - reached), f"never reached by Tab: {sorted(expected - reached)}"
    assert not unmarked, f"focused without a visible indicator: {unmarked}"
    watch.assert_clean()


@LANGS
def test_abbreviation_expansion_appears_on_focus(reader, lang):
    page, watch = reader(EDITIONS[lang] + "opcat/")
    abbr = page.locator("article abbr[tabindex='0']").first
    term = abbr.inner_text()
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    assert page.evaluate("document.activeElement.textContent") == term
    tooltip = page.locator(".abbr-tooltip")
    tooltip.wait_for(state="visible", timeout=3000)
    assert glossary(lang)[term] in tooltip.inner_text()
    watch.assert_clean()


@pytest.mark.parametrize("address", ["no/such/page/", "ru/no-such-page", "opcat/missing/deeper/still"])
def test_unknown_address_returns_the_styled_404_with_a_way_home(reader, site, address):
    page, watch = reader(None)
    stylesheets = []
    page.on("response", lambda r: "/assets/stylesheets/main" in r.url and stylesheets.append(r.status))
    response = page.goto(site.url + address)
    ready(page)
    assert response.status == 404
    assert h1(page) == TEXT["en"]["not_found"]
    assert stylesheets == [200], "the 404 page lost its stylesheet"
    border = page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert border == "rgb(29, 79, 110)", "the 404 page is not in the site's colours"
    page.locator(".md-content").get_by_role("link", name=TEXT["en"]["home_link"]).click()
    page.wait_for_url(site.url)
    expect(page.locator(".md-content h1")).to_contain_text(TEXT["en"]["headline"])
    # The only error allowed is the browser's note of the 404 status itself.
    assert all("404" in error for error in watch.errors), watch.errors
    assert not watch.elsewhere


@pytest.mark.parametrize("path", ["", "opcat/", "ru/"])
def test_print_shows_all_the_text_without_site_chrome(reader, path):
    page, watch = reader(path)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    paragraphs = page.locator("article p")
    assert paragraphs.count() > 3
    for index in range(paragraphs.count()):
        assert paragraphs.nth(index).is_visible()
    targets = page.eval_on_selector_all(
        "article a[href^='http']", "links => links.map(a => getComputedStyle(a, '::after').content)")
    assert targets and all("http" in t for t in targets), "printed links do not show where they go"
    watch.assert_clean()


@pytest.mark.parametrize("lang, other", [("en", "ru"), ("ru", "en")])
def test_language_switch_keeps_the_readers_place_and_works_by_keyboard(reader, site, lang, other):
    """Open the home page, follow its link to the explainer, then switch language with
    the keyboard alone."""
    page, watch = reader(EDITIONS[lang])
    page.get_by_role("link", name=TEXT[lang]["to_explainer"]).click()
    expect(page.locator(".md-content h1")).to_have_text(TEXT[lang]["explainer"])
    switch = page.locator(f"nav.site-language a[hreflang={other}]")
    expect(switch).to_have_accessible_name(TEXT[other]["language"])
    switch_language(page, other, "keyboard")
    page.wait_for_url(site.url + EDITIONS[other] + "opcat/")
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.locator(".md-content h1")).to_have_text(TEXT[other]["explainer"])
    watch.assert_clean()
