"""theory.diff: one row per changed fact between two plans, in the plan's own terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from theory.diff import COLUMNS, KINDS, diff_marks, diff_plans
from theory.errors import UsageError
from theory.namespaces import SCHEMA, TH

TEST = "https://w3id.org/theory/data/test/"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def shipped() -> Graph:
    """The shipped plan's own files and the shared actor registry."""
    graph = Graph()
    for folder in (ROOT / "graph" / "tingbjerg-husum-2024", ROOT / "graph" / "registry"):
        for path in sorted(folder.glob("*.ttl")):
            graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def years(data_dir):
    folder = data_dir / "workbook"
    return Graph().parse(folder / "two-years-2024.ttl"), Graph().parse(folder / "two-years-2025.ttl")


def _facts(rows):
    return [(r["kind"], r["subject"], r["year"], r["old"], r["new"]) for r in rows]


def test_identical_plans_give_no_rows(years, shipped):
    old, _ = years
    assert diff_plans(old, old) == []
    assert diff_plans(shipped, shipped) == []


def test_two_years_plans_list_exactly_what_changed(years):
    old, new = years
    assert _facts(diff_plans(old, new)) == [
        ("activity-added", "3. Idrætsdag", None, None, "Idrætsdag"),
        ("activity-ended", "3. Sommerlejr", None, "Sommerlejr", None),
        ("activity-renamed", "2. Fælleshaven", None, "Haven", "Fælleshaven"),
        ("activity-renumbered", "1. Lektiecafé", None, 2, 1),
        ("activity-renumbered", "2. Fælleshaven", None, 1, 2),
        ("support-added", "2. Fælleshaven → Positive fællesskaber", None, None, "Positive fællesskaber"),
        ("support-added", "3. Idrætsdag → Trygt byliv", None, None, "Trygt byliv"),
        ("support-removed", "3. Sommerlejr → Positive fællesskaber", None, "Positive fællesskaber", None),
        ("lead-added", "1. Lektiecafé – Testskolen", None, None, "ansvarlig"),
        ("partner-added", "2. Fælleshaven – Testforeningen", None, None, "samarbejdspartner"),
        ("partner-removed", "1. Lektiecafé – Testskolen", None, "samarbejdspartner", None),
        ("role-status-changed", "2. Fælleshaven – Testklubben (ansvarlig)", None, "aftalt", "forventet"),
        ("target-changed", "2. Fælleshaven – 100-130 børn pr. år", None, "100-130 børn pr. år", "120-150 børn pr. år"),
        ("target-group-changed", "1. Lektiecafé – Børn 6-12 år", None, "6-12", "7-12"),
        ("budget-added", "1. Lektiecafé – i alt (budgetoversigten)", 2025, None, 120000),
        ("budget-added", "2. Fælleshaven – i alt (budgetoversigten)", 2025, None, 320000),
        ("budget-added", "3. Idrætsdag – i alt (budgetoversigten)", 2025, None, 40000),
        ("budget-removed", "3. Sommerlejr – i alt (budgetoversigten)", 2024, 50000, None),
        ("budget-changed", "1. Lektiecafé – i alt (budgetoversigten)", 2024, 100000, 110000),
        ("stated-sum-added", "Sum (kr.) 2025", 2025, None, 480000),
        ("stated-sum-changed", "Sum (kr.) 2024", 2024, 450000, 460000),
    ]


def test_a_former_name_matches_the_renamed_activity_not_its_number(years):
    """Haven (1) became Fælleshaven (2, "tidligere Haven"); Idrætsdag took Sommerlejr's number 3."""
    old, new = years
    rows = diff_plans(old, new)
    renamed = [r for r in rows if r["kind"] == "activity-renamed"]
    assert [(r["iri_old"], r["iri_new"]) for r in renamed] == [(TEST + "activity-haven", TEST + "activity-faelleshaven")]
    # Haven's lead and its support of trygt byliv carried over: no row for them
    carried = [r for r in rows if r["activity_iri"] == TEST + "activity-faelleshaven"]
    assert not [r for r in carried if r["kind"] in ("lead-removed", "support-removed")]


def test_rows_carry_sources_and_the_iris_a_picture_needs(years):
    old, new = years
    rows = {(r["kind"], r["subject"]): r for r in diff_plans(old, new)}
    budget = rows[("budget-changed", "1. Lektiecafé – i alt (budgetoversigten)")]
    assert set(budget) == set(COLUMNS)
    assert budget["old_source"] == "oekonomi: 2. Lektiecafé 100.000"
    assert budget["new_source"] == "oekonomi: 1. Lektiecafé 110.000 120.000"
    assert budget["iri_old"] == budget["iri_new"] == TEST + "amount-lektiecafe-2024-overview-total"
    assert budget["activity_iri"] == TEST + "activity-lektiecafe"
    support = rows[("support-added", "2. Fælleshaven → Positive fællesskaber")]
    assert support["activity_iri"] == TEST + "activity-faelleshaven"
    assert support["link_iri"] == TEST + "fa-positive-faellesskaber"
    assert support["iri_new"] == TEST + "support-faelleshaven-positive-faellesskaber"
    assert support["new_source"] == "a02: Haven samler naboer."
    ended = rows[("activity-ended", "3. Sommerlejr")]
    assert ended["activity_iri"] == TEST + "activity-sommerlejr" and ended["iri_new"] is None


