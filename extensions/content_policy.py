"""Content the site will not publish stops the build, instead of a page that is
silently broken: what the Content-Security-Policy would block in the reader's
browser, or what would make a reader's browser contact another site.

It judges the page's final HTML (after the raw HTML written into the Markdown is
back in it), and refuses:
- a <script>, <style>, <object> or <embed>; a style="..." (attr_list's
  `{style="..."}` too) or on...="..." attribute; a javascript: address: the
  policy allows no inline code from content, and styles belong in
  overrides/assets/stylesheets/site.css;
- an image, audio, video, frame or input image from another site whose origin is
  not in the option `embed_origins` (a list, default none), which must list the
  same origins as `extra.embed_origins` in mkdocs.yml (the policy's list);
- a local address starting with "/", which breaks when the site lives under a
  sub-path.
It raises ContentPolicyError; the engine names the page.
"""

from urllib.parse import urlsplit

from markdown import Extension
from markdown.postprocessors import Postprocessor

from extensions.policy_rules import EMBEDDING, NEVER, addresses, elements

try:  # MkDocs prints a PluginError as a message, without a traceback.
    from mkdocs.exceptions import PluginError as _Refusal
except ImportError:  # another engine
    _Refusal = Exception


class ContentPolicyError(_Refusal):
    """A page's content the site will not publish."""


def refuse_code(tag, attrs, near):
    if tag in NEVER:
        raise ContentPolicyError(f"the text contains {NEVER[tag]}. Remove it {near}.")
    for name, value in attrs.items():
        if name == "style":
            raise ContentPolicyError(f"style=\"{value}\" {near} would be blocked by the site's "
                                     "Content-Security-Policy; remove it, and style in site.css instead.")
        if name.startswith("on"):
            raise ContentPolicyError(f"the {name} attribute {near} is code the site does not run; remove it.")
        if (value or "").strip().lower().startswith("javascript:"):
            raise ContentPolicyError(f"a javascript: address {near} is code the site does not run; remove it.")


def refuse_embed(address, near, allowed):
    parts = urlsplit(address)
    if parts.scheme == "data":
        return
    if parts.scheme or parts.netloc:
        origin = f"{parts.scheme or 'https'}://{parts.netloc}"
        if origin not in allowed:
            raise ContentPolicyError(
                f"{address} {near} comes from another site, which readers' browsers would have to "
                "contact and the site's policy blocks. Save a copy beside the page and link that, or, "
                f"once vetted, add {origin} to extra.embed_origins in mkdocs.yml, and to content_policy's "
                "embed_origins under markdown_extensions (EDITING.md, What the site refuses).")
    elif address.startswith("/"):
        raise ContentPolicyError(f"{address} {near} starts with /, which breaks when the site lives "
                                 "under a sub-path; write it relative to this Markdown file.")


class ContentPolicy(Postprocessor):
    def __init__(self, md, embed_origins):
        super().__init__(md)
        self.allowed = {origin.rstrip("/") for origin in embed_origins}

    def run(self, text):
        for tag, attrs, line in elements(text):
            near = f"(near line {line} of the page's HTML, in a <{tag}>)"
            refuse_code(tag, attrs, near)
            if tag in EMBEDDING:
                for address in addresses(attrs):
                    refuse_embed(address, near, self.allowed)
        return text


class ContentPolicyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"embed_origins": [[], "Origins (https://host) whose media a page may embed."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # Last: after raw_html (30) has put back the HTML written into the text, and
        # after every other postprocessor (footnote 25, amp_substitute 20,
        # task_labels 5), so it judges the HTML the page will have.
        md.postprocessors.register(ContentPolicy(md, self.getConfig("embed_origins") or []), "content_policy", 0)


def makeExtension(**kwargs):
    return ContentPolicyExtension(**kwargs)
