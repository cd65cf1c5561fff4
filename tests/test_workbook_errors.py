"""theory.workbook import errors: every problem at the cell, all at once, nothing written.

Each kind of problem the issue names (an amount that is not a number, an unknown actor or
focus area, a year outside the plan's period, a duplicate key, a missing required column, a
formula without a cached value, merged cells) is one line naming sheet, row and column and
how to fix it. The workbooks are the small two-years-2024 plan exported and then spoiled
with openpyxl, as an analyst might.
"""

from __future__ import annotations

import io

import openpyxl
import pytest
from rdflib import Graph

from theory.errors import EXIT_LOAD, LoadError
from theory.workbook import export_workbook, import_to_folder, import_workbook
from theory.workbook.problems import LIMIT


@pytest.fixture(scope="module")
def small(data_dir) -> bytes:
    """The small 2024 plan (period 2024) as a Danish workbook."""
    return export_workbook(Graph().parse(data_dir / "workbook" / "two-years-2024.ttl"), lang="da")


def _spoil(data: bytes, change) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _set(sheet: str, row: int, header: str, value):
    def change(wb):
        ws = wb[sheet]
        column = [cell.value for cell in ws[1]].index(header) + 1
        ws.cell(row=row, column=column, value=value)
    return change


def _problems(data: bytes, lang: str = "en") -> list[str]:
    """The problems of the workbook ``data``, told in ``lang``."""
    with pytest.raises(LoadError) as caught:
        import_workbook(data, lang=lang)
    assert caught.value.exit_code == EXIT_LOAD == 3
    assert str(caught.value).startswith("workbook: " if lang == "en" else "regneark: ")
    return caught.value.problems


def test_the_unspoiled_workbook_imports(small):
    assert len(import_workbook(small).graph) > 50


def test_an_amount_that_is_not_a_number(small):
    assert _problems(_spoil(small, _set("Budget", 2, "Beløb (kr.)", "12,5x"))) == [
        "sheet Budget, row 2, column Beløb (kr.): '12,5x' is not a number; write a whole number of kroner, e.g. 120000"
    ]


def test_an_amount_with_a_thousands_separator_is_ambiguous(small):
    assert _problems(_spoil(small, _set("Budget", 2, "Beløb (kr.)", "120.000"))) == [
        "sheet Budget, row 2, column Beløb (kr.): '120.000' is ambiguous (a thousands separator or a decimal "
        "point?); write the amount as a number without separators, e.g. 120000"
    ]


def test_an_unknown_actor(small):
    assert _problems(_spoil(small, _set("Roller", 2, "Aktør", "Ukendt Forening"))) == [
        "sheet Roller, row 2, column Aktør: no actor 'Ukendt Forening' in sheet Aktører; write an actor's name or "
        "ID as it stands there (the partnership and its bodies stand in sheet Plan), or add the actor"
    ]


def test_an_unknown_focus_area(small):
    assert _problems(_spoil(small, _set("Understøttelse", 2, "Indsatsområde", "Trygt bylív"))) == [
        "sheet Understøttelse, row 2, column Indsatsområde: no focus area 'Trygt bylív' in sheet Indsatsområder; "
        "choose one from the drop-down"
    ]


def test_an_unknown_activity(small):
    problems = _problems(_spoil(small, _set("Budget", 3, "Aktivitet", "Lektiecafe 2")))
    assert problems == [
        "sheet Budget, row 3, column Aktivitet: no activity 'Lektiecafe 2' in sheet Aktiviteter; write an "
        "activity's name, number or ID as it stands there (if you renamed it, rename it here too, e.g. with Find "
        "and Replace in the whole workbook)"
    ]


def test_a_year_outside_the_plans_period(small):
    assert _problems(_spoil(small, _set("Budget", 2, "År", 2026))) == [
        "sheet Budget, row 2, column År: 2026 is outside the plan's period 2024-2024; choose one of the plan's "
        "years (the drop-down lists them), or change the period in sheet Plan"
    ]


def test_a_value_outside_a_closed_list(small):
    assert _problems(_spoil(small, _set("Roller", 2, "Rolle", "chef"))) == [
        "sheet Roller, row 2, column Rolle: 'chef' is not in the list; choose one of: ansvarlig, medansvarlig, "
        "samarbejdspartner, driftsansvarlig, træner eller underviser, medfinansierer, lægger lokaler til"
    ]


def test_a_month_and_a_year_that_cannot_be_read(small):
    spoiled = _spoil(small, _set("Tidsplan", 2, "Hvad", "Opstart"))
    spoiled = _spoil(spoiled, _set("Tidsplan", 2, "Aktivitet", "Haven"))
    spoiled = _spoil(spoiled, _set("Tidsplan", 2, "Første måned", "2024-13"))
    spoiled = _spoil(spoiled, _set("Budget", 2, "År", "tyve"))
    assert _problems(spoiled) == [  # in the order of the sheets
        "sheet Tidsplan, row 2, column Første måned: '2024-13' is not a month; write year and month as 2024-03",
        "sheet Budget, row 2, column År: 'tyve' is not a year; write the year as four digits, e.g. 2024",
    ]


