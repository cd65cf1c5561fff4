"""The actor–activity network of a year, as a :mod:`networkx` bipartite graph.

Nodes are IRIs (strings) with ``kind``, ``label``, ``actor_kind`` and ``budget``.
Activity nodes: ``kind="activity"``, ``budget`` = the overview-table amount of the year,
``actor_kind=None``, ``number``. Actor nodes: ``kind="actor"``, ``actor_kind`` = the kind's
label, ``budget`` = the budget of the activities it leads. An edge joins an actor to an activity it holds a
role in; its ``role`` is ``"lead"`` (lead or co-lead) or the role's own name in lower
case (``"partner"``, ``"operator"``, ``"trainer"``, ``"funder"``, ``"venue"``), and
``roles`` lists every role the actor holds there.

Pairwise questions (which actors share activities) are answered here, in networkx, from
query results, rather than by SPARQL self-joins.
"""

from __future__ import annotations

from typing import Any

from .queries import resolve_year, select_rows

__all__ = ["LEAD_ROLES", "actor_activity_graph", "shared_activities", "role_name"]

_TH = "https://w3id.org/theory/ontology#"
#: roles that count as leading an activity
LEAD_ROLES = frozenset({_TH + "Lead", _TH + "CoLead"})


def role_name(role_iri: str) -> str:
    """``"lead"`` for lead and co-lead, else the role's local name in lower case."""
    if role_iri in LEAD_ROLES:
        return "lead"
    return role_iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()


def actor_activity_graph(graph, year: int | None = None, lang: str = "da"):
    """The bipartite actor–activity graph of ``year`` (default: the plan's own year).

    Every actor in the data is a node, also those with no role in the year.
    """
    import networkx as nx

    year = resolve_year(graph, year)
    net = nx.Graph(year=year)
    activities = select_rows(graph, "year-activities", {"year": year, "lang": lang})
    for row in activities:
        net.add_node(row["activity_iri"], kind="activity", label=row["activity"], actor_kind=None,
                     number=row["activity_number"], budget=row["budget"] or 0, bipartite=1)
    for row in select_rows(graph, "actors", {"lang": lang}):
        if row["actor_iri"] not in net:
            net.add_node(row["actor_iri"], kind="actor", label=row["actor"],
                         actor_kind=row["kind"], budget=0, bipartite=0)
    for row in select_rows(graph, "responsibilities", {"lang": lang}):
        activity, actor = row["activity_iri"], row["actor_iri"]
        if activity not in net or net.nodes[activity].get("kind") != "activity":
            continue
        if actor not in net:  # an actor without a kind: still part of the network
            net.add_node(actor, kind="actor", label=actor, actor_kind=None, budget=0, bipartite=0)
        name = role_name(row["role_iri"])
        if net.has_edge(actor, activity):
            edge = net.edges[actor, activity]
            edge["roles"] = sorted(set(edge["roles"]) | {name})
            if name == "lead":
                edge["role"] = "lead"
        else:
            net.add_edge(actor, activity, role=name, roles=[name])
    for node, data in net.nodes(data=True):  # an actor's budget: what it leads
        if data["kind"] == "actor":
            data["budget"] = sum(net.nodes[a]["budget"] for a in net[node] if net.edges[node, a]["role"] == "lead")
    return net


def shared_activities(net) -> list[dict[str, Any]]:
    """Pairs of actors that share activities: actor_a, actor_b, shared, activities.

    From the bipartite projection of ``net`` onto its actors; sorted by the number of
    shared activities (most first), then by label.
    """
    from itertools import combinations

    common: dict[tuple[str, str], set[str]] = {}
    for activity, data in net.nodes(data=True):
        if data.get("kind") != "activity":
            continue
        for a, b in combinations(sorted(net[activity]), 2):
            common.setdefault((a, b), set()).add(activity)
    pairs = []
    for (a, b), shared in common.items():
        label_a, label_b = sorted([net.nodes[a]["label"], net.nodes[b]["label"]])
        pairs.append({
            "actor_a": label_a,
            "actor_b": label_b,
            "shared": len(shared),
            "activities": sorted(net.nodes[x]["label"] for x in shared),
        })
    pairs.sort(key=lambda p: (-p["shared"], p["actor_a"].casefold(), p["actor_b"].casefold()))
    return pairs
