"""What changed, drawn: the change theory of the NEW plan with the changes since OLD marked.

The picture is the layered change theory of NEW (:mod:`.changetheory`); from the rows of
:func:`theory.diff.diff_plans` it marks activities, focus areas and results that were
added (a thick green ring) or changed (a thick purple ring: a name, number, status, role,
target, target group or figure of theirs changed), adds those that were removed as grey
ghosts below their column, and draws focus-area supports that were added (green) or
removed (red, dashed). Each marked node's tooltip lists its changes.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..i18n import texts
from .changetheory import changetheory_picture
from .picture import LegendEntry, NetworkPicture

__all__ = ["MARKS", "diff_picture"]

#: colour of each kind of change (Okabe–Ito: bluish green, reddish purple, grey; vermillion for a removed link)
MARKS = {"added": "#009e73", "changed": "#cc79a7", "removed": "#999999", "removed-link": "#d55e00"}
_GHOST_GAP = 60.0


def _ring(node: dict[str, Any], colour: str, dashed: bool = False) -> None:
    colours = dict(node.get("color") or {})
    colours["border"] = colour
    node["color"] = colours
    node["borderWidth"] = 5
    if dashed:
        node["shapeProperties"] = {"borderDashes": [6, 4]}


def _changes_by_node(rows: list[dict], t) -> dict[str, list[str]]:
    lines: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        node = row.get("activity_iri") or row.get("iri_new") or row.get("iri_old")
        if not node:
            continue
        change = t(row["kind"])
        values = " → ".join(str(v) for v in (row.get("old"), row.get("new")) if v not in (None, ""))
        year = f" {row['year']}" if row.get("year") else ""
        lines[node].append(f"• {change}{year}: {row['subject']}" + (f" ({values})" if values else ""))
    return lines


def diff_picture(ws, plan, year: int, rows: list[dict]) -> NetworkPicture:
    """NEW's change theory (``plan`` of ``ws`` in ``year``) with the changes of ``rows`` marked."""
    from ..diff import diff_marks

    t = texts(ws.lang)
    picture = changetheory_picture(ws, plan, year)
    marks = diff_marks(rows)
    changes = _changes_by_node(rows, t)
    by_id = {node["id"]: node for node in picture.nodes}
    for iri, change in sorted(marks["nodes"].items()):
        node = by_id.get(iri)
        if node is None or change == "removed":
            continue
        _ring(node, MARKS[change])
        node["tooltip"] = "\n".join([node.get("tooltip") or node["label"], t("Changes since the old plan:"),
                                     *changes.get(iri, [])])
    removed = [(iri, next((r for r in rows if iri in (r.get("activity_iri"), r.get("iri_old"))), {}))
               for iri, change in sorted(marks["nodes"].items()) if change == "removed" and iri not in by_id]
    columns = {kind: [n for n in picture.nodes if n["kind"] == kind] for kind in ("activity", "focus-area", "result")}
    for iri, row in removed:
        kind = "activity" if row.get("kind", "").startswith("activity") else \
            "focus-area" if row.get("kind", "").startswith("focus-area") else "result"
        column = columns.get(kind) or picture.nodes
        template = column[0] if column else {"x": 0, "y": 0, "font": {"size": 13}}
        bottom = max((n["y"] for n in column), default=0.0) + _GHOST_GAP
        ghost = {key: template[key] for key in ("x", "level", "shape", "draw", "font", "margin") if key in template}
        ghost.update(id=iri, label=row.get("subject", iri), name=row.get("subject", iri), kind=kind, y=bottom,
                     color={"background": "#eeeeee", "border": MARKS["removed"]}, areas=[], search=[],
                     text=template.get("text", []), size=template.get("size", 10),
                     tooltip="\n".join([row.get("subject", iri), t("Removed since the old plan"), *changes.get(iri, [])]))
        _ring(ghost, MARKS["removed"], dashed=True)
        picture.nodes.append(ghost)
        column.append(ghost)
        by_id[iri] = ghost
    for (activity, area), change in sorted(marks["links"].items()):
        if activity not in by_id or area not in by_id:
            continue
        if change == "added":
            for edge in picture.edges:
                if edge["from"] == activity and edge["to"] == area and edge.get("link") == "supports":
                    edge["color"] = {"color": MARKS["added"], "opacity": 0.9}
        else:
            picture.edges.append({"from": activity, "to": area, "link": "supports-removed", "path": False,
                                  "width": 2, "dashes": [6, 4], "color": {"color": MARKS["removed-link"], "opacity": 0.9},
                                  "tooltip": t("Support removed since the old plan")})
    picture.legend += [
        LegendEntry(t("Added since the old plan"), MARKS["added"], "ring"),
        LegendEntry(t("Changed since the old plan"), MARKS["changed"], "ring"),
        LegendEntry(t("Removed since the old plan"), MARKS["removed"], "dashed-ring"),
        LegendEntry(t("Support added"), MARKS["added"], "line", 3),
        LegendEntry(t("Support removed"), MARKS["removed-link"], "dashed", 2),
    ]
    picture.title = t("What changed: {title}", title=picture.title)
    picture.caption = t.plural("{n} change since the old plan", "{n} changes since the old plan", len(rows)) + \
        (f" – {picture.caption}" if picture.caption else "")
    return picture.sort()
