"""The pages the CLI writes, opened in headless Chromium (Debian's chromium via Playwright).

Each page must load with no console error and no request to any URL but the file itself,
draw the expected numbers of nodes and edges (read from ``window.network``), show legible
labels at the default zoom of a 1440×900 window, find nodes by typed names, hide and show
focus areas and actor kinds, highlight what a click asks for, colour a kind alike on every
page, run nothing smuggled in through a label, and print to A4 as the steering group needs.
Screenshots land in ``test-output/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import io
import json
import math
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():  # pragma: no cover - depends on the machine
    message = (f"BROWSER TESTS SKIPPED: {CHROMIUM} is missing; install Debian's chromium "
               "(.ci/run does) to run tests/test_browser.py")
    warnings.warn(message)
    print(f"\n*** {message} ***\n")
    pytest.skip(message, allow_module_level=True)

from cli import main  # noqa: E402

pytestmark = pytest.mark.browser

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-output" / "screenshots"
DATA = Path(__file__).parent / "data"
SMALL = DATA / "p-small-plan-with-hostile-labels.ttl"
SECOND = DATA / "v-second-partnership-with-prospective-roles.ttl"
D = "https://w3id.org/theory/data/tingbjerg-husum/"
T = "https://w3id.org/theory/data/test/"
POLICE = "https://w3id.org/theory/data/actors/koebenhavns-politi"
WINDOW = {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Every page, written by the CLI: the shipped plan's views (Danish, English, filtered) and
    report, the second partnership's actors, and the hostile fixture's."""
    folder = tmp_path_factory.mktemp("pages")
    runner = CliRunner()
    written = {}
    jobs = [(f"{view}.html", ["render", view]) for view in ("changetheory", "actors", "coverage")]
    jobs += [("actors-en.html", ["render", "actors", "--lang", "en"]),
             ("actors-byliv.html", ["render", "actors", "--focus-area", "Trygt byliv"]),
             ("second-actors.html", ["render", "actors", "--data", str(SECOND)])]
    jobs += [(f"hostile-{view}.html", ["render", view, "--data", str(SMALL)]) for view in ("changetheory", "actors", "coverage")]
    jobs += [("report.html", ["report"]), ("hostile-report.html", ["report", "--data", str(SMALL)])]
    for name, args in jobs:
        result = runner.invoke(main, args + ["-o", str(folder / name)])
        assert result.exit_code == 0, result.output
        written[name] = folder / name
    import networkx as nx

    from theory.output import write_file
    from theory.render.actors import network_picture
    from theory.render.page import view_html

    written["empty.html"] = folder / "empty.html"
    write_file(written["empty.html"], view_html(network_picture(nx.Graph(), title="Tom")))
    return written


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Opened:
    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.page = browser.new_page(viewport=WINDOW)
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url)
        self.page.wait_for_selector("html[data-settled='true']", state="attached", timeout=30000)

    def target(self, name: str | None) -> str:
        return f"window.networks[{json.dumps(name)}]" if name else "window.network"

    def counts(self, name: str | None = None):
        target = self.target(name)
        return self.page.evaluate(f"[{target}.body.data.nodes.length, {target}.body.data.edges.length]")

    def point(self, node_id: str, name: str | None = None) -> tuple[float, float]:
        target = self.target(name)
        return tuple(self.page.evaluate(
            f"""(id) => {{ const n = {target}; n.body.container.scrollIntoView({{block: "center"}});
                const p = n.canvasToDOM(n.getPosition(id));
                const r = n.body.container.getBoundingClientRect();
                return [r.left + p.x, r.top + p.y]; }}""", node_id))

    def hover(self, node_id: str, name: str | None = None) -> str:
        self.page.evaluate(f"(id) => {self.target(name)}.focus(id, {{scale: 1.0}})", node_id)
        x, y = self.point(node_id, name)
        self.page.mouse.move(x + 30, y + 30)
        self.page.mouse.move(x, y, steps=4)
        self.page.wait_for_selector(".vis-tooltip", state="visible", timeout=5000)
        return self.page.inner_text(".vis-tooltip")

    def search(self, view: str, text: str) -> list[str]:
        box = self.page.locator(f'form.search[data-view="{view}"] input[type=search]')
        box.fill(text)
        box.press("Enter")
        return sorted(self.page.evaluate(f"window.networks[{json.dumps(view)}].getSelectedNodes()"))

    def node(self, view: str, node_id: str) -> dict:
        return self.page.evaluate(
            f"(id) => {{ const n = window.theoryViews[{json.dumps(view)}].nodes.get(id); "
            "return {hidden: !!n.hidden, dimmed: !!n.dimmed, colour: n.color.background}; }", node_id)

    def shoot(self, name: str, full: bool = False):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / name), full_page=full)

    def clean(self):
        assert self.errors == [], self.errors
        assert set(self.requests) == {self.url}, self.requests
        assert self.dialogs == []
        self.page.close()


