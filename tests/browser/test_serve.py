"""The README's serve command: it serves the site on 127.0.0.1, and an edited page
shows its change in the open browser without a manual rebuild (live reload)."""

import time

import pytest
from playwright.sync_api import expect

from support import front_matter, serving


@pytest.fixture
def served(project_copy):
    """`./dev serve` running in a copy of the project; yields (url, copy)."""
    with serving(project_copy) as url:
        yield url, project_copy


def test_serve_shows_an_edited_page_without_a_manual_rebuild(served, reader):
    url, project = served
    page, _ = reader(None)
    page.goto(url + "opcat/")
    expect(page.locator(".md-content h1")).to_have_text(front_matter("en", "opcat.md")["title"])
    marker = f"Live reload check {time.time_ns()}"
    explainer = project / "docs" / "en" / "opcat.md"
    explainer.write_text(explainer.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    expect(page.get_by_text(marker)).to_be_visible(timeout=30000)
    # The Russian edition is served and rebuilt by the same command.
    page.goto(url + "ru/opcat/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
