"""Links a reader can follow: every internal href and src of the built site leads to a
page, file or anchor that exists (checked with lychee, offline, on every test run),
and the external check (./dev links) gives each cited address the right verdict.
Both run the real lychee: over the built files, and against a real local server."""

import http.server
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from support import ROOT, dev

sys.path.insert(0, str(ROOT / "tools"))
import links  # noqa: E402


def test_every_internal_link_and_anchor_of_the_built_site_leads_somewhere(site):
    """Both editions, their 404 and News pages, the sitemaps and feeds, and the
    offline edition inside its zip: no broken link, file or anchor."""
    assert list(site.root.glob("downloads/*.zip")), "the built site has no offline zip to check"
    problems = links.internal(site.root)
    assert not problems, "broken internal links:\n" + "\n".join(problems)


def break_one_link_of_each_kind(project: Path) -> None:
    """Seven mistakes, each in a different part of what the build produces."""
    def edit(path, old, new):
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    with (project / "docs/en/opcat.md").open("a", encoding="utf-8") as page:
        # A page that does not exist, written in raw HTML (MkDocs does not check those),
        # and a link to a folder: fine on the server, but not in the offline edition.
        page.write('\nSee <a href="../nowhere/">an old page</a> and <a href="../news/">the news</a>.\n')
    with (project / "docs/ru/opcat.md").open("a", encoding="utf-8") as page:
        page.write('\nСм. <a href="../#no-such-heading">раздел</a>.\n')  # an anchor that is not there
    edit("overrides/404.html", '<li><a href="{{ item.url | url }}">', '<li><a href="{{ item.url | url }}old/">')
    edit("overrides/news-index.html", '<a href="{{ item.url | url }}">', '<a href="{{ item.url | url }}draft/">')
    # A script listed in mkdocs.yml that is not there (MkDocs does not check).
    edit("mkdocs.yml", "extra_javascript:\n", "extra_javascript:\n  - assets/javascripts/gone.js\n")
    # An address the sitemap lists that is not there (finish/sitemaps.py writes it).
    edit("finish/sitemaps.py", "    for loc, alternates in entries:",
         "    for loc, alternates in [(entries[0][0] + 'retired-page/', [])] + entries:")


