"""What the tests share: the project's paths and the editors' files read as the site
reads them, a copy of the project and its commands (./dev as an editor runs it),
a server that behaves like GitHub Pages, and the browser's set-up. Fixtures are in
conftest.py; test modules import helpers from here, never from each other."""

import functools
import gzip
import io
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from mkdocs.config import load_config
from checks.front_matter import read as read_page

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "sources"
SOURCE_ARTICLE = SOURCES / "000_38f477bf2e470161.txt"
FACT_SHEET = SOURCES / "opcat-facts.md"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"

os.environ["NO_MKDOCS_2_WARNING"] = "1"


# --- The editors' files, read as the site reads them ----------------------------------
# Each language edition and its folder in the built site.
EDITIONS = {"en": "", "ru": "ru/"}


def glossary(lang: str) -> dict:
    """The edition's abbreviations: term -> expansion."""
    lines = (ROOT / "docs" / "glossary" / f"{lang}.md").read_text(encoding="utf-8").splitlines()
    terms = dict(re.match(r"\*\[(.+?)\]: (.+)", line).groups() for line in lines if line.strip())
    assert terms, f"the {lang} glossary is empty"
    return terms

def front_matter(lang: str, page: str = "index.md") -> dict:
    """A page's front matter (docs/<lang>/<page>), read by the project's one reader of
    it (checks/front_matter.py): tests take titles, dates and sources from here,
    never from a copy an editor would have to update."""
    return read_page(ROOT / "docs" / lang / page, f"docs/{lang}/{page}")[0]


def edition_config(lang: str):
    """The edition's configuration, loaded as MkDocs loads it (INHERIT resolved)."""
    name = "mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml"
    return _load(str(ROOT / name))


@functools.cache
def _load(path: str):
    return load_config(path)


def news_items(project: Path, lang: str) -> list:
    """The published news items of an edition in `project`, newest first as the News
    page lists them: (page path in the edition's site folder, front matter)."""
    folder = project / "docs" / lang
    items = []
    for path in folder.rglob("*.md"):
        fields = read_page(path, path.name)[0]
        if fields.get("template") == "news.html" and fields.get("draft") is not True:
            src = path.relative_to(folder).as_posix()
            page = "index.html" if src == "index.md" else src.removesuffix(".md") + "/index.html"
            items.append((fields["date"], src, page, fields))
    return [(page, fields) for _, _, page, fields in sorted(items, key=lambda item: item[:2], reverse=True)]


def one_language_pages(project: Path) -> dict:
    """lang -> the news item pages that edition has and the others lack."""
    pages = {lang: {page for page, _ in news_items(project, lang)} for lang in EDITIONS}
    return {lang: own - set().union(*(pages[o] for o in EDITIONS if o != lang)) for lang, own in pages.items()}


def labels(lang: str) -> dict:
    """The interface text an edition shows (extra.labels)."""
    return edition_config(lang).extra["labels"]


@dataclass
class Site:
    """The built site: its folder, and a parsed view of each page."""

    root: Path
    url: str

    def html(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.root / path).read_text(encoding="utf-8"), "html.parser")

    def pages(self):
        return sorted(self.root.rglob("*.html"))

    def resolve(self, page_path: str, href: str) -> str:
        """The absolute address a link on the page (a path in the site) points to."""
        page_url = urljoin(self.url, page_path.removesuffix("index.html"))
        return urljoin(page_url, href)


@dataclass
class SourceArticle:
    date: str  # ISO date from the metadata line
    paragraphs: list  # body paragraphs as published, raw addresses included
    urls: list  # addresses written out in the text


def copy_project(copy: Path) -> Path:
    """What it takes to build the site, copied into `copy`."""
    configs = [p.name for p in ROOT.glob("mkdocs*.yml")]
    for name in ("docs", "overrides", "checks", "extensions", "finish", "tools", "dev", "requirements.lock", *configs):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, copy / name)
        else:
            shutil.copy2(src, copy / name)
    return copy


