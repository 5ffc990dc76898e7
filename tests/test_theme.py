"""The theme's own colours meet WCAG 2.2 AA, and printing leaves only the text."""

import re

from support import ROOT

CSS = (ROOT / "overrides" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")

# Material's own values this palette sits on (material/templates/assets/stylesheets).
MATERIAL = {
    "default": {"--md-default-fg-color": "#000000de", "--md-footer-bg-color": "#000000de"},
    "slate": {"--md-default-fg-color": "#e2e4e9", "--md-footer-bg-color": "#000000de"},
}

# (text colour, background colour, what a reader sees there)
PAIRS = [
    ("--md-primary-bg-color", "--md-primary-fg-color", "header text"),
    ("--md-default-fg-color", "--md-default-bg-color", "body text"),
    ("--md-typeset-a-color", "--md-default-bg-color", "links"),
    ("--md-accent-fg-color", "--md-default-bg-color", "links on hover and focus"),
    ("--site-source-fg", "--site-source-bg", "source box text"),
    ("--md-typeset-a-color", "--site-source-bg", "source box link"),
    ("--site-muted-fg", "--md-default-bg-color", "dateline, speakers, credit"),
    ("--md-footer-fg-color--lighter", "--md-footer-bg-color", "footer copyright"),
    ("--site-tooltip-fg", "--site-tooltip-bg", "an abbreviation's expansion"),
]


def block(selector: str) -> dict:
    match = re.search(re.escape(selector) + r"\s*\{(.*?)\}", CSS, re.S)
    assert match, f"site.css has no {selector} block"
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6,8})\s*;", match.group(1)))


def rgba(hex_colour: str):
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) for i in (0, 2, 4)]
    alpha = int(h[6:8], 16) / 255 if len(h) == 8 else 1.0
    return channels, alpha


def over(top: str, bottom_rgb) -> list:
    channels, alpha = rgba(top)
    return [alpha * c + (1 - alpha) * b for c, b in zip(channels, bottom_rgb)]


def luminance(rgb) -> float:
    def linear(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: str, bg: str, page_bg: str) -> float:
    background = over(bg, over(page_bg, [255, 255, 255]))
    text = over(fg, background)
    lighter, darker = sorted((luminance(text), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_text_colour_pair_meets_aa_in_both_schemes():
    failures = []
    root = block(":root > *")
    for scheme in ("default", "slate"):
        colours = {**MATERIAL[scheme], **root, **block(f'[data-md-color-scheme="{scheme}"]')}
        for fg, bg, where in PAIRS:
            ratio = contrast(colours[fg], colours[bg], colours["--md-default-bg-color"])
            if ratio < 4.5:
                failures.append(f"{scheme}: {where} ({fg} on {bg}) is {ratio:.2f}:1")
    assert not failures, failures


def test_print_hides_site_chrome_and_shows_link_targets():
    match = re.search(r"@media print\s*\{(.*)\}\s*$", CSS, re.S)
    assert match, "site.css has no print rules"
    rules = match.group(1)
    hidden = re.search(r"([^{}]*)\{\s*display:\s*none", rules)
    assert hidden
    for chrome in (".md-header", ".md-sidebar", ".md-search", ".md-footer"):
        assert chrome in hidden.group(1), f"{chrome} still prints"
    assert re.search(r'a\[href\^="http"\]::after\s*\{[^}]*attr\(href\)', rules)


def test_no_web_fonts_are_configured():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+font: false\s*$", config, re.M)
