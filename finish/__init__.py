"""What rewrites the built output: run once by tools/build.py over the built folder
(every edition in its place: English at the root, Russian in ru/), after every
engine build, whatever engine built it. Each module is one job:

    lean.py     joined and trimmed CSS and JS, unused theme files, compact search index
    markup.py   Material's markup fixes, addresses written in HTML
    feeds.py    the Atom feed of each edition
    sitemaps.py each edition's sitemap, with the twins as alternates
    offline.py  the offline zip
    csp.py      the Content-Security-Policy, last: it hashes the final inline code

A step that cannot do its job raises FinishFailed with what to look at.
"""

import html as entities
import multiprocessing
import os
from pathlib import Path
from urllib.parse import urlsplit

from . import csp, feeds, html, lean, markup, sitemaps
from .offline import ZIP_PATH, pack

__all__ = ["finish_offline", "finish_online", "pack", "FinishFailed"]

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
NOT_CUSTOM = ("localhost", "127.0.0.1", "::1")


class FinishFailed(Exception):
    pass


def edition_files(tree: Path, edition, sources) -> list:
    """The files of one edition: its folder, without the other editions' folders in it."""
    folder = tree / edition.path
    others = [tree / e.path for e in sources.editions if e.path and e is not edition
              and (tree / e.path) != folder and (tree / e.path).is_relative_to(folder)]
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(p.is_relative_to(o) for o in others))


def search_languages(config) -> set:
    """The languages of the search plugin (plugins: - search: {lang: ru})."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "search" in plugin:
            lang = (plugin["search"] or {}).get("lang") or []
            return {lang} if isinstance(lang, str) else set(lang)
    return set()


def finish_edition(tree: Path, edition, sources, facts: dict, *, offline: bool):
    folder = tree / edition.path
    config = edition.config
    files = edition_files(tree, edition, sources)
    lean.drop_unused_files(folder, files, search_languages(config))
    if not offline and (folder / SHIM).is_file():
        (folder / SHIM).unlink()  # only the offline edition needs it
    lean.compact_search_index(folder)
    moved = lean.join_files(folder, (config.get("extra") or {}).get("join") or [])
    icon = lean.favicon_data(folder / (config.get("theme") or {}).get("favicon", ""))
    # As HTML writes them: the templates echo front matter escaped.
    titles = [(entities.escape(old, quote=False), entities.escape(new, quote=False)) for old, new in facts["typeset"]]
    folders = facts["folders"]
    pages = [(page, folder, edition.path, moved, icon, folders.get(page.relative_to(folder).as_posix()), titles)
             for page in edition_files(tree, edition, sources) if page.suffix == ".html"]
    each_page(finish_page, pages)


def each_page(step, jobs: list) -> list:
    """`step` on every page, in two processes where there are two cores and pages
    enough to pay for them (parsing is most of the finishing steps' time)."""
    if len(jobs) < 50 or (os.cpu_count() or 1) < 2:
        return [step(job) for job in jobs]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        return pool.map(step, jobs, chunksize=max(1, len(jobs) // 8))


def finish_page(job):
    page, folder, path, moved, icon, source_folder, titles = job
    name = page.relative_to(folder).as_posix()
    where = f"{path}{name}"
    text = page.read_text(encoding="utf-8")
    tags = html.page_tags(text)  # once a page: every step below finds its tags here
    edits = markup.fixes(tags, where) + lean.link_joined(text, tags, name, moved, where)
    edits += lean.inline_favicon(tags, icon) + lean.readable_config(text, tags)
    if source_folder is not None:
        edits += markup.local_addresses(tags, page, folder / source_folder)
    text = html.replace(text, edits)
    # Titles and descriptions come from front matter, which no Markdown extension
    # sees (the heading, header, sidebar, tab, the News page): they get the
    # edition's typography here.
    for title, typeset in titles:
        text = text.replace(title, typeset)
    page.write_text(lean.fold_white_space(markup.move_skip_link(text, where)), encoding="utf-8")


def run_step(step, *args, **kwargs):
    try:
        return step(*args, **kwargs)
    except (lean.LeanFailed, markup.MarkupChanged, csp.NoPlaceForPolicy) as error:
        raise FinishFailed(str(error)) from None


def finish_offline(tree: Path, sources, facts: dict):
    """`facts`: for each edition's language, what tools/site_data.py's finishing()
    worked out of its sources for the offline build."""
    for edition in sources.editions:
        run_step(finish_edition, tree, edition, sources, facts[edition.lang], offline=True)
        # The published addresses, as online: a sitemap names where pages are published.
        sitemaps.write(tree / edition.path, facts[edition.lang]["sitemap"])


def custom_domain(site_url: str):
    """The host of a custom domain's root address (not github.io, not this machine)."""
    parts = urlsplit(site_url or "")
    host = parts.hostname or ""
    if not host or host in NOT_CUSTOM or host.endswith(".github.io") or parts.path not in ("", "/"):
        return None
    return host


def finish_online(tree: Path, sources, facts: dict, *, root_url: str, preview: bool, download: bytes = None):
    for edition in sources.editions:
        run_step(finish_edition, tree, edition, sources, facts[edition.lang], offline=False)
    if preview:
        return
    for edition in sources.editions:
        config = edition.config
        text = feeds.feed(edition.lang, config["site_name"], config.get("site_description"), edition.url,
                          facts[edition.lang]["feed"])
        (tree / edition.path / feeds.FEED).write_text(text, encoding="utf-8")
        sitemaps.write(tree / edition.path, facts[edition.lang]["sitemap"])
    if download:
        (tree / ZIP_PATH).parent.mkdir(parents=True, exist_ok=True)
        (tree / ZIP_PATH).write_bytes(download)
    domain = custom_domain(root_url)
    if domain:
        (tree / "CNAME").write_text(domain + "\n", encoding="utf-8")
    embeds = (sources.editions[0].config.get("extra") or {}).get("embed_origins") or []
    for edition in sources.editions:
        pages = [p for p in edition_files(tree, edition, sources) if p.suffix == ".html"]
        run_step(csp.add_policy, pages, embeds, each=each_page)
