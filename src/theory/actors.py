"""Actor-load audit: who carries the year's activities and money.

Per actor, in the year's actor–activity network (:mod:`theory.network`):

``lead``
    activities it leads (role lead or co-lead);
``partner``
    activities it takes part in with any other role (partner, operator, trainer, funder,
    venue) and does not lead;
``budget_lead``, ``budget_share``
    the overview-table budget of the activities it leads, and that over the year's budget;
``focus_areas``
    the focus areas its activities (any role) support;
``centrality``
    networkx degree centrality in the bipartite actor–activity graph, normalised by the
    number of the year's activities (``networkx.bipartite.degree_centrality``): the share
    of the year's activities the actor takes part in;
``flags``
    ``overloaded`` when it takes part in more than ``max_activity_share`` of the year's
    activities or in activities holding more than ``max_budget_share`` of the year's
    budget; ``sole-actor`` when an activity hangs on it alone (no co-lead, no partner).

With ``rollup=True`` each organisation also carries the load of its sub-organisations
(``org:subOrganizationOf``, transitively): activities are counted once even when several
units of one parent take part.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .network import actor_activity_graph
from .queries import resolve_year, select_rows

__all__ = ["actor_load", "single_actor_activities"]


def _share(part, whole) -> float:
    return round(float(part) / float(whole), 4) if whole else 0.0


def _number(value):
    value = float(value)
    return int(value) if value.is_integer() else value


def _descendants(graph, lang: str) -> dict[str, set[str]]:
    """actor -> itself and every organisation below it (org:subOrganizationOf, org:unitOf)."""
    children: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(graph, "actors", {"lang": lang}):
        if row["parent_iri"]:
            children[row["parent_iri"]].add(row["actor_iri"])
    closure: dict[str, set[str]] = {}

    def below(actor: str, seen: frozenset = frozenset()) -> set[str]:
        if actor in closure:
            return closure[actor]
        found = {actor}
        for child in children.get(actor, ()):
            if child not in seen:
                found |= below(child, seen | {actor})
        closure[actor] = found
        return found

    return {actor: below(actor) for actor in set(children) | {c for cs in children.values() for c in cs}}


def actor_load(
    graph,
    year: int | None = None,
    *,
    rollup: bool = False,
    lang: str = "da",
    max_activity_share: float = 0.25,
    max_budget_share: float = 0.25,
) -> list[dict[str, Any]]:
    """One row per actor (zero-load actors too), heaviest first. See the module docstring."""
    from networkx.algorithms import bipartite

    year = resolve_year(graph, year)
    net = actor_activity_graph(graph, year, lang)
    activities = [n for n, d in net.nodes(data=True) if d["kind"] == "activity"]
    actors = sorted(n for n, d in net.nodes(data=True) if d["kind"] == "actor")
    total_budget = sum(float(net.nodes[a]["budget"]) for a in activities)
    centrality = bipartite.degree_centrality(net, actors) if activities else {}

    fa_of: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(graph, "activity-focus-areas", {"lang": lang}):
        if row["activity_iri"]:
            fa_of[row["activity_iri"]].add(row["focus_area"])

    sole = {row["actor_iri"] for row in single_actor_activities(graph, year, lang)}
    members = _descendants(graph, lang) if rollup else {}

    rows = []
    for actor in actors:
        group = members.get(actor, {actor}) if rollup else {actor}
        led, took_part = set(), set()
        for member in group:
            if member not in net:
                continue
            for activity in net[member]:
                took_part.add(activity)
                if net.edges[member, activity]["role"] == "lead":
                    led.add(activity)
        partner = took_part - led
        budget_lead = sum(float(net.nodes[a]["budget"]) for a in led)
        budget_involved = sum(float(net.nodes[a]["budget"]) for a in took_part)
        flags = []
        if activities and (
            len(took_part) / len(activities) > max_activity_share
            or _share(budget_involved, total_budget) > max_budget_share
        ):
            flags.append("overloaded")
        if group & sole:
            flags.append("sole-actor")
        degree = len(took_part) / len(activities) if rollup and activities else centrality.get(actor, 0.0)
        rows.append({
            "actor": net.nodes[actor]["label"],
            "kind": net.nodes[actor].get("actor_kind"),
            "lead": len(led),
            "partner": len(partner),
            "budget_lead": _number(budget_lead),
            "budget_share": _share(budget_lead, total_budget),
            "focus_areas": sorted({fa for a in took_part for fa in fa_of.get(a, ())}, key=str.casefold),
            "centrality": round(degree, 4),
            "flags": flags,
            "actor_iri": actor,
        })
    rows.sort(key=lambda r: (-r["lead"], -r["partner"], -r["budget_lead"], r["actor"].casefold(), r["actor_iri"]))
    return rows


def single_actor_activities(graph, year: int | None = None, lang: str = "da") -> list[dict[str, Any]]:
    """Activities of the year that hang on one actor: activity, activity_iri, actor, actor_iri."""
    year = resolve_year(graph, year)
    rows = select_rows(graph, "single-actor-activities", {"year": year, "lang": lang})
    return [
        {"activity": r["activity"], "activity_iri": r["activity_iri"], "actor": r["actor"], "actor_iri": r["actor_iri"]}
        for r in rows
    ]


_COLUMNS = ["actor", "kind", "lead", "partner", "budget_lead", "budget_share", "centrality", "focus_areas", "flags"]


def actors_text(graph, year: int | None = None, *, rollup: bool = False, top: int | None = None,
                fmt: str = "table", lang: str = "da", max_activity_share: float = 0.25,
                max_budget_share: float = 0.25, pairs: bool = False) -> str:
    """The actor-load audit (or, with ``pairs``, the actors sharing activities) as text."""
    from .output import format_rows

    if pairs:
        from .network import actor_activity_graph, shared_activities

        rows = shared_activities(actor_activity_graph(graph, year, lang))
        return format_rows(rows[:top] if top else rows, fmt, columns=["actor_a", "actor_b", "shared", "activities"])
    rows = actor_load(graph, year, rollup=rollup, lang=lang,
                      max_activity_share=max_activity_share, max_budget_share=max_budget_share)
    columns = _COLUMNS + (["actor_iri"] if fmt in ("csv", "json") else [])
    return format_rows(rows[:top] if top else rows, fmt, columns=columns)
