"""SHACL validation: the shipped plan conforms, and each broken fixture is caught."""

from decimal import Decimal

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from theory.sources import shapes_path
from theory.namespaces import SCHEMA, TH
from theory.validate import validate

THD = "https://w3id.org/theory/data/tingbjerg-husum/"
TEST = "https://w3id.org/theory/data/test/"
SHAPES = "https://w3id.org/theory/shapes#"


@pytest.fixture(scope="module")
def shipped_report(shipped_graph):
    return validate(shipped_graph)


def test_shipped_plan_conforms(shipped_report):
    assert shipped_report.violations == [], "\n".join(
        f"{r.focus_node} {r.path} {r.message}" for r in shipped_report.violations
    )
    assert shipped_report.conforms


def test_secretariat_gaps_are_warnings_not_silence(shipped_report):
    # Activity 16 appears only in the overview table: the plan names no focus area and no
    # responsible actor for it.
    warned = {(r.focus_node, r.shape) for r in shipped_report.warnings}
    assert (THD + "activity-sekretariatsbetjening", SHAPES + "PlanGapShape") in warned
    messages = [r.message for r in shipped_report.warnings if r.focus_node.endswith("sekretariatsbetjening")]
    assert any("focus area" in m for m in messages) and any("responsible actor" in m for m in messages)


def test_every_shape_has_a_message():
    shapes = Graph().parse(shapes_path())
    constraints = set(shapes.subjects(SH.select, None))
    named = {s for s in shapes.subjects() if str(s).startswith(SHAPES)}
    for node in named:
        assert shapes.value(node, SH.message) is not None, f"{node} has no sh:message"
    assert constraints <= named


def test_minimal_plan_has_no_result(fixture_graph):
    report = validate(fixture_graph("minimal-plan.ttl"))
    assert report.results == []


BROKEN = [
    # fixture, focus node (local name), shape (local name), words in the message
    ("activity-without-focus-area", "activity-banen", "ActivityShape", "no focus area"),
    ("supports-without-focus-area-support", "activity-haven", "ActivityShape", "not backed by a th:FocusAreaSupport"),
    ("negative-amount", "amount-haven-2024-activity-salary", "Money-value", "non-negative"),
    ("amount-in-euro-as-string", "amount-haven-2024-activity-rent", "Money-currency", "DKK"),
    ("amount-in-euro-as-string", "amount-haven-2024-activity-rent", "Money-value", "xsd:decimal"),
    ("amount-year-outside-period", "amount-haven-2019-overview-total", "YearInPeriodShape", "outside the plan period"),
    ("amount-without-source", "amount-haven-2023-overview-total", "Cited-source", "th:source"),
    ("amount-without-source", "amount-haven-2023-overview-total", "Cited-quote", "th:quote"),
    ("target-min-above-max", "deliverable-haven-2", "Deliverable-min", "targetMax"),
    ("actor-without-kind", "actor-nogen", "ActorShape", "no kind"),
    ("actor-without-kind", "actor-nogen", "Actor-label", "exactly one Danish rdfs:label"),
    ("timeline-month-before-period", "timeline-haven-1", "TimelineEntryShape", "runs backwards"),
    ("timeline-month-before-period", "timeline-haven-2", "TimelineEntryShape", "more than a year outside"),
    ("responsibility-without-status", "resp-haven-forvaltning-partner", "Responsibility-status", "th:roleStatus"),
    ("responsibility-without-status", "resp-haven-kommune-funder", "Responsibility-status", "th:Prospective"),
]


@pytest.mark.parametrize("fixture, focus, shape, words", BROKEN)
def test_broken_fixture_is_a_violation(fixture_graph, fixture, focus, shape, words):
    report = validate(fixture_graph("minimal-plan.ttl", f"{fixture}.ttl"))
    assert not report.conforms
    matching = [r for r in report.violations if r.focus_node == TEST + focus and r.shape == SHAPES + shape]
    assert matching, [(r.focus_node, r.shape, r.message) for r in report.results]
    assert any(words in r.message for r in matching)


