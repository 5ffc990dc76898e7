"""The checks an editor's mistake meets (checks/), called directly with small inputs:
a fields dict, a text, a configuration dict. Each says, in one sentence, which file
(with its edition's folder) and what to write. A few of them are also tried end to
end through ./dev build (test_editor_mistakes.py and test_growing_publication.py)."""

import re
import sys

import markdown
import pytest
import yaml

from checks import SourceError, load_config
from checks import content, editions, front_matter
from support import ROOT


def config(lang="en", root=ROOT):
    return load_config(root / ("mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml"))


def check_fields(fields, src="news/item.md", lang="en"):
    front_matter.check_fields(fields, f"docs/{lang}/{src}", src, config(lang))


NEWS = {"template": "news.html", "title": "A title", "description": "x" * 60}
ITEM = {**NEWS, "date": "2025-02-21", "source": "nCa", "source_url": "https://example.org/a/"}


# --- Front matter fields and values --------------------------------------------------

def test_a_misspelt_field_is_refused_with_the_field_it_resembles():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: front matter field 'sorce' is not one the "
                                          r"site knows, so it would be ignored; did you mean 'source'\?"):
        check_fields({**NEWS, "sorce": "nCa"})


def test_every_field_the_editors_use_is_known():
    for lang in ("en", "ru"):
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            src = path.relative_to(ROOT / "docs" / lang).as_posix()
            fields, _ = front_matter.read(path, f"docs/{lang}/{src}")
            check_fields(fields, src=src, lang=lang)


def test_a_layout_that_does_not_exist_is_refused_naming_the_one_there_is():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: front matter field 'template' is "
                                          r"'article\.html', not a layout the site has; write template: news\.html"):
        check_fields({**NEWS, "template": "article.html"})


def test_the_news_page_has_its_own_layout_and_no_other_page_has_it():
    check_fields({"template": "news-index.html", "title": "News", "description": "x" * 60}, src="news.md")
    with pytest.raises(SourceError, match=r"^docs/ru/opcat\.md: front matter field 'template' is news-index\.html, "
                                          r"the News page's layout, which only docs/<lang>/news\.md has"):
        check_fields({"template": "news-index.html", "title": "News", "description": "x" * 60},
                     src="opcat.md", lang="ru")


def test_a_page_in_news_that_is_not_a_news_item_is_refused():
    with pytest.raises(SourceError, match=r"^docs/ru/news/notes\.md: the page is in news/ but is not a news item"):
        check_fields({"title": "Notes", "description": "x" * 60}, src="news/notes.md", lang="ru")


def test_a_news_item_without_its_layout_is_refused_wherever_it_is():
    with pytest.raises(SourceError, match=r"^docs/en/report\.md: the page has date, source_url but is not a news "
                                          r"item, so no News page or feed would list it"):
        check_fields({"title": "A report", "description": "x" * 60, "date": "2026-11-20",
                      "source_url": "https://example.org/a/"}, src="report.md")


def test_an_ordinary_page_outside_news_needs_no_layout():
    check_fields({"title": "Notes", "description": "x" * 60}, src="notes.md")


@pytest.mark.parametrize("lang, value", [("ru", "ru"), ("en", "english"), ("en", "EN")])
def test_translated_from_names_a_language_the_site_can_name_other_than_its_own(lang, value):
    with pytest.raises(SourceError, match=rf"docs/{lang}/news/item\.md: front matter field 'translated_from' is "
                                          rf"'{value}'; write the code of the original's language, one of: "):
        check_fields({**NEWS, "translated_from": value}, lang=lang)


def test_translated_from_another_language_of_the_site_passes():
    check_fields({**NEWS, "translated_from": "en"}, lang="ru")


# --- A whole page: front matter and text ----------------------------------------------------

def check_page(fields, body="The text.\n", src="news/item.md"):
    return front_matter.check_page(fields, body, f"docs/en/{src}", src, config())


def test_a_news_item_is_read_with_its_dates_as_dates():
    fields = check_page({**ITEM, "updated": "2025-03-01"})
    assert fields["date"].isoformat() == "2025-02-21" and fields["updated"].isoformat() == "2025-03-01"


