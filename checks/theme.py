"""Material's documented recipes that this site cannot honour, refused with one
sentence saying what the site does instead; otherwise the preview would show what
readers never get. Each check is a function of one configuration (a dict, as
load_config reads it) and its file's name.

- Named palette colours (`primary: red`): the site's colours are CSS custom
  properties in overrides/assets/stylesheets/site.css.
- The automatic palette (`media: "(prefers-color-scheme)"`): the site already
  follows the reader's system preference until they choose a scheme.
- A palette list of one scheme: Material would draw a toggle that switches to nothing.
- A web font (`theme.font`): the site uses the reader's system fonts, so no page
  asks another site for anything.
- A stylesheet or script from another site in `extra_css` or `extra_javascript`
  (Material's MathJax recipe): the Content-Security-Policy blocks it once published.
- `navigation.instant`: off on purpose (measured slower on a slow phone;
  bench/README.md), and each page being a full load keeps the language switch right.
- A stylesheet, script, logo or favicon that lies in one edition's docs folder: it
  would reach that edition only; the theme's files are in overrides/assets/.
"""

from pathlib import Path

from .errors import fail

ELSEWHERE = ("http://", "https://", "//")


def theme_of(config: dict) -> dict:
    theme = config.get("theme") or {}
    return {"name": theme} if isinstance(theme, str) else theme


def check_palette(config: dict, name: str):
    palette = theme_of(config).get("palette") or []
    if isinstance(palette, list) and len(palette) == 1:
        fail(name, "theme.palette lists one scheme, for which Material still draws a toggle that switches to "
                   "nothing; write the scheme as a mapping, without the dash and without toggle (EDITING.md, "
                   "The theme's customisation points).")
    for number, scheme in enumerate([palette] if isinstance(palette, dict) else palette):
        where = f"theme.palette[{number}]"
        for key in ("primary", "accent"):
            if scheme.get(key) != "custom":
                fail(name, f"{where}.{key} is {scheme.get(key)!r}; write custom: the site's colours are set "
                           "in overrides/assets/stylesheets/site.css (--md-primary-fg-color and the rest), "
                           "for both schemes, checked for contrast.")
        if (scheme.get("media") or "").strip() == "(prefers-color-scheme)":
            fail(name, f"{where} is Material's automatic palette; remove it: the site already follows the "
                       "reader's system preference until they choose a scheme with the toggle.")


def check_font(config: dict, name: str):
    if theme_of(config).get("font") is not False:
        fail(name, "theme.font names a web font; write font: false: the site uses the reader's system fonts, "
                   "so no page asks another site for anything.")


def asset_names(config: dict):
    """(option, path) of every stylesheet and script the configuration lists."""
    for option in ("extra_css", "extra_javascript"):
        for entry in config.get(option) or []:
            yield option, str(entry.get("path") if isinstance(entry, dict) else entry)


def check_assets_elsewhere(config: dict, name: str):
    for option, asset in asset_names(config):
        if asset.lower().startswith(ELSEWHERE):
            fail(name, f"{option} lists {asset}, on another site, which the site's Content-Security-Policy "
                       "blocks once published; save a copy under overrides/assets/ and list that path instead.")


def check_features(config: dict, name: str):
    for feature in theme_of(config).get("features") or []:
        if feature == "navigation.instant" or str(feature).startswith("navigation.instant."):
            fail(name, f"theme.features lists {feature}; remove it: instant navigation is off on purpose (it "
                       "cost a slow phone more than it saved; bench/README.md), and a full page load keeps the "
                       "language switch on the page shown.")


def check_assets_in_one_edition(config: dict, name: str, root: Path, folders: list):
    """A theme file found in this edition's docs folder but not in the theme (`folders`,
    editions.theme_folders): every edition must have its own copy (a translated
    logo), or it belongs in overrides/."""
    docs = root / (config.get("docs_dir") or "docs")
    theme = theme_of(config)
    editions = {edition["lang"]: docs.parent / edition["lang"]
                for edition in (config.get("extra") or {}).get("editions") or []}
    named = [asset for _, asset in asset_names(config)]
    named += [theme[key] for key in ("logo", "favicon") if isinstance(theme.get(key), str)]
    for asset in named:
        if asset.lower().startswith(ELSEWHERE) or any((Path(folder) / asset).is_file() for folder in folders):
            continue
        lacking = [lang for lang, folder in editions.items() if not (folder / asset).is_file()]
        if (docs / asset).is_file() and lacking:
            fail(name, f"{asset} is in docs/{docs.name}/ but not in docs/{lacking[0]}/, so the '{lacking[0]}' "
                       f"edition would lack it; move it to overrides/{asset}, where every edition finds the "
                       "theme's files.")


def check_theme(config: dict, name: str, root: Path, folders: list):
    """Every recipe check of one configuration."""
    for check in (check_palette, check_font, check_assets_elsewhere, check_features):
        check(config, name)
    check_assets_in_one_edition(config, name, root, folders)
