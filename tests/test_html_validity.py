"""The Nu HTML Checker (vnu-jar, run with Java) finds no error in any built page, in
either edition. Material's own markup errors are fixed in hooks/material_fixes.py,
not filtered here."""

import json
import shutil
import subprocess

from support import VNU

def test_every_page_is_valid_html(site):
    assert VNU.is_file(), "vnu-jar is missing: run the tests with ./dev test, which installs it"
    java = shutil.which("java")
    assert java, "java is missing: run the tests with ./dev test, which installs it"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(site.root)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/', 3)[-3:]}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert not errors, "\n".join(errors)
    checked = len(list(site.root.rglob("*.html")))
    assert checked >= 6
