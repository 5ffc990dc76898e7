"""The plain values the templates read, worked out from the checked sources
(checks.Sources) before any engine runs, for one build.

A template engine other than Jinja (Zensical's) runs no Python methods and no
filters a hook defines, and no hook gives it page.meta.twins. So, for each build,
tools/build.py writes a configuration: the edition's (mkdocs.ru.yml, say) with its
INHERIT resolved as MkDocs resolves it (Zensical appends lists instead), and adds,
under `extra`:
- `pages`: for each page's address (page.url), its twins (the same page in every
  edition, or that edition's News page where it has none), its dates in words
  (21 December 2024, 21 декабря 2024 года), whether it is a draft, and its JSON-LD;
- `news_items`: the edition's news items, newest first, for the News page;
- `editions` with each one's address, the root address, the feed's address and the
  offline download's, with its size in words.
Templates then only look values up.
"""

import posixpath
from pathlib import Path

from babel.dates import format_date

from checks.config import load_config, merge
from extensions import typography_ru
from finish.html import html_json
from finish.offline import ZIP_PATH

NEWS_TEMPLATE = "news.html"
NEWS_PAGE = "news.md"
FEED = "feed.xml"


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The address MkDocs gives a Markdown file: news/a/ online, news/a.html offline."""
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(there: str, here: str) -> str:
    """The link from page address `here` to `there`, both from the site's root."""
    link = posixpath.relpath(there or ".", posixpath.dirname(here) or ".")
    return link + "/" if not there or there.endswith("/") else link


def long_date(day, edition) -> str:
    labels = edition.config["extra"]["labels"]
    return format_date(day, format=labels["date_format"], locale=edition.config["theme"]["language"])


def megabytes(size: int, lang: str) -> str:
    """1.2 MB, or 1,2 МБ in Russian, for the download's size."""
    value = f"{size / 1_000_000:.1f}"
    return f"{value.replace('.', ',')}\u00a0МБ" if lang == "ru" else f"{value}\u00a0MB"


def typesetter(edition):
    """The edition's typography for text from front matter, which the Markdown
    extensions never see: a headline's «2026 год» is kept together as in the text."""
    if "extensions.typography_ru" in (edition.config.get("markdown_extensions") or {}):
        return typography_ru.set_text
    return lambda text: text


def published(sources, lang: str, preview: bool) -> dict:
    """The edition's pages that this build publishes (a preview shows drafts too)."""
    return {src: page for src, page in sources.pages[lang].items() if preview or not page.draft}


def news(pages: dict) -> list:
    """(src, page) of the news items among `pages`, newest first (the News page, the feed)."""
    items = [(src, page) for src, page in pages.items() if page.fields.get("template") == NEWS_TEMPLATE]
    return sorted(items, key=lambda item: (item[1].fields["date"], item[0]), reverse=True)


def json_ld(page, edition, url: str, root_url: str, twins: list) -> str:
    about = {"@type": "Thing", "name": edition.config["extra"]["labels"]["about"]}
    image = root_url + "assets/images/social.png"
    meta = page.fields
    if meta.get("template") == NEWS_TEMPLATE:
        source_url = meta["source_url"].strip()
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": meta["title"],
            "datePublished": meta["date"].isoformat(), "inLanguage": edition.lang, "url": url, "image": image,
            "publisher": {"@type": "Organization", "name": meta["source"],
                          "url": "/".join(source_url.split("/")[:3]) + "/"},
            "isBasedOn": meta["source_url"], "about": about,
        }
        original = [twin for twin in twins if twin["lang"] == meta.get("translated_from")]
        if original:
            data["translationOfWork"] = {"@type": "NewsArticle", "url": original[0]["url"]}
    else:
        data = {
            "@context": "https://schema.org", "@type": "Article", "headline": meta["title"],
            "inLanguage": edition.lang, "url": url, "image": image, "about": about,
            "isPartOf": {"@type": "WebSite", "name": edition.config["site_name"], "url": edition.url},
        }
    if meta.get("updated"):
        data["dateModified"] = meta["updated"].isoformat()
    return html_json(data)


def twins_of(src: str, edition, editions, shown: dict, directory_urls: bool) -> list:
    """The page in every edition: its address there, or that edition's News page
    where it is not published (`missing`: no hreflang, no sitemap entry)."""
    url, archive = page_url(src, directory_urls), page_url(NEWS_PAGE, directory_urls)
    here = edition.path + url
    twins = []
    for other in editions:
        present = src in shown[other.lang]
        there = other.path + (url if present else archive)
        twins.append({"lang": other.lang, "name": other.name, "url": other.url + (url if present else archive),
                      "href": relative(there, here), "current": other is edition, "missing": not present})
    return twins


