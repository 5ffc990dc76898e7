"""The source checks as a whole (checks/): the configuration read as MkDocs reads it,
every check run over a copy of the project, and `python -m checks`, which a build
runs before any engine: one message and exit status 1 for a mistake, silence and 0
otherwise, never a traceback."""

import os
import re
import subprocess
import sys
import textwrap

import pytest

from checks import SourceError, check_site, load_config
from support import ROOT


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- The configuration ---------------------------------------------------------------

def test_inherit_merges_mappings_deeply_and_replaces_lists_whole(tmp_path):
    write(tmp_path / "base.yml", """\
        site_name: Base
        theme: {name: material, language: en, features: [a, b]}
        extra: {labels: {one: One, two: Two}}
        """)
    write(tmp_path / "child.yml", """\
        INHERIT: base.yml
        theme: {language: ru, features: [c]}
        extra: {labels: {two: Два}}
        """)
    loaded = load_config(tmp_path / "child.yml")
    assert loaded == {"site_name": "Base", "theme": {"name": "material", "language": "ru", "features": ["c"]},
                      "extra": {"labels": {"one": "One", "two": "Два"}}}


def test_inherit_is_relative_to_the_file_not_the_current_folder(tmp_path, monkeypatch):
    write(tmp_path / "conf" / "base.yml", "site_name: Base\n")
    write(tmp_path / "conf" / "child.yml", "INHERIT: base.yml\n")
    monkeypatch.chdir(tmp_path)
    assert load_config(tmp_path / "conf" / "child.yml") == {"site_name": "Base"}


def test_an_inherited_file_that_is_not_there_is_named(tmp_path):
    write(tmp_path / "child.yml", "INHERIT: base.yml\n")
    with pytest.raises(SourceError, match=r"^child\.yml: INHERIT names base\.yml, which is not beside it"):
        load_config(tmp_path / "child.yml")


def test_env_takes_the_first_variable_set_else_the_last_item(tmp_path, monkeypatch):
    write(tmp_path / "mkdocs.yml", """\
        site_url: !ENV [CHECKS_A, CHECKS_B, "http://127.0.0.1:8000/"]
        offline: !ENV [CHECKS_OFFLINE, false]
        name: !ENV CHECKS_NAME
        """)
    for name in ("CHECKS_A", "CHECKS_B", "CHECKS_OFFLINE", "CHECKS_NAME"):
        monkeypatch.delenv(name, raising=False)
    assert load_config(tmp_path / "mkdocs.yml") == {"site_url": "http://127.0.0.1:8000/", "offline": False,
                                                    "name": None}
    monkeypatch.setenv("CHECKS_B", "https://b.example.org/")
    monkeypatch.setenv("CHECKS_OFFLINE", "true")
    assert load_config(tmp_path / "mkdocs.yml")["site_url"] == "https://b.example.org/"
    assert load_config(tmp_path / "mkdocs.yml")["offline"] is True  # typed as YAML types it
    monkeypatch.setenv("CHECKS_A", "https://a.example.org/")
    assert load_config(tmp_path / "mkdocs.yml")["site_url"] == "https://a.example.org/"


def test_the_tags_only_an_engine_reads_load_as_nothing(tmp_path):
    write(tmp_path / "mkdocs.yml", """\
        base_path: !relative $config_dir
        slugify: !!python/object/apply:pymdownx.slugs.slugify
          kwds:
            case: lower
        other: !anything {a: 1}
        kept: yes
        """)
    assert load_config(tmp_path / "mkdocs.yml") == {"base_path": None, "slugify": None, "other": None, "kept": True}


def test_invalid_yaml_is_named_with_the_file_and_line(tmp_path):
    write(tmp_path / "mkdocs.ru.yml", "site_name: A\ntheme:\n  language: ru\n   palette: x\n")
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: line 4 is not valid YAML"):
        load_config(tmp_path / "mkdocs.ru.yml")


def test_the_sites_configurations_load_as_mkdocs_loads_them():
    from mkdocs.config import load_config as mkdocs_load
    for name in ("mkdocs.yml", "mkdocs.ru.yml"):
        ours, theirs = load_config(ROOT / name), mkdocs_load(str(ROOT / name))
        assert ours["theme"]["language"] == theirs.theme["language"]
        assert ours["extra"] == {key: value for key, value in theirs.extra.items()}
        # MkDocs adds its own three to the list.
        assert set(ours["markdown_extensions"]) | {"toc", "tables", "fenced_code"} == set(theirs.markdown_extensions)
        # The slugify tag is MkDocs' to read; checks read past it.
        assert ours["markdown_extensions"]["toc"]["slugify"] is None
        assert ours["markdown_extensions"]["toc"]["permalink"] is True


# --- Every check over the project -------------------------------------------------------

ITEM = """---
template: news.html
title: {title}
description: A report for the test, long enough to be shown whole in a search result.
date: 2025-02-21
source: nCa (news Central Asia)
source_url: https://www.newscentralasia.net/2025/02/21/example/
---

The text of the item.
"""


