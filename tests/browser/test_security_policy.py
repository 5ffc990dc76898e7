"""The Content-Security-Policy holds and costs the reader nothing: pages load, search
and the palette work with no violation, and an injected inline script is blocked."""

import pytest
from playwright.sync_api import expect

from support import TEXT, ready, search_for

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def violations(page):
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("path, lang", [("", "en"), ("opcat/", "en"), ("404.html", "en"),
                                        ("ru/", "ru"), ("ru/opcat/", "ru")])
def test_pages_search_and_palette_work_under_the_policy(reader, site, path, lang):
    page, watch = reader(None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site.url + path)
    ready(page)
    search_for(page, TEXT[lang]["search"])
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("label[for=__palette_1]").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert violations(page) == []
    watch.assert_clean()


def test_an_injected_inline_script_is_blocked(reader, site):
    page, watch = reader(None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site.url + "opcat/")
    ready(page)
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true';
        document.head.appendChild(script);
    }""")
    assert page.evaluate("window.__injected === undefined")
    assert any(v.startswith("script-src") for v in violations(page))
