"""Actor-load audit: the plan's leads counted by hand, agreed and prospective roles, rollup,
flags that say why, zero-load actors."""

from __future__ import annotations

import json

import pytest

from theory.actors import actor_load, actors_text, single_actor_activities

TINGBJERG = "Helhedsplanen for Tingbjerg/Utterslevhuse"
HUSUM = "Husum for alle"


def test_who_leads_most_2024(ws, plan):
    """By hand from "Aktivitetsansvarlig/e": Husum for alle leads 2, 4, 9, 10, 11; the
    Tingbjerg/Utterslevhuse master plan (also "Tingbjerg Forum", "det boligsociale team")
    leads 1, 4, 6, 8, 10. Budgets from the overview table's 2024 column."""
    rows = actor_load(ws, plan, 2024)
    top = {r["actor"]: r for r in rows[:2]}
    assert set(top) == {TINGBJERG, HUSUM}
    assert top[TINGBJERG]["lead"] == 5 and top[HUSUM]["lead"] == 5
    assert top[TINGBJERG]["budget_lead"] == 300000 + 300000 + 50000 + 250000 + 40000
    assert top[HUSUM]["budget_lead"] == 180000 + 300000 + 95000 + 40000 + 100000
    assert top[HUSUM]["budget_share"] == round(715000 / 2210000, 4)
    assert all(r["lead"] < 5 for r in rows[2:])


def test_intended_roles_are_prospective_not_partners(ws, plan):
    """Activity 12 (BHV Cup): "det er hensigten at inddrage repræsentanter fra
    helhedsplanerne" — both master plans are prospective there, not partners; activity 8:
    "Der er allerede etableret kontakt til Next" — Next is no partner."""
    rows = {r["actor"]: r for r in actor_load(ws, plan, 2024)}
    assert rows[HUSUM]["partner"] == 0 and rows[HUSUM]["prospective"] == 1
    assert rows[TINGBJERG]["prospective"] == 1
    nxt = rows["Next – Uddannelse København"]
    assert (nxt["lead"], nxt["partner"], nxt["prospective"]) == (0, 0, 1)


def test_flags_say_why(ws, plan):
    row = next(r for r in actor_load(ws, plan, 2024) if r["actor"] == TINGBJERG)
    budget = next(f for f in row["flags"] if f.measure == "budget_share")
    assert budget.as_json() == {"flag": "overloaded", "measure": "budget_share", "value": 0.4253, "limit": 0.25}
    text = actors_text(ws, [(plan, 2024)], top=1)
    assert "overbelastet (budget 42,5 % > 25 %; aktiviteter 43,8 % > 25 %)" in text


def test_flags_in_json_and_english(ws_en):
    plan = ws_en.plans[0]
    rows = json.loads(actors_text(ws_en, [(plan, 2024)], fmt="json", top=1))
    assert {"flag": "overloaded", "measure": "budget_share", "value": 0.4253, "limit": 0.25} in rows[0]["flags"]
    assert "overloaded (budget 42.5% > 25%; activities 43.8% > 25%)" in actors_text(ws_en, [(plan, 2024)], top=1)


def test_working_group_carries_the_pools_alone(ws, plan):
    """14 Bylivs- og tryghedspuljen and 15 Videnspuljen are anchored in the working group only."""
    alone = {r["activity"]: r["actor"] for r in single_actor_activities(ws, plan, 2024)}
    assert alone.get("Bylivs- og tryghedspuljen") == "Arbejdsgruppen"
    assert alone.get("Videnspuljen") == "Arbejdsgruppen"
    group = next(r for r in actor_load(ws, plan, 2024) if r["actor"] == "Arbejdsgruppen")
    sole = next(f for f in group["flags"] if f.flag == "sole-actor")
    assert group["lead"] == 2 and sole.value == 2
    assert sole.activities == ("Bylivs- og tryghedspuljen", "Videnspuljen")


def test_rollup_adds_idraetsprojektet_to_socialforvaltningen(ws, plan):
    plain = {r["actor"]: r for r in actor_load(ws, plan, 2024)}
    rolled = {r["actor"]: r for r in actor_load(ws, plan, 2024, rollup=True)}
    idraet = plain["Idrætsprojektet"]
    sof = rolled["Socialforvaltningen"]
    assert sof["lead"] + sof["partner"] >= idraet["lead"] + idraet["partner"]
    assert sof["lead"] + sof["partner"] > plain["Socialforvaltningen"]["lead"] + plain["Socialforvaltningen"]["partner"]


def test_zero_load_actors_listed_last(ws, plan):
    rows = actor_load(ws, plan, 2024)
    idle = [r for r in rows if r["lead"] == r["partner"] == r["prospective"] == 0]
    assert idle, "actors with no role in 2024 must still be listed"
    assert rows[-len(idle):] == idle


def test_fixture_load_and_flags(fixture_ws):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl")
    rows = actor_load(ws, ws.plans[0], 2024, max_activity_share=0.5, max_budget_share=0.5)
    got = [(r["actor"], r["lead"], r["partner"], r["budget_lead"], r["centrality"], [f.flag for f in r["flags"]])
           for r in rows]
    assert got == [
        ("Klub", 2, 1, 700, 0.75, ["overloaded", "overloaded", "sole-actor"]),
        ("Enhed 1", 1, 1, 100, 0.5, []),
        ("Enhed 2", 1, 0, 200, 0.25, []),
        ("Forvaltning P", 0, 0, 0, 0.0, []),
        ("Ledig NGO", 0, 0, 0, 0.0, []),
    ]
    assert [f.measure for f in rows[0]["flags"]] == ["budget_share", "activity_share", "activities_alone"]
    assert rows[0]["budget_share"] == 0.7
    assert rows[0]["focus_areas"] == ["Område"]


def test_fixture_rollup(fixture_ws):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl")
    rows = {r["actor"]: r for r in actor_load(ws, ws.plans[0], 2024, rollup=True, max_activity_share=0.5,
                                              max_budget_share=0.5)}
    parent = rows["Forvaltning P"]
    # a1 led by Enhed 1, a2 led by Enhed 2 (Enhed 1 partners in it): counted once, as led
    assert (parent["lead"], parent["partner"], parent["budget_lead"], parent["centrality"]) == (2, 0, 300, 0.5)
    assert rows["Enhed 1"]["lead"] == 1  # units keep their own load


@pytest.mark.parametrize("share", [0.0, 0.3])
def test_thresholds_are_options(fixture_ws, share):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl")
    rows = {r["actor"]: r for r in actor_load(ws, ws.plans[0], 2024, max_activity_share=share, max_budget_share=share)}
    # Enhed 2: one of four activities (0.25), 200 of 1000 kr. (0.2)
    assert any(f.flag == "overloaded" for f in rows["Enhed 2"]["flags"]) is (share == 0.0)


def test_english_labels(fixture_ws):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl", lang="en")
    assert "Administration P" in {r["actor"] for r in actor_load(ws, ws.plans[0], 2024)}


def test_one_actor_by_a_name_people_type(ws, plan):
    text = actors_text(ws, [(plan, 2024)], actor="husum for", fmt="csv")
    assert text.splitlines()[1].startswith("Husum for alle,")
    assert len(text.splitlines()) == 2
