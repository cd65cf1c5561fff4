"""The views: what they draw (layers, sizes, filters, tooltips), the HTML page they make
(self-contained, escaped, deterministic), and the `render` command's errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from cli import main
from theory.errors import UsageError
from theory.load import load_graph
from theory.render import VIEWS, view_picture
from theory.render.actors import network_picture
from theory.render.page import BIG_GRAPH, network_options, view_html
from theory.render.picture import money

DATA = Path(__file__).parent / "data"
SMALL = DATA / "p-small-plan-with-hostile-labels.ttl"
T = "https://w3id.org/theory/data/test/"
D = "https://w3id.org/theory/data/tingbjerg-husum/"


@pytest.fixture(scope="module")
def small():
    return load_graph([SMALL])


@pytest.fixture(scope="module")
def shipped(shipped_graph):
    return shipped_graph


def _by_id(picture):
    return {n["id"]: n for n in picture.nodes}


# --- change theory -------------------------------------------------------------------


def test_changetheory_puts_each_kind_on_its_own_level_left_to_right(small):
    picture = view_picture(small, "changetheory")
    nodes = _by_id(picture)
    assert len(nodes) == 9  # 3 activities, 2 focus areas, 3 results, 1 impact
    xs = {kind: {n["x"] for n in picture.nodes if n["kind"] == kind}
          for kind in ("activity", "focus-area", "cross-cutting", "result", "impact")}
    assert xs["activity"] == {0}
    assert xs["focus-area"] == xs["cross-cutting"] == {420}
    assert xs["result"] == {840} and xs["impact"] == {1260}
    assert [n["level"] for n in picture.nodes if n["kind"] == "impact"] == [3]
    assert nodes[T + "fa-kommunikation"]["kind"] == "cross-cutting"


def test_changetheory_sizes_activities_and_weights_edges_by_budget(small):
    picture = view_picture(small, "changetheory")
    nodes = _by_id(picture)
    sizes = [nodes[T + a]["size"] for a in ("activity-haven", "activity-script", "activity-alene")]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    widths = {(e["from"], e["to"]): e["width"] for e in picture.edges}
    assert widths[(T + "activity-haven", T + "fa-byliv")] > widths[(T + "activity-script", T + "fa-byliv")]
    # 3 supports, 3 has-result, 3 leads-to, 1 cross-cuts
    assert len(picture.edges) == 10
    assert sum(1 for e in picture.edges if e.get("dashes")) == 1


def test_activity_tooltip_gives_actors_partners_budget_targets_and_passage(small):
    tip = _by_id(view_picture(small, "changetheory"))[T + "activity-haven"]["tooltip"]
    assert tip.startswith("1. Haven\n")
    assert "Budget 2024: 100.000 kr." in tip
    assert "Ansvarlige: Haveforeningen" in tip
    assert "Partnere: <img src=x onerror=alert(1)> (samarbejdspartner)" in tip
    assert "100-130 børn pr. år (100–130 børn pr. år)" in tip
    assert "Planen – 1. Aktivitet: Haven: “1. AKTIVITET: HAVEN”" in tip


def test_focus_area_filter_keeps_its_activities_results_and_impact(small):
    picture = view_picture(small, "changetheory", focus_area="safe urban life")
    ids = {n["id"].removeprefix(T) for n in picture.nodes}
    assert ids == {"activity-haven", "activity-script", "fa-byliv", "result-byliv-1", "result-byliv-2", "impact"}


def test_actor_filter_keeps_the_actors_activities(small):
    picture = view_picture(small, "changetheory", actor="Haveforeningen")
    assert [n["id"] for n in picture.nodes if n["kind"] == "activity"] == [T + "activity-haven"]


def test_unknown_filter_names_are_usage_errors_listing_the_names(small):
    with pytest.raises(UsageError, match=r"--focus-area 'Nowhere'.*Kommunikation; Trygt byliv"):
        view_picture(small, "changetheory", focus_area="Nowhere")
    with pytest.raises(UsageError, match="--actor 'nobody'"):
        view_picture(small, "actors", actor="nobody")
    with pytest.raises(UsageError, match="unknown view"):
        view_picture(small, "pie")


def test_year_changes_activities_and_budgets(small):
    picture = view_picture(small, "changetheory", year=2023)
    activities = [n for n in picture.nodes if n["kind"] == "activity"]
    assert [n["id"] for n in activities] == [T + "activity-haven"]
    assert "Budget 2023: 80.000 kr." in activities[0]["tooltip"]


# --- actors ----------------------------------------------------------------------------


def test_actors_view_marks_lead_links_flags_and_sub_organisations(small):
    picture = view_picture(small, "actors", sub_organisations=True)
    nodes = _by_id(picture)
    assert {n["kind"] for n in picture.nodes} == {"actor", "activity"}
    assert len(picture.nodes) == 6
    leads = [e for e in picture.edges if not e["dashes"]]
    partners = [e for e in picture.edges if e["dashes"] is True]
    sub = [e for e in picture.edges if isinstance(e["dashes"], list)]
    assert len(leads) == 3 and len(partners) == 1 and len(sub) == 1
    assert leads[0]["width"] > partners[0]["width"]
    assert (sub[0]["from"], sub[0]["to"]) == (T + "actor-forening", T + "actor-forvaltning")
    # every activity hangs on one actor here except Haven (lead + partner)
    assert nodes[T + "activity-haven"]["borderWidth"] == 1
    assert nodes[T + "activity-alene"]["borderWidth"] == 4
    assert nodes[T + "activity-alene"]["tooltip"].endswith("\nHænger på én aktør")
    assert any(e.label.startswith("Underorganisation") for e in picture.legend)


def test_big_networks_get_preset_positions_and_no_physics():
    net = nx.Graph()
    for i in range(BIG_GRAPH + 100):
        net.add_node(f"a{i}", kind="activity", label=f"A{i}", budget=i)
    for j in range(50):
        net.add_node(f"x{j}", kind="actor", label=f"X{j}", actor_kind="NGO")
    for i in range(BIG_GRAPH + 100):
        net.add_edge(f"x{i % 50}", f"a{i}", role="lead" if i % 3 else "partner")
    picture = network_picture(net)
    options = network_options(picture)
    assert options["physics"]["enabled"] is False
    assert options["edges"]["smooth"] is False and options["layout"]["improvedLayout"] is False
    assert len({(n["x"], n["y"]) for n in picture.nodes}) == len(picture.nodes)
    small_options = network_options(network_picture(net.subgraph([f"x0", "a0", "a50"]).copy()))
    assert small_options["physics"]["enabled"] is True
    assert small_options["physics"]["stabilization"]["iterations"] <= 200


# --- coverage ------------------------------------------------------------------------


def test_coverage_matrix_counts_each_activity_in_full_with_totals(small):
    picture = view_picture(small, "coverage")
    assert picture.columns == ["Trygt byliv", "Kommunikation"]
    assert picture.cells == [[100000, 100000], [50000, None], [None, None]]
    assert picture.column_totals == [150000, 100000] and picture.column_counts == [2, 1]
    assert picture.row_totals == [100000, 50000, 10000] and picture.total == 160000
    assert "10.000 kr. uden indsatsområde" in picture.caption


# --- the page --------------------------------------------------------------------------


@pytest.mark.parametrize("view", VIEWS)
def test_page_is_self_contained_and_escapes_hostile_labels(small, view):
    html = view_html(view_picture(small, view))
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<link" not in html and "cdn" not in html.lower().replace("vis-network", "")
    assert "<img src=x" not in html and "<script>window.__pwned" not in html
    assert "default-src 'none'" in html
    if view == "coverage":
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    else:
        assert "vis.Network" in html and "window.network =" in html
        data = json.loads(re.search(r'id="theory-networks">(.*?)</script>', html, re.S).group(1))
        labels = {n["label"] for n in data[0]["nodes"]}
        assert "2. <script>window.__pwned = 1</script>" in labels or "<img src=x onerror=alert(1)>" in labels


def test_page_has_legend_and_utf8_text(shipped):
    html = view_html(view_picture(shipped, "changetheory"))
    assert 'class="legend"' in html and "Indsatsområde" in html and "Fælleshaven" in html


def test_money_reads_like_the_plan():
    assert money(2210000) == "2.210.000 kr."
    assert money(2069277, "en") == "DKK 2,069,277"
    assert money(188.0) == "188 kr."


# --- the shipped plan, against its own figures ----------------------------------------


def test_shipped_changetheory_draws_the_plans_2024_activities_and_budget(shipped):
    picture = view_picture(shipped, "changetheory")
    kinds = [n["kind"] for n in picture.nodes]
    assert kinds.count("activity") == 16            # activities 1–16 of the plan
    assert kinds.count("focus-area") + kinds.count("cross-cutting") == 4
    assert kinds.count("impact") == 1
    # "Sum (kr.) 1.934.000 1.970.000 2.069.277 2.210.000": the 2024 column
    assert picture.caption == "16 aktiviteter, 2.210.000 kr."
    tip = _by_id(picture)[D + "activity-faelleshaven"]["tooltip"]
    # "1. Fælleshaven 220.000 220.000 270.000 300.000" in the overview table
    assert "Budget 2024: 300.000 kr." in tip and "Helhedsplanen for Tingbjerg/Utterslevhuse" in tip


def test_shipped_coverage_columns_agree_with_the_coverage_analysis(shipped):
    from theory.coverage import focus_area_coverage

    picture = view_picture(shipped, "coverage")
    assert picture.total == 2210000 and len(picture.rows) == 16
    report = focus_area_coverage(shipped, 2024, "full")
    expected = {row["focus_area"]: (row["budget_full"], row["activities"]) for row in report.rows}
    assert {c: (t, n) for c, t, n in zip(picture.columns, picture.column_totals, picture.column_counts)} == expected


def test_shipped_actors_view_flags_what_the_load_audit_flags(shipped):
    from theory.actors import actor_load

    picture = view_picture(shipped, "actors")
    nodes = _by_id(picture)
    overloaded = {r["actor_iri"] for r in actor_load(shipped, 2024) if "overloaded" in r["flags"]}
    assert overloaded
    assert {n["id"] for n in picture.nodes if n["kind"] == "actor" and n["borderWidth"] == 4} == overloaded
    assert sum(1 for n in picture.nodes if n["kind"] == "activity") == 16
    assert all(e["from"] in nodes and e["to"] in nodes for e in picture.edges)


# --- the command -----------------------------------------------------------------------


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
    (["render", "actors", "-o", "{tmp}/x.html", "--actor", "Nobody"], 2, "--actor 'Nobody': no actor"),
    (["render", "pie", "-o", "{tmp}/x.html"], 2, "Invalid value"),
    (["render", "actors", "-o", "{tmp}/x.html", "--data", "{tmp}/nothing.ttl"], 3, "no such file"),
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


def test_english_labels_and_amounts(small):
    picture = view_picture(small, "changetheory", lang="en")
    nodes = _by_id(picture)
    assert nodes[T + "fa-byliv"]["label"] == "Safe urban life"
    assert nodes[T + "fa-kommunikation"]["label"] == "Kommunikation"  # no English label: Danish
    assert "Budget 2024: DKK 100,000" in nodes[T + "activity-haven"]["tooltip"]
    assert picture.title == "Change theory 2024"


def test_actor_tooltips_name_roles_in_the_page_language(small):
    tip = _by_id(view_picture(small, "actors"))[T + "activity-haven"]["tooltip"]
    assert "• Haveforeningen (ansvarlig)" in tip and "(samarbejdspartner)" in tip


def test_browser_opens_only_with_open(tmp_path, monkeypatch):
    import click

    opened = []
    monkeypatch.setattr(click, "launch", lambda url, **kw: opened.append(url) or 0)
    runner = CliRunner()
    out = tmp_path / "v.html"
    assert runner.invoke(main, ["render", "coverage", "-o", str(out), "--data", str(SMALL)]).exit_code == 0
    assert opened == []
    assert runner.invoke(main, ["render", "coverage", "-o", str(out), "--data", str(SMALL), "--open"]).exit_code == 0
    assert opened == [str(out)]


def test_shipped_actor_page_is_the_same_from_a_fresh_load():
    first = view_html(view_picture(load_graph(), "actors", sub_organisations=True))
    second = view_html(view_picture(load_graph(), "actors", sub_organisations=True))
    assert first == second