def test_month_in_year_before_period_is_allowed(fixture_graph):
    report = validate(fixture_graph("minimal-plan.ttl", "timeline-month-before-period.ttl"))
    assert not [r for r in report.results if r.focus_node == TEST + "timeline-haven-3"]


def test_activity_only_in_overview_gives_warnings_and_conforms(fixture_graph):
    report = validate(fixture_graph("minimal-plan.ttl", "activity-only-in-overview.ttl"))
    assert report.conforms
    assert {r.focus_node for r in report.warnings} == {TEST + "activity-sekretariat"}
    assert len(report.warnings) == 2


def test_prospective_lead_only_is_a_gap_warning(fixture_graph):
    report = validate(fixture_graph("minimal-plan.ttl", "prospective-lead-only.ttl"))
    assert report.conforms
    assert [(r.focus_node, r.shape) for r in report.warnings] == [(TEST + "activity-banen", SHAPES + "PlanGapShape")]
    assert "no agreed responsible actor" in report.warnings[0].message


def test_loose_ends_of_the_change_theory_are_warnings(fixture_graph):
    report = validate(fixture_graph("minimal-plan.ttl", "focus-area-without-result.ttl"))
    assert report.conforms
    assert {(r.focus_node, r.shape) for r in report.warnings} == {
        (TEST + "fa-tom", SHAPES + "ChainGapShape"),
        (TEST + "result-loes", SHAPES + "ChainGapShape"),
    }


def test_results_are_sorted_violations_first(fixture_graph):
    report = validate(
        fixture_graph("minimal-plan.ttl", "activity-only-in-overview.ttl", "negative-amount.ttl")
    )
    severities = [r.severity for r in report.results]
    assert severities == sorted(severities, key=["Violation", "Warning"].index)


# --- the plan's own figures -----------------------------------------------------------


def _overview_total(graph, year: str) -> Decimal:
    total = Decimal(0)
    for amount in graph.subjects(TH.table, TH.OverviewTable):
        if (amount, TH.budgetLine, TH.Total) in graph and str(graph.value(amount, TH.year)) == year:
            total += graph.value(amount, SCHEMA.value).toPython()
    return total


def test_2024_overview_rows_add_up_to_the_stated_2024_sum(shipped_graph):
    # "Sum (kr.) 1.934.000 1.970.000 2.069.277 2.210.000": the 2024 column is 2.210.000
    stated = {
        graph_sum.toPython()
        for s in shipped_graph.subjects(TH.year, None)
        if (s, None, TH.StatedSum) in shipped_graph and str(shipped_graph.value(s, TH.year)) == "2024"
        for graph_sum in shipped_graph.objects(s, SCHEMA.value)
    }
    assert stated == {Decimal(2210000)}
    assert _overview_total(shipped_graph, "2024") == Decimal(2210000)


def test_sixteen_numbered_activities_each_with_a_2024_overview_row(shipped_graph):
    numbered = {int(n): a for a, n in shipped_graph.subject_objects(TH.activityNumber)}
    assert sorted(numbered) == list(range(1, 17))
    for number, activity in numbered.items():
        rows = [
            a
            for a in shipped_graph.subjects(TH.forActivity, activity)
            if (a, TH.table, TH.OverviewTable) in shipped_graph and str(shipped_graph.value(a, TH.year)) == "2024"
        ]
        assert len(rows) == 1, f"activity {number} has {len(rows)} overview rows for 2024"


def test_plan_year_and_years(ws, plan):
    assert (plan.year, plan.years) == (2024, (2021, 2022, 2023, 2024))
    assert ws.year(plan) == 2024


def test_a_plan_covers_its_agreement_period_or_else_the_years_of_its_figures(fixture_ws):
    assert fixture_ws("minimal-plan.ttl", "amount-year-outside-period.ttl").plans[0].years == (2023, 2024)
    assert fixture_ws("q-budget-mismatches.ttl").plans[0].years == (2023, 2024)
