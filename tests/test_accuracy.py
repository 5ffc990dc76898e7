"""The second accuracy pass (issue 24): the explainer says no more than its sources,
says what its facts were checked against, attributes what it quotes, cites each
statement with a note of its own, and the Russian edition is written and set as a
Russian publisher would. Each test failed on the text before that pass."""

import re

import pytest

from conftest import EDITIONS, ROOT, edition_config, labels, normalise

LANGS = pytest.mark.parametrize("lang", EDITIONS)


def explainer(site, lang):
    return site.html(EDITIONS[lang] + "opcat/index.html")


def body_text(site, lang):
    article = explainer(site, lang).select_one("article")
    for unread in article.select(".footnote, [hidden], sup, .headerlink"):
        unread.decompose()
    return normalise(article.get_text())


def table_row(site, lang, first_article):
    for row in explainer(site, lang).select("article table tbody tr"):
        if row.td.get_text(strip=True).startswith(first_article):
            return normalise(row.get_text(" "))
    raise AssertionError(f"no row for Article {first_article}")


SAID = {
    "en": {
        "article_20": ["number of people deprived of liberty", "number and location of places of detention",
                       "their treatment and conditions"],
        "accession": "would most likely be an accession, unless it signs first",
        "attributed": r"Ulugbek Azimov said there that it \"is actively considering",
        "kyrgyz_order": ["25 June 2025", "dismayed", "3 October 2025"],
        "description": "Kazakhstan, Kyrgyzstan and Turkmenistan",
        "plain": ["the UN standards for national human rights institutions", "peer review of States",
                  "part of the UN Committee against Torture, which monitors the Convention",
                  "privileged (protected from disclosure)"],
        "checked": "archived",
    },
    "ru": {
        "article_20": ["числе лишённых свободы лиц", "числе и расположении мест содержания под стражей",
                       "обращении с этими лицами и условиях их содержания"],
        "accession": "скорее всего, станет присоединением, если он не подпишет его сначала",
        "attributed": r"как сказал в новости Улугбек Азимов, он «активно рассматривает",
        "kyrgyz_order": ["25 июня 2025", "встревожен", "3 октября 2025"],
        "description": "Казахстане, Кыргызстане и Туркменистане",
        "plain": ["стандарты ООН для национальных правозащитных учреждений",
                  "Совет ООН по правам человека рассматривает положение в каждом государстве",
                  "при Комитете ООН против пыток, следящем за выполнением Конвенции",
                  "является привилегированной (не подлежит разглашению)"],
        "checked": "архивн",
    },
}


@LANGS
def test_article_20_is_stated_as_the_protocol_words_it(site, lang):
    row = table_row(site, lang, "19")
    for words in SAID[lang]["article_20"]:
        assert words in row, words
    assert "all information on the people" not in row and "всей информации о лишённых" not in row


@LANGS
def test_the_check_date_says_what_the_facts_were_checked_against(site, lang):
    checked = normalise(explainer(site, lang).select_one(".page-checked").get_text())
    assert SAID[lang]["checked"] in checked and labels(lang)["facts_checked"] in checked


@LANGS
def test_the_page_promises_no_more_than_it_gives(site, lang):
    text = body_text(site, lang)
    assert "each count gives its date" not in text and "для каждого количественного показателя" not in text
    description = " ".join(explainer(site, lang).select_one('meta[name="description"]')["content"].split())
    assert SAID[lang]["description"] in description and "Central Asia" not in description
    assert "Центральной Азии" not in description


@LANGS
def test_joining_without_signature_is_hedged_as_the_sheet_allows(site, lang):
    assert SAID[lang]["accession"] in body_text(site, lang)


@LANGS
def test_the_quoted_consideration_is_azimovs_not_ncas(site, lang):
    assert re.search(SAID[lang]["attributed"], body_text(site, lang).replace("“", '"').replace("”", '"'))


