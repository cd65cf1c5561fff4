"""The named-query catalogue: every question runs on the shipped plan and answers match the plan."""

from __future__ import annotations

import pytest

from theory.catalogue import AUDIENCES, catalogue, get, source
from theory.errors import QueryError, UsageError

THD = "https://w3id.org/theory/data/tingbjerg-husum/"

#: a value for every parameter a catalogue question may declare
SAMPLE = {"focus_area": "Trygt byliv", "actor": "SSP", "activity": "1", "age": "15", "year": "2024", "lang": "da"}

REQUIRED = {
    "focus-area-activities", "activities-of-focus-area", "unserved-focus-areas-and-results",
    "activities-without-focus-area-or-result", "budget-by-focus-area", "budget-by-year-and-line",
    "activities-new-or-ended", "actor-activities", "activity-card", "deliverable-targets-by-focus-area",
    "activities-for-age", "single-actor-activities",
}
QUESTIONS = sorted(q.name for q in catalogue("questions"))


def _numbers(rows):
    return sorted(r["activity_number"] for r in rows)


def test_catalogue_covers_the_issue_and_every_query_has_a_summary():
    assert REQUIRED <= set(QUESTIONS)
    for audience in (*AUDIENCES, "engine"):
        for q in catalogue(audience):
            assert q.summary, f"{audience}/{q.name}.rq needs a summary on its first comment line"


def test_building_blocks_are_not_questions():
    assert not {"theory-nodes", "works-toward", "plan"} & set(QUESTIONS)
    assert {q.name for q in catalogue("rules")} == {"actor-links", "inverses", "suborganisations", "works-toward"}


def test_parameters_are_declared():
    assert [p.name for p in get("activities-for-age").params] == ["age", "lang"]
    assert get("activities-for-age").params[0].type == "integer"
    assert get("activity-card").params[0].type == "activity"
    assert get("activity-card").params[1].default == "plan"


@pytest.mark.parametrize("name", QUESTIONS)
def test_every_question_runs_on_the_shipped_plan(ws, plan, name):
    params = {p.name: SAMPLE[p.name] for p in get(name).params}
    rows = ws.select(name, plan, params)
    if name == "unserved-focus-areas-and-results":
        assert rows == []  # activity 13 serves the cross-cutting effort: nothing is unserved
    else:
        assert rows, f"{name} gives no rows on the shipped plan"


def test_focus_area_activities_2024(ws, plan):
    counts: dict[str, int] = {}
    for row in ws.select("focus-area-activities", plan):
        counts[row["focus_area"]] = counts.get(row["focus_area"], 0) + 1
    assert counts == {"Trygt byliv": 9, "Uddannelse og beskæftigelse": 9, "Positive fællesskaber": 14,
                      "Kommunikation, dialog og synlighed": 1}


@pytest.mark.parametrize("name", ["Trygt byliv", "TRYGT BYLIV", "trygt", "Safe urban life", THD + "fa-trygt-byliv",
                                  "thd:fa-trygt-byliv"])
def test_one_focus_area_by_a_name_people_type(ws, plan, name):
    rows = ws.select("activities-of-focus-area", plan, {"focus_area": name})
    assert _numbers(rows) == [1, 2, 7, 8, 10, 12, 13, 14, 15]


def test_a_string_parameter_is_only_a_string(ws, plan):
    hostile = 'x" } ; DROP ALL ; #'
    info = source('PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n'
                  'SELECT ?thing WHERE { ?thing rdfs:label ?name }')
    assert ws.terms(info, plan, {"name": hostile}) == []
    assert ws.select("year-activities", plan, {"year": 2024})  # the store is untouched


def test_year_parameter_is_typed(ws, plan):
    rows_2021 = ws.select("activities-of-focus-area", plan, {"focus_area": "Trygt byliv", "year": "2021"})
    assert 14 in _numbers(rows_2021)  # Bylivs- og tryghedspuljen had 180.000 in 2021
    assert 10 not in _numbers(rows_2021)  # Kulturnatten 2024 is new in 2024


def test_budget_by_focus_area_2024(ws, plan):
    rows = {r["focus_area"]: r for r in ws.select("budget-by-focus-area", plan) if r["year"] == 2024}
    assert rows["Trygt byliv"]["budget"] == 1246000
    assert rows["Uddannelse og beskæftigelse"]["budget"] == 1728000
    assert rows["Positive fællesskaber"]["budget"] == 1904000


def test_budget_by_year_and_line_2024(ws, plan):
    rows = [r for r in ws.select("budget-by-year-and-line", plan) if r["year"] == 2024]
    # the activities' own tables for 2024: 2.210.000 less Sekretariatsbetjening (no table)
    assert sum(r["amount"] for r in rows) == 2204000
    salary = next(r for r in rows if r["budget_line"] == "lønmidler")
    # 160.000 + 80.000 + 188.000 + 120.000 + 100.000 + 250.000 + 81.000 + 300.000
    assert salary["amount"] == 1279000


def test_new_in_2024(ws, plan):
    rows = ws.select("activities-new-or-ended", plan, {"year": 2024})
    assert sorted(r["activity_number"] for r in rows if r["status"] == "ny") == [10, 11, 12]


