"""The explainer: small, built from the fact sheet's VERIFIED entries, every fact sourced."""

import re
from urllib.parse import urlsplit

import pytest

from support import EDITIONS, FACT_SHEET, normalise

# The primary sources the fact sheet allows citing ("Cite primary sources on the page").
PRIMARY_HOSTS = {
    "ohchr.org", "treaties.un.org", "apt.ch", "npmtoolkit.apt.ch", "turkmenistan.un.org",
    "un-ilibrary.org", "newscentralasia.net", "cglpl.fr", "nationalpreventivemechanism.org.uk",
    # Kyrgyzstan's news agency reported the closure of the National Centre itself; the
    # sheet's other sources for it are reprints, which it says are not for citing.
    "24.kg",
    # Turkmenistan's Ombudsperson: the sheet's sources for its safe wording (RFE/RL's
    # Turkmen service and the Asia Pacific Forum of NHRIs); no official one is on it.
    "azathabar.com", "asiapacificforum.net",
}
# Reprints, cited only where the sheet has no original, and named as reprints.
REPRINT_HOSTS = {"miragenews.com"}


# What differs between the editions' explainers: the words the checks look for.
EXPECTED = {
    "en": {
        "further_reading": "further-reading",
        "count": r"\b\d+\s+(?:States parties|States|parties|members|bodies|recommendations|"
                 r"signatories|experts|were designated)\b|\b(?:grew|enlargement) to \d+",
        "party_count": r"\b94 States parties in June 2024\b",
        "date_source": "comes from secondary sources",
        # Average silent reading speed of non-fiction, words per minute
        # (Trauzettel-Klosinski et al., 2012: English 228, Russian 184).
        "words_per_minute": 228,
        "kyrgyz_years": "2012 to 2025",
        "abolished": "abolished the Centre",
        "turkmenistan": ["June 1999", "6 November 2023", "not a party to OPCAT", "accession"],
        "section": "where-turkmenistan-stands",
        # "Has not signed" is INFERRED in the fact sheet: every sentence that says
        # Turkmenistan has not signed says it with a hedge.
        "signing": r"\bsign",
        "hedge": r"appears not to have signed|has indeed not signed",
        "reprint": "as reprinted by",
    },
    "ru": {
        "further_reading": "дополнительные-материалы",
        "count": r"\b\d+\s+(?:государств|членов|органов|рекомендаций|участник|из них)\w*|\bдо \d+\b",
        "party_count": r"В июне 2024 года его участниками были 94 государства",
        "date_source": "взята из вторичных источников",
        "words_per_minute": 184,
        "kyrgyz_years": "2012–2025",
        "abolished": "упразднил Центр",
        "turkmenistan": ["в июне 1999 года", "6 ноября 2023 года", "не был участником ФП КПП", "присоединения"],
        "section": "положение-туркменистана",
        "signing": r"подпис",
        "hedge": r"по-видимому, не подписал|действительно не подписывал",
        "reprint": "в перепечатке",
    },
}
LANGS = pytest.mark.parametrize("lang", EDITIONS)


def explainer(site, lang):
    return site.html(EDITIONS[lang] + "opcat/index.html")


def footnotes(site, lang):
    notes = explainer(site, lang).select(".footnote li")
    assert notes, "the explainer has no footnotes"
    return notes


def cited_urls(note):
    return [a["href"] for a in note.select("a") if not "footnote-backref" in a.get("class", [])]


def fact_sheet_entries():
    """The sheet's entries: a table row, or a list item with its indented lines."""
    entries = []
    for line in FACT_SHEET.read_text(encoding="utf-8").splitlines():
        if entries and line.startswith(" ") and line.strip():
            entries[-1] += " " + line.strip()
        else:
            entries.append(line)
    return entries


def fact_sheet_lines_with(url):
    variants = {url, url.replace("https://", "http://", 1)}
    return [entry for entry in fact_sheet_entries() if any(v in entry for v in variants)]


@LANGS
def test_every_footnote_cites_an_https_primary_source(site, lang):
    for note in footnotes(site, lang):
        urls = [u for u in cited_urls(note) if u.startswith(("http:", "https:"))]
        assert urls, f"footnote without a source address: {normalise(note.get_text())}"
        for url in urls:
            parts = urlsplit(url)
            assert parts.scheme == "https", f"not https: {url}"
            host = parts.hostname.removeprefix("www.")
            if host in REPRINT_HOSTS:
                assert EXPECTED[lang]["reprint"] in normalise(note.get_text()), f"a reprint not named as such: {url}"
                continue
            assert host in PRIMARY_HOSTS, f"not a primary source the fact sheet allows: {url}"


@LANGS
def test_every_cited_address_is_verified_in_the_fact_sheet_or_given_by_the_article(site, lang):
    article_links = {a["href"] for a in site.html("index.html").select(".news-body a")}
    article_links.add(site.html("index.html").select_one(".news-source a")["href"])
    soup = explainer(site, lang)
    for a in soup.select("article a[href^='http']"):
        url = a["href"]
        if url in article_links:
            continue
        lines = fact_sheet_lines_with(url)
        assert lines, f"{url} is not in the fact sheet"
        assert any("VERIFIED" in line for line in lines), f"{url}: the fact sheet does not mark it VERIFIED"


