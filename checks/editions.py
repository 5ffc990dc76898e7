"""Language editions: mkdocs.yml is the first (at the site's root) and lists every
edition under `extra.editions`; each other edition's configuration (mkdocs.ru.yml)
inherits it. These checks keep the list, the docs/ folders, each edition's language
and glossary, and the twins (the same page under the same file name in every
edition) in step."""

import importlib.util
import re
from pathlib import Path

from .errors import SourceError, check_text, fail

EDITION_PATH = re.compile(r"[a-z0-9][a-z0-9-]*/")
GLOSSARY_LINE = re.compile(r"\*\[[^\]]+\]: \S.*")
GLOSSARY = "glossary"


def offline_config(name: str) -> str:
    """The offline variant of an edition's configuration: mkdocs.ru.yml's is
    mkdocs.ru.offline.yml, beside it."""
    return name.removesuffix(".yml") + ".offline.yml"


def check_editions(config: dict, name: str, root: Path) -> list:
    """Each edition's entry is complete, its path a folder, its configuration there;
    and every language folder in docs/ is an edition, so no published page is
    dropped by editing the list. The entries, checked."""
    editions = (config.get("extra") or {}).get("editions")
    if not editions or not isinstance(editions, list):
        fail(name, "extra.editions is missing; list each language edition.")
    for number, edition in enumerate(editions):
        if not isinstance(edition, dict):
            fail(name, f"extra.editions[{number}] is not an entry; write lang, name and path as the other "
                       "entries do (EDITING.md, Languages).")
        missing = [key for key in ("lang", "name", "path") if key not in edition]
        if number and "config" not in edition:
            missing.append("config")
        if missing:
            fail(name, f"extra.editions[{number}] lacks {', '.join(missing)}; see the other entries and "
                       "EDITING.md, Languages.")
        path = edition["path"]
        if number == 0 and path:
            fail(name, f"extra.editions[{number}] is the edition at the site's root: its path is \"\", not {path!r}.")
        if number and not (isinstance(path, str) and EDITION_PATH.fullmatch(path)):
            fail(name, f"extra.editions[{number}].path is {path!r}; write the folder the edition is published in, "
                       f"ending with a slash, such as '{edition['lang']}/'.")
        if number and not (root / str(edition["config"])).is_file():
            fail(name, f"extra.editions[{number}].config names {edition['config']}, which is not in the project.")
        if not (root / "docs" / str(edition["lang"]) / "news.md").is_file():
            fail(f"docs/{edition['lang']}/news.md", f"the '{edition['lang']}' edition's News page is missing; "
                 "copy docs/en/news.md and write its title and description in the edition's language "
                 "(EDITING.md, Languages).")
        own = str(edition.get("config") or "mkdocs.yml") if number else "mkdocs.yml"
        offline = offline_config(own)
        if (root / own).is_file() and not (root / offline).is_file():
            fail(offline, f"the '{edition['lang']}' edition's offline configuration is missing; write it beside "
                          f"{own}: INHERIT: {own} and Material's offline plugin, as mkdocs.ru.offline.yml does "
                          "(EDITING.md, Languages).")
    listed = {edition["lang"] for edition in editions}
    docs = root / "docs"
    for folder in sorted(docs.iterdir()) if docs.is_dir() else ():
        if folder.is_dir() and folder.name != GLOSSARY and folder.name not in listed:
            pages = len(list(folder.rglob("*.md")))
            if not pages:
                raise SourceError(
                    f"docs/{folder.name}/ is not an edition's folder: the theme's own files (stylesheets, "
                    f"scripts, logo) go in overrides/assets/, so every edition gets them, and a picture for one "
                    f"page goes beside that page in docs/<lang>/.")
            raise SourceError(
                f"docs/{folder.name}/ holds {pages} pages, but extra.editions in mkdocs.yml lists no "
                f"'{folder.name}' edition, so their published addresses would disappear. Put its entry back "
                f"(EDITING.md, Languages), or move docs/{folder.name}/ out of docs/ to retire the edition.")
    return editions


def check_loose_files(root: Path):
    """A page straight in docs/ belongs to no edition and would be ignored without a word."""
    for path in sorted((root / "docs").glob("*.md")):
        raise SourceError(f"docs/{path.name} is in no edition's folder, so it would not be published; move it "
                          "into docs/en/ (or another edition's folder, with its twin under the same name).")


def check_edition_language(config: dict, name: str, lang: str):
    """The configuration's theme.language is the language of the edition it builds."""
    language = (config.get("theme") or {}).get("language")
    if language != lang:
        fail(name, f"theme.language is '{language}', but extra.editions says this is the '{lang}' edition; "
                   "make them agree.")


