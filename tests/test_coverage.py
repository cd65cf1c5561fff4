"""Focus-area coverage, checked against the plan's 2024 figures recomputed by hand.

Focus areas per activity from each activity's first paragraph; amounts from the overview
table (2024 column). 13 Kommunikation supports all three and the cross-cutting effort
"Kommunikation, dialog og synlighed" (the plan calls it "en tværgående aktivitet, der
berører alle aktiviteter"); 16 Sekretariatsbetjening has no section and no focus area.
"""

from __future__ import annotations

import pytest

from theory.coverage import focus_area_coverage
from theory.errors import UsageError
from theory.load import load_graph

TB, UB, PF = "Trygt byliv", "Uddannelse og beskæftigelse", "Positive fællesskaber"
KOM = "Kommunikation, dialog og synlighed"

# Trygt byliv: 1, 2, 7, 8, 10, 12, 13, 14, 15
# Uddannelse og beskæftigelse: 1, 2, 3, 4, 6, 8, 11, 13, 15
# Positive fællesskaber: 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
# Kommunikation, dialog og synlighed: 13 (its 330.000 split four ways: 82.500 each)
BY_HAND_2024 = {
    TB: (9, 1246000, 418000),
    UB: (9, 1728000, 809000),
    PF: (14, 1904000, 894500),
    KOM: (1, 330000, 82500),
}


def test_2024_counts_and_amounts(shipped_graph):
    report = focus_area_coverage(shipped_graph)
    assert report.year == 2024
    assert report.total_budget == 2210000
    got = {r["focus_area"]: (r["activities"], r["budget_full"], r["budget_split"]) for r in report.rows}
    assert got == BY_HAND_2024


def test_split_adds_up_to_the_year_minus_unattached_money(shipped_graph):
    report = focus_area_coverage(shipped_graph, counting="split")
    assert sum(r["budget_split"] for r in report.rows) == 2210000 - 6000
    shares = {r["focus_area"]: r["share"] for r in report.rows}
    assert shares[PF] == round(894500 / 2210000, 4)


def test_full_share(shipped_graph):
    shares = {r["focus_area"]: r["share"] for r in focus_area_coverage(shipped_graph).rows}
    assert shares[UB] == round(1728000 / 2210000, 4)


def test_2024_gaps(shipped_graph):
    gaps = focus_area_coverage(shipped_graph).gaps
    kinds = [(g["kind"], g["subject"]) for g in gaps]
    # activity 13 serves the cross-cutting effort and its results: only the secretariat's
    # money is left without a focus area
    assert kinds == [("money-without-focus-area", "Sekretariatsbetjening")]
    money = next(g for g in gaps if g["kind"] == "money-without-focus-area")
    assert "6.000" in money["detail"]


def test_english_labels(shipped_graph):
    labels = {r["focus_area"] for r in focus_area_coverage(shipped_graph, lang="en").rows}
    assert "Safe urban life" in labels


def test_fixture_full_and_split(data_dir):
    graph = load_graph([data_dir / "q-plan-adds-up-with-gaps.ttl"])
    report = focus_area_coverage(graph, counting="split")
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


def test_year_without_activities(data_dir):
    graph = load_graph([data_dir / "q-plan-adds-up-with-gaps.ttl"])
    report = focus_area_coverage(graph, year=2020)
    assert all(r["activities"] == 0 and r["share"] == 0.0 for r in report.rows)


def test_unknown_counting(shipped_graph):
    with pytest.raises(UsageError):
        focus_area_coverage(shipped_graph, counting="half")
