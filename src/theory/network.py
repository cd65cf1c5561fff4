"""The actor–activity network of one plan's year, as a :mod:`networkx` bipartite graph.

Nodes are IRIs (strings). Activity nodes: ``kind="activity"``, ``label``, ``number``,
``budget`` (the overview-table amount of the year). Actor nodes: ``kind="actor"``,
``label``, ``actor_kind`` (the kind's label), ``actor_kind_iri``, ``parent`` and ``budget``
(the budget of the activities it leads). An edge joins an actor to an activity it holds a
role in: ``role`` is ``"lead"`` (lead or co-lead) or the role's own name in lower case
(``"partner"``, ``"operator"``, …), ``roles`` lists every role it holds there, and
``status`` is ``"agreed"`` or ``"prospective"`` (a role the plan only intends, hopes for,
applies for or has made contact about). Every actor of the plan and the registry is a node,
also those with no role in the year.

Pairwise questions (which actors share activities) are answered here, in networkx, from
query results, rather than by SPARQL self-joins.
"""

from __future__ import annotations

from typing import Any

from .namespaces import TH

__all__ = ["LEAD_ROLES", "actor_activity_graph", "agreed", "shared_activities", "role_name"]

#: roles that count as leading an activity
LEAD_ROLES = frozenset({str(TH.Lead), str(TH.CoLead)})
_PROSPECTIVE = str(TH.Prospective)


def role_name(role_iri: str) -> str:
    """``"lead"`` for lead and co-lead, else the role's local name in lower case."""
    if role_iri in LEAD_ROLES:
        return "lead"
    return role_iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1].lower()


def agreed(net):
    """The view of ``net`` with only its agreed roles (what load audits count)."""
    import networkx as nx

    return nx.subgraph_view(net, filter_edge=lambda a, b: net.edges[a, b]["status"] == "agreed")


def actor_activity_graph(ws, plan, year: int):
    """The bipartite actor–activity graph of ``plan`` in ``year`` (built once per workspace)."""

    def build():
        import networkx as nx

        net = nx.Graph(year=year, plan=plan.iri)
        for row in ws.select("year-activities", plan, {"year": year}):
            net.add_node(row["activity_iri"], kind="activity", label=row["activity"], actor_kind=None,
                         number=row["activity_number"], budget=row["budget"] or 0, bipartite=1)
        for row in ws.select("actors", plan):
            if row["actor_iri"] not in net:
                net.add_node(row["actor_iri"], kind="actor", label=row["actor"], actor_kind=row["kind"],
                             actor_kind_iri=row["kind_iri"], parent=row["parent_iri"], budget=0, bipartite=0)
        for row in ws.select("responsibilities", plan):
            activity, actor = row["activity_iri"], row["actor_iri"]
            if activity not in net or net.nodes[activity].get("kind") != "activity":
                continue
            if actor not in net:  # an actor without a kind: still part of the network
                net.add_node(actor, kind="actor", label=actor, actor_kind=None, actor_kind_iri=None,
                             parent=None, budget=0, bipartite=0)
            name = role_name(row["role_iri"])
            status = "prospective" if row["status_iri"] == _PROSPECTIVE else "agreed"
            if net.has_edge(actor, activity):
                edge = net.edges[actor, activity]
                if status == "agreed" and edge["status"] == "prospective":  # the agreed role decides
                    edge.update(status="agreed", role=name)
                elif status == edge["status"] and name == "lead":
                    edge["role"] = "lead"
                edge["roles"] = sorted(set(edge["roles"]) | {name})
            else:
                net.add_edge(actor, activity, role=name, roles=[name], status=status)
        for node, data in net.nodes(data=True):  # an actor's budget: what it leads (agreed)
            if data["kind"] == "actor":
                data["budget"] = sum(net.nodes[a]["budget"] for a in net[node]
                                     if net.edges[node, a]["role"] == "lead" and net.edges[node, a]["status"] == "agreed")
        return net

    return ws.memo(("actor-network", plan.iri, year, ws.lang), build)


def shared_activities(net) -> list[dict[str, Any]]:
    """Pairs of actors that share activities (agreed roles): actor_a, actor_b, shared, activities.

    From the bipartite projection of ``net`` onto its actors; sorted by the number of
    shared activities (most first), then by label.
    """
    from itertools import combinations

    view = agreed(net)
    common: dict[tuple[str, str], set[str]] = {}
    for activity, data in net.nodes(data=True):
        if data.get("kind") != "activity":
            continue
        for a, b in combinations(sorted(view[activity]), 2):
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
