"""The site as it grows: a copy of the project with items added the way EDITING.md tells
an editor to (./dev new, --translate, --lang ru), with a subheading, a picture beside
an item, a table with aligned columns, items from another outlet, an item in one
language only each way, a translation whose original was withdrawn, and a retitled
home page; built by ./dev build for a sub-path and given the checks every published
page gets. And the same labels with a third edition. No test here assumes which
items the project itself holds: each reads what the copy has."""

import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from support import DESKTOP, ROOT, VNU, PagesServer, Site, copy_project, dev, labels, news_items, normalise, png

sys.path.insert(0, str(ROOT / "tools"))
import links  # noqa: E402


def new_item(project: Path, *args) -> Path:
    """./dev new as an editor runs it; the file it wrote."""
    result = dev(project, "new", *args)
    assert result.returncode == 0, result.stderr
    return project / result.stdout.split("wrote ", 1)[1].split(",", 1)[0]


def fill(path: Path, body: str, **fields):
    """Type over ./dev new's placeholders, as an editor does: each value written plainly
    on its line, and the draft line deleted."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        key = line.split(":", 1)[0]
        if line == "draft: true":
            continue
        out.append(f"{key}: {fields.pop(key)}" if key in fields else line)
    assert not fields, f"no such line in {path.name}: {fields}"
    front_end = out.index("---", 1)
    path.write_text("\n".join(out[: front_end + 1]) + "\n\n" + body, encoding="utf-8")


ITEM_BODY = """The workshop met in Ashgabat for two days.

## What was discussed

National preventive mechanisms and the roadmap.

