"""The pages the CLI writes, opened in headless Chromium (Debian's chromium via Playwright).

Each page must load with no console error and no request to any URL but the file itself,
draw the expected numbers of nodes and edges (read from ``window.network``), show a
tooltip on hover and a legend, and run nothing smuggled in through a label. Screenshots
land in ``test-output/screenshots/`` for a person to look at.
"""

from __future__ import annotations

import json
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
SMALL = Path(__file__).parent / "data" / "p-small-plan-with-hostile-labels.ttl"
D = "https://w3id.org/theory/data/tingbjerg-husum/"
T = "https://w3id.org/theory/data/test/"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Every page, written by the CLI: the shipped plan's views and report, and the hostile fixture's."""
    folder = tmp_path_factory.mktemp("pages")
    runner = CliRunner()
    written = {}
    jobs = [(f"{view}.html", ["render", view]) for view in ("changetheory", "actors", "coverage")]
    jobs += [(f"hostile-{view}.html", ["render", view, "--data", str(SMALL)]) for view in ("changetheory", "actors", "coverage")]
    jobs += [("report.html", ["report"]), ("hostile-report.html", ["report", "--data", str(SMALL)])]
    jobs += [("empty-actors.html", ["render", "actors", "--year", "2030"])]
    for name, args in jobs:
        result = runner.invoke(main, args + ["-o", str(folder / name)])
        assert result.exit_code == 0, result.output
        written[name] = folder / name
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
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url)
        if self.page.evaluate("!!document.getElementById('theory-networks')"):
            self.page.wait_for_selector("html[data-settled='true']", state="attached", timeout=30000)

    def counts(self, name: str | None = None):
        target = f"window.networks[{json.dumps(name)}]" if name else "window.network"
        return self.page.evaluate(f"[{target}.body.data.nodes.length, {target}.body.data.edges.length]")

    def hover(self, node_id: str, name: str | None = None) -> str:
        target = f"window.networks[{json.dumps(name)}]" if name else "window.network"
        point = self.page.evaluate(
            f"""(id) => {{ const n = {target}; n.body.container.scrollIntoView({{block: "center"}});
                n.focus(id, {{scale: 1.0}});
                const p = n.canvasToDOM(n.getPosition(id));
                const r = n.body.container.getBoundingClientRect();
                return [r.left + p.x, r.top + p.y]; }}""", node_id)
        self.page.mouse.move(point[0] + 30, point[1] + 30)
        self.page.mouse.move(point[0], point[1], steps=4)
        self.page.wait_for_selector(".vis-tooltip", state="visible", timeout=5000)
        return self.page.inner_text(".vis-tooltip")

    def shoot(self, name: str, full: bool = False):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / name), full_page=full)

    def clean(self):
        assert self.errors == [], self.errors
        assert set(self.requests) == {self.url}, self.requests
        assert self.dialogs == []


def _drawn(path: Path) -> list[dict]:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="theory-networks">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize("view, nodes, edges", [
    ("changetheory", 36, None),  # 16 activities, 4 focus areas, 15 results, 1 impact
    ("actors", None, None),
])
def test_network_views_load_cleanly_and_draw_every_node_and_edge(browser, pages, view, nodes, edges):
    opened = Opened(browser, pages[f"{view}.html"])
    data = _drawn(pages[f"{view}.html"])[0]
    counts = opened.counts()
    assert counts == [len(data["nodes"]), len(data["edges"])]
    if nodes is not None:
        assert counts[0] == nodes
    assert opened.page.is_visible(f"#legend-{view}")
    assert opened.page.locator(f"#legend-{view} li").count() >= 6
    opened.shoot(f"{view}.png")
    opened.clean()


def test_coverage_page_loads_cleanly_with_its_heat_map(browser, pages):
    opened = Opened(browser, pages["coverage.html"])
    assert opened.page.locator("table.matrix tbody tr").count() == 17  # 16 activities + totals
    assert "2.210.000 kr." in opened.page.inner_text("table.matrix tr.totals")
    assert opened.page.is_visible("#legend-coverage")
    opened.shoot("coverage.png", full=True)
    opened.clean()


def test_hovering_an_activity_shows_its_card(browser, pages):
    opened = Opened(browser, pages["changetheory.html"])
    tip = opened.hover(D + "activity-faelleshaven")
    assert tip.startswith("1. Fælleshaven")
    assert "Budget 2024: 300.000 kr." in tip and "Ansvarlige:" in tip and "Planen" in tip
    opened.shoot("changetheory-hover.png")
    opened.clean()


@pytest.mark.parametrize("view", ["changetheory", "actors"])
def test_hostile_labels_show_as_text_and_run_nothing(browser, pages, view):
    opened = Opened(browser, pages[f"hostile-{view}.html"])
    node = T + ("activity-script" if view == "changetheory" else "actor-hostile")
    tip = opened.hover(node)
    assert ("<script>window.__pwned = 1</script>" in tip) or ("<img src=x onerror=alert(1)>" in tip)
    assert opened.page.evaluate("document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length") == 0
    assert opened.page.evaluate("typeof window.__pwned") == "undefined"
    opened.page.wait_for_timeout(300)
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


def test_report_has_its_sections_and_both_networks(browser, pages):
    opened = Opened(browser, pages["report.html"])
    for section in ("glance", "coverage", "actors", "budget", "views"):
        assert opened.page.is_visible(f"section#{section} h2")
    assert opened.page.evaluate("Object.keys(window.networks).sort()") == ["actors", "changetheory"]
    assert opened.page.evaluate("window.network === window.networks.changetheory")
    data = {d["name"]: d for d in _drawn(pages["report.html"])}
    for name in ("changetheory", "actors"):
        assert opened.counts(name) == [len(data[name]["nodes"]), len(data[name]["edges"])]
    assert opened.page.locator("#budget-chart rect.bar").count() == 4
    tip = opened.hover(D + "activity-faelleshaven", "changetheory")
    assert "300.000 kr." in tip
    opened.shoot("report.png", full=True)
    opened.page.emulate_media(media="print")
    opened.page.wait_for_timeout(200)
    for name in ("changetheory", "actors"):  # every node is inside its printed box
        inside = opened.page.evaluate(
            f"""() => {{ const n = window.networks[{json.dumps(name)}];
                const box = n.body.container.getBoundingClientRect();
                return Object.values(n.getPositions()).every(p => {{
                  const d = n.canvasToDOM(p);
                  return d.x >= -1 && d.y >= -1 && d.x <= box.width + 1 && d.y <= box.height + 1; }}); }}""")
        assert inside, name
    opened.shoot("report-print.png", full=True)
    opened.clean()


def test_a_year_with_nothing_to_draw_still_loads_and_settles(browser, pages):
    opened = Opened(browser, pages["empty-actors.html"])
    assert opened.counts() == [0, 0]
    assert "0 aktiviteter" in opened.page.inner_text("header")
    opened.clean()