@pytest.mark.parametrize("change, expected", [
    pytest.param({"title": ""}, r"front matter field 'title' is missing or empty", id="no title"),
    pytest.param({"title": 2025}, r"front matter field 'title' is not text", id="title a number"),
    pytest.param({"description": "Too short."}, r"front matter field 'description' has 10 characters; write 50 "
                                                r"to 160", id="short description"),
    pytest.param({"description": "x" * 161}, r"front matter field 'description' has 161 characters", id="long description"),
    pytest.param({"date": None}, r"front matter field 'date' is 'None'; write it as YYYY-MM-DD", id="empty date"),
    pytest.param({"source": ""}, r"front matter field 'source' is missing or empty", id="no source"),
    pytest.param({"source_url": "http://example.org/"}, r"front matter field 'source_url' is "
                                                        r"'http://example\.org/'; write the original's https://",
                 id="http source"),
    pytest.param({"updated": "2025-02-20"}, r"front matter field 'updated' is 2025-02-20, before the item's date "
                                            r"2025-02-21", id="updated before date"),
    pytest.param({"draft": "yes please"}, r"front matter field 'draft' is 'yes please'; write draft: true",
                 id="draft not a boolean"),
    pytest.param({"source": "FILL IN the publisher"}, r"front matter field 'source' still says 'FILL IN the "
                                                      r"publisher'; write it, or keep the page unpublished",
                 id="placeholder in a field"),
])
def test_a_news_item_written_wrong_is_refused_naming_the_field(change, expected):
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: " + expected):
        check_page({**ITEM, **change})


@pytest.mark.parametrize("field, expected", [
    ("source", r"'source' is missing or empty; expected the publisher's name"),
    ("source_url", r"'source_url' is missing or empty; expected the https address of the original article"),
])
def test_a_news_item_without_its_source_is_refused_naming_the_field(field, expected):
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: front matter field " + expected):
        check_page({key: value for key, value in ITEM.items() if key != field})


def test_a_source_address_with_a_quote_is_refused_before_it_reaches_a_page():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: front matter field 'source_url' is "
                                          r"'https://example\.org/a\" onmouseover=\"x'; write the original's https:// "
                                          r"address as the browser shows it, without spaces or quotes"):
        check_page({**ITEM, "source_url": 'https://example.org/a" onmouseover="x'})


def test_an_ordinary_page_without_a_title_is_refused():
    with pytest.raises(SourceError, match=r"^docs/en/opcat\.md: front matter field 'title' is missing or empty"):
        check_page({"description": "x" * 60}, src="opcat.md")


def test_a_page_with_nothing_below_its_front_matter_is_empty():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: the page has no text below its front matter"):
        check_page(ITEM, "")


def test_a_news_item_without_a_date_is_refused():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: front matter field 'date' is missing; a news "
                                          r"item needs its publication date as YYYY-MM-DD"):
        check_page({key: value for key, value in ITEM.items() if key != "date"})


@pytest.mark.parametrize("value, expected", [
    pytest.param("2025-2-5", r"'date' is '2025-2-5'; write it as YYYY-MM-DD", id="format"),
    pytest.param("21.02.2025", r"'date' is '21\.02\.2025'; write it as YYYY-MM-DD", id="another format"),
    pytest.param("2025-02-30", r"'date' is 2025-02-30, not a real calendar date", id="no such day"),
    pytest.param("2999-01-01", r"'date' is 2999-01-01, in the future", id="future"),
    pytest.param("2024-13-01", r"'date' is 2024-13-01, not a real calendar date", id="no such month"),
])
def test_a_day_written_wrong_is_explained(value, expected):
    with pytest.raises(SourceError, match=r"^docs/en/a\.md: front matter field " + expected):
        front_matter.check_day(value, "docs/en/a.md", "date")


def test_a_day_with_a_time_is_refused_with_the_day_alone():
    import datetime
    with pytest.raises(SourceError, match=r"'date' is 2025-02-21 10:00, a date with a time; write the day alone, "
                                          r"as 2025-02-21"):
        front_matter.check_day(datetime.datetime(2025, 2, 21, 10), "docs/en/a.md", "date")


def test_a_day_three_days_ahead_is_in_the_future():
    import datetime
    day = datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=3)
    with pytest.raises(SourceError, match=rf"^docs/en/a\.md: front matter field 'date' is {day}, in the future"):
        front_matter.check_day(day, "docs/en/a.md", "date")


def test_today_anywhere_on_earth_is_not_in_the_future():
    import datetime
    front_matter.check_day(datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=1),
                           "docs/en/a.md", "date")


