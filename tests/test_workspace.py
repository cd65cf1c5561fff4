"""The workspace: plans loaded once, their years, names, answers per plan and remembered."""

from __future__ import annotations

import pytest

from theory.errors import UsageError
from theory.workspace import Workspace, year_span

THD = "https://w3id.org/theory/data/tingbjerg-husum/"


def test_the_shipped_plan(ws, plan):
    assert [p.iri for p in ws.plans] == [THD + "plan-2024"]
    assert plan.graph == plan.iri
    assert (plan.label, plan.partnership, plan.year) == ("Tingbjerg-Husum tryghedsplan 2024", "Tingbjerg-Husum Partnerskab", 2024)
    assert ws.dataset(plan) == ["https://w3id.org/theory/ontology", "https://w3id.org/theory/data/actors", plan.iri]


def test_english_plan_names(ws_en):
    assert ws_en.plans[0].label == "Tingbjerg-Husum safety plan 2024"


@pytest.mark.parametrize("year", [2021, 2024, None])
def test_years_the_plan_covers(ws, plan, year):
    assert ws.year(plan, year) == (year or 2024)


@pytest.mark.parametrize("year", [2019, 2020, 2025])
def test_years_outside_the_plan(ws, plan, year):
    with pytest.raises(UsageError) as info:
        ws.year(plan, year)
    assert info.value.message == f"{year} is outside the plan's years 2021–2024"


def test_year_span():
    assert year_span([2021, 2022, 2023, 2024]) == "2021–2024"
    assert year_span([2021, 2023]) == "2021, 2023"
    assert year_span([2024]) == "2024"


@pytest.mark.parametrize("typed", ["Tingbjerg-Husum tryghedsplan 2024", "tingbjerg", "Tingbjerg-Husum Partnerskab",
                                   THD + "plan-2024", "2024"])
def test_plans_by_a_name_people_type(ws, typed):
    assert [p.iri for p in ws.scope(typed)] == [THD + "plan-2024"]


def test_an_unknown_plan_lists_the_plans(ws):
    with pytest.raises(UsageError, match=r"--plan 'Amager': no plan has that name.*\(loaded plans: "
                                         r"Tingbjerg-Husum tryghedsplan 2024 <https://w3id.org/theory/data/tingbjerg-husum/plan-2024>\)"):
        ws.scope("Amager")


def test_answers_are_remembered(ws, plan):
    first = ws.select("year-activities", plan, {"year": 2024})
    assert ws.select("year-activities", plan, {"year": 2024}) is first
    assert ws.select("year-activities", plan, {"year": 2023}) is not first


def test_plans_in_two_partnerships_never_mix(data_dir):
    ws = Workspace.open([data_dir / "q-plan-adds-up-with-gaps.ttl"])
    other = Workspace.open()
    from theory.coverage import focus_area_coverage

    mine = focus_area_coverage(ws, ws.plans[0], 2024)
    assert mine.total_budget == 460 and focus_area_coverage(other, other.plans[0], 2024).total_budget == 2210000


def test_unknown_language():
    with pytest.raises(UsageError, match="unknown language 'de'"):
        Workspace.open(lang="de")
