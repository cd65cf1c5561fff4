"""Activities × focus areas as a heat map by the year's budget, with totals.

A cell holds the activity's budget for the year where it supports the focus area. The
counting is full (as ``theory coverage --counting full``): an activity is counted in full
in every focus area it supports, so the column totals add up to more than the year's
budget; the page says so under the table. Row totals are the activities' budgets, column
totals the focus areas' budgets and numbers of activities, and the corner the year's total.
"""

from __future__ import annotations

from .facts import Facts, gather
from ..i18n import texts
from .picture import LegendEntry, MatrixPicture, heat

__all__ = ["coverage_picture", "matrix_picture"]


def matrix_picture(facts: Facts, focus_area: str | None = None, actor: str | None = None) -> MatrixPicture:
    """The heat map of ``facts``, optionally narrowed to one focus area or one actor's activities."""
    t = texts(facts.lang)
    supports = facts.supports()
    areas = facts.focus_areas()
    activities = sorted(facts.budget, key=lambda a: (facts.nodes.get(a, {}).get("number") or 10**9, a))
    if focus_area:
        areas = [focus_area]
        activities = [a for a in activities if focus_area in supports.get(a, [])]
    if actor:
        activities = [a for a in activities if any(r["actor_iri"] == actor for r in facts.roles.get(a, []))]

    def name(iri: str) -> str:
        node = facts.nodes.get(iri, {"label": iri})
        return f"{node['number']}. {node['label']}" if node.get("number") is not None else node["label"]

    cells = [[facts.budget[a] if area in supports.get(a, []) else None for area in areas] for a in activities]
    column_totals = [sum(row[c] or 0 for row in cells) for c in range(len(areas))]
    counts = [sum(1 for row in cells if row[c] is not None) for c in range(len(areas))]
    row_totals = [facts.budget[a] for a in activities]
    top = max((v for row in cells for v in row if v is not None), default=0)
    legend = [LegendEntry(t.money(0), heat(0, top or 1), "heat"),
              LegendEntry(t.money(top / 2), heat(top / 2, top or 1), "heat"),
              LegendEntry(t.money(top), heat(top, top or 1), "heat"),
              LegendEntry(t("Colour: the budget {year}", year=facts.year), "#ffffff", "text")]
    unattached = sum(row_totals[i] for i, row in enumerate(cells) if all(v is None for v in row))
    caption = t.plural("{n} activity, {amount} ({year})", "{n} activities, {amount} ({year})", len(activities),
                       amount=t.money(sum(row_totals)), year=facts.year)
    if unattached:
        caption += "; " + t("{amount} attached to no focus area", amount=t.money(unattached))
    note = t("Full counting: an activity counts in full in every focus area it supports, so the focus areas' totals add up to more than the year's budget.")
    return MatrixPicture("coverage", t("Focus areas × activities {year}", year=facts.year), [name(a) for a in activities],
                         [facts.nodes[a]["label"] for a in areas], cells, row_totals, column_totals, counts,
                         sum(row_totals), legend, caption, facts.lang, note,
                         {"total": t("Total"), "activity": t("Activity"), "activities": t("activities")})


def coverage_picture(ws, plan, year: int, *, focus_area: str | None = None,
                     actor: str | None = None) -> MatrixPicture:
    """The coverage heat map of ``plan`` in ``year``."""
    facts = gather(ws, plan, year)
    area = ws.resolve(plan, "focus-area", focus_area, "--focus-area") if focus_area else None
    who = ws.resolve(plan, "actor", actor, "--actor") if actor else None
    return matrix_picture(facts, area, who)
