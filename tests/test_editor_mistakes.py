"""An editor's everyday flows, and their mistakes, tried in a copy of the project with
`./dev build`, as an editor runs it: a good change builds the whole site into
site/; a mistake stops with one message naming the file (with its edition's
folder), the field or line, and what to write, without a traceback, and leaves
the site/ already there untouched."""

import datetime
import os
import re
import socket
import stat
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import material as material_theme
import pytest
from bs4 import BeautifulSoup

from support import (PREVIOUS, assert_builds, assert_stops, copy_project, dev, free_port, replace_in, workflow,
                     write_item)


def ashgabat_today() -> datetime.date:
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=5)).date()


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def commit_everything(project: Path, when: str):
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "start"]):
        subprocess.run(["git", *args], cwd=project, check=True, env=env, capture_output=True)


# --- Inputs that must build: one copy, as downloaded (no git), built once -------------

# Each entry: a news item an editor might write, as (path, fields for write_item).
TITLE = "Talks [continue](soon) *in* <Ashgabat> & elsewhere"
SEPARATORS = {"line separator": "\u2028", "form feed": "\x0c"}
EDITED = {
    "quoted date": ("docs/en/news/quoted-date.md", {"title": "A quoted date", "date": '"2025-02-21"'}),
    "marked-up title": ("docs/en/news/marked-up-title.md", {"title": f"'{TITLE}'"}),
    "escaped source": ("docs/en/news/escaped-source.md", {"title": "A source with markup"}),
    "embedded image": ("docs/en/news/embedded.md", {
        "title": "An embedded picture",
        "body": 'The text.\n\n<img src="https://img.example.org/x.png" alt="A picture">\n'}),
    "local image": ("docs/en/news/local-image.md", {
        "title": "A picture of its own", "body": 'The text.\n\n<img src="photo.png" alt="A photo">\n'}),
    **{f"pasted, {name}": (f"docs/en/news/pasted-{index}.md", {
        "title": f"Pasted from a PDF ({name})",
        "body": f"Pasted{separator}from a PDF.\n\nThe OPCAT and the NPM and the OHCHR."})
       for index, (name, separator) in enumerate(SEPARATORS.items())},
}


