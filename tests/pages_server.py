"""A static server that behaves like GitHub Pages for a project site: the site lives
under a sub-path, directories serve their index.html, any unknown address gets the
site's 404.html with status 404, text is sent gzip-compressed to clients that ask,
and every response may be cached for ten minutes (Cache-Control: max-age=600)."""

import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript",
                      ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml"}

    def __init__(self, *args, root: Path, prefix: str, sent: list, **kwargs):
        self.root, self.prefix, self.sent = root, prefix, sent
        super().__init__(*args, directory=str(root), **kwargs)

    def translate_path(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        if not bare.startswith(self.prefix):
            return str(self.root / "__outside_the_site__")
        return super().translate_path("/" + bare[len(self.prefix):])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        return self.send_body(200, self.guess_type(str(path)), path.read_bytes())

    def send_body(self, status, content_type, body):
        if content_type.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            encoding = "gzip"
        else:
            encoding = None
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type.startswith("text/") else ""))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command != "HEAD":
            self.sent.append((self.path, len(body)))
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None):
        page = self.root / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = self.send_body(404, "text/html", page.read_bytes())
        if self.command != "HEAD":
            self.wfile.write(body.read())

    def log_message(self, *args):
        pass


class PagesServer:
    """Bind first (so the site can be built for this address), serve later."""

    def __init__(self, prefix: str = "/opcat-site/"):
        self.prefix = prefix
        self.root = None
        # (address, bytes of the body as sent) for every response: what the server
        # itself counts (bench/run.py checks the browser's count against it).
        self.sent = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._make_handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}{prefix}"

    def _make_handler(self, *args, **kwargs):
        return _Handler(*args, root=self.root, prefix=self.prefix, sent=self.sent, **kwargs)

    def serve(self, root: Path):
        self.root = Path(root)
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self):
        self._httpd.shutdown()
        self._httpd.server_close()
