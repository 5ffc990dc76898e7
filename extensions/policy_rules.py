"""Not an extension: what the site refuses in a page's HTML, shared by the check of
the sources before any engine (checks/content.py, which names the file and line)
and the content policy the engine runs (extensions/content_policy.py, which also
sees HTML that other extensions make). Plain Python: importing it loads no engine."""

from html.parser import HTMLParser

# Elements that make the browser fetch something, and never-allowed elements.
EMBEDDING = {"img", "source", "video", "audio", "track", "iframe", "input"}
NEVER = {"script": "a <script>; the site runs no code written into a page",
         "style": "a <style> block; put styles in overrides/assets/stylesheets/site.css",
         "object": "an <object>; the site embeds no plug-in content",
         "embed": "an <embed>; the site embeds no plug-in content"}


class _Elements(HTMLParser):
    """Every start tag with its attributes and line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs), self.getpos()[0]))


def elements(html: str) -> list:
    """(tag, attributes, line) of every start tag in `html`."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.tags


def addresses(attrs: dict) -> list:
    """The addresses an element makes the browser fetch."""
    found = [attrs[name] for name in ("src", "poster", "data") if attrs.get(name)]
    for candidate in (attrs.get("srcset") or "").split(","):
        if candidate.strip():
            found.append(candidate.split()[0])
    return found
