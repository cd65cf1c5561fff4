"""Across plans: focus-area coverage side by side, and organisations that work in several partnerships.

Each plan is answered on its own (its own year, its own budget), and only then set side by
side: shares never mix plans' money. Focus areas are matched across partnerships by name
(each partnership has its own focus-area IRIs); organisations by IRI (the shared actor
registry gives a city-wide organisation one IRI in every plan).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .i18n import NC_

__all__ = ["portfolio_coverage", "shared_organisations", "portfolio_text"]

_SHARED_COLUMNS = [NC_("column", "actor"), NC_("column", "kind"), NC_("column", "partnerships"),
                   NC_("column", "activities"), NC_("column", "plans")]


def portfolio_coverage(ws, plans, year: int | None = None) -> list[dict[str, Any]]:
    """One row per plan and focus area: activities, budget (full) and share, in the plan's year."""
    from .coverage import focus_area_coverage

    rows = []
    for plan, plan_year in ws.plans_for_year(plans, year):
        report = focus_area_coverage(ws, plan, plan_year, "full")
        for row in report.rows:
            rows.append({"plan": plan.name, "year": plan_year, "focus_area": row["focus_area"], "kind": row["kind"],
                         "activities": row["activities"], "budget": row["budget_full"], "share": row["share"],
                         "plan_iri": plan.iri, "focus_area_iri": row["focus_area_iri"]})
    return rows


def shared_organisations(ws, plans, year: int | None = None, *, minimum: int = 2) -> list[dict[str, Any]]:
    """Organisations with an agreed role in activities of at least ``minimum`` partnerships."""
    from .network import actor_activity_graph, agreed

    seen: dict[str, dict[str, Any]] = {}
    partnerships: dict[str, set[str]] = defaultdict(set)
    plan_names: dict[str, set[str]] = defaultdict(set)
    activities: dict[str, int] = defaultdict(int)
    for plan, plan_year in ws.plans_for_year(plans, year):
        firm = agreed(actor_activity_graph(ws, plan, plan_year))
        for node, data in firm.nodes(data=True):
            if data.get("kind") != "actor" or not firm.degree(node):
                continue
            seen.setdefault(node, data)
            partnerships[node].add(plan.partnership_iri or plan.iri)
            plan_names[node].add(plan.name)
            activities[node] += firm.degree(node)
    rows = [{
        "actor": seen[a]["label"],
        "kind": seen[a].get("actor_kind"),
        "partnerships": len(partnerships[a]),
        "plans": sorted(plan_names[a], key=str.casefold),
        "activities": activities[a],
        "actor_iri": a,
    } for a in seen if len(partnerships[a]) >= minimum]
    rows.sort(key=lambda r: (-r["partnerships"], -r["activities"], r["actor"].casefold(), r["actor_iri"]))
    return rows


def portfolio_text(ws, plans, year: int | None = None, fmt: str = "table", *, organisations: bool = False) -> str:
    """Coverage across plans, then the organisations shared by partnerships, as text (for
    csv and json one list: the coverage, or with ``organisations`` the organisations)."""
    from .i18n import texts
    from .output import format_rows

    t = texts(ws.lang)
    coverage = portfolio_coverage(ws, plans, year)
    shared = shared_organisations(ws, plans, year)
    if fmt in ("csv", "json"):
        return format_rows(shared if organisations else coverage, fmt, lang=ws.lang)
    kinds = {"budget": "money", "share": "percent", "kind": "word"}
    wide = []
    areas = sorted({(r["kind"] != "focus-area", r["focus_area"]) for r in coverage})
    by_plan: dict[str, dict[str, dict]] = defaultdict(dict)
    for row in coverage:
        by_plan[row["plan"]][row["focus_area"]] = row
    for plan_name, cells in by_plan.items():
        line = {"plan": plan_name, "year": next(iter(cells.values()))["year"]}
        for _, area in areas:
            cell = cells.get(area)
            line[area] = f"{cell['activities']} · {t.money(cell['budget'])}" if cell else ""
        wide.append(line)
    parts = [t("Focus-area coverage across plans (activities · budget, each plan in its own year)") + "\n\n"
             + format_rows(wide, fmt, columns=[NC_("column", "plan"), NC_("column", "year"), *[a for _, a in areas]],
                          lang=ws.lang)]
    title = t("Organisations with activities in several partnerships")
    body = (format_rows(shared, fmt, columns=_SHARED_COLUMNS, kinds=kinds,
                        lang=ws.lang) if shared else t("(none)") + "\n")
    parts.append(title + "\n\n" + body)
    return "\n".join(parts)
