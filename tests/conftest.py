"""The fixtures: the real site, built once per test session (per worker under
pytest-xdist) with the project's own build; copies of the project for builds that
test a change; the publication built by each engine; the browser. The helpers they
use are in support.py. Each test is marked by what it needs (pytest -m):

    browser    drives Chromium (tests/browser/)
    copies     builds a copy of the project (./dev build, tools/build.py) of its own
    zensical   builds with the second engine, Zensical

`./dev test --quick` leaves out all three: the unit tests, and the checks of the
site built once."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from support import (CHROMIUM, CHROMIUM_FLAGS, DESKTOP, PREVIOUS, PUBLICATION, RESULTS, ROOT, PagesServer, Site,
                     SourceArticle, SOURCE_ARTICLE, Watch, copy_project, ready, zensical)

# The fixtures that build a copy of the project, or hold one built.
COPIES = {"project_copy", "project", "publication", "grown", "citing_project", "edited"}
BROWSER = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Mark each test by what it needs, so that -m can choose (pyproject.toml's markers)."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if BROWSER in item.path.parents:
            item.add_marker("browser")
        if fixtures & COPIES:
            item.add_marker("copies")
        if "zensical_publication" in fixtures or "second_engine" in item.path.name:
            item.add_marker("zensical")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The site, built once for the address it is served at on 127.0.0.1: under a
    sub-path, as a GitHub Pages project site is, so tests see real addresses."""
    server = PagesServer("/opcat-site/")
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = subprocess.run([sys.executable, "tools/build.py", "-q", "--out", str(site_dir)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env={**os.environ, "SITE_URL": server.url})
    assert result.returncode == 0, result.stderr[-3000:]
    server.serve(site_dir)
    yield Site(site_dir, server.url)
    server.close()


@pytest.fixture(scope="session")
def source() -> SourceArticle:
    """The source document: a metadata line `date YYYY-MM-DD` that runs straight
    into the article's first paragraph, then the rest of the article."""
    text = SOURCE_ARTICLE.read_text(encoding="utf-8")
    match = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s+", text)
    assert match, f"{SOURCE_ARTICLE} does not start with a 'date YYYY-MM-DD' line"
    body = text[match.end():]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return SourceArticle(match.group(1), paragraphs, re.findall(r"https?://\S+", body))


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project, for feeding it broken content."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def project_files(tmp_path) -> Path:
    """A copy of the project's files, for checks called on them directly (no build)."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def project(project_copy) -> Path:
    """A copy of the project with a site already published in site/, which a
    failed build must leave as it was (support.assert_stops)."""
    (project_copy / "site").mkdir()
    (project_copy / "site" / "index.html").write_text(PREVIOUS, encoding="utf-8")
    return project_copy


@pytest.fixture(scope="session")
def publication(tmp_path_factory) -> Site:
    """The project with the items above, built by `./dev build` for a sub-path address
    and served like GitHub Pages."""
    project = copy_project(tmp_path_factory.mktemp("publication") / "project")
    for path, text in PUBLICATION.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    server = PagesServer("/repo/")
    result = subprocess.run(["./dev", "build"], cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "VENV": sys.prefix, "SITE_URL": server.url})
    assert result.returncode == 0, result.stderr[-3000:]
    server.serve(project / "site")
    yield Site(project / "site", server.url)
    server.close()


@pytest.fixture(scope="session")
def zensical_publication(tmp_path_factory) -> Site:
    """The publication built by Zensical (tools/build.py --engine zensical) and
    served under /repo/, once a session, for tests/test_second_engine.py and its
    browser half."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    for path, text in PUBLICATION.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    server = PagesServer("/repo/")
    out = project / "site"
    result = subprocess.run(
        [sys.executable, "tools/build.py", "-q", "--engine", "zensical", "--out", str(out)], cwd=project,
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "ZENSICAL": str(zensical()), "SITE_URL": server.url,
             "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    server.serve(out)
    yield Site(out, server.url)
    server.close()


# --- The browser -----------------------------------------------------------------------
# On a failing test, a screenshot and the console log of each page it opened are kept
# in test-results/ (named after the test), so a red CI run can be read without
# running it again.

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
            page.goto(site.url + path)  # returns at the load event
            if wait:
                ready(page)
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


