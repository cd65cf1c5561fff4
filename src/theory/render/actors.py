"""The actor–activity network: who leads and who partners in which activity.

Actors are dots coloured by their kind (:mod:`.palette`: the same colour in every view and
language) and sized by their number of activities; activities are blue squares sized by
the year's budget. Lead links are thick, solid and dark, other agreed roles thin, solid and
grey, and roles the plan only intends or hopes for (prospective) dotted; sub-organisation
links, drawn on request, are dashed arrows. An actor the load audit flags as overloaded
has a thick black ring; an activity that hangs on one actor a thick dashed border. Small
networks start from a spring layout and let vis-network relax it (≤ 200 iterations, then
physics off); networks above :data:`~theory.render.page.BIG_GRAPH` nodes get preset
positions and no physics.
"""

from __future__ import annotations

from math import cos, pi, sin, sqrt
from typing import Any, Iterable, Mapping

from .facts import gather, search_forms
from .page import BIG_GRAPH
from .palette import DASHED, KIND_GROUPS, LINES, MARK, OTHER, PALETTE, kind_colour, kind_group
from ..i18n import texts
from .picture import Filter, LegendEntry, NetworkPicture

__all__ = ["actors_picture", "network_picture"]

_GOLDEN = pi * (3 - sqrt(5))
_ACTIVITY = PALETTE["blue"]


