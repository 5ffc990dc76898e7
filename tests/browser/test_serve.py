"""The README's serve command: it serves the site on 127.0.0.1, and an edited page
shows its change in the open browser without a manual rebuild (live reload)."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from playwright.sync_api import expect



def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(project_copy):
    """`./dev serve` running in a copy of the project; yields (url, copy)."""
    port = free_port()
    process = subprocess.Popen(
        ["./dev", "serve"], cwd=project_copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, start_new_session=True,
        env={**os.environ, "VENV": sys.prefix, "PORT": str(port)},
    )
    output = []
    threading.Thread(target=lambda: output.extend(process.stdout), daemon=True).start()
    deadline = time.monotonic() + 60
    while not any("Serving on" in line for line in output):
        assert process.poll() is None, "".join(output)
        assert time.monotonic() < deadline, "serve did not start in 60 s:\n" + "".join(output)
        time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/", project_copy
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def test_serve_shows_an_edited_page_without_a_manual_rebuild(served, reader):
    url, project = served
    page, _ = reader(None)
    page.goto(url + "opcat/")
    expect(page.locator(".md-content h1")).to_have_text("OPCAT and national preventive mechanisms, explained")
    marker = f"Live reload check {time.time_ns()}"
    explainer = project / "docs" / "en" / "opcat.md"
    explainer.write_text(explainer.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    expect(page.get_by_text(marker)).to_be_visible(timeout=30000)
    # The Russian edition is served and rebuilt by the same command.
    page.goto(url + "ru/opcat/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