def normalise(text: str) -> str:
    """Text as a reader sees it: typographic quotes and dashes made plain, white
    space folded. The site may set either kind; the words must not change."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
    return " ".join(text.translate(table).split())


def article_text(soup: BeautifulSoup) -> str:
    """The text of a news item's body as published, without the site's own asides
    (admonitions such as the link to the explainer, the hidden abbreviations'
    definitions their terms point to)."""
    body = soup.select_one(".news-body")
    assert body is not None, "the page has no .news-body: is it still a news item?"
    for aside in body.select(".admonition, [hidden]"):
        aside.decompose()
    return normalise(body.get_text())


def png(width: int = 2, height: int = 2) -> bytes:
    """A small real PNG, as a photo beside an item would be."""
    rows = b"".join(b"\x00" + b"\x30\x60\x90" * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(project: Path):
    """`./dev serve` running in `project`, as an editor runs it; yields its address."""
    port = free_port()
    process = subprocess.Popen(
        ["./dev", "serve"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
        env={**os.environ, "VENV": sys.prefix, "PORT": str(port)},
    )
    output = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    try:
        deadline = time.monotonic() + 60
        while not any("Serving on" in line for line in output):
            assert process.poll() is None, "".join(output)
            assert time.monotonic() < deadline, "serve did not start in 60 s:\n" + "".join(output)
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


# --- A publication: the site with more news items, as editors will make it ----------

def news_item(title, date, description, *, extra="", body="The text of the item."):
    return (f"---\ntemplate: news.html\ntitle: {title}\ndescription: {description}\ndate: {date}\n"
            f"source: nCa (news Central Asia)\nsource_url: https://www.newscentralasia.net/{date}/item/\n"
            f"{extra}---\n\n{body}\n")


PUBLICATION = {
    "docs/en/news/2025-02-21-second.md": news_item(
        "A second report", "2025-02-21", "A second report, published in both languages, to list on the News pages."),
    "docs/ru/news/2025-02-21-second.md": news_item(
        "Второе сообщение", "2025-02-21", "Второе сообщение, опубликованное на двух языках, для страниц новостей.",
        extra="translated_from: en\n"),
    "docs/en/news/2025-03-01-english-only.md": news_item(
        "A report in English only", "2025-03-01", "A report with no Russian translation, updated after publication.",
        extra="updated: 2025-03-03\n"),
    "docs/ru/news/2025-01-10-russian-only.md": news_item(
        "Сообщение только на русском, об итогах за 2024 год", "2025-01-10", "Сообщение без английского перевода, чтобы проверить страницу."),
    "docs/en/news/2025-03-05-draft.md": news_item(
        "A draft report", "2025-03-05", "A draft, which the published site, its feeds and its pages must leave out.",
        extra="draft: true\n"),
}



# --- A server that behaves like GitHub Pages ----------------------------------------
# A static server that behaves like GitHub Pages for a project site: the site lives
# under a sub-path, directories serve their index.html, any unknown address gets the
# site's 404.html with status 404, text is sent gzip-compressed to clients that ask,
# and every response may be cached for ten minutes (Cache-Control: max-age=600).

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml"}

    def __init__(self, *args, root: Path, prefix: str, sent: list, **kwargs):
        self.root, self.prefix, self.sent = root, prefix, sent
        super().__init__(*args, directory=str(root), **kwargs)

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if not bare.startswith(self.prefix):
            return str(self.root / "__outside_the_site__")
        return super().translate_path("/" + bare[len(self.prefix):])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        return self.send_body(200, self.guess_type(str(path)), path.read_bytes())

    def send_body(self, status, content_type, body):
        if content_type.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            encoding = "gzip"
        else:
            encoding = None
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command != "HEAD":
            self.sent.append((self.path, len(body)))
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        page = self.root / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = self.send_body(404, "text/html", page.read_bytes())
        if self.command != "HEAD":
            self.wfile.write(body.read())

    def log_message(self, *args):
        pass


class PagesServer:
    """Bind first (so the site can be built for this address), serve later."""

    def __init__(self, prefix: str = "/opcat-site/"):
        self.prefix = prefix
        self.root = None
        # (address, bytes of the body as sent) for every response: what the server
        # itself counts (bench/run.py checks the browser's count against it).
        self.sent = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._make_handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}{prefix}"

    def _make_handler(self, *args, **kwargs):
        return _Handler(*args, root=self.root, prefix=self.prefix, sent=self.sent, **kwargs)

    def serve(self, root: Path):
        self.root = Path(root)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self):
        self._httpd.shutdown()
        self._httpd.server_close()


# --- The project's commands, as an editor runs them ------------------------------------

NEWS_ITEM = """---
template: news.html
title: {title}
description: A news item written by the tests, to see what the build does with it and its fields.
date: {date}
source: nCa (news Central Asia)
source_url: {source_url}
---

