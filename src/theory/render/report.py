"""One self-contained HTML page for the steering group.

The plan at a glance (activities, actors, budget per year as an inline SVG chart), the
focus-area coverage with its gaps, the actor-load table with its flags, the budget
reconciliation findings and the interactive change-theory and actor views, from the
questions API (:mod:`theory.coverage`, :mod:`theory.actors`, :mod:`theory.budget`) and
the views (:mod:`theory.render`). Print CSS makes it read well printed to PDF.
"""

from __future__ import annotations

from typing import Any


__all__ = ["budget_chart", "report_html", "write_report"]

_CHART = {"width": 560, "height": 240, "left": 90, "bottom": 30, "top": 20}


def budget_chart(rows: list[dict[str, Any]], lang: str = "da") -> dict[str, Any]:
    """Bars (sum of the overview table's rows per year) and ticks (the stated sums) as SVG geometry."""
    from .picture import money

    years = sorted((r for r in rows if r.get("year") is not None), key=lambda r: r["year"])
    top = max([float(r.get("rows") or 0) for r in years] + [float(r.get("stated") or 0) for r in years] + [1])
    plot_h = _CHART["height"] - _CHART["bottom"] - _CHART["top"]
    slot = (_CHART["width"] - _CHART["left"]) / max(len(years), 1)
    bars = []
    for i, row in enumerate(years):
        value = float(row.get("rows") or 0)
        height = round(plot_h * value / top, 1)
        x = round(_CHART["left"] + i * slot + slot * 0.2, 1)
        stated = row.get("stated")
        bars.append({
            "year": row["year"], "x": x, "width": round(slot * 0.6, 1),
            "y": round(_CHART["top"] + plot_h - height, 1), "height": height,
            "value": money(value, lang), "stated": money(stated, lang) if stated is not None else None,
            "stated_y": round(_CHART["top"] + plot_h - plot_h * float(stated) / top, 1) if stated is not None else None,
            "differs": stated is not None and float(stated) != value,
        })
    ticks = [{"y": round(_CHART["top"] + plot_h - plot_h * f, 1), "label": money(top * f, lang)} for f in (0, 0.5, 1)]
    return {**_CHART, "bars": bars, "ticks": ticks, "base": _CHART["top"] + plot_h}


def report_html(ws, plan, year: int) -> str:
    """The steering-group report on ``plan`` in ``year`` as HTML text (each figure computed once)."""
    from ..actors import actor_load, single_actor_activities
    from ..budget import audit_budget
    from ..coverage import focus_area_coverage
    from .actors import actors_picture
    from .changetheory import layered_picture
    from .facts import gather
    from .page import assets, environment

    lang = ws.lang
    facts = gather(ws, plan, year)
    theory = layered_picture(facts)
    actors = actors_picture(ws, plan, year)
    coverage = focus_area_coverage(ws, plan, year, "full")
    load = actor_load(ws, plan, year)
    single = single_actor_activities(ws, plan, year)
    audit = audit_budget(ws, plan)
    budget_rows = ws.select("budget-per-year", plan, audience="views")
    involved = {a for a, d in facts.net.nodes(data=True) if d.get("kind") == "actor" and facts.net.degree(a) > 0}
    glance = {
        "activities": len(facts.budget),
        "actors": len(involved),
        "actors_all": sum(1 for _, d in facts.net.nodes(data=True) if d.get("kind") == "actor"),
        "budget": sum(facts.budget.values()),
        "focus_areas": sum(1 for n in facts.nodes.values() if n["kind"] == "focus-area"),
        "results": sum(1 for n in facts.nodes.values() if n["kind"] == "result"),
        "findings": audit.disagreements,
    }
    template = environment().get_template("report.html")
    return template.render(
        lang=lang, year=year, glance=glance, chart=budget_chart(budget_rows, lang),
        budget_rows=budget_rows, coverage=coverage, load=load, single=single, findings=audit.rows,
        theory=theory, actors=actors, **assets([theory, actors]),
    )


def write_report(ws, plan, year: int, path) -> None:
    """Write the report to ``path`` (UTF-8; the file appears whole or not at all)."""
    from pathlib import Path

    from ..errors import UsageError
    from ..output import write_file

    if Path(path).suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{path}: the report is an HTML page; end the file name in .html")
    write_file(Path(path), report_html(ws, plan, year))
