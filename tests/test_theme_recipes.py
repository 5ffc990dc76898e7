"""Material's documented recipes: each either works here or is refused, before any
build, with one sentence saying what the site does instead (checks/theme.py). The
checks are called directly on a freshly loaded configuration dict; the one-scheme
site is built end to end through ./dev build (a refusal stopping ./dev build is
tests/test_editor_mistakes.py's, which the checks of every kind share)."""

import pytest

from checks import SourceError, load_config
from checks import editions, theme
from support import ROOT, assert_builds, dev


def config(name="mkdocs.yml", root=ROOT):
    return load_config(root / name)


def in_one_edition(loaded, name, root):
    theme.check_assets_in_one_edition(loaded, name, root, editions.theme_folders(loaded, root))


def test_the_sites_own_configuration_passes_every_check():
    for name in ("mkdocs.yml", "mkdocs.ru.yml"):
        loaded = config(name)
        theme.check_theme(loaded, name, ROOT, editions.theme_folders(loaded, ROOT))


def test_a_named_palette_colour_is_refused_pointing_at_site_css():
    loaded = config()
    loaded["theme"]["palette"][0]["primary"] = "red"
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: theme\.palette\[0\]\.primary is 'red'; write custom: "
                                          r"the site's colours are set in overrides/assets/stylesheets/site\.css"):
        theme.check_palette(loaded, "mkdocs.yml")


def test_the_automatic_palette_is_refused_since_the_site_follows_the_system_already():
    loaded = config("mkdocs.ru.yml")
    loaded["theme"]["palette"].insert(0, {"media": "(prefers-color-scheme)", "primary": "custom", "accent": "custom"})
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: theme\.palette\[0\] is Material's automatic palette"):
        theme.check_palette(loaded, "mkdocs.ru.yml")


def test_a_palette_list_of_one_scheme_is_refused_for_the_single_scheme_mapping():
    loaded = config()
    del loaded["theme"]["palette"][1]
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: theme\.palette lists one scheme, for which Material "
                                          r"still draws a toggle that switches to nothing; write the scheme as a mapping"):
        theme.check_palette(loaded, "mkdocs.yml")


def test_one_scheme_written_as_a_mapping_passes():
    theme.check_palette({"theme": {"palette": {"scheme": "default", "primary": "custom", "accent": "custom"}}},
                        "mkdocs.yml")


def test_a_web_font_is_refused_for_the_systems_fonts():
    loaded = config()
    loaded["theme"]["font"] = {"text": "Roboto"}
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: theme\.font names a web font; write font: false"):
        theme.check_font(loaded, "mkdocs.yml")


@pytest.mark.parametrize("option, address", [
    ("extra_javascript", "https://unpkg.com/mathjax@3/es5/tex-mml-chtml.js"),
    ("extra_css", "//fonts.example.org/font.css"),
])
def test_a_script_or_stylesheet_from_another_site_is_refused_with_the_way_to_vendor_it(option, address):
    loaded = {**config(), option: [address]}
    with pytest.raises(SourceError, match=rf"^mkdocs\.yml: {option} lists {address}, on another site, which the "
                                          r"site's Content-Security-Policy blocks.*overrides/assets/"):
        theme.check_assets_elsewhere(loaded, "mkdocs.yml")


def test_a_script_listed_with_its_type_is_judged_by_its_path():
    loaded = {**config(), "extra_javascript": [{"path": "https://example.org/x.js", "type": "module"}]}
    with pytest.raises(SourceError, match=r"extra_javascript lists https://example\.org/x\.js, on another site"):
        theme.check_assets_elsewhere(loaded, "mkdocs.yml")


@pytest.mark.parametrize("feature", ["navigation.instant", "navigation.instant.prefetch"])
def test_instant_navigation_is_refused_with_the_reason(feature):
    loaded = config()
    loaded["theme"]["features"].append(feature)
    with pytest.raises(SourceError, match=rf"^mkdocs\.yml: theme\.features lists {feature}; remove it"):
        theme.check_features(loaded, "mkdocs.yml")


def test_a_stylesheet_in_one_editions_folder_is_refused_naming_where_it_goes(project_files):
    (project_files / "docs/en/extra.css").write_text("p { color: red; }\n", encoding="utf-8")
    loaded = {**config(root=project_files), "extra_css": ["extra.css"]}
    with pytest.raises(SourceError, match=r"^mkdocs\.yml: extra\.css is in docs/en/ but not in docs/ru/, so the "
                                          r"'ru' edition would lack it; move it to overrides/extra\.css"):
        in_one_edition(loaded, "mkdocs.yml", project_files)


def test_a_logo_each_edition_has_its_own_copy_of_builds(project_files):
    for lang in ("en", "ru"):
        (project_files / f"docs/{lang}/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    loaded = config("mkdocs.ru.yml", root=project_files)
    loaded["theme"]["logo"] = "logo.png"
    in_one_edition(loaded, "mkdocs.ru.yml", project_files)


def test_a_logo_in_one_editions_folder_is_refused(project_files):
    (project_files / "docs/ru/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    loaded = config("mkdocs.ru.yml", root=project_files)
    loaded["theme"]["logo"] = "logo.png"
    with pytest.raises(SourceError, match=r"^mkdocs\.ru\.yml: logo\.png is in docs/ru/ but not in docs/en/"):
        in_one_edition(loaded, "mkdocs.ru.yml", project_files)


def test_a_theme_file_in_overrides_is_the_themes(project_files):
    loaded = config(root=project_files)
    assert (project_files / "overrides" / loaded["theme"]["favicon"]).is_file()
    (project_files / "docs/en" / loaded["theme"]["favicon"]).parent.mkdir(parents=True)
    (project_files / "docs/en" / loaded["theme"]["favicon"]).write_text("<svg/>", encoding="utf-8")
    in_one_edition(loaded, "mkdocs.yml", project_files)


def test_a_folder_of_theme_files_in_docs_is_refused_naming_overrides(project_files):
    (project_files / "docs/assets").mkdir()
    (project_files / "docs/assets/extra.css").write_text("p {}\n", encoding="utf-8")
    loaded = config(root=project_files)
    with pytest.raises(SourceError, match=r"^docs/assets/ is not an edition's folder: the theme's own files .* go "
                                          r"in overrides/assets/"):
        editions.check_editions(loaded, "mkdocs.yml", project_files)


# --- End to end ------------------------------------------------------------------------

def test_a_site_with_one_scheme_builds_with_no_toggle_to_switch(project):
    """Material's recipe for one scheme: palette as a mapping, without toggle."""
    for name in ("mkdocs.yml", "mkdocs.ru.yml"):
        text = (project / name).read_text(encoding="utf-8")
        start = text.index("  palette:\n")
        end = text.index("\n\n", start)
        one = "  palette:\n    scheme: default\n    primary: custom\n    accent: custom\n"
        (project / name).write_text(text[:start] + one + text[end + 1:], encoding="utf-8")
    site = assert_builds(project, dev(project, "build"))
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'name="__palette"' not in html and 'data-md-color-scheme="default"' in html
