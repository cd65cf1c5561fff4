"""Budget reconciliation: does the plan's own arithmetic add up?

:func:`audit_budget` compares the figures the plan states in different places, exactly as
curated in the graph (nothing is corrected first):

``rows-vs-sum``
    the overview table's rows of a year against its stated "Sum (kr.)" (and any other
    stated yearly sum);
``overview-vs-activity``
    an activity's row in the overview table against the "I alt" of its own table;
``lines-vs-total``
    the lines of an activity's own table against its "I alt";
``earmark``
    an overview row that differs from the activity's own table by exactly an amount
    earmarked to it from another activity: the money is counted under the giving
    activity in the overview and under the receiving one in its own table;
``co-financing``
    co-financing from another funder that an activity table counts in its "I alt".

Every mismatch is one row: ``year``, ``subject``, ``check``, ``stated`` (the figure the
plan states as the total), ``computed`` (what the other place gives), ``difference``
(computed − stated), ``source`` (both places: section and quoted line), ``note``
(a likely misprint, the curator's note) and ``subject_iri``. A plan that adds up gives
an empty list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from .queries import select_rows

__all__ = ["CHECKS", "audit_budget"]

CHECKS = ("rows-vs-sum", "overview-vs-activity", "lines-vs-total", "earmark", "co-financing")

_TH = "https://w3id.org/theory/ontology#"
_OVERVIEW, _ACTIVITY = _TH + "OverviewTable", _TH + "ActivityTable"
_TOTAL = _TH + "Total"
_ODD = re.compile(r"^\d{1,3}\.\d{2}$")  # "188.00" in a column of thousands


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _cite(row: dict) -> str:
    place = row.get("source") or row.get("amount_iri") or row.get("sum_iri") or row.get("iri") or "?"
    quote = row.get("quote")
    return f"{place}: “{quote}”" if quote else place


def _misprints(amounts: list[dict], stated: Decimal, computed: Decimal, stated_side: list[dict]) -> list[str]:
    """Notes for amounts printed like "188.00" whose ×1000 makes the check balance."""
    notes = []
    for amount in amounts:
        lexical = str(amount.get("lexical") or "")
        if not _ODD.match(lexical):
            continue
        value = _dec(amount["value"])
        fixed = value * 1000 - value
        on_stated_side = amount in stated_side
        balanced = (stated + fixed == computed) if on_stated_side else (computed + fixed == stated)
        if balanced:
            notes.append(f"likely misprint: {lexical} printed for {_num(value * 1000):,}".replace(",", "."))
        if amount.get("note"):
            notes.append(str(amount["note"]))
    return notes


def _unique(rows: list[dict], key: str) -> list[dict]:
    seen: set = set()
    out = []
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            out.append(row)
    return out


def _row(year, subject, subject_iri, check, stated, computed, sources, notes) -> dict[str, Any]:
    difference = (computed if computed is not None else Decimal(0)) - (stated if stated is not None else Decimal(0))
    return {
        "year": year,
        "subject": subject,
        "check": check,
        "stated": _num(stated),
        "computed": _num(computed),
        "difference": _num(difference),
        "source": " | ".join(sources),
        "note": "; ".join(dict.fromkeys(n for n in notes if n)),
        "subject_iri": subject_iri,
    }


def audit_budget(graph, year: int | None = None, *, lang: str = "da") -> list[dict[str, Any]]:
    """Every place the plan's figures disagree (all years, or only ``year``); labels in ``lang``.

    Sorted by year, then check (in the order of :data:`CHECKS`), then subject.
    """
    # one row per amount even if a cited section carries two labels
    amounts = _unique(select_rows(graph, "budget-amounts", {"lang": lang}), "amount_iri")
    sums = _unique(select_rows(graph, "stated-sums"), "sum_iri")
    extras = _unique(select_rows(graph, "earmarks-and-cofinancing", {"lang": lang}), "iri")
    if year is not None:
        amounts = [a for a in amounts if a["year"] == int(year)]
        sums = [s for s in sums if s["year"] == int(year)]
        extras = [e for e in extras if e["year"] == int(year)]

    overview: dict[tuple[str, int], list[dict]] = defaultdict(list)
    totals: dict[tuple[str, int], list[dict]] = defaultdict(list)
    lines: dict[tuple[str, int], list[dict]] = defaultdict(list)
    has_table: set[str] = set()
    labels: dict[str, str] = {}
    for amount in amounts:
        key = (amount["activity_iri"], amount["year"])
        labels[amount["activity_iri"]] = amount["activity"]
        if amount["table_iri"] == _OVERVIEW and amount["line_iri"] == _TOTAL:
            overview[key].append(amount)
        elif amount["table_iri"] == _ACTIVITY:
            has_table.add(amount["activity_iri"])
            (totals if amount["line_iri"] == _TOTAL else lines)[key].append(amount)

    def total(rows: list[dict]) -> Decimal | None:
        return sum((_dec(r["value"]) for r in rows), Decimal(0)) if rows else None

    findings: list[dict[str, Any]] = []

    # rows-vs-sum: the overview rows of a year against each stated yearly sum
    by_year: dict[int, list[dict]] = defaultdict(list)
    for (_, y), rows in overview.items():
        by_year[y].extend(rows)
    for stated_sum in sums:
        y = stated_sum["year"]
        stated = _dec(stated_sum["value"])
        rows = by_year.get(y, [])
        computed = total(rows) or Decimal(0)
        if stated != computed:
            notes = _misprints(rows, stated, computed, [])
            if _ODD.match(str(stated_sum.get("lexical") or "")):
                notes.append(f"the stated sum is printed as {stated_sum['lexical']}")
            findings.append(_row(
                y, stated_sum.get("label") or f"Sum {y}", stated_sum["sum_iri"], "rows-vs-sum", stated, computed,
                [_cite(stated_sum), f"{len(rows)} rows of the overview table for {y}"], notes,
            ))

    # earmarks: the receiving activity's tables may differ by exactly the earmark
    earmarked: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for extra in extras:
        if extra["kind"] == "earmark" and extra.get("activity_iri"):
            earmarked[(extra["activity_iri"], extra["year"])].append(extra)

    # overview-vs-activity
    keys = sorted(set(overview) | set(totals), key=lambda k: (k[1], k[0]))
    for key in keys:
        activity_iri, y = key
        if activity_iri not in has_table:
            continue  # the plan gives this activity no table of its own (e.g. earlier activities)
        stated, computed = total(overview.get(key, [])), total(totals.get(key, []))
        if stated == computed:
            continue
        label = labels[activity_iri]
        sources = [_cite(r) for r in overview.get(key, [])] or ["budgetoversigten: no row for this year"]
        sources += [_cite(r) for r in totals.get(key, [])] or [f"{label}, own table: no figure for {y}"]
        marks = [e for e in earmarked.get(key, []) if computed is not None and stated is not None
                 and computed - stated == _dec(e["value"])]
        if marks:
            mark = marks[0]
            giver = mark.get("from_activity") or "another activity"
            note = (
                f"{_num(_dec(mark['value'])):,}".replace(",", ".")
                + f" kr. earmarked from {giver}: counted in {giver}'s overview row, "
                f"and in {label}'s own table"
            )
            findings.append(_row(y, label, activity_iri, "earmark", stated, computed, sources + [_cite(mark)], [note]))
            continue
        notes = _misprints(overview.get(key, []) + totals.get(key, []), stated or Decimal(0),
                           computed or Decimal(0), overview.get(key, []))
        if computed is None:
            notes.append(f"the activity's own table has no figure for {y}")
        if stated is None:
            notes.append(f"the overview table has no figure for {y}")
        findings.append(_row(y, label, activity_iri, "overview-vs-activity", stated, computed, sources, notes))

    # co-financing from other funders, per activity table and year
    cofinanced: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for extra in extras:
        if extra["kind"] == "co-financing" and extra.get("activity_iri"):
            cofinanced[(extra["activity_iri"], extra["year"])].append(extra)

    # lines-vs-total (or co-financing, when co-financing explains the difference)
    for key in sorted(set(totals) & set(lines), key=lambda k: (k[1], k[0])):
        activity_iri, y = key
        stated, computed = total(totals[key]), total(lines[key])
        if stated == computed:
            continue
        label = labels[activity_iri]
        sources = [_cite(r) for r in totals[key]] + [f"{len(lines[key])} line{'s' if len(lines[key]) != 1 else ''} of {label}'s own table"]
        funds = [c for c in cofinanced.get(key, []) if computed + _dec(c["value"]) == stated]
        if funds:
            fund = funds[0]
            findings.append(_row(
                y, label, activity_iri, "co-financing", stated, computed, sources + [_cite(fund)],
                [f"co-financing of {_num(_dec(fund['value'])):,}".replace(",", ".")
                 + " kr. from another funder is counted in the activity's I alt"],
            ))
            continue
        notes = _misprints(totals[key] + lines[key], stated, computed, totals[key])
        findings.append(_row(y, label, activity_iri, "lines-vs-total", stated, computed, sources, notes))

    order = {name: i for i, name in enumerate(CHECKS)}
    findings.sort(key=lambda r: (r["year"], order[r["check"]], r["subject"], r["subject_iri"]))
    return findings


_COLUMNS = ["year", "subject", "check", "stated", "computed", "difference", "source", "note"]


def audit_text(findings: list[dict[str, Any]], fmt: str = "table") -> str:
    """The findings as text; for people, a plan that adds up says so in one line."""
    from .output import format_rows

    if not findings and fmt == "table":
        return "The plan's figures add up: no mismatches.\n"
    columns = _COLUMNS + (["subject_iri"] if fmt in ("csv", "json") else [])
    return format_rows(findings, fmt, columns=columns)
