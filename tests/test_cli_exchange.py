"""Plans in and out through the CLI: export workbook, new, import (workbook, PDF, text), diff.

The analyst's loop: export the plan, edit one amount, import it, validate, and diff shows
exactly that change. A plan's text becomes a draft and a review list; bad input writes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli import main

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "graph" / "tingbjerg-husum-2024"
MINI = Path(__file__).parent / "data" / "importer" / "mini-plan.txt"


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from click.testing import CliRunner

    path = tmp_path_factory.mktemp("export") / "plan.xlsx"
    result = CliRunner().invoke(main, ["export", "workbook", "-o", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: workbook\n"
    return path


def _edit_amount(source: Path, target: Path, old: int, new: int, year: int) -> None:
    workbook = load_workbook(source)
    sheet = workbook["Budget"]
    header = [cell.value for cell in sheet[1]]
    amount, when = header.index("Beløb (kr.)"), header.index("År")
    for row in sheet.iter_rows(min_row=2):
        if row[amount].value == old and row[when].value == year:
            row[amount].value = new
            break
    else:
        raise AssertionError("no such amount")
    workbook.save(target)


def test_export_is_a_danish_workbook_by_default(exported):
    names = load_workbook(exported).sheetnames
    assert names[0] == "Om" and {"Aktiviteter", "Roller", "Budget", "Aktører"} <= set(names)


def test_export_in_english(runner, tmp_path):
    path = tmp_path / "plan-en.xlsx"
    assert run(runner, "export", "workbook", "-o", path, "--lang", "en").exit_code == 0
    assert {"About", "Activities", "Roles", "Budget", "Actors"} <= set(load_workbook(path).sheetnames)


def test_the_analysts_loop_edit_one_amount_and_diff_shows_exactly_that(runner, exported, tmp_path):
    edited = tmp_path / "edited.xlsx"
    _edit_amount(exported, edited, 160000, 170000, 2024)  # Fælleshaven's Lønmidler 2024
    folder = tmp_path / "tingbjerg-husum-2024"
    imported = run(runner, "import", edited, "-o", folder)
    assert imported.exit_code == 0, imported.output
    assert imported.stdout == f"{folder}: 5938 tripler, 19 filer\n"
    assert run(runner, "validate", "--data", folder).exit_code == 0
    rows = json.loads(run(runner, "diff", SHIPPED, folder, "--format", "json").stdout)
    assert [(r["kind"], r["year"], r["old"], r["new"]) for r in rows] == [("budget-changed", 2024, 160000, 170000)]
    assert rows[0]["activity_iri"].endswith("activity-faelleshaven")
    assert "Lønmidler 120.000 120.000 160.000 160.000" in rows[0]["old_source"]
    # a workbook is a plan too: diff reads it directly
    assert json.loads(run(runner, "diff", SHIPPED, edited, "--format", "json").stdout) == rows
    strict = run(runner, "diff", SHIPPED, folder, "--strict")
    assert strict.exit_code == 1 and "160.000 kr." in strict.stdout and "beløb ændret" in strict.stdout


def test_an_unedited_workbook_imports_to_the_same_bytes(runner, exported, tmp_path):
    folder = tmp_path / "again"
    assert run(runner, "import", exported, "-o", folder).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in SHIPPED.iterdir())
    for path in SHIPPED.iterdir():
        assert (folder / path.name).read_bytes() == path.read_bytes(), path.name


def test_identical_plans_give_no_rows(runner):
    result = run(runner, "diff", SHIPPED, SHIPPED, "--strict")
    assert result.exit_code == 0
    assert result.stdout == "De to planer siger det samme: ingen ændringer.\n"
    assert json.loads(run(runner, "diff", SHIPPED, SHIPPED, "--format", "json").stdout) == []


def test_a_workbook_with_problems_writes_nothing(runner, exported, tmp_path):
    broken = tmp_path / "broken.xlsx"
    workbook = load_workbook(exported)
    sheet = workbook["Budget"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("Beløb (kr.)") + 1, value="12,5x")
    sheet.cell(row=3, column=header.index("År") + 1, value=2019)
    workbook.save(broken)
    folder = tmp_path / "out"
    result = run(runner, "import", broken, "-o", folder)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("Error: ") for line in lines)
    assert any("række 2" in line and "'12,5x'" in line for line in lines)  # --lang da, the default
    assert any("række 3" in line and "2019" in line for line in lines)
    assert "Traceback" not in result.output
    assert not folder.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["broken.xlsx"]


def test_import_refuses_a_folder_with_other_files(runner, exported, tmp_path):
    (tmp_path / "notes.docx").write_text("mine", encoding="utf-8")
    result = run(runner, "import", exported, "-o", tmp_path)
    assert result.exit_code == 2
    assert "besides Turtle files" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.docx"]


def test_new_workbook_for_a_year(runner, tmp_path):
    path = tmp_path / "plan-2025.xlsx"
    result = run(runner, "new", "-o", path, "--year", "2025")
    assert result.exit_code == 0 and result.stdout == f"{path}: workbook\n"
    plan_sheet = load_workbook(path)["Plan"]
    assert 2025 in [cell.value for row in plan_sheet.iter_rows(min_row=2) for cell in row]


def test_a_plans_text_becomes_a_draft_folder_with_a_review_list(runner, tmp_path):
    folder = tmp_path / "amagerbro-2024"
    result = run(runner, "import", MINI, "-o", folder)
    assert result.exit_code == 0, result.output
    assert "læsninger at gennemse" in result.stdout
    names = sorted(p.name for p in folder.iterdir())
    assert "plan.ttl" in names and "review.csv" in names and any(n.startswith("activity-") for n in names)
    review = list(csv.DictReader(io.StringIO((folder / "review.csv").read_text(encoding="utf-8"))))
    assert review and set(review[0]) == {"section", "line", "read", "why", "suggestion"}
    assert run(runner, "validate", "--data", folder).exit_code == 0  # warnings allowed
    assert run(runner, "audit", "budget", "--data", folder).exit_code == 0
    again = tmp_path / "again"
    run(runner, "import", MINI, "-o", again)
    for path in folder.iterdir():  # the same input gives the same draft, byte for byte
        assert (again / path.name).read_bytes() == path.read_bytes()


def test_a_draft_as_a_workbook_with_a_review_sheet_imports_again(runner, tmp_path):
    draft = tmp_path / "draft.xlsx"
    result = run(runner, "import", MINI, "-o", draft)
    assert result.exit_code == 0, result.output
    sheets = load_workbook(draft).sheetnames
    assert "Gennemsyn" in sheets
    folder = tmp_path / "corrected"
    assert run(runner, "import", draft, "-o", folder).exit_code == 0
    assert (folder / "plan.ttl").is_file()


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"Indkoebsliste\nmaelk\nbroed\n" * 20, "is this a tryghedsplan?"),
])
def test_bad_plan_text_is_one_line_exit_3_nothing_written(runner, tmp_path, content, words):
    source = tmp_path / "plan.txt"
    source.write_bytes(content)
    result = run(runner, "import", source, "-o", tmp_path / "out")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and words in lines[0].lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt"]


def test_import_of_an_unknown_kind_of_file(runner, tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes(b"PK")
    result = run(runner, "import", source, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "workbook (.xlsx) or a plan's PDF or text" in result.stderr


TWO_YEARS = Path(__file__).parent / "data" / "workbook"


def test_render_diff_marks_what_changed(runner, tmp_path):
    """two-years-2025 adds Idrætsdag, ends Sommerlejr, renames Haven to Fælleshaven."""
    out = tmp_path / "diff.html"
    result = run(runner, "render", "diff", TWO_YEARS / "two-years-2024.ttl", TWO_YEARS / "two-years-2025.ttl", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    data = json.loads(page.split('<script type="application/json" id="theory-networks">', 1)[1].split("</script>", 1)[0])
    nodes = {n["label"].replace("\n", " "): n for n in data[0]["nodes"]}
    from theory.render.diff import MARKS

    assert nodes["3. Idrætsdag"]["color"]["border"] == MARKS["added"]
    assert nodes["2. Fælleshaven"]["color"]["border"] == MARKS["changed"]
    assert nodes["3. Sommerlejr"]["color"]["border"] == MARKS["removed"]  # a ghost of the removed activity
    assert any(e["link"] == "supports-removed" for e in data[0]["edges"])
    assert "Hvad er ændret" in page and "Tilføjet siden den gamle plan" in page
    again = tmp_path / "again.html"
    run(runner, "render", "diff", TWO_YEARS / "two-years-2024.ttl", TWO_YEARS / "two-years-2025.ttl", "-o", again)
    assert again.read_bytes() == out.read_bytes()


def test_render_diff_needs_two_plans(runner, tmp_path):
    result = run(runner, "render", "diff", SHIPPED, "-o", tmp_path / "d.html")
    assert result.exit_code == 2 and "takes two plans" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_readme_import_example_is_real(runner, tmp_path, monkeypatch):
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command, shown = re.search(r"\$ (theory import tests/data/importer/mini-plan\.txt[^\n]*)\n([^\n]*)\n", readme).groups()
    args = shlex.split(command)[1:]
    args[1] = str(ROOT / args[1])
    monkeypatch.chdir(tmp_path)
    result = run(runner, *args)
    assert result.exit_code == 0 and result.stdout == shown + "\n"


@pytest.mark.parametrize("name", ["missing.pdf", "missing.xlsx", "missing.txt"])
def test_a_missing_source_is_input_that_cannot_be_loaded(runner, tmp_path, name):
    result = run(runner, "import", tmp_path / name, "-o", tmp_path / "out")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and name in lines[0]
    assert list(tmp_path.iterdir()) == []
