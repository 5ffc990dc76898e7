"""The offline edition: the whole site, both languages, in one .zip that works from a
USB stick (file:// addresses, no server, no network), search included. Its pages
are built by Material's offline plugin (mkdocs.offline.yml, mkdocs.ru.offline.yml);
this packs them, byte for byte the same for the same commit (entries sorted, dated
by SOURCE_DATE_EPOCH), and the online pages link it, with its size, from the footer.
"""

import datetime
import io
import os
import zipfile
from pathlib import Path

# Where the online site publishes the zip (every edition's footer links it).
ZIP_PATH = "downloads/turkmenistan-opcat-offline.zip"


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
