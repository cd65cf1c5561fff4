"""Actor-load audit: the plan's leads counted by hand, rollup, flags, zero-load actors."""

from __future__ import annotations

import pytest

from theory.actors import actor_load, single_actor_activities
from theory.load import load_graph

TINGBJERG = "Helhedsplanen for Tingbjerg/Utterslevhuse"
HUSUM = "Husum for alle"


def test_who_leads_most_2024(shipped_graph):
    """By hand from "Aktivitetsansvarlig/e": Husum for alle leads 2, 4, 9, 10, 11; the
    Tingbjerg/Utterslevhuse master plan (also "Tingbjerg Forum", "det boligsociale team")
    leads 1, 4, 6, 8, 10. Budgets from the overview table's 2024 column."""
    rows = actor_load(shipped_graph)
    top = {r["actor"]: r for r in rows[:2]}
    assert set(top) == {TINGBJERG, HUSUM}
    assert top[TINGBJERG]["lead"] == 5 and top[HUSUM]["lead"] == 5
    assert top[TINGBJERG]["budget_lead"] == 300000 + 300000 + 50000 + 250000 + 40000
    assert top[HUSUM]["budget_lead"] == 180000 + 300000 + 95000 + 40000 + 100000
    assert top[HUSUM]["budget_share"] == round(715000 / 2210000, 4)
    assert all(r["lead"] < 5 for r in rows[2:])


def test_working_group_carries_the_pools_alone(shipped_graph):
    """14 Bylivs- og tryghedspuljen and 15 Videnspuljen are anchored in the working group only."""
    alone = {r["activity"]: r["actor"] for r in single_actor_activities(shipped_graph)}
    assert alone.get("Bylivs- og tryghedspuljen") == "Arbejdsgruppen"
    assert alone.get("Videnspuljen") == "Arbejdsgruppen"
    group = next(r for r in actor_load(shipped_graph) if r["actor"] == "Arbejdsgruppen")
    assert group["lead"] == 2 and "sole-actor" in group["flags"]


def test_rollup_adds_idraetsprojektet_to_socialforvaltningen(shipped_graph):
    plain = {r["actor"]: r for r in actor_load(shipped_graph)}
    rolled = {r["actor"]: r for r in actor_load(shipped_graph, rollup=True)}
    idraet = plain["Idrætsprojektet"]
    sof = rolled["Socialforvaltningen"]
    assert sof["lead"] + sof["partner"] >= idraet["lead"] + idraet["partner"]
    assert sof["lead"] + sof["partner"] > plain["Socialforvaltningen"]["lead"] + plain["Socialforvaltningen"]["partner"]


def test_zero_load_actors_listed(shipped_graph):
    rows = actor_load(shipped_graph)
    idle = [r for r in rows if r["lead"] == 0 and r["partner"] == 0]
    assert idle, "actors with no role in 2024 must still be listed"
    assert rows[-len(idle):] == idle


def test_fixture_load_and_flags(data_dir):
    graph = load_graph([data_dir / "q-actors-with-sub-organisations.ttl"])
    rows = actor_load(graph, max_activity_share=0.5, max_budget_share=0.5)
    got = [(r["actor"], r["lead"], r["partner"], r["budget_lead"], r["centrality"], r["flags"]) for r in rows]
    assert got == [
        ("Klub", 2, 1, 700, 0.75, ["overloaded", "sole-actor"]),
        ("Enhed 1", 1, 1, 100, 0.5, []),
        ("Enhed 2", 1, 0, 200, 0.25, []),
        ("Forvaltning P", 0, 0, 0, 0.0, []),
        ("Ledig NGO", 0, 0, 0, 0.0, []),
    ]
    assert rows[0]["budget_share"] == 0.7
    assert rows[0]["focus_areas"] == ["Område"]


def test_fixture_rollup(data_dir):
    graph = load_graph([data_dir / "q-actors-with-sub-organisations.ttl"])
    rows = {r["actor"]: r for r in actor_load(graph, rollup=True, max_activity_share=0.5, max_budget_share=0.5)}
    parent = rows["Forvaltning P"]
    # a1 led by Enhed 1, a2 led by Enhed 2 (Enhed 1 partners in it): counted once, as led
    assert (parent["lead"], parent["partner"], parent["budget_lead"], parent["centrality"]) == (2, 0, 300, 0.5)
    assert rows["Enhed 1"]["lead"] == 1  # units keep their own load


@pytest.mark.parametrize("share", [0.0, 0.3])
def test_thresholds_are_options(data_dir, share):
    graph = load_graph([data_dir / "q-actors-with-sub-organisations.ttl"])
    rows = {r["actor"]: r for r in actor_load(graph, max_activity_share=share, max_budget_share=share)}
    # Enhed 2: one of four activities (0.25), 200 of 1000 kr. (0.2)
    assert ("overloaded" in rows["Enhed 2"]["flags"]) is (share == 0.0)


def test_english_labels(data_dir):
    graph = load_graph([data_dir / "q-actors-with-sub-organisations.ttl"])
    assert "Administration P" in {r["actor"] for r in actor_load(graph, lang="en")}
