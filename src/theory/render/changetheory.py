"""The change theory read left to right: activities → focus areas → results → impact.

A layered layout in which no line crosses a label. Each kind of node has its own column.
Activities are dots (sized by the year's budget) listed in the plan's number order, with
their labels on the left, so every line leaves them to the right; focus areas are boxes
with the label inside; results are dots with their labels on the right, so every line
reaches them from the left; and when every result leads to the one impact, the impact is
a tall box beside the results (the lines to it are kept for the path a click highlights,
but not drawn through the results' labels). Focus areas sit where their activities and
results are (their barycentre), which keeps crossings few; each focus area's results
follow it in the plan's order; the lines from the cross-cutting effort to the focus areas
it runs across bend out beside their column instead of running through the boxes between.

Labels are wrapped here (an estimate of the text's width) and drawn as given, so the page
and the static image break them alike and the layout can keep them apart. The activity →
focus-area lines are as thick as the activity's budget of the year. Hovering an activity
shows its responsible actors, partners, prospective roles, budget, deliverables and the
plan's passage; clicking it (in the page) highlights its path to the impact.
"""

from __future__ import annotations

import math
import re
from math import sqrt
from typing import Any

from ..i18n import N_, texts
from ..namespaces import TH
from .facts import Facts, gather, passage
from .palette import LINES, THEORY_COLOURS, text_colour
from .picture import Filter, LegendEntry, NetworkPicture

__all__ = ["LEVELS", "COLUMNS", "FONTS", "WIDTHS", "changetheory_picture", "layered_picture", "wrap"]

#: column of each kind of node, left to right
LEVELS = {"activity": 0, "focus-area": 1, "cross-cutting": 1, "result": 2, "impact": 3}
#: x of each column (canvas pixels): the activities' dots, the focus areas' boxes, the results' dots
COLUMNS = {0: 0, 1: 290, 2: 555}
#: label size (canvas pixels) by kind of node
FONTS = {"activity": 17, "focus-area": 18, "cross-cutting": 18, "result": 15, "impact": 17}
#: the widest a label may be (canvas pixels) before it wraps
WIDTHS = {"activity": 230, "focus-area": 190, "cross-cutting": 190, "result": 330, "impact": 130}
_MARGIN = 7          # inside a box, around its label
_LABEL_GAP = 6       # between a dot and its label
_GAP = 12            # at least this much between two nodes of one column
_CHAR = 0.53         # average width of a character, in font sizes (sans-serif in Chromium)
_LINE = 1.2          # line height, in font sizes
_RESULT_DOT = 7
_CLASS = {"activity": str(TH.Activity), "focus-area": str(TH.FocusArea),
          "cross-cutting": str(TH.CrossCuttingEffort), "result": str(TH.Result), "impact": str(TH.Impact)}


