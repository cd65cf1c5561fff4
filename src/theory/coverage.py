"""Focus-area coverage: how many activities and how much money serve each focus area.

An activity's budget for a year is its row in the plan's overview table
(``th:table th:OverviewTable``, ``th:budgetLine th:Total``). The year's budget is the sum
of those rows. Per focus area:

``budget_full``
    every supporting activity counted in full (an activity with three focus areas
    counts fully in all three, so these add up to more than the year's budget);
``budget_split``
    each activity's budget divided equally among the focus areas it supports (these
    add up to the year's budget minus the money attached to no focus area);
``share``
    ``budget_full`` or ``budget_split`` (as ``counting`` says) over the year's budget.

Gaps: focus areas and results no activity of the year serves, activities with no focus
area, and the money those carry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import UsageError
from .queries import resolve_year, select_rows

__all__ = ["COUNTINGS", "CoverageReport", "focus_area_coverage"]

COUNTINGS = ("full", "split")


@dataclass
class CoverageReport:
    """Rows per focus area, the gaps, the year and the year's total budget."""

    year: int
    counting: str
    total_budget: int | float
    rows: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)


def _num(value: Decimal) -> int | float:
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return float(round(value, 2))


def _fmt(value: Decimal) -> str:
    return f"{_num(value):,}".replace(",", ".")


def focus_area_coverage(graph, year: int | None = None, counting: str = "full", lang: str = "da") -> CoverageReport:
    """Activities and budget per focus area in ``year`` (default: the plan's own year)."""
    if counting not in COUNTINGS:
        raise UsageError(f"unknown counting {counting!r}; use full or split")
    year = resolve_year(graph, year)
    params = {"year": year, "lang": lang}
    activities = select_rows(graph, "year-activities", params)
    budget = {a["activity_iri"]: Decimal(str(a["budget"] or 0)) for a in activities}
    names = {a["activity_iri"]: a["activity"] for a in activities}
    total = sum(budget.values(), Decimal(0))

    areas: dict[str, str] = {}
    supports: dict[str, set[str]] = defaultdict(set)  # activity -> focus areas
    for row in select_rows(graph, "activity-focus-areas", {"lang": lang}):
        areas[row["focus_area_iri"]] = row["focus_area"]
        if row["activity_iri"] in budget:
            supports[row["activity_iri"]].add(row["focus_area_iri"])

    count: dict[str, int] = defaultdict(int)
    full: dict[str, Decimal] = defaultdict(Decimal)
    split: dict[str, Decimal] = defaultdict(Decimal)
    for activity, fas in supports.items():
        for fa in fas:
            count[fa] += 1
            full[fa] += budget[activity]
            split[fa] += budget[activity] / len(fas)

    rows = []
    for fa_iri, label in sorted(areas.items(), key=lambda item: (item[1].casefold(), item[0])):
        chosen = full[fa_iri] if counting == "full" else split[fa_iri]
        rows.append({
            "focus_area": label,
            "activities": count[fa_iri],
            "budget_full": _num(full[fa_iri]),
            "budget_split": _num(split[fa_iri]),
            "share": round(float(chosen / total), 4) if total else 0.0,
            "focus_area_iri": fa_iri,
        })

    gaps = []
    for row in select_rows(graph, "unserved-focus-areas-and-results", params):
        detail = f"no activity in {year} supports it" if row["kind"] == "focus-area" else (
            f"no activity in {year} supports its focus area ({row['focus_area']}) or works toward it"
        )
        gaps.append({"kind": row["kind"], "subject": row["subject"], "subject_iri": row["subject_iri"], "detail": detail})
    for activity in sorted(budget, key=lambda a: (names[a].casefold(), a)):
        if activity not in supports:
            gaps.append({
                "kind": "money-without-focus-area",
                "subject": names[activity],
                "subject_iri": activity,
                "detail": f"{_fmt(budget[activity])} kr. in {year} attached to no focus area",
            })
    order = {"focus-area": 0, "result": 1, "money-without-focus-area": 2}
    gaps.sort(key=lambda g: (order.get(g["kind"], 9), g["subject"].casefold(), g["subject_iri"]))
    return CoverageReport(year=year, counting=counting, total_budget=_num(total), rows=rows, gaps=gaps)


#: columns people read; csv and json add the IRIs
_ROW_COLUMNS = ["focus_area", "activities", "budget_full", "budget_split", "share"]
_GAP_COLUMNS = ["kind", "subject", "detail"]


def coverage_text(report: CoverageReport, fmt: str = "table", *, gaps_only: bool = False) -> str:
    """The report as text: the focus areas then the gaps (table, md), or one list (csv, json)."""
    from .output import format_rows

    machine = fmt in ("csv", "json")
    rows_cols = _ROW_COLUMNS + (["focus_area_iri"] if machine else [])
    gap_cols = _GAP_COLUMNS + (["subject_iri"] if machine else [])
    if gaps_only:
        return format_rows(report.gaps, fmt, columns=gap_cols)
    if machine:
        return format_rows(report.rows, fmt, columns=rows_cols)
    total = f"{report.total_budget:,}".replace(",", ".")
    head = f"Focus areas {report.year} (budget {total} kr., share counted {report.counting})\n\n"
    gaps = format_rows(report.gaps, fmt, columns=gap_cols) if report.gaps else "(none)\n"
    return head + format_rows(report.rows, fmt, columns=rows_cols) + f"\nGaps {report.year}\n\n" + gaps