def test_a_placeholder_in_the_text_is_refused_unless_the_page_is_a_draft():
    body = "First line.\n\nFILL IN: the article.\n"
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: the text still holds 'FILL IN' at line 3, "
                                          r"column 1 of the text; write the article there"):
        check_page(ITEM, body)
    check_page({**ITEM, "draft": True, "source_url": "FILL IN the address"}, body)


def test_a_comment_never_closed_is_refused_with_its_line():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: the comment opened with <!-- at line 3, "
                                          r"column 1 of the text is never closed, so readers would see it"):
        check_page(ITEM, "Text.\n\n<!-- a note\n\nMore text.\n")
    check_page(ITEM, "Text.\n\n`<!--` opens a comment.\n")


def test_a_page_of_comments_alone_is_empty():
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: the page has no text below its front matter"):
        check_page(ITEM, "<!-- only a note -->\n\n")


# --- Reading a file -------------------------------------------------------------------------

def write(tmp_path, text, name="a.md"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_front_matter_is_read_with_yaml_types_and_the_text_below_it(tmp_path):
    fields, body = front_matter.read(write(tmp_path, "\ufeff---\ntitle: A\ndate: 2024-12-21\n---\n\nText.\n"), "a")
    assert fields == {"title": "A", "date": __import__("datetime").date(2024, 12, 21)} and body == "Text.\n"


def test_a_file_with_windows_line_endings_is_read_as_any_other(tmp_path):
    fields, body = front_matter.read(write(tmp_path, "---\r\ntitle: A\r\n---\r\n\r\nText.\r\nMore.\r\n"), "a")
    assert fields == {"title": "A"} and body == "Text.\nMore.\n"


@pytest.mark.parametrize("text, expected", [
    pytest.param("\n---\ntitle: A\n---\nText\n", r"the front matter must begin on the first line", id="blank line"),
    pytest.param("# Notes\n\nSome text.\n", r"no front matter; start the file with a --- block", id="none"),
    pytest.param("---\ntitle: [A\n---\nText\n", r"line \d of the front matter is not valid YAML", id="invalid"),
    pytest.param("---\ndate: 2025-02-30\n---\nText\n", r"front matter field 'date' is 2025-02-30, not a real "
                                                       r"calendar date", id="impossible date"),
    pytest.param("---\n- title\n---\nText\n", r"the front matter could not be read; check it is a list of "
                                              r"'field: value' lines", id="a list"),
    pytest.param(b"---\ntitle: A\n---\nCaf\xe9\n", r"byte 0xe9 on line 4 is not UTF-8 text", id="not UTF-8"),
    pytest.param("---\ntitle: A\n---\nText\x0c\x02\n", r"an invisible control character U\+0002 is at line 4, "
                                                       r"column 6", id="control character"),
])
def test_a_file_that_cannot_be_read_is_explained(tmp_path, text, expected):
    with pytest.raises(SourceError, match=r"^docs/en/a\.md: " + expected):
        front_matter.read(write(tmp_path, text), "docs/en/a.md")


# --- YAML mistakes ----------------------------------------------------------------------

def yaml_error(front: str) -> str:
    with pytest.raises(yaml.YAMLError) as error:
        yaml.load(front, Loader=yaml.BaseLoader)
    return front_matter.yaml_mistake(front, error.value)


@pytest.mark.parametrize("front, expected", [
    pytest.param("title: A title\ndescription:\tText\n", r"^line 3 holds a tab, .*replace it with spaces", id="tab"),
    pytest.param("title: Turkmenistan: a step\n", r"^line 2 has a colon followed by a space inside a value.*"
                                                  r"double quotes", id="colon"),
    pytest.param("title: 'Turkmenistan's step'\n", r"^line 2: the value is in single quotes and holds an apostrophe",
                 id="apostrophe in single quotes"),
    pytest.param('title: "The "first" step"\n', r'^line 2: the value is in double quotes and holds a double quote',
                 id="quote in double quotes"),
    pytest.param("title: [A title\n", r"^line \d of the front matter is not valid YAML", id="anything else"),
])
def test_a_yaml_mistake_is_explained_by_the_files_line_with_the_fix(front, expected):
    assert re.search(expected, yaml_error(front)), yaml_error(front)


# --- Editions and twins ----------------------------------------------------------------------

def test_an_item_reporting_the_same_original_under_another_name_is_a_misspelt_twin():
    with pytest.raises(SourceError, match=r"^docs/ru/news/2026-12-01-workshop\.md: docs/en/news/2026-12-01-worskhop\.md "
                                          r"reports the same original \(source_url\), so it is this item's twin"):
        editions.check_twin_name("docs/ru/news/2026-12-01-workshop.md", "news/2026-12-01-workshop.md",
                                 "https://example.org/a/", ["docs/en/news/2026-12-01-worskhop.md"])


def test_twins_under_the_same_name_report_the_same_original():
    editions.check_twin_name("docs/ru/news/a.md", "news/a.md", "https://example.org/a/", ["docs/en/news/a.md"])
    editions.check_twin_names({"en": {"news/a.md": ("docs/en/news/a.md", {"source_url": "https://example.org/a/"})},
                               "ru": {"news/a.md": ("docs/ru/news/a.md", {"source_url": "https://example.org/a/"})}})


def test_twin_names_are_compared_across_editions_only():
    pages = {"en": {"news/a.md": ("docs/en/news/a.md", {"source_url": "https://example.org/a/"}),
                    "news/b.md": ("docs/en/news/b.md", {"source_url": "https://example.org/a/"})},
             "ru": {"news/c.md": ("docs/ru/news/c.md", {"source_url": "https://example.org/a/"})}}
    with pytest.raises(SourceError, match=r"^docs/en/news/a\.md: docs/ru/news/c\.md reports the same original"):
        editions.check_twin_names(pages)


def test_a_page_straight_in_docs_is_refused_naming_the_editions_folder(project_files):
    (project_files / "docs" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"^docs/notes\.md is in no edition's folder, so it would not be "
                                          r"published; move it into docs/en/"):
        editions.check_loose_files(project_files)


@pytest.mark.parametrize("entry, expected", [
    pytest.param({"lang": "ru", "name": "Русский", "path": "ru/"}, r"extra\.editions\[1\] lacks config",
                 id="no config"),
    pytest.param({"lang": "ru", "name": "Русский", "path": "ru", "config": "mkdocs.ru.yml"},
                 r"extra\.editions\[1\]\.path is 'ru'; write the folder .* such as 'ru/'", id="path"),
    pytest.param({"lang": "ru", "name": "Русский", "path": "ru/", "config": "mkdocs.tk.yml"},
                 r"extra\.editions\[1\]\.config names mkdocs\.tk\.yml, which is not in the project", id="config"),
])
def test_an_edition_entry_written_wrong_is_refused(entry, expected):
    loaded = config()
    loaded["extra"]["editions"][1] = entry
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: " + expected):
        editions.check_editions(loaded, "mkdocs.yml", ROOT)


def test_the_first_edition_is_at_the_sites_root():
    loaded = config()
    loaded["extra"]["editions"][0]["path"] = "en/"
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: extra\.editions\[0\] is the edition at the site's root: "
                                          r"its path is \"\", not 'en/'"):
        editions.check_editions(loaded, "mkdocs.yml", ROOT)


