"""The views: what they draw (columns, order, sizes, colours, legends, filters, tooltips),
the HTML page they make (self-contained, escaped, deterministic, one language), the
`render` command's errors, and `--open` where there is no browser."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from cli import main
from theory.errors import UsageError
from theory.namespaces import TH
from theory.render import VIEWS, view_picture
from theory.render.actors import network_picture
from theory.render.changetheory import COLUMNS
from theory.render.page import BIG_GRAPH, network_options, view_html
from theory.render.palette import DOTTED, KIND_GROUPS, OTHER, PALETTE, THEORY_COLOURS, kind_colour
from theory.workspace import Workspace

DATA = Path(__file__).parent / "data"
SMALL = DATA / "p-small-plan-with-hostile-labels.ttl"
SECOND = DATA / "v-second-partnership-with-prospective-roles.ttl"
T = "https://w3id.org/theory/data/test/"
N = "https://w3id.org/theory/data/test-noerrebro/"
D = "https://w3id.org/theory/data/tingbjerg-husum/"
ACTOR = "https://w3id.org/theory/data/actors/"
POLICE = ACTOR + "koebenhavns-politi"


@pytest.fixture(scope="module")
def small():
    return Workspace.open([SMALL])


@pytest.fixture(scope="module")
def small_en():
    return Workspace.open([SMALL], lang="en")


@pytest.fixture(scope="module")
def second():
    return Workspace.open([SECOND])


@pytest.fixture(scope="module")
def second_en():
    return Workspace.open([SECOND], lang="en")


@pytest.fixture(scope="module")
def shipped():
    return Workspace.open()


def picture(ws, view, year=None, **filters):
    plan = ws.plans[0]
    return view_picture(ws, plan, view, ws.year(plan, year), **filters)


def by_id(pic):
    return {n["id"]: n for n in pic.nodes}


# --- change theory: columns, order, sizes ----------------------------------------------


def test_changetheory_puts_each_kind_in_its_own_column_left_to_right(small):
    pic = picture(small, "changetheory")
    nodes = by_id(pic)
    assert len(nodes) == 9  # 3 activities, 2 focus areas, 3 results, 1 impact
    xs = {kind: {n["x"] for n in pic.nodes if n["kind"] == kind}
          for kind in ("activity", "focus-area", "cross-cutting", "result", "impact")}
    assert xs["activity"] == {COLUMNS[0]}
    assert xs["focus-area"] == xs["cross-cutting"] == {COLUMNS[1]}
    assert xs["result"] == {COLUMNS[2]} and min(xs["impact"]) > COLUMNS[2]
    assert nodes[T + "fa-kommunikation"]["kind"] == "cross-cutting"
    # activities' labels sit left of their dots, results' right of theirs: lines leave and reach the dots
    assert {n["draw"] for n in pic.nodes if n["kind"] == "activity"} == {"label-left"}
    assert {n["draw"] for n in pic.nodes if n["kind"] == "result"} == {"label-right"}


def test_shipped_activities_are_drawn_in_the_plans_number_order(shipped):
    pic = picture(shipped, "changetheory")
    activities = sorted((n for n in pic.nodes if n["kind"] == "activity"), key=lambda n: n["y"])
    assert [n["number"] for n in activities] == list(range(1, 17))


def _label_box(node):
    """The rectangle (left, top, right, bottom) a node's label takes, as the layout estimates it."""
    width, height = node["text"]
    x, y, r = node["x"], node["y"], node.get("size", 0)
    if node.get("draw") == "label-left":
        return (x - r - 6 - width, y - height / 2, x - r - 2, y + height / 2)
    if node.get("draw") == "label-right":
        return (x + r + 2, y - height / 2, x + r + 6 + width, y + height / 2)
    return (x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def _crosses(a, b, box) -> bool:
    """Whether the segment a–b passes through the rectangle ``box``."""
    (x0, y0), (x1, y1) = a, b
    left, top, right, bottom = box
    steps = 200
    for i in range(1, steps):
        x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
        if left < x < right and top < y < bottom:
            return True
    return False


def test_shipped_change_theory_has_no_line_through_a_label(shipped):
    pic = picture(shipped, "changetheory")
    nodes = by_id(pic)
    crossings = []
    for edge in pic.edges:
        if edge.get("hidden") or edge.get("smooth"):
            continue
        a, b = nodes[edge["from"]], nodes[edge["to"]]
        for node in pic.nodes:
            if node["id"] in (a["id"], b["id"]):
                continue
            if _crosses((a["x"], a["y"]), (b["x"], b["y"]), _label_box(node)):
                crossings.append((a["name"], b["name"], node["name"]))
    assert crossings == []
    # the one impact every result leads to stands beside the results: its lines are kept for the path, not drawn
    leads = [e for e in pic.edges if e["link"] == "leads-to"]
    assert len(leads) == 15 and all(e["hidden"] and e["path"] for e in leads)


def test_changetheory_sizes_activities_and_weights_lines_by_budget(small):
    pic = picture(small, "changetheory")
    nodes = by_id(pic)
    sizes = [nodes[T + a]["size"] for a in ("activity-haven", "activity-script", "activity-alene")]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    widths = {(e["from"], e["to"]): e["width"] for e in pic.edges}
    assert widths[(T + "activity-haven", T + "fa-byliv")] > widths[(T + "activity-script", T + "fa-byliv")]
    links = sorted(e["link"] for e in pic.edges)
    assert links == ["cross-cuts"] + ["has-result"] * 3 + ["leads-to"] * 3 + ["supports"] * 3
    cross = next(e for e in pic.edges if e["link"] == "cross-cuts")
    assert cross["dashes"] and cross["smooth"]["enabled"] and cross["path"] is False


def test_activity_tooltip_quotes_the_passage_not_only_the_heading(second):
    tip = by_id(picture(second, "changetheory"))[N + "activity-cafe"]["tooltip"]
    assert tip.startswith("1. Café Nattevandring\nBudget 2024: 120.000 kr.\n")
    assert "Ansvarlige: Københavns Politi" in tip
    assert "Partnere: SSP København (samarbejdspartner)" in tip
    assert "Tiltænkte roller: Kultur- og Fritidsforvaltningen (samarbejdspartner)" in tip
    assert ("Planen – 1. Aktivitet: Café Nattevandring – Indledning: "
            "“Voksne går i gaderne om aftenen og samles bagefter i caféen.”") in tip
    assert "CAFÉ NATTEVANDRING" not in tip


def test_shipped_tooltip_gives_budget_roles_deliverables_and_passage(shipped):
    tip = by_id(picture(shipped, "changetheory"))[D + "activity-faelleshaven"]["tooltip"]
    # "1. Fælleshaven 220.000 220.000 270.000 300.000" in the overview table
    assert "Budget 2024: 300.000 kr." in tip and "Helhedsplanen for Tingbjerg/Utterslevhuse" in tip
    assert "• Mindst 20 praktikforløb årligt" in tip
    assert "“Fælleshaven er en grøn by-oase placeret mellem blokkene i Tingbjerg.”" in tip
    assert tip.count("\n•") < 20  # each deliverable once


def test_focus_area_filter_keeps_its_activities_results_and_impact(small):
    pic = picture(small, "changetheory", focus_area="safe urban life")
    ids = {n["id"].removeprefix(T) for n in pic.nodes}
    assert ids == {"activity-haven", "activity-script", "fa-byliv", "result-byliv-1", "result-byliv-2", "impact"}


def test_actor_filter_keeps_the_actors_activities(small):
    pic = picture(small, "changetheory", actor="Haveforeningen")
    assert [n["id"] for n in pic.nodes if n["kind"] == "activity"] == [T + "activity-haven"]


def test_unknown_filter_names_are_usage_errors_listing_the_names(small):
    with pytest.raises(UsageError, match=r"--focus-area 'Nowhere'.*did you mean"):
        picture(small, "changetheory", focus_area="Nowhere")
    with pytest.raises(UsageError, match="--actor 'nobody'"):
        picture(small, "actors", actor="nobody")
    with pytest.raises(UsageError, match="unknown view"):
        picture(small, "pie")


def test_year_changes_activities_and_budgets(small):
    activities = [n for n in picture(small, "changetheory", year=2023).nodes if n["kind"] == "activity"]
    assert [n["id"] for n in activities] == [T + "activity-haven"]
    assert "Budget 2023: 80.000 kr." in activities[0]["tooltip"]


# --- colours and legends -----------------------------------------------------------------


def test_palette_has_at_most_eight_colours_and_every_actor_kind_a_place():
    colours = {g.colour for g in (*KIND_GROUPS, OTHER)} | set(THEORY_COLOURS.values())
    assert colours <= set(PALETTE.values()) and len(PALETTE) <= 8
    kinds = [k for g in (*KIND_GROUPS, OTHER) for k in g.kinds]
    assert len(kinds) == len(set(kinds))
    assert kind_colour(str(TH.Police)) == PALETTE["vermillion"] and kind_colour(None) == OTHER.colour
    assert kind_colour("https://example.org/UnknownKind") == OTHER.colour


def test_a_kind_has_one_colour_in_every_view_language_and_filter(second, second_en, shipped):
    seen = {}
    for name, pic in [("da", picture(second, "actors")), ("en", picture(second_en, "actors")),
                      ("filtered", picture(second, "actors", focus_area="Trygt byliv")),
                      ("actor", picture(second, "actors", actor="SSP")),
                      ("shipped", picture(shipped, "actors"))]:
        nodes = by_id(pic)
        seen[name] = nodes[POLICE]["color"]["background"]
        activity = next(n for n in pic.nodes if n["kind"] == "activity")
        assert activity["color"]["background"] == THEORY_COLOURS[str(TH.Activity)]
    assert set(seen.values()) == {PALETTE["vermillion"]}
    theory = picture(second, "changetheory")
    assert {n["color"]["background"] for n in theory.nodes if n["kind"] == "activity"} == {THEORY_COLOURS[str(TH.Activity)]}


def test_actor_legend_groups_rare_kinds_and_tells_marks_and_lines_apart(shipped):
    pic = picture(shipped, "actors", sub_organisations=True)
    colours = [e for e in pic.legend if e.shape == "dot"]
    assert len(colours) <= 7 and len({e.colour for e in colours}) == len(colours)
    assert any("Skole eller uddannelsessted" in e.label and "Offentlig institution" in e.label for e in colours)
    shapes = {e.shape: e.label for e in pic.legend}
    assert shapes["ring"].startswith("Overbelastet") and shapes["dashed-ring"].startswith("Aktivitet, der hænger")
    lines = [e.shape for e in pic.legend if e.shape in ("line", "dashed", "dotted", "arrow")]
    assert lines.count("line") == 2 and "dotted" in lines and "arrow" in lines


def test_actors_view_marks_overloaded_and_single_actor_differently(shipped):
    from theory.actors import actor_load

    pic = picture(shipped, "actors")
    plan = shipped.plans[0]
    overloaded = {r["actor_iri"] for r in actor_load(shipped, plan, 2024) if any(f.flag == "overloaded" for f in r["flags"])}
    assert overloaded
    ringed = {n["id"] for n in pic.nodes if n["kind"] == "actor" and n["borderWidth"] == 5}
    assert ringed == overloaded
    dashed = {n["id"] for n in pic.nodes if (n.get("shapeProperties") or {}).get("borderDashes")}
    # 14 Bylivs- og tryghedspuljen and 15 Videnspuljen hang on the working group alone
    assert dashed == {D + "activity-bylivs-og-tryghedspuljen", D + "activity-videnspuljen"}
    assert sum(1 for n in pic.nodes if n["kind"] == "activity") == 16


def test_prospective_roles_are_drawn_dotted_and_explained(second):
    pic = picture(second, "actors")
    edge = next(e for e in pic.edges if e["from"] == ACTOR + "kff")
    assert edge["dashes"] == DOTTED and edge["link"] == "prospective"
    assert "(tiltænkt)" in edge["tooltip"] and "Det er hensigten at inddrage" in edge["tooltip"]
    assert any(e.shape == "dotted" and e.label.startswith("Tiltænkt rolle") for e in pic.legend)
    lead = next(e for e in pic.edges if e["from"] == POLICE)
    assert lead["dashes"] is False and lead["width"] > edge["width"]
    assert "Københavns Politi er ansvarlig for nattevandringen." in lead["tooltip"]


def test_pictures_carry_their_filters_and_search_names(second):
    pic = picture(second, "actors")
    groups = {(f.group, f.id) for f in pic.filters}
    assert ("focus-area", N + "fa-byliv") in groups and ("kind", str(TH.Police)) in groups
    nodes = by_id(pic)
    assert nodes[N + "activity-cafe"]["areas"] == [N + "fa-byliv"]
    assert nodes[POLICE]["kind_iri"] == str(TH.Police)
    assert "politi" in nodes[POLICE]["search"]  # the registry's alias "POLITI"
    theory = by_id(picture(second, "changetheory"))
    assert "cafe nattevandring" in " ".join(theory[N + "activity-cafe"]["search"])
    assert theory[N + "result-byliv"]["areas"] == [N + "fa-byliv"]


def test_big_networks_get_preset_positions_and_no_physics():
    net = nx.Graph()
    for i in range(BIG_GRAPH + 100):
        net.add_node(f"a{i}", kind="activity", label=f"A{i}", budget=i)
    for j in range(50):
        net.add_node(f"x{j}", kind="actor", label=f"X{j}", actor_kind="NGO", actor_kind_iri=str(TH.NGO))
    for i in range(BIG_GRAPH + 100):
        net.add_edge(f"x{i % 50}", f"a{i}", role="lead" if i % 3 else "partner", status="agreed")
    pic = network_picture(net)
    options = network_options(pic)
    assert options["physics"]["enabled"] is False
    assert options["edges"]["smooth"] is False and options["layout"]["improvedLayout"] is False
    assert len({(n["x"], n["y"]) for n in pic.nodes}) == len(pic.nodes)
    small_options = network_options(network_picture(net.subgraph(["x0", "a0", "a50"]).copy()))
    assert small_options["physics"]["enabled"] is True
    assert small_options["physics"]["stabilization"]["iterations"] <= 200


# --- coverage ------------------------------------------------------------------------------


def test_coverage_matrix_counts_each_activity_in_full_and_says_so(small):
    pic = picture(small, "coverage")
    assert pic.columns == ["Trygt byliv", "Kommunikation"]
    assert pic.cells == [[100000, 100000], [50000, None], [None, None]]
    assert pic.column_totals == [150000, 100000] and pic.column_counts == [2, 1]
    assert pic.row_totals == [100000, 50000, 10000] and pic.total == 160000
    assert "10.000 kr. uden indsatsområde" in pic.caption
    assert pic.note.startswith("Fuld optælling: en aktivitet tæller med hele sit budget i hvert indsatsområde")


def test_shipped_coverage_columns_agree_with_the_coverage_analysis(shipped):
    from theory.coverage import focus_area_coverage

    pic = picture(shipped, "coverage")
    assert pic.total == 2210000 and len(pic.rows) == 16
    report = focus_area_coverage(shipped, shipped.plans[0], 2024, "full")
    expected = {row["focus_area"]: (row["budget_full"], row["activities"]) for row in report.rows}
    assert {c: (t, n) for c, t, n in zip(pic.columns, pic.column_totals, pic.column_counts)} == expected


# --- the page ------------------------------------------------------------------------------


@pytest.mark.parametrize("view", VIEWS)
def test_page_is_self_contained_and_escapes_hostile_labels(small, view):
    html = view_html(picture(small, view))
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "cdn" not in html.lower().replace("vis-network", "")
    assert "<img src=x" not in html and "<script>window.__pwned" not in html
    assert "default-src 'none'" in html
    if view == "coverage":
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
        assert 'document.documentElement.dataset.settled = "true"' in html
        assert 'id="counting-note"' in html
    else:
        assert "vis.Network" in html and "window.network =" in html
        assert '<input type="search"' in html and 'type="checkbox"' in html
        data = json.loads(re.search(r'id="theory-networks">(.*?)</script>', html, re.S).group(1))
        names = {n.get("name", n["label"]) for n in data[0]["nodes"]}
        assert "2. <script>window.__pwned = 1</script>" in names or "<img src=x onerror=alert(1)>" in names


def test_danish_page_has_no_english_words_of_the_tool(shipped):
    html = view_html(picture(shipped, "actors"), "da") + view_html(picture(shipped, "changetheory"), "da")
    english = [m for m in _catalogue() if len(m) > 6 and _catalogue()[m] != m and f">{m}<" in html]
    assert english == []
    assert ">Signaturforklaring<" in html and "Klik på en aktivitet" in html


def test_english_page_uses_english_labels_and_falls_back_to_danish(small_en):
    pic = picture(small_en, "changetheory")
    nodes = by_id(pic)
    assert nodes[T + "fa-byliv"]["name"] == "Safe urban life"
    assert nodes[T + "fa-kommunikation"]["name"] == "Kommunikation"  # no English label: Danish
    assert "Budget 2024: DKK 100,000" in nodes[T + "activity-haven"]["tooltip"]
    assert pic.title == "Change theory 2024" and pic.caption == "3 activities, DKK 160,000"
    html = view_html(pic, "en")
    assert ">Legend<" in html and "Signaturforklaring" not in html and "Vis indsatsområder" not in html


def test_english_roles_and_kinds_come_from_the_ontology(second_en):
    pic = picture(second_en, "actors")
    nodes = by_id(pic)
    assert nodes[POLICE]["label"] == "Copenhagen Police"
    assert "Police" in nodes[POLICE]["tooltip"].split("\n")[1]
    assert "(partner)" in nodes[N + "activity-cafe"]["tooltip"]
    assert any(e.label == "Police" for e in pic.legend)


def _catalogue() -> dict[str, str]:
    from babel.messages.pofile import read_po

    from theory.i18n import catalogue_path

    with catalogue_path("da").open("rb") as handle:
        catalog = read_po(handle, locale="da")
    return {m.id: m.string for m in catalog if isinstance(m.id, str) and m.id and m.context is None}


# --- the command ---------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".svg", ".png"])
def test_render_command_writes_the_same_bytes_twice(tmp_path, suffix):
    runner = CliRunner()
    first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
    for out in (first, second):
        result = runner.invoke(main, ["render", "changetheory", "-o", str(out), "--data", str(SMALL)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 1000


@pytest.mark.parametrize("args, code, message", [
    (["render", "actors", "-o", "{tmp}/x.pdf"], 2, "unknown picture kind '.pdf'"),
    (["render", "actors", "-o", "{tmp}/missing/x.html"], 2, "does not exist"),
    (["render", "actors", "-o", "{tmp}/x.html", "--actor", "Nobody"], 2, "--actor 'Nobody'"),
    (["render", "pie", "-o", "{tmp}/x.html"], 2, "Invalid value"),
    (["render", "actors", "-o", "{tmp}/x.html", "--data", "{tmp}/nothing.ttl"], 3, "no such file"),
    (["render", "actors", "-o", "{tmp}/x.html", "--year", "2030"], 2, "outside the plan's years"),
    (["report", "-o", "{tmp}/x.txt"], 2, "end the file name in .html"),
])
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, args, code, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--data" not in args:
        args += ["--data", str(SMALL)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output
    assert not list(tmp_path.glob("x.*"))


def test_actor_tooltips_name_roles_in_the_page_language(small):
    tip = by_id(picture(small, "actors"))[T + "activity-haven"]["tooltip"]
    assert "• Haveforeningen (ansvarlig)" in tip and "(samarbejdspartner)" in tip


def test_shipped_actor_page_is_the_same_from_a_fresh_workspace():
    first = view_html(picture(Workspace.open(), "actors", sub_organisations=True))
    second = view_html(picture(Workspace.open(), "actors", sub_organisations=True))
    assert first == second


# --- --open where there is no browser ------------------------------------------------------


def _no_browser_env(tmp_path: Path, launcher: str | None = None) -> dict:
    """An environment with no display and only ``launcher`` (a noisy fake) on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "TERM")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{Path(sys.executable).parent}"
    if launcher:
        script = bin_dir / launcher
        script.write_text("#!/bin/sh\necho \"xdg-open: no method available for opening '$1'\" >&2\n"
                          "echo noise on stdout\nexit 3\n")
        script.chmod(0o755)
        env["BROWSER"] = launcher
    return env


@pytest.mark.parametrize("launcher", [None, "xdg-open"])
def test_open_without_a_browser_says_one_line_and_no_launcher_noise(tmp_path, launcher):
    out = tmp_path / "v.html"
    env = _no_browser_env(tmp_path, launcher)
    result = subprocess.run([sys.executable, "-c", "from cli import main; main()", "render", "coverage",
                             "-o", str(out), "--data", str(SMALL), "--open"],
                            capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{out}: coverage\n"
    assert result.stderr == f"theory: no web browser to open {out} with; open the file yourself\n"
    assert out.is_file()


def test_open_file_returns_none_when_a_browser_opens(tmp_path, monkeypatch):
    import webbrowser

    from theory.render.browser import open_file

    opened = []

    class Fake:
        def open(self, url):
            opened.append(url)
            return True

    monkeypatch.setattr(webbrowser, "get", lambda: Fake())
    assert open_file(tmp_path / "v.html") is None
    assert opened == [(tmp_path / "v.html").resolve().as_uri()]
