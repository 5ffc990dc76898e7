"""The whole project's sources read and checked once, before any engine builds."""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from . import content, editions as edition_checks, front_matter, theme
from .config import load_config


@dataclass
class Edition:
    lang: str
    name: str
    path: str  # "" for the edition at the site's root, else its folder ("ru/")
    locale: str
    config_file: Path
    docs: Path  # root/"docs"/lang
    config: dict  # merged (INHERIT resolved)


@dataclass
class Page:
    src_uri: str  # "news/a.md", as in its edition's folder
    path: Path
    fields: dict  # dates are datetime.date; `updated` too
    body: str  # the text below the front matter
    draft: bool

    @property
    def date(self) -> datetime.date | None:
        return self.fields.get("date")


@dataclass
class Sources:
    root: Path
    editions: list = field(default_factory=list)  # first: the root edition (mkdocs.yml)
    pages: dict = field(default_factory=dict)  # lang -> src_uri -> Page


def page_files(docs: Path) -> list:
    """The Markdown files of an edition's folder, as MkDocs finds them (no hidden ones)."""
    return sorted(path for path in docs.rglob("*.md")
                  if path.is_file() and not any(part.startswith(".") for part in path.relative_to(docs).parts))


def read_editions(root: Path) -> list:
    """The editions mkdocs.yml lists, each with its configuration, every
    configuration checked on its own."""
    main = root / "mkdocs.yml"
    config = load_config(main)
    entries = edition_checks.check_editions(config, main.name, root)
    edition_checks.check_loose_files(root)
    result = []
    for number, entry in enumerate(entries):
        config_file = root / (entry["config"] if number else main.name)
        loaded = config if not number else load_config(config_file)
        name = config_file.relative_to(root).as_posix()
        edition_checks.check_edition_language(loaded, name, entry["lang"])
        edition_checks.check_docs_dir(loaded, name, root, entry["lang"])
        folders = edition_checks.theme_folders(loaded, root)
        theme.check_theme(loaded, name, root, folders)
        edition_checks.check_language_names(loaded, name, entries, entry["lang"])
        if edition_checks.material_folder() is not None:  # without Material, nothing to compare with
            edition_checks.check_interface_language(loaded, name, folders)
        content.check_embed_origins(loaded, name)
        edition_checks.check_glossary(root, entry["lang"])
        result.append(Edition(lang=entry["lang"], name=entry["name"], path=entry["path"],
                              locale=entry.get("locale") or entry["lang"], config_file=config_file,
                              docs=root / "docs" / entry["lang"], config=loaded))
    return result


def check_site(root: Path) -> Sources:
    """Every check of the sources, in the order an editor would fix them: the
    configurations, then every page's text and front matter (all editions read
    before any is judged, so a broken twin is named as itself), then each page."""
    root = Path(root).resolve()
    sources = Sources(root=root, editions=read_editions(root))
    read = {}
    for edition in sources.editions:
        read[edition.lang] = {}
        for path in page_files(edition.docs):
            name = path.relative_to(root).as_posix()
            read[edition.lang][path.relative_to(edition.docs).as_posix()] = (path, name,
                                                                             *front_matter.read(path, name))
    for edition in sources.editions:
        content.check_media_budget(edition.docs, root)
    for edition in sources.editions:
        pages = sources.pages[edition.lang] = {}
        origins = (edition.config.get("extra") or {}).get("embed_origins") or []
        for src_uri, (path, name, fields, body) in read[edition.lang].items():
            checked = front_matter.check_page(fields, body, name, src_uri, edition.config)
            content.check_pictures(body, name, src_uri, edition.docs)
            content.check_raw_html(body, name, origins)
            pages[src_uri] = Page(src_uri=src_uri, path=path, fields=checked, body=body,
                                  draft=checked.get("draft") is True)
    edition_checks.check_twin_names({lang: {src: (name, sources.pages[lang][src].fields)
                                            for src, (_, name, _, _) in pages.items()}
                                     for lang, pages in read.items()})
    return sources