def test_a_folder_of_pages_no_edition_lists_is_refused(project_files):
    loaded = config(root=project_files)
    del loaded["extra"]["editions"][1]
    with pytest.raises(SourceError, match=r"^docs/ru/ holds \d+ pages, but extra\.editions in mkdocs\.yml lists "
                                          r"no 'ru' edition"):
        editions.check_editions(loaded, "mkdocs.yml", project_files)


def test_an_editions_configuration_builds_its_own_folder(project_files):
    loaded = config("ru")
    editions.check_docs_dir(loaded, "mkdocs.ru.yml", ROOT, "ru")
    loaded["docs_dir"] = "docs/en"
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: docs_dir is 'docs/en'; write docs_dir: docs/ru, the "
                                          r"folder of the 'ru' edition"):
        editions.check_docs_dir(loaded, "mkdocs.ru.yml", ROOT, "ru")
    import shutil
    shutil.rmtree(project_files / "docs" / "ru")
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: the 'ru' edition's folder docs/ru/ is missing"):
        editions.check_docs_dir(config("ru"), "mkdocs.ru.yml", project_files, "ru")


def test_every_edition_is_named_in_each_editions_language():
    loaded = config("ru")
    del loaded["extra"]["labels"]["in_language"]["en"]
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: extra\.labels\.in_language has no entry for en"):
        editions.check_language_names(loaded, "mkdocs.ru.yml", loaded["extra"]["editions"], "ru")


