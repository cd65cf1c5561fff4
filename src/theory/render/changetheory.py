"""The change theory read left to right: activities → focus areas → results → impact.

Each layer has its own level and fixed x position (activities 0, focus areas 1, results
2, impact 3); within a layer nodes are spread evenly, activities ordered by the focus
areas they support so that few lines cross. Activity size follows the year's budget and
the activity → focus-area lines are as thick as that budget. Hovering an activity shows
its responsible actors, partners, budget, deliverable targets and the plan passage.
"""

from __future__ import annotations

from math import sqrt
from typing import Any

from .facts import Facts, gather
from .picture import COLOURS, LegendEntry, NetworkPicture, money, word

__all__ = ["LEVELS", "changetheory_picture", "layered_picture"]

#: layer of each kind of node, left to right
LEVELS = {"activity": 0, "focus-area": 1, "result": 2, "impact": 3}
_X = {0: 0, 1: 420, 2: 840, 3: 1260}
_GAP = {0: 84, 1: 150, 2: 64, 3: 0}
_LEAD_ROLES = {"https://w3id.org/theory/ontology#Lead", "https://w3id.org/theory/ontology#CoLead"}


def _target(row: dict[str, Any]) -> str:
    low, high = row.get("target_min"), row.get("target_max")
    if low is None and high is None:
        return ""
    if low is not None and high is not None:
        amount = f"{low:g}" if low == high else f"{low:g}–{high:g}"
    elif low is not None:
        amount = f"≥ {low:g}"
    else:
        amount = f"≤ {high:g}"
    return " ".join(str(p) for p in (amount, row.get("unit") or "", row.get("period") or "") if p)


def _passage(node: dict[str, Any], lang: str) -> str:
    if not node.get("quote"):
        return ""
    section = f" – {node['section']}" if node.get("section") else ""
    return f"{word('passage', lang)}{section}: “{node['quote']}”"


def _activity_tip(iri: str, facts: Facts) -> str:
    node, lang = facts.nodes[iri], facts.lang
    name = f"{node['number']}. {node['label']}" if node.get("number") is not None else node["label"]
    lines = [name, f"{word('budget', lang)} {facts.year}: {money(facts.budget.get(iri, 0), lang)}"]
    roles = facts.roles.get(iri, [])
    leads = sorted({r["actor"] for r in roles if r["role_iri"] in _LEAD_ROLES})
    others = sorted({f"{r['actor']} ({r['role']})" for r in roles if r["role_iri"] not in _LEAD_ROLES})
    lines.append(f"{word('leads', lang)}: {', '.join(leads) or word('none', lang)}")
    lines.append(f"{word('partners', lang)}: {', '.join(others) or word('none', lang)}")
    targets = [row for row in facts.deliverables.get(iri, []) if _target(row)]
    if targets:
        lines.append(f"{word('deliverables', lang)}:")
        lines.extend(f"• {row['deliverable']} ({_target(row)})" for row in targets)
    if node.get("description"):
        lines.append(node["description"])
    if _passage(node, lang):
        lines.append(_passage(node, lang))
    return "\n".join(lines)


def _plain_tip(node: dict[str, Any], lang: str, *extra: str) -> str:
    return "\n".join(p for p in (node["label"], *extra, _passage(node, lang)) if p)


def _spread(ids: list[str], level: int, height: float) -> dict[str, tuple[float, float]]:
    if not ids:
        return {}
    gap = max(_GAP[level], height / len(ids)) if len(ids) > 1 else 0
    top = -gap * (len(ids) - 1) / 2
    return {iri: (_X[level], round(top + i * gap, 1)) for i, iri in enumerate(ids)}


def _select(facts: Facts, focus_area: str | None, actor: str | None) -> tuple[list[str], list[str]]:
    """(activities, focus areas) to draw after the filters."""
    supports = facts.supports()
    activities = sorted(facts.budget)
    areas = sorted(iri for iri, n in facts.nodes.items() if n["kind"] == "focus-area")
    if actor:
        activities = [a for a in activities if any(r["actor_iri"] == actor for r in facts.roles.get(a, []))]
    if focus_area:
        activities = [a for a in activities if focus_area in supports.get(a, [])]
        areas = [focus_area]
    return activities, areas


