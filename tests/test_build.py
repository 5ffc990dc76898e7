"""The build refuses a link to a heading that is not there (MkDocs' anchor
validation, which only a build runs), and publishes to whatever address it is given."""

from pathlib import Path

from support import mkdocs_build


def append(path: Path, text: str):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_link_to_a_missing_heading_fails_the_build(project_copy):
    append(project_copy / "docs" / "en" / "index.md", "\n[More](opcat.md#no-such-section)\n")
    result = mkdocs_build(project_copy)
    assert result.returncode != 0
    assert "no-such-section" in result.stderr and "index.md" in result.stderr


def test_site_url_comes_from_the_environment(project_copy):
    result = mkdocs_build(project_copy, SITE_URL="https://user.github.io/repo/")
    assert result.returncode == 0, result.stderr
    html = (project_copy / "site" / "opcat" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://user.github.io/repo/opcat/">' in html
    sitemap = (project_copy / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://user.github.io/repo/opcat/</loc>" in sitemap
    russian = (project_copy / "site" / "ru" / "opcat" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://user.github.io/repo/ru/opcat/">' in russian