def _drawn(path: Path) -> list[dict]:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="theory-networks">(.*?)</script>', html, re.S).group(1))


def _fold(text: str) -> set[str]:
    from theory.names import normal_forms

    return set(normal_forms(text))


# --- drawing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("view, nodes", [("changetheory", 36), ("actors", None)])  # 16 + 4 + 15 + 1
def test_network_views_load_cleanly_and_draw_every_node_and_edge(browser, pages, view, nodes):
    opened = Opened(browser, pages[f"{view}.html"])
    data = _drawn(pages[f"{view}.html"])[0]
    counts = opened.counts()
    assert counts == [len(data["nodes"]), len(data["edges"])]
    if nodes is not None:
        assert counts[0] == nodes
    assert opened.page.is_visible(f"#legend-{view}")
    assert opened.page.locator(f"#legend-{view} li").count() >= 6
    assert opened.page.locator(f'form.search[data-view="{view}"] input[type=search]').count() == 1
    opened.shoot(f"{view}.png")
    opened.clean()


def test_change_theory_labels_are_legible_at_the_default_zoom(browser, pages):
    opened = Opened(browser, pages["changetheory.html"])
    sizes = opened.page.evaluate("""() => {
        const view = window.theoryViews.changetheory, scale = view.network.getScale(), found = {};
        view.nodes.forEach(n => { (found[n.kind] = found[n.kind] || []).push(n.font.size * scale); });
        return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, Math.min(...v)])); }""")
    assert sizes["activity"] >= 12 and sizes["focus-area"] >= 12 and sizes["cross-cutting"] >= 12
    assert sizes["result"] >= 11
    # the whole picture, labels included, is inside its box at that zoom
    inside = opened.page.evaluate("""() => {
        const view = window.theoryViews.changetheory, n = view.network, box = n.body.container;
        return Object.values(view.extents).every(e => {
          const a = n.canvasToDOM({x: e.left, y: e.top}), b = n.canvasToDOM({x: e.right, y: e.bottom});
          return a.x >= 0 && a.y >= 0 && b.x <= box.clientWidth && b.y <= box.clientHeight; }); }""")
    assert inside
    opened.clean()


def test_coverage_page_settles_and_says_how_it_counts(browser, pages):
    opened = Opened(browser, pages["coverage.html"])
    assert opened.page.locator("table.matrix tbody tr").count() == 17  # 16 activities + totals
    assert "2.210.000 kr." in opened.page.inner_text("table.matrix tr.totals")
    assert opened.page.inner_text("#counting-note").startswith("Fuld optælling: en aktivitet tæller med hele sit budget")
    assert opened.page.is_visible("#legend-coverage")
    opened.shoot("coverage.png", full=True)
    opened.clean()


def test_a_page_with_nothing_to_draw_still_loads_and_settles(browser, pages):
    opened = Opened(browser, pages["empty.html"])
    assert opened.counts() == [0, 0]
    opened.clean()


def test_hovering_an_activity_shows_its_card_with_the_plans_passage(browser, pages):
    opened = Opened(browser, pages["changetheory.html"])
    tip = opened.hover(D + "activity-faelleshaven")
    assert tip.startswith("1. Fælleshaven")
    assert "Budget 2024: 300.000 kr." in tip and "Ansvarlige:" in tip
    assert "“Fælleshaven er en grøn by-oase placeret mellem blokkene i Tingbjerg.”" in tip
    opened.shoot("changetheory-hover.png")
    opened.clean()


# --- search, filters, highlight ----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["faelleshaven", "Fælleshaven", "ÆLLESHAV", "fælleshave"])
def test_search_finds_a_name_however_it_is_typed(browser, pages, typed):
    opened = Opened(browser, pages["changetheory.html"])
    assert opened.search("changetheory", typed) == [D + "activity-faelleshaven"]
    assert opened.page.inner_text('form.search[data-view="changetheory"] output') == "1 fundet"
    x, y = opened.point(D + "activity-faelleshaven")
    box = opened.page.evaluate("(() => { const r = window.network.body.container.getBoundingClientRect(); "
                               "return [r.left, r.top, r.right, r.bottom]; })()")
    assert box[0] <= x <= box[2] and box[1] <= y <= box[3]  # focused: in view
    opened.clean()


