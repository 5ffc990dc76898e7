"""Language editions: one MkDocs build per language, published as one site.

mkdocs.yml is the English edition and lists every edition under `extra.editions`;
mkdocs.ru.yml inherits it and states only what differs. This hook guarantees that
- each edition lives at the site's root address plus its own path (`ru/`);
- each edition's glossary and Markdown labels are in its own language;
- each page knows its twins, the same page in every edition that has it
  (`page.meta.twins`: lang, name, absolute url, relative href), for the language
  switch, the hreflang alternates and the sitemap;
- building the first edition builds all the others into their folders of the same
  site, so `mkdocs build`, `mkdocs serve` and `mkdocs gh-deploy` publish every
  language, and a warning in any edition fails the strict build.
"""

import logging
import os
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).parent))
import errors  # noqa: E402
from nested_build import TEMPLATES, build_configuration  # noqa: E402

log = logging.getLogger("mkdocs")
current_command = "build"


def on_startup(command, dirty):
    """Remember whether this is `build`, `serve` or `gh-deploy`: the other editions
    are built for the same command."""
    global current_command
    current_command = command


EDITION_PATH = re.compile(r"[a-z0-9][a-z0-9-]*/")
GLOSSARY_LINE = re.compile(r"\*\[[^\]]+\]: \S.*")


def _check_editions(config, editions):
    """Each edition's entry is complete, its path a folder, its configuration there;
    and every language folder in docs/ is an edition, so no published page is
    dropped by editing the list."""
    here = Path(config.config_file_path).name
    base = errors.project_dir(config)
    for number, edition in enumerate(editions):
        entry = f"{here}: extra.editions[{number}]"
        missing = [key for key in ("lang", "name", "path") if key not in edition]
        if number and "config" not in edition:
            missing.append("config")
        if missing:
            raise PluginError(f"{entry} lacks {', '.join(missing)}; see the other entries and EDITING.md, Languages.")
        path = edition["path"]
        if number == 0 and path:
            raise PluginError(f"{entry} is the edition at the site's root: its path is \"\", not {path!r}.")
        if number and not (isinstance(path, str) and EDITION_PATH.fullmatch(path)):
            raise PluginError(f"{entry}.path is {path!r}; write the folder the edition is published in, "
                              f"ending with a slash, such as '{edition['lang']}/'.")
        if number and not (base / edition["config"]).is_file():
            raise PluginError(f"{entry}.config names {edition['config']}, which is not in the project.")
    listed = {edition["lang"] for edition in editions}
    for folder in sorted((base / "docs").iterdir()):
        if folder.is_dir() and folder.name != "glossary" and folder.name not in listed:
            pages = len(list(folder.rglob("*.md")))
            if not pages:
                raise PluginError(
                    f"docs/{folder.name}/ is not an edition's folder: the theme's own files (stylesheets, "
                    f"scripts, logo) go in overrides/assets/, so every edition gets them, and a picture for one "
                    f"page goes beside that page in docs/<lang>/.")
            raise PluginError(
                f"docs/{folder.name}/ holds {pages} pages, but extra.editions in mkdocs.yml lists no "
                f"'{folder.name}' edition, so their published addresses would disappear. Put its entry back "
                f"(EDITING.md, Languages), or move docs/{folder.name}/ out of docs/ to retire the edition."
            )


def _check_loose_files(config):
    """A page straight in docs/ belongs to no edition and would be ignored without a word."""
    docs = errors.project_dir(config) / "docs"
    for path in sorted(docs.glob("*.md")):
        raise PluginError(f"docs/{path.name} is in no edition's folder, so it would not be published; move it "
                          "into docs/en/ (or another edition's folder, with its twin under the same name).")


def _check_language_names(config, editions, this):
    """Every edition is named in this edition's language (labels.in_language), so
    the notices of a news item can say which languages it is in."""
    names = config.extra.get("labels", {}).get("in_language") or {}
    here = Path(config.config_file_path).name
    missing = [edition["lang"] for edition in editions if edition["lang"] not in names]
    if missing:
        raise PluginError(f"{here}: extra.labels.in_language has no entry for {', '.join(missing)}; add how the "
                          f"'{this['lang']}' edition names each language in a phrase such as \"in English\".")


def _check_interface_language(config, this):
    """Material draws its interface (search, navigation) in theme.language; a code it
    has no translation for would end the build in a template error."""
    lang = config.theme["language"]
    if not any((Path(folder) / "partials" / "languages" / f"{lang}.html").is_file() for folder in config.theme.dirs):
        raise PluginError(f"{Path(config.config_file_path).name}: theme.language is '{lang}', for which Material "
                          f"has no interface translation; use a code it has (its partials/languages/ folder), or "
                          f"add overrides/partials/languages/{lang}.html (Material's docs: custom translations).")


def _check_deploy_address(config):
    """`mkdocs gh-deploy` publishes what it builds: with the preview's address, every
    canonical link, feed, sitemap and download link would point at 127.0.0.1."""
    if current_command == "gh-deploy" and not os.environ.get("SITE_URL"):
        raise PluginError("mkdocs gh-deploy needs the published address: run it as SITE_URL=https://USER.github.io/"
                          "REPO/ mkdocs gh-deploy (or your custom domain), or publish through the workflow (EDITING.md, Publishing on GitHub Pages).")