![The workshop's hall in Ashgabat](hall.png)

| Day | Sessions |
|:----|---------:|
| 1   | 4        |
| 2   | 3        |

??? note "The programme"
    Two days of sessions.

=== "First day"
    The mandate of the SPT.

=== "Second day"
    The design of the mechanism.

- [x] Workshop held
- [ ] Law adopted
"""


@dataclass
class Grown:
    project: Path
    site: Site
    pages: dict  # what each added item is: name -> page path in the site


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("grown") / "project")
    pages = {}
    # An English item with a colon and an apostrophe in its headline, and its twin.
    item = new_item(project, "Turkmenistan: a second workshop's findings")
    fill(item, ITEM_BODY, description="Turkmenistan's officials met for a second workshop on the Optional "
                                      "Protocol and its national preventive mechanism.",
         source="nCa (news Central Asia)", source_url="https://www.newscentralasia.net/2026/12/01/second/")
    (item.parent / "hall.png").write_bytes(png(48, 24))
    twin = new_item(project, "--translate", str(item.relative_to(project)))
    fill(twin, "Семинар шёл в Ашхабаде два дня.\n\n![Зал семинара в Ашхабаде](hall.png)\n",
         title="\"Туркменистан: второй семинар\"", description="Официальные лица Туркменистана встретились на "
                                                          "втором семинаре по Факультативному протоколу.")
    (twin.parent / "hall.png").write_bytes(png(48, 24))
    pages["twinned"] = item.relative_to(project / "docs/en").with_suffix("").as_posix() + "/index.html"
    # One language only, each way, from other outlets.
    english = new_item(project, "A report from another outlet")
    fill(english, "The text of the report.\n", description="A report published in English only, by an "
                                                          "outlet other than nCa, to see what the site says.",
         source="Example Outlet", source_url="https://example.org/2026/11/20/report/")
    pages["english_only"] = english.relative_to(project / "docs/en").with_suffix("").as_posix() + "/index.html"
    russian = new_item(project, "--lang", "ru", "Сообщение только на русском")
    fill(russian, "Текст сообщения.\n", description="Сообщение, опубликованное только на русском языке "
                                                  "другим изданием, чтобы проверить подписи.",
         source="Пример издания", source_url="https://example.org/ru/2026/11/21/report/")
    pages["russian_only"] = "ru/" + russian.relative_to(project / "docs/ru").with_suffix("").as_posix() + "/index.html"
    # A translation whose English original was later withdrawn.
    withdrawn = new_item(project, "An original later withdrawn")
    fill(withdrawn, "The text.\n", description="An English original that the editors withdrew after its "
                                               "Russian translation was published.",
         source="nCa (news Central Asia)", source_url="https://www.newscentralasia.net/2026/11/22/withdrawn/")
    orphan = new_item(project, "--translate", str(withdrawn.relative_to(project)))
    fill(orphan, "Текст.\n", title="Перевод отозванного оригинала",
         description="Перевод, оригинал которого на английском языке редакция сняла с сайта.")
    withdrawn.unlink()
    pages["orphan"] = "ru/" + orphan.relative_to(project / "docs/ru").with_suffix("").as_posix() + "/index.html"
    # A picture on the explainer, an ordinary page one folder deep once published.
    with (project / "docs/en/opcat.md").open("a", encoding="utf-8") as explainer:
        explainer.write("\n![A chart of the ratifications](chart.png)\n")
    (project / "docs/en/chart.png").write_bytes(png(32, 32))
    # The home page retitled.
    home = project / "docs/en/index.md"
    text = home.read_text(encoding="utf-8")
    title = yaml.safe_load(text.split("---\n")[1])["title"]
    assert title.split()[0] in text
    start = text.index("title:")
    home.write_text(text[:start] + "title: A retitled home page\n" + text[text.index("description:"):],
                    encoding="utf-8")

    server = PagesServer("/grown/")
    result = dev(project, "build", env={"SITE_URL": server.url})
    assert result.returncode == 0, result.stderr[-3000:]
    server.serve(project / "site")
    yield Grown(project, Site(project / "site", server.url), pages)
    server.close()


# --- What every published page gets ---------------------------------------------------

def test_every_page_of_the_grown_site_is_valid_html(grown):
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", str(grown.site.root)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


def test_every_internal_link_of_the_grown_site_and_its_offline_zip_leads_somewhere(grown):
    problems = links.internal(grown.site.root)
    assert not problems, "\n".join(problems)


def test_every_grown_page_carries_the_policy_and_needs_no_inline_style(grown):
    for path in grown.site.pages():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one('meta[http-equiv="Content-Security-Policy"]'), path
        assert not soup.select("[style]"), f"{path}: an inline style the policy blocks"


def test_the_item_with_a_picture_and_a_table_passes_axe_and_shows_both(grown, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(grown.site.url + grown.pages["twinned"].removesuffix("index.html"))
    picture = page.locator(".news-body img")
    picture.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth", picture.element_handle()) == 48
    cells = page.locator(".news-body td")
    assert [cells.nth(n).evaluate("td => getComputedStyle(td).textAlign") for n in range(2)] == ["left", "right"]
    results = Axe().run(page, options={"runOnly": {"type": "tag",
                                                   "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}})
    assert results.violations_count == 0, results.generate_report()
    # Material's syntax: a collapsible block, tabs that switch, a task list.
    assert page.locator(".news-body details summary").inner_text() == "The programme"
    second = page.get_by_text("The design of the mechanism.")
    assert not second.is_visible()
    page.locator(".news-body .tabbed-labels label").nth(1).click()
    assert second.is_visible()
    assert page.locator(".news-body .task-list-item input[checked]").count() == 1
    assert not failed, failed
    context.close()


def test_a_picture_on_an_ordinary_page_is_served_under_the_sub_path(grown):
    from urllib.request import urlopen
    img = grown.site.html("opcat/index.html").select(".md-content img")[-1]["src"]
    address = grown.site.resolve("opcat/index.html", img)
    assert address.startswith(grown.site.url) and urlopen(address, timeout=10).read() == (
        grown.project / "docs/en/chart.png").read_bytes()


def test_pictures_travel_with_their_items_into_the_offline_zip(grown):
    with zipfile.ZipFile(grown.site.root / "downloads" / "turkmenistan-opcat-offline.zip") as offline:
        names = set(offline.namelist())
        for item in (grown.pages["twinned"], "ru/" + grown.pages["twinned"]):
            html = item.removesuffix("/index.html") + ".html"
            img = BeautifulSoup(offline.read(html), "html.parser").select_one(".news-body img")["src"]
            assert str(Path(html).parent / img).replace("\\", "/") in names, (html, img)


# --- What the site says about sources and languages ------------------------------------------

def notices(grown, path):
    soup = grown.site.html(path)
    return [normalise(p.get_text(" ")) for p in soup.select(".news-translation")], soup


def in_language(lang, other):
    return labels(lang)["in_language"][other]


def test_an_item_in_one_language_says_which_language_it_lacks(grown):
    said, _ = notices(grown, grown.pages["english_only"])
    assert said == [labels("en")["no_translation"].replace("{language}", in_language("en", "ru"))]
    said, _ = notices(grown, grown.pages["russian_only"])
    assert said == [labels("ru")["no_translation"].replace("{language}", in_language("ru", "en"))]


def test_a_translation_links_its_original_here_and_at_the_outlet_in_its_language(grown):
    said, soup = notices(grown, "ru/" + grown.pages["twinned"])
    original_here = labels("ru")["original_text"].replace("{language}", in_language("ru", "en"))
    assert len(said) == 1 and said[0].startswith(labels("ru")["translation_notice"]) and original_here in said[0]
    link = soup.select_one(".news-translation a[hreflang=en]")
    assert grown.site.resolve("ru/" + grown.pages["twinned"], link["href"]) == (
        grown.site.url + grown.pages["twinned"].removesuffix("index.html"))
    outlet = f"{labels('ru')['original']} ({in_language('ru', 'en')})"
    assert [normalise(a.get_text()) for a in soup.select(".news-source a")] == [outlet]


def test_a_translation_whose_original_was_withdrawn_does_not_contradict_itself(grown):
    said, soup = notices(grown, grown.pages["orphan"])
    assert said == [f"{labels('ru')['translation_notice']} {labels('ru')['original']} ({in_language('ru', 'en')})"]
    assert soup.select_one(".news-translation a")["href"].startswith("https://www.newscentralasia.net/")


def test_each_item_credits_its_own_outlet_and_the_footer_names_none(grown):
    for key, outlet in (("english_only", "Example Outlet"), ("russian_only", "Пример издания")):
        soup = grown.site.html(grown.pages[key])
        assert outlet in soup.select_one(".news-source").get_text()
        assert outlet in soup.select_one(".md-copyright__source").get_text()
    for path in grown.site.pages():
        footer = grown.site.html(path.relative_to(grown.site.root).as_posix()).select_one(".md-copyright__highlight")
        assert footer is None or "nCa" not in footer.get_text(), path


def test_the_news_pages_list_every_item_and_the_retitled_home_page(grown):
    for lang, folder in (("en", ""), ("ru", "ru/")):
        listed = [normalise(a.get_text()) for a in grown.site.html(folder + "news/index.html").select(".news-index a")]
        assert listed == [" ".join(fields["title"].split()) for _, fields in news_items(grown.project, lang)]
    assert "A retitled home page" in listed_home(grown)


def listed_home(grown):
    return normalise(grown.site.html("index.html").select_one("h1#news-title").get_text())


# --- Three editions ------------------------------------------------------------------------

UZBEK = """INHERIT: mkdocs.yml
site_name: Turkmenistan and OPCAT (uz)
docs_dir: docs/uz
site_dir: site/uz
theme:
  language: uz
extra_templates: []
plugins:
  - search:
      lang: en
  - offline:
      enabled: !ENV [OFFLINE, false]
"""


def test_with_a_third_edition_an_item_names_each_language_it_lacks_once(project_copy):
    project = project_copy
    configs = {"en": project / "mkdocs.yml", "ru": project / "mkdocs.ru.yml"}
    (project / "mkdocs.uz.yml").write_text(UZBEK, encoding="utf-8")
    (project / "mkdocs.uz.offline.yml").write_text((project / "mkdocs.ru.offline.yml").read_text(
        encoding="utf-8").replace("mkdocs.ru.yml", "mkdocs.uz.yml").replace("lang: ru", "lang: en"), encoding="utf-8")
    english = configs["en"].read_text(encoding="utf-8")
    english = english.replace("      config: mkdocs.ru.yml\n", "      config: mkdocs.ru.yml\n    - lang: uz\n"
                              "      name: Oʻzbekcha\n      locale: uz_UZ\n      path: uz/\n"
                              "      config: mkdocs.uz.yml\n", 1)
    english = english.replace("      ru: in Russian\n", "      ru: in Russian\n      uz: in Uzbek\n", 1)
    configs["en"].write_text(english, encoding="utf-8")
    russian = configs["ru"].read_text(encoding="utf-8")
    configs["ru"].write_text(russian.replace("      ru: на русском языке\n",
                                             "      ru: на русском языке\n      uz: на узбекском языке\n", 1),
                             encoding="utf-8")
    (project / "docs/glossary/uz.md").write_bytes((project / "docs/glossary/en.md").read_bytes())
    (project / "docs/uz").mkdir()
    for page in ("index.md", "opcat.md", "news.md"):
        (project / "docs/uz" / page).write_bytes((project / "docs/en" / page).read_bytes())
    item = new_item(project, "A report in English only")
    fill(item, "The text.\n", description="A report published in English only, with three editions of the "
                                          "site, to see each missing language named once.",
         source="Example Outlet", source_url="https://example.org/2026/11/23/three/")
    result = dev(project, "build")
    assert result.returncode == 0, result.stderr[-3000:]
    path = item.relative_to(project / "docs/en").with_suffix("").as_posix() + "/index.html"
    soup = BeautifulSoup((project / "site" / path).read_text(encoding="utf-8"), "html.parser")
    said = [normalise(p.get_text()) for p in soup.select(".news-translation")]
    template = labels("en")["no_translation"]
    assert said == [template.replace("{language}", "in Russian"), template.replace("{language}", "in Uzbek")]
    assert sorted(a["hreflang"] for a in soup.select(".site-language a")) == ["ru", "uz"]
