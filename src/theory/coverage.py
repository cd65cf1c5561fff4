"""Focus-area coverage: how many activities and how much money serve each focus area of a plan.

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

The cross-cutting effort (``th:CrossCuttingEffort``, "Kommunikation, dialog og
synlighed") is a row of its own, ``kind`` ``cross-cutting``: it runs across the focus
areas, so it takes no part in the split (its ``budget_split`` is empty, and the three focus
areas' figures are those of the focus areas alone).

Gaps: focus areas and results no activity of the year serves, and activities with no focus
area and the money they carry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .errors import UsageError
from .i18n import N_, NC_

__all__ = ["COUNTINGS", "CoverageReport", "focus_area_coverage", "coverage_text", "parse_years", "by_years",
           "years_text"]

COUNTINGS = (N_("full"), N_("split"))
#: kinds of row and of gap
KINDS_OF_ROW = (N_("focus-area"), N_("cross-cutting"), N_("result"), N_("money-without-focus-area"))


@dataclass
class CoverageReport:
    """One plan's rows per focus area, its gaps, the year and the year's total budget."""

    plan: Any
    year: int
    counting: str
    total_budget: int | float
    rows: list[dict[str, Any]] = field(default_factory=list)
    gaps: list[dict[str, Any]] = field(default_factory=list)


def _num(value: Decimal) -> int | float:
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(round(value, 2))


def focus_area_coverage(ws, plan, year: int, counting: str = "full") -> CoverageReport:
    """Activities and budget per focus area of ``plan`` in ``year``."""
    if counting not in COUNTINGS:
        raise UsageError(f"unknown counting {counting!r}; use full or split")
    return ws.memo(("coverage", plan.iri, year, counting, ws.lang), lambda: _coverage(ws, plan, year, counting))


def _coverage(ws, plan, year: int, counting: str) -> CoverageReport:
    from .i18n import texts

    t = texts(ws.lang)
    activities = ws.select("year-activities", plan, {"year": year})
    budget = {a["activity_iri"]: Decimal(str(a["budget"] or 0)) for a in activities}
    names = {a["activity_iri"]: a["activity"] for a in activities}
    total = sum(budget.values(), Decimal(0))

    areas: dict[str, tuple[str, bool]] = {}
    supports: dict[str, set[str]] = defaultdict(set)  # activity -> focus areas (cross-cutting too)
    for row in ws.select("activity-focus-areas", plan):
        areas[row["focus_area_iri"]] = (row["focus_area"], bool(row["cross_cutting"]))
        if row.get("activity_iri") in budget:
            supports[row["activity_iri"]].add(row["focus_area_iri"])

    count: dict[str, int] = defaultdict(int)
    full: dict[str, Decimal] = defaultdict(Decimal)
    split: dict[str, Decimal] = defaultdict(Decimal)
    for activity, fas in supports.items():
        proper = [fa for fa in fas if not areas[fa][1]]
        for fa in fas:
            count[fa] += 1
            full[fa] += budget[activity]
        for fa in proper:
            split[fa] += budget[activity] / len(proper)

    rows = []
    for fa_iri, (label, cross) in sorted(areas.items(), key=lambda item: (item[1][1], item[1][0].casefold(), item[0])):
        chosen = full[fa_iri] if counting == "full" else (None if cross else split[fa_iri])
        rows.append({
            "plan": plan.name,
            "focus_area": label,
            "kind": "cross-cutting" if cross else "focus-area",
            "activities": count[fa_iri],
            "budget_full": _num(full[fa_iri]),
            "budget_split": None if cross else _num(split[fa_iri]),
            "share": None if chosen is None else (round(float(chosen / total), 4) if total else 0.0),
            "focus_area_iri": fa_iri,
            "plan_iri": plan.iri,
        })

    gaps = []
    for row in ws.select("unserved-focus-areas-and-results", plan, {"year": year}):
        if row["kind"] == "focus-area":
            detail = t("no activity in {year} supports it", year=year)
        else:
            detail = t("no activity in {year} supports its focus area ({focus_area}) or works toward it",
                       year=year, focus_area=row["focus_area"])
        gaps.append({"plan": plan.name, "kind": row["kind"], "subject": row["subject"], "detail": detail,
                     "subject_iri": row["subject_iri"], "plan_iri": plan.iri})
    for activity in sorted(budget, key=lambda a: (names[a].casefold(), a)):
        if activity not in supports:
            gaps.append({
                "plan": plan.name,
                "kind": "money-without-focus-area",
                "subject": names[activity],
                "detail": t("{amount} in {year} attached to no focus area", amount=t.money(budget[activity]), year=year),
                "subject_iri": activity,
                "plan_iri": plan.iri,
            })
    order = {"focus-area": 0, "result": 1, "money-without-focus-area": 2}
    gaps.sort(key=lambda g: (order.get(g["kind"], 9), g["subject"].casefold(), g["subject_iri"]))
    return CoverageReport(plan=plan, year=year, counting=counting, total_budget=_num(total), rows=rows, gaps=gaps)


#: columns people read; csv and json add the IRIs
_ROW_COLUMNS = [NC_("column", "focus_area"), NC_("column", "kind"), NC_("column", "activities"),
                NC_("column", "budget_full"), NC_("column", "budget_split"), NC_("column", "share")]
_GAP_COLUMNS = [NC_("column", "kind"), NC_("column", "subject"), NC_("column", "detail")]
KINDS = {"kind": "word", "budget_full": "money", "budget_split": "money", "share": "percent"}


def coverage_text(reports: list[CoverageReport], fmt: str = "table", *, gaps_only: bool = False,
                  lang: str = "da") -> str:
    """The reports as text: per plan, the focus areas then the gaps (table, md), or one list
    (csv, json). A ``plan`` column appears when several plans are reported."""
    from .i18n import texts
    from .output import format_rows

    t = texts(lang)
    several = len({r.plan.iri for r in reports}) > 1
    lead = [NC_("column", "plan")] if several else []
    machine = fmt in ("csv", "json")
    rows_cols = lead + _ROW_COLUMNS + (["focus_area_iri", "plan_iri"] if machine else [])
    gap_cols = lead + _GAP_COLUMNS + (["subject_iri", "plan_iri"] if machine else [])
    if machine:
        chosen = [g for r in reports for g in r.gaps] if gaps_only else [row for r in reports for row in r.rows]
        return format_rows(chosen, fmt, columns=gap_cols if gaps_only else rows_cols, kinds=KINDS, lang=lang)
    parts = []
    for report in reports:
        title = f"{report.plan.name} – " if several else ""
        if gaps_only:
            parts.append(format_rows(report.gaps, fmt, columns=gap_cols, kinds=KINDS, lang=lang)
                         if report.gaps else t("(none)") + "\n")
            continue
        head = title + t("Focus areas {year} (budget {total}, share counted {counting})", year=report.year,
                         total=t.money(report.total_budget), counting=t(report.counting))
        gaps = (format_rows(report.gaps, fmt, columns=gap_cols, kinds=KINDS, lang=lang)
                if report.gaps else t("(none)") + "\n")
        parts.append(head + "\n\n" + format_rows(report.rows, fmt, columns=rows_cols, kinds=KINDS, lang=lang)
                     + "\n" + title + t("Gaps {year}", year=report.year) + "\n\n" + gaps)
    return "\n".join(parts)


def parse_years(text: str) -> list[int]:
    """``2021-2024`` (a range, also with an en dash) or ``2021,2023`` (a list) as sorted years."""
    years: set[int] = set()
    for part in str(text).replace("–", "-").split(","):
        part = part.strip()
        start, dash, end = part.partition("-")
        try:
            if dash:
                low, high = int(start), int(end)
                if low > high or high - low > 50:
                    raise ValueError
                years.update(range(low, high + 1))
            elif part:
                years.add(int(part))
        except ValueError:
            raise UsageError(f"--years {text!r}: write a range like 2021-2024 or a list like 2021,2023") from None
    if not years:
        raise UsageError(f"--years {text!r}: write a range like 2021-2024 or a list like 2021,2023")
    return sorted(years)


def by_years(reports: list[CoverageReport], measures: tuple[str, ...] = ("activities", "budget_full", "share")) -> list[dict]:
    """One plan's coverage over several years as rows with one column group per year
    (``activities_2021``, ``budget_full_2021``, ``share_2021``, …), focus areas in the order of
    the first year."""
    rows: dict[str, dict[str, Any]] = {}
    for report in reports:
        for row in report.rows:
            line = rows.setdefault(row["focus_area_iri"], {
                "plan": row["plan"], "focus_area": row["focus_area"], "kind": row["kind"],
                "focus_area_iri": row["focus_area_iri"], "plan_iri": row["plan_iri"]})
            for measure in measures:
                line[f"{measure}_{report.year}"] = row[measure]
    return list(rows.values())


def years_text(reports_per_plan: list[list[CoverageReport]], fmt: str = "table", *, lang: str = "da") -> str:
    """Focus areas year by year, per plan: a column group per year."""
    from .i18n import texts
    from .output import format_rows

    t = texts(lang)
    several = len(reports_per_plan) > 1
    parts, rows = [], []
    kinds = {"kind": "word"}
    for reports in reports_per_plan:
        years = [r.year for r in reports]
        columns = ([NC_("column", "plan")] if several else []) + [NC_("column", "focus_area"), NC_("column", "kind")]
        for year in years:
            columns += [f"activities_{year}", f"budget_full_{year}", f"share_{year}"]
            kinds.update({f"budget_full_{year}": "money", f"share_{year}": "percent"})
        plan_rows = by_years(reports)
        if fmt in ("csv", "json"):
            rows.extend(plan_rows)
            continue
        titles = {f"{m}_{y}": f"{y} {t.context('column', m)}" for y in years for m in ("activities", "budget_full", "share")}
        head = (f"{reports[0].plan.name} – " if several else "") + t("Focus areas {years} (share counted {counting})",
                                                                   years=f"{years[0]}–{years[-1]}" if len(years) > 1 else years[0],
                                                                   counting=t(reports[0].counting))
        parts.append(head + "\n\n" + format_rows(plan_rows, fmt, columns=columns, kinds=kinds, lang=lang, titles=titles))
    if fmt in ("csv", "json"):
        years = sorted({r.year for reports in reports_per_plan for r in reports})
        columns = ([NC_("column", "plan")] if several else []) + ["focus_area", "kind"]
        columns += [f"{m}_{y}" for y in years for m in ("activities", "budget_full", "share")]
        columns += ["focus_area_iri", "plan_iri"]
        return format_rows(rows, fmt, columns=columns, lang=lang)
    return "\n".join(parts)
