"""What is loaded: per plan, its years, activities, focus areas, actors, amounts and triples.

>>> for row in info_rows(Workspace.open()):
...     print(row["item"], row["count"], row["detail"])
"""

from __future__ import annotations

from .i18n import NC_

__all__ = ["INFO_COLUMNS", "PLANS_COLUMNS", "info_rows", "plans_rows"]

INFO_COLUMNS = [NC_("column", "item"), NC_("column", "count"), NC_("column", "detail")]
PLANS_COLUMNS = [NC_("column", "plan"), NC_("column", "partnership"), NC_("column", "year"), NC_("column", "years"),
                 NC_("column", "activities"), NC_("column", "budget"), NC_("column", "graph")]


def plan_counts(ws, plan) -> dict:
    """Counts of one plan (remembered): activities, numbered, focus areas, actors, kinds, amounts, triples."""
    return ws.memo(("plan-counts", plan.iri, ws.lang), lambda: ws.select("plan-counts", plan, audience="views")[0])


def info_rows(ws, plans=None) -> list[dict]:
    """Rows ``item``, ``count``, ``detail`` describing what the workspace holds (or ``plans``)."""
    from .i18n import texts

    t = texts(ws.lang)
    plans = list(plans if plans is not None else ws.plans)
    no_year = t("no year")
    rows = [{"item": t("plans"), "count": len(plans),
             "detail": "; ".join(f"{p.label} ({p.year or no_year})" for p in plans)}]
    years = sorted({y for p in plans for y in p.years})
    rows.append({"item": t("years"), "count": len(years), "detail": ", ".join(map(str, years))})
    counts = [plan_counts(ws, p) for p in plans]
    activities = sum(c["activities"] for c in counts)
    numbered = sum(c["numbered"] for c in counts)
    areas = [ws.select("activity-focus-areas", p) for p in plans]
    area_names = sorted({r["focus_area"] for rows in areas for r in rows}, key=str.casefold)
    rows += [
        {"item": t("activities"), "count": activities, "detail": t("{n} numbered", n=numbered)},
        {"item": t("focus areas"), "count": sum(c["focus_areas"] for c in counts), "detail": "; ".join(area_names)},
        {"item": t("actors"), "count": sum(c["actors"] for c in counts),
         "detail": t("{n} kinds", n=max((c["kinds"] for c in counts), default=0))},
        {"item": t("budget amounts"), "count": sum(c["amounts"] for c in counts), "detail": ""},
        {"item": t("triples"), "count": sum(c["triples"] for c in counts), "detail": t("ontology, registry and data")},
    ]
    return rows


def plans_rows(ws) -> list[dict]:
    """One row per loaded plan: plan, partnership, plan year, years covered, activities,
    budget of the plan year, graph IRI."""
    from .workspace import year_span

    rows = []
    for plan in ws.plans:
        year_rows = ws.select("year-activities", plan, {"year": plan.year}) if plan.year else []
        rows.append({
            "plan": plan.label,
            "partnership": plan.partnership,
            "year": plan.year,
            "years": year_span(plan.years),
            "activities": len(year_rows),
            "budget": sum(r["budget"] or 0 for r in year_rows),
            "graph": plan.graph or "(default graph)",
            "plan_iri": plan.iri,
        })
    return rows
