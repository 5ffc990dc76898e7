"""How every check names a file and a mistake: one message, "docs/ru/news/a.md: what
is wrong; what to write", raised as SourceError."""

import re
from pathlib import Path


class SourceError(Exception):
    """A mistake in the sources; str() is the whole message for the editor."""


def fail(name: str, message: str):
    raise SourceError(f"{name}: {message}")


# Controls HTML does not allow in text; tab, line feed, form feed and carriage
# return are white space and fine.
STRAY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Fenced code blocks and code spans: what they hold is shown, never read as HTML.
CODE = re.compile(r"^(```|~~~).*?^\1[ \t]*$|`[^`\n]+`", re.S | re.M)


def check_text(path: Path, name: str) -> str:
    """The file's text, if it is UTF-8 without invisible control characters."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        fail(name, f"byte 0x{raw[error.start]:02x} on line {line} is not UTF-8 text; save the file "
                   "as UTF-8 (in most editors: Save with encoding, UTF-8) and check that line.")
    stray = STRAY.search(text)
    if stray:
        line = text.count("\n", 0, stray.start()) + 1
        column = stray.start() - text.rfind("\n", 0, stray.start())
        fail(name, f"an invisible control character U+{ord(stray.group()):04X} is at line {line}, "
                   f"column {column}; delete it (it often comes with text pasted from a PDF).")
    return text


def blank_code(text: str) -> str:
    """The text with its code blanked out, every line and offset where it was."""
    return CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"