@LANGS
def test_the_kyrgyz_events_stand_in_their_order(site, lang):
    text = body_text(site, lang)
    places = [text.index(words) for words in SAID[lang]["kyrgyz_order"]]
    assert places == sorted(places), places


@LANGS
def test_terms_a_reader_may_not_know_are_explained_where_they_first_appear(site, lang):
    text = body_text(site, lang)
    for words in SAID[lang]["plain"]:
        assert words in text, words


@LANGS
def test_no_sentence_of_the_table_runs_over_35_words(site, lang):
    for row in explainer(site, lang).select("article table tbody tr"):
        for sentence in re.split(r"(?<=[.;])\s+", normalise(row.select("td")[1].get_text(" "))):
            assert len(sentence.split()) <= 35, sentence


UNTC_STATUS = "treaties.un.org/doc/Publication/MTDSG"


@LANGS
def test_the_treatys_text_is_cited_to_the_text_and_the_count_to_the_status_page(site, lang):
    soup = explainer(site, lang)
    text_note = soup.select_one(".footnote li[id='fn:text']")
    assert UNTC_STATUS not in str(text_note), "the text's note points at the status page"
    assert UNTC_STATUS in str(soup.select_one(".footnote li[id='fn:untc']"))


@LANGS
def test_no_two_sentences_in_a_row_cite_the_same_note(site, lang):
    for paragraph in explainer(site, lang).select("article p"):
        notes = [a["href"] for a in paragraph.select("a.footnote-ref")]
        assert all(a != b for a, b in zip(notes, notes[1:])), normalise(paragraph.get_text())


@LANGS
def test_the_requirement_of_npms_has_its_own_citation(site, lang):
    for paragraph in explainer(site, lang).select("article p"):
        text = normalise(paragraph.get_text())
        if text.startswith(("The Optional Protocol", "Факультативный протокол")):
            # Its first sentence ends with a note number: "... (Articles 3 and 17).2 The ..."
            assert re.match(r"[^.]*\.\d+ ", text), f"no note of its own: {text[:200]}"
            return
    raise AssertionError("the paragraph on what OPCAT requires is gone")


@LANGS
def test_a_quoted_title_is_quoted_whole_and_a_translated_one_says_its_language(site, lang):
    for note in explainer(site, lang).select(".footnote li"):
        text = normalise(note.get_text())
        assert "Switzerland becomes 50th State Party to the Optional Protocol\"" not in text
        if lang == "ru" and "«" in text and "/en" in " ".join(a["href"] for a in note.select("a[href]")):
            assert "на английском языке" in text, text


def test_the_english_news_page_says_a_linked_pdf_is_in_russian(site):
    link = site.html("index.html").select_one(".news-body a[href$='NPM_Guide_RU.pdf']")
    assert link["hreflang"] == "ru" and not link.get("lang")
    css = (ROOT / "overrides/assets/stylesheets/site.css").read_text(encoding="utf-8")
    assert re.search(r'html:lang\(en\)[^{]*\[hreflang="ru"\]\[type="application/pdf"\][^{]*\{\s*content: '
                     r'"\\00a0\(PDF, in Russian\)"', css)


# --- Russian --------------------------------------------------------------------------

RUSSIAN_CALQUES = ["задержанными наедине", "присоединился к ФП КПП", "обязательства в отношении посещений ППП",
                   "мест лишения свободы Франции", "Закон о НПМ принят", "может обращаться в ППП",
                   "за сообщение НПМ информации", "давать замечания по законам", "НПМ из нескольких органов",
                   "Четвёртый Универсальный", "Универсальный периодический обзор (УПО)"]