def test_actor_by_alias_or_part_of_a_name(ws, plan):
    by_alias = ws.select("actor-activities", plan, {"actor": "Husum for Alle"})
    assert by_alias == ws.select("actor-activities", plan, {"actor": "husum for"})
    led = {r["activity_number"] for r in by_alias if r["role"] == "ansvarlig"}
    assert led == {2, 4, 9, 10, 11}
    assert {r["status"] for r in by_alias} == {"aftalt", "forventet"}  # BHV Cup: only intended


def test_actor_names_that_match_several_or_none(ws, plan):
    with pytest.raises(UsageError, match=r"'Husum' matches \d+ actors: .*Husum for alle"):
        ws.select("actor-activities", plan, {"actor": "Husum"})
    with pytest.raises(UsageError, match="no actor has that name; did you mean: Husum for alle"):
        ws.select("actor-activities", plan, {"actor": "Husum fro alle"})


def test_activity_card(ws, plan):
    card = ws.select("activity-card", plan, {"activity": "Det gode valg"})
    fields = {(r["field"], r["value"]) for r in card}
    assert ("1 number", "5") in fields
    assert ("5 focus area", "Positive fællesskaber") in fields
    assert ("6 actor", "SSP København") in fields
    assert ws.select("activity-card", plan, {"activity": "5"}) == card
    assert ws.select("activity-card", plan, {"activity": "det gode"}) == card


def test_activity_card_in_english(ws_en):
    plan = ws_en.plans[0]
    card = ws_en.select("activity-card", plan, {"activity": "Fælleshaven"})
    fields = {(r["field"], r["value"], r.get("detail")) for r in card}
    assert ("2 name", "The Community Garden", THD + "activity-faelleshaven") in fields
    assert ("7 budget", "300000", "overview table: total") in fields


def test_activities_for_age(ws, plan):
    rows = ws.select("activities-for-age", plan, {"age": 15})
    assert {4, 11, 12} <= {r["activity_number"] for r in rows}
    for row in rows:
        assert (row["min_age"] is None or row["min_age"] <= 15) and (row["max_age"] is None or 15 <= row["max_age"])
    assert ws.select("activities-for-age", plan, {"age": 200}) == []


def test_single_actor_activities(ws, plan):
    assert {r["activity_number"] for r in ws.select("single-actor-activities", plan)} == {14, 15}


def test_unserved(ws, plan, fixture_ws):
    assert ws.select("unserved-focus-areas-and-results", plan) == []
    other = fixture_ws("q-plan-adds-up-with-gaps.ttl")
    rows = other.select("unserved-focus-areas-and-results", other.plans[0])
    assert [r["kind"] for r in rows] == ["focus-area", "result"]
    assert {r["focus_area"] for r in rows} == {"Område B"}


def test_deliverable_targets(ws, plan):
    rows = ws.select("deliverable-targets-by-focus-area", plan)
    garden = [r for r in rows if r["activity_number"] == 3 and r["target_max"] == 130]
    assert garden and garden[0]["target_min"] == 100  # "Træning til mellem 100-130 børn pr. år"


def test_bad_parameters(ws, plan):
    with pytest.raises(UsageError, match="whole number"):
        ws.select("activities-for-age", plan, {"age": "fifteen"})
    with pytest.raises(UsageError, match="unknown parameter 'colour'"):
        ws.select("activities-for-age", plan, {"age": "15", "colour": "red"})
    with pytest.raises(UsageError, match="missing parameter age"):
        ws.select("activities-for-age", plan)
    with pytest.raises(UsageError, match="it takes no parameters"):
        ws.select("stated-sums", plan, {"year": "2024"})
    with pytest.raises(UsageError, match="must be a year like 2024"):
        ws.select("year-activities", plan, {"year": "next"})
    with pytest.raises(UsageError, match="no query named"):
        get("no-such-query")


def test_query_file(ws, plan, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("# Count activities.\nPREFIX th: <https://w3id.org/theory/ontology#>\n"
                    "SELECT (COUNT(?a) AS ?n) WHERE { ?a a th:Activity }\n", encoding="utf-8")
    (row,) = ws.terms(source(str(path)), plan)
    assert row["n"].value == "25"  # 16 of 2024 + 9 earlier


def test_ask(ws, plan):
    assert ws.terms(source("PREFIX th: <https://w3id.org/theory/ontology#>\nASK { ?a th:activityNumber 16 }"), plan) is True


def test_syntax_error_is_a_query_error(ws, plan):
    with pytest.raises(QueryError, match="SPARQL error"):
        ws.terms(source("SELECT ?x\nWHERE { ?x ?p }"), plan)


def test_activities_without_focus_area_or_result(ws, plan):
    rows = ws.select("activities-without-focus-area-or-result", plan)
    # 16 Sekretariatsbetjening has no section of its own, so no focus area and no result
    assert [(r["activity_number"], r["missing"]) for r in rows] == [(16, "focus area"), (16, "result")]


@pytest.mark.parametrize("name", [n for n in QUESTIONS if not any(p.type in ("actor", "activity", "focus-area")
                                                                  for p in get(n).params)])
def test_empty_plan_gives_empty_answers(fixture_ws, name):
    ws = fixture_ws("q-plan-without-activities.ttl")
    plan = ws.plans[0]
    params = {p.name: SAMPLE[p.name] for p in get(name).params if p.name in ("age", "lang")}
    rows = ws.select(name, plan, params)
    assert all(not r.get("activity_iri") for r in rows)
