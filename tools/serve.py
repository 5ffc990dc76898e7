"""./dev serve: the preview of every edition (English at /, Russian at /ru/) on
127.0.0.1, rebuilt by tools/build.py when a source, the theme, a configuration or
the build's own code changes, and reloaded in the open browser (MkDocs' live-reload
server). The preview shows drafts, marked; it has no offline zip, feeds or policy.

A mistake in the first build stops the preview with the build's one message; a
mistake made while it runs is printed, and the last good build stays on show until
the mistake is fixed.
"""

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

import build

WATCHED = ("docs", "overrides", "extensions", "checks", "finish", "tools")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="INFO    -  %(message)s", stream=sys.stderr)
    url = f"http://127.0.0.1:{args.port}/"
    with tempfile.TemporaryDirectory(prefix="preview-") as folder:
        site = Path(folder) / "site"

        def rebuild():
            # A mistake is said and the preview goes on: the last good build stays
            # on show (build_site replaces the folder only when all of it passed).
            try:
                build.build_site(site, preview=True, quiet=True, root_url=url)
            except build.BuildFailed as error:
                print(f"{error}\nserve: the preview shows the last good build until this is fixed", file=sys.stderr)

        try:
            build.build_site(site, preview=True, quiet=True, root_url=url)
        except build.BuildFailed as error:
            print(f"{error}\nserve: stopped; fix this and run ./dev serve again", file=sys.stderr)
            return 1
        server = LiveReloadServer(builder=rebuild, host="127.0.0.1", port=args.port, root=str(site))
        server.error_handler = lambda code: (site / "404.html").read_bytes() if code == 404 and (
            site / "404.html").is_file() else None
        for name in WATCHED:
            if (build.ROOT / name).is_dir():
                server.watch(str(build.ROOT / name))
        for config in sorted(build.ROOT.glob("mkdocs*.yml")):
            server.watch(str(config))
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