def test_english_labels(years):
    old, new = years
    facts = _facts(diff_plans(old, new, lang="en"))
    assert ("lead-added", "1. Homework café – Testskolen", None, None, "lead") in facts
    assert ("budget-changed", "1. Homework café – total (overview table)", 2024, 100000, 110000) in facts


def test_every_kind_is_known(years):
    old, new = years
    assert {r["kind"] for r in diff_plans(old, new)} <= set(KINDS)
    assert {r["kind"] for r in diff_plans(new, old)} <= set(KINDS)


def test_one_amount_changed_is_one_row(shipped):
    new = Graph()
    new += shipped
    amount = URIRef("https://w3id.org/theory/data/tingbjerg-husum/amount-det-gode-valg-2024-overview-total")
    new.set((amount, SCHEMA.value, Literal("210000.0", datatype=new.value(amount, SCHEMA.value).datatype)))
    assert _facts(diff_plans(shipped, new)) == [
        ("budget-changed", "5. Det gode valg – i alt (budgetoversigten)", 2024, 200000, 210000)
    ]


def test_a_graph_with_two_plans_is_refused(years):
    old, new = years
    both = Graph()
    both += old
    both += new
    with pytest.raises(UsageError, match="OLD holds 2 plans"):
        diff_plans(both, new)
    with pytest.raises(UsageError, match="use da or en"):
        diff_plans(old, new, lang="de")


def test_marks_for_the_picture(years):
    old, new = years
    marks = diff_marks(diff_plans(old, new))
    assert marks["nodes"] == {
        TEST + "activity-idraetsdag": "added",
        TEST + "activity-sommerlejr": "removed",
        TEST + "activity-faelleshaven": "changed",
        TEST + "activity-lektiecafe": "changed",
    }
    assert marks["links"] == {
        (TEST + "activity-faelleshaven", TEST + "fa-positive-faellesskaber"): "added",
        (TEST + "activity-idraetsdag", TEST + "fa-trygt-byliv"): "added",
        (TEST + "activity-sommerlejr", TEST + "fa-positive-faellesskaber"): "removed",
    }
    assert diff_marks([]) == {"nodes": {}, "links": {}}


# one language at a time


@pytest.fixture(scope="module")
def edited(shipped) -> Graph:
    """The shipped plan with one line of Fælleshaven's own table and one target changed."""
    new = Graph()
    new += shipped
    amount = URIRef("https://w3id.org/theory/data/tingbjerg-husum/amount-faelleshaven-2021-activity-activity-funds")
    new.set((amount, SCHEMA.value, Literal("35000.0", datatype=new.value(amount, SCHEMA.value).datatype)))
    deliverable = URIRef("https://w3id.org/theory/data/tingbjerg-husum/deliverable-faelleshaven-1")
    new.set((deliverable, TH.targetMin, Literal("22.5", datatype=new.value(deliverable, TH.targetMin).datatype)))
    return new


@pytest.mark.parametrize("lang, expected", [
    ("da", [("target-changed", "1. Fælleshaven – Mindst 20 praktikforløb årligt", None,
             "≥ 20 praktikforløb pr. år", "≥ 22,5 praktikforløb pr. år"),
            ("budget-changed", "1. Fælleshaven – Aktivitetsmidler (aktivitetens økonomitabel)", 2021, 30000, 35000)]),
    ("en", [("target-changed", "1. The Community Garden – Mindst 20 praktikforløb årligt", None,
             "≥ 20 praktikforløb per year", "≥ 22.5 praktikforløb per year"),
            ("budget-changed", "1. The Community Garden – Aktivitetsmidler (activity table)", 2021, 30000, 35000)]),
])
def test_a_diff_row_in_danish_and_in_english(shipped, edited, lang, expected):
    """The ontology's terms (tables, periods) and numbers in the language; plan text without an
    English label (the line as printed, the unit) in Danish, in both."""
    assert _facts(diff_plans(shipped, edited, lang=lang)) == expected


@pytest.mark.parametrize("lang, header, kind, money", [
    ("da", ["art", "emne", "år", "før", "nu"], "beløb ændret", "35.000 kr."),
    ("en", ["kind", "subject", "year", "old", "new"], "budget-changed", "DKK 35,000"),
])
def test_the_diff_for_people_speaks_one_language(shipped, edited, lang, header, kind, money):
    from theory.diff import diff_text

    lines = diff_text(diff_plans(shipped, edited, lang=lang), "table", lang=lang).splitlines()
    assert lines[0].split() == header
    budget = next(line for line in lines if "Aktivitetsmidler" in line)
    assert budget.startswith(kind) and budget.endswith(money)
    assert diff_text([], "table", lang=lang) == {"da": "De to planer siger det samme: ingen ændringer.\n",
                                                 "en": "The two plans say the same: no changes.\n"}[lang]
