"""Every example in EDITING.md is built: the pages (```markdown) together, in one copy
of the project through ./dev build, each with the pictures it shows; the vetted
origin of the configuration example (```yaml starting `# mkdocs.yml`) in that copy's
mkdocs.yml; and each example of a mistake (```markdown refused) on its own, which
the checks a build runs first (checks/) must refuse with one message naming its
file. Shell examples are commands,
not content, and are not run here; a block of any other kind would be an example no
test builds, and fails the first test. The guides' links to each other, and the
sections of them that the build's messages name, exist."""

import re

import pytest
import yaml

from checks import SourceError, check_site
from support import ROOT, assert_builds, dev, png, replace_in

GUIDE = (ROOT / "EDITING.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(markdown|markdown refused|yaml)\n(.*?)^```$", re.S | re.M)
FENCE = re.compile(r"^ *```(.*)$", re.M)
EXAMPLES = [(kind, text) for kind, text in BLOCK.findall(GUIDE)]
PAGES = [text for kind, text in EXAMPLES if kind == "markdown"]
REFUSED = [text for kind, text in EXAMPLES if kind == "markdown refused"]
CONFIGS = [text for kind, text in EXAMPLES if kind == "yaml" and text.startswith("# mkdocs.yml")]


def place(project, number, text, prefix="guide"):
    """Write an example where an editor would: a news item in news/, a page beside the others."""
    folder = project / "docs/en" / ("news" if "template: news.html" in text else "")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{prefix}-{number}.md"
    path.write_text(text, encoding="utf-8")
    for picture in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", text):
        if "://" not in picture:  # another site's picture is the mistake an example shows
            (folder / picture).write_bytes(png())
    return path.relative_to(project / "docs/en").with_suffix("")


def test_the_guide_has_examples_of_each_kind():
    assert len(PAGES) >= 3 and REFUSED and CONFIGS, "EDITING.md lost its examples, or their fences changed"
    opening = FENCE.findall(GUIDE)[::2]  # every other fence opens a block
    unbuilt = [info for info in opening if info not in ("markdown", "markdown refused", "yaml", "sh")]
    assert not unbuilt, f"EDITING.md has blocks no test builds: {unbuilt}; mark them markdown, markdown refused or sh"
    configs = [text for kind, text in EXAMPLES if kind == "yaml"]
    assert configs == CONFIGS, "a yaml block of EDITING.md is not a '# mkdocs.yml' example the test applies"


GUIDES = ("README.md", "EDITING.md", "MAINTAINING.md", "bench/README.md")
QUOTES = " '\"”"
HEADINGS = {name: {line.lstrip("#").strip() for line in (ROOT / name).read_text(encoding="utf-8").splitlines()
                   if line.startswith("## ")} for name in GUIDES}


def test_the_guides_link_to_each_other_by_paths_that_exist():
    for name in GUIDES:
        text = re.sub(r"^```.*?^```$|`[^`\n]+`", "", (ROOT / name).read_text(encoding="utf-8"), flags=re.S | re.M)
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)", text):
            assert "://" in target or ((ROOT / name).parent / target).is_file(), f"{name} links to {target}"


def test_every_section_of_a_guide_that_the_code_names_exists():
    """Messages and comments send editors to a guide's section ("EDITING.md, Languages")."""
    named = re.compile(r"(EDITING\.md|MAINTAINING\.md|bench/README\.md)[,:]? [\"'“]?([A-Z][A-Za-z' ]+)")
    files = [path for folder in ("checks", "extensions", "finish", "tools", "overrides", ".github") for path in (ROOT / folder).rglob("*")
             if path.is_file() and path.suffix in (".py", ".html", ".yml", ".toml", ".svg")]
    seen = 0
    for path in files + [ROOT / "pyproject.toml", ROOT / "mkdocs.yml"]:
        for guide, section in named.findall(path.read_text(encoding="utf-8", errors="replace")):
            seen += 1
            assert any(heading.startswith(section.strip(QUOTES)) for heading in HEADINGS[guide]), \
                f"{path.relative_to(ROOT)} names {guide}, {section.strip(QUOTES)!r}, which has no such section"
    assert seen >= 5, "the pattern no longer finds the code's references to the guides"


def test_every_page_example_of_the_guide_builds(project_copy):
    built = [place(project_copy, number, text) for number, text in enumerate(PAGES)]
    for config in CONFIGS:
        origins = yaml.safe_load(config)["extra"]["embed_origins"]
        replace_in(project_copy, "mkdocs.yml", "embed_origins: &embed_origins []",
                   f"embed_origins: &embed_origins {origins}")
    site = assert_builds(project_copy, dev(project_copy, "build"))
    for path in built:
        assert (site / path / "index.html").is_file(), path


# What the guide says each mistake's message names, found by what the example holds.
# Each example meets the checks a build runs first (checks.check_site), without a
# build; that their message stops ./dev build is tests/test_editor_mistakes.py's.
SAYS = {
    "descripton:": r"front matter field 'descripton' is not one the site knows.*did you mean 'description'",
    "title: Turkmenistan: a headline": r"line 3 has a colon followed by a space inside a value.*double quotes",
    "https://maps.example.org/": r"comes from another site.*Save a copy beside the page.*extra\.embed_origins",
}


@pytest.mark.parametrize("number", range(len(REFUSED)))
def test_every_mistake_the_guide_shows_stops_the_build_naming_its_file(project_files, number):
    says = [message for holds, message in SAYS.items() if holds in REFUSED[number]]
    assert len(says) == 1, f"say in SAYS what the message for this example of EDITING.md names:\n{REFUSED[number]}"
    path = place(project_files, number, REFUSED[number], prefix="refused")
    with pytest.raises(SourceError, match=rf"^docs/en/{re.escape(path.as_posix())}\.md: .*{says[0]}"):
        check_site(project_files)
