"""Every example in EDITING.md is built: the pages (```markdown) together, in one copy
of the project through ./dev build, each with the pictures it shows; the vetted
origin of the configuration example (```yaml starting `# mkdocs.yml`) in that copy's
mkdocs.yml; and each example of a mistake (```markdown refused) on its own, which
must stop the build with one message naming its file. Shell examples are commands,
not content, and are not run here."""

import re
import struct
import zlib

import pytest
import yaml

from conftest import ROOT
from test_content_checks import replace_in
from test_editor_mistakes import assert_builds, assert_stops, dev

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(markdown|markdown refused|yaml)\n(.*?)^```$", re.S | re.M)
EXAMPLES = [(kind, text) for kind, text in BLOCK.findall(GUIDE)]
PAGES = [text for kind, text in EXAMPLES if kind == "markdown"]
REFUSED = [text for kind, text in EXAMPLES if kind == "markdown refused"]
CONFIGS = [text for kind, text in EXAMPLES if kind == "yaml" and text.startswith("# mkdocs.yml")]


def png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + b"\x80" * 6 + b"\x00" + b"\x80" * 6)) + chunk(b"IEND", b""))


def place(project, number, text, prefix="guide"):
    """Write an example where an editor would: a news item in news/, a page beside the others."""
    folder = project / "docs/en" / ("news" if "template: news.html" in text else "")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{prefix}-{number}.md"
    path.write_text(text, encoding="utf-8")
    for picture in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text):
        (folder / picture).write_bytes(png())
    return path.relative_to(project / "docs/en").with_suffix("")


def test_the_guide_has_examples_of_each_kind():
    assert len(PAGES) >= 3 and REFUSED and CONFIGS, "EDITING.md lost its examples, or their fences changed"


def test_every_page_example_of_the_guide_builds(project_copy):
    built = [place(project_copy, number, text) for number, text in enumerate(PAGES)]
    for config in CONFIGS:
        origins = yaml.safe_load(config)["extra"]["embed_origins"]
        replace_in(project_copy, "mkdocs.yml", "embed_origins: []", f"embed_origins: {origins}")
    site = assert_builds(project_copy, dev(project_copy, "build"))
    for path in built:
        assert (site / path / "index.html").is_file(), path


@pytest.mark.parametrize("number", range(len(REFUSED)))
def test_every_mistake_the_guide_shows_stops_the_build_naming_its_file(project_copy, number):
    from test_editor_mistakes import PREVIOUS
    (project_copy / "site").mkdir()
    (project_copy / "site" / "index.html").write_text(PREVIOUS, encoding="utf-8")
    path = place(project_copy, number, REFUSED[number], prefix="refused")
    assert_stops(project_copy, dev(project_copy, "build"), rf"docs/en/{re.escape(path.as_posix())}\.md: ")