def wrap(text: str, font: float, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` pixels at ``font`` (estimated)."""
    room = max(4, int(width / (_CHAR * font)))
    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= room or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _text_size(lines: list[str], font: float) -> tuple[float, float]:
    return (round(max(len(line) for line in lines) * _CHAR * font, 1), round(len(lines) * font * _LINE, 1))


def _natural(iri: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", iri))


def _stack(ids: list[str], heights: dict[str, float], top: float, span: float) -> dict[str, float]:
    """Centres of ``ids`` spread evenly (the free space shared out) over ``span`` from ``top``."""
    if not ids:
        return {}
    used = sum(heights[i] for i in ids)
    gap = (span - used) / (len(ids) - 1) if len(ids) > 1 else 0
    centres, y = {}, top if len(ids) > 1 else top + (span - used) / 2
    for iri in ids:
        centres[iri] = round(y + heights[iri] / 2, 1)
        y += heights[iri] + gap
    return centres


def _settle(targets: list[tuple[str, float]], heights: dict[str, float], top: float, bottom: float) -> dict[str, float]:
    """Centres as near their targets as boxes that must not overlap (kept in order) allow."""
    placed: dict[str, float] = {}
    previous = None
    for iri, target in targets:
        low = top + heights[iri] / 2 if previous is None else placed[previous] + heights[previous] / 2 + 3 * _GAP + heights[iri] / 2
        placed[iri] = max(target, low)
        previous = iri
    overflow = (placed[previous] + heights[previous] / 2 - bottom) if previous else 0
    if overflow > 0:  # push back up from the bottom, keeping the gaps
        following = None
        for iri, _ in reversed(targets):
            high = bottom - heights[iri] / 2 if following is None else placed[following] - heights[following] / 2 - 3 * _GAP - heights[iri] / 2
            placed[iri] = min(placed[iri], high)
            following = iri
    return {iri: round(y, 1) for iri, y in placed.items()}


def _roundness(length: float, bulge: float) -> float:
    """vis-network's ``roundness`` that makes a curved line of ``length`` bulge ``bulge`` pixels."""
    for step in range(1, 101):
        factor = step / 100
        offset = (factor * 0.5 + 0.5) * length * math.cos((0.5 - 0.5 * factor) * math.pi)
        if offset / 2 >= bulge:
            return factor
    return 1.0


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


def _passage_line(node: dict[str, Any], t) -> str:
    quote, section = passage(node)
    if not quote:
        return ""
    return t("The plan – {section}: “{quote}”", section=section, quote=quote) if section else \
        t("The plan: “{quote}”", quote=quote)


def _activity_tip(iri: str, facts: Facts, areas: list[str]) -> str:
    t = texts(facts.lang)
    node = facts.nodes[iri]
    name = f"{node['number']}. {node['label']}" if node.get("number") is not None else node["label"]
    lines = [name, t("Budget {year}: {amount}", year=facts.year, amount=t.money(facts.budget.get(iri, 0)))]
    roles = facts.roles.get(iri, [])
    leading = (str(TH.Lead), str(TH.CoLead))
    agreed = [r for r in roles if r["status_iri"] != str(TH.Prospective)]
    hoped = [r for r in roles if r["status_iri"] == str(TH.Prospective)]
    leads = sorted({r["actor"] for r in agreed if r["role_iri"] in leading})
    others = sorted({f"{r['actor']} ({r['role']})" for r in agreed if r["role_iri"] not in leading})
    lines.append(t("Responsible: {names}", names=", ".join(leads) or t("none")))
    lines.append(t("Partners: {names}", names=", ".join(others) or t("none")))
    if hoped:
        lines.append(t("Prospective roles: {names}",
                       names=", ".join(sorted({f"{r['actor']} ({r['role']})" for r in hoped}))))
    if areas:
        lines.append(t("Focus areas: {names}", names=", ".join(facts.nodes[a]["label"] for a in areas)))
    if facts.deliverables.get(iri):
        lines.append(t("Deliverables:"))
        for row in facts.deliverables[iri]:
            target = _target(row)
            plain = not any(c.isdigit() for c in str(row["deliverable"]))
            lines.append(f"• {row['deliverable']}" + (f" ({target})" if target and plain else ""))
    quote, _ = passage(node)
    if node.get("description") and node["description"] != quote:
        lines.append(str(node["description"]))
    if _passage_line(node, t):
        lines.append(_passage_line(node, t))
    return "\n".join(lines)


def _select(facts: Facts, focus_area: str | None, actor: str | None) -> tuple[list[str], list[str]]:
    """(activities in number order, focus areas) to draw after the filters."""
    supports = facts.supports()
    activities = sorted(facts.budget, key=lambda a: (facts.nodes.get(a, {}).get("number") is None,
                                                     facts.nodes.get(a, {}).get("number") or 0, a))
    areas = facts.focus_areas()
    if actor:
        activities = [a for a in activities if any(r["actor_iri"] == actor for r in facts.roles.get(a, []))]
    if focus_area:
        activities = [a for a in activities if focus_area in supports.get(a, [])]
        areas = [focus_area]
    return activities, areas


def _label(iri: str, facts: Facts) -> str:
    node = facts.nodes.get(iri, {"label": iri, "number": None})
    return f"{node['number']}. {node['label']}" if node.get("number") is not None else node["label"]


def _colours(fill: str) -> dict[str, Any]:
    return {"background": fill, "border": "#333333", "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"}}


def layered_picture(facts: Facts, focus_area: str | None = None, actor: str | None = None) -> NetworkPicture:
    """The change-theory picture of ``facts``, optionally narrowed to a focus area or actor."""
    t = texts(facts.lang)
    activities, areas = _select(facts, focus_area, actor)
    supports = {a: [f for f in fas if f in areas] for a, fas in facts.supports().items()}
    results_of: dict[str, list[str]] = {}
    for area, result in facts.linked("has-result"):
        if result in facts.nodes:
            results_of.setdefault(area, []).append(result)
    toward = [(a, r) for a, r in facts.linked("works-toward") if a in activities and r in facts.nodes]

    # focus areas in the order of their activities (barycentre), each followed by its results
    row = {a: i for i, a in enumerate(activities)}

    def centre_of_activities(area: str) -> float:
        mine = [row[a] for a in activities if area in supports.get(a, [])]
        return sum(mine) / len(mine) if mine else len(activities)

    areas = sorted(areas, key=lambda a: (centre_of_activities(a), facts.nodes[a]["cross_cutting"],
                                         facts.nodes[a]["label"].casefold(), a))
    results: list[str] = []
    for area in areas:
        results += sorted(results_of.get(area, []), key=_natural)
    results += sorted({r for _, r in toward} - set(results), key=_natural)
    results = list(dict.fromkeys(results))
    impacts = sorted({i for r, i in facts.linked("leads-to") if r in results and i in facts.nodes})
    if not impacts:
        impacts = sorted(i for i, n in facts.nodes.items() if n["kind"] == "impact")
    leads = set(facts.linked("leads-to"))
    beside = len(impacts) == 1 and bool(results) and all((r, impacts[0]) in leads for r in results)

    kinds: dict[str, str] = {iri: "activity" for iri in activities}
    kinds.update({iri: "cross-cutting" if facts.nodes[iri]["cross_cutting"] else "focus-area" for iri in areas})
    kinds.update({iri: "result" for iri in results})
    kinds.update({iri: "impact" for iri in impacts})
    labels = {iri: _label(iri, facts) for iri in kinds}
    lines = {iri: wrap(labels[iri], FONTS[kind], WIDTHS[kind]) for iri, kind in kinds.items()}
    text = {iri: _text_size(lines[iri], FONTS[kinds[iri]]) for iri in kinds}
    budget_top = max((facts.budget.get(a, 0) for a in activities), default=0) or 1
    dot = {a: round(8 + 16 * sqrt(facts.budget.get(a, 0) / budget_top), 1) for a in activities}
    dot.update({r: _RESULT_DOT for r in results})
    heights = {iri: max(2 * dot.get(iri, 0), text[iri][1]) for iri in kinds}
    for iri in (*areas, *impacts):
        heights[iri] = text[iri][1] + 2 * _MARGIN

    span = max([sum(heights[i] for i in layer) + _GAP * (len(layer) - 1)
                for layer in (activities, results, areas) if layer] + [0])
    top = -span / 2
    ys = {**_stack(activities, heights, top, span), **_stack(results, heights, top, span)}
    area_results = {a: [r for r in results_of.get(a, []) if r in ys] for a in areas}

    def aim(area: str) -> float:
        left = [ys[a] for a in activities if area in supports.get(a, [])]
        right = [ys[r] for r in area_results[area]]
        sides = [sum(s) / len(s) for s in (left, right) if s]
        return sum(sides) / len(sides) if sides else 0.0

    ys.update(_settle([(a, aim(a)) for a in areas], heights, top, top + span))
    result_right = COLUMNS[2] + _RESULT_DOT + _LABEL_GAP + max([text[r][0] for r in results] + [0])
    impact_x = round(result_right + 40 + WIDTHS["impact"] / 2 + _MARGIN, 1)
    if beside:
        ys[impacts[0]] = round(top + span / 2, 1)
    else:
        ys.update(_settle([(i, sum(ys[r] for r in results) / len(results) if results else 0.0) for i in impacts],
                          heights, top, top + span))

    nodes: list[dict[str, Any]] = []
    for iri, kind in kinds.items():
        colour = THEORY_COLOURS[_CLASS[kind]]
        node: dict[str, Any] = {
            "id": iri, "label": "\n".join(lines[iri]), "name": labels[iri], "kind": kind, "class_iri": _CLASS[kind],
            "level": LEVELS[kind], "y": ys[iri], "color": _colours(colour),
            "font": {"size": FONTS[kind], "color": text_colour(colour), "face": "sans-serif"},
            "search": facts.search(iri, labels[iri]), "text": list(text[iri]),
        }
        if kind == "activity":
            belongs = supports.get(iri, [])
            node.update(x=COLUMNS[0], shape="dot", draw="label-left", size=dot[iri], areas=sorted(belongs),
                        number=facts.nodes.get(iri, {}).get("number"),
                        font={"size": FONTS[kind], "color": "#1a1a1a", "face": "sans-serif"},
                        tooltip=_activity_tip(iri, facts, belongs) if iri in facts.nodes else labels[iri])
        elif kind in ("focus-area", "cross-cutting"):
            count = sum(1 for a in activities if iri in supports.get(a, []))
            total = sum(facts.budget.get(a, 0) for a in activities if iri in supports.get(a, []))
            node.update(x=COLUMNS[1], shape="box", margin=_MARGIN, areas=[iri], tooltip="\n".join(p for p in (
                labels[iri], t("Cross-cutting effort") if kind == "cross-cutting" else t("Focus area"),
                t.plural("{n} activity, {amount} ({year})", "{n} activities, {amount} ({year})", count,
                         amount=t.money(total), year=facts.year),
                _passage_line(facts.nodes[iri], t)) if p))
        elif kind == "result":
            node.update(x=COLUMNS[2], shape="dot", draw="label-right", size=_RESULT_DOT,
                        font={"size": FONTS[kind], "color": "#1a1a1a", "face": "sans-serif"},
                        areas=sorted(a for a in areas if iri in area_results[a]),
                        tooltip="\n".join(p for p in (labels[iri], t("Result"), _passage_line(facts.nodes[iri], t)) if p))
        else:
            node.update(x=impact_x, shape="box", margin=_MARGIN, areas=[],
                        widthConstraint={"minimum": WIDTHS["impact"], "maximum": WIDTHS["impact"] + 2 * _MARGIN},
                        tooltip="\n".join(p for p in (labels[iri], t("Impact"), _passage_line(facts.nodes[iri], t)) if p))
            if beside:
                node["heightConstraint"] = {"minimum": round(span, 1), "valign": "middle"}
        nodes.append(node)

    drawn = set(kinds)
    edges: list[dict[str, Any]] = []
    quotes = {(l["from"], l["to"]): l["quote"] for l in facts.links if l["link"] == "supports" and l["quote"]}
    for activity, area in facts.linked("supports"):
        if activity in drawn and area in drawn:
            amount = facts.budget.get(activity, 0)
            tip = t("{source} → {target}: {amount}", source=labels[activity], target=labels[area], amount=t.money(amount))
            if quotes.get((activity, area)):
                tip += "\n" + t("The plan: “{quote}”", quote=quotes[(activity, area)])
            edges.append({"from": activity, "to": area, "link": "supports", "path": True,
                          "width": round(1 + 9 * amount / budget_top, 2), "dashes": False,
                          "color": {"color": LINES["supports"]["color"], "opacity": 0.6}, "tooltip": tip})
    for link, pairs in (("works-toward", toward), ("has-result", facts.linked("has-result")),
                        ("leads-to", facts.linked("leads-to"))):
        for source, target in pairs:
            if source in drawn and target in drawn:
                style = LINES[link]
                edge = {"from": source, "to": target, "link": link, "path": True, "width": style["width"],
                        "dashes": style["dashes"], "color": {"color": style["color"], "opacity": 0.9}}
                if link == "leads-to" and beside:
                    edge["hidden"] = True
                edges.append(edge)
    for source, target in facts.linked("cross-cuts"):
        if source in drawn and target in drawn and source != target:
            style = LINES["cross-cuts"]
            dy = ys[target] - ys[source]
            bulge = text[source][0] / 2 + _MARGIN + 40
            edges.append({"from": source, "to": target, "link": "cross-cuts", "path": False, "width": style["width"],
                          "dashes": style["dashes"], "color": {"color": style["color"], "opacity": 0.9},
                          "smooth": {"enabled": True, "type": "curvedCCW" if dy < 0 else "curvedCW",
                                     "roundness": _roundness(abs(dy), bulge)},
                          "tooltip": t("{source} runs across {target}", source=labels[source], target=labels[target])})

    present = set(kinds.values())
    legend = [LegendEntry(t("Activity (size: the budget {year})", year=facts.year), THEORY_COLOURS[str(TH.Activity)], "dot")]
    legend += [LegendEntry(t(label), THEORY_COLOURS[_CLASS[kind]], "dot" if kind == "result" else "box")
               for kind, label in (("focus-area", N_("Focus area")), ("cross-cutting", N_("Cross-cutting effort")),
                                   ("result", N_("Result")), ("impact", N_("Impact"))) if kind in present]
    legend.append(LegendEntry(t("Supports a focus area (width: the budget {year})", year=facts.year),
                              LINES["supports"]["color"], "line", 4))
    legend.append(LegendEntry(t("The focus area's result"), LINES["has-result"]["color"], "arrow"))
    links = {e["link"] for e in edges}
    if "works-toward" in links:
        legend.append(LegendEntry(t("Works toward the result"), LINES["works-toward"]["color"], "dashed"))
    if "cross-cuts" in links:
        legend.append(LegendEntry(t("Runs across the focus areas"), LINES["cross-cuts"]["color"], "dashed"))
    if beside:
        legend.append(LegendEntry(t("Every result leads to the impact (the box on the right)"),
                                  THEORY_COLOURS[str(TH.Impact)], "box"))
    elif "leads-to" in links:
        legend.append(LegendEntry(t("Leads to the impact"), LINES["leads-to"]["color"], "arrow"))

    title = t("Change theory {year}", year=facts.year)
    caption = t.plural("{n} activity, {amount}", "{n} activities, {amount}", len(activities),
                       amount=t.money(sum(facts.budget.get(a, 0) for a in activities)))
    if focus_area:
        caption += f" – {facts.nodes[focus_area]['label']}"
    if actor and facts.net is not None and actor in facts.net:
        caption += f" – {facts.net.nodes[actor]['label']}"
    filters = [Filter("focus-area", a, facts.nodes[a]["label"], THEORY_COLOURS[_CLASS[kinds[a]]]) for a in areas]
    return NetworkPicture("changetheory", title, nodes, edges, legend, physics=False, directed=True,
                          caption=caption, filters=filters, highlight="path", fit="width").sort()


def changetheory_picture(ws, plan, year: int, *, focus_area: str | None = None,
                         actor: str | None = None) -> NetworkPicture:
    """The change-theory view of ``plan`` in ``year``, optionally narrowed by names people type."""
    facts = gather(ws, plan, year)
    area = ws.resolve(plan, "focus-area", focus_area, "--focus-area") if focus_area else None
    who = ws.resolve(plan, "actor", actor, "--actor") if actor else None
    return layered_picture(facts, area, who)