@LANGS
def test_every_statement_of_fact_carries_a_footnote(site, lang):
    """Each paragraph and list item of the fact sections cites its source; only a
    lead-in ending in a colon and the "Further reading" list are exempt."""
    article = explainer(site, lang).select_one("article")
    checked = 0
    for heading in article.select("h2"):
        if heading.get("id") == EXPECTED[lang]["further_reading"]:
            continue
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2" or "footnote" in sibling.get("class", []):
                break
            blocks = [sibling] if sibling.name == "p" else sibling.select("li")
            for block in blocks:
                text = normalise(block.get_text())
                if text.endswith(":"):
                    continue
                assert block.select("a.footnote-ref"), f"a statement without its source: {text}"
                checked += 1
    assert checked >= 10


@LANGS
def test_every_count_gives_its_date(site, lang):
    article = explainer(site, lang).select_one("article")
    for ref in article.select("sup"):  # footnote numbers are not dates
        ref.decompose()
    text = normalise(article.get_text())
    count = re.compile(EXPECTED[lang]["count"])
    counted = [s for s in re.split(r"(?<=[.;])\s+", text) if count.search(s)]
    assert counted, "the explainer gives no counts: has the count wording changed?"
    for sentence in counted:
        assert re.search(r"\b(19|20)\d\d\b", sentence), f"a count without its date: {sentence}"


@LANGS
def test_party_count_is_dated_and_says_where_its_date_comes_from(site, lang):
    """The UN Treaty Collection's archived page gives the count undated: the date
    is the fact sheet's secondary source's, and the footnote says so."""
    text = normalise(explainer(site, lang).get_text())
    assert re.search(EXPECTED[lang]["party_count"], text)
    untc = explainer(site, lang).select_one(".footnote li[id^='fn:untc']")
    assert EXPECTED[lang]["date_source"] in normalise(untc.get_text())


# The English explainer was made plainer without growing: it had 978 words then.
WORDS_BEFORE_THE_PLAIN_REWRITE = {"en": 978}


@LANGS
def test_explainer_reads_in_five_minutes(site, lang):
    soup = explainer(site, lang)
    for unread in soup.select(".footnote, [hidden]"):  # footnotes, and the terms' hidden definitions
        unread.decompose()
    words = len(soup.select_one("article").get_text().split())
    limit = min(5 * EXPECTED[lang]["words_per_minute"], WORDS_BEFORE_THE_PLAIN_REWRITE.get(lang, 10**6))
    assert words <= limit, f"{words} words is more than a five-minute read ({limit})"


@LANGS
def test_articles_17_to_24_are_a_table_of_at_most_six_rows(site, lang):
    rows = explainer(site, lang).select("article table tbody tr")
    articles = []
    for row in rows:
        first, _, last = row.select_one("td").get_text(strip=True).partition("–")
        articles.extend(range(int(first), int(last or first) + 1))
    assert articles == list(range(17, 25)) and len(rows) <= 6


@LANGS
def test_the_table_does_not_say_must_of_what_may_be(site, lang):
    """Article 24 lets a State postpone: a "may" under no "must" header."""
    header = normalise(explainer(site, lang).select_one("article table thead").get_text())
    assert not re.search(r"must|должн", header), header


@LANGS
def test_turkmenistan_not_having_signed_is_hedged_alike_in_both_editions(site, lang):
    """The fact sheet marks "has not signed" INFERRED: no edition may state it flat."""
    article = explainer(site, lang).select_one("article")
    for ref in article.select("sup"):  # footnote numbers would glue the sentences together
        ref.decompose()
    section = article.find("h2", id=EXPECTED[lang]["section"])
    text = " ".join(normalise(p.get_text()) for p in section.find_next_siblings("p"))
    sentences = [s for s in re.split(r"(?<=[.;])\s+", text) if re.search(EXPECTED[lang]["signing"], s)
                 and not re.search(r"Article 27|Статья 27", s)]
    assert len(sentences) == 2, sentences
    for sentence in sentences:
        assert re.search(EXPECTED[lang]["hedge"], sentence), f"stated without a hedge: {sentence}"


@LANGS
def test_kyrgyz_centre_is_presented_as_abolished_in_2025(site, lang):
    headings = [h.get_text() for h in explainer(site, lang).select("article h3")]
    assert any(EXPECTED[lang]["kyrgyz_years"] in h for h in headings)
    text = normalise(explainer(site, lang).get_text())
    assert EXPECTED[lang]["abolished"] in text and "3 " in text


@LANGS
def test_turkmenistan_section_dates_its_facts_and_says_accession(site, lang):
    text = normalise(explainer(site, lang).get_text())
    for phrase in EXPECTED[lang]["turkmenistan"]:
        assert phrase in text
