"""Not a hook: the helper hooks/editions.py and hooks/offline.py share to build another
configuration from inside a build.

MkDocs keeps one instance of each plugin with start-up and shut-down events per
process (for `mkdocs serve`), so loading a second configuration would hand the
running build's search plugin the other edition's settings. Each nested build
therefore gets plugin instances of its own.

The four builds of one command (two editions, online and offline) share the same
templates; TEMPLATES keeps their compiled form in memory so each is compiled once
(measured: most of the build's time went to compiling them four times).
"""

import logging
from contextlib import contextmanager

import jinja2

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

import errors


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates, keyed by Jinja on their name, file and source checksum."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()


def is_offline_edition(config) -> bool:
    """Whether this build makes the offline edition (OFFLINE=true, hooks/offline.py)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@contextmanager
def own_plugins():
    option = MkDocsConfig.plugins
    saved, option.plugin_cache = option.plugin_cache, {}
    try:
        yield
    finally:
        option.plugin_cache = saved


@contextmanager
def quiet(records: list):
    """Keep what MkDocs logs in `records` instead of printing it (strict mode still
    counts the warnings: build() adds its counter to the logger itself). MkDocs
    prints a message only once per run; what was kept here may be printed later."""
    logger = logging.getLogger("mkdocs")
    keep = logging.Handler(logging.WARNING)
    keep.emit = lambda record: records.append(record.getMessage())
    once = [f for f in logging.getLogger("mkdocs.commands.build").filters if hasattr(f, "msgs")]
    printed = [set(f.msgs) for f in once]
    saved, logger.handlers = logger.handlers, [keep]
    try:
        yield
    finally:
        logger.handlers = saved
        for duplicate_filter, messages in zip(once, printed):
            duplicate_filter.msgs = messages


def build_configuration(config_file, command="build", extra=None, **overrides):
    """Load `config_file` with `overrides` (site_dir, site_url, strict...), add `extra`
    to its extra settings, and build it, as `mkdocs <command>` would."""
    caller = dict(errors.running)
    with own_plugins():
        config = load_config(str(config_file), **overrides)
        config.extra.update(extra or {})
        config.plugins.on_startup(command=command, dirty=False)
        # For `serve`, drafts are built too (MkDocs knows serve by its address).
        serve_url = config.site_url if command == "serve" else None
        try:
            build(config, serve_url=serve_url)
        finally:
            config.plugins.on_shutdown()
            errors.running.update(caller)