{body}
"""
ITEM = "docs/en/news/item.md"
PREVIOUS = "<p>the site published before</p>"


def dev(project: Path, *args, env=None) -> subprocess.CompletedProcess:
    """./dev as an editor runs it: without the SOURCE_DATE_EPOCH that ./dev test sets."""
    editor = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    return subprocess.run(["./dev", *args], cwd=project, capture_output=True, text=True, timeout=300,
                          env={**editor, "VENV": sys.prefix, **(env or {})})


def mkdocs_build(project: Path, **env) -> subprocess.CompletedProcess:
    """The whole build (tools/build.py: checks, each configuration's engine build,
    the finishing steps) into the copy's site/, as ./dev build runs it."""
    return subprocess.run(
        [sys.executable, "tools/build.py"],
        cwd=project, capture_output=True, text=True, timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project), **env},
    )


def write_item(project: Path, path=ITEM, title="A test item", date=None, source_url=None,
               body="The text of the item.", raw=None):
    file = project / path
    file.parent.mkdir(parents=True, exist_ok=True)
    text = raw if raw is not None else NEWS_ITEM.format(
        title=title, date=date or "2025-02-21", body=body,
        source_url=source_url or "https://www.newscentralasia.net/2025/02/21/example/")
    file.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


def replace_in(project, path, old, new):
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_stops(project: Path, result, *expected: str):
    """One clear message, no traceback, and the published site untouched."""
    out = result.stderr + result.stdout
    assert result.returncode != 0, out[-3000:]
    assert "Traceback" not in out, out[-3000:]
    for pattern in expected:
        found = re.findall(pattern, out)
        assert len(found) == 1, f"expected {pattern!r} once, found {len(found)}:\n{out[-3000:]}"
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == PREVIOUS
    assert not list(project.glob(".site-staging.*"))


def assert_builds(project: Path, result) -> Path:
    assert result.returncode == 0, (result.stderr + result.stdout)[-3000:]
    assert "Traceback" not in result.stderr
    return project / "site"


def workflow(path=WORKFLOW):
    """A GitHub workflow as a dict. PyYAML reads the key `on` as True; keep it as text."""
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.BaseLoader)


def zensical() -> str:
    """The `zensical` that ./dev test installed from the lock (ZENSICAL names it)."""
    command = os.environ.get("ZENSICAL") or str(ROOT / ".venv-zensical" / "bin" / "zensical")
    if not os.access(command, os.X_OK):
        pytest.fail(f"no Zensical at {command}: run the tests with ./dev test, which installs "
                    "requirements-zensical.lock into .venv-zensical and sets ZENSICAL")
    return command


# --- The browser: Debian's Chromium, driven by Playwright -------------------------------
# No browser is downloaded; `./dev test` installs the `chromium` package when it is
# missing. The fixtures (browser, reader) are in conftest.py.

RESULTS = ROOT / "test-results"
CHROMIUM = Path("/usr/bin/chromium")
# The flags that keep Chromium off the network it cannot reach here (and in CI).
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@dataclass
class Watch:
    """What a page did while it was open."""

    origin: str
    console: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    elsewhere: list = field(default_factory=list)

    def on_console(self, message):
        self.console.append(f"{message.type}: {message.text}")
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def on_request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:")):
            return
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.elsewhere.append(url)

    def assert_clean(self):
        assert not self.errors, f"errors in the page: {self.errors}"
        assert not self.elsewhere, f"requests to other origins: {self.elsewhere}"


def unzip(archive: Path, folder: Path) -> Path:
    """An offline zip the build published, extracted as a reader would (onto a USB stick)."""
    assert archive.is_file(), f"the build published no offline edition ({archive.name})"
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(folder)
    return folder


@contextmanager
def file_reader(browser, request):
    """A browser that may only read files, as from a USB stick: any http(s) request is
    recorded and refused. Yields (page, watch, the refused addresses)."""
    context = browser.new_context()
    network = []

    def refuse(route):
        network.append(route.request.url)
        route.abort()

    context.route("http://**/*", refuse)
    context.route("https://**/*", refuse)
    page = context.new_page()
    watch = Watch("file://")
    page.on("console", watch.on_console)
    page.on("pageerror", lambda error: watch.errors.append(f"uncaught: {error}"))
    request.node.opened_pages = [(page, watch)]
    try:
        yield page, watch, network
    finally:
        context.close()


