"""Not a hook: how every hook, and MkDocs itself, names a file in an error.

An editor works in docs/en/ and docs/ru/, so a message must say which edition's
file is meant: `docs/ru/news/a.md`, never `news/a.md` or `index.md`. Our hooks
raise through `fail`; MkDocs' own warnings ("Doc file 'index.md' contains a link
...") are rewritten by a filter on its logger to name the edition's folder.
"""

import logging
import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

# The docs folder of the build now running, as the editor sees it ("docs/ru");
# nested builds (nested_build.py) put back their caller's when they end.
running = {"docs": "docs"}


def project_dir(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def source_name(file, config) -> str:
    """`docs/ru/news/a.md`: the file as it lies in the project."""
    if file.abs_src_path:
        return Path(os.path.relpath(file.abs_src_path, project_dir(config))).as_posix()
    return f"{running['docs']}/{file.src_uri}"


def fail(file, config, message):
    raise PluginError(f"{source_name(file, config)}: {message}")


# Controls HTML does not allow in text; tab, line feed, form feed and carriage
# return are white space and fine.
STRAY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def check_text(path: Path, name: str) -> str:
    """The file's text, if it is UTF-8 without invisible control characters."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise PluginError(f"{name}: byte 0x{raw[error.start]:02x} on line {line} is not UTF-8 text; save the file "
                          "as UTF-8 (in most editors: Save with encoding, UTF-8) and check that line.") from None
    stray = STRAY.search(text)
    if stray:
        line = text.count("\n", 0, stray.start()) + 1
        column = stray.start() - text.rfind("\n", 0, stray.start())
        raise PluginError(f"{name}: an invisible control character U+{ord(stray.group()):04X} is at line {line}, "
                          f"column {column}; delete it (it often comes with text pasted from a PDF).")
    return text


def enter_build(config):
    """Called by each edition's on_config: its files are named from here on."""
    running["docs"] = Path(os.path.relpath(config.docs_dir, project_dir(config))).as_posix()


MKDOCS_FILE = re.compile(r"\b(Doc file|the doc|Error reading page|Error building page) '([^']+)'")


class _NameTheFolder(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        named = MKDOCS_FILE.sub(lambda m: m.group() if m.group(2).startswith(running["docs"] + "/")
                                else f"{m.group(1)} '{running['docs']}/{m.group(2)}'", message)
        if named != message:
            record.msg, record.args = named, None
        return True


# A logger's filter sees only what is logged to that logger itself, so each of
# MkDocs' modules that names a page gets it; first, so that MkDocs' filter of
# repeated messages tells docs/en/index.md from docs/ru/index.md.
_filter = _NameTheFolder()
for _name in ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.commands.build"):
    logging.getLogger(_name).filters.insert(0, _filter)
