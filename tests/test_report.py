"""The steering-group report: sections, figures checked against the plan, escaping, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main
from theory.report import budget_chart, report_html

SMALL = Path(__file__).parent / "data" / "p-small-plan-with-hostile-labels.ttl"
SECTIONS = ("glance", "coverage", "actors", "budget", "views")


@pytest.fixture(scope="module")
def shipped_report(shipped_graph):
    return report_html(shipped_graph, 2024)


def test_report_has_every_section_and_both_networks(shipped_report):
    for section in SECTIONS:
        assert f'<section id="{section}"' in shipped_report
    for name in ("changetheory", "actors"):
        assert f'id="network-{name}"' in shipped_report and f'id="legend-{name}"' in shipped_report
    data = json.loads(re.search(r'id="theory-networks">(.*?)</script>', shipped_report, re.S).group(1))
    assert [d["name"] for d in data] == ["changetheory", "actors"]
    assert "window.networks" in shipped_report and "@media print" in shipped_report
    assert shipped_report.count("vis-network") >= 1 and shipped_report.count("@version 9.1.2") == 1


def test_report_budget_per_year_shows_the_plans_stated_sums(shipped_report):
    # "Sum (kr.) 1.934.000 1.970.000 2.069.277 2.210.000" in "Tryghedsplanens økonomi"
    table = re.search(r'<table id="budget-per-year">(.*?)</table>', shipped_report, re.S).group(1)
    for year, stated in ((2021, "1.934.000"), (2022, "1.970.000"), (2023, "2.069.277"), (2024, "2.210.000")):
        row = re.search(rf"<tr><td>{year}</td>(.*?)</tr>", table).group(1)
        assert f"{stated} kr." in row
    assert shipped_report.count('class="bar"') == 4


def test_report_lists_every_budget_finding_and_flagged_actor(shipped_report, shipped_graph):
    from theory.actors import actor_load
    from theory.budget import audit_budget

    graph = shipped_graph
    findings = re.search(r'<table id="budget-findings">(.*?)</table>', shipped_report, re.S).group(1)
    assert findings.count("<tr>") - 1 == len(audit_budget(graph))
    load = re.search(r'<table id="actor-load">(.*?)</table>', shipped_report, re.S).group(1)
    flagged = [r for r in actor_load(graph, 2024) if r["flags"]]
    assert load.count('class="flag"') == sum(len(r["flags"]) for r in flagged)
    assert "16</div><div class=\"what\">aktiviteter i 2024" in shipped_report


def test_budget_chart_scales_bars_to_the_largest_figure():
    chart = budget_chart([{"year": 2022, "rows": 50, "stated": 50}, {"year": 2021, "rows": 100, "stated": 90}])
    assert [b["year"] for b in chart["bars"]] == [2021, 2022]
    assert chart["bars"][0]["height"] == 2 * chart["bars"][1]["height"]
    assert chart["bars"][0]["differs"] and not chart["bars"][1]["differs"]


def test_report_escapes_hostile_labels_and_is_deterministic(tmp_path):
    runner = CliRunner()
    outputs = []
    for name in ("a.html", "b.html"):
        result = runner.invoke(main, ["report", "-o", str(tmp_path / name), "--data", str(SMALL)])
        assert result.exit_code == 0, result.output
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    html = outputs[0].decode("utf-8")
    assert "<img src=x" not in html and "<script>window.__pwned" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