def _editions(config):
    """The editions listed in extra.editions, checked, and which one this build is."""
    editions = config.extra.get("editions")
    if not editions:
        raise PluginError(f"{config.config_file_path}: extra.editions is missing; list each language edition.")
    # An edition is known by its configuration file; the first is mkdocs.yml itself.
    name = Path(config.config_file_path).name
    this = next((e for e in editions[1:] if e["config"] == name), editions[0])
    if config.theme["language"] != this["lang"]:
        raise PluginError(
            f"{config.config_file_path}: theme.language is '{config.theme['language']}', but "
            f"extra.editions says this is the '{this['lang']}' edition; make them agree."
        )
    return editions, this


def on_config(config):
    _check_editions(config, config.extra.get("editions") or [])
    _check_loose_files(config)
    _check_deploy_address(config)
    editions, this = _editions(config)
    _check_language_names(config, editions, this)
    _check_interface_language(config, this)
    errors.enter_build(config)
    # site_url is the site's root (SITE_URL); this edition lives below it.
    root = config.site_url or "/"
    if this["path"] and root.endswith("/" + this["path"]):
        root = root[: -len(this["path"])]
    config.site_url = root + this["path"]
    config.extra["site_root_url"] = root
    for edition in editions:
        edition["url"] = root + edition["path"]

    glossary = Path(config.config_file_path).parent / "docs" / "glossary" / f"{this['lang']}.md"
    name = f"docs/glossary/{this['lang']}.md"
    if not glossary.is_file():
        raise PluginError(f"{name}: the glossary of the '{this['lang']}' edition is missing.")
    for number, line in enumerate(errors.check_text(glossary, name).splitlines(), 1):
        if line.strip() and not GLOSSARY_LINE.fullmatch(line):
            raise PluginError(f"{name}: line {number} is not an abbreviation; write it as *[ABBR]: Its expansion")
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["auto_append"] = [str(glossary)]
    labels = config.extra["labels"]
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = labels["footnote_back"]
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels["permalink"]
    return config


def on_env(env, config, files):
    """Keep Russian readable in JSON-LD: `tojson` writes letters, not \\u escapes
    (it still escapes <, >, & and ' for HTML)."""
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    # Every edition's build compiles the same templates: compile them once.
    env.bytecode_cache = TEMPLATES
    return env


def relative(there: str, here: str) -> str:
    """The link from page address `here` to `there`, both from the site's root:
    folder addresses (opcat/) online, file addresses (opcat.html) offline."""
    link = posixpath.relpath(there or ".", posixpath.dirname(here) or ".")
    return link + "/" if not there or there.endswith("/") else link


def published_in(edition, page, base: Path) -> bool:
    """Whether the edition has this page: the same file in its docs folder, and not a
    draft unless this is `mkdocs serve` (a generated page is in every edition)."""
    if page.file.generated_by:
        return True
    twin = base / "docs" / edition["lang"] / page.file.src_uri
    if not twin.is_file():
        return False
    return current_command == "serve" or get_data(twin.read_text(encoding="utf-8-sig"))[1].get("draft") is not True


# The news items of every other edition by their source_url, for this build
# (on_files): a twin is found by its file name, and one with another name but the
# same original is a misspelt twin.
by_source = {}


def on_files(files, config):
    editions, this = _editions(config)
    base = errors.project_dir(config)
    by_source.clear()
    for edition in editions:
        if edition is this:
            continue
        folder = base / "docs" / edition["lang"]
        for path in sorted(folder.rglob("*.md")):
            url = get_data(path.read_text(encoding="utf-8-sig", errors="replace"))[1].get("source_url")
            if isinstance(url, str):
                by_source.setdefault(url.strip(), []).append(path.relative_to(base).as_posix())
    return files


def check_twin_name(page, config, this):
    """An item whose original another edition also reports, under another file name."""
    url = page.meta.get("source_url")
    if not isinstance(url, str):
        return
    for other in by_source.get(url.strip(), []):
        lang, _, rest = other.removeprefix("docs/").partition("/")
        if rest != page.file.src_uri:
            errors.fail(page.file, config, f"{other} reports the same original (source_url), so it is this "
                                           f"item's twin, but a twin has the same file name in every edition; "
                                           f"rename one of them so both are docs/<lang>/{page.file.src_uri} "
                                           f"(or docs/<lang>/{rest}).")


def on_page_markdown(markdown, page, config, files):
    """Record the page's twins: the same page in every edition, and for an edition
    that lacks it, its News page instead (`missing`: no hreflang, no sitemap entry)."""
    editions, this = _editions(config)
    check_twin_name(page, config, this)
    base = Path(config.config_file_path).parent
    here = posixpath.join(this["path"], page.url)
    archive = files.get_file_from_path("news/index.md")
    twins = []
    for edition in editions:
        present = edition is this or published_in(edition, page, base)
        there = posixpath.join(edition["path"], page.url if present else archive.url)
        twins.append({
            "lang": edition["lang"],
            "name": edition["name"],
            "url": edition["url"] + (page.url if present else archive.url),
            "href": relative(there, here),
            "current": edition is this,
            "missing": not present,
        })
    page.meta["twins"] = twins
    return markdown


def on_post_build(config):
    """Build every other edition into its folder, once the first one is built."""
    editions, this = _editions(config)
    if this is not editions[0]:
        return
    base = Path(config.config_file_path).parent
    for edition in editions[1:]:
        log.info(f"Building the '{edition['lang']}' edition from {edition['config']}")
        # What the first edition made for all of them (hooks/offline.py).
        shared = {key: config.extra[key] for key in ("offline_download",) if key in config.extra}
        build_configuration(
            base / edition["config"], command=current_command, extra=shared,
            site_dir=str(Path(config.site_dir) / edition["path"]),
            site_url=config.extra["site_root_url"], strict=config.strict,
        )
