"""The whole build, as ./dev build and ./dev serve run it:

1. checks/ reads and checks every source (python -m checks): a mistake stops here,
   with one message naming docs/<lang>/..., before any engine starts;
2. for each build, its configuration is written beside mkdocs.yml: the edition's,
   with INHERIT resolved, and the plain values its templates read added under
   `extra` (tools/site_data.py);
3. the engine builds each configuration in a process of its own, two at a time
   (the machine this is measured on has two cores): first the offline edition of
   each language (mkdocs.offline.yml, mkdocs.ru.offline.yml), which finish/ packs
   into one zip, then the online editions (mkdocs.yml, mkdocs.ru.yml), whose pages
   link the zip with its size;
4. finish/ rewrites the built folders once, after every build: joined assets, the
   markup fixes, the policy hashes, feeds, sitemaps, CNAME;
5. the result replaces the output folder whole, only when everything passed.

    python tools/build.py [--engine mkdocs|zensical] [--out DIR] [--preview] [-q]

--preview (./dev serve) includes the drafts and leaves out what a preview has no
use for: the offline zip, the feeds and the policy (the live-reload script is
inline). The engine's messages name a page as docs/<lang>/... here, since the
engine only knows the page by its path in the edition's folder.
"""

import argparse
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import checks  # noqa: E402
from checks.config import write_config  # noqa: E402
from checks.editions import offline_config  # noqa: E402
import engines  # noqa: E402
import finish  # noqa: E402
import site_data  # noqa: E402

PREVIEW_URL = "http://127.0.0.1:8000/"
# How MkDocs names a page in its messages: by its path in the docs folder.
ENGINE_FILE = re.compile(r"\b(Doc file|the doc|Error reading page|Error building page|page) '([^']+\.md)'")


class BuildFailed(Exception):
    """The build stopped; the message is what the editor needs to read."""


@dataclass(eq=False)
class Build:
    edition: object  # checks.Edition
    offline: bool
    folder: Path  # where the engine writes

    @property
    def config_file(self) -> Path:
        name = self.edition.config_file.name
        return ROOT / (offline_config(name) if self.offline else name)

    @property
    def docs(self) -> str:
        return f"docs/{self.edition.lang}"


def name_the_folder(text: str, docs: str) -> str:
    """MkDocs says 'news/a.md'; the editor's file is docs/ru/news/a.md."""
    return ENGINE_FILE.sub(lambda m: m.group() if m.group(2).startswith("docs/")
                           else f"{m.group(1)} '{docs}/{m.group(2)}'", text)


def engine_messages(text: str, docs: str) -> str:
    """What the engine said, files named from the project, without a traceback's
    frames: the last line of a traceback is the message."""
    text = name_the_folder(text, docs)
    if "Traceback (most recent call last)" in text:
        before, _, frames = text.partition("Traceback (most recent call last)")
        text = before + frames.strip().splitlines()[-1] + "\n"
    return text.replace("Aborted with a BuildError!", "").strip()


def run_builds(builds, engine: str, work: Path, run_id: str, quiet: bool, values) -> dict:
    """Each build in its own process, two at a time; returns build -> (ok, messages)."""
    layers = [ROOT / f".build-{run_id}.{build.config_file.stem}.yml" for build in builds]
    try:
        for build, layer in zip(builds, layers):
            write_config(values(build), layer)
        results = engines.ENGINES[engine](layers, work, quiet)
    finally:
        for layer in layers:
            layer.unlink(missing_ok=True)
    return {build: (ok, engine_messages(said, build.docs)) for build, (ok, said) in zip(builds, results)}


def assemble(builds, tree: Path):
    """The editions' folders as one site: the first at the root, the others in their paths."""
    for build in builds:
        target = tree / build.edition.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(build.folder), str(target))


# What to write instead, after the engine's own words for the mistakes it finds.
HINTS = {
    "but the target": "Write the link to the Markdown file as it lies in the edition's folder, relative to the "
                      "page that links it, such as [the explainer](../opcat.md) from news/ (EDITING.md, Editing a page).",
    "does not contain an anchor": "Link to a heading that is there: its anchor is the heading in lower case, words "
                                  "joined by hyphens, as the page's own permanent links show.",
}


