"""Budget reconciliation: does one plan's own arithmetic add up?

:func:`audit_budget` compares the figures the plan states in different places, exactly as
curated in the graph (nothing is corrected first):

``rows-vs-sum``
    the overview table's rows of a year against its stated "Sum (kr.)";
``overview-vs-activity``
    an activity's row in the overview table against the "I alt" of its own table;
``lines-vs-total``
    the lines of an activity's own table against its "I alt";
``earmark``
    an overview row that differs from the activity's own table by exactly an amount
    earmarked to it from another activity: the money is counted under the giving
    activity in the overview and under the receiving one in its own table;
``co-financing``
    money from another funder: counted in an activity table's "I alt" (a mismatch of
    the lines), or outside it (an information row, so the activity's whole money is
    visible; it is never part of the partnership's totals).

Every row: ``year``, ``subject``, ``check``, ``severity`` (``mismatch`` or ``info``),
``stated`` (the figure the plan states as the total), ``computed`` (what the other place
gives), ``difference`` (computed − stated), ``source`` (both places: section and quoted
line), ``note`` (a likely misprint, the curator's note), ``finding`` (rows that show the
same disagreement share a number: a misprinted "I alt" is found by two checks, and is
one disagreement) and ``subject_iri``. A plan that adds up gives no mismatch row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .i18n import N_, NC_
from .namespaces import TH

__all__ = ["CHECKS", "BudgetAudit", "audit_budget", "audit_text"]

CHECKS = (N_("rows-vs-sum"), N_("overview-vs-activity"), N_("lines-vs-total"), N_("earmark"), N_("co-financing"))
#: a row is a disagreement of the plan's figures, or information beside them
SEVERITIES = (N_("mismatch"), N_("info"))

_OVERVIEW, _ACTIVITY, _TOTAL = str(TH.OverviewTable), str(TH.ActivityTable), str(TH.Total)
_ODD = re.compile(r"^\d{1,3}\.\d{2}$")  # "188.00" in a column of thousands


@dataclass
class BudgetAudit:
    """The rows of one plan's audit, and how many distinct disagreements they show."""

    plan: Any
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def mismatches(self) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["severity"] == "mismatch"]

    @property
    def disagreements(self) -> int:
        """Distinct disagreements: rows that show the same misprint count once."""
        return len({r["finding"] for r in self.mismatches})


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


def _unique(rows: list[dict], key: str) -> list[dict]:
    seen: set = set()
    out = []
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            out.append(row)
    return out


class _Audit:
    """Collects rows; notes in the language of ``t``."""

    def __init__(self, plan, t):
        self.plan, self.t = plan, t
        self.rows: list[dict[str, Any]] = []

    def misprints(self, amounts: list[dict], stated: Decimal, computed: Decimal,
                  stated_side: list[dict]) -> tuple[list[str], set[str]]:
        """Notes for amounts printed like "188.00" whose ×1000 makes the check balance."""
        notes, found = [], set()
        for amount in amounts:
            lexical = str(amount.get("lexical") or "")
            if not _ODD.match(lexical):
                continue
            value = _dec(amount["value"])
            fixed = value * 1000 - value
            balanced = (stated + fixed == computed) if amount in stated_side else (computed + fixed == stated)
            if balanced:
                notes.append(self.t("likely misprint: {printed} printed for {meant}", printed=lexical,
                                    meant=self.t.number(value * 1000)))
                found.add(amount["amount_iri"])
            if amount.get("note"):
                notes.append(str(amount["note"]))
        return notes, found

    def add(self, year, subject, subject_iri, check, stated, computed, sources, notes, *,
            severity="mismatch", misprinted=frozenset()):
        difference = (computed if computed is not None else Decimal(0)) - (stated if stated is not None else Decimal(0))
        self.rows.append({
            "plan": self.plan.name,
            "year": year,
            "subject": subject,
            "check": check,
            "severity": severity,
            "stated": _num(stated),
            "computed": _num(computed),
            "difference": _num(difference),
            "source": " | ".join(sources),
            "note": "; ".join(dict.fromkeys(n for n in notes if n)),
            "subject_iri": subject_iri,
            "plan_iri": self.plan.iri,
            "_misprinted": frozenset(misprinted),
        })

    def number_findings(self) -> None:
        """Give rows that show the same misprint one finding number, and say so in their notes."""
        order = {name: i for i, name in enumerate(CHECKS)}
        self.rows.sort(key=lambda r: (r["year"], r["severity"] != "mismatch", order[r["check"]],
                                      r["subject"], r["subject_iri"]))
        finding = 0
        owner: dict[str, int] = {}
        for row in self.rows:
            shared = [owner[a] for a in row["_misprinted"] if a in owner]
            if row["severity"] == "mismatch" and shared:
                row["finding"] = shared[0]
                first = next(r for r in self.rows if r.get("finding") == shared[0])
                row["note"] = "; ".join(n for n in (row["note"], self.t(
                    "the same misprint as the {check} row above: one disagreement", check=self.t(first["check"]))) if n)
            elif row["severity"] == "mismatch":
                finding += 1
                row["finding"] = finding
            else:
                row["finding"] = None
            for amount in row["_misprinted"]:
                owner.setdefault(amount, row["finding"])
        for row in self.rows:
            del row["_misprinted"]


