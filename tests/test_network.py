"""The bipartite actor–activity graph and the pairwise questions answered in networkx."""

from __future__ import annotations

import networkx as nx

from theory.actors import actor_pairs
from theory.network import actor_activity_graph, agreed, shared_activities

EX = "https://example.org/q/"


def test_fixture_graph(fixture_ws):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl")
    net = actor_activity_graph(ws, ws.plans[0], 2024)
    activities = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "activity")
    actors = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "actor" and n.startswith(EX))
    assert activities == [EX + "a1", EX + "a2", EX + "a3", EX + "a4"]
    assert actors == sorted(EX + a for a in ["club", "idle", "parent", "unit-1", "unit-2"])
    assert net.nodes[EX + "a4"]["budget"] == 650
    assert net.nodes[EX + "club"]["label"] == "Klub"
    assert net.edges[EX + "unit-1", EX + "a2"]["role"] == "partner"
    assert net.edges[EX + "unit-1", EX + "a1"]["role"] == "lead"
    assert net.degree(EX + "idle") == 0
    assert nx.is_bipartite(net)


def test_pairs(fixture_ws):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl")
    net = actor_activity_graph(ws, ws.plans[0], 2024)
    assert shared_activities(net) == [
        {"actor_a": "Enhed 1", "actor_b": "Enhed 2", "shared": 1, "activities": ["A2"]},
        {"actor_a": "Enhed 1", "actor_b": "Klub", "shared": 1, "activities": ["A1"]},
    ]


def test_shipped_pairs(ws, plan):
    """Husum for alle and the Tingbjerg/Utterslevhuse plan share activity 4 (shared lead) and
    10 (Kulturnatten), at least."""
    pairs = actor_pairs(ws, plan, 2024)
    pair = next(p for p in pairs if {p["actor_a"], p["actor_b"]} == {"Husum for alle", "Helhedsplanen for Tingbjerg/Utterslevhuse"})
    assert {"Lommepenge- og fritidsjob", "Kulturnatten 2024"} <= set(pair["activities"])
    assert "BHV Cup" not in pair["activities"]  # both only intended there


def test_shipped_graph_has_the_years_activities(ws, plan):
    net = actor_activity_graph(ws, plan, 2024)
    assert sum(1 for _, d in net.nodes(data=True) if d["kind"] == "activity") == 16
    assert sum(d["budget"] for _, d in net.nodes(data=True) if d["kind"] == "activity") == 2210000


def test_prospective_roles_are_edges_apart(ws, plan):
    net = actor_activity_graph(ws, plan, 2024)
    nxt = next(n for n, d in net.nodes(data=True) if d.get("label") == "Next – Uddannelse København")
    (activity,) = list(net[nxt])
    assert net.nodes[activity]["number"] == 8
    assert net.edges[nxt, activity]["status"] == "prospective"
    assert agreed(net).degree(nxt) == 0


def test_every_node_has_the_agreed_attributes(fixture_ws):
    ws = fixture_ws("q-actors-with-sub-organisations.ttl")
    net = actor_activity_graph(ws, ws.plans[0], 2024)
    for _, data in net.nodes(data=True):
        assert {"kind", "label", "actor_kind", "budget"} <= set(data)
    assert net.nodes[EX + "club"]["budget"] == 700  # leads a3 (50) and a4 (650)
    assert net.nodes[EX + "club"]["actor_kind"] == "Forening"
    assert net.nodes[EX + "club"]["actor_kind_iri"] == "https://w3id.org/theory/ontology#Association"
