"""SHACL validation: the shipped plan conforms, and each broken fixture is caught."""

import re
from decimal import Decimal

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from cli import main

from theory.sources import shapes_path
from theory.namespaces import SCHEMA, TH
from theory.validate import validate

THD = "https://w3id.org/theory/data/tingbjerg-husum/"
TEST = "https://w3id.org/theory/data/test/"
SHAPES = "https://w3id.org/theory/shapes#"


@pytest.fixture(scope="module")
def shipped_report(shipped_graph):
    return validate(shipped_graph, lang="en")


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


# --- messages in Danish and English ------------------------------------------------------

PLACEHOLDER = re.compile(r"\{[?$](\w+)\}")
#: prefixed names (th:supports, xsd:gYear, schema:value …) and quoted literals ("…"@da, "DKK")
TECHNICAL = re.compile(r'\b(?:th|xsd|schema|rdfs|skos|org|rdf):\w+|"[^"]*"')

SHIPPED_GAPS = {
    "da": [
        "Aktiviteten i planen for 2024 har ingen aftalt ansvarlig aktør (ingen th:Lead eller th:CoLead"
        " med th:roleStatus th:Agreed): planen nævner ingen.",
        "Aktiviteten i planen for 2024 understøtter intet indsatsområde: planen nævner ingen for den"
        " (den står kun i budgetoversigten).",
    ],
    "en": [
        "Activity of the 2024 plan has no agreed responsible actor (no th:Lead or th:CoLead with"
        " th:roleStatus th:Agreed): the plan names none.",
        "Activity of the 2024 plan supports no focus area: the plan names none for it (it appears only"
        " in the budget overview).",
    ],
}
NEGATIVE_AMOUNT = {
    "da": 'schema:value er præcis ét ikke-negativt xsd:decimal ("300000"^^xsd:decimal).',
    "en": 'schema:value is exactly one non-negative xsd:decimal ("300000"^^xsd:decimal).',
}
SEVERITY = {"da": {"Violation": "Overtrædelse", "Warning": "Advarsel"}, "en": {"Violation": "Violation", "Warning": "Warning"}}


def _messages(stdout: str, severity: str) -> list[str]:
    """The message column of the table rows of ``severity`` (columns are two or more spaces apart)."""
    return sorted(re.split(r"\s{2,}", line.strip())[-1] for line in stdout.splitlines() if line.startswith(severity))


def _language_args(lang):
    return [] if lang == "da" else ["--lang", lang]  # Danish is the default


@pytest.mark.parametrize("lang", ["da", "en"])
def test_cli_prints_the_shipped_plans_warnings_in_the_answers_language(runner, lang):
    result = runner.invoke(main, ["validate", *_language_args(lang)])
    assert result.exit_code == 0, result.output + result.stderr
    assert _messages(result.stdout, SEVERITY[lang]["Warning"]) == SHIPPED_GAPS[lang]
    other = SHIPPED_GAPS["en" if lang == "da" else "da"]
    assert not any(message in result.stdout for message in other)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_cli_prints_a_violation_in_the_answers_language(runner, data_dir, lang):
    result = runner.invoke(main, ["validate", *_language_args(lang), "--data", str(data_dir / "minimal-plan.ttl"),
                                  "--data", str(data_dir / "negative-amount.ttl")])
    assert result.exit_code == 1, result.output + result.stderr
    assert _messages(result.stdout, SEVERITY[lang]["Violation"]) == [NEGATIVE_AMOUNT[lang]]