def audit_budget(ws, plan, year: int | None = None) -> BudgetAudit:
    """Every place ``plan``'s figures disagree (all years, or only ``year``), and the money
    from other funders beside its tables."""
    return ws.memo(("budget-audit", plan.iri, year, ws.lang), lambda: _audit_budget(ws, plan, year))


def _audit_budget(ws, plan, year):
    from .i18n import texts

    t = texts(ws.lang)
    audit = _Audit(plan, t)
    amounts = _unique(ws.select("budget-amounts", plan), "amount_iri")
    sums = _unique(ws.select("stated-sums", plan), "sum_iri")
    extras = _unique(ws.select("earmarks-and-cofinancing", plan), "iri")
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
            notes, misprinted = audit.misprints(rows, stated, computed, [])
            if _ODD.match(str(stated_sum.get("lexical") or "")):
                notes.append(t("the stated sum is printed as {printed}", printed=stated_sum["lexical"]))
            audit.add(y, stated_sum.get("label") or t("Sum {year}", year=y), stated_sum["sum_iri"], "rows-vs-sum",
                      stated, computed, [_cite(stated_sum), t("{n} rows of the overview table for {year}", n=len(rows), year=y)],
                      notes, misprinted=misprinted)

    earmarked: dict[tuple[str, int], list[dict]] = defaultdict(list)
    cofinanced: dict[tuple[str, int], list[dict]] = defaultdict(list)
    for extra in extras:
        if extra.get("activity_iri"):
            target = earmarked if extra["kind"] == "earmark" else cofinanced
            target[(extra["activity_iri"], extra["year"])].append(extra)

    # overview-vs-activity (or earmark, when an earmark explains the difference)
    for key in sorted(set(overview) | set(totals), key=lambda k: (k[1], k[0])):
        activity_iri, y = key
        if activity_iri not in has_table:
            continue  # the plan gives this activity no table of its own (e.g. earlier activities)
        stated, computed = total(overview.get(key, [])), total(totals.get(key, []))
        if stated == computed:
            continue
        label = labels[activity_iri]
        sources = [_cite(r) for r in overview.get(key, [])] or [t("overview table: no row for this year")]
        sources += [_cite(r) for r in totals.get(key, [])] or [t("{activity}, own table: no figure for {year}", activity=label, year=y)]
        marks = [e for e in earmarked.get(key, []) if computed is not None and stated is not None
                 and computed - stated == _dec(e["value"])]
        if marks:
            mark = marks[0]
            giver = mark.get("from_activity") or t("another activity")
            note = t("{amount} earmarked from {giver}: counted in the overview row of {giver}, and in the table of {activity}",
                     amount=t.money(_dec(mark["value"])), giver=giver, activity=label)
            audit.add(y, label, activity_iri, "earmark", stated, computed, sources + [_cite(mark)], [note])
            continue
        notes, misprinted = audit.misprints(overview.get(key, []) + totals.get(key, []), stated or Decimal(0),
                                            computed or Decimal(0), overview.get(key, []))
        if computed is None:
            notes.append(t("the activity's own table has no figure for {year}", year=y))
        if stated is None:
            notes.append(t("the overview table has no figure for {year}", year=y))
        audit.add(y, label, activity_iri, "overview-vs-activity", stated, computed, sources, notes, misprinted=misprinted)

    # lines-vs-total (or co-financing, when co-financing counted in "I alt" explains the difference)
    explained: set[str] = set()
    for key in sorted(set(totals) & set(lines), key=lambda k: (k[1], k[0])):
        activity_iri, y = key
        stated, computed = total(totals[key]), total(lines[key])
        if stated == computed:
            continue
        label = labels[activity_iri]
        count = len(lines[key])
        sources = [_cite(r) for r in totals[key]] + [t.plural("{activity}: {n} line of its own table",
                                                              "{activity}: {n} lines of its own table", count, activity=label)]
        funds = [c for c in cofinanced.get(key, []) if computed + _dec(c["value"]) == stated]
        if funds:
            fund = funds[0]
            explained.add(fund["iri"])
            audit.add(y, label, activity_iri, "co-financing", stated, computed, sources + [_cite(fund)],
                      [t("co-financing of {amount} from another funder is counted in the activity's I alt",
                         amount=t.money(_dec(fund["value"])))])
            continue
        notes, misprinted = audit.misprints(totals[key] + lines[key], stated, computed, totals[key])
        audit.add(y, label, activity_iri, "lines-vs-total", stated, computed, sources, notes, misprinted=misprinted)

    # co-financing outside the tables' "I alt": shown, so the activity's whole money is visible
    for key, funds in sorted(cofinanced.items(), key=lambda item: (item[0][1], item[0][0])):
        activity_iri, y = key
        for fund in funds:
            if fund["iri"] in explained:
                continue
            own = total(totals.get(key, []))
            funder = fund.get("funder") or t("another funder")
            label = labels.get(activity_iri) or fund.get("activity") or activity_iri
            sources = [_cite(r) for r in totals.get(key, [])] + [_cite(fund)]
            note = t("{amount} from {funder} beside the plan's figures (not counted in the partnership's totals)",
                     amount=t.money(_dec(fund["value"])), funder=funder)
            audit.add(y, label, activity_iri, "co-financing", own,
                      (own or Decimal(0)) + _dec(fund["value"]), sources, [note, fund.get("note") or ""],
                      severity="info")

    audit.number_findings()
    return BudgetAudit(plan, audit.rows)


