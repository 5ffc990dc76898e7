"""An Atom feed (RFC 4287) per edition: feed.xml at the edition's root (ru/feed.xml),
so a reader can follow the site in a feed reader. Every page links it from its
head (overrides/main.html).

- It lists every published news item of the edition, newest first: title, its
  address, a stable id, the publisher as author, the description as summary,
  `published` from `date` and `updated` from `updated` (or `date`): never the
  build's clock, so two builds of a commit give the same bytes.
- Ids are urn:uuid names derived from the edition and the file's name, so an item
  keeps its id when the site moves to another address.
- Drafts are left out (hooks/news.py); `mkdocs serve` and the offline edition,
  which has no server to poll, get no feed.
"""

import sys
import uuid
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).parent))
from nested_build import is_offline_edition  # noqa: E402

FEED = "feed.xml"
NAMESPACE = uuid.UUID("5b1f61b4-6a0e-4a8e-9c39-4b0f0f4a0c51")  # this site's, made once
current_command = "build"


def on_startup(command, dirty):
    global current_command
    current_command = command


def publishes_feed(config) -> bool:
    return current_command != "serve" and not is_offline_edition(config)


def on_config(config):
    """The feed's address, for every page's head."""
    config.extra["feed_url"] = config.site_url + FEED if publishes_feed(config) else None
    return config


def stamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def entry(page, lang) -> str:
    updated = page.meta.get("updated") or page.meta["date"]
    return "\n".join([
        "  <entry>",
        f"    <id>urn:uuid:{uuid.uuid5(NAMESPACE, lang + '/' + page.file.src_uri)}</id>",
        f"    <title>{escape(page.meta['title'].strip())}</title>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(page.canonical_url)}/>",
        f"    <published>{stamp(page.meta['date'])}</published>",
        f"    <updated>{stamp(updated)}</updated>",
        f"    <author><name>{escape(page.meta['source'].strip())}</name></author>",
        f"    <summary>{escape(page.meta['description'].strip())}</summary>",
        "  </entry>",
    ])


def on_post_build(config):
    if not publishes_feed(config):
        return
    lang = config.theme["language"]
    items = [page for page in config.extra["news_items"] if not page.file.inclusion.is_excluded()]
    updated = max((page.meta.get("updated") or page.meta["date"] for page in items), default=None)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>urn:uuid:{uuid.uuid5(NAMESPACE, lang + '/' + FEED)}</id>",
        f"  <title>{escape(config.site_name)}</title>",
        f"  <subtitle>{escape(config.site_description or '')}</subtitle>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(config.extra['feed_url'])}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(config.site_url)}/>",
        f"  <updated>{stamp(updated) if updated else '1970-01-01T00:00:00Z'}</updated>",
        *(entry(page, lang) for page in items),
        "</feed>",
    ]
    (Path(config.site_dir) / FEED).write_text("\n".join(lines) + "\n", encoding="utf-8")
