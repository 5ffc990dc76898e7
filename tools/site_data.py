"""The plain values the templates read, worked out from the checked sources
(checks.Sources) before any engine runs, for one build.

A template engine other than Jinja (Zensical's) runs no Python methods and no
filters a hook defines, and no hook gives it page.meta.twins. So, for each build,
tools/build.py writes a configuration that INHERITs the edition's (mkdocs.ru.yml,
say) and adds, under `extra`:
- `pages`: for each page's address (page.url), its twins (the same page in every
  edition, or that edition's News page where it has none), its dates in words
  (21 December 2024, 21 декабря 2024 года), whether it is a draft, and its JSON-LD;
- `news_items`: the edition's news items, newest first, for the News page;
- `editions` with each one's address, the root address, the feed's address and the
  offline download's, with its size in words.
Templates then only look values up.
"""

import json
import posixpath
from pathlib import Path

import yaml

from extensions import typography_ru
from finish import lean

from babel.dates import format_date

class Tagged:
    """A YAML value with a tag the engine reads (!ENV, !!python/object/apply:...),
    kept as it was written."""

    def __init__(self, tag, kind, value):
        self.tag, self.kind, self.value = tag, kind, value


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's, where installed: faster
    pass


def _tagged(loader, suffix, node):
    tag = node.tag
    if isinstance(node, yaml.MappingNode):
        return Tagged(tag, "mapping", loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, "sequence", loader.construct_sequence(node, deep=True))
    return Tagged(tag, "scalar", loader.construct_scalar(node))


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


_Dumper.add_representer(Tagged, lambda dumper, data: getattr(dumper, f"represent_{data.kind}")(data.tag, data.value))


def merged(parent: dict, child: dict) -> dict:
    """INHERIT as MkDocs reads it: mappings merged key by key, anything else (a list
    of plugins, a palette) replaced whole. (Zensical appends lists instead, so the
    file given to an engine is written with INHERIT already resolved.)"""
    result = dict(parent)
    for key, value in child.items():
        result[key] = merged(result[key], value) if isinstance(value, dict) and isinstance(result.get(key), dict) \
            else value
    return result


def configuration(path: Path) -> dict:
    """A configuration file with its INHERIT chain resolved, tags kept."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    parent = data.pop("INHERIT", None)
    return merged(configuration(path.parent / parent), data) if parent else data


def write_configuration(data: dict, path: Path):
    path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


NEWS_TEMPLATE = "news.html"
NEWS_PAGE = "news.md"
FEED = "feed.xml"
ZIP_PATH = "downloads/turkmenistan-opcat-offline.zip"


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
    return lean.html_json(data)


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
    pages, items = {}, []
    typeset = typesetter(edition)
    shown = {each.lang: published(sources, each.lang, preview) for each in sources.editions}
    for src, page in sorted(shown[edition.lang].items()):
        url = page_url(src, directory_urls)
        twins = twins_of(src, edition, sources.editions, shown, directory_urls)
        meta = page.fields
        data = {"twins": twins, "draft": page.draft, "home": src == "index.md", "title": typeset(meta["title"].strip()),
                "jsonld": json_ld(page, edition, edition.url + url, root_url, twins)}
        for field in ("date", "updated"):
            if meta.get(field):
                data[field] = meta[field].isoformat()
                data[field + "_text"] = long_date(meta[field], edition)
        pages[url] = data
        if meta.get("template") == NEWS_TEMPLATE:
            items.append({"url": url, "title": data["title"], "description": typeset(meta["description"].strip()),
                          "date": meta["date"].isoformat(), "date_text": data["date_text"], "draft": page.draft,
                          "src": src})
    items.sort(key=lambda item: (item["date"], item["src"]), reverse=True)
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
    return merged(configuration(inherit), added)


def feed_items(sources, edition, root_url: str) -> list:
    """The edition's published news items, newest first, for its Atom feed."""
    items = []
    for src, page in published(sources, edition.lang, preview=False).items():
        meta = page.fields
        if meta.get("template") == NEWS_TEMPLATE:
            items.append({"src": src, "url": root_url + edition.path + page_url(src), "title": meta["title"].strip(),
                          "source": meta["source"].strip(), "description": meta["description"].strip(),
                          "date": meta["date"], "updated": meta.get("updated") or meta["date"]})
    return sorted(items, key=lambda item: (item["date"], item["src"]), reverse=True)

