"""Budget figures into the draft: the overview table, the activities' own tables, the
stated sums, earmarks and co-financing.

Figures go in as printed (a misprint such as "188.00" stays 188.00, with a note and a
review row; the budget audit reports the disagreement it causes). A figure whose year
was read from a text file's spacing is put on the review list unless the plan's own
arithmetic confirms it (the activity's table adds up in that year, or the overview row
and the activity's "I alt" agree). Blank and "-" cells are no amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import URIRef

from ..namespaces import TH
from .draft import DraftWriter
from .tables import Figure, Row, Table, place

__all__ = ["LINE_KINDS", "line_kind", "Placed", "placed_rows", "values", "write_amount", "meant", "misprint_note",
           "cofinancing_funder"]

LINE_KINDS = [
    (TH.Total, r"^(?:i\s+alt|total|sum|samlet)\b"),
    (TH.SalaryFunds, r"^(?:løn|lønmidler|lønudgifter|personale)"),
    (TH.ActivityFunds, r"^(?:aktivitetsmidler|aktivitetsudgifter|aktiviteter\b|aktivitet\b)"),
    (TH.Rent, r"^(?:husleje|leje|lokaleleje)\b"),
    (TH.OtherCosts, r"^(?:andet|andre)\b"),
]
_COFINANCING = re.compile(
    r"^(?:medfinansiering|medfinansieret|ekstern\s+finansiering|tilskud|bidrag)\b.*?\b(?:fra|af)\s+(.+?)\s*:?$", re.I)


def line_kind(label: str) -> URIRef:
    """The budget line a row label names ("Lønmidler*" -> th:SalaryFunds); th:OtherCosts
    for anything else ("Projekt gå-busser, fsb")."""
    key = label.strip().lstrip("*").strip()
    for kind, pattern in LINE_KINDS:
        if re.match(pattern, key, re.I):
            return kind
    return TH.OtherCosts


def cofinancing_funder(label: str) -> str | None:
    """The funder's name in a co-financing row ("Medfinansiering fra SSP" -> "SSP")."""
    m = _COFINANCING.match(label.strip().rstrip("*"))
    return m.group(1).strip(" *:") if m else None


def meant(figure: Figure) -> str:
    """What a misprint such as "188.00" most likely stands for: "188.000"."""
    whole, part = figure.number.split(".")
    return f"{whole}.{part.ljust(3, '0')}"


def misprint_note(figure: Figure) -> str:
    """The note a misprinted figure carries, as in the curated plan."""
    return f"Trykt som '{figure.number}'; formentlig {meant(figure)}."


@dataclass
class Placed:
    """A row with its cells under their years, how they were placed, and any problem."""

    row: Row
    cells: dict[int, Figure]
    how: str
    problem: str
    confirmed: bool = False
    notes: dict[int, list[str]] = field(default_factory=dict)


def placed_rows(table: Table) -> list[Placed]:
    out = []
    for row in table.rows:
        cells, how, problem = place(row, table)
        out.append(Placed(row, cells, how, problem, confirmed=how in ("order", "position")))
    return out


def values(placed: Placed) -> dict[int, Decimal]:
    return {y: c.value for y, c in placed.cells.items() if c.value is not None}


def write_amount(w: DraftWriter, iri: str, activity: URIRef, year: int, line: URIRef, table: URIRef,
                 figure: Figure, section: URIRef, quote: str, label: str | None, notes: list[str]) -> URIRef:
    node = w.node(iri, TH.BudgetAmount)
    w.add(node, TH.forActivity, activity)
    w.add(node, TH.budgetLine, line)
    w.add(node, TH.table, table)
    w.add(node, TH.inPlan, w.plan)
    w.money(node, figure.value, year, figure.number)
    if label:
        w.text(node, TH.lineLabel, label)
    if notes:
        w.text(node, TH.note, " ".join(dict.fromkeys(n.strip() for n in notes if n.strip())))
    w.cite(node, section, quote)
    return node
