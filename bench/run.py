"""The benchmark: this site against plain Material, side by side in one run.

    ./dev bench            # everything: bytes, Lighthouse, build time, scaling
    ./dev bench --quick    # one Lighthouse run per page, smaller scaling steps

Both sites are built from the same two English Markdown pages (the baseline in a
temporary folder: Material's defaults, plus only the Markdown extensions the pages
are written in) and served the way GitHub Pages serves them (gzip for text,
Cache-Control: max-age=600) on 127.0.0.1. It measures, per page: the bytes and
requests the browser's own network events see while the page loads (the search
worker and its language files included), and Lighthouse's scores and metrics on
the mobile and desktop presets (median of three runs); the build time of both
sites; and the build time of this site with 10, 100 and 1000 generated news items.

It writes bench/results/report.md and bench/results/report.json, and exits non-zero
only when a budget is broken. It is a benchmark, not a test: it never runs in
`./dev test`.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from pages_server import PagesServer  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

RESULTS = ROOT / "bench" / "results"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
PHONE = {"width": 412, "height": 823}

# The pages measured: (label, path on this site, baseline edition, path there).
PAGES = [
    ("news report (en)", "", "en", ""),
    ("explainer (en)", "opcat/", "en", "opcat/"),
    ("news report (ru)", "ru/", "ru", ""),
    ("explainer (ru)", "ru/opcat/", "ru", "opcat/"),
]

BUDGET = {
    "mobile_scores": {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 99},
    "bytes_ratio": 1.10,
    "build_ratio": 1.50,
    "scaling_ratio": 1.20,
}

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1734739200"}


def mkdocs(config: Path, site_dir: Path, site_url: str) -> float:
    """One clean, strict build; its wall time in seconds (the whole command)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                    "--site-dir", str(site_dir)], check=True, env={**ENV, "SITE_URL": site_url},
                   cwd=config.parent)
    return time.perf_counter() - start


