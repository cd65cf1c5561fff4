"""One self-contained HTML page for the steering group, that also prints well on A4.

The plan at a glance (activities, actors, budget per year as an inline SVG chart), the
focus-area coverage with its gaps, the actor load with its flags (actors without a role in
the year listed compactly in one paragraph), the budget reconciliation with the reason for
every disagreement (a misprint that two checks find keeps one number and is counted once),
the plans side by side when several are loaded, and the change-theory and actor views:
interactive on screen, and as vector pictures (:mod:`.static`, text kept as text) each on
a landscape page when printed. Every word is in the report's language (:mod:`.words`);
figures come from the analyses (:mod:`theory.coverage`, :mod:`theory.actors`,
:mod:`theory.budget`, :mod:`theory.portfolio`), each computed once.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import N_

__all__ = ["budget_chart", "report_html", "write_report", "PRINT_PICTURE", "CHECK_NAMES"]

_CHART = {"width": 560, "height": 240, "left": 100, "bottom": 30, "top": 20}
#: the box (inches) a picture fills on a landscape A4 page, under its heading
PRINT_PICTURE = (10.6, 6.8)
#: what each budget check compares, in words (English message ids)
CHECK_NAMES = {
    "rows-vs-sum": N_("The overview's rows against its stated sum"),
    "overview-vs-activity": N_("The overview against the activity's own table"),
    "lines-vs-total": N_("The activity table's lines against its total"),
    "earmark": N_("Money earmarked from another activity"),
    "co-financing": N_("Money from another funder"),
}


def budget_chart(rows: list[dict[str, Any]], lang: str = "da") -> dict[str, Any]:
    """Bars (sum of the overview table's rows per year) and ticks (the stated sums) as SVG geometry."""
    from ..i18n import texts

    money = texts(lang).money
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
            "value": money(value), "stated": money(stated) if stated is not None else None,
            "stated_y": round(_CHART["top"] + plot_h - plot_h * float(stated) / top, 1) if stated is not None else None,
            "differs": stated is not None and float(stated) != value,
        })
    ticks = [{"y": round(_CHART["top"] + plot_h - plot_h * f, 1), "label": money(top * f)} for f in (0, 0.5, 1)]
    return {**_CHART, "bars": bars, "ticks": ticks, "base": _CHART["top"] + plot_h}


def _inline_svg(data: bytes) -> str:
    """An SVG image's text without its XML prologue, to sit inside the page."""
    text = data.decode("utf-8")
    return text[text.index("<svg"):]


def _load_rows(load: list[dict[str, Any]], t) -> tuple[list[dict[str, Any]], list[str]]:
    """(actors with a role in the year, names of those without one)."""
    from .words import flag_words

    busy, idle = [], []
    for row in load:
        if row["lead"] or row["partner"] or row.get("prospective"):
            busy.append({**row, "flag_texts": [flag_words(f, t) for f in row["flags"]]})
        else:
            idle.append(row["actor"])
    return busy, sorted(idle, key=str.casefold)


def _findings(audit, t) -> list[dict[str, Any]]:
    rows = []
    for row in audit.rows:
        shared = row["severity"] == "mismatch" and sum(1 for r in audit.mismatches if r["finding"] == row["finding"]) > 1
        rows.append({**row, "check_name": t(CHECK_NAMES.get(row["check"], row["check"])), "shared": shared,
                     "sources": [s.strip() for s in re.split(r"\s\|\s", row.get("source") or "") if s.strip()]})
    return rows


def _portfolio(ws, plan) -> dict[str, Any] | None:
    """Coverage side by side and the organisations the loaded plans share (None for one plan)."""
    if len(ws.plans) < 2:
        return None
    from ..portfolio import portfolio_coverage, shared_organisations

    coverage = portfolio_coverage(ws, ws.plans)
    areas = sorted({(r["kind"] != "focus-area", r["focus_area"]) for r in coverage}, key=lambda a: (a[0], a[1].casefold()))
    plans: dict[str, dict[str, Any]] = {}
    for row in coverage:
        entry = plans.setdefault(row["plan_iri"], {"plan": row["plan"], "year": row["year"], "cells": {},
                                                   "this": row["plan_iri"] == plan.iri})
        entry["cells"][row["focus_area"]] = row
    return {"areas": [a for _, a in areas], "plans": list(plans.values()),
            "shared": shared_organisations(ws, ws.plans), "count": len(ws.plans)}


def report_html(ws, plan, year: int) -> str:
    """The steering-group report on ``plan`` in ``year`` as HTML text (each figure computed once)."""
    from markupsafe import Markup

    from ..actors import actor_load, single_actor_activities
    from ..budget import audit_budget
    from ..coverage import focus_area_coverage
    from .actors import actors_picture
    from .changetheory import layered_picture
    from .facts import gather
    from .page import assets, environment
    from .static import static_image
    from ..i18n import texts

    lang = ws.lang
    t = texts(lang)
    facts = gather(ws, plan, year)
    theory = layered_picture(facts)
    actors = actors_picture(ws, plan, year)
    coverage = focus_area_coverage(ws, plan, year, "full")
    busy, idle = _load_rows(actor_load(ws, plan, year), t)
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
        "disagreements": audit.disagreements,
    }
    printed = {name: Markup(_inline_svg(static_image(picture, "svg", size=PRINT_PICTURE, titled=False)))
               for name, picture in (("changetheory", theory), ("actors", actors))}
    template = environment().get_template("report.html")
    return template.render(
        lang=lang, t=t, plural=t.plural, plan=plan, year=year, glance=glance, chart=budget_chart(budget_rows, lang),
        coverage=coverage, busy=busy, idle=idle, single=single, audit=audit, findings=_findings(audit, t),
        portfolio=_portfolio(ws, plan), theory=theory, actors=actors, printed=printed,
        **assets([theory, actors]),
    )


def write_report(ws, plan, year: int, path) -> None:
    """Write the report to ``path`` (UTF-8; the file appears whole or not at all)."""
    from pathlib import Path

    from ..errors import UsageError
    from ..output import write_file

    if Path(path).suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"{path}: the report is an HTML page; end the file name in .html")
    write_file(Path(path), report_html(ws, plan, year))
