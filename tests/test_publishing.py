"""Publishing: the GitHub Pages workflow is valid, safe and publishes only what passed;
`./dev deploy` publishes exactly the built site; builds are reproducible; and a
site hosted under a sub-path never links out of it."""

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from support import ROOT, WORKFLOW, workflow

LINKS_WORKFLOW = ROOT / ".github" / "workflows" / "links.yml"
EVERY_WORKFLOW = pytest.mark.parametrize("flow", [WORKFLOW, LINKS_WORKFLOW], ids=["pages", "links"])
BIN = Path(sys.executable).parent


def run(*args, cwd=ROOT, env=None, check=True):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    if check:
        assert result.returncode == 0, f"{args}:\n{result.stdout}\n{result.stderr}"
    return result


# --- The workflow ---------------------------------------------------------------------

@EVERY_WORKFLOW
def test_workflow_matches_githubs_schema(flow):
    run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(flow))


@EVERY_WORKFLOW
def test_workflow_passes_zizmors_security_audit(flow):
    result = run(str(BIN / "zizmor"), "--offline", "--no-progress", str(flow), check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@EVERY_WORKFLOW
def test_every_action_is_pinned_by_commit_with_its_version_named(flow):
    uses = re.findall(r"uses:\s*(\S+)(.*)", flow.read_text(encoding="utf-8"))
    assert uses
    for action, rest in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"not pinned by commit: {action}"
        assert re.search(r"#\s*v\d", rest), f"no version comment: {action}"


def test_deploy_runs_only_after_build_and_tests_and_never_for_pull_requests():
    jobs = workflow()["jobs"]
    deploy, build = jobs["deploy"], jobs["build"]
    assert deploy["needs"] == "build"
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert "refs/heads/main" in deploy["if"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert any("./dev test" in r for r in runs) and any("./dev build" in r for r in runs)
    upload = next(s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", ""))
    assert "pull_request" in upload["if"]


def test_permissions_are_least_privilege():
    flow = workflow()
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["build"]["permissions"]["contents"] == "read"
    assert "write" not in jobs["build"]["permissions"].values()
    assert jobs["deploy"]["concurrency"]["group"]
    assert jobs["deploy"]["concurrency"]["cancel-in-progress"] == "false"


def test_the_link_check_runs_weekly_and_by_hand_and_can_only_read():
    """It reports (a failed run, its summary, an artifact) and can touch nothing."""
    flow = workflow(LINKS_WORKFLOW)
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}
    assert flow["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "1"]  # weekly
    assert flow["permissions"] == {}
    (job,) = flow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    assert "needs" not in job and "environment" not in job
    steps = job["steps"]
    assert any(s.get("run") == "./dev links" for s in steps)
    keep = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert keep["if"] == "always()" and keep["with"]["path"] == "reports/"
    assert not any("pages" in s.get("uses", "") or "gh-deploy" in s.get("run", "") for s in steps)
    assert "links" not in WORKFLOW.read_text(encoding="utf-8"), "publishing must not wait for the link check"


def test_site_url_comes_from_pages_or_a_repository_variable():
    build = workflow()["jobs"]["build"]
    step = next(s for s in build["steps"] if "./dev build" in s.get("run", ""))
    site_url = step["env"]["SITE_URL"]
    assert "vars.SITE_URL" in site_url and "steps.pages.outputs.base_url" in site_url
    checkout = next(s for s in build["steps"] if "actions/checkout" in s.get("uses", ""))
    assert checkout["with"]["persist-credentials"] == "false"


# --- ./dev deploy (the by-hand publishing into a gh-pages branch) ----------------------

def git(*args, cwd):
    return run("git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args, cwd=cwd)


def gh_deploy(project, remote, **env):
    git("init", "-q", "-b", "main", cwd=project)
    git("add", "-A", cwd=project)
    git("commit", "-q", "-m", "site", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    run("./dev", "deploy", cwd=project,
        env={"VENV": sys.prefix, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.invalid",
             "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.invalid", **env})
    listing = run("git", "ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).stdout.split()
    return set(listing)


DRAFT = """---
template: news.html
draft: true
title: A draft
description: A draft news item, which ./dev deploy must leave out of the published site.
date: 2025-03-05
source: nCa (news Central Asia)
source_url: https://www.newscentralasia.net/2025/03/05/draft/
---

Not ready.
"""


def test_deploy_publishes_exactly_the_built_site(project_copy, tmp_path):
    remote = tmp_path / "remote.git"
    run("git", "init", "-q", "--bare", str(remote), cwd=tmp_path)
    for extra in ("tests", ".ci", "README.md", "pyproject.toml"):
        source = ROOT / extra
        target = project_copy / extra
        if source.is_dir():
            subprocess.run(["cp", "-r", str(source), str(target)], check=True)
        else:
            target.write_bytes(source.read_bytes())
    draft = project_copy / "docs" / "en" / "news" / "2025-03-05-draft.md"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(DRAFT, encoding="utf-8")
    published = gh_deploy(project_copy, remote, SITE_URL="https://user.github.io/repo/")
    for expected in ("index.html", "404.html", ".nojekyll", "sitemap.xml", "opcat/index.html",
                     "ru/index.html", "ru/opcat/index.html",
                     "feed.xml", "ru/feed.xml", "news/index.html"):
        assert expected in published, expected
    assert [p for p in published if p.startswith("assets/stylesheets/main.")], "no stylesheet was published"
    assert not [p for p in published if "draft" in p], "a draft was published"
    assert "CNAME" not in published, "no custom domain was configured"
    outside = [p for p in published if p.startswith(("tests/", ".ci/", "docs/", "checks/", "extensions/", "finish/",
                                                     "tools/", "overrides/"))
               or p.endswith((".md", ".py", ".yml", ".toml", ".lock"))]
    assert not outside, f"sources published: {outside}"


def test_deploy_publishes_a_cname_for_a_custom_domain(project_copy, tmp_path):
    remote = tmp_path / "remote.git"
    run("git", "init", "-q", "--bare", str(remote), cwd=tmp_path)
    published = gh_deploy(project_copy, remote, SITE_URL="https://opcat.example.org/")
    assert "CNAME" in published
    cname = run("git", "show", "gh-pages:CNAME", cwd=remote).stdout
    assert cname == "opcat.example.org\n"


# --- Reproducible builds ------------------------------------------------------------------

def build_into(project, target, epoch):
    run(sys.executable, "tools/build.py", "-q", "--out", str(target), cwd=project,
        env={"SOURCE_DATE_EPOCH": epoch, "SITE_URL": "https://user.github.io/repo/", "PYTHONPATH": str(project)})


def differing(left: Path, right: Path):
    comparison = filecmp.dircmp(left, right)
    found = [str(left / name) for name in comparison.left_only + comparison.right_only]
    for name in comparison.common_files:
        if (left / name).read_bytes() != (right / name).read_bytes():
            found.append(str(left / name))
    for name in comparison.common_dirs:
        found += differing(left / name, right / name)
    return found


def test_two_builds_of_the_same_commit_are_byte_identical(project_copy, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    build_into(project_copy, first, "1734739200")
    build_into(project_copy, second, "1734739200")
    assert (first / "sitemap.xml.gz").exists() and (first / "ru" / "sitemap.xml.gz").exists()
    assert not differing(first, second)
    # ...and the build date is what makes them differ, nothing else.
    third = tmp_path / "third"
    build_into(project_copy, third, "1767225600")
    assert differing(first, third)


def test_dates_readers_see_come_from_the_content_not_the_build(project_copy, tmp_path):
    site = tmp_path / "site"
    build_into(project_copy, site, "1924992000")  # 1 January 2031, a year no page names
    for page in [*site.rglob("*.html"), *site.rglob("feed.xml")]:
        text = page.read_text(encoding="utf-8")
        assert "2031" not in re.sub(r"<[^>]+>", " ", text), f"{page} shows the build's year"


# --- Sub-path hosting -----------------------------------------------------------------------

def test_no_link_or_asset_escapes_the_sub_path(site):
    from bs4 import BeautifulSoup
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site.url))
    escaped = []
    for page in site.pages():
        rel = page.relative_to(site.root).as_posix()
        base = site.url if rel == "404.html" else site.resolve(rel, "")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("[href], [src]"):
            target = urljoin(base, tag.get("href") or tag.get("src"))
            if target.startswith(origin) and not target.startswith(site.url):
                escaped.append((rel, tag.get("href") or tag.get("src")))
    assert not escaped, escaped
