"""The Markdown extensions (extensions/) that turn a page's text into what readers
get, or refuse it: called through Python-Markdown directly with small inputs, as any
engine that runs Python-Markdown calls them (no build)."""

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from extensions.content_policy import ContentPolicyError

GLOSSARY = "\n\n*[NPM]: national preventive mechanism\n*[UN]: United Nations\n"


def abbreviated(text):
    html = markdown.markdown(text + GLOSSARY, extensions=["abbr", "footnotes", "extensions.abbreviations"])
    return BeautifulSoup(html, "html.parser")


def terms(soup):
    return [(abbr.get_text(), abbr.get("tabindex")) for abbr in soup.select("abbr")]


# --- Abbreviations -----------------------------------------------------------------

def test_every_term_is_expanded_once_in_a_hidden_definition():
    soup = abbreviated("The NPM, the UN and the NPM.")
    definitions = soup.select("div.abbr-definitions[hidden] > span")
    assert [(span["id"], span.get_text()) for span in definitions] == [
        ("abbr-1", "national preventive mechanism"), ("abbr-2", "United Nations")]


def test_each_term_points_to_its_definition_and_shows_it_without_a_browser_tooltip():
    abbr = abbreviated("The UN.").find("abbr")
    assert abbr.attrs == {"aria-describedby": "abbr-1", "data-title": "United Nations", "tabindex": "0"}


def test_the_first_use_of_a_term_is_the_only_tab_stop():
    assert terms(abbreviated("NPM and UN, then NPM and UN.")) == [
        ("NPM", "0"), ("UN", "0"), ("NPM", "-1"), ("UN", "-1")]


def test_a_term_inside_a_link_is_not_a_tab_stop():
    assert terms(abbreviated("[The NPM](https://example.org/), then the NPM.")) == [("NPM", None), ("NPM", "0")]


def test_a_term_inside_a_link_written_as_html_is_not_a_tab_stop():
    assert terms(abbreviated('<a href="https://example.org/">The NPM</a>, then the NPM.')) == [
        ("NPM", None), ("NPM", "0")]


def test_the_definitions_come_after_the_footnotes():
    soup = abbreviated("The NPM.[^1]\n\n[^1]: The UN's word.")
    blocks = [element.get("class") for element in soup.find_all("div", recursive=False)]
    assert blocks == [["footnote"], ["abbr-definitions"]]
    assert terms(soup) == [("NPM", "0"), ("UN", "0")]


def test_a_page_without_terms_gets_no_definitions():
    assert markdown.markdown("No terms here.", extensions=["abbr", "extensions.abbreviations"]) == \
        "<p>No terms here.</p>"


def test_the_definitions_are_written_as_the_build_wrote_them_before():
    html = markdown.markdown("UN." + GLOSSARY, extensions=["abbr", "extensions.abbreviations"])
    assert html.endswith('\n<div class="abbr-definitions" hidden><span id="abbr-1">United Nations</span></div>')


# --- Content policy ------------------------------------------------------------------

def judged(text, **config):
    return markdown.markdown(text, extensions=["attr_list", "extensions.content_policy"],
                             extension_configs={"extensions.content_policy": config})


def test_an_inline_style_is_refused():
    with pytest.raises(ContentPolicyError, match=r'style="color: red" \(near line 1 .*in a <em>\) would be '
                                                 r"blocked by the site's Content-Security-Policy"):
        judged('A *word*{style="color: red"}.')


@pytest.mark.parametrize("tag", ["script", "style", "object", "embed"])
def test_code_and_plug_ins_written_into_a_page_are_refused(tag):
    # Lines are the page's HTML's: the engine names the page, the line finds the spot in it.
    with pytest.raises(ContentPolicyError, match=rf"the text contains an? <{tag}>.*Remove it \(near line 2 of"):
        judged(f"Text.\n\n<{tag}></{tag}>\n")


def test_an_event_handler_attribute_is_refused():
    with pytest.raises(ContentPolicyError, match=r"the onclick attribute .* is code the site does not run"):
        judged('<p onclick="go()">Text</p>')


def test_a_javascript_address_is_refused():
    with pytest.raises(ContentPolicyError, match=r"a javascript: address .*in a <a>\) is code"):
        judged("[Go](javascript:alert(1))")


def test_a_picture_from_another_site_is_refused_with_the_origin_to_vet():
    with pytest.raises(ContentPolicyError, match=r"https://img\.example\.org/a\.png \(near line 1 .*in a <img>\) "
                                                 r"comes from another site.*add https://img\.example\.org to "
                                                 r"extra\.embed_origins"):
        judged("![A hall](https://img.example.org/a.png)")


def test_a_frame_written_as_html_from_another_site_is_refused():
    with pytest.raises(ContentPolicyError, match=r"in a <iframe>\) comes from another site"):
        judged('Text.\n\n<iframe src="https://maps.example.org/"></iframe>\n')


def test_a_vetted_origin_may_be_embedded():
    html = judged("![A hall](https://img.example.org/a.png)", embed_origins=["https://img.example.org/"])
    assert 'src="https://img.example.org/a.png"' in html


def test_a_local_address_from_the_sites_root_is_refused():
    with pytest.raises(ContentPolicyError, match=r"/assets/a\.png \(near line 1 .*\) starts with /, which breaks"):
        judged("![A hall](/assets/a.png)")


def test_a_picture_beside_the_page_and_an_inline_picture_are_published():
    html = judged('![A hall](hall.png) <img alt="A dot" src="data:image/png;base64,AAAA">')
    assert 'src="hall.png"' in html and 'src="data:image/png;base64,AAAA"' in html


def test_a_refusal_is_a_message_mkdocs_prints_without_a_traceback():
    assert issubclass(ContentPolicyError, PluginError)