def ready(page):
    """Wait until Material has mounted its components on the page (its bundle sets
    window.component$ last, once every component is wired): the state the browser
    tests act on. Not for network silence: the search index, say, loads after it,
    and search_for waits for the search's answer itself."""
    page.wait_for_function("() => window.component$ !== undefined")


def switch_language(page, other, how):
    """Follow the header's language switch to `other`, by "pointer" or "keyboard"."""
    switch = page.locator(f"nav.site-language a[hreflang={other}]")
    if how == "pointer":
        switch.click()
        return
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.site-language__link')"):
            break
    else:
        pytest.fail("Tab never reached the language switch")
    page.keyboard.press("Enter")


# What the reader journeys look for in each edition.
TEXT = {
    "en": {
        "search": "preventive",
        "language": "English",
    },
    "ru": {
        # An inflected form: the page says "механизмов", "механизм", "механизмы".
        "search": "механизмы",
        "language": "Русский",
    },
}


def _from_the_editors_files(lang):
    """What the editors may change, read from their files: the report's title and
    date (front matter; the date as the edition writes dates, extra.labels.date_format),
    the words of the home page's link to the explainer, the explainer's title."""
    from babel.dates import format_date
    home = " ".join(front_matter(lang)["title"].split())
    body = (ROOT / "docs" / lang / "index.md").read_text(encoding="utf-8")
    to_explainer = re.findall(r"\[([^\]]+)\]\(opcat\.md\)", body)
    assert len(to_explainer) == 1, f"docs/{lang}/index.md links the explainer {len(to_explainer)} times"
    return dict(headline=home[:60], home_link=home[:30], explainer=front_matter(lang, "opcat.md")["title"],
                not_found=labels(lang)["not_found_title"], to_explainer=" ".join(to_explainer[0].split()),
                dateline=normalise(format_date(front_matter(lang)["date"], format=labels(lang)["date_format"],
                                               locale=lang)))


for _lang, _text in TEXT.items():
    _text.update(_from_the_editors_files(_lang))


def search_for(page, words):
    """Type into the search field and wait until the search has answered."""
    placeholder = json.loads(page.locator("#__config").text_content())["translations"]["search.result.placeholder"]
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(words, delay=20)
    # Material searches on keyup; Playwright types letters outside the US layout
    # without key events, so finish with a real key as a keyboard would.
    field.press("End")
    expect(page.locator(".md-search-result__meta")).not_to_have_text(placeholder, timeout=15000)


# --- The fact sheet ---------------------------------------------------------------

def fact_sheet_entries():
    """The sheet's entries: a table row, or a list item with its indented lines."""
    entries = []
    for line in FACT_SHEET.read_text(encoding="utf-8").splitlines():
        if entries and line.startswith(" ") and line.strip():
            entries[-1] += " " + line.strip()
        else:
            entries.append(line)
    return entries


def fact_sheet_date(pattern):
    """The day a VERIFIED entry of the fact sheet gives, found by `pattern` (a regular
    expression whose group is the date as the sheet writes it, "3 October 2025")."""
    import datetime
    entries = [entry for entry in fact_sheet_entries() if re.search(pattern, entry) and "VERIFIED" in entry]
    assert len(entries) == 1, f"the fact sheet has {len(entries)} VERIFIED entries matching {pattern!r}"
    written = re.search(pattern, entries[0]).group(1).replace("*", "")
    return datetime.datetime.strptime(written, "%d %B %Y").date()


def written_date(lang, day):
    """A day as the edition writes dates (extra.labels.date_format, babel's pattern),
    white space folded as normalise() folds it."""
    from babel.dates import format_date
    return normalise(format_date(day, format=labels(lang)["date_format"], locale=lang))


# The Kyrgyz law's two days, as the fact sheet's VERIFIED entries write them.
ADOPTED = r"adopted the new constitutional law .*? on (\d{1,2} \w+ \d{4})"
IN_FORCE = r"entered into force on (\**\d{1,2} \w+ \d{4}\**)"