def test_a_duplicate_id(small):
    def copy_row(wb):
        ws = wb["Aktiviteter"]
        ws.append([cell.value for cell in ws[2]])
    problems = _problems(_spoil(small, copy_row))
    assert problems == [
        "sheet Aktiviteter, row 5: the ID 'activity-haven' is also the ID of sheet Aktiviteter, row 2; give each "
        "row its own ID (empty the ID of a copied row)"
    ]


def test_a_duplicate_key_without_ids(small):
    """A new row for an activity that is there already, and a budget figure given twice."""
    def add_rows(wb):
        wb["Aktiviteter"].append([4, "Sommerlejr"])
        budget = wb["Budget"]
        row = [cell.value for cell in budget[2]]
        row[-1] = None  # no ID: a new row
        budget.append(row)
    assert _problems(_spoil(small, add_rows)) == [
        "sheet Aktiviteter, row 5: this row is the same activity as sheet Aktiviteter, row 4; change or delete one "
        "of them",
        "sheet Budget, row 5: this row repeats row 2 (the same Aktivitet, År, Tabel, Budgetpost, Postens navn i "
        "planen); delete one of them, or tell them apart by the line as printed",
    ]


def test_a_missing_required_column(small):
    def delete_amounts(wb):
        ws = wb["Budget"]
        ws.delete_cols([cell.value for cell in ws[1]].index("Beløb (kr.)") + 1)
    assert _problems(_spoil(small, delete_amounts)) == [
        "sheet Budget: required column 'Beløb (kr.)' is missing; add a column with that header (as in a workbook "
        "from theory export)"
    ]


def test_a_formula_without_a_cached_value(small):
    assert _problems(_spoil(small, _set("Budget", 2, "Beløb (kr.)", "=250000+50000"))) == [
        "sheet Budget, row 2, column Beløb (kr.): the formula =250000+50000 has no saved value; open and save the "
        "workbook in Excel or LibreOffice (which stores the value), or type the value instead"
    ]


def test_merged_cells(small):
    assert _problems(_spoil(small, lambda wb: wb["Roller"].merge_cells("D2:D3"))) == [
        "sheet Roller, row 2: cells D2:D3 are merged; unmerge them so that every value has a cell of its own"
    ]


def test_a_missing_sheet(small):
    def remove(wb):
        del wb["Målgrupper"]
    assert _problems(_spoil(small, remove)) == [
        "the workbook has no sheet 'Målgrupper'; add it back (copy it from a workbook made by theory new) or export "
        "the plan again"
    ]


def test_a_file_that_is_no_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(LoadError, match=r"plan.xlsx: not an Excel workbook \(.xlsx\)"):
        import_workbook(path, lang="en")
    with pytest.raises(LoadError, match="no such file"):
        import_workbook(tmp_path / "missing.xlsx", lang="en")


def test_every_problem_at_once(small):
    spoiled = _spoil(small, _set("Budget", 2, "Beløb (kr.)", "12,5x"))
    spoiled = _spoil(spoiled, _set("Roller", 2, "Aktør", "Ukendt Forening"))
    spoiled = _spoil(spoiled, _set("Budget", 3, "År", 2026))
    spoiled = _spoil(spoiled, lambda wb: wb["Roller"].merge_cells("D3:E3"))
    with pytest.raises(LoadError) as caught:
        import_workbook(spoiled, lang="en")
    assert len(caught.value.problems) == 4
    assert str(caught.value) == ("workbook: 4 problems in the workbook; nothing was written; fix the workbook and "
                                 "import it again")


def test_at_most_fifty_problems_are_listed(small):
    def many(wb):
        ws = wb["Budget"]
        template = [cell.value for cell in ws[2]]
        for n in range(60):
            row = list(template)
            row[4], row[5], row[-1] = f"linje {n}", f"x{n}", None
            ws.append(row)
    with pytest.raises(LoadError) as caught:
        import_workbook(_spoil(small, many), lang="en")
    assert len(caught.value.problems) == LIMIT == 50
    assert str(caught.value) == ("workbook: 60 problems in the workbook (the first 50 are listed); nothing was "
                                 "written; fix the workbook and import it again")