def test_an_editions_interface_language_is_its_own():
    loaded = config("ru")
    loaded["theme"]["language"] = "en"
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: theme\.language is 'en', but extra\.editions says "
                                          r"this is the 'ru' edition; make them agree"):
        editions.check_edition_language(loaded, "mkdocs.ru.yml", "ru")


def test_an_interface_language_material_lacks_is_refused_with_where_to_add_it():
    loaded = config()
    loaded["theme"]["language"] = "tk"
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: theme\.language is 'tk', for which Material has no "
                                          r"interface translation; .* overrides/partials/languages/tk\.html"):
        editions.check_interface_language(loaded, "mkdocs.yml", editions.theme_folders(loaded, ROOT))


def test_an_interface_language_material_has_passes():
    loaded = config()
    loaded["theme"]["language"] = "uz"
    editions.check_interface_language(loaded, "mkdocs.yml", editions.theme_folders(loaded, ROOT))


def test_an_interface_translation_of_the_sites_own_passes(tmp_path):
    (tmp_path / "partials" / "languages").mkdir(parents=True)
    (tmp_path / "partials" / "languages" / "tk.html").write_text("", encoding="utf-8")
    editions.check_interface_language({"theme": {"language": "tk"}}, "mkdocs.yml", [tmp_path])


@pytest.mark.parametrize("text, expected", [
    pytest.param(None, r"^docs/glossary/en\.md: the glossary of the 'en' edition is missing", id="missing"),
    pytest.param("*[SPT]: Subcommittee\nSPT means the Subcommittee\n",
                 r"^docs/glossary/en\.md: line 2 is not an abbreviation; write it as \*\[ABBR\]: Its expansion",
                 id="not an abbreviation"),
    pytest.param(b"*[SPT]: Subcommittee\n*[UPR]: Universal \xff Periodic Review\n",
                 r"^docs/glossary/en\.md: byte 0xff on line 2 is not UTF-8 text", id="not UTF-8"),
])
def test_a_glossary_is_one_abbreviation_a_line(project_files, text, expected):
    glossary = project_files / "docs" / "glossary" / "en.md"
    glossary.unlink()
    if text is not None:
        glossary.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    with pytest.raises(SourceError, match=expected):
        editions.check_glossary(project_files, "en")


def test_the_sites_glossaries_pass():
    for lang in ("en", "ru"):
        assert editions.check_glossary(ROOT, lang).startswith("*[")


def test_publishing_without_the_published_address_is_refused():
    with pytest.raises(SourceError, match=r"^publishing needs the published address: run it as "
                                          r"SITE_URL=https://USER\.github\.io/REPO/ \./dev deploy"):
        editions.check_deploy_address({})
    with pytest.raises(SourceError):
        editions.check_deploy_address({"SITE_URL": ""})
    editions.check_deploy_address({"SITE_URL": "https://example.github.io/opcat/"})


# --- What a page may embed ------------------------------------------------------------------

@pytest.mark.parametrize("origin", ["http://img.example.org", "https://img.example.org/path", "img.example.org",
                                    "https://Img.Example.org"])
def test_an_embed_origin_is_an_https_origin_alone(origin):
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: extra\.embed_origins lists .*; write an origin alone"):
        content.check_embed_origins({"extra": {"embed_origins": [origin]}}, "mkdocs.yml")
    content.check_embed_origins({"extra": {"embed_origins": ["https://img.example.org/"]}}, "mkdocs.yml")


def raw(body, origins=()):
    content.check_raw_html(body, "docs/en/news/item.md", list(origins))


