"""Real-browser fixtures: Debian's Chromium driven by Playwright, against the built
site served on 127.0.0.1. No browser is downloaded; `./dev test` installs the
`chromium` package when it is missing.

On a failing test, a screenshot and the console log of each page it opened are kept
in test-results/ (named after the test), so a red CI run can be read without
running it again."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "test-results"
CHROMIUM = Path("/usr/bin/chromium")
# The flags that keep Chromium off the network it cannot reach here (and in CI).
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@dataclass
class Watch:
    """What a page did while it was open."""

    origin: str
    console: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    elsewhere: list = field(default_factory=list)

    def on_console(self, message):
        self.console.append(f"{message.type}: {message.text}")
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def on_request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:")):
            return
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.elsewhere.append(url)

    def assert_clean(self):
        assert not self.errors, f"errors in the page: {self.errors}"
        assert not self.elsewhere, f"requests to other origins: {self.elsewhere}"


def pytest_sessionstart(session):
    """test-results/ holds this run's failures only."""
    if RESULTS.is_dir():
        for old in RESULTS.iterdir():
            old.unlink()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run the tests with ./dev test, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def reader(browser, site, request):
    """Opens pages of the served site in fresh browser contexts: reader(path, ...)
    returns (page, watch)."""
    opened = []
    parts = urlsplit(site.url)
    origin = f"{parts.scheme}://{parts.netloc}"

    def open_page(path="", *, viewport=DESKTOP, color_scheme="light", wait=True):
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
        page = context.new_page()
        watch = Watch(origin)
        page.on("console", watch.on_console)
        page.on("pageerror", lambda error: watch.errors.append(f"uncaught: {error}"))
        context.on("request", watch.on_request)
        opened.append((page, watch))
        if path is not None:
            page.goto(site.url + path)
            if wait:
                page.wait_for_load_state("networkidle")
        return page, watch

    request.node.opened_pages = opened
    yield open_page
    for page, _ in opened:
        page.context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    name = re.sub(r"[^\w.-]+", "_", item.nodeid)
    for number, (page, watch) in enumerate(getattr(item, "opened_pages", [])):
        RESULTS.mkdir(exist_ok=True)
        stem = RESULTS / f"{name}-{number}"
        try:
            page.screenshot(path=f"{stem}.png", full_page=True)
        except Exception as error:  # a closed or crashed page still gets its log
            watch.console.append(f"(no screenshot: {error})")
        Path(f"{stem}.log").write_text(
            f"{page.url}\n" + "\n".join(watch.console + watch.errors + watch.elsewhere) + "\n",
            encoding="utf-8",
        )


def switch_language(page, other, how):
    """Follow the header's language switch to `other`, by "pointer" or "keyboard"."""
    switch = page.locator(f"nav.site-language a[hreflang={other}]")
    if how == "pointer":
        switch.click()
        return
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.site-language__link')"):
            break
    else:
        pytest.fail("Tab never reached the language switch")
    page.keyboard.press("Enter")
