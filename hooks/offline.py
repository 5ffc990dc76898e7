"""The offline edition: the whole site, both languages, in one .zip that works from a
USB stick (file:// addresses, no server, no network), search included.

- With OFFLINE=1, Material's offline plugin is on (in mkdocs.yml and mkdocs.ru.yml):
  file links end in index.html and the search index is inlined. That plugin would
  add its iframe-worker shim from a CDN; the project ships its own copy instead.
- A normal build of the root edition first builds the offline edition into a
  temporary folder (removed at once) and packs it as downloads/<name>.zip, byte for
  byte the same for the same commit (entries sorted, dated by SOURCE_DATE_EPOCH);
  the pages link it, with its size, from the footer. `mkdocs serve` skips it.
- That first build is quiet: a mistake in the content is reported by the online
  build, naming the edition's file, not by the offline copy in a temporary folder.
  Should only the offline build fail, the build stops once the rest has passed,
  with what the offline build said.
"""

import datetime
import io
import logging
import os
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))
from nested_build import build_configuration, is_offline_edition as offline, quiet  # noqa: E402

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
ZIP_NAME = "turkmenistan-opcat-offline.zip"
FOLDER = "downloads"

current_command = "build"


def on_startup(command, dirty):
    global current_command
    current_command = command


@event_priority(100)  # before Material's offline plugin, which adds the CDN copy otherwise
def on_config(config):
    if offline(config):
        config.extra["polyfills"] = [SHIM]
    return config


def on_files(files, config):
    """Only the offline edition needs the shim."""
    if not offline(config):
        shim = files.get_file_from_path(SHIM)
        if shim:
            files.remove(shim)
    return files


def pack(folder: Path) -> bytes:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # default: 1980-01-01
    stamp = datetime.datetime.fromtimestamp(max(epoch, 315532800), datetime.timezone.utc).timetuple()[:6]
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        # No 404 pages: from a folder there is no server to show them, and their
        # links are written from the server's root, which file:// cannot follow.
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "404.html"):
            entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)
    return data.getvalue()


def on_env(env, config, files):
    """`megabytes`: 1.2 MB, or 1,2 МБ in Russian, for the download's size."""
    def megabytes(size):
        value = f"{size / 1_000_000:.1f}"
        return f"{value.replace('.', ',')}\u00a0МБ" if config.theme["language"] == "ru" else f"{value}\u00a0MB"
    env.filters["megabytes"] = megabytes
    return env


def is_root(config) -> bool:
    return config.site_url == config.extra.get("site_root_url", config.site_url)


def on_pre_build(config):
    """Build and pack the offline edition before the pages that link it are drawn.
    What it made, or why it failed, is kept in the configuration of this build (hook
    modules are shared by every build of the process)."""
    if offline(config) or current_command == "serve" or not is_root(config):
        return
    previous = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    said = []
    try:
        with tempfile.TemporaryDirectory(prefix="offline-") as work, quiet(said):
            build_configuration(config.config_file_path, site_dir=str(Path(work) / "site"),
                                site_url=config.site_url, strict=config.strict)
            data = pack(Path(work) / "site")
    except Exception as error:  # reported in on_post_build, if the online build gets there
        config.extra["offline_failure"] = "\n".join([*said, str(error)])
        return
    finally:
        if previous is None:
            del os.environ["OFFLINE"]
        else:
            os.environ["OFFLINE"] = previous
    config.extra["offline_download"] = {"path": f"{FOLDER}/{ZIP_NAME}", "size": len(data), "zip": data}


def online_warnings() -> int:
    """The warnings this strict build has counted (MkDocs' own counter on its logger)."""
    from mkdocs.utils import CountHandler
    counters = [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]
    return sum(count for counter in counters for _, count in counter.get_counts())


def on_post_build(config):
    if not is_root(config):
        return
    # A mistake the online build has reported already is not reported again, from
    # the offline copy: the editor sees it once, naming the edition's file.
    if "offline_failure" in config.extra and not online_warnings():
        raise PluginError(f"the offline edition (hooks/offline.py) did not build:\n{config.extra['offline_failure']}")
    download = config.extra.get("offline_download")
    if download:
        target = Path(config.site_dir) / download["path"]
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(download["zip"])
