"""Each edition's sitemap.xml (and .gz), written anew over the engine's: every
published page, with its twins in the other editions that have it as hreflang
alternates (and x-default: the first of them), as search engines read them. No
lastmod: the engine would give the build's date, not the content's."""

import gzip
import io
import os
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


def sitemap(entries: list) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for loc, alternates in entries:
        lines += ["  <url>", f"    <loc>{escape(loc)}</loc>"]
        lines += [f'    <xhtml:link rel="alternate" hreflang="{lang}" href={quoteattr(url)}/>' for lang, url in alternates]
        if alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(alternates[0][1])}/>')
        lines.append("  </url>")
    return "\n".join(lines + ["</urlset>"])


def write(folder: Path, entries: list):
    text = sitemap(entries)
    (folder / "sitemap.xml").write_text(text, encoding="utf-8")
    data = io.BytesIO()
    # Dated like the rest of the build, so two builds of a commit are the same bytes.
    with gzip.GzipFile(fileobj=data, mode="wb", filename="sitemap.xml",
                       mtime=int(os.environ.get("SOURCE_DATE_EPOCH", "0"))) as archive:
        archive.write(text.encode("utf-8"))
    (folder / "sitemap.xml.gz").write_bytes(data.getvalue())
