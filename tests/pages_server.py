"""A static server that behaves like GitHub Pages for a project site: the site lives
under a sub-path, directories serve their index.html, and any unknown address gets
the site's 404.html with status 404."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, **kwargs):
        self.root, self.prefix = root, prefix
        super().__init__(*args, directory=str(root), **kwargs)

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if not bare.startswith(self.prefix):
            return str(self.root / "__outside_the_site__")
        return super().translate_path("/" + bare[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = self.root / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


class PagesServer:
    """Bind first (so the site can be built for this address), serve later."""

    def __init__(self, prefix: str = "/opcat-site/"):
        self.prefix = prefix
        self.root = None
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._make_handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}{prefix}"

    def _make_handler(self, *args, **kwargs):
        return _Handler(*args, root=self.root, prefix=self.prefix, **kwargs)

    def serve(self, root: Path):
        self.root = Path(root)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self):
        self._httpd.shutdown()
        self._httpd.server_close()
