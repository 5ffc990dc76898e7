"""How tools/build.py runs an engine on one configuration, each build in a process
of its own, two at a time (this machine, like CI's, has two cores).

- MkDocs: the build runs in a child forked from a parent that has already imported
  MkDocs, Material and the Markdown extensions, so no build pays for its imports
  (about 0.7 s each, measured), and the compiled templates are kept on disk for
  the run (Jinja's bytecode cache, keyed by each template's text), so the four
  builds compile them once. It is MkDocs' own `build`, with its strictness.
- Zensical: its command line, `zensical build -s -c -f FILE`, in a subprocess,
  one build after the other (they share the project's .cache).

Each returns (passed, what the engine said).
"""

import io
import logging
import multiprocessing
import os
import subprocess
from pathlib import Path


def _mkdocs_build(job):
    """In the child: load the configuration and build it, as `mkdocs build --strict`."""
    layer, cache, quiet = job
    import jinja2
    from mkdocs import exceptions, theme
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    get_env = theme.Theme.get_env

    def cached_env(self):
        env = get_env(self)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(cache)
        return env

    theme.Theme.get_env = cached_env
    said = io.StringIO()
    handler = logging.StreamHandler(said)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING if quiet else logging.INFO)
    logger = logging.getLogger("mkdocs")
    logger.handlers, logger.propagate = [handler], False
    # INFO, not DEBUG: at DEBUG, MkDocs 1.6 skips its check of links to anchors.
    logger.setLevel(logging.INFO)
    try:
        config = load_config(str(layer), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except exceptions.Abort as error:
        return False, said.getvalue() + f"{error}\n"
    except exceptions.MkDocsException as error:  # configuration and build errors
        return False, said.getvalue() + f"ERROR   -  {error}\n"
    except Exception as error:  # an extension's own failure: its message, not its frames
        return False, said.getvalue() + f"ERROR   -  {type(error).__name__}: {error}\n"
    return True, said.getvalue()


def preload(layers):
    """What every MkDocs build imports, imported once in the parent; and the list of
    the theme's files, which every build walks (Material's 10,000 icons: about
    0.2 s a build), listed once: the children inherit both."""
    import babel.dates  # noqa: F401
    import material.plugins.offline.plugin  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401
    import pymdownx.blocks.caption  # noqa: F401
    import pymdownx.details  # noqa: F401
    import pymdownx.slugs  # noqa: F401
    import pymdownx.snippets  # noqa: F401
    import pymdownx.tabbed  # noqa: F401
    import pymdownx.tasklist  # noqa: F401
    import jinja2

    walk = jinja2.FileSystemLoader.list_templates
    listed = {}

    def list_templates(self):
        key = tuple(self.searchpath)
        if key not in listed:
            listed[key] = walk(self)
        return listed[key]

    jinja2.FileSystemLoader.list_templates = list_templates
    from mkdocs.config import load_config
    for layer in layers[:1]:  # the theme's folders are the same in every build of a run
        load_config(str(layer)).theme.get_env().list_templates()


def run_mkdocs(layers: list, work: Path, quiet: bool) -> list:
    preload(layers)
    cache = work / "templates"
    cache.mkdir(exist_ok=True)
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=min(2, os.cpu_count() or 1), maxtasksperchild=1) as pool:
        return pool.map(_mkdocs_build, [(layer, str(cache), quiet) for layer in layers], chunksize=1)


def run_zensical(layers: list, work: Path, quiet: bool) -> list:
    command = os.environ.get("ZENSICAL", "zensical")

    def one(layer):
        # -c: Zensical's cache would keep a page built by an older extension.
        result = subprocess.run([command, "build", "-s", "-c", "-f", str(layer)], cwd=layer.parent, text=True,
                                capture_output=True, env={**os.environ, "NO_COLOR": "1"})
        return result.returncode == 0, (result.stdout or "") + (result.stderr or "")

    # One at a time: every build of the project shares its .cache folder, which -c
    # clears, and a build clearing it while another writes fails (seen in 4 of 15).
    # Zensical takes under half a second a build here, so little is lost.
    return [one(layer) for layer in layers]


ENGINES = {"mkdocs": run_mkdocs, "zensical": run_zensical}
