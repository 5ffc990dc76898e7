"""Links to other sites, in page content, carry rel="noopener noreferrer": the page
they open gets no handle on this one, and learns nothing of where the reader came
from (the site's referrer policy says the same for every link)."""

import re

EXTERNAL_LINK = re.compile(r'<a (?![^>]*\brel=)([^>]*\bhref="https?://[^"]*"[^>]*)>')


def on_page_content(html, page, config, files):
    return EXTERNAL_LINK.sub(r'<a \1 rel="noopener noreferrer">', html)