def layered_picture(facts: Facts, focus_area: str | None = None, actor: str | None = None) -> NetworkPicture:
    """The change-theory picture of ``facts``, optionally narrowed to a focus area or actor."""
    lang = facts.lang
    activities, areas = _select(facts, focus_area, actor)
    supports = facts.supports()
    results_of: dict[str, list[str]] = {}
    for area, result in facts.linked("has-result"):
        results_of.setdefault(area, []).append(result)
    area_order = sorted(areas, key=lambda a: (facts.nodes[a]["cross_cutting"], facts.nodes[a]["label"].casefold(), a))
    results = [r for a in area_order for r in sorted(results_of.get(a, []), key=lambda r: (facts.nodes[r]["label"].casefold(), r))]
    results = list(dict.fromkeys(r for r in results if r in facts.nodes))
    toward = [(a, r) for a, r in facts.linked("works-toward") if a in activities and r in facts.nodes]
    results += [r for _, r in toward if r not in results]
    impacts = sorted({i for r, i in facts.linked("leads-to") if r in results and i in facts.nodes})
    if not impacts:
        impacts = sorted(i for i, n in facts.nodes.items() if n["kind"] == "impact")

    rank = {a: i for i, a in enumerate(area_order)}

    def centre(activity: str) -> tuple:
        ranks = [rank[a] for a in supports.get(activity, []) if a in rank]
        number = facts.nodes.get(activity, {}).get("number")
        return (sum(ranks) / len(ranks) if ranks else len(rank), number if number is not None else 1e9, activity)

    activities = sorted(activities, key=centre)
    height = max(len(activities) * _GAP[0], len(results) * _GAP[2], len(area_order) * _GAP[1])
    positions = {**_spread(activities, 0, height), **_spread(area_order, 1, height),
                 **_spread(results, 2, height), **_spread(impacts, 3, height)}

    top = max((facts.budget.get(a, 0) for a in activities), default=0) or 1
    nodes, edges = [], []
    for iri in activities:
        node = facts.nodes.get(iri, {"label": iri, "number": None})
        label = f"{node['number']}. {node['label']}" if node.get("number") is not None else node["label"]
        x, y = positions[iri]
        nodes.append({"id": iri, "label": label, "kind": "activity", "level": 0, "x": x, "y": y,
                      "shape": "dot", "size": round(8 + 28 * sqrt(facts.budget.get(iri, 0) / top), 1),
                      "color": COLOURS["activity"], "font": {"align": "left"},
                      "tooltip": _activity_tip(iri, facts) if iri in facts.nodes else label})
    for iri in area_order:
        node = facts.nodes[iri]
        kind = "cross-cutting" if node["cross_cutting"] else "focus-area"
        count = sum(1 for a in activities if iri in supports.get(a, []))
        total = sum(facts.budget.get(a, 0) for a in activities if iri in supports.get(a, []))
        x, y = positions[iri]
        nodes.append({"id": iri, "label": node["label"], "kind": kind, "level": 1, "x": x, "y": y,
                      "shape": "box", "color": COLOURS[kind], "widthConstraint": {"maximum": 200},
                      "tooltip": _plain_tip(node, lang, word(kind, lang),
                                            f"{count} {word('activities', lang)}, {money(total, lang)} ({facts.year})")})
    for level, kind, iris in ((2, "result", results), (3, "impact", impacts)):
        for iri in iris:
            x, y = positions[iri]
            nodes.append({"id": iri, "label": facts.nodes[iri]["label"], "kind": kind, "level": level,
                          "x": x, "y": y, "shape": "box", "color": COLOURS[kind],
                          "font": {"color": "#ffffff"} if kind == "impact" else {"color": "#ffffff", "size": 12},
                          "widthConstraint": {"maximum": 260},
                          "tooltip": _plain_tip(facts.nodes[iri], lang, word(kind, lang))})

    drawn = set(positions)
    quotes = {(l["from"], l["to"]): l["quote"] for l in facts.links if l["link"] == "supports" and l["quote"]}
    for activity, area in facts.linked("supports"):
        if activity in drawn and area in drawn:
            amount = facts.budget.get(activity, 0)
            tip = f"{facts.nodes[activity]['label']} → {facts.nodes[area]['label']}: {money(amount, lang)}"
            if quotes.get((activity, area)):
                tip += f"\n{word('passage', lang)}: “{quotes[(activity, area)]}”"
            edges.append({"from": activity, "to": area, "width": round(1 + 9 * amount / top, 2),
                          "color": {"color": COLOURS["activity"], "opacity": 0.55}, "tooltip": tip})
    for (source, target), kind in [(p, "works-toward") for p in toward] + \
            [(p, "has-result") for p in facts.linked("has-result")] + [(p, "leads-to") for p in facts.linked("leads-to")]:
        if source in drawn and target in drawn:
            colour = COLOURS["activity"] if kind == "works-toward" else COLOURS["focus-area" if kind == "has-result" else "result"]
            edges.append({"from": source, "to": target, "width": 1.5, "dashes": kind == "works-toward",
                          "color": {"color": colour, "opacity": 0.7}})
    for source, target in facts.linked("cross-cuts"):
        if source in drawn and target in drawn:
            edges.append({"from": source, "to": target, "width": 1.5, "dashes": True,
                          "color": {"color": COLOURS["cross-cutting"], "opacity": 0.9}})

    legend = [LegendEntry(word("activity", lang), COLOURS["activity"]),
              LegendEntry(word("focus-area", lang), COLOURS["focus-area"], "box"),
              LegendEntry(word("cross-cutting", lang), COLOURS["cross-cutting"], "box"),
              LegendEntry(word("result", lang), COLOURS["result"], "box"),
              LegendEntry(word("impact", lang), COLOURS["impact"], "box"),
              LegendEntry(f"{word('size-budget', lang)} {facts.year}", COLOURS["activity"], "text"),
              LegendEntry(word("width-budget", lang), COLOURS["activity"], "line")]
    title = f"{word('changetheory', lang)} {facts.year}"
    caption = (f"{len(activities)} {word('activities', lang)}, {money(sum(facts.budget.get(a, 0) for a in activities), lang)}"
               + (f" – {facts.nodes[focus_area]['label']}" if focus_area else "")
               + (f" – {facts.net.nodes[actor]['label']}" if actor and facts.net is not None and actor in facts.net else ""))
    return NetworkPicture("changetheory", title, nodes, edges, legend, physics=False, directed=True, caption=caption).sort()


def changetheory_picture(ws, plan, year: int, *, focus_area: str | None = None,
                         actor: str | None = None) -> NetworkPicture:
    """The change-theory view of ``plan`` in ``year``, optionally narrowed by names people type."""
    facts = gather(ws, plan, year)
    area = ws.resolve(plan, "focus-area", focus_area, "--focus-area") if focus_area else None
    who = ws.resolve(plan, "actor", actor, "--actor") if actor else None
    return layered_picture(facts, area, who)
