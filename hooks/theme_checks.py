"""Material's documented recipes that this site cannot honour stop the build (and the
preview, since hooks run in `mkdocs serve` too) with one sentence saying what the
site does instead; otherwise the preview would show what readers never get.

- Named palette colours (`primary: red`): the site's colours are CSS custom
  properties in overrides/assets/stylesheets/site.css, and hooks/lean.py drops
  Material's named-colour rules.
- The automatic palette (`media: "(prefers-color-scheme)"`): the site already
  follows the reader's system preference until they choose a scheme.
- A web font (`theme.font`): the site uses the reader's system fonts, so no page
  asks another site for anything.
- A stylesheet or script from another site in `extra_css` or `extra_javascript`
  (Material's MathJax recipe): the Content-Security-Policy blocks it once published.
- `navigation.instant`: off on purpose (measured slower on a slow phone;
  bench/README.md), and each page being a full load keeps the language switch right.
- A stylesheet, script, logo or favicon that lies in one edition's docs folder: it
  would reach that edition only; the theme's files are in overrides/assets/.

Each check is a plain function of the configuration, so it can run before any build.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

ELSEWHERE = ("http://", "https://", "//")


def _name(config) -> str:
    return Path(config.config_file_path).name


def check_palette(config):
    palette = config.theme.get("palette") or []
    if isinstance(palette, list) and len(palette) == 1:
        raise PluginError(f"{_name(config)}: theme.palette lists one scheme, for which Material still draws a "
                          "toggle that switches to nothing; write the scheme as a mapping, without the dash and "
                          "without toggle (EDITING.md, The theme's customisation points).")
    for number, scheme in enumerate([palette] if isinstance(palette, dict) else palette):
        where = f"{_name(config)}: theme.palette[{number}]"
        for key in ("primary", "accent"):
            if scheme.get(key) != "custom":
                raise PluginError(f"{where}.{key} is {scheme.get(key)!r}; write custom: the site's colours are set "
                                  "in overrides/assets/stylesheets/site.css (--md-primary-fg-color and the rest), "
                                  "for both schemes, checked for contrast.")
        if (scheme.get("media") or "").strip() == "(prefers-color-scheme)":
            raise PluginError(f"{where} is Material's automatic palette; remove it: the site already follows the "
                              "reader's system preference until they choose a scheme with the toggle.")


def check_font(config):
    if config.theme.get("font") is not False:
        raise PluginError(f"{_name(config)}: theme.font names a web font; write font: false: the site uses the "
                          "reader's system fonts, so no page asks another site for anything.")


def _asset_names(config):
    for option in ("extra_css", "extra_javascript"):
        for entry in config[option] or []:
            yield option, str(getattr(entry, "path", entry))


def check_assets_elsewhere(config):
    for option, name in _asset_names(config):
        if name.lower().startswith(ELSEWHERE):
            raise PluginError(f"{_name(config)}: {option} lists {name}, on another site, which the site's "
                              "Content-Security-Policy blocks once published; save a copy under overrides/assets/ "
                              "and list that path instead.")


def check_features(config):
    for feature in config.theme.get("features") or []:
        if feature == "navigation.instant" or str(feature).startswith("navigation.instant."):
            raise PluginError(f"{_name(config)}: theme.features lists {feature}; remove it: instant navigation is "
                              "off on purpose (it cost a slow phone more than it saved; bench/README.md), "
                              "and a full page load keeps the language switch on the page shown.")


def check_assets_in_one_edition(config):
    """A theme file found in this edition's docs folder but not in the theme: every
    edition must have its own copy (a translated logo), or it belongs in overrides/."""
    docs = Path(config.docs_dir)
    theme = [Path(folder) for folder in config.theme.dirs]
    folders = {edition["lang"]: docs.parent / edition["lang"] for edition in config.extra.get("editions") or []}
    named = [name for _, name in _asset_names(config)]
    named += [config.theme.get(key) for key in ("logo", "favicon") if config.theme.get(key)]
    for name in named:
        if name.lower().startswith(ELSEWHERE) or any((folder / name).is_file() for folder in theme):
            continue
        lacking = [lang for lang, folder in folders.items() if not (folder / name).is_file()]
        if (docs / name).is_file() and lacking:
            raise PluginError(f"{_name(config)}: {name} is in docs/{docs.name}/ but not in docs/"
                              f"{lacking[0]}/, so the '{lacking[0]}' edition would lack it; move it to "
                              f"overrides/{name}, where every edition finds the theme's files.")


def on_config(config):
    for check in (check_palette, check_font, check_assets_elsewhere, check_features, check_assets_in_one_edition):
        check(config)
    return config