def test_nothing_is_written_when_the_workbook_has_a_problem(small, tmp_path):
    folder = tmp_path / "plan"
    with pytest.raises(LoadError):
        import_to_folder(_spoil(small, _set("Budget", 2, "Beløb (kr.)", "12,5x")), folder)
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_shape_findings_are_told_by_sheet_and_row_and_nothing_is_written(small, tmp_path):
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.ttl").write_text("# the plan as it was\n")
    result = import_to_folder(_spoil(small, _set("Budget", 3, "Beløb (kr.)", -5)), folder, lang="en")
    assert not result.written
    assert (folder / "plan.ttl").read_text() == "# the plan as it was\n"
    lines = [finding.line() for finding in result.violations]
    assert lines == ['Violation: sheet Budget, row 3, column Beløb (kr.): schema:value is exactly one non-negative '
                     'xsd:decimal ("300000"^^xsd:decimal).']
    assert result.violations[0].focus_node.endswith("/amount-lektiecafe-2024-overview-total")


def test_a_new_actor_of_the_shared_register_must_be_there(small):
    """The import writes the plan, not the register: a shared actor the register lacks is a problem."""
    spoiled = _spoil(small, lambda wb: wb["Aktører"].append(["Ny Forvaltning", None, "Forvaltning", None, None,
                                                             "nej", "ja"]))
    assert len(import_workbook(spoiled).registry) == 2  # kind and name: without the register, nothing to check
    with pytest.raises(LoadError) as caught:
        import_workbook(spoiled, registry=Graph(), lang="en")
    assert caught.value.problems == [
        "sheet Aktører, row 4, column Fælles aktørregister: 'Ny Forvaltning' belongs to the shared actor register "
        "(actor:ny-forvaltning), which does not have it; add it to the register first, or write no to keep "
        "the actor in the plan"
    ]


# the language the problems are told in


def test_a_problem_in_danish_and_in_english(small):
    spoiled = _spoil(small, _set("Budget", 2, "Beløb (kr.)", "12,5x"))
    assert _problems(spoiled, lang="da") == [
        "ark Budget, række 2, kolonne Beløb (kr.): '12,5x' er ikke et tal; skriv et helt antal kroner, fx 120000"
    ]
    assert _problems(spoiled, lang="en") == [
        "sheet Budget, row 2, column Beløb (kr.): '12,5x' is not a number; write a whole number of kroner, e.g. 120000"
    ]


def test_danish_problems_about_an_english_workbook_name_its_sheets_as_it_does(data_dir):
    english = export_workbook(Graph().parse(data_dir / "workbook" / "two-years-2024.ttl"), lang="en")
    spoiled = _spoil(english, _set("Roles", 2, "Actor", "Ukendt Forening"))
    spoiled = _spoil(spoiled, _set("Budget", 2, "Year", 2026))
    assert _problems(spoiled, lang="da") == [
        "ark Roles, række 2, kolonne Actor: ingen aktør 'Ukendt Forening' i ark Actors; skriv en aktørs navn eller "
        "ID, som det står dér (partnerskabet og dets organer står i ark Plan), eller tilføj aktøren",
        "ark Budget, række 2, kolonne Year: 2026 ligger uden for planens periode 2024-2024; vælg et af planens år "
        "(rullemenuen viser dem), eller ret perioden i ark Plan",
    ]


def test_every_problem_at_once_in_danish(small):
    spoiled = _spoil(small, _set("Budget", 2, "Beløb (kr.)", "12,5x"))
    spoiled = _spoil(spoiled, _set("Roller", 2, "Rolle", "chef"))
    spoiled = _spoil(spoiled, lambda wb: wb["Roller"].merge_cells("D3:E3"))
    spoiled = _spoil(spoiled, lambda wb: wb.remove(wb["Målgrupper"]))
    with pytest.raises(LoadError) as caught:
        import_workbook(spoiled, lang="da")
    assert caught.value.problems == [  # in the order of the sheets
        "regnearket har intet ark 'Målgrupper'; tilføj det igen (kopiér det fra et regneark lavet med theory new), "
        "eller eksportér planen igen",
        "ark Roller, række 3: cellerne D3:E3 er flettet; ophæv fletningen, så hver værdi har sin egen celle",
        "ark Roller, række 2, kolonne Rolle: 'chef' står ikke på listen; vælg en af: ansvarlig, medansvarlig, "
        "samarbejdspartner, driftsansvarlig, træner eller underviser, medfinansierer, lægger lokaler til",
        "ark Budget, række 2, kolonne Beløb (kr.): '12,5x' er ikke et tal; skriv et helt antal kroner, fx 120000",
    ]
    assert str(caught.value) == ("regneark: 4 problemer i regnearket; intet blev skrevet; ret regnearket og indlæs "
                                 "det igen")


def test_shape_findings_in_danish(small, tmp_path):
    result = import_to_folder(_spoil(small, _set("Budget", 3, "Beløb (kr.)", -5)), tmp_path / "plan", lang="da")
    assert not result.written
    [finding] = result.violations
    assert finding.severity == "Violation"  # the key stays; the line speaks the language
    assert finding.line().startswith("Overtrædelse: ark Budget, række 3, kolonne Beløb (kr.): ")
    assert finding.as_row()["severity"] == "Violation"

