"""Budget reconciliation: every disagreement between the plan's tables, found from the graph.

The expected lists are read by hand from the plan text
(/work/shared/sources/000_736bf11392afa270.txt): the overview table "Tryghedsplanens
økonomi" (rows per activity and year, "Sum (kr.)") and each activity's own "Økonomi" table.
"""

from __future__ import annotations

import pytest

from theory.budget import CHECKS, audit_budget
from theory.load import load_graph


def _key(row):
    return (row["year"], row["check"], row["subject"], row["stated"], row["computed"], row["difference"])


# (year, check, subject, stated, computed, difference), by hand from the plan text:
PLAN_DISAGREEMENTS = [
    # 2021 overview rows add up to 2.054.000 (the 120.000 of Leg med lyd included); Sum says 1.934.000
    (2021, "rows-vs-sum", "Sum (kr.) 2021, budgetoversigten", 1934000, 2054000, 120000),
    # Leg med lyd: overview 120.000 in 2021, its own table has no 2021 figure
    (2021, "overview-vs-activity", "Leg med lyd – Kreative musikaktiviteter", 120000, None, -120000),
    # 2022 rows add up to 1.940.000; Sum says 1.970.000
    (2022, "rows-vs-sum", "Sum (kr.) 2022, budgetoversigten", 1970000, 1940000, -30000),
    # Tidlig Foreningsstart 2022: Lønmidler printed "188.00" + 25.000 against I alt 213.000
    (2022, "lines-vs-total", "Tidlig Foreningsstart", 213000, 25188, -187812),
    # 2023 rows add up to 2.069.300 (Bylivs 131.300); Sum says 2.069.277
    (2023, "rows-vs-sum", "Sum (kr.) 2023, budgetoversigten", 2069277, 2069300, 23),
    # Bylivs- og tryghedspuljen 2023: overview 131.300, own table 131.000
    (2023, "overview-vs-activity", "Bylivs- og tryghedspuljen", 131300, 131000, -300),
    # Leg med lyd 2023: own I alt printed "150.00"
    (2023, "overview-vs-activity", "Leg med lyd – Kreative musikaktiviteter", 150000, 150, -149850),
    # Lommepenge- og fritidsjob 2023: own I alt printed "250.00"
    (2023, "overview-vs-activity", "Lommepenge- og fritidsjob", 250000, 250, -249750),
    (2023, "lines-vs-total", "Leg med lyd – Kreative musikaktiviteter", 150, 150000, 149850),
    (2023, "lines-vs-total", "Lommepenge- og fritidsjob", 250, 250000, 249750),
    # Det gode valg 2023: overview 150.000, own table 200.000 = the 50.000 earmarked from
    # Bylivs- og tryghedspuljen (counted in that pool's overview row)
    (2023, "earmark", "Det gode valg", 150000, 200000, 50000),
]


def test_shipped_plan_every_disagreement(shipped_graph):
    found = [_key(r) for r in audit_budget(shipped_graph)]
    assert found == PLAN_DISAGREEMENTS


def test_shipped_plan_2024_adds_up(shipped_graph):
    # 2024: every activity's overview row equals its own I alt, and the rows add up to 2.210.000
    assert audit_budget(shipped_graph, 2024) == []


def test_misprints_are_named(shipped_graph):
    notes = {(r["year"], r["subject"], r["check"]): r["note"] for r in audit_budget(shipped_graph)}
    assert "188.00 printed for 188.000" in notes[(2022, "Tidlig Foreningsstart", "lines-vs-total")]
    assert "250.00 printed for 250.000" in notes[(2023, "Lommepenge- og fritidsjob", "overview-vs-activity")]
    assert "150.00 printed for 150.000" in notes[(2023, "Leg med lyd – Kreative musikaktiviteter", "lines-vs-total")]
    earmark = notes[(2023, "Det gode valg", "earmark")]
    assert "50.000" in earmark and "Bylivs- og tryghedspuljen" in earmark


def test_sources_quote_both_places(shipped_graph):
    row = next(r for r in audit_budget(shipped_graph) if r["subject"] == "Bylivs- og tryghedspuljen")
    assert "131.300" in row["source"] and "131.000" in row["source"]
    assert set(row) >= {"year", "subject", "check", "stated", "computed", "difference", "source"}


def test_every_kind_of_mismatch(data_dir):
    graph = load_graph([data_dir / "q-budget-mismatches.ttl"])
    found = [_key(r) for r in audit_budget(graph)]
    assert found == [
        (2023, "rows-vs-sum", "Sum 2023", 281277, 281300, 23),
        (2023, "overview-vs-activity", "Puljen", 131300, 131000, -300),
        (2023, "earmark", "Modtager", 150000, 200000, 50000),
        (2024, "lines-vs-total", "Trykfejl", 213000, 25188, -187812),
        (2024, "co-financing", "Medfinansieret", 25000, 15000, -10000),
    ]
    assert {r["check"] for r in audit_budget(graph)} == set(CHECKS)


def test_year_filter(data_dir):
    graph = load_graph([data_dir / "q-budget-mismatches.ttl"])
    assert {r["year"] for r in audit_budget(graph, 2024)} == {2024}


def test_plan_that_adds_up_gives_nothing(data_dir):
    graph = load_graph([data_dir / "q-plan-adds-up-with-gaps.ttl"])
    assert audit_budget(graph) == []


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_overview_rows_recomputed(shipped_graph, year):
    """The overview rows of each year, summed by hand from the plan text."""
    from theory.queries import select_rows

    by_hand = {2021: 2054000, 2022: 1940000, 2023: 2069300, 2024: 2210000}
    rows = select_rows(shipped_graph, "year-activities", {"year": year})
    assert sum(r["budget"] or 0 for r in rows) == by_hand[year]
