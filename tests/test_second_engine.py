"""The site built by the second engine, Zensical, checked for what a reader relies
on (the browser half is tests/browser/test_second_engine_browser.py).

Zensical is pinned at 0.0.73 (pyproject.toml's `zensical` group, requirements-
zensical.lock, installed by ./dev test into .venv-zensical): it is the newest
release that installs from the registries this project uses; 0.0.74 and every
0.1.x depend on a `zensical-ui` wheel that none of them has. The weekly
engines workflow (.github/workflows/engines.yml) builds with the newest release
too and reports what changed.

One build of the publication (support.PUBLICATION's items, a Russian-only one
among them) with `tools/build.py --engine zensical`, for a sub-path address served
like GitHub Pages (conftest.zensical_publication), is shared by both files: about 3 s.
"""

import base64
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from checks.front_matter import read as read_page

from support import EDITIONS, ROOT, Site, glossary, news_items, zensical

sys.path.insert(0, str(ROOT))
from finish import csp  # noqa: E402

LOCK = ROOT / "requirements-zensical.lock"
ENGINES_WORKFLOW = ROOT / ".github" / "workflows" / "engines.yml"
PAGES_WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent
LANGS = pytest.mark.parametrize("lang", EDITIONS)


def pinned_version() -> str:
    return re.search(r"^zensical==(\S+)$", LOCK.read_text(encoding="utf-8"), re.M)[1]


def published_pages(project: Path, lang: str) -> list:
    """Each published page of an edition in `project`: its file in the edition's folder."""
    folder = project / "docs" / lang
    pages = []
    for path in sorted(folder.rglob("*.md")):
        if read_page(path, path.name)[0].get("draft") is True:
            continue
        src = path.relative_to(folder).as_posix()
        pages.append("index.html" if src == "index.md" else src.removesuffix(".md") + "/index.html")
    return pages


def every_page(built: Site, lang: str) -> list:
    """The edition's built pages (English at the root, without ru/)."""
    folder = built.root / EDITIONS[lang]
    return [p for p in sorted(folder.rglob("*.html"))
            if lang != "en" or not p.is_relative_to(built.root / EDITIONS["ru"])]


def test_the_pinned_zensical_is_the_one_that_builds():
    said = subprocess.run([zensical(), "--version"], capture_output=True, text=True, timeout=60)
    assert said.stdout.strip().split()[-1] == pinned_version(), said.stdout + said.stderr


@LANGS
def test_each_editions_pages_are_built(zensical_publication, lang):
    built = zensical_publication
    project = built.root.parent
    expected = published_pages(project, lang)
    assert {"index.html", "opcat/index.html", "news/index.html"} <= set(expected)
    missing = [page for page in expected if not (built.root / EDITIONS[lang] / page).is_file()]
    assert not missing, f"Zensical built no {missing}"
    assert not [p for p in built.root.rglob("*.html") if "draft" in p.as_posix()], "a draft was built"


@LANGS
def test_each_news_page_lists_its_editions_items_newest_first(zensical_publication, lang):
    built = zensical_publication
    items = built.html(EDITIONS[lang] + "news/index.html").select(".news-index li")
    listed = [(" ".join(li.a.get_text().split()), li.time["datetime"]) for li in items]
    wanted = [(" ".join(fields["title"].split()), str(fields["date"]))
              for _, fields in news_items(built.root.parent, lang)]
    assert len(wanted) >= 3 and listed == wanted
    for li, (page, _) in zip(items, news_items(built.root.parent, lang)):
        target = built.resolve(EDITIONS[lang] + "news/index.html", li.a["href"])
        assert target == built.url + EDITIONS[lang] + page.removesuffix("index.html"), (li.a["href"], page)