def report(results: dict, failed: bool = False) -> str:
    """What the builds said; for a failed build, its warnings and errors alone, each
    known mistake with what to write instead."""
    said = []
    for ok, messages in results.values():
        if failed and ok:
            continue
        lines = [line for line in messages.splitlines() if not (failed and line.startswith("INFO"))]
        if failed:
            lines = [line for line in lines if not line.startswith("Aborted with")]
            lines += [hint for key, hint in HINTS.items() if key in messages]
        said.append("\n".join(lines))
    return "\n".join(filter(None, said))


def finish_step(step, *args, **kwargs):
    try:
        step(*args, **kwargs)
    except finish.FinishFailed as error:
        raise BuildFailed(f"the finishing steps stopped: {error}") from None


def build_site(out: Path, *, engine="mkdocs", preview=False, quiet=False, root_url=None):
    """Check, build every configuration, finish, and put the site into `out`."""
    try:
        sources = checks.check_site(ROOT)
    except checks.SourceError as error:
        raise BuildFailed(str(error)) from None
    root_url = root_url or os.environ.get("SITE_URL") or PREVIEW_URL
    if not root_url.endswith("/"):
        root_url += "/"
    for edition in sources.editions:
        edition.url = root_url + edition.path
    run_id = f"{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix=".build-", dir=ROOT) as work:
        work = Path(work)
        download = None
        offline_failure = None
        if not preview:
            offline = [Build(e, True, work / "offline-parts" / e.lang) for e in sources.editions]
            results = run_builds(offline, engine, work, run_id, True, lambda b: site_data.layer(
                sources, b.edition, inherit=b.config_file, site_dir=str(b.folder), root_url=root_url,
                offline=True, preview=False))
            if all(ok for ok, _ in results.values()):
                assemble(offline, work / "offline")
                facts = {e.lang: site_data.finishing(sources, e, root_url, offline=True) for e in sources.editions}
                finish_step(finish.finish_offline, work / "offline", sources, facts)
                download = finish.pack(work / "offline")
            else:
                offline_failure = report(results, failed=True)
        online = [Build(e, False, work / "parts" / e.lang) for e in sources.editions]
        results = run_builds(online, engine, work, run_id, quiet, lambda b: site_data.layer(
            sources, b.edition, inherit=b.config_file, site_dir=str(b.folder), root_url=root_url,
            offline=False, preview=preview, download=download and len(download)))
        if not all(ok for ok, _ in results.values()):
            raise BuildFailed(report(results, failed=True) or "the engine failed without a message")
        said = report(results)
        if offline_failure is not None:
            # Reported only when the online editions built: a mistake in a page is
            # reported once, by the online build, naming the edition's file.
            raise BuildFailed(f"the offline edition did not build:\n{offline_failure}")
        if said and not quiet:
            print(said, file=sys.stderr)
        site = work / "site"
        assemble(online, site)
        facts = {e.lang: site_data.finishing(sources, e, root_url, offline=False) for e in sources.editions}
        finish_step(finish.finish_online, site, sources, facts, root_url=root_url, preview=preview,
                    download=download)
        # mkdtemp's folders are private (0700); a web server must read them.
        for path in [site, *site.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        if out.exists():
            shutil.rmtree(out)
        shutil.move(str(site), str(out))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=sorted(engines.ENGINES), default="mkdocs")
    parser.add_argument("--out", type=Path, default=ROOT / "site")
    parser.add_argument("--preview", action="store_true")
    parser.add_argument("-q", "--quiet", action="store_true")
    parser.add_argument("--publishing", action="store_true", help="refuse to build for the preview's address")
    args = parser.parse_args(argv)
    try:
        if args.publishing:
            checks.check_deploy_address(os.environ)
        build_site(args.out.resolve(), engine=args.engine, preview=args.preview, quiet=args.quiet)
    except (BuildFailed, checks.SourceError) as error:
        print(f"{error}\nbuild: stopped; {args.out.name}/ was left as it was", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"build: built the site into {args.out.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
