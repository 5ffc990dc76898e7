"""The checks an editor's mistake meets, called directly with small inputs (no build):
each says, in one sentence, which file (with its edition's folder) and what to write.
A few of them are also tried end to end through ./dev build (test_editor_mistakes.py
and test_growing_publication.py)."""

import sys

import markdown
import pytest
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import ROOT, copy_project, edition_config

sys.path.insert(0, str(ROOT / "hooks"))
import content_policy  # noqa: E402
import editions  # noqa: E402
import front_matter as front_matter_check  # noqa: E402


def page(meta, src="news/item.md", lang="en"):
    """A real MkDocs page of the edition, with `meta` as its front matter."""
    config = edition_config(lang)
    file = File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
    item = Page(None, file, config)
    item.meta = dict(meta)
    return item, config


NEWS = {"template": "news.html", "title": "A title", "description": "x" * 60}


# --- Front matter fields and values --------------------------------------------------

def test_a_misspelt_field_is_refused_with_the_field_it_resembles():
    item, config = page({**NEWS, "sorce": "nCa"})
    with pytest.raises(PluginError, match=r"^docs/en/news/item\.md: front matter field 'sorce' is not one the "
                                          r"site knows, so it would be ignored; did you mean 'source'\?"):
        front_matter_check.check_fields(item, config)


def test_every_field_the_editors_use_is_known():
    for lang in ("en", "ru"):
        for name in ("index.md", "opcat.md"):
            from conftest import front_matter
            item, config = page(front_matter(lang, name), src=name, lang=lang)
            front_matter_check.check_fields(item, config)


def test_a_layout_that_does_not_exist_is_refused_naming_the_one_there_is():
    item, config = page({**NEWS, "template": "article.html"})
    with pytest.raises(PluginError, match=r"^docs/en/news/item\.md: front matter field 'template' is "
                                          r"'article\.html', not a layout the site has; write template: news\.html"):
        front_matter_check.check_fields(item, config)


def test_a_page_in_news_that_is_not_a_news_item_is_refused():
    item, config = page({"title": "Notes", "description": "x" * 60}, src="news/notes.md", lang="ru")
    with pytest.raises(PluginError, match=r"^docs/ru/news/notes\.md: the page is in news/ but is not a news item"):
        front_matter_check.check_fields(item, config)


def test_a_news_item_without_its_layout_is_refused_wherever_it_is():
    item, config = page({"title": "A report", "description": "x" * 60, "date": "2026-11-20",
                         "source_url": "https://example.org/a/"}, src="report.md")
    with pytest.raises(PluginError, match=r"^docs/en/report\.md: the page has date, source_url but is not a news "
                                          r"item, so no News page or feed would list it"):
        front_matter_check.check_fields(item, config)


def test_an_ordinary_page_outside_news_needs_no_layout():
    item, config = page({"title": "Notes", "description": "x" * 60}, src="notes.md")
    front_matter_check.check_fields(item, config)


@pytest.mark.parametrize("lang, value", [("ru", "ru"), ("en", "english"), ("en", "EN")])
def test_translated_from_names_a_language_the_site_can_name_other_than_its_own(lang, value):
    item, config = page({**NEWS, "translated_from": value}, lang=lang)
    with pytest.raises(PluginError, match=rf"docs/{lang}/news/item\.md: front matter field 'translated_from' is "
                                          rf"'{value}'; write the code of the original's language, one of: "):
        front_matter_check.check_fields(item, config)


# --- YAML mistakes ----------------------------------------------------------------------

def yaml_error(front: str) -> str:
    with pytest.raises(yaml.YAMLError) as error:
        yaml.load(front, Loader=yaml.BaseLoader)
    return front_matter_check.yaml_mistake(front, error.value)


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
    import re
    assert re.search(expected, yaml_error(front)), yaml_error(front)


# --- Editions and twins ----------------------------------------------------------------------

def test_an_item_reporting_the_same_original_under_another_name_is_a_misspelt_twin(monkeypatch):
    item, config = page({**NEWS, "source_url": "https://example.org/a/"}, src="news/2026-12-01-workshop.md", lang="ru")
    monkeypatch.setattr(editions, "by_source", {"https://example.org/a/": ["docs/en/news/2026-12-01-worskhop.md"]})
    with pytest.raises(PluginError, match=r"^docs/ru/news/2026-12-01-workshop\.md: docs/en/news/2026-12-01-worskhop\.md "
                                          r"reports the same original \(source_url\), so it is this item's twin"):
        editions.check_twin_name(item, config, None)