@dataclass
class Edited:
    project: Path
    site: Path
    result: subprocess.CompletedProcess
    scratch: Path

    def page(self, case: str) -> BeautifulSoup:
        """The published page of one of EDITED's items."""
        slug = Path(EDITED[case][0]).stem
        return page(self.site, f"news/{slug}/index.html")


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Edited:
    """A copy of the project as a downloaded zip holds it (no .git), with a site
    published before in site/, into which an editor has written each of EDITED's
    items (and the vetted origin and the picture two of them need), then built once
    with ./dev build and a TMPDIR of its own. Each test below reads its part: one
    build, where each input had a build of its own."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text(PREVIOUS, encoding="utf-8")
    replace_in(project, "mkdocs.yml", "embed_origins: &embed_origins []",
               "embed_origins: &embed_origins [https://img.example.org]")
    for path, fields in EDITED.values():
        write_item(project, path=path, **fields)
    replace_in(project, EDITED["escaped source"][0], "source: nCa (news Central Asia)", 'source: Agency "A" & <B>')
    (project / "docs" / "en" / "news" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    scratch = tmp_path_factory.mktemp("scratch")
    result = dev(project, "build", env={"TMPDIR": str(scratch)})
    return Edited(project, assert_builds(project, result), result, scratch)


def test_a_downloaded_zip_without_git_builds_and_says_how_it_is_dated(edited):
    assert not (edited.project / ".git").exists()
    assert "no git history" in edited.result.stderr


def test_build_publishes_a_world_readable_site_and_leaves_nothing_in_tmp(edited):
    site = edited.site
    assert "built the site into site/" in edited.result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") != PREVIOUS, "the site published before is still there"
    for path in [site, *site.rglob("*")]:
        mode = path.stat().st_mode
        assert mode & stat.S_IROTH, f"{path} is not readable by a web server"
        assert not path.is_dir() or mode & stat.S_IXOTH, f"{path} cannot be entered by a web server"
    assert (site / "ru" / "index.html").is_file() and (site / "downloads").is_dir()
    assert list(edited.scratch.iterdir()) == []


def test_a_vetted_origin_in_embed_origins_may_be_embedded_and_enters_the_policy(edited):
    policy = edited.page("embedded image").select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "img-src 'self' data: https://img.example.org;" in policy
    assert edited.page("embedded image").select_one(".news-body img")["src"] == "https://img.example.org/x.png"


def test_a_local_image_in_raw_html_is_found_from_the_file_online_and_offline(edited):
    slug = Path(EDITED["local image"][0]).stem
    assert edited.page("local image").select_one(".news-body img")["src"] == "../photo.png"
    with zipfile.ZipFile(edited.site / "downloads" / "turkmenistan-opcat-offline.zip") as offline:
        html = offline.read(f"news/{slug}.html").decode("utf-8")
    assert BeautifulSoup(html, "html.parser").select_one(".news-body img")["src"] == "photo.png"


def test_a_quoted_date_is_read_as_the_date_it_spells(edited):
    assert edited.page("quoted date").select_one(".news-header time").get_text() == "21 February 2025"


@pytest.mark.parametrize("separator", SEPARATORS)
def test_text_pasted_from_a_pdf_before_an_abbreviation_builds(edited, separator):
    focusable = edited.page(f"pasted, {separator}").select('.news-body abbr[tabindex="0"]')
    assert {abbr.get_text() for abbr in focusable} >= {"OPCAT", "NPM", "OHCHR"}


def test_a_title_is_text_everywhere_never_markdown_or_html(edited):
    assert edited.page("marked-up title").select_one("h1#news-title").get_text() == TITLE
    listed = page(edited.site, "news/index.html").select(".news-index a")
    assert TITLE in [a.get_text() for a in listed]


def test_front_matter_text_is_escaped_in_the_page(edited):
    slug = Path(EDITED["escaped source"][0]).stem
    html = (edited.site / "news" / slug / "index.html").read_text(encoding="utf-8")
    assert "<B>" not in html and "Agency &#34;A&#34; &amp; &lt;B&gt;" in html


# --- Dates from git, and the build's own options --------------------------------------

def test_an_item_dated_today_in_ashgabat_previews_and_builds_before_it_is_committed(project):
    commit_everything(project, "2025-01-01T12:00:00+00:00")
    write_item(project, date=ashgabat_today().isoformat())
    # Whatever the hour: east of UTC it is already tomorrow for part of every day.
    tomorrow = datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1)
    write_item(project, path="docs/en/news/east.md", date=tomorrow.isoformat())
    site = assert_builds(project, dev(project, "build"))
    assert page(site, "news/item/index.html").select_one(".news-header time")["datetime"] == ashgabat_today().isoformat()
    assert page(site, "news/east/index.html").select_one(".news-header time")["datetime"] == tomorrow.isoformat()


def test_a_checkout_git_refuses_builds_and_says_how_it_is_dated(project):
    commit_everything(project, "2025-01-01T12:00:00+00:00")
    os.chown(project, 12345, 12345)  # another owner: git calls it "dubious ownership"
    refused = subprocess.run(["git", "log", "-1"], cwd=project, capture_output=True, text=True)
    assert refused.returncode != 0 and "dubious ownership" in refused.stderr
    result = dev(project, "build")
    assert_builds(project, result)
    assert "no git history" in result.stderr


def test_the_test_step_of_the_workflow_runs_after_git_is_told_the_checkout_is_safe():
    runs = [step.get("run", "") for step in workflow()["jobs"]["build"]["steps"]]
    safe = next(i for i, run in enumerate(runs) if "safe.directory" in run)
    assert safe < runs.index("./dev test") and safe < runs.index("./dev build")


@pytest.mark.parametrize("options", [["--site-dir", "public"], ["-f", "mkdocs.ru.yml"], ["--dirty"]])
def test_build_always_builds_the_whole_site_into_site_and_refuses_other_options(project, options):
    result = dev(project, "build", *options)
    assert_stops(project, result, rf"takes no '{re.escape(options[0])}'")
    assert not (project / "public").exists()


def test_an_unknown_command_is_named_with_the_usage():
    result = dev(Path(__file__).parent.parent, "foo")
    assert result.returncode == 2
    assert "no command 'foo'" in result.stderr and "Usage: ./dev COMMAND" in result.stderr
    assert "set -euo" not in result.stderr


def test_serve_on_a_busy_port_says_which_and_how_to_choose_another():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = dev(Path(__file__).parent.parent, "serve", env={"PORT": str(port)})
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"port {port} on 127.0.0.1 is in use" in result.stderr and "PORT=8001 ./dev serve" in result.stderr


# --- Content the policy would block, or that is missing ------------------------------

def test_content_the_policy_would_block_stops_the_build_naming_the_file(project):
    """One case end to end; every other refusal is a unit test of checks/content.py
    (test_source_checks.py: test_content_the_policy_would_block_is_refused_...)."""
    write_item(project, body="The text.\n\n<script>alert(1)</script>\n")
    assert_stops(project, dev(project, "build"), r"docs/en/news/item\.md: .*contains a <script>")


# --- Front matter that fails, saying why ---------------------------------------------

@pytest.mark.parametrize("date, expected", [
    # YAML reads this as a timestamp, which the check must name as written (the
    # other ways a date is written wrong are tests/test_source_checks.py's).
    pytest.param("2025-02-21 10:00:00", r"'date' is 2025-02-21 10:00, a date with a time; write the day alone, "
                                        r"as 2025-02-21", id="date with a time"),
])
def test_a_date_written_wrong_is_explained(project, date, expected):
    write_item(project, date=date)
    result = dev(project, "build")
    assert_stops(project, result, r"docs/en/news/item\.md: front matter field " + expected)
    assert "datetime.datetime(" not in result.stderr


# --- Errors in the Russian edition, and configuration mistakes -------------------------------

def test_an_error_in_the_russian_edition_names_docs_ru_and_not_a_temporary_folder(project):
    with (project / "docs" / "ru" / "opcat.md").open("a", encoding="utf-8") as page_file:
        page_file.write("\nСм. [приложение](annex.md).\n")
    result = dev(project, "build")
    assert_stops(project, result, r"Doc file 'docs/ru/opcat\.md' contains a link 'annex\.md'")
    # Said by the build of the published pages, not by the offline edition's.
    assert "offline" not in result.stderr


def test_a_broken_link_in_the_english_edition_is_reported_once_and_not_by_the_offline_copy(project):
    with (project / "docs" / "en" / "opcat.md").open("a", encoding="utf-8") as page_file:
        page_file.write("\nSee [the annex](annex.md).\n")
    result = dev(project, "build")
    assert_stops(project, result, r"Doc file '[^']*opcat\.md' contains a link 'annex\.md'")
    assert "Doc file 'docs/en/opcat.md'" in result.stderr and "offline" not in result.stderr


def test_a_misspelt_field_in_the_russian_edition_stops_the_build_with_the_field_it_resembles(project):
    replace_in(project, "docs/ru/index.md", "source:", "sourse:")
    assert_stops(project, dev(project, "build"), r"docs/ru/index\.md: front matter field 'sourse' is not one the "
                                                 r"site knows, so it would be ignored; did you mean 'source'\?")


def test_the_preview_refuses_what_publishing_refuses(project):
    """./dev serve stops at the same mistake, with the same one message, so the
    preview never shows a page the published site would not have."""
    replace_in(project, "docs/en/opcat.md", "title:", "titel: x\ntitle:")
    result = dev(project, "serve", env={"PORT": str(free_port())})
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in out, out[-2000:]
    assert len(re.findall(r"docs/en/opcat\.md: front matter field 'titel' is not one the site knows", out)) == 1


def test_a_joined_file_that_a_material_upgrade_renamed_is_named(project):
    """Material names its palette by a hash that changes with its version, so the
    site names it by a pattern; one that no longer matches says what it found."""
    replace_in(project, "mkdocs.yml", "assets/stylesheets/palette.*.min.css", "assets/stylesheets/colours.*.min.css")
    assert_stops(project, dev(project, "build"), r"extra\.join: assets/stylesheets/colours\.\*\.min\.css \(a file to "
                                                 r"join\) matches 0 of the files the pages link \(assets/stylesheets/"
                                                 r"main\.\w+\.min\.css, assets/stylesheets/palette\.\w+\.min\.css")


def test_a_palette_form_that_a_material_upgrade_changed_is_named(project):
    """The site unmounts Material's palette component with its own palette partial; a
    Material upgrade that stops using it must not leave both scripts running."""
    partial = project / "overrides" / "partials" / "palette.html"
    material = Path(material_theme.__file__).parent / "templates" / "partials" / "palette.html"
    partial.write_text(material.read_text(encoding="utf-8").replace(
        'data-md-component="palette">', 'data-md-component="palette" data-md-upgraded>'), encoding="utf-8")
    assert_stops(project, dev(project, "build"), r"Material's palette component is mounted again .* "
                                                 r"overrides/partials/palette\.html no longer replaces")
