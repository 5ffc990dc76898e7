"""The news report: the home page reproduces the source document faithfully."""

import re
from datetime import date

from support import FACT_SHEET, article_text, front_matter, normalise

OHCHR_OPCAT_PAGE = (
    "https://www.ohchr.org/en/instruments-mechanisms/instruments/"
    "optional-protocol-convention-against-torture-and-other-cruel"
)
# The home page's headline and original are the editor's to change; the body is not.
HOME = front_matter("en")
ORIGINAL = HOME["source_url"]
HEADLINE = " ".join(HOME["title"].split())


def source_text(source) -> str:
    """The source as a reader reads it: written-out addresses become link targets."""
    text = " ".join(source.paragraphs)
    for url in source.urls:
        text = text.replace(url, "")
    return normalise(text)


def sentences(text: str):
    return [s for s in re.split(r"(?<=[.?!”\"])\s+(?=[“\"A-Z/])", text) if s]


def test_article_keeps_every_sentence_of_the_source(site, source):
    page = article_text(site.html("index.html"))
    missing = [s for s in sentences(source_text(source)) if s not in page]
    assert not missing, f"sentences of the source missing from the article: {missing}"


def test_article_adds_nothing_to_the_source_text(site, source):
    assert article_text(site.html("index.html")) == source_text(source)


def test_home_page_is_the_article_with_its_headline(site):
    soup = site.html("index.html")
    assert normalise(soup.select_one(".news-header h1").get_text()) == HEADLINE
    assert len(soup.select("h1")) == 1


def test_dateline_is_a_time_element_not_body_text(site, source):
    soup = site.html("index.html")
    day = date.fromisoformat(source.date)
    time = soup.select_one(".news-header time")
    assert time is not None and time["datetime"] == source.date
    assert normalise(time.get_text()) == f"{day.day} {day:%B} {day.year}"
    body = article_text(soup)
    assert source.date not in body and not re.search(r"\bdate\b", body)


def test_quotations_are_set_as_quotations_with_their_speakers(site, source):
    soup = site.html("index.html")
    quoted = [p for p in source.paragraphs if p.startswith("“")]
    assert len(quoted) == 2, "the source has two quotations"
    figures = soup.select(".news-body figure")
    assert len(figures) == len(quoted)
    for paragraph, figure in zip(quoted, figures):
        quote, attribution = paragraph.rsplit("” ", 1)
        speaker = re.match(r"(?:said|stated) (.+?)(?:,|\.$)", attribution).group(1)
        assert normalise(figure.select_one("blockquote").get_text()) == normalise(quote + "”")
        caption = normalise(figure.select_one("figcaption").get_text())
        assert caption == normalise(attribution) and speaker in caption


def test_reference_line_links_to_the_ohchr_opcat_page(site):
    soup = site.html("index.html")
    link = [a for a in soup.select(".news-body a") if normalise(a.get_text()).startswith("Optional Protocol")]
    assert len(link) == 1
    assert link[0]["href"] == OHCHR_OPCAT_PAGE
    assert normalise(link[0].get_text()).endswith("| OHCHR")
    # The address is the one the fact sheet records for OHCHR's OPCAT page.
    assert OHCHR_OPCAT_PAGE in FACT_SHEET.read_text(encoding="utf-8")


def test_npm_guide_line_links_to_the_russian_pdf_given_in_the_source(site, source):
    soup = site.html("index.html")
    pdf = [u for u in source.urls if u.endswith(".pdf")]
    assert pdf == ["https://www.ohchr.org/sites/default/files/Documents/Publications/NPM_Guide_RU.pdf"]
    links = [a for a in soup.select(".news-body a") if a.get("href") == pdf[0]]
    assert [normalise(a.get_text()) for a in links] == ["The role of national preventive mechanisms"]
    assert links[0].get("hreflang") == "ru"


def test_credit_line_stays_as_the_credit(site, source):
    soup = site.html("index.html")
    credit = source.paragraphs[-1]
    assert credit.startswith("///nCa")
    assert normalise(soup.select_one(".news-body .credit").get_text()) == normalise(credit)


def test_source_box_names_the_publisher_and_links_the_original(site):
    box = site.html("index.html").select_one(".news-header .news-source")
    assert box is not None
    text = normalise(box.get_text())
    assert HOME["source"] in text
    assert HOME["in_cooperation_with"] in text
    assert [a["href"] for a in box.select("a")] == [ORIGINAL]


def test_footer_credits_the_source_of_the_news_report(site):
    footer = site.html("index.html").select_one(".md-footer .md-copyright__source")
    assert footer is not None
    assert HOME["source"] in footer.get_text()
    assert [a["href"] for a in footer.select("a")] == [ORIGINAL]


def test_article_and_explainer_link_to_each_other(site):
    home, explainer = site.url, site.url + "opcat/"
    from_home = {site.resolve("index.html", a["href"]) for a in site.html("index.html").select(".news-body a")}
    from_explainer = {
        site.resolve("opcat/index.html", a["href"]) for a in site.html("opcat/index.html").select("article a")
    }
    assert explainer in from_home
    assert home in from_explainer
