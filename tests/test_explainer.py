"""The explainer: small, built from the fact sheet's VERIFIED entries, every fact sourced."""

import re
from urllib.parse import urlsplit

import pytest

from support import ADOPTED, EDITIONS, FACT_SHEET, IN_FORCE, fact_sheet_date, fact_sheet_entries, normalise, written_date

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
        # The count and its month as the fact sheet gives them ({count}, {month}, {year}).
        "party_count": r"\b{count} States parties in {month} {year}\b",
        "date_source": "comes from secondary sources",
        # The reading speed the time the home page promises is reckoned at: the
        # average silent reading speed of adults reading non-fiction, in words per
        # minute (Trauzettel-Klosinski et al., "Standardized assessment of reading
        # performance: the new International Reading Speed Texts IReST", 2012:
        # English 228, Russian 184). A reader of average speed finishes in the time said.
        "words_per_minute": 228,
        # How the home page's link to the explainer says the reading time ("a
        # five-minute explainer"), and the number words it may use.
        "reading_time": r"\b(\w+)-minute\b",
        "numbers": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                    "ten": 10},
        "kyrgyz_years": "2012 to 2025",
        "abolished": "abolished the Centre",
        # The sheet verifies "June 1999", not a day (its "Read first", item 2).
        "turkmenistan": ["June 1999", "accession"],
        "not_a_party": "not a party to OPCAT",
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
        # The month is in the prepositional case («в июне»), which the sheet does not give.
        "party_count": r"В \w+ {year} года его участниками были {count} государств",
        "date_source": "взята из вторичных источников",
        "words_per_minute": 184,
        "reading_time": r"\b(\w+)\s+минут",  # «чтение займёт около пяти минут»
        "numbers": {"двух": 2, "трёх": 3, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8,
                    "девяти": 9, "десяти": 10},
        "kyrgyz_years": "2012–2025",
        "abolished": "упразднил Центр",
        "turkmenistan": ["в июне 1999 года", "присоединения"],
        "not_a_party": "не был участником ФП КПП",
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
    # The sheet's dated count (section 1): "As of June 2024, 94 parties".
    month, year, count = re.search(r'"As of (\w+) (\d{4}), (\d+) parties', FACT_SHEET.read_text(encoding="utf-8")).groups()
    pattern = EXPECTED[lang]["party_count"].format(count=count, month=month, year=year)
    assert re.search(pattern, text), f"the explainer does not give the sheet's count of {count} in {month} {year}"
    untc = explainer(site, lang).select_one(".footnote li[id^='fn:untc']")
    assert EXPECTED[lang]["date_source"] in normalise(untc.get_text())


def promised_minutes(site, lang):
    """The reading time the home page promises next to its link to the explainer."""
    home = site.html(EDITIONS[lang] + "index.html")
    notes = [normalise(a.find_parent("p").get_text()) for a in home.select(".news-body a[href]")
             if a["href"].rstrip("/").endswith("opcat")]
    assert notes, "the home page no longer links the explainer"
    found = [m.group(1) for note in notes for m in re.finditer(EXPECTED[lang]["reading_time"], note)]
    assert len(found) == 1, f"the home page's link to the explainer says no reading time, or more than one: {notes}"
    number = found[0]
    assert number.isdigit() or number in EXPECTED[lang]["numbers"], f"a number this test cannot read: {number!r}"
    return int(number) if number.isdigit() else EXPECTED[lang]["numbers"][number]


@LANGS
def test_explainer_reads_in_the_time_the_home_page_promises(site, lang):
    """The cap is the promise times the reading speed (EXPECTED's words_per_minute):
    a longer explainer, or a shorter promise, fails."""
    soup = explainer(site, lang)
    for unread in soup.select(".footnote, [hidden]"):  # footnotes, and the terms' hidden definitions
        unread.decompose()
    words = len(soup.select_one("article").get_text().split())
    minutes = promised_minutes(site, lang)
    limit = minutes * EXPECTED[lang]["words_per_minute"]
    assert words <= limit, (f"{words} words is more than the {minutes}-minute read the home page promises "
                            f"({limit} words at {EXPECTED[lang]['words_per_minute']} a minute)")


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


def section_text(site, lang, heading):
    """The text under the explainer's one heading (h2 or h3) whose id is `heading` or
    whose text contains it, up to the next heading, without footnote numbers."""
    article = explainer(site, lang).select_one("article")
    for ref in article.select("sup"):
        ref.decompose()
    found = [h for h in article.select("h2, h3") if h.get("id") == heading or normalise(heading) in normalise(h.get_text())]
    assert len(found) == 1, f"{len(found)} headings of the explainer are {heading!r}"
    parts = []
    for sibling in found[0].find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name):
            break
        parts.append(normalise(sibling.get_text()))
    return " ".join(parts)


# The fact sheet's entry on the Kyrgyz law: its adoption, and the day it took effect
# (what ended the Centre; "Read first", item 1, and section 3).

@LANGS
def test_kyrgyz_centre_is_presented_as_abolished_in_2025(site, lang):
    """Under the Kyrgyz heading: adopted on the sheet's day, the Centre abolished, and
    the law in force from the sheet's day, each day written as the edition writes dates."""
    text = section_text(site, lang, EXPECTED[lang]["kyrgyz_years"])
    adopted = written_date(lang, fact_sheet_date(ADOPTED))
    in_force = written_date(lang, fact_sheet_date(IN_FORCE))
    for words in (adopted, EXPECTED[lang]["abolished"], in_force):
        assert words in text, f"the Kyrgyz section does not say {words!r}: {text}"
    assert text.index(adopted) < text.index(EXPECTED[lang]["abolished"]) < text.index(in_force), text


# The day of Turkmenistan's fourth review (section 4 of the sheet).
UPR_REVIEW = r"4th-cycle review on \w+ (\d{1,2} \w+ \d{4})"


@LANGS
def test_turkmenistan_section_dates_its_facts_and_says_accession(site, lang):
    from support import front_matter
    text = section_text(site, lang, EXPECTED[lang]["section"])
    for phrase in EXPECTED[lang]["turkmenistan"]:
        assert phrase in text, f"the Turkmenistan section does not say {phrase!r}"
    assert written_date(lang, fact_sheet_date(UPR_REVIEW)) in text, "the UPR review is not given the sheet's day"
    # Not a party on the day of the news report (the report's own date, its front matter).
    report_day = written_date(lang, front_matter(lang)["date"])
    sentences = [s for s in re.split(r"(?<=[.;])\s+", text) if report_day in s]
    assert any(EXPECTED[lang]["not_a_party"] in s for s in sentences), \
        f"no sentence says Turkmenistan was {EXPECTED[lang]['not_a_party']!r} on {report_day}: {sentences}"