def test_search_selects_every_matching_actor_and_activity(browser, pages):
    opened = Opened(browser, pages["actors.html"])
    data = _drawn(pages["actors.html"])[0]
    typed = _fold("bronshoj")
    expected = sorted(n["id"] for n in data["nodes"] if any(t in f for t in typed for f in n["search"]))
    assert len(expected) >= 3
    assert opened.search("actors", "bronshoj") == expected
    assert opened.search("actors", "no such name at all") == []
    assert opened.page.inner_text('form.search[data-view="actors"] output') == "Intet fundet"
    opened.shoot("actors-search.png")
    opened.clean()


def test_checkboxes_hide_and_show_a_focus_area_with_its_results_and_activities(browser, pages):
    opened = Opened(browser, pages["changetheory.html"])
    data = _drawn(pages["changetheory.html"])[0]
    area = D + "fa-trygt-byliv"
    gone = {n["id"] for n in data["nodes"] if n["areas"] and set(n["areas"]) <= {area}}
    assert area in gone and len(gone) > 3
    box = opened.page.locator(f'input[type=checkbox][data-view="changetheory"][data-id="{area}"]')
    box.uncheck()
    hidden = {n["id"] for n in data["nodes"] if opened.node("changetheory", n["id"])["hidden"]}
    assert hidden == gone
    opened.shoot("changetheory-without-trygt-byliv.png")
    box.check()
    assert not any(opened.node("changetheory", n["id"])["hidden"] for n in data["nodes"])
    opened.clean()


def test_checkboxes_hide_and_show_an_actor_kind(browser, pages):
    from theory.namespaces import TH

    opened = Opened(browser, pages["actors.html"])
    box = opened.page.locator(f'input[type=checkbox][data-view="actors"][data-id="{TH.Police}"]')
    box.uncheck()
    assert opened.node("actors", POLICE)["hidden"]
    assert not opened.node("actors", D + "activity-faelleshaven")["hidden"]
    box.check()
    assert not opened.node("actors", POLICE)["hidden"]
    opened.clean()


def test_clicking_an_activity_highlights_its_path_to_the_impact(browser, pages):
    opened = Opened(browser, pages["changetheory.html"])
    data = _drawn(pages["changetheory.html"])[0]
    start = D + "activity-faelleshaven"
    areas = next(n for n in data["nodes"] if n["id"] == start)["areas"]
    results = {e["to"] for e in data["edges"] if e["link"] == "has-result" and e["from"] in areas}
    impacts = {n["id"] for n in data["nodes"] if n["kind"] == "impact"}
    opened.page.mouse.click(*opened.point(start))
    lit = set(opened.page.evaluate("window.theoryViews.changetheory.highlighted.nodes"))
    assert lit == {start, *areas, *results, *impacts}
    assert opened.node("changetheory", D + "activity-videnshuset")["dimmed"]
    assert not opened.node("changetheory", areas[0])["dimmed"]
    opened.shoot("changetheory-path.png")
    box = opened.page.evaluate("(() => { const r = window.network.body.container.getBoundingClientRect(); "
                               "return [r.left, r.top]; })()")
    opened.page.mouse.click(box[0] + 5, box[1] + 5)  # the background
    assert opened.page.evaluate("window.theoryViews.changetheory.highlighted") is None
    assert not opened.node("changetheory", D + "activity-videnshuset")["dimmed"]
    opened.clean()


def test_clicking_an_activity_highlights_its_neighbourhood_in_the_actor_network(browser, pages):
    opened = Opened(browser, pages["actors.html"])
    data = _drawn(pages["actors.html"])[0]
    start = D + "activity-bhv-cup"
    around = {e["from"] for e in data["edges"] if e["to"] == start} | {start}
    opened.page.evaluate("(id) => window.network.focus(id, {scale: 1.2})", start)
    opened.page.mouse.click(*opened.point(start))
    assert set(opened.page.evaluate("window.theoryViews.actors.highlighted.nodes")) == around
    opened.clean()


# --- colours across pages ---------------------------------------------------------------------


def _hex(rgb: str) -> str:
    return "#" + "".join(f"{int(v):02X}" for v in re.findall(r"\d+", rgb)[:3])


def test_the_police_have_one_colour_on_every_page_and_in_the_legend(browser, pages):
    from theory.render.palette import PALETTE

    seen = {}
    for name, view in [("actors.html", "actors"), ("actors-en.html", "actors"), ("actors-byliv.html", "actors"),
                       ("second-actors.html", "actors"), ("report.html", "actors")]:
        opened = Opened(browser, pages[name])
        seen[name] = opened.node(view, POLICE)["colour"].upper()
        swatch = opened.page.evaluate(f"""() => {{
            const item = [...document.querySelectorAll('#legend-{view} li')]
              .find(li => /Politi|Police/.test(li.textContent));
            return getComputedStyle(item.querySelector('.swatch')).backgroundColor; }}""")
        assert _hex(swatch) == seen[name]
        opened.clean()
    assert set(seen.values()) == {PALETTE["vermillion"].upper()}


