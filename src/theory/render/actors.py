"""The actor–activity network: who leads and who partners in which activity.

Lead links are solid and dark, partner (and other) links dashed and grey; actor size
follows its number of activities, colour its kind; actors the load audit flags as
overloaded and activities that hang on a single actor get a thick red border;
sub-organisation links are drawn on request. Small networks start from a spring layout
and let vis-network relax it (≤ 200 iterations, then physics off); networks above
:data:`~theory.render.page.BIG_GRAPH` nodes get preset positions and no physics.
"""

from __future__ import annotations

from math import cos, pi, sin, sqrt
from typing import Any, Iterable

from .facts import gather
from .page import BIG_GRAPH
from .picture import COLOURS, LegendEntry, NetworkPicture, money, word

__all__ = ["actors_picture", "network_picture", "KIND_COLOURS"]

#: colours for actor kinds, handed out in sorted order of the kinds present
KIND_COLOURS = ("#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
                "#f28e2b", "#bab0ac", "#a0cbe8", "#8cd17d", "#d4a6c8", "#ffbe7d",
                "#499894", "#d37295", "#79706e", "#f1ce63")
_GOLDEN = pi * (3 - sqrt(5))


def _spring(net) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component (seeded); the largest in the middle, the
    smaller ones stacked in columns to its right, so no component drifts far away."""
    import networkx as nx

    components = sorted((sorted(c) for c in nx.connected_components(net)), key=lambda c: (-len(c), c[0]))
    positions: dict[str, tuple[float, float]] = {}
    column_x, column_y, column_w, top = 0.0, 0.0, 0.0, 0.0
    for index, nodes in enumerate(components):
        sub = net.subgraph(nodes)
        radius = 70 * sqrt(len(nodes))
        if len(nodes) == 1:
            raw = {nodes[0]: (0.0, 0.0)}
        else:
            raw = nx.spring_layout(sub, seed=7, iterations=200, k=2.5 / sqrt(len(nodes)), center=(0, 0))
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


def network_picture(net, *, lang: str = "da", flags: dict[str, list[str]] | None = None,
                    single: Iterable[str] = (), sub_organisations: Iterable[tuple[str, str]] = (),
                    title: str | None = None, caption: str = "",
                    role_labels: dict[tuple[str, str], str] | None = None) -> NetworkPicture:
    """The picture of a bipartite actor–activity graph (as :func:`theory.network.actor_activity_graph`).

    ``flags`` maps actor IRIs to the audit's flags; ``single`` lists activities that hang
    on one actor; ``sub_organisations`` gives (child, parent) links to draw; ``role_labels``
    names the roles of (actor, activity) in the page's language (else the edge's ``role``).
    """
    flags = flags or {}
    role_labels = role_labels or {}

    def role(actor: str, activity: str) -> str:
        return role_labels.get((actor, activity)) or str(net.edges[actor, activity].get("role", ""))

    single = set(single)
    big = net.number_of_nodes() > BIG_GRAPH
    positions = _preset(net) if big else _spring(net)
    kinds = sorted({str(d.get("actor_kind") or "–") for _, d in net.nodes(data=True) if d.get("kind") == "actor"})
    colour_of = {k: KIND_COLOURS[i % len(KIND_COLOURS)] for i, k in enumerate(kinds)}
    top_budget = max((float(d.get("budget") or 0) for _, d in net.nodes(data=True) if d.get("kind") == "activity"), default=0) or 1
    nodes: list[dict[str, Any]] = []
    for node, data in net.nodes(data=True):
        x, y = positions[node]
        label = str(data.get("label") or node)
        if data.get("kind") == "actor":
            kind = str(data.get("actor_kind") or "–")
            leads = sorted(net.nodes[a].get("label", a) for a in net[node] if net.edges[node, a].get("role") == "lead")
            others = sorted(f"{net.nodes[a].get('label', a)} ({role(node, a)})"
                            for a in net[node] if net.edges[node, a].get("role") != "lead")
            flagged = flags.get(node, [])
            tip = [label, kind, f"{word('leads', lang)}: {len(leads)}", *(f"• {a}" for a in leads),
                   f"{word('partners', lang)}: {len(others)}", *(f"• {a}" for a in others)]
            if flagged:
                tip.append(f"{word('flags', lang)}: {', '.join(flagged)}")
            entry = {"id": node, "label": label, "kind": "actor", "x": x, "y": y, "shape": "dot",
                     "size": round(8 + 6 * sqrt(net.degree(node)), 1), "tooltip": "\n".join(tip),
                     "color": {"background": colour_of[kind], "border": COLOURS["flag"] if "overloaded" in flagged else "#555555"},
                     "borderWidth": 4 if "overloaded" in flagged else 1}
        else:
            budget = float(data.get("budget") or 0)
            number = data.get("number")
            shown = f"{number}. {label}" if number is not None else label
            roles = sorted(f"{net.nodes[a].get('label', a)} ({role(a, node)})" for a in net[node])
            tip = [shown, f"{word('budget', lang)}: {money(budget, lang)}", *(f"• {r}" for r in roles)]
            if node in single:
                tip.append(word("single-actor-short", lang))
            entry = {"id": node, "label": shown, "kind": "activity", "x": x, "y": y, "shape": "square",
                     "size": round(6 + 18 * sqrt(budget / top_budget), 1), "tooltip": "\n".join(tip),
                     "color": {"background": COLOURS["activity"], "border": COLOURS["flag"] if node in single else "#1f3b57"},
                     "borderWidth": 4 if node in single else 1}
        if big:
            entry["font"] = {"size": 0 if entry["kind"] == "activity" else 10}
        nodes.append(entry)
    edges: list[dict[str, Any]] = []
    for a, b, data in net.edges(data=True):
        actor, activity = (a, b) if net.nodes[a].get("kind") == "actor" else (b, a)
        lead = data.get("role") == "lead"
        edges.append({"from": actor, "to": activity, "width": 3 if lead else 1, "dashes": not lead,
                      "color": {"color": COLOURS["lead" if lead else "partner"]},
                      "tooltip": f"{net.nodes[actor].get('label', actor)} – {net.nodes[activity].get('label', activity)}: "
                                 f"{role(actor, activity)}"})
    for child, parent in sub_organisations:
        if child in positions and parent in positions:
            edges.append({"from": child, "to": parent, "width": 1.5, "dashes": [2, 4], "arrows": "to",
                          "color": {"color": COLOURS["sub-organisation"]},
                          "tooltip": f"{net.nodes[child].get('label', child)} → {net.nodes[parent].get('label', parent)}"})
    legend = [LegendEntry(k, colour_of[k]) for k in kinds]
    legend += [LegendEntry(word("activity", lang), COLOURS["activity"], "box"),
               LegendEntry(word("lead-link", lang), COLOURS["lead"], "line"),
               LegendEntry(word("partner-link", lang), COLOURS["partner"], "dashed"),
               LegendEntry(word("overloaded", lang), COLOURS["flag"], "ring"),
               LegendEntry(word("single-actor", lang), COLOURS["flag"], "ring"),
               LegendEntry(word("size-load", lang), COLOURS["actor"], "text")]
    if sub_organisations:
        legend.append(LegendEntry(word("sub-org-link", lang), COLOURS["sub-organisation"], "dashed"))
    return NetworkPicture("actors", title or word("actors", lang), nodes, edges, legend,
                          physics=not big, directed=False, caption=caption).sort()


def actors_picture(ws, plan, year: int, *, focus_area: str | None = None, actor: str | None = None,
                   sub_organisations: bool = False) -> NetworkPicture:
    """The actor view of ``plan`` in ``year``: actors with a role in the year and their activities."""
    from ..actors import actor_load, single_actor_activities

    lang = ws.lang
    facts = gather(ws, plan, year)
    net = facts.net.copy()
    if focus_area:
        area = ws.resolve(plan, "focus-area", focus_area, "--focus-area")
        supports = facts.supports()
        keep = {n for n, d in net.nodes(data=True) if d.get("kind") == "activity" and area in supports.get(n, [])}
        net = net.subgraph(keep | {a for n in keep for a in net[n]}).copy()
    if actor:
        import networkx as nx

        who = ws.resolve(plan, "actor", actor, "--actor")
        net = nx.ego_graph(net, who, radius=2) if who in net else net.subgraph([]).copy()
    idle = sorted(n for n in net if net.degree(n) == 0 and net.nodes[n].get("kind") == "actor")
    net.remove_nodes_from(idle)
    flags = {row["actor_iri"]: [f.flag for f in row["flags"]] for row in actor_load(ws, plan, year)}
    single = {row["activity_iri"] for row in single_actor_activities(ws, plan, year)}
    links = ([(r["child"], r["parent"]) for r in ws.select("sub-organisations", plan, audience="views")]
             if sub_organisations else [])
    activities = sum(1 for _, d in net.nodes(data=True) if d.get("kind") == "activity")
    labels: dict[tuple[str, str], list[str]] = {}
    for activity, rows in facts.roles.items():
        for row in rows:
            labels.setdefault((row["actor_iri"], activity), []).append(row["role"])
    caption = (f"{net.number_of_nodes() - activities} {word('actors-n', lang)} · {activities} {word('activities', lang)}"
               f" · {facts.year}")
    if idle:
        caption += f" ({len(idle)} {word('idle-left-out', lang)})"
    return network_picture(net, lang=lang, flags=flags, single=single, sub_organisations=links,
                           title=f"{word('actors', lang)} {facts.year}", caption=caption,
                           role_labels={k: ", ".join(sorted(set(v))) for k, v in labels.items()})
