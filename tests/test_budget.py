"""Budget reconciliation: every disagreement between the plan's tables, found from the graph.

The expected lists are read by hand from the plan text
(tests/data/sources/tingbjerg-husum-tryghedsplan-2024.txt): the overview table "Tryghedsplanens
økonomi" (rows per activity and year, "Sum (kr.)") and each activity's own "Økonomi" table.
"""

from __future__ import annotations

import pytest

from theory.budget import CHECKS, audit_budget, audit_text


def _key(row):
    return (row["year"], row["check"], row["subject"], row["stated"], row["computed"], row["difference"])


def _mismatches(ws, year=None):
    return [_key(r) for r in audit_budget(ws, ws.plans[0], year).mismatches]


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


def test_shipped_plan_every_disagreement(ws):
    assert _mismatches(ws) == PLAN_DISAGREEMENTS


def test_shipped_plan_2024_adds_up(ws, plan):
    # 2024: every activity's overview row equals its own I alt, and the rows add up to 2.210.000
    assert audit_budget(ws, plan, 2024).mismatches == []


def test_a_misprint_two_checks_find_is_one_disagreement(ws, plan):
    audit = audit_budget(ws, plan)
    assert (len(audit.mismatches), audit.disagreements) == (11, 9)
    rows = [r for r in audit.mismatches if r["subject"] == "Lommepenge- og fritidsjob"]
    assert [r["check"] for r in rows] == ["overview-vs-activity", "lines-vs-total"]
    assert rows[0]["finding"] == rows[1]["finding"]
    assert "samme trykfejl som rækken »oversigt mod aktivitet« ovenfor" in rows[1]["note"]


def test_misprints_are_named(ws_en):
    audit = audit_budget(ws_en, ws_en.plans[0])
    notes = {(r["year"], r["subject_iri"].rsplit("/", 1)[-1], r["check"]): r["note"] for r in audit.rows}
    assert "188.00 printed for 188,000" in notes[(2022, "activity-tidlig-foreningsstart", "lines-vs-total")]
    assert "250.00 printed for 250,000" in notes[(2023, "activity-lommepenge-og-fritidsjob", "overview-vs-activity")]
    assert "150.00 printed for 150,000" in notes[(2023, "activity-leg-med-lyd", "lines-vs-total")]
    earmark = notes[(2023, "activity-det-gode-valg", "earmark")]
    assert "DKK 50,000" in earmark and "Urban Life and Safety Fund" in earmark


def test_cofinancing_outside_i_alt_is_shown_not_counted(ws, plan):
    """SSP's 10.000 kr. to Tingbjerg Challenge in 2021 and 2022 stands beside the table's
    "I alt" (15.000): an information row each, never a mismatch."""
    audit = audit_budget(ws, plan)
    info = [(r["year"], r["subject"], r["stated"], r["computed"], r["difference"])
            for r in audit.rows if r["severity"] == "info" and r["subject"] == "Tingbjerg Challenge"]
    assert info == [(2021, "Tingbjerg Challenge", 15000, 25000, 10000), (2022, "Tingbjerg Challenge", 15000, 25000, 10000)]
    assert all(r["check"] == "co-financing" and r["finding"] is None for r in audit.rows if r["severity"] == "info")
    assert "SSP København" in next(r["note"] for r in audit.rows if r["subject"] == "Tingbjerg Challenge")


def test_audit_text_counts_disagreements_once(ws, plan):
    text = audit_text([audit_budget(ws, plan)], "table")
    assert text.rstrip().endswith("9 uoverensstemmelser i planens tal (11 rækker).")
    assert "-249.750 kr." in text and "sandsynlig trykfejl: 250.00 trykt for 250.000" in text


def test_sources_quote_both_places(ws, plan):
    row = next(r for r in audit_budget(ws, plan).rows if r["subject"] == "Bylivs- og tryghedspuljen")
    assert "131.300" in row["source"] and "131.000" in row["source"]
    assert set(row) >= {"year", "subject", "check", "stated", "computed", "difference", "source"}


def test_every_kind_of_mismatch(fixture_ws):
    ws = fixture_ws("q-budget-mismatches.ttl")
    assert _mismatches(ws) == [
        (2023, "rows-vs-sum", "Sum 2023", 281277, 281300, 23),
        (2023, "overview-vs-activity", "Puljen", 131300, 131000, -300),
        (2023, "earmark", "Modtager", 150000, 200000, 50000),
        (2024, "lines-vs-total", "Trykfejl", 213000, 25188, -187812),
        (2024, "co-financing", "Medfinansieret", 25000, 15000, -10000),
    ]
    assert {r["check"] for r in audit_budget(ws, ws.plans[0]).rows} == set(CHECKS)


def test_year_filter(fixture_ws):
    ws = fixture_ws("q-budget-mismatches.ttl")
    assert {r["year"] for r in audit_budget(ws, ws.plans[0], 2024).rows} == {2024}


def test_plan_that_adds_up_gives_nothing(fixture_ws):
    ws = fixture_ws("q-plan-adds-up-with-gaps.ttl")
    assert audit_budget(ws, ws.plans[0]).rows == []
    assert audit_text([audit_budget(ws, ws.plans[0])], "table") == "Planens tal stemmer: ingen uoverensstemmelser.\n"


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_overview_rows_recomputed(ws, plan, year):
    """The overview rows of each year, summed by hand from the plan text."""
    by_hand = {2021: 2054000, 2022: 1940000, 2023: 2069300, 2024: 2210000}
    rows = ws.select("year-activities", plan, {"year": year})
    assert sum(r["budget"] or 0 for r in rows) == by_hand[year]