@LANGS
def test_each_feed_parses_and_lists_the_editions_items(zensical_publication, lang):
    built = zensical_publication
    feed = feedparser.parse((built.root / EDITIONS[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10" and feed.feed.language == lang
    titles = [" ".join(entry.title.split()) for entry in feed.entries]
    assert titles == [" ".join(fields["title"].split()) for _, fields in news_items(built.root.parent, lang)]
    for entry, (page, _) in zip(feed.entries, news_items(built.root.parent, lang)):
        assert entry.link == built.url + EDITIONS[lang] + page.removesuffix("index.html")


@LANGS
def test_abbreviations_carry_their_expansion_and_hidden_definition(zensical_publication, lang):
    built = zensical_publication
    terms = glossary(lang)
    seen = 0
    for path in every_page(built, lang):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for abbr in soup.select("article abbr"):
            term = abbr.get_text()
            assert abbr.get("data-title") == terms[term], f"{path}: {abbr}"
            described = soup.find(id=abbr.get("aria-describedby"))
            assert described is not None and described.get_text() == terms[term], f"{path}: {abbr}"
            assert described.find_parent(attrs={"hidden": True}) is not None, f"{path}: definition shown"
            seen += 1
    assert seen >= 5, "the pages carry almost no abbreviations: is the glossary applied?"


def bundle_style_hashes(built: Site, lang: str) -> set:
    """The hash of each CSS text the edition's scripts inject as a <style>: found
    here by reading Zensical's bundle independently of finish/csp.py."""
    found = set()
    for script in (built.root / EDITIONS[lang] / "assets" / "javascripts").glob("bundle.*.js"):
        code = script.read_text(encoding="utf-8")
        for name in re.findall(r'\("style",\{\},(\w+)\.toString\(\)\)', code):
            for text in re.findall(rf"\b{name}='([^'\\]*)'", code):
                found.add(csp.sha256(text))
    return found


@LANGS
def test_every_page_carries_one_policy_that_allows_the_search_style(zensical_publication, lang):
    built = zensical_publication
    policies = set()
    for path in every_page(built, lang):
        metas = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
            'meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, f"{path}: {len(metas)} policies"
        policies.add(metas[0]["content"])
    (policy,) = policies
    styles = next(d for d in policy.split("; ") if d.startswith("style-src")).split()
    hashes = bundle_style_hashes(built, lang)
    assert hashes, "Zensical's bundle no longer injects its search style this way: check finish/csp.py"
    assert hashes <= set(styles), (hashes, styles)
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


# --- finish/csp.py: the <style> a script makes at run time ---------------------------------

def page_linking(tmp_path, script_text, src="assets/bundle.js"):
    (tmp_path / src).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / src).write_text(script_text, encoding="utf-8")
    page = tmp_path / "news" / "index.html"
    page.parent.mkdir(exist_ok=True)
    page.write_text(f'<!doctype html><meta charset="utf-8"><script src="../{src}"></script>', encoding="utf-8")
    return page


def test_the_policy_allows_a_style_a_linked_script_injects(tmp_path):
    css = '.r{color:red}.r *{box-sizing:border-box}'
    code = ("var x=1;var Tc='" + css + "';function S(){let o=n.attachShadow({mode:\"open\"});"
            'o.appendChild(C("style",{},Tc.toString()))}var Other="not a style";')
    page = page_linking(tmp_path, code)
    assert csp.injected_styles([page]) == {css}
    csp.add_policy([page])
    policy = page.read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    assert f"style-src 'self' 'sha256-{digest}'" in policy
    assert csp.sha256("not a style") not in policy


def test_javascript_escapes_are_read_as_the_browser_reads_them(tmp_path):
    code = r'var s="a\u00e9\x41\"\n";x.append(h("style",{nonce:1},s))'
    assert csp.injected_styles([page_linking(tmp_path, code)]) == {'aéA"\n'}


def test_materials_bundle_injects_no_style_and_its_policy_is_unchanged(tmp_path):
    import material
    bundles = list((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert bundles, "Material's bundle was not found"
    page = page_linking(tmp_path, bundles[0].read_text(encoding="utf-8"))
    assert csp.injected_styles([page]) == set()
    # Nor does a script elsewhere, or none at all, add anything.
    page.write_text('<meta charset="utf-8"><script src="https://example.org/x.js"></script><script>1</script>')
    assert csp.injected_styles([page]) == set()


# --- The weekly engines workflow -------------------------------------------------------------

def test_engines_workflow_matches_githubs_schema_and_passes_zizmor():
    schema = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                             str(ENGINES_WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert schema.returncode == 0, schema.stdout + schema.stderr
    audit = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", str(ENGINES_WORKFLOW)],
                           capture_output=True, text=True, timeout=120)
    assert audit.returncode == 0, audit.stdout + audit.stderr


def test_engines_workflow_is_weekly_by_hand_read_only_and_never_blocks():
    flow = yaml.load(ENGINES_WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert set(flow["on"]) == {"schedule", "workflow_dispatch"}, "never on push or pull request"
    assert flow["on"]["schedule"][0]["cron"].split()[2:4] == ["*", "*"]
    assert flow["on"]["schedule"][0]["cron"].split()[4] != "*", "weekly"
    assert flow["permissions"] == {"contents": "read"}
    for job in flow["jobs"].values():
        assert job.get("continue-on-error") == "true"
        assert "write" not in str(job.get("permissions", {}))
    runs = "\n".join(step.get("run", "") for job in flow["jobs"].values() for step in job["steps"])
    assert "--upgrade zensical" in runs and "requirements-zensical.lock" in runs
    assert "tools/build.py --engine" in runs and "GITHUB_STEP_SUMMARY" in runs and "diff -r" in runs
    builds = set(re.findall(r"^\s*build (\S+) (mkdocs|zensical) ", runs, re.M))
    assert builds == {("mkdocs", "mkdocs"), ("zensical-pinned", "zensical"), ("zensical-newest", "zensical")}


def test_engines_workflow_pins_its_actions_as_the_publishing_workflow_does():
    pins = dict(re.findall(r"uses:\s*([\w.-]+/[\w.-]+)@(\S+ # v\S+)", PAGES_WORKFLOW.read_text(encoding="utf-8")))
    used = re.findall(r"uses:\s*([\w.-]+/[\w.-]+)@(.*)", ENGINES_WORKFLOW.read_text(encoding="utf-8"))
    assert used
    for action, rest in used:
        assert re.fullmatch(r"[0-9a-f]{40} # v\d\S*", rest.strip()), f"not pinned by commit with its version: {action}"
        assert pins.get(action) == rest.strip(), f"{action} is pinned otherwise than in pages.yml"