@pytest.mark.parametrize(
    "fixture, shape, lang, message",
    [
        # SHACL-SPARQL: pyshacl fills in {?value} (an IRI) and drops the tag; validate gives it back
        ("supports-without-focus-area-support", "ActivityShape", "da",
         f"th:supports {TEST}fa-faellesskab er ikke belagt af en th:FocusAreaSupport"
         " (th:supportingActivity/th:supportedFocusArea med th:source og th:quote); tilføj en."),
        ("supports-without-focus-area-support", "ActivityShape", "en",
         f"th:supports {TEST}fa-faellesskab is not backed by a th:FocusAreaSupport"
         " (th:supportingActivity/th:supportedFocusArea with th:source and th:quote); add one."),
        # SHACL-SPARQL without placeholders: the tag is dropped all the same
        ("actor-without-kind", "ActorShape", "da",
         "Aktøren har ingen art: giv den en underklasse af th:Actor som type"
         " (th:Association, th:MunicipalUnit, th:NGO …), ikke kun th:Actor."),
        ("actor-without-kind", "ActorShape", "en",
         "Actor has no kind: type it with a subclass of th:Actor (th:Association, th:MunicipalUnit, th:NGO …),"
         " not th:Actor alone."),
        # SHACL core: pyshacl keeps the tag
        ("negative-amount", "Money-value", "da", NEGATIVE_AMOUNT["da"]),
        ("negative-amount", "Money-value", "en", NEGATIVE_AMOUNT["en"]),
    ],
)
def test_violation_message_in_each_language(fixture_graph, fixture, shape, lang, message):
    report = validate(fixture_graph("minimal-plan.ttl", f"{fixture}.ttl"), lang=lang)
    assert [r.message for r in report.violations if r.shape == SHAPES + shape] == [message]


def _templates(shapes: Graph, lang: str) -> list[re.Pattern]:
    """Every ``sh:message`` in ``lang`` as a pattern its filled-in text matches."""
    return [
        re.compile(".*?".join(map(re.escape, PLACEHOLDER.split(str(m))[::2])), re.DOTALL)
        for m in shapes.objects(None, SH.message)
        if m.language == lang
    ]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_result_message_is_a_message_of_the_answers_language(fixture_graph, lang):
    shapes = Graph().parse(shapes_path())
    own, other = _templates(shapes, lang), _templates(shapes, "en" if lang == "da" else "da")
    fixtures = ["activity-without-focus-area", "supports-without-focus-area-support", "negative-amount",
                "amount-in-euro-as-string", "amount-year-outside-period", "amount-without-source",
                "target-min-above-max", "actor-without-kind", "timeline-month-before-period",
                "responsibility-without-status", "activity-only-in-overview", "focus-area-without-result"]
    report = validate(fixture_graph("minimal-plan.ttl", *(f"{f}.ttl" for f in fixtures)), lang=lang)
    kinds = {"PlanGapShape", "ChainGapShape", "TimelineEntryShape", "ActorShape", "Money-value", "Cited-quote"}
    assert {SHAPES + k for k in kinds} <= {r.shape for r in report.results}  # SHACL-SPARQL and core results
    for result in report.results:
        assert any(t.fullmatch(result.message) for t in own), (result.shape, result.message)
        assert not any(t.fullmatch(result.message) for t in other), (result.shape, result.message)


def test_every_message_is_in_danish_and_english_with_the_same_placeholders_and_names():
    shapes = Graph().parse(shapes_path())
    carriers = set(shapes.subjects(SH.message, None))
    assert len(carriers) >= 80
    for node in carriers:
        messages = list(shapes.objects(node, SH.message))
        tags = sorted(str(m.language) for m in messages)
        assert tags == ["da", "en"], f"{node}: messages tagged {tags}, want one @da and one @en"
        da, en = (str(next(m for m in messages if m.language == tag)) for tag in ("da", "en"))
        assert da != en, node
        assert sorted(PLACEHOLDER.findall(da)) == sorted(PLACEHOLDER.findall(en)), node
        assert set(TECHNICAL.findall(en)) <= set(TECHNICAL.findall(da)), f"{node}: technical names differ"
        assert PLACEHOLDER.sub("", da).strip(" .") and PLACEHOLDER.sub("", en).strip(" ."), node


def test_every_placeholder_is_a_variable_the_query_selects():
    shapes = Graph().parse(shapes_path())
    for constraint, query in shapes.subject_objects(SH.select):
        selected = set(re.findall(r"[?$](\w+)", str(query).split("WHERE", 1)[0]))
        for message in shapes.objects(constraint, SH.message):
            assert set(PLACEHOLDER.findall(str(message))) <= selected, (constraint, str(message))


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
    report = validate(fixture_graph("minimal-plan.ttl", f"{fixture}.ttl"), lang="en")
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
    report = validate(fixture_graph("minimal-plan.ttl", "prospective-lead-only.ttl"), lang="en")
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