def make_baseline(folder: Path, lang: str) -> Path:
    """Plain Material: the same two pages of one edition, default theme settings."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for name in ("index.md", "opcat.md"):
        text = (ROOT / "docs" / lang / name).read_text(encoding="utf-8")
        (docs / name).write_text(text.replace("template: news.html\n", ""), encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Turkmenistan and OPCAT\n"
        "site_url: !ENV [SITE_URL, 'http://127.0.0.1/']\n"
        "theme:\n  name: material\n"
        "markdown_extensions: [abbr, admonition, attr_list, footnotes, tables, toc, pymdownx.blocks.caption]\n",
        encoding="utf-8")
    return folder / "mkdocs.yml"


def bytes_and_requests(browser, url: str) -> dict:
    """Everything requested while the page loads, as sent (compressed), from the
    browser's own network events: Lighthouse counts the search worker's script as 0."""
    context = browser.new_context(viewport=PHONE)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    requests = {}
    for request in finished:
        sizes = request.sizes()
        name = request.url.split("?")[0].rsplit("/", 1)[-1] or request.url.rsplit("/", 2)[-2] + "/"
        requests[name] = sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return {"bytes": sum(requests.values()), "requests": len(requests), "sizes": requests}


def lighthouse(url: str, preset: str, runs: int, out: Path) -> dict:
    results = []
    for run in range(runs):
        report = out / f"lh-{preset}-{abs(hash(url))}-{run}.json"
        command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                   "--chrome-flags=--headless=new " + " ".join(CHROMIUM_FLAGS)]
        if preset == "desktop":
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**ENV, "CHROME_PATH": str(CHROMIUM)},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        data = json.loads(report.read_text(encoding="utf-8"))
        audits = data["audits"]
        results.append({
            "scores": {k: round(v["score"] * 100) for k, v in data["categories"].items()},
            "lcp": audits["largest-contentful-paint"]["numericValue"],
            "fcp": audits["first-contentful-paint"]["numericValue"],
            "tbt": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "transfer": audits["total-byte-weight"]["numericValue"],
            "errors": sorted(k for k, v in audits.items() if v.get("errorMessage")),
        })
    median = lambda key: statistics.median(r[key] for r in results)  # noqa: E731
    return {
        "scores": {k: statistics.median(r["scores"][k] for r in results) for k in results[0]["scores"]},
        "lcp": median("lcp"), "fcp": median("fcp"), "tbt": median("tbt"), "cls": median("cls"),
        "transfer": median("transfer"), "runs": runs,
        "audit_errors": sorted({e for r in results for e in r["errors"]}),
    }


def news_item(number: int, body: str) -> str:
    return (f"---\ntemplate: news.html\ntitle: Generated news item {number} for the scaling benchmark\n"
            "description: A copy of the news report, generated to measure how the build time grows.\n"
            "date: 2024-12-21\nsource: nCa (news Central Asia)\n"
            f"source_url: https://www.newscentralasia.net/2024/12/21/generated-{number}/\n---\n\n{body}")


def scaling(steps, work: Path) -> list:
    body = (ROOT / "docs" / "en" / "index.md").read_text(encoding="utf-8").split("---", 2)[2]
    body = body.replace("(opcat.md)", "(../opcat.md)")
    rows = []
    for count in steps:
        project = work / f"scale-{count}"
        top_level = {".git", ".venv", "node_modules", "site", "bench", "tests", "test-results"}
        shutil.copytree(ROOT, project, ignore=lambda folder, names: (
            [n for n in names if n in top_level] if Path(folder) == ROOT else []))
        news = project / "docs" / "en" / "news"
        news.mkdir()
        for number in range(count):
            (news / f"item-{number:04d}.md").write_text(news_item(number, body), encoding="utf-8")
        pages = count + 4  # the items, and both editions' two pages
        seconds = mkdocs(project / "mkdocs.yml", project / "site", "https://user.github.io/repo/")
        rows.append({"items": count, "pages": pages, "seconds": seconds, "ms_per_page": 1000 * seconds / pages})
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one Lighthouse run, scaling to 100 only")
    args = parser.parse_args()
    runs = 1 if args.quick else 3
    steps = [10, 100] if args.quick else [10, 100, 1000]
    RESULTS.mkdir(exist_ok=True)
    report = {"date": time.strftime("%Y-%m-%d"), "runs": runs, "pages": {}, "budgets": BUDGET}

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site_server = PagesServer("/")
        base_servers = {lang: PagesServer("/") for lang in ("en", "ru")}
        baselines = {lang: make_baseline(work / f"baseline-{lang}", lang) for lang in base_servers}

        # The baseline builds both languages too: one plain build per language.
        build_runs = 3 if args.quick else 5
        site_times = [mkdocs(ROOT / "mkdocs.yml", work / "site", site_server.url) for _ in range(build_runs)]
        base_times = [sum(mkdocs(baselines[lang], work / f"base-{lang}", base_servers[lang].url)
                          for lang in baselines) for _ in range(build_runs)]
        report["build"] = {
            "site_median_s": statistics.median(site_times), "baseline_median_s": statistics.median(base_times),
            "runs": build_runs,
        }
        report["build"]["ratio"] = report["build"]["site_median_s"] / report["build"]["baseline_median_s"]
        report["scaling"] = scaling(steps, work)
        site_server.serve(work / "site")
        for lang, server in base_servers.items():
            server.serve(work / f"base-{lang}")

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            for label, path, base_lang, base_path in PAGES:
                site_load = bytes_and_requests(browser, site_server.url + path)
                base_load = bytes_and_requests(browser, base_servers[base_lang].url + base_path)
                report["pages"][label] = {
                    "path": path, "bytes": site_load["bytes"], "requests": site_load["requests"],
                    "sizes": site_load["sizes"], "baseline_bytes": base_load["bytes"],
                    "baseline_requests": base_load["requests"], "baseline_sizes": base_load["sizes"],
                    "bytes_ratio": site_load["bytes"] / base_load["bytes"],
                }
            browser.close()

        for label, path, base_lang, base_path in PAGES:
            entry = report["pages"][label]
            for preset in ("mobile", "desktop"):
                entry[f"lighthouse_{preset}"] = lighthouse(site_server.url + path, preset, runs, work)
                entry[f"baseline_lighthouse_{preset}"] = lighthouse(
                    base_servers[base_lang].url + base_path, preset, runs, work)

        for server in (site_server, *base_servers.values()):
            server.close()

    broken = check_budgets(report)
    report["broken_budgets"] = broken
    (RESULTS / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "report.md").write_text(markdown(report), encoding="utf-8")
    print(markdown(report))
    if broken:
        print("Budgets broken:\n- " + "\n- ".join(broken), file=sys.stderr)
        sys.exit(1)


def check_budgets(report) -> list:
    broken = []
    for label, entry in report["pages"].items():
        mobile = entry["lighthouse_mobile"]
        for category, minimum in BUDGET["mobile_scores"].items():
            if mobile["scores"][category] < minimum:
                broken.append(f"{label}: Lighthouse mobile {category} {mobile['scores'][category]} < {minimum}")
        if mobile["lcp"] > entry["baseline_lighthouse_mobile"]["lcp"]:
            broken.append(f"{label}: mobile LCP {mobile['lcp']:.0f} ms is slower than the baseline's "
                          f"{entry['baseline_lighthouse_mobile']['lcp']:.0f} ms")
        if entry["bytes_ratio"] > BUDGET["bytes_ratio"]:
            broken.append(f"{label}: {entry['bytes_ratio']:.2f}x the baseline's bytes")
    if report["build"]["ratio"] > BUDGET["build_ratio"]:
        broken.append(f"build time {report['build']['ratio']:.2f}x the baseline's")
    per_page = {row["items"]: row["ms_per_page"] for row in report["scaling"]}
    if 1000 in per_page and per_page[1000] > BUDGET["scaling_ratio"] * per_page[100]:
        broken.append(f"per-page build time at 1000 items is {per_page[1000] / per_page[100]:.2f}x that at 100")
    return broken


def markdown(report) -> str:
    lines = [f"# Benchmark, {report['date']}", "",
             f"Lighthouse: median of {report['runs']} run(s) per page and preset. Bytes: everything the "
             "browser fetched while the page loaded, compressed as sent (phone viewport).", "",
             "| page | bytes | baseline | ratio | requests (baseline) | mobile perf / a11y / BP / SEO "
             "| baseline mobile | LCP mobile (baseline) | FCP | TBT | CLS | desktop perf / a11y / BP / SEO |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    order = ("performance", "accessibility", "best-practices", "seo")
    for label, e in report["pages"].items():
        mobile, desktop, base = e["lighthouse_mobile"], e["lighthouse_desktop"], e["baseline_lighthouse_mobile"]
        scores = lambda lh: " / ".join(str(round(lh["scores"][k])) for k in order)  # noqa: E731
        lines.append(
            f"| {label} | {e['bytes']:,} | {e['baseline_bytes']:,} | {e['bytes_ratio']:.2f}x "
            f"| {e['requests']} ({e['baseline_requests']}) | {scores(mobile)} | {scores(base)} "
            f"| {mobile['lcp']:.0f} ms ({base['lcp']:.0f} ms) | {mobile['fcp']:.0f} ms | {mobile['tbt']:.0f} ms "
            f"| {mobile['cls']:.3f} | {scores(desktop)} |")
    lines += ["", "What the bytes are (first page of each edition; bytes as sent, body and headers):", "",
              "| file | this site | baseline |", "|---|---|---|"]
    for label in ("news report (en)", "news report (ru)"):
        e = report["pages"][label]
        for name in sorted(set(e["sizes"]) | set(e["baseline_sizes"])):
            lines.append(f"| {label}: {name} | {e['sizes'].get(name, '–')} | {e['baseline_sizes'].get(name, '–')} |")
    b = report["build"]
    lines += ["", f"Build (median of {b['runs']}, whole `mkdocs build` commands, both languages; the "
              "baseline needs one plain build per language): "
              f"{b['site_median_s']:.2f} s against the baseline's {b['baseline_median_s']:.2f} s, "
              f"{b['ratio']:.2f}x.", "", "| news items | pages | build | per page |", "|---|---|---|---|"]
    for row in report["scaling"]:
        lines.append(f"| {row['items']} | {row['pages']} | {row['seconds']:.2f} s | {row['ms_per_page']:.1f} ms |")
    errors = sorted({a for e in report["pages"].values() for key in ("lighthouse_mobile", "lighthouse_desktop")
                     for a in e[key]["audit_errors"]})
    if errors:
        lines += ["", "Lighthouse audits that crashed (unscored diagnostics; scores and metrics are "
                  "unaffected): " + ", ".join(errors) + "."]
    lines += ["", "Budgets broken: " + ("; ".join(report["broken_budgets"]) if report["broken_budgets"] else "none.")]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
