"""The named-query catalogue: every query runs on the shipped plan, answers match the plan."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from theory.errors import QueryError, UsageError
from theory.load import load_graph
from theory.queries import list_queries, query_info, query_text, run_query, select_rows

THD = "https://w3id.org/theory/data/tingbjerg-husum/"

#: a value for every parameter a catalogue query may declare
SAMPLE = {"focus_area": "Trygt byliv", "actor": "SSP", "activity": "1", "age": "15", "year": "2024", "lang": "da"}

REQUIRED = {
    "focus-area-activities", "activities-of-focus-area", "unserved-focus-areas-and-results",
    "activities-without-focus-area-or-result", "budget-by-focus-area", "budget-by-year-and-line",
    "activities-new-or-ended", "actor-activities", "activity-card", "deliverable-targets-by-focus-area",
    "activities-for-age", "single-actor-activities",
}


def _numbers(rows):
    return sorted(r["activity_number"] for r in rows)


def test_catalogue_covers_the_issue():
    names = {q.name for q in list_queries()}
    assert REQUIRED <= names
    for q in list_queries():
        assert q.summary, f"{q.name}.rq needs a summary on its first comment line"


def test_parameters_are_declared():
    assert [p.name for p in query_info("activities-for-age").params] == ["age", "lang"]
    assert query_info("activities-for-age").params[0].type == "integer"
    assert query_info("activity-card").params[1].default == "plan"


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries() if not q.name.startswith(("model-", "render-"))))
def test_every_query_runs_on_the_shipped_plan(shipped_graph, name):
    params = {p.name: SAMPLE[p.name] for p in query_info(name).params}
    first = select_rows(shipped_graph, name, params)
    if name == "unserved-focus-areas-and-results":
        assert first == []  # activity 13 serves the cross-cutting effort: nothing is unserved
    else:
        assert first, f"{name} gives no rows on the shipped plan"
    assert select_rows(shipped_graph, name, params) == first  # deterministic order


def test_focus_area_activities_2024(shipped_graph):
    rows = select_rows(shipped_graph, "focus-area-activities")
    counts = {}
    for row in rows:
        counts[row["focus_area"]] = counts.get(row["focus_area"], 0) + 1
    assert counts == {
        "Trygt byliv": 9, "Uddannelse og beskæftigelse": 9, "Positive fællesskaber": 14,
        "Kommunikation, dialog og synlighed": 1,
    }


@pytest.mark.parametrize("name", ["Trygt byliv", "TRYGT BYLIV", "Safe urban life", THD + "fa-trygt-byliv"])
def test_one_focus_area_by_name_or_iri(shipped_graph, name):
    rows = select_rows(shipped_graph, "activities-of-focus-area", {"focus_area": name})
    assert _numbers(rows) == [1, 2, 7, 8, 10, 12, 13, 14, 15]


def test_injection_is_just_a_value(shipped_graph):
    before = len(shipped_graph)
    rows = select_rows(shipped_graph, "activities-of-focus-area", {"focus_area": 'x" } ; DROP ALL ; #'})
    assert rows == []
    rows = select_rows(shipped_graph, "actor-activities", {"actor": "SSP' } } ; DELETE WHERE { ?s ?p ?o } #"})
    assert rows == []
    assert len(shipped_graph) == before


def test_year_parameter_is_typed(shipped_graph):
    rows_2021 = select_rows(shipped_graph, "activities-of-focus-area", {"focus_area": "Trygt byliv", "year": "2021"})
    assert 14 in _numbers(rows_2021)  # Bylivs- og tryghedspuljen had 180.000 in 2021
    assert 10 not in _numbers(rows_2021)  # Kulturnatten 2024 is new in 2024


def test_budget_by_focus_area_2024(shipped_graph):
    rows = {r["focus_area"]: r for r in select_rows(shipped_graph, "budget-by-focus-area") if r["year"] == 2024}
    assert rows["Trygt byliv"]["budget"] == 1246000
    assert rows["Uddannelse og beskæftigelse"]["budget"] == 1728000
    assert rows["Positive fællesskaber"]["budget"] == 1904000


def test_budget_by_year_and_line_2024(shipped_graph):
    rows = [r for r in select_rows(shipped_graph, "budget-by-year-and-line") if r["year"] == 2024]
    # the activities' own tables for 2024: 2.210.000 less Sekretariatsbetjening (no table)
    assert sum(r["amount"] for r in rows) == 2204000
    salary = next(r for r in rows if r["budget_line"] == "lønmidler")
    # 160.000 + 80.000 + 188.000 + 120.000 + 100.000 + 250.000 + 81.000 + 300.000
    assert salary["amount"] == 1279000


def test_new_in_2024(shipped_graph):
    rows = select_rows(shipped_graph, "activities-new-or-ended", {"year": 2024})
    new = sorted(r["activity_number"] for r in rows if r["status"] == "ny")
    assert new == [10, 11, 12]  # marked (NY) in the overview table


def test_actor_by_alias(shipped_graph):
    by_alias = select_rows(shipped_graph, "actor-activities", {"actor": "Husum for Alle"})
    by_name = select_rows(shipped_graph, "actor-activities", {"actor": "husum for alle"})
    assert by_alias == by_name
    led = {r["activity_number"] for r in by_alias if r["role"] == "ansvarlig"}
    assert led == {2, 4, 9, 10, 11}


def test_activity_card(shipped_graph):
    card = select_rows(shipped_graph, "activity-card", {"activity": "Det gode valg"})
    fields = {(r["field"], r["value"]) for r in card}
    assert ("1 number", "5") in fields
    assert ("5 focus area", "Positive fællesskaber") in fields
    assert ("6 actor", "SSP København") in fields
    assert select_rows(shipped_graph, "activity-card", {"activity": "5"}) == card


def test_activities_for_age(shipped_graph):
    rows = select_rows(shipped_graph, "activities-for-age", {"age": 15})
    assert {4, 11, 12} <= {r["activity_number"] for r in rows}
    for row in rows:
        assert (row["min_age"] is None or row["min_age"] <= 15) and (row["max_age"] is None or 15 <= row["max_age"])
    assert select_rows(shipped_graph, "activities-for-age", {"age": 200}) == []


def test_single_actor_activities(shipped_graph):
    rows = select_rows(shipped_graph, "single-actor-activities")
    assert {r["activity_number"] for r in rows} == {14, 15}


def test_unserved(shipped_graph, data_dir):
    # activity 13 supports the cross-cutting effort, so the shipped plan serves every area
    assert select_rows(shipped_graph, "unserved-focus-areas-and-results") == []
    rows = select_rows(load_graph([data_dir / "q-plan-adds-up-with-gaps.ttl"]), "unserved-focus-areas-and-results")
    assert [r["kind"] for r in rows] == ["focus-area", "result"]
    assert {r["focus_area"] for r in rows} == {"Område B"}


def test_deliverable_targets(shipped_graph):
    rows = select_rows(shipped_graph, "deliverable-targets-by-focus-area")
    garden = [r for r in rows if r["activity_number"] == 3 and r["target_max"] == 130]
    assert garden and garden[0]["target_min"] == 100  # "Træning til mellem 100-130 børn pr. år"


def test_bad_parameters(shipped_graph):
    with pytest.raises(UsageError, match="whole number"):
        select_rows(shipped_graph, "activities-for-age", {"age": "fifteen"})
    with pytest.raises(UsageError, match="unknown parameter 'colour'"):
        select_rows(shipped_graph, "activities-for-age", {"age": "15", "colour": "red"})
    with pytest.raises(UsageError, match="missing parameter age"):
        select_rows(shipped_graph, "activities-for-age")
    with pytest.raises(UsageError, match="it takes no parameters"):
        select_rows(shipped_graph, "stated-sums", {"year": "2024"})
    with pytest.raises(UsageError, match="no query named"):
        query_text("no-such-query")


def test_terms_pass_through(shipped_graph):
    rows = select_rows(shipped_graph, "activities-of-focus-area", {"focus_area": URIRef(THD + "fa-trygt-byliv")})
    assert len(rows) == 9
    result = run_query(shipped_graph, "SELECT ?l WHERE { ?x rdfs:label ?l }", {"x": URIRef(THD + "fa-trygt-byliv")})
    assert Literal("Trygt byliv", lang="da") in {row[0] for row in result}


def test_query_file(shipped_graph, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# Count activities.\nPREFIX th: <https://w3id.org/theory/ontology#>\n"
                    "SELECT (COUNT(?a) AS ?n) WHERE { ?a a th:Activity }\n", encoding="utf-8")
    assert select_rows(shipped_graph, str(path)) == [{"n": 25}]  # 16 of 2024 + 9 earlier


def test_construct_and_ask(shipped_graph):
    ask = run_query(shipped_graph, "ASK { ?a th:activityNumber 16 }")
    assert ask.askAnswer is True
    with pytest.raises(UsageError):
        select_rows(shipped_graph, "PREFIX th: <https://w3id.org/theory/ontology#> CONSTRUCT { ?a a th:Activity } WHERE { ?a a th:Activity }")


def test_syntax_error_has_line_and_column(shipped_graph):
    with pytest.raises(QueryError, match=r"line 2, column \d+"):
        run_query(shipped_graph, "SELECT ?x\nWHERE { ?x ?p }")


def test_activities_without_focus_area_or_result(shipped_graph):
    rows = select_rows(shipped_graph, "activities-without-focus-area-or-result")
    # 16 Sekretariatsbetjening has no section of its own, so no focus area and no result
    assert [(r["activity_number"], r["missing"]) for r in rows] == [(16, "focus area"), (16, "result")]


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries() if not q.name.startswith(("model-", "render-"))))
def test_empty_plan_gives_empty_answers(data_dir, name):
    from theory.load import load_graph

    graph = load_graph([data_dir / "q-plan-without-activities.ttl"])
    params = {p.name: SAMPLE[p.name] for p in query_info(name).params}
    assert select_rows(graph, name, params) == []