def _spring(net) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component (seeded); the largest in the middle, the
    smaller ones stacked in columns to its right, so no component drifts far away."""
    import networkx as nx

    components = sorted((sorted(c) for c in nx.connected_components(net)), key=lambda c: (-len(c), c[0]))
    positions: dict[str, tuple[float, float]] = {}
    column_x, column_y, column_w, top = 0.0, 0.0, 0.0, 0.0
    for index, nodes in enumerate(components):
        sub = net.subgraph(nodes)
        radius = 90 * sqrt(len(nodes))
        if len(nodes) == 1:
            raw = {nodes[0]: (0.0, 0.0)}
        else:
            raw = nx.spring_layout(sub, seed=7, iterations=200, k=3.5 / sqrt(len(nodes)), center=(0, 0))
            raw = {n: (float(x), float(y)) for n, (x, y) in raw.items()}
        if index == 0:
            cx, cy = 0.0, 0.0
            top = -radius
            column_x = radius + 160
        else:
            if column_y and column_y + 2 * radius > 2 * abs(top) + 1:
                column_x, column_y, column_w = column_x + column_w + 120, 0.0, 0.0
            cx, cy = column_x + radius, top + column_y + radius
            column_y += 2 * radius + 80
            column_w = max(column_w, 2 * radius)
        for node, (x, y) in raw.items():
            positions[node] = (round(cx + x * radius, 1), round(cy + y * radius, 1))
    return positions


def _preset(net) -> dict[str, tuple[float, float]]:
    """A layout in O(n) for big networks: actors on a sunflower spiral, each activity
    near its first lead (or first) actor, isolated nodes on an outer spiral."""
    actors = sorted((n for n, d in net.nodes(data=True) if d.get("kind") == "actor"),
                    key=lambda n: (-net.degree(n), n))
    spacing = 140.0
    positions = {a: (round(spacing * sqrt(i + 0.5) * cos(i * _GOLDEN), 1),
                     round(spacing * sqrt(i + 0.5) * sin(i * _GOLDEN), 1)) for i, a in enumerate(actors)}
    placed: dict[str, int] = {}
    loose: list[str] = []
    for node in sorted(n for n, d in net.nodes(data=True) if d.get("kind") != "actor"):
        owners = sorted(net[node], key=lambda a: (net.edges[a, node].get("role") != "lead", a))
        if not owners:
            loose.append(node)
            continue
        owner = owners[0]
        k = placed.get(owner, 0)
        placed[owner] = k + 1
        radius = 40 + 12 * (k // 8)
        angle = (k % 8) * pi / 4 + (k // 8) * 0.4
        ox, oy = positions[owner]
        positions[node] = (round(ox + radius * cos(angle), 1), round(oy + radius * sin(angle), 1))
    outer = spacing * sqrt(len(actors) + 1) + 200
    for i, node in enumerate(loose):
        positions[node] = (round(outer * cos(i * _GOLDEN), 1), round(outer * sin(i * _GOLDEN), 1))
    return positions


def _legend_kinds(kinds: Mapping[str, str], t) -> list[LegendEntry]:
    """One legend line per colour: the kinds (labels) present that share it."""
    entries = []
    for group in (*KIND_GROUPS, OTHER):
        present = sorted({label for iri, label in kinds.items() if kind_group(iri or None) is group}, key=str.casefold)
        if present:
            entries.append(LegendEntry(", ".join(present), group.colour, "dot"))
    return entries


def network_picture(net, *, lang: str = "da", title: str | None = None, caption: str = "",
                    flags: Mapping[str, list] | None = None, single: Iterable[str] = (),
                    sub_organisations: Iterable[tuple[str, str]] = (),
                    roles: Mapping[tuple[str, str], dict] | None = None,
                    areas: Mapping[str, list[str]] | None = None, area_labels: Mapping[str, str] | None = None,
                    search: Mapping[str, list[str]] | None = None) -> NetworkPicture:
    """The picture of a bipartite actor–activity graph (as :func:`theory.network.actor_activity_graph`).

    ``flags`` maps actor IRIs to the load audit's :class:`~theory.actors.Flag` objects;
    ``single`` lists activities that hang on one actor; ``sub_organisations`` gives (child,
    parent) links to draw; ``roles`` gives, per (actor, activity), the ``role`` in the
    page's language and the plan's ``quote``; ``areas`` the focus areas each activity
    supports (named by ``area_labels``), for the page's checkboxes; ``search`` more names
    to find a node by (aliases).
    """
    from .words import flag_words

    t = texts(lang)
    flags, roles, areas = flags or {}, roles or {}, areas or {}
    area_labels, search = area_labels or {}, search or {}

    def role(actor: str, activity: str) -> str:
        given = roles.get((actor, activity), {}).get("role")
        return given or str(net.edges[actor, activity].get("role", ""))

    def prospective(actor: str, activity: str) -> bool:
        return net.edges[actor, activity].get("status") == "prospective"

    def name(node: str) -> str:
        data = net.nodes[node]
        label = str(data.get("label") or node)
        number = data.get("number")
        return f"{number}. {label}" if data.get("kind") == "activity" and number is not None else label

    single = set(single)
    big = net.number_of_nodes() > BIG_GRAPH
    positions = _preset(net) if big else _spring(net)
    kinds: dict[str, str] = {}
    top_budget = max((float(d.get("budget") or 0) for _, d in net.nodes(data=True) if d.get("kind") == "activity"), default=0) or 1
    nodes: list[dict[str, Any]] = []
    for node, data in net.nodes(data=True):
        x, y = positions[node]
        label = name(node)
        if data.get("kind") == "actor":
            kind_iri = str(data.get("actor_kind_iri") or "")
            kind = str(data.get("actor_kind") or t("kind not stated"))
            kinds.setdefault(kind_iri, kind)
            firm = [a for a in net[node] if not prospective(node, a)]
            leads = sorted(name(a) for a in firm if net.edges[node, a].get("role") == "lead")
            others = sorted(f"{name(a)} ({role(node, a)})" for a in firm if net.edges[node, a].get("role") != "lead")
            hoped = sorted(f"{name(a)} ({role(node, a)})" for a in net[node] if prospective(node, a))
            flagged = list(flags.get(node, []))
            overloaded = any(getattr(f, "flag", f) == "overloaded" for f in flagged)
            tip = [label, kind, t("Leads: {n}", n=len(leads)), *(f"• {a}" for a in leads),
                   t("Partner: {n}", n=len(others)), *(f"• {a}" for a in others)]
            if hoped:
                tip += [t("Prospective roles: {n}", n=len(hoped)), *(f"• {a}" for a in hoped)]
            if flagged:
                tip.append(t("Flags: {flags}", flags="; ".join(flag_words(f, t) if hasattr(f, "measure") else str(f)
                                                               for f in flagged)))
            colour = kind_colour(kind_iri or None)
            entry = {"id": node, "label": label, "kind": "actor", "kind_iri": kind_iri, "x": x, "y": y,
                     "shape": "dot", "size": round(8 + 6 * sqrt(net.degree(node)), 1), "tooltip": "\n".join(tip),
                     "color": {"background": colour, "border": MARK if overloaded else "#555555",
                               "highlight": {"background": colour, "border": MARK},
                               "hover": {"background": colour, "border": MARK}},
                     "borderWidth": 5 if overloaded else 1, "borderWidthSelected": 5 if overloaded else 2,
                     "flags": sorted({getattr(f, "flag", str(f)) for f in flagged}), "areas": [],
                     "search": search_forms([label, *search.get(node, [])])}
        else:
            budget = float(data.get("budget") or 0)
            held = sorted(f"{name(a)} ({role(a, node)})" for a in net[node] if not prospective(a, node))
            hoped = sorted(f"{name(a)} ({role(a, node)})" for a in net[node] if prospective(a, node))
            tip = [label, t("Budget {year}: {amount}", year=net.graph.get("year", ""), amount=t.money(budget)),
                   *(f"• {r}" for r in held)]
            if hoped:
                tip += [t("Prospective roles: {n}", n=len(hoped)), *(f"• {r}" for r in hoped)]
            if node in single:
                tip.append(t("Hangs on one actor"))
            lonely = node in single
            entry = {"id": node, "label": label, "kind": "activity", "x": x, "y": y, "shape": "square",
                     "size": round(6 + 18 * sqrt(budget / top_budget), 1), "tooltip": "\n".join(tip),
                     "color": {"background": _ACTIVITY, "border": MARK if lonely else "#1f3b57",
                               "highlight": {"background": _ACTIVITY, "border": MARK},
                               "hover": {"background": _ACTIVITY, "border": MARK}},
                     "borderWidth": 4 if lonely else 1, "borderWidthSelected": 4 if lonely else 2,
                     "shapeProperties": {"borderDashes": DASHED if lonely else False},
                     "flags": ["sole-actor"] if lonely else [], "areas": sorted(areas.get(node, [])),
                     "short": str(data["number"]) if data.get("number") is not None else label,
                     "search": search_forms([label, str(data.get("label") or ""), *search.get(node, [])])}
        if big:
            entry["font"] = {"size": 0 if entry["kind"] == "activity" else 10}
        nodes.append(entry)
    edges: list[dict[str, Any]] = []
    for a, b, data in net.edges(data=True):
        actor, activity = (a, b) if net.nodes[a].get("kind") == "actor" else (b, a)
        hoped = data.get("status") == "prospective"
        kind = "prospective" if hoped else ("lead" if data.get("role") == "lead" else "partner")
        style = LINES[kind]
        tip = t("{actor} – {activity}: {role}", actor=name(actor), activity=name(activity), role=role(actor, activity))
        if hoped:
            tip += " " + t("(prospective)")
        quote = roles.get((actor, activity), {}).get("quote")
        if quote:
            tip += "\n" + t("The plan: “{quote}”", quote=quote)
        edges.append({"from": actor, "to": activity, "link": kind, "path": True, "width": style["width"],
                      "dashes": style["dashes"], "color": {"color": style["color"]}, "tooltip": tip})
    drawn_links = False
    for child, parent in sub_organisations:
        if child in positions and parent in positions:
            drawn_links = True
            style = LINES["sub-organisation"]
            edges.append({"from": child, "to": parent, "link": "sub-organisation", "path": False,
                          "width": style["width"], "dashes": style["dashes"], "arrows": "to",
                          "color": {"color": style["color"]},
                          "tooltip": t("{child} is part of {parent}", child=name(child), parent=name(parent))})
    links = {e["link"] for e in edges}
    legend = _legend_kinds(kinds, t)
    legend.append(LegendEntry(t("Activity"), _ACTIVITY, "square"))
    legend.append(LegendEntry(t("Leads the activity"), LINES["lead"]["color"], "line", 3))
    legend.append(LegendEntry(t("Partner or other agreed role"), LINES["partner"]["color"], "line", 1.5))
    if "prospective" in links:
        legend.append(LegendEntry(t("Prospective role (intended, hoped for)"), LINES["prospective"]["color"], "dotted"))
    if drawn_links:
        legend.append(LegendEntry(t("Part of (sub-organisation)"), LINES["sub-organisation"]["color"], "arrow"))
    legend.append(LegendEntry(t("Overloaded actor (load audit)"), MARK, "ring"))
    legend.append(LegendEntry(t("Activity that hangs on one actor"), MARK, "dashed-ring"))
    legend.append(LegendEntry(t("Size: number of activities, or the year's budget"), "#555555", "text"))
    filters = [Filter("focus-area", a, area_labels.get(a, a)) for a in
               sorted({a for fas in areas.values() for a in fas}, key=lambda a: (str(area_labels.get(a, a)).casefold(), a))]
    filters += [Filter("kind", iri, label, kind_colour(iri or None))
                for iri, label in sorted(kinds.items(), key=lambda item: (item[1].casefold(), item[0]))]
    return NetworkPicture("actors", title or t("Actors and activities"), nodes, edges, legend,
                          physics=not big, directed=False, caption=caption, filters=filters,
                          highlight="neighbourhood").sort()


def actors_picture(ws, plan, year: int, *, focus_area: str | None = None, actor: str | None = None,
                   sub_organisations: bool = False) -> NetworkPicture:
    """The actor view of ``plan`` in ``year``: actors with a role in the year (agreed or
    prospective) and their activities."""
    from ..actors import actor_load, single_actor_activities

    t = texts(ws.lang)
    facts = gather(ws, plan, year)
    net = facts.net.copy()
    supports = facts.supports()
    if focus_area:
        area = ws.resolve(plan, "focus-area", focus_area, "--focus-area")
        keep = {n for n, d in net.nodes(data=True) if d.get("kind") == "activity" and area in supports.get(n, [])}
        net = net.subgraph(keep | {a for n in keep for a in net[n]}).copy()
    if actor:
        import networkx as nx

        who = ws.resolve(plan, "actor", actor, "--actor")
        net = nx.ego_graph(net, who, radius=2) if who in net else net.subgraph([]).copy()
    idle = sorted(n for n in net if net.degree(n) == 0 and net.nodes[n].get("kind") == "actor")
    net.remove_nodes_from(idle)
    flags = {row["actor_iri"]: row["flags"] for row in actor_load(ws, plan, year)}
    single = {row["activity_iri"] for row in single_actor_activities(ws, plan, year)}
    links = ([(r["child"], r["parent"]) for r in ws.select("sub-organisations", plan, audience="views")]
             if sub_organisations else [])
    roles: dict[tuple[str, str], dict] = {}
    for activity, rows in facts.roles.items():
        for row in rows:
            held = roles.setdefault((row["actor_iri"], activity), {"roles": set(), "quote": ""})
            held["roles"].add(row["role"])
            if row.get("quote") and not held["quote"]:
                held["quote"] = str(row["quote"])
    roles = {key: {"role": ", ".join(sorted(v["roles"])), "quote": v["quote"]} for key, v in roles.items()}
    activities = sum(1 for _, d in net.nodes(data=True) if d.get("kind") == "activity")
    caption = t("{actors} · {activities} · {year}",
                actors=t.plural("{n} actor", "{n} actors", net.number_of_nodes() - activities),
                activities=t.plural("{n} activity", "{n} activities", activities), year=facts.year)
    if idle:
        caption += " " + t.plural("({n} actor without a role in the year left out)",
                                  "({n} actors without a role in the year left out)", len(idle))
    areas = {a: [f for f in fas if f in facts.nodes] for a, fas in supports.items() if a in net}
    return network_picture(net, lang=ws.lang, flags=flags, single=single, sub_organisations=links,
                           title=t("Actors and activities {year}", year=facts.year), caption=caption,
                           roles=roles, areas=areas,
                           area_labels={a: facts.nodes[a]["label"] for fas in areas.values() for a in fas},
                           search=facts.names)