def test_twins_under_the_same_name_report_the_same_original(monkeypatch):
    item, config = page({**NEWS, "source_url": "https://example.org/a/"}, src="news/a.md", lang="ru")
    monkeypatch.setattr(editions, "by_source", {"https://example.org/a/": ["docs/en/news/a.md"]})
    editions.check_twin_name(item, config, None)


def project_config(tmp_path, lang="en"):
    project = copy_project(tmp_path / "project")
    from mkdocs.config import load_config
    return project, load_config(str(project / ("mkdocs.yml" if lang == "en" else f"mkdocs.{lang}.yml")))


def test_a_page_straight_in_docs_is_refused_naming_the_editions_folder(tmp_path):
    project, config = project_config(tmp_path)
    (project / "docs" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^docs/notes\.md is in no edition's folder, so it would not be "
                                          r"published; move it into docs/en/"):
        editions._check_loose_files(config)


def test_every_edition_is_named_in_each_editions_language(tmp_path):
    _, config = project_config(tmp_path, "ru")
    del config.extra["labels"]["in_language"]["en"]
    found = editions._editions(config)
    with pytest.raises(PluginError, match=r"^mkdocs\.ru\.yml: extra\.labels\.in_language has no entry for en"):
        editions._check_language_names(config, *found)


def test_an_interface_language_material_lacks_is_refused_with_where_to_add_it(tmp_path):
    _, config = project_config(tmp_path)
    config.theme["language"] = "tk"
    with pytest.raises(PluginError, match=r"^mkdocs\.yml: theme\.language is 'tk', for which Material has no "
                                          r"interface translation; .* overrides/partials/languages/tk\.html"):
        editions._check_interface_language(config, None)


def test_an_interface_language_material_has_passes(tmp_path):
    _, config = project_config(tmp_path)
    config.theme["language"] = "uz"
    editions._check_interface_language(config, None)


def test_gh_deploy_without_the_published_address_is_refused(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setattr(editions, "current_command", "gh-deploy")
    with pytest.raises(PluginError, match=r"^mkdocs gh-deploy needs the published address: run it as SITE_URL="):
        editions._check_deploy_address(None)
    monkeypatch.setenv("SITE_URL", "https://example.github.io/opcat/")
    editions._check_deploy_address(None)
    monkeypatch.delenv("SITE_URL")
    monkeypatch.setattr(editions, "current_command", "build")
    editions._check_deploy_address(None)


# --- Pictures ------------------------------------------------------------------------------

def media(tmp_path, lang, src, size):
    config = edition_config(lang)
    docs = tmp_path / "docs"
    path = docs / lang / src
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * size)
    return File(src, str(docs / lang), config.site_dir, True), config


def test_a_picture_over_the_budget_stops_the_build_with_its_size_and_the_budget(tmp_path):
    # The budget is for readers on metered phone connections (content_policy.MEDIA_BUDGET).
    big, config = media(tmp_path, "en", "news/photo.jpg", content_policy.MEDIA_BUDGET + 1)
    with pytest.raises(PluginError, match=r"photo\.jpg: the file has 500 kB, over the site's budget of 500 kB"):
        content_policy.on_files(Files([big]), config)
    small, config = media(tmp_path, "en", "news/small.jpg", content_policy.MEDIA_BUDGET)
    content_policy.on_files(Files([small]), config)


def test_a_twins_missing_picture_names_the_copy_to_make(tmp_path, monkeypatch):
    english, _ = media(tmp_path, "en", "news/hall.png", 10)
    item, config = page({**NEWS}, src="news/a.md", lang="ru")
    monkeypatch.setattr(config, "docs_dir", str(tmp_path / "docs" / "ru"))
    (tmp_path / "docs" / "ru").mkdir()
    with pytest.raises(PluginError, match=r"hall\.png \(line 3 of the text\) is not in the site \(looked for "
                                          r"docs/ru/news/hall\.png\); docs/en/news/hall\.png is there, but each "
                                          r"edition carries its own copy of its pictures: copy it to "
                                          r"docs/ru/news/hall\.png"):
        content_policy.on_page_markdown("Text.\n\n![Зал](hall.png)\n", item, config, Files([]))


def test_a_picture_in_a_code_example_is_not_looked_for():
    item, config = page({**NEWS}, src="news/a.md")
    content_policy.on_page_markdown("Write `![what it shows](photo.jpg)`:\n\n```\n<img src=\"x.png\">\n```\n",
                                    item, config, Files([]))


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
