"""Shared fixtures: the real site, built once per test session with MkDocs' own build."""

import functools
import os
import struct
import zlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from checks.front_matter import read as read_page

from pages_server import PagesServer

pytest_plugins = ["browser_support"]

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tests" / "sources"
SOURCE_ARTICLE = SOURCES / "000_38f477bf2e470161.txt"
FACT_SHEET = SOURCES / "opcat-facts.md"


# Each language edition and its folder in the built site.
EDITIONS = {"en": "", "ru": "ru/"}


def glossary(lang: str) -> dict:
    """The edition's abbreviations: term -> expansion."""
    lines = (ROOT / "docs" / "glossary" / f"{lang}.md").read_text(encoding="utf-8").splitlines()
    terms = dict(re.match(r"\*\[(.+?)\]: (.+)", line).groups() for line in lines if line.strip())
    assert terms, f"the {lang} glossary is empty"
    return terms

os.environ["NO_MKDOCS_2_WARNING"] = "1"


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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The site, built once for the address it is served at on 127.0.0.1: under a
    sub-path, as a GitHub Pages project site is, so tests see real addresses."""
    server = PagesServer("/opcat-site/")
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = subprocess.run([sys.executable, "tools/build.py", "-q", "--out", str(site_dir)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env={**os.environ, "SITE_URL": server.url})
    assert result.returncode == 0, result.stderr[-3000:]
    server.serve(site_dir)
    yield Site(site_dir, server.url)
    server.close()


@dataclass
class SourceArticle:
    date: str  # ISO date from the metadata line
    paragraphs: list  # body paragraphs as published, raw addresses included
    urls: list  # addresses written out in the text


@pytest.fixture(scope="session")
def source() -> SourceArticle:
    """The source document: a metadata line `date YYYY-MM-DD` that runs straight
    into the article's first paragraph, then the rest of the article."""
    text = SOURCE_ARTICLE.read_text(encoding="utf-8")
    match = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s+", text)
    assert match, f"{SOURCE_ARTICLE} does not start with a 'date YYYY-MM-DD' line"
    body = text[match.end():]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
    return SourceArticle(match.group(1), paragraphs, re.findall(r"https?://\S+", body))


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


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project, for feeding it broken content."""
    return copy_project(tmp_path / "project")


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
        "Сообщение только на русском", "2025-01-10", "Сообщение без английского перевода, чтобы проверить страницу."),
    "docs/en/news/2025-03-05-draft.md": news_item(
        "A draft report", "2025-03-05", "A draft, which the published site, its feeds and its pages must leave out.",
        extra="draft: true\n"),
}


@pytest.fixture(scope="session")
def publication(tmp_path_factory) -> Site:
    """The project with the items above, built by `./dev build` for a sub-path address
    and served like GitHub Pages."""
    project = copy_project(tmp_path_factory.mktemp("publication") / "project")
    for path, text in PUBLICATION.items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, encoding="utf-8")
    server = PagesServer("/repo/")
    result = subprocess.run(["./dev", "build"], cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "VENV": sys.prefix, "SITE_URL": server.url})
    assert result.returncode == 0, result.stderr[-3000:]
    server.serve(project / "site")
    yield Site(project / "site", server.url)
    server.close()