def test_the_russian_explainer_is_free_of_the_calques_a_un_translator_marks(site):
    text = body_text(site, "ru")
    found = [calque for calque in RUSSIAN_CALQUES if calque in text]
    assert not found, found
    for wanted in ("лишёнными свободы лицами без свидетелей", "стал участником ФП КПП",
                   "либо по части III (посещения ППП), либо по части IV (НПМ)", "Закона о НПМ от 2 июля 2013 года",
                   "поддерживать контакты с ППП и встречаться с ним", "рамках четвёртого цикла универсального"):
        assert wanted in text.replace("\u00a0", " ") or wanted in text, wanted
    assert not re.search(r"как правило(?!,)", text), "«как правило» without its comma"


def test_russian_names_and_descriptions_are_the_ones_russian_readers_know():
    glossary = (ROOT / "docs/glossary/ru.md").read_text(encoding="utf-8")
    assert "*[АПП]: Ассоциация по предупреждению пыток" in glossary
    assert "*[УПО]: универсальный периодический обзор" in glossary
    russian = edition_config("ru")
    assert "к Факультативному протоколу к" not in russian.site_description
    assert "справк" in russian.copyright and "пояснени" not in russian.copyright


# --- Typography -------------------------------------------------------------------------

MONTHS = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
# What Russian typography never lets a line split, as a reader would find it on a page.
SPLIT_BY_AN_ORDINARY_SPACE = {
    "a dash after an ordinary space": r"[ \t\n][—–]",
    "a number apart from its month": rf"\d[ \t\n]+{MONTHS}\b",
    "a year apart from «год»": r"\d[ \t\n]+год(?:а|у|ы|ом|ов|ах)?\b",
    "«№» apart from its number": r"№[ \t\n]*\d",
    "an initial apart from its surname": r"\b[А-ЯЁ]\.[ \t\n]+[А-ЯЁ][а-яё]",
}


def visible_text(soup):
    """Every word a reader can see on the page (navigation and contents included), code aside."""
    for code in soup.select("code, pre, script, style"):
        code.decompose()
    return soup.body.get_text()


def edition_pages(site, lang):
    pages = [path.relative_to(site.root).as_posix() for path in site.pages()]
    if lang == "ru":
        return [page for page in pages if page.startswith("ru/")]
    return [page for page in pages if not page.startswith(tuple(prefix for prefix in EDITIONS.values() if prefix))]


def test_every_russian_page_sets_no_break_spaces_as_russian_typography_does(site):
    pages = edition_pages(site, "ru")
    assert len(pages) >= 4, pages
    joined = 0
    for page in pages:
        text = visible_text(site.html(page))
        for what, pattern in SPLIT_BY_AN_ORDINARY_SPACE.items():
            found = re.search(rf".{{0,30}}{pattern}.{{0,10}}", text)
            assert not found, f"{page}: {what}: {found.group()!r}"
        joined += "\u00a0—" in text
    assert joined >= 2, "no Russian page sets a dash after a no-break space: is the typography still built?"


def test_the_russian_typography_is_the_russian_editions_alone(site):
    """The English pages keep their ordinary spaces; the Russian pages keep every
    extension the English edition lists (INHERIT merges markdown_extensions)."""
    for page in edition_pages(site, "en"):
        assert not re.search(r"\u00a0[—–]", visible_text(site.html(page))), page
    russian = site.html("ru/opcat/index.html")
    english = site.html("opcat/index.html")
    for mark in ("abbr[data-title]", ".footnote li[id^='fn:']", "a.headerlink", "table td", "a[hreflang]"):
        assert russian.select(mark) and english.select(mark), mark
    news = site.html("ru/index.html")
    assert news.select(".news-body figure figcaption") and news.select(".admonition"), "captions or admonitions are gone"
    assert "«Омбудсмен плюс»" in russian.get_text()


def test_the_english_pages_set_one_style_of_quotation_marks(site):
    for page in edition_pages(site, "en"):
        soup = site.html(page)
        if not soup.select_one("article"):
            continue
        text = visible_text(soup)
        assert '"' not in text and "'" not in text, f"{page}: straight quotation marks beside curly ones"
    assert "“" in visible_text(explainer(site, "en"))
