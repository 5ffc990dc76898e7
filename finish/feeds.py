"""An Atom feed (RFC 4287) per edition: feed.xml at the edition's root (ru/feed.xml),
so a reader can follow the site in a feed reader. Every page links it from its
head (overrides/main.html).

- It lists every published news item of the edition, newest first: title, its
  address, a stable id, the publisher as author, the description as summary,
  `published` from `date` and `updated` from `updated` (or `date`): never the
  build's clock, so two builds of a commit give the same bytes.
- Ids are urn:uuid names derived from the edition and the file's name, so an item
  keeps its id when the site moves to another address.
- Drafts are left out; the preview and the offline edition, which has no server to
  poll, get no feed.
"""

import uuid
from xml.sax.saxutils import escape, quoteattr

NAMESPACE = uuid.UUID("5b1f61b4-6a0e-4a8e-9c39-4b0f0f4a0c51")  # this site's, made once
FEED = "feed.xml"


def stamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def entry(item, lang) -> str:
    return "\n".join([
        "  <entry>",
        f"    <id>urn:uuid:{uuid.uuid5(NAMESPACE, lang + '/' + item['src'])}</id>",
        f"    <title>{escape(item['title'])}</title>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(item['url'])}/>",
        f"    <published>{stamp(item['date'])}</published>",
        f"    <updated>{stamp(item['updated'])}</updated>",
        f"    <author><name>{escape(item['source'])}</name></author>",
        f"    <summary>{escape(item['description'])}</summary>",
        "  </entry>",
    ])


def feed(lang: str, title: str, subtitle: str, edition_url: str, items: list) -> str:
    updated = max((item["updated"] for item in items), default=None)
    return "\n".join([
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>urn:uuid:{uuid.uuid5(NAMESPACE, lang + '/' + FEED)}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(subtitle or '')}</subtitle>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(edition_url + FEED)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(edition_url)}/>",
        f"  <updated>{stamp(updated) if updated else '1970-01-01T00:00:00Z'}</updated>",
        *(entry(item, lang) for item in items),
        "</feed>",
    ]) + "\n"