# --- hostile labels -------------------------------------------------------------------------------


@pytest.mark.parametrize("view", ["changetheory", "actors"])
def test_hostile_labels_show_as_text_and_run_nothing(browser, pages, view):
    opened = Opened(browser, pages[f"hostile-{view}.html"])
    node = T + ("activity-script" if view == "changetheory" else "actor-hostile")
    tip = opened.hover(node)
    assert ("<script>window.__pwned = 1</script>" in tip) or ("<img src=x onerror=alert(1)>" in tip)
    assert opened.page.evaluate("document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length") == 0
    assert opened.page.evaluate("typeof window.__pwned") == "undefined"
    opened.shoot(f"hostile-{view}.png")
    opened.clean()


def test_hostile_labels_in_the_coverage_table_and_report_stay_text(browser, pages):
    for name in ("hostile-coverage.html", "hostile-report.html"):
        opened = Opened(browser, pages[name])
        body = opened.page.inner_text("body")
        assert "<script>window.__pwned = 1</script>" in body
        assert opened.page.evaluate("document.querySelectorAll('main img').length") == 0
        assert opened.page.evaluate("typeof window.__pwned") == "undefined"
        opened.clean()


# --- the report, on screen and printed ---------------------------------------------------------


def test_report_has_its_sections_and_both_networks(browser, pages):
    opened = Opened(browser, pages["report.html"])
    for section in ("glance", "coverage", "actors", "budget", "views"):
        assert opened.page.is_visible(f"section#{section} h2")
    assert not opened.page.is_visible("section#changetheory-print")  # printed only
    assert opened.page.evaluate("Object.keys(window.networks).sort()") == ["actors", "changetheory"]
    assert opened.page.evaluate("window.network === window.networks.changetheory")
    data = {d["name"]: d for d in _drawn(pages["report.html"])}
    for name in ("changetheory", "actors"):
        assert opened.counts(name) == [len(data[name]["nodes"]), len(data[name]["edges"])]
    assert opened.page.locator("#budget-chart rect.bar").count() == 4
    tip = opened.hover(D + "activity-faelleshaven", "changetheory")
    assert "300.000 kr." in tip
    opened.shoot("report.png", full=True)
    opened.clean()


def _pdf_pages(data: bytes) -> list[dict]:
    """Each page of a PDF: its size (points), its lines of text, and its smallest text (points)."""
    from pypdf import PdfReader

    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        sizes = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                matrix_c = tm[2] * cm[0] + tm[3] * cm[2]
                matrix_d = tm[2] * cm[1] + tm[3] * cm[3]
                sizes.append(size * math.hypot(matrix_c, matrix_d))

        text = page.extract_text(visitor_text=visit)
        found.append({"width": float(page.mediabox.width), "height": float(page.mediabox.height),
                      "lines": [" ".join(line.split()) for line in text.splitlines() if line.strip()],
                      "smallest": min(sizes) if sizes else None})
    return found


def test_report_prints_to_a4_with_readable_text_and_no_heading_alone(browser, pages):
    opened = Opened(browser, pages["report.html"])
    opened.page.emulate_media(media="print")
    headings = opened.page.evaluate("""() => [...document.querySelectorAll('main h2, main h3')]
        .filter(h => h.offsetParent !== null)
        .map(h => (h.firstChild && h.firstChild.nodeType === 3 ? h.firstChild.textContent : h.textContent).trim())""")
    data = opened.page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "report.pdf").write_bytes(data)
    printed = _pdf_pages(data)
    assert 5 <= len(printed) <= 9, len(printed)
    portrait = [p for p in printed if p["height"] > p["width"]]
    landscape = [p for p in printed if p["width"] > p["height"]]
    assert all(round(p["width"]) == 595 and round(p["height"]) == 842 for p in portrait)  # A4
    assert len(landscape) == 2 and printed[-2:] == landscape
    assert landscape[0]["lines"][0].startswith("Forandringsteori 2024")
    assert any(line == "1. Fælleshaven" for line in landscape[0]["lines"])  # vector text, not a picture
    assert landscape[1]["lines"][0].startswith("Aktører og aktiviteter 2024")
    assert min(p["smallest"] for p in printed) >= 7.0
    assert len(headings) >= 8
    for heading in headings:
        where = [(i, n) for i, p in enumerate(printed) for n, line in enumerate(p["lines"]) if line.startswith(" ".join(heading.split()))]
        assert where, heading
        page, line = where[0]
        assert line < len(printed[page]["lines"]) - 1, f"{heading!r} is the last line of page {page + 1}"
    # idle actors take one paragraph, not pages
    idle = [line for p in printed for line in p["lines"] if "aktører uden rolle i 2024" in line]
    assert len(idle) == 1
    opened.clean()