def check_docs_dir(config: dict, name: str, root: Path, lang: str):
    """The configuration builds docs/<lang>, the folder every check reads as its edition's."""
    folder = f"docs/{lang}"
    if Path(str(config.get("docs_dir") or "docs")).as_posix().rstrip("/") != folder:
        fail(name, f"docs_dir is {config.get('docs_dir')!r}; write docs_dir: {folder}, the folder of the "
                   f"'{lang}' edition (EDITING.md, Languages).")
    if not (root / folder).is_dir():
        fail(name, f"the '{lang}' edition's folder {folder}/ is missing; create it with the edition's pages, "
                   "each under its twin's file name.")


def check_language_names(config: dict, name: str, editions: list, lang: str):
    """Every edition is named in this edition's language (labels.in_language), so
    the notices of a news item can say which languages it is in."""
    names = ((config.get("extra") or {}).get("labels") or {}).get("in_language") or {}
    missing = [edition["lang"] for edition in editions if edition["lang"] not in names]
    if missing:
        fail(name, f"extra.labels.in_language has no entry for {', '.join(missing)}; add how the "
                   f"'{lang}' edition names each language in a phrase such as \"in English\".")


def material_folder():
    """Material's theme folder (its templates), or None where Material is not installed."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "templates"


def theme_folders(config: dict, root: Path) -> list:
    """Where the theme's files are looked for, first found first: custom_dir, then Material."""
    theme = config.get("theme") or {}
    folders = [root / theme["custom_dir"]] if theme.get("custom_dir") else []
    material = material_folder()
    return folders + ([material] if material else [])


def check_interface_language(config: dict, name: str, folders: list):
    """Material draws its interface (search, navigation) in theme.language; a code it
    has no translation for would end the build in a template error. `folders` are the
    theme's (theme_folders)."""
    lang = (config.get("theme") or {}).get("language")
    if not any((Path(folder) / "partials" / "languages" / f"{lang}.html").is_file() for folder in folders):
        fail(name, f"theme.language is '{lang}', for which Material has no interface translation; use a code it "
                   f"has (its partials/languages/ folder), or add overrides/partials/languages/{lang}.html "
                   "(Material's docs: custom translations).")


def check_glossary(root: Path, lang: str) -> str:
    """The edition's glossary, docs/glossary/<lang>.md: one `*[ABBR]: expansion` a line."""
    path = root / "docs" / GLOSSARY / f"{lang}.md"
    name = f"docs/{GLOSSARY}/{lang}.md"
    if not path.is_file():
        fail(name, f"the glossary of the '{lang}' edition is missing.")
    text = check_text(path, name)
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not GLOSSARY_LINE.fullmatch(line):
            fail(name, f"line {number} is not an abbreviation; write it as *[ABBR]: Its expansion")
    return text


def check_twin_name(name: str, src_uri: str, source_url, others: list):
    """An item whose original another edition also reports, under another file name.
    `others`: the files of other editions with this source_url (docs/<lang>/...)."""
    if not isinstance(source_url, str):
        return
    for other in others:
        rest = other.removeprefix("docs/").partition("/")[2]
        if rest != src_uri:
            fail(name, f"{other} reports the same original (source_url), so it is this item's twin, "
                       f"but a twin has the same file name in every edition; rename one of them so both "
                       f"are docs/<lang>/{src_uri} (or docs/<lang>/{rest}).")


def check_twin_names(pages: dict):
    """`pages`: lang -> src_uri -> (name, fields), in the editions' order."""
    by_source = {}
    for lang, edition in pages.items():
        for src_uri, (name, fields) in sorted(edition.items()):
            url = fields.get("source_url")
            if isinstance(url, str):
                by_source.setdefault(url.strip(), []).append((lang, name))
    for lang, edition in pages.items():
        for src_uri, (name, fields) in sorted(edition.items()):
            url = fields.get("source_url")
            if isinstance(url, str):
                others = [other for other_lang, other in by_source[url.strip()] if other_lang != lang]
                check_twin_name(name, src_uri, url, others)


def check_deploy_address(env: dict):
    """Publishing what is built for the preview would point every canonical link,
    feed, sitemap and download link at 127.0.0.1."""
    if not (env.get("SITE_URL") or "").strip():
        raise SourceError("publishing needs the published address: run it as SITE_URL=https://USER.github.io/"
                      "REPO/ ./dev deploy (or your custom domain), or publish through the workflow (EDITING.md, "
                      "Publishing on GitHub Pages).")
