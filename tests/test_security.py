"""The page itself is locked down as far as a static host allows: a
Content-Security-Policy on every page, and external links that take nothing along."""

import base64
import hashlib

import pytest

from support import EDITIONS


def policy_of(soup):
    tags = soup.select('meta[http-equiv="Content-Security-Policy"]')
    assert len(tags) == 1, f"{len(tags)} policies"
    return dict(
        (part.split()[0], part.split()[1:]) for part in tags[0]["content"].split(";") if part.strip()
    )


def test_every_page_carries_a_strict_content_security_policy(site):
    for path in site.pages():
        soup = site.html(str(path.relative_to(site.root)))
        policy = policy_of(soup)
        for directive in ("default-src", "script-src", "style-src", "img-src", "font-src",
                          "connect-src", "worker-src"):
            assert policy[directive][0] == "'self'", (path, directive)
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
        everything = " ".join(" ".join(v) for v in policy.values())
        assert "unsafe-inline" not in everything and "unsafe-eval" not in everything
        assert "*" not in everything and "http" not in everything
        # It is the first thing after the charset, before any script can run.
        head = str(soup.head)
        assert head.index("Content-Security-Policy") < head.index("<script")


def test_every_inline_script_is_allowed_by_its_hash_and_nothing_more(site):
    for path in site.pages():
        soup = site.html(str(path.relative_to(site.root)))
        allowed = {h.strip("'").removeprefix("sha256-") for h in policy_of(soup)["script-src"][1:]}
        inline = [s.string or "" for s in soup.select("script:not([src])")
                  if s.get("type") not in ("application/json", "application/ld+json")]
        assert inline, "Material's inline scripts are gone: has the theme changed?"
        for script in inline:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert digest in allowed, f"{path}: an inline script is not in the policy"


def test_no_page_needs_an_inline_style(site):
    """The site's styles come in the one stylesheet (hooks/lean.py), so the policy
    allows styles from the site itself and no inline style at all."""
    for path in site.pages():
        soup = site.html(str(path.relative_to(site.root)))
        assert not soup.select("style"), f"{path}: an inline style"
        assert policy_of(soup)["style-src"] == ["'self'"], path


@pytest.mark.parametrize("lang", EDITIONS)
def test_a_link_out_opens_in_the_same_window_and_tells_the_other_site_nothing(site, lang):
    """No rel="noopener noreferrer" is needed: no link opens a new window (which is
    what gives the other page a handle on this one), and every page sends no referrer."""
    for page in ("index.html", "opcat/index.html"):
        soup = site.html(EDITIONS[lang] + page)
        external = [a for a in soup.select(".md-content a[href^='http']") if not a["href"].startswith(site.url)]
        assert external
        assert not [a for a in external if a.get("target")], "a link out opens another window"
        assert soup.select_one('meta[name="referrer"]')["content"] == "no-referrer"