@pytest.mark.parametrize("body, expected", [
    pytest.param('Text.\n\n<script>alert(1)</script>\n', r"the text contains a <script>; the site runs no code "
                 r"written into a page\. Remove it \(near line 3 of the text, in a <script>\)", id="inline script"),
    pytest.param('<script src="https://example.org/x.js"></script>', r"the text contains a <script>", id="foreign script"),
    pytest.param('<style>p {}</style>', r"the text contains a <style> block; put styles in overrides/", id="style block"),
    pytest.param('<object data="x.swf"></object>', r"the text contains an <object>", id="object"),
    pytest.param('<embed src="x.swf">', r"the text contains an <embed>", id="embed"),
    pytest.param('<img src="https://example.org/x.png" alt="x">', r"https://example\.org/x\.png \(near line 1 of "
                 r"the text, in a <img>\) comes from another site.*add https://example\.org to extra\.embed_origins",
                 id="foreign image"),
    pytest.param('<img srcset="a.png 1x, //cdn.example.org/b.png 2x" alt="x">', r"//cdn\.example\.org/b\.png .* "
                 r"comes from another site", id="foreign srcset"),
    pytest.param('<video poster="https://example.org/p.jpg"></video>', r"https://example\.org/p\.jpg .* comes from another site",
                 id="foreign poster"),
    pytest.param('<iframe src="https://video.example.org/embed/1" title="x"></iframe>',
                 r"https://video\.example\.org/embed/1 .* another site", id="foreign frame"),
    pytest.param('![A map](https://maps.example.org/region.png)', r"https://maps\.example\.org/region\.png \(line 1 "
                 r"of the text\) comes from another site.*Save a copy beside the page", id="foreign Markdown image"),
    pytest.param('Text.\n\n![A map][map]\n\n[map]: https://maps.example.org/region.png\n',
                 r"https://maps\.example\.org/region\.png \(line 3 of the text\) comes from another site",
                 id="foreign image by reference"),
    pytest.param('[Go][go]\n\n[go]: javascript:go()\n', r"a javascript: address \(line 3 of the text\)",
                 id="javascript link by reference"),
    pytest.param('<p style="color: red">Red</p>', r"style=\"color: red\" \(near line 1 of the text, in a <p>\) "
                 r"would be blocked by the site's Content-Security-Policy", id="style"),
    pytest.param('A photo.\n{ style="width: 50%" }', r"style=\"width: 50%\" \(line 2 of the text\) would be "
                 r"blocked", id="style in an attribute list"),
    pytest.param('<a href="#" onclick="go()">Go</a>', r"the onclick attribute \(near line 1 of the text, in a <a>\) "
                 r"is code the site does not run", id="event handler"),
    pytest.param('<a href="javascript:go()">Go</a>', r"a javascript: address \(near line 1", id="javascript in HTML"),
    pytest.param('[Go](javascript:go())', r"a javascript: address \(line 1 of the text\)", id="javascript link"),
    pytest.param('<img src="/images/a.png" alt="x">', r"/images/a\.png \(near line 1 of the text, in a <img>\) "
                 r"starts with /, which breaks when the site lives under a sub-path", id="root address"),
])
def test_content_the_policy_would_block_is_refused_naming_the_file_and_line(body, expected):
    with pytest.raises(SourceError, match=r"^docs/en/news/item\.md: " + expected):
        raw(body)


def test_what_the_policy_allows_passes():
    raw('<img src="photo.png" alt="x"> <img src="data:image/png;base64,AA" alt="y">\n'
        '![A photo](photo.png){ .wide #photo width="600" } A {language} in braces.\n'
        '<img src="https://img.example.org/x.png" alt="z">\n', origins=["https://img.example.org/"])


def test_html_in_a_code_example_is_not_judged():
    raw("Write `<script>` never.\n\n```html\n<script>alert(1)</script>\n<p style=\"x\">\n```\n")


def media(tmp_path, lang, src, size):
    path = tmp_path / "docs" / lang / src
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    return path


def test_a_picture_over_the_budget_is_refused_with_its_size_and_the_budget(tmp_path):
    # The budget is for readers on metered phone connections (content.MEDIA_BUDGET).
    media(tmp_path, "en", "news/small.jpg", content.MEDIA_BUDGET)
    media(tmp_path, "en", "news/notes.txt", content.MEDIA_BUDGET + 1)
    content.check_media_budget(tmp_path / "docs" / "en", tmp_path)
    media(tmp_path, "en", "news/photo.jpg", content.MEDIA_BUDGET + 1)
    with pytest.raises(SourceError, match=r"^docs/en/news/photo\.jpg: the file has 500 kB, over the site's budget "
                                          r"of 500 kB"):
        content.check_media_budget(tmp_path / "docs" / "en", tmp_path)


