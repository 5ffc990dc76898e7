"""The build fails loudly on bad input, and publishes to whatever address it is given."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import mkdocs_build


def append(path: Path, text: str):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_unmodified_copy_builds(project_copy):
    result = mkdocs_build(project_copy)
    assert result.returncode == 0, result.stderr
    assert (project_copy / "site" / "index.html").exists()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_broken_link_in_either_edition_fails_the_whole_build_naming_the_file(project_copy, lang):
    append(project_copy / "docs" / lang / "opcat.md", "\nSee [the annex](annex.md).\n")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0
    assert "opcat.md" in result.stderr and "annex.md" in result.stderr


def test_link_to_a_missing_heading_fails_the_build(project_copy):
    append(project_copy / "docs" / "en" / "index.md", "\n[More](opcat.md#no-such-section)\n")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0
    assert "no-such-section" in result.stderr and "index.md" in result.stderr


def test_news_item_without_its_source_address_fails_naming_file_and_field(project_copy):
    page = project_copy / "docs" / "en" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text("\n".join(l for l in text.splitlines() if not l.startswith("source_url:")), encoding="utf-8")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0
    assert "index.md" in result.stderr and "source_url" in result.stderr
    assert not (project_copy / "site" / "index.html").exists(), "a half-built site was left behind"


def test_failed_build_leaves_the_previous_site_untouched(project_copy):
    """`./dev build` publishes into site/ only when the whole build passed."""
    run = dict(cwd=project_copy, capture_output=True, text=True, timeout=300,
               env={**os.environ, "VENV": sys.prefix})
    assert subprocess.run(["./dev", "build"], **run).returncode == 0
    good = (project_copy / "site" / "opcat" / "index.html").read_text(encoding="utf-8")
    append(project_copy / "docs" / "en" / "opcat.md", "\nBroken [link](nowhere.md).\n")
    result = subprocess.run(["./dev", "build"], **run)
    assert result.returncode != 0 and "nowhere.md" in result.stderr
    assert (project_copy / "site" / "opcat" / "index.html").read_text(encoding="utf-8") == good
    assert not list(project_copy.glob(".site-staging.*"))


def test_site_url_comes_from_the_environment(project_copy):
    result = mkdocs_build(project_copy, SITE_URL="https://user.github.io/repo/")
    assert result.returncode == 0, result.stderr
    html = (project_copy / "site" / "opcat" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://user.github.io/repo/opcat/">' in html
    sitemap = (project_copy / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://user.github.io/repo/opcat/</loc>" in sitemap
    russian = (project_copy / "site" / "ru" / "opcat" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://user.github.io/repo/ru/opcat/">' in russian
