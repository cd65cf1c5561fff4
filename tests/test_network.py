"""The bipartite actor–activity graph and the pairwise questions answered in networkx."""

from __future__ import annotations

from theory.load import load_graph
from theory.network import actor_activity_graph, shared_activities

EX = "https://example.org/q/"


def test_fixture_graph(data_dir):
    net = actor_activity_graph(load_graph([data_dir / "q-actors-with-sub-organisations.ttl"]))
    activities = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "activity")
    actors = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "actor")
    assert activities == [EX + "a1", EX + "a2", EX + "a3", EX + "a4"]
    assert actors == sorted(EX + a for a in ["club", "idle", "parent", "unit-1", "unit-2"])
    assert net.nodes[EX + "a4"]["budget"] == 650
    assert net.nodes[EX + "club"]["label"] == "Klub"
    assert net.edges[EX + "unit-1", EX + "a2"]["role"] == "partner"
    assert net.edges[EX + "unit-1", EX + "a1"]["role"] == "lead"
    assert net.degree(EX + "idle") == 0
    import networkx as nx

    assert nx.is_bipartite(net)


def test_pairs(data_dir):
    net = actor_activity_graph(load_graph([data_dir / "q-actors-with-sub-organisations.ttl"]))
    assert shared_activities(net) == [
        {"actor_a": "Enhed 1", "actor_b": "Enhed 2", "shared": 1, "activities": ["A2"]},
        {"actor_a": "Enhed 1", "actor_b": "Klub", "shared": 1, "activities": ["A1"]},
    ]


def test_shipped_pairs(shipped_graph):
    """Husum for alle and the Tingbjerg/Utterslevhuse plan share activity 4 (shared lead) and
    10 (Kulturnatten), at least."""
    pairs = shared_activities(actor_activity_graph(shipped_graph))
    pair = next(p for p in pairs if {p["actor_a"], p["actor_b"]} == {"Husum for alle", "Helhedsplanen for Tingbjerg/Utterslevhuse"})
    assert {"Lommepenge- og fritidsjob", "Kulturnatten 2024"} <= set(pair["activities"])


def test_shipped_graph_has_the_years_activities(shipped_graph):
    net = actor_activity_graph(shipped_graph, 2024)
    assert sum(1 for _, d in net.nodes(data=True) if d["kind"] == "activity") == 16
    assert sum(d["budget"] for _, d in net.nodes(data=True) if d["kind"] == "activity") == 2210000


def test_every_node_has_the_agreed_attributes(data_dir):
    net = actor_activity_graph(load_graph([data_dir / "q-actors-with-sub-organisations.ttl"]))
    for _, data in net.nodes(data=True):
        assert {"kind", "label", "actor_kind", "budget"} <= set(data)
    assert net.nodes[EX + "club"]["budget"] == 700  # leads a3 (50) and a4 (650)
    assert net.nodes[EX + "club"]["actor_kind"] == "Forening"