def test_a_broken_link_of_each_kind_fails_naming_its_page_and_link(project_copy):
    project = project_copy
    break_one_link_of_each_kind(project)
    built = dev(project, "build", "-q", env={"SITE_URL": "https://publisher.example/opcat-site/"})
    assert built.returncode == 0, built.stderr
    result = subprocess.run([sys.executable, "tools/links.py", "internal", "site"], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    problems = result.stderr.splitlines()
    expected = {
        "a missing page": r"^opcat/index\.html: nowhere: File not found",
        "a missing anchor": r"^ru/opcat/index\.html: ru/?#no-such-heading: Cannot find fragment",
        "the 404 page": r"^404\.html: .*opcat/old: File not found",
        "the News page": r"^news/index\.html: .*draft: File not found",
        "the sitemap": r"^sitemap\.xml: https://publisher\.example/opcat-site/retired-page/: File not found",
        "a script's src": r"^opcat/index\.html: assets/javascripts/gone\.js: File not found",
        "the offline edition": r"^downloads/turkmenistan-opcat-offline\.zip: opcat\.html: .*news: ",
    }
    for kind, pattern in expected.items():
        assert any(re.search(pattern, line) for line in problems), f"{kind} not reported:\n{result.stderr}"
    assert "Traceback" not in result.stderr


# --- The external check ----------------------------------------------------------------

class Answers(http.server.BaseHTTPRequestHandler):
    """A server that answers each path the way real servers do, and notes each request."""
    seen: list = []
    slow_seconds = 2  # longer than QUICK's timeout

    def do_GET(self):
        self.seen.append(self.path)
        path = self.path
        if path == "/slow":
            time.sleep(self.slow_seconds)
        status, headers = {
            "/ok": (200, {}), "/slow": (200, {}), "/moved": (301, {"Location": "/ok"}),
            "/missing": (404, {}), "/gone": (410, {}), "/busy": (429, {"Retry-After": "1"}),
            "/error": (500, {}), "/refuses-scripts": (403, {}),
        }.get(path, (404, {}))
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>t</title><p>page</p>")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the checker gave up waiting (the timeout case)

    def log_message(self, *args):
        pass


@pytest.fixture
def answering_server():
    Answers.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def nobody_listens() -> str:
    """An address on this machine where no server listens: the connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


# The local server is reached directly even where a proxy is configured.
LOCAL = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
# The checker's patience cut to what one local server needs: a second's timeout (lychee
# takes whole seconds), no pause between requests, and no retries of lychee's own, so
# what the test follows is the check's own second try of what failed.
QUICK = ["--timeout", "1", "--retries", "0", "--retry-wait", "1", "--recheck-after", "0", "--pace-ms", "0"]


@pytest.fixture
def citing_project(project_copy, answering_server):
    """A copy of the project whose explainer cites one address per kind of answer."""
    project = project_copy
    server = answering_server
    with (project / "docs/en/opcat.md").open("a", encoding="utf-8") as page:
        page.write(f"\nA sentence citing [a page that moved]({server}/moved).[^checked]\n\n"
                   f"[^checked]: [OK]({server}/ok); [missing]({server}/missing); [gone]({server}/gone); "
                   f"[busy]({server}/busy); [error]({server}/error); [slow]({server}/slow); "
                   f"[refuses]({server}/refuses-scripts); [no server]({nobody_listens()}/).\n")
    with (project / "tools/link-exclusions.toml").open("a", encoding="utf-8") as exclusions:
        exclusions.write('\n[[exclude]]\naddress = "/refuses-scripts$"\n'
                         'reason = "answers 403 to any script; opened by hand in a browser"\n'
                         # The real citations are left out: the test asks no other site
                         # (a closed network makes each one wait for its timeout).
                         '\n[[exclude]]\naddress = "^https?://(?!127\\\\.0\\\\.0\\\\.1)"\n'
                         'reason = "the test checks no real site"\n')
    return project


def test_each_kind_of_answer_gets_its_verdict_and_names_where_it_is_cited(citing_project, answering_server):
    server = answering_server
    result = dev(citing_project, "links", *QUICK, env=LOCAL)
    assert result.returncode == 1, result.stdout + result.stderr  # broken addresses fail the run
    report = json.loads((citing_project / "reports/links.json").read_text(encoding="utf-8"))
    verdicts = {r["url"].removeprefix(server): r for r in report["results"] if r["url"].startswith(server)}
    no_server = [r["verdict"] for r in report["results"]
                 if r["url"].startswith("http://127.0.0.1") and not r["url"].startswith(server + "/")]
    assert no_server == ["unreachable"]
    assert {path: r["verdict"] for path, r in verdicts.items()} == {
        "/ok": "ok", "/moved": "moved", "/missing": "broken", "/gone": "broken", "/busy": "try later",
        "/error": "failing", "/slow": "timed out", "/refuses-scripts": "not checked"}
    assert verdicts["/moved"]["final"] == server + "/ok"
    assert verdicts["/refuses-scripts"]["reason"].startswith("answers 403 to any script")
    assert "/refuses-scripts" not in Answers.seen, "an excluded address was requested"
    assert Answers.seen.count("/error") == 2, "a server error is not checked a second time"
    cited = verdicts["/missing"]["cited_on"]
    assert cited == [{"page": "opcat/index.html", "source": "docs/en/opcat.md",
                      "footnote": cited[0]["footnote"]}]
    assert re.fullmatch(r"\[\^checked\] \(note \d+\)", cited[0]["footnote"])
    assert verdicts["/moved"]["cited_on"][0]["footnote"] == ""  # cited in the text
    markdown = (citing_project / "reports/links.md").read_text(encoding="utf-8")
    broken = markdown.split("## Broken")[1].split("\n## ")[0]
    assert f"| {server}/gone | Rejected status code: 410 Gone | docs/en/opcat.md, footnote [^checked]" in broken
    moved = markdown.split("## Moved")[1].split("\n## ")[0]
    assert f"| {server}/moved | now at {server}/ok | docs/en/opcat.md, in the text |" in moved
    assert "/busy" in markdown.split("## Try later")[1] and "/busy" not in broken

    # Run again at once, on the site just built: recent verdicts come from the cache;
    # "try later" is asked again.
    Answers.seen.clear()
    subprocess.run([sys.executable, "tools/links.py", "external", "site", *QUICK], cwd=citing_project,
                   capture_output=True, text=True, timeout=120, env={**os.environ, **LOCAL})
    assert "/ok" not in Answers.seen and "/missing" not in Answers.seen and "/moved" not in Answers.seen
    assert "/busy" in Answers.seen
    again = json.loads((citing_project / "reports/links.json").read_text(encoding="utf-8"))
    assert [r["verdict"] for r in again["results"]] == [r["verdict"] for r in report["results"]]


def test_a_site_with_only_working_citations_passes(project_copy, answering_server):
    project = project_copy
    # Every real citation excluded, so only the local one is checked: no network.
    (project / "tools/link-exclusions.toml").write_text(
        '[[exclude]]\naddress = "^https?://(?!127\\\\.0\\\\.0\\\\.1)"\nreason = "the test checks no real site"\n',
        encoding="utf-8")
    with (project / "docs/en/opcat.md").open("a", encoding="utf-8") as page:
        page.write(f"\nSee [this]({answering_server}/ok).\n")
    result = dev(project, "links", *QUICK, env=LOCAL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert Answers.seen == ["/ok"]


def cited_in_sources() -> set:
    """Every http(s) address the pages' sources (docs/) write: what the external check
    finds cited in the built pages (the theme and configurations cite none)."""
    return {url.rstrip(".,;:") for file in ROOT.glob("docs/**/*.md")
            for url in re.findall(r"https?://[^\s)<>\]\"'`{}|]+", file.read_text(encoding="utf-8"))}


def test_the_projects_exclusions_each_leave_out_a_cited_address_for_a_dated_reason():
    """Each entry of tools/link-exclusions.toml reads (a regular expression with a
    reason, or the check stops), leaves out at least one address the site cites (an
    entry that matches nothing hides the next address it happens to match), says when
    it was last opened by hand (as the file asks, so the next person knows how stale
    it is), and is listed once."""
    import datetime
    try:
        entries = links.exclusions()
    except SystemExit as refusal:
        pytest.fail(str(refusal))
    cited = cited_in_sources()
    assert cited, "no cited address found in the sources: has the way pages cite changed?"
    for number, entry in enumerate(entries, 1):
        where = f"tools/link-exclusions.toml, exclusion {number} ({entry['address']!r})"
        assert any(re.search(entry["address"], url) for url in cited), f"{where} matches no address the site cites"
        days = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", entry["reason"])
        assert days, f"{where}: the reason does not say when it was checked by hand (YYYY-MM-DD)"
        assert all(datetime.date.fromisoformat(day) <= datetime.date.today() for day in days), \
            f"{where}: checked on a day still to come"
    addresses = [entry["address"] for entry in entries]
    assert len(set(addresses)) == len(addresses), f"an exclusion is listed twice: {addresses}"