def sitemap_entries(sources, edition, root_url: str) -> list:
    """Each published page's address, with its twins' as alternates (the first
    edition that has it is x-default)."""
    shown = {each.lang: published(sources, each.lang, preview=False) for each in sources.editions}
    entries = []
    # In MkDocs' order: a folder's files before its subfolders, its index first.
    order = lambda name: (name.count("/"), posixpath.dirname(name), posixpath.basename(name) != "index.md", name)
    for src in sorted(shown[edition.lang], key=order):
        present = [t for t in twins_of(src, edition, sources.editions, shown, True) if not t["missing"]]
        entries.append((root_url + edition.path + page_url(src), [(t["lang"], t["url"]) for t in present]))
    return entries


def layer(sources, edition, *, inherit: Path, site_dir: str, root_url: str, offline: bool, preview: bool,
          download=None) -> dict:
    """One build's whole configuration: the file `inherit` (mkdocs.ru.offline.yml,
    say) with what this build adds."""
    directory_urls = not offline
    pages = {}
    shown = {each.lang: published(sources, each.lang, preview) for each in sources.editions}
    for src, page in sorted(shown[edition.lang].items()):
        url = page_url(src, directory_urls)
        twins = twins_of(src, edition, sources.editions, shown, directory_urls)
        meta = page.fields
        data = {"twins": twins, "draft": page.draft, "home": src == "index.md",
                "jsonld": json_ld(page, edition, edition.url + url, root_url, twins)}
        for field in ("date", "updated"):
            if meta.get(field):
                data[field] = meta[field].isoformat()
                data[field + "_text"] = long_date(meta[field], edition)
        pages[url] = data
    items = []
    for src, page in news(shown[edition.lang]):
        url = page_url(src, directory_urls)
        data = pages[url]
        items.append({"url": url, "title": page.fields["title"].strip(),
                      "date": data["date"], "description": page.fields["description"].strip(),
                      "date_text": data["date_text"], "draft": page.draft})
    extra = {
        "site_root_url": root_url,
        "editions": [{"lang": e.lang, "name": e.name, "locale": e.locale, "path": e.path, "url": e.url}
                     for e in sources.editions],
        "pages": pages,
        "news_items": items,
        "news_archive_url": page_url(NEWS_PAGE, directory_urls),
        "feed_url": None if offline or preview else edition.url + FEED,
        "offline_download": download and {"url": root_url + ZIP_PATH,
                                          "size_text": megabytes(download, edition.lang)},
    }
    drafts = sorted(src for src, page in sources.pages[edition.lang].items() if page.draft)
    added = {"site_url": edition.url, "site_dir": site_dir, "extra": extra}
    if drafts and not preview:
        added["draft_docs"] = "".join(f"/{src}\n" for src in drafts)
    return merge(load_config(inherit, keep_tags=True), added)


def feed_items(sources, edition) -> list:
    """The edition's published news items, newest first, for its Atom feed."""
    return [{"src": src, "url": edition.url + page_url(src), "title": page.fields["title"].strip(),
             "source": page.fields["source"].strip(), "description": page.fields["description"].strip(),
             "date": page.fields["date"], "updated": page.fields.get("updated") or page.fields["date"]}
            for src, page in news(published(sources, edition.lang, preview=False))]


def finishing(sources, edition, root_url: str, offline: bool) -> dict:
    """What finish/ needs to know of an edition's sources, worked out here so that it
    reads only the built folder: each page's Markdown folder by its output file, the
    titles and descriptions the edition's typography changes, its feed's items and
    its sitemap."""
    directory_urls = not offline
    folders = {}
    for src in sources.pages[edition.lang]:
        url = page_url(src, directory_urls)
        folders[url + "index.html" if (not url or url.endswith("/")) else url] = posixpath.dirname(src)
    typeset = typesetter(edition)
    texts = {" ".join(str(page.fields.get(field, "")).split())
             for page in sources.pages[edition.lang].values() for field in ("title", "description")}
    return {"folders": folders, "typeset": sorted(((t, typeset(t)) for t in texts if t and typeset(t) != t),
                                                  key=lambda pair: -len(pair[0])),
            "feed": feed_items(sources, edition), "sitemap": sitemap_entries(sources, edition, root_url)}