def test_a_twins_missing_picture_names_the_copy_to_make(tmp_path):
    media(tmp_path, "en", "news/hall.png", 10)
    (tmp_path / "docs" / "ru").mkdir()
    with pytest.raises(SourceError, match=r"^docs/ru/news/a\.md: hall\.png \(line 3 of the text\) is not in the "
                                          r"site \(looked for docs/ru/news/hall\.png\); docs/en/news/hall\.png is "
                                          r"there, but each edition carries its own copy of its pictures: copy it to "
                                          r"docs/ru/news/hall\.png"):
        content.check_pictures("Text.\n\n![Зал](hall.png)\n", "docs/ru/news/a.md", "news/a.md",
                               tmp_path / "docs" / "ru")


def test_a_missing_picture_in_raw_html_is_named_with_its_tag(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    with pytest.raises(SourceError, match=r"^docs/en/news/a\.md: missing\.png \(near line 1 of the text, in a "
                                          r"<img>\) is not in the site \(looked for docs/en/news/missing\.png\); "
                                          r"check the name"):
        content.check_pictures('<img src="missing.png" alt="x">\n', "docs/en/news/a.md", "news/a.md",
                               tmp_path / "docs" / "en")


def test_a_picture_beside_the_page_passes(tmp_path):
    media(tmp_path, "en", "news/hall.png", 10)
    media(tmp_path, "en", "images/map one.png", 10)
    content.check_pictures('![Hall](hall.png "The hall") <img srcset="hall.png 2x" alt="">\n'
                           '![Map](../images/map%20one.png) ![Hall][] ![The hall][h]\n\n[hall]: hall.png\n'
                           '[H]: <hall.png> "The hall"\n', "docs/en/news/a.md", "news/a.md",
                           tmp_path / "docs" / "en")


def test_a_missing_picture_by_reference_is_named(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    with pytest.raises(SourceError, match=r"^docs/en/a\.md: gone\.png \(line 1 of the text\) is not in the site"):
        content.check_pictures("![Hall][h]\n\n[h]: gone.png\n", "docs/en/a.md", "a.md", tmp_path / "docs" / "en")


def test_a_picture_in_a_code_example_is_not_looked_for(tmp_path):
    content.check_pictures("Write `![what it shows](photo.jpg)`:\n\n```\n<img src=\"x.png\">\n```\n",
                           "docs/en/news/a.md", "news/a.md", tmp_path)


# --- The project's Markdown extensions ---------------------------------------------------

def test_aligned_table_columns_get_classes_not_styles():
    html = markdown.markdown("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |",
                             extensions=["tables", "extensions.aligned_tables"])
    assert "style=" not in html
    assert html.count('class="align-left"') == 2 and html.count('class="align-center"') == 2
    assert html.count('class="align-right"') == 2 and html.count("<td>") == 1


def test_a_task_lists_checkbox_is_labelled_by_its_items_text():
    from bs4 import BeautifulSoup
    html = markdown.markdown("- [x] Workshop held\n- [ ] Law *adopted*\n    - [ ] Signed\n",
                             extensions=["pymdownx.tasklist", "extensions.task_labels"],
                             extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}})
    labels = [" ".join(label.get_text().split()) for label in BeautifulSoup(html, "html.parser").select("label")]
    assert labels == ["Workshop held", "Law adopted", "Signed"]


@pytest.mark.parametrize("text, expected", [
    ("Закон — основа.", "Закон\u00a0— основа."),
    ("21 декабря 2024 года", "21\u00a0декабря 2024\u00a0года"),
    ("закон № 2007-1545", "закон №\u00a02007-1545"),
    ("сказал В. Т. Тюрк", "сказал В.\u00a0Т.\u00a0Тюрк"),
    ("Тюрк В. Т. сказал", "Тюрк\u00a0В.\u00a0Т. сказал"),
    ("сказал г-н Улугбек Азимов", "сказал г-н\u00a0Улугбек Азимов"),
    ("94 государства", "94\u00a0государства"),
    # Across inline elements: after bold text, after an abbreviation, before a link.
    ("**ППП** — орган", "<strong>ППП</strong>\u00a0— орган"),
    ("*[ППП]: Подкомитет\n\nППП — орган", '<abbr title="Подкомитет">ППП</abbr>\u00a0— орган'),
    ("закон № [2007-1545](https://example.org/)", 'закон №\u00a0<a href="https://example.org/">2007-1545</a>'),
    # A line break in the source is white space too.
    ("слово\n— дальше", "слово\u00a0— дальше"),
])
def test_russian_typography_joins_what_a_line_must_not_split(text, expected):
    html = markdown.markdown(text, extensions=["extensions.typography_ru", "abbr"])
    assert html == f"<p>{expected}</p>"


