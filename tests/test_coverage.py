"""Focus-area coverage, checked against the plan's 2024 figures recomputed by hand.

Focus areas per activity from each activity's first paragraph; amounts from the overview
table (2024 column). 13 Kommunikation supports all three focus areas and is the plan's
cross-cutting effort "Kommunikation, dialog og synlighed" ("Kommunikationsindsatsen er en
tværgående aktivitet, der berører alle aktiviteter"); 16 Sekretariatsbetjening has no
section and no focus area.
"""

from __future__ import annotations

import pytest

from theory.coverage import coverage_text, focus_area_coverage
from theory.errors import UsageError

TB, UB, PF = "Trygt byliv", "Uddannelse og beskæftigelse", "Positive fællesskaber"
KOM = "Kommunikation, dialog og synlighed"

# Trygt byliv: 1, 2, 7, 8, 10, 12, 13, 14, 15
# Uddannelse og beskæftigelse: 1, 2, 3, 4, 6, 8, 11, 13, 15
# Positive fællesskaber: 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
# split: each activity's 2024 row divided among the three focus areas it supports (the
# cross-cutting effort takes no part), e.g. 13's 330.000 gives 110.000 to each
BY_HAND_2024 = {
    TB: ("focus-area", 9, 1246000, 445500),
    UB: ("focus-area", 9, 1728000, 836500),
    PF: ("focus-area", 14, 1904000, 922000),
    KOM: ("cross-cutting", 1, 330000, None),
}


def test_2024_counts_and_amounts(ws, plan):
    report = focus_area_coverage(ws, plan, 2024)
    assert report.total_budget == 2210000
    got = {r["focus_area"]: (r["kind"], r["activities"], r["budget_full"], r["budget_split"]) for r in report.rows}
    assert got == BY_HAND_2024


def test_the_cross_cutting_effort_is_its_own_last_row(ws, plan):
    rows = focus_area_coverage(ws, plan, 2024).rows
    assert [r["kind"] for r in rows] == ["focus-area"] * 3 + ["cross-cutting"]
    assert rows[-1]["share"] == round(330000 / 2210000, 4)


def test_split_adds_up_to_the_year_minus_unattached_money(ws, plan):
    report = focus_area_coverage(ws, plan, 2024, counting="split")
    assert sum(r["budget_split"] or 0 for r in report.rows) == 2210000 - 6000
    shares = {r["focus_area"]: r["share"] for r in report.rows}
    assert shares[PF] == round(922000 / 2210000, 4)
    assert shares[KOM] is None


def test_full_share(ws, plan):
    shares = {r["focus_area"]: r["share"] for r in focus_area_coverage(ws, plan, 2024).rows}
    assert shares[UB] == round(1728000 / 2210000, 4)


def test_2024_gaps_only_the_secretariat(ws, plan):
    gaps = focus_area_coverage(ws, plan, 2024).gaps
    # activity 13 serves the cross-cutting effort and so its three results
    assert [(g["kind"], g["subject"]) for g in gaps] == [("money-without-focus-area", "Sekretariatsbetjening")]
    assert gaps[0]["detail"] == "6.000 kr. i 2024 knyttet til intet indsatsområde"


def test_english_labels_and_words(ws_en):
    plan = ws_en.plans[0]
    report = focus_area_coverage(ws_en, plan, 2024)
    assert {r["focus_area"] for r in report.rows} >= {"Safe urban life", "Communication, dialogue and visibility"}
    assert report.gaps[0]["detail"] == "DKK 6,000 in 2024 attached to no focus area"


def test_fixture_full_and_split(fixture_ws):
    ws = fixture_ws("q-plan-adds-up-with-gaps.ttl")
    report = focus_area_coverage(ws, ws.plans[0], 2024, counting="split")
    rows = {r["focus_area"]: r for r in report.rows}
    assert report.total_budget == 460
    assert (rows["Område A"]["activities"], rows["Område A"]["budget_full"], rows["Område A"]["budget_split"]) == (2, 360, 210)
    assert (rows["Område C"]["activities"], rows["Område C"]["budget_full"], rows["Område C"]["budget_split"]) == (1, 300, 150)
    assert (rows["Område B"]["activities"], rows["Område B"]["budget_full"]) == (0, 0)
    assert rows["Område A"]["share"] == round(210 / 460, 4)
    assert [(g["kind"], g["subject"]) for g in report.gaps] == [
        ("focus-area", "Område B"),
        ("result", "Resultat B"),
        ("money-without-focus-area", "Aktivitet 2"),
    ]


def test_a_year_the_plan_does_not_cover(fixture_ws):
    ws = fixture_ws("q-plan-adds-up-with-gaps.ttl")
    with pytest.raises(UsageError, match="2020 is outside the plan's years 2024"):
        ws.year(ws.plans[0], 2020)


def test_unknown_counting(ws, plan):
    with pytest.raises(UsageError):
        focus_area_coverage(ws, plan, 2024, counting="half")


def test_table_in_danish_money_and_shares(ws, plan):
    text = coverage_text([focus_area_coverage(ws, plan, 2024)], "table", lang="da")
    assert text.startswith("Indsatsområder 2024 (budget 2.210.000 kr., andel regnet fuldt)")
    assert "1.246.000 kr." in text and "56,4 %" in text and "tværgående indsats" in text
    assert "1246000" not in text


def test_json_keeps_raw_numbers(ws, plan):
    import json

    rows = json.loads(coverage_text([focus_area_coverage(ws, plan, 2024)], "json"))
    row = next(r for r in rows if r["focus_area"] == TB)
    assert row["budget_full"] == 1246000 and row["share"] == 0.5638 and row["kind"] == "focus-area"