def test_the_project_passes_every_check_and_is_read_with_its_pages(project_files):
    sources = check_site(project_files)
    assert [edition.lang for edition in sources.editions] == ["en", "ru"]
    english, russian = sources.editions
    assert (english.path, russian.path, russian.locale) == ("", "ru/", "ru_RU")
    assert russian.config_file == project_files / "mkdocs.ru.yml" and russian.docs == project_files / "docs" / "ru"
    assert russian.config["theme"]["language"] == "ru" and russian.config["theme"]["font"] is False
    home = sources.pages["en"]["index.md"]
    assert home.fields["date"].isoformat() == "2024-12-21" and not home.draft
    assert home.body.startswith("At the workshop") and home.path == project_files / "docs" / "en" / "index.md"
    assert sources.pages["ru"]["news.md"].fields["template"] == "news-index.html"


def test_a_draft_is_read_as_a_draft(project_files):
    write(project_files / "docs" / "en" / "news" / "a.md", ITEM.format(title="A draft").replace(
        "---\n\n", "draft: true\n---\n\nFILL IN\n"))
    assert check_site(project_files).pages["en"]["news/a.md"].draft


def test_a_twin_that_is_not_utf8_is_named_as_itself(project_files):
    write(project_files / "docs" / "en" / "news" / "a.md", ITEM.format(title="A report"))
    write(project_files / "docs" / "ru" / "news" / "a.md", ITEM.format(title="Сообщение"))
    check_site(project_files)
    twin = project_files / "docs" / "ru" / "news" / "a.md"
    twin.write_bytes(twin.read_bytes().replace("Сообщение".encode(), "Сообщение".encode("cp1251")))
    with pytest.raises(SourceError) as error:
        check_site(project_files)
    assert str(error.value) == ("docs/ru/news/a.md: byte 0xd1 on line 3 is not UTF-8 text; save the file as UTF-8 "
                                "(in most editors: Save with encoding, UTF-8) and check that line.")


def test_a_misspelt_twin_is_found_across_editions(project_files):
    write(project_files / "docs" / "en" / "news" / "2025-02-21-workshop.md", ITEM.format(title="A report"))
    write(project_files / "docs" / "ru" / "news" / "2025-02-21-worskhop.md", ITEM.format(title="Сообщение"))
    with pytest.raises(SourceError, match=r"^docs/en/news/2025-02-21-workshop\.md: docs/ru/news/2025-02-21-worskhop"
                                          r"\.md reports the same original \(source_url\)"):
        check_site(project_files)


@pytest.mark.parametrize("path, text, expected", [
    pytest.param("docs/en/opcat.md", None, r"^docs/en/opcat\.md: front matter field 'descripton' is not one the "
                 r"site knows", id="front matter"),
    pytest.param("docs/ru/news/a.md", ITEM.format(title="Сообщение") + "\n![Зал]({picture})\n",
                 r"^docs/ru/news/a\.md: {picture} \(line 3 of the text\) is not in the site", id="picture"),
    pytest.param("docs/en/photo.jpg", "x" * 500_001, r"^docs/en/photo\.jpg: the file has 500 kB", id="media"),
    pytest.param("docs/tk/index.md", "---\ntitle: T\n---\n", r"^docs/tk/ holds 1 pages, but extra\.editions",
                 id="edition folder"),
    pytest.param("docs/glossary/ru.md", "ФП КПП\n", r"^docs/glossary/ru\.md: line 1 is not an abbreviation",
                 id="glossary"),
])
def test_each_kind_of_mistake_is_found_in_the_project(project_files, path, text, expected):
    if text is None:
        page = project_files / path
        page.write_text(page.read_text(encoding="utf-8").replace("description:", "descripton:", 1), encoding="utf-8")
    else:
        # A picture name no file of the copy has, whatever pictures editors have added.
        picture = "missing.png"
        while (project_files / path).parent.joinpath(picture).exists():
            picture = "not-" + picture
        text, expected = text.replace("{picture}", picture), expected.replace("{picture}", re.escape(picture))
        write(project_files / path, text)
    with pytest.raises(SourceError, match=expected):
        check_site(project_files)


def test_an_interface_language_the_theme_lacks_is_found_in_the_project(project_files, tmp_path, monkeypatch):
    from checks import editions
    monkeypatch.setattr(editions, "material_folder", lambda: tmp_path / "no-translations")
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: theme\.language is 'en', for which Material has no "
                                          r"interface translation"):
        check_site(project_files)


# --- python -m checks ------------------------------------------------------------------

def run_checks(*args, cwd=ROOT):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checks", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=60, env=env)


def test_the_command_is_silent_on_the_project(project_files):
    result = run_checks(project_files)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert run_checks(cwd=project_files).returncode == 0  # ROOT defaults to the current folder


def test_the_command_prints_one_message_and_no_traceback_for_a_mistake(project_files):
    write(project_files / "docs" / "ru" / "news" / "a.md", "---\ntitle: 'Туркменистан's step'\n---\n\nText.\n")
    result = run_checks(project_files)
    assert result.returncode == 1 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "checks: docs/ru/news/a.md: line 2: the value is in single quotes and holds an apostrophe, which ends it "
        "early; put the value in double quotes instead, or write the apostrophe twice ('')."]


def test_the_command_on_a_folder_without_a_project_says_so(tmp_path):
    result = run_checks(tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "checks: mkdocs.yml: the configuration file is missing."


def test_the_checks_import_no_engine():
    code = ("import sys, checks; checks.check_site(checks.__path__[0] + '/..'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'zensical')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