def test_russian_typography_leaves_code_and_attributes_as_written():
    html = markdown.markdown('`a — b` и [ссылка](https://example.org/ "1 января")',
                             extensions=["extensions.typography_ru"])
    assert "<code>a — b</code>" in html and 'title="1 января"' in html


def test_russian_typography_leaves_addresses_and_footnote_numbers_out_of_the_sentence():
    html = markdown.markdown("<https://example.org/2024> года и в 2007 году[^a] 5 марта\n\n[^a]: Примечание.",
                             extensions=["extensions.typography_ru", "footnotes"])
    assert "2024</a> года" in html  # an address is not a number with its unit
    assert "</sup> 5\u00a0марта" in html  # nor is a footnote's number


def test_russian_typography_sets_the_contents_as_the_headings_without_moving_their_anchors():
    md = markdown.Markdown(extensions=["extensions.typography_ru", "toc"],
                           extension_configs={"toc": {"slugify": lambda text, sep: text.replace(" ", sep)}})
    html = md.convert("## Центр, 2012–2025 годы")
    assert md.toc_tokens[0]["name"] == "Центр, 2012–2025\u00a0годы"
    assert 'id="Центр,-2012–2025-годы"' in html and ">Центр, 2012–2025\u00a0годы<" in html


# --- Link exclusions (tools/link-exclusions.toml, read by tools/links.py) -----------------

sys.path.insert(0, str(ROOT / "tools"))
import links  # noqa: E402
import new_item  # noqa: E402


def exclusions(tmp_path, monkeypatch, text):
    path = tmp_path / "tools" / "link-exclusions.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(links, "ROOT", tmp_path)
    monkeypatch.setattr(links, "EXCLUSIONS", path)
    return links.exclusions()


def test_an_exclusion_with_its_address_and_reason_is_read(tmp_path, monkeypatch):
    assert exclusions(tmp_path, monkeypatch, '[[exclude]]\naddress = "^https://a\\\\.example/"\nreason = "403"\n') == [
        {"address": "^https://a\\.example/", "reason": "403"}]


@pytest.mark.parametrize("text, expected", [
    pytest.param('[[exclude]]\naddress = "example"\n', r"exclusion 1: give both an address \(a regular "
                 r"expression\) and the reason it cannot be checked by a script", id="no reason"),
    pytest.param('[[exclude]]\naddress = "a"\nreason = "r"\n[[exclude]]\naddress = " "\nreason = "r"\n',
                 r"exclusion 2: give both an address", id="no address"),
    pytest.param('[[exclude]]\naddress = "(unclosed"\nreason = "r"\n', r"exclusion 1: '\(unclosed' is not a "
                 r"regular expression", id="not a regular expression"),
    pytest.param('[[exclude]\naddress = "a"\n', r"cannot be read: ", id="not TOML"),
])
def test_an_exclusion_written_wrong_is_refused_naming_its_number(tmp_path, monkeypatch, text, expected):
    with pytest.raises(SystemExit, match=r"^links: tools/link-exclusions\.toml(, | )" + expected):
        exclusions(tmp_path, monkeypatch, text)


# --- New items' file names (./dev new, tools/new_item.py) -------------------------------------

@pytest.mark.parametrize("title, expected", [
    ("Turkmenistan: a second workshop's findings", "turkmenistan-a-second-workshop-s-findings"),
    ("Сообщение только на русском", "soobshchenie-tolko-na-russkom"),
    ("Ёлка, щит и объём", "elka-shchit-i-obem"),
    ("Café São Paulo — 2026", "cafe-sao-paulo-2026"),
    ("«»!?", "item"),
])
def test_a_new_items_name_is_its_headline_in_plain_latin_words(title, expected):
    assert new_item.slug(title) == expected


def test_a_long_headline_gives_a_name_of_sixty_characters_without_a_trailing_dash():
    name = new_item.slug("The workshop in Ashgabat on the Optional Protocol and national preventive mechanisms")
    assert len(name) <= 60 and not name.endswith("-") and name.startswith("the-workshop-in-ashgabat")