_COLUMNS = [NC_("column", "year"), NC_("column", "subject"), NC_("column", "check"), NC_("column", "severity"),
            NC_("column", "stated"), NC_("column", "computed"), NC_("column", "difference"),
            NC_("column", "source"), NC_("column", "note")]
KINDS = {"check": "word", "severity": "word", "stated": "money", "computed": "money", "difference": "money"}


def audit_text(audits: list[BudgetAudit], fmt: str = "table", *, lang: str = "da") -> str:
    """The audits as text; for people, a plan that adds up says so in one line."""
    from .i18n import texts
    from .output import format_rows

    t = texts(lang)
    several = len(audits) > 1
    columns = (["plan"] if several else []) + _COLUMNS
    if fmt in ("csv", "json"):
        return format_rows([r for a in audits for r in a.rows], fmt,
                           columns=columns + ["finding", "subject_iri", "plan_iri"], lang=lang)
    parts = []
    for audit in audits:
        title = f"{audit.plan.name}: " if several else ""
        if not audit.mismatches:
            verdict = t("The plan's figures add up: no mismatches.")
        else:
            verdict = t.plural("{n} disagreement in the plan's figures ({rows} rows).",
                               "{n} disagreements in the plan's figures ({rows} rows).",
                               audit.disagreements, rows=len(audit.mismatches))
        table = format_rows(audit.rows, fmt, columns=columns, kinds=KINDS, lang=lang) if audit.rows else ""
        parts.append(table + (("\n" if table else "") + title + verdict + "\n" if fmt == "table" else ""))
    return "\n".join(parts)
