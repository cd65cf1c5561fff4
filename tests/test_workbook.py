"""theory.workbook: the shipped plan out to Excel and back gives the same triples.

Also: the workbook an analyst sees (headers in da and en, drop-downs for every closed list,
the first sheet's explanation, frozen headers, filters, amount formats), IDs that keep an
IRI through a rename, new rows minted from names and numbers, the empty workbook, and an
edited amount that ``diff`` reports as exactly that change.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from theory.build import serialize
from theory.errors import LoadError
from theory.diff import diff_plans
from theory.namespaces import TH
from theory.workbook import export_workbook, import_workbook, new_workbook
from theory.workbook.schema import CHOICES, SHEETS, column_title, covered, sheet_title
from theory.workbook.vocab import Vocabulary

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "graph" / "tingbjerg-husum-2024"
REGISTRY = ROOT / "graph" / "registry"
THD = "https://w3id.org/theory/data/tingbjerg-husum/"


def _parse(folder: Path) -> Graph:
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def plan() -> Graph:
    """The plan's own triples: what its folder's files hold."""
    return _parse(PLAN)


@pytest.fixture(scope="module")
def registry() -> Graph:
    """The shared actor registry (empty while every actor is in the plan's actors.ttl)."""
    return _parse(REGISTRY) if REGISTRY.is_dir() else Graph()


@pytest.fixture(scope="module")
def exported(plan, registry) -> bytes:
    both = Graph()
    both += plan
    both += registry
    return export_workbook(both, lang="da")


def _nt(graph: Graph) -> list[str]:
    return serialize(graph, "nt").decode("utf-8").splitlines()


def _edit(data: bytes, sheet: str, edits: dict[tuple[int, str], object]) -> bytes:
    """``data`` with cells set: (row, header) -> value."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    headers = {cell.value: cell.column for cell in ws[1]}
    for (row, header), value in edits.items():
        ws.cell(row=row, column=headers[header], value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _find_row(data: bytes, sheet: str, **match) -> int:
    ws = openpyxl.load_workbook(io.BytesIO(data))[sheet]
    headers = [cell.value for cell in ws[1]]
    for row in ws.iter_rows(min_row=2):
        values = dict(zip(headers, (cell.value for cell in row)))
        if all(values.get(k) == v for k, v in match.items()):
            return row[0].row
    raise AssertionError(f"no row {match} in sheet {sheet}")


# round trip


@pytest.mark.parametrize("written, told", [("da", "da"), ("en", "en"), ("da", "en"), ("en", "da")])
def test_shipped_plan_round_trips_to_the_same_triples(plan, registry, written, told):
    """Whatever language the workbook is written in and whatever language the import speaks."""
    both = Graph()
    both += plan
    both += registry
    imported = import_workbook(export_workbook(both, lang=written), registry=registry, lang=told)
    assert _nt(imported.graph) == _nt(plan)
    assert len(imported.graph) == len(plan) > 5000


def test_export_is_the_same_bytes_every_time(exported, plan, registry):
    both = Graph()
    both += registry
    both += plan
    assert export_workbook(both, lang="da") == exported
    archive = zipfile.ZipFile(io.BytesIO(exported))
    assert {info.date_time for info in archive.infolist()} == {(2024, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2024-01-01T00:00:00Z" in core and "<dc:creator>theory</dc:creator>" in core


def _uncovered(graph: Graph) -> list[str]:
    """``class property`` for every property a node has that no column writes on any of its classes."""
    columns = covered()
    names = Graph(bind_namespaces="rdflib")
    names.bind("th", str(TH._NS))
    short = names.namespace_manager
    out = set()
    for node in set(graph.subjects(RDF.type, None)):
        types = set(graph.objects(node, RDF.type))
        written = set().union(*(columns.get(kind, set()) for kind in types))
        for prop in set(graph.predicates(node, None)) - written:
            kinds = " ".join(sorted(kind.n3(short) for kind in types))
            out.add(f"{kinds} {prop.n3(short)}")
    return sorted(out)


def test_every_property_the_shipped_data_uses_has_a_column(plan):
    """A property the workbook does not carry would be lost on the way back: name it."""
    assert _uncovered(plan) == []


def test_the_coverage_check_can_fail(plan):
    """A property no column writes is reported."""
    extra = Graph()
    extra += plan
    extra.add((URIRef(THD + "activity-faelleshaven"), TH.worksToward, URIRef(THD + "result-trygt-byliv-1")))
    assert _uncovered(extra) == ["th:Activity th:worksToward"]


# what the analyst sees


@pytest.mark.parametrize("lang", ["da", "en"])
def test_sheets_and_headers_are_in_the_chosen_language(plan, lang):
    wb = openpyxl.load_workbook(io.BytesIO(export_workbook(plan, lang=lang)))
    expected = [sheet_title("about", lang), *(sheet.name(lang) for sheet in SHEETS), sheet_title("lists", lang)]
    assert wb.sheetnames == expected
    for sheet in SHEETS:
        headers = [cell.value for cell in wb[sheet.name(lang)][1]]
        assert headers == [column.header(lang) for column in sheet.columns]
    budget = {"da": ["Aktivitet", "År", "Tabel", "Budgetpost", "Postens navn i planen", "Beløb (kr.)", "Trykt som",
                     "Note", "Kilde (afsnit)", "Citat", "ID"],
              "en": ["Activity", "Year", "Table", "Budget line", "Line as printed", "Amount (DKK)", "Printed as",
                     "Note", "Source (section)", "Quote", "ID"]}[lang]
    assert wb.sheetnames[:4] == {"da": ["Om", "Plan", "Indsatsområder", "Resultater"],
                                 "en": ["About", "Plan", "Focus areas", "Results"]}[lang]
    assert [cell.value for cell in wb["Budget"][1]] == budget  # the catalogue's words, not the code's keys
    lists = wb[wb.sheetnames[-1]]
    assert [row[0].value for row in lists.iter_rows(min_col=len(CHOICES) + 2, max_col=len(CHOICES) + 2, max_row=3)] == \
        ["flag", *{"da": ["ja", "nej"], "en": ["yes", "no"]}[lang]]
    roles = wb[sheet_title("roles", lang)]
    role_column = [c.value for c in roles[1]].index(column_title("role", lang)) + 1
    assert roles.cell(row=2, column=role_column).value == ("ansvarlig" if lang == "da" else "lead")


def test_the_danish_and_english_headers_read_back(plan, registry):
    """A workbook exported in English imports the same as the Danish one."""
    english = import_workbook(export_workbook(plan, lang="en"), registry=registry)
    danish = import_workbook(export_workbook(plan, lang="da"), registry=registry)
    assert _nt(english.graph) == _nt(danish.graph)


def _validations(ws) -> dict[str, str]:
    """Column letter -> the formula of its drop-down."""
    out = {}
    for validation in ws.data_validations.dataValidation:
        for ranges in validation.sqref.ranges:
            out[ranges.coord.split(":")[0].rstrip("0123456789")] = (validation.formula1, validation.errorStyle)
    return out


def _list_values(wb, formula: str) -> list:
    sheet, cells = formula.lstrip("=").split("!")
    ws = wb[sheet.strip("'")]
    first, last = cells.replace("$", "").split(":")
    return [row[0].value for row in ws[first:last] if row[0].value is not None]


@pytest.mark.parametrize(
    "sheet_key, column_key, expected",
    [
        ("roles", "role", ["ansvarlig", "medansvarlig", "samarbejdspartner", "driftsansvarlig",
                           "træner eller underviser", "medfinansierer", "lægger lokaler til"]),
        ("actors", "actor_kind", None),
        ("budget", "line", ["lønmidler", "aktivitetsmidler", "husleje", "andet", "i alt"]),
        ("budget", "table", ["budgetoversigten", "aktivitetens økonomitabel", "planens tekst"]),
        ("budget", "year", [2021, 2022, 2023, 2024]),
        ("status", "status", ["ny", "fortsat", "afsluttet"]),
        ("status", "year", [2021, 2022, 2023, 2024]),
        ("support", "focus_area", ["Trygt byliv", "Positive fællesskaber", "Uddannelse og beskæftigelse",
                                   "Kommunikation, dialog og synlighed"]),
        ("results", "focus_area", ["Trygt byliv", "Positive fællesskaber", "Uddannelse og beskæftigelse",
                                   "Kommunikation, dialog og synlighed"]),
        ("deliverables", "period", ["pr. år", "pr. måned", "pr. uge", "pr. arrangement", "løbende"]),
        ("target_groups", "priority", ["primær", "sekundær", "tertiær"]),
    ],
)
def test_every_closed_list_has_a_drop_down(exported, sheet_key, column_key, expected):
    wb = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = next(s for s in SHEETS if s.key == sheet_key)
    letter = openpyxl.utils.get_column_letter([c.key for c in sheet.columns].index(column_key) + 1)
    formula, style = _validations(wb[sheet.name("da")])[letter]
    assert style == "stop"
    values = _list_values(wb, formula)
    if expected is None:  # actor kinds: the ontology's labels
        expected = Vocabulary().choices("actor_kind", "da")
        assert "Forvaltning" in expected and "Forening" in expected
    assert sorted(map(str, values)) == sorted(map(str, expected))


def test_the_lists_sheet_is_hidden_and_last(exported):
    wb = openpyxl.load_workbook(io.BytesIO(exported))
    assert wb.sheetnames[-1] == "Lister" and wb["Lister"].sheet_state == "hidden"
    assert wb.sheetnames[0] == "Om" and wb.active.title == "Om"


@pytest.mark.parametrize("lang, words", [
    ("da", ["theory import", "Budget", "rullemenu", "ID", "Alt+Enter", "Kilde"]),
    ("en", ["theory import", "Budget", "drop-down", "ID", "Alt+Enter", "Source"]),
])
def test_the_first_sheet_explains_the_workbook(plan, lang, words):
    wb = openpyxl.load_workbook(io.BytesIO(export_workbook(plan, lang=lang, file_name="tingbjerg.xlsx")))
    about = wb.worksheets[0]
    text = "\n".join(str(row[0].value) for row in about.iter_rows() if row[0].value)
    assert about["A1"].value.endswith("Tingbjerg-Husum tryghedsplan 2024")
    assert "theory import tingbjerg.xlsx" in text
    for expected in words:
        assert expected in text


def test_headers_are_frozen_filtered_and_amounts_have_thousands_separators(exported):
    wb = openpyxl.load_workbook(io.BytesIO(exported))
    ws = wb["Budget"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:K{ws.max_row}"
    assert ws["A1"].font.bold
    assert ws.column_dimensions["A"].width >= 20
    amount = ws.cell(row=2, column=6)
    assert isinstance(amount.value, int) and amount.number_format == "#,##0"


def test_a_figure_recorded_as_printed_keeps_its_form(exported):
    """188.00 ("Trykt som '188.00'") is text in the cell and the same literal after import."""
    row = _find_row(exported, "Budget", **{"Aktivitet": "Tidlig Foreningsstart", "År": 2022,
                                           "Budgetpost": "lønmidler", "Tabel": "aktivitetens økonomitabel"})
    ws = openpyxl.load_workbook(io.BytesIO(exported))["Budget"]
    assert ws.cell(row=row, column=6).value == "188.00"


# editing


def test_an_edited_amount_is_exactly_one_change_in_diff(exported, plan, registry):
    row = _find_row(exported, "Budget", **{"Aktivitet": "Fælleshaven", "År": 2024, "Budgetpost": "lønmidler",
                                           "Tabel": "aktivitetens økonomitabel"})
    edited = _edit(exported, "Budget", {(row, "Beløb (kr.)"): 170000})
    imported = import_workbook(edited, registry=registry)
    rows = diff_plans(plan, imported.graph)
    assert [(r["kind"], r["subject"], r["year"], r["old"], r["new"]) for r in rows] == [
        ("budget-changed", "1. Fælleshaven – Lønmidler (aktivitetens økonomitabel)", 2024, 160000, 170000)
    ]
    assert rows[0]["iri_new"] == THD + "amount-faelleshaven-2024-activity-salary"


def test_renaming_keeps_the_iri(exported, plan, registry):
    """The ID column keeps the IRI; references follow a Find and Replace of the name."""
    wb = openpyxl.load_workbook(io.BytesIO(exported))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value == "Fælleshaven":
                    cell.value = "Haven i Tingbjerg"
    out = io.BytesIO()
    wb.save(out)
    imported = import_workbook(out.getvalue(), registry=registry)
    activity = URIRef(THD + "activity-faelleshaven")
    assert imported.graph.value(activity, RDFS.label) in (Literal("Haven i Tingbjerg", lang="da"),
                                                           Literal("The Community Garden", lang="en"))
    kinds = [(r["kind"], r["old"], r["new"]) for r in diff_plans(plan, imported.graph)]
    assert ("activity-renamed", "Fælleshaven", "Haven i Tingbjerg") in kinds
    assert all(kind in ("activity-renamed",) for kind, _, _ in kinds), kinds


def test_new_rows_without_an_id_are_minted_from_names_and_numbers(exported, registry):
    last_activity = openpyxl.load_workbook(io.BytesIO(exported))["Aktiviteter"].max_row + 1
    last_amount = openpyxl.load_workbook(io.BytesIO(exported))["Budget"].max_row + 1
    last_role = openpyxl.load_workbook(io.BytesIO(exported))["Roller"].max_row + 1
    edited = _edit(exported, "Aktiviteter", {(last_activity, "Nummer"): 17, (last_activity, "Navn"): "Grøn Gård"})
    edited = _edit(edited, "Budget", {(last_amount, "Aktivitet"): "Grøn Gård", (last_amount, "År"): 2024,
                                      (last_amount, "Tabel"): "aktivitetens økonomitabel",
                                      (last_amount, "Budgetpost"): "lønmidler", (last_amount, "Beløb (kr.)"): 50000})
    edited = _edit(edited, "Roller", {(last_role, "Aktivitet"): 17, (last_role, "Aktør"): "Brønshøj Boldklub",
                                      (last_role, "Rolle"): "ansvarlig"})
    first = import_workbook(edited, registry=registry)
    again = import_workbook(edited, registry=registry)
    activity = URIRef(THD + "activity-groen-gaard")
    assert (activity, TH.activityNumber, Literal(17)) in first.graph
    amount = URIRef(THD + "amount-groen-gaard-2024-activity-salary")
    assert (amount, TH.forActivity, activity) in first.graph
    role = URIRef(THD + "resp-groen-gaard-broenshoej-boldklub-lead")
    assert (activity, TH.responsibility, role) in first.graph
    assert first.origins[amount].sheet == "Budget" and first.origins[amount].row == last_amount
    assert _nt(first.graph) == _nt(again.graph)


# the empty workbook


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_new_workbook_reads_back_as_an_empty_plan(lang):
    imported = import_workbook(new_workbook(lang=lang))
    assert len(imported.graph) == 0
    wb = openpyxl.load_workbook(io.BytesIO(new_workbook(lang=lang)))
    assert [cell.value for cell in wb[SHEETS[0].name(lang)][1]] == [c.header(lang) for c in SHEETS[0].columns]


def test_a_new_workbook_for_a_year_holds_that_plan_year():
    data = new_workbook(year=2025)
    assert data == new_workbook(year=2025)
    imported = import_workbook(data)
    plans = list(imported.graph.subjects(RDF.type, TH.SafetyPlan))
    assert len(plans) == 1
    assert str(imported.graph.value(plans[0], TH.planYear)) == "2025"
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert _list_values(wb, "=Lister!$" + openpyxl.utils.get_column_letter(len(CHOICES) + 1) + "$2:$"
                        + openpyxl.utils.get_column_letter(len(CHOICES) + 1) + "$2") == [2025]


# a workbook saved by LibreOffice (as Excel saves it: values cached, formulas kept)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (apt-get install libreoffice-calc-nogui)")
def test_a_workbook_saved_by_libreoffice_imports_the_same(tmp_path, exported, plan, registry):
    row = _find_row(exported, "Budget", **{"Aktivitet": "Fælleshaven", "År": 2024, "Budgetpost": "lønmidler",
                                           "Tabel": "aktivitetens økonomitabel"})
    with_formula = _edit(exported, "Budget", {(row, "Beløb (kr.)"): "=150000+10000"})
    source = tmp_path / "plan.xlsx"
    source.write_bytes(with_formula)
    out = tmp_path / "saved"
    subprocess.run(
        [SOFFICE, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
         str(source)],
        check=True, capture_output=True, timeout=120, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    saved = out / "plan.xlsx"
    formulas = openpyxl.load_workbook(saved)["Budget"]
    assert formulas.cell(row=row, column=6).value == "=150000+10000"  # the formula is kept, its value cached
    imported = import_workbook(saved, registry=registry)
    assert _nt(imported.graph) == _nt(plan)


# the shared actor registry


def _actor_rows(data: bytes) -> list[dict]:
    actors = openpyxl.load_workbook(io.BytesIO(data))["Aktører"]
    headers = [cell.value for cell in actors[1]]
    return [dict(zip(headers, (cell.value for cell in row))) for row in actors.iter_rows(min_row=2)]


def test_registry_actors_are_listed_but_not_written_to_the_plan(exported, plan, registry):
    rows = _actor_rows(exported)
    police = next(row for row in rows if row["ID"] == "actor:koebenhavns-politi")
    assert police["Fælles aktørregister"] == "ja" and police["Part i partnerskabet"] == "ja"
    own = next(row for row in rows if row["ID"] == "actor-broenshoej-boldklub")
    assert own["Fælles aktørregister"] == "nej"
    imported = import_workbook(exported, registry=registry)
    assert _nt(imported.graph) == _nt(plan)
    shared = {s for s in imported.registry.subjects()}
    assert URIRef("https://w3id.org/theory/data/actors/koebenhavns-politi") in shared
    assert set(imported.registry) <= set(registry)  # what the rows say is what the registry says


def test_a_registry_actor_left_out_of_the_sheet_is_found_in_the_registry(exported, plan, registry):
    row = _find_row(exported, "Aktører", ID="actor:kff")

    def without(data):
        wb = openpyxl.load_workbook(io.BytesIO(data))
        wb["Aktører"].delete_rows(row)  # roles and sub-organisations keep naming KFF
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()

    imported = import_workbook(without(exported), registry=registry)
    kff = URIRef("https://w3id.org/theory/data/actors/kff")
    assert len(list(imported.graph.subjects(None, kff))) >= 3  # roles and an actor that is part of KFF
    expected = Graph()
    expected += plan
    expected.remove((None, TH.party, kff))  # the row said KFF is a party; without the row, it is not
    assert _nt(imported.graph) == _nt(expected)
    assert (kff, None, None) not in imported.registry
    with pytest.raises(LoadError) as caught:
        import_workbook(without(exported), lang="en")  # without the registry, the name is unknown
    assert all("no actor 'Kultur- og Fritidsforvaltningen'" in problem for problem in caught.value.problems)


def test_decimals_from_a_store_are_numbers_in_the_cells():
    """Oxigraph writes 300000.0 as "300000"; the cell is still the number, not text."""
    from theory.workbook.cells import number_cell
    from rdflib import XSD

    assert number_cell(Literal("300000", datatype=XSD.decimal)) == 300000
    assert number_cell(Literal("300000.0", datatype=XSD.decimal)) == 300000
    assert number_cell(Literal("2.5", datatype=XSD.decimal)) == 2.5
    assert number_cell(Literal("188.00", datatype=XSD.decimal)) == "188.00"


def test_a_workbook_holds_one_plan(data_dir):
    from theory.errors import UsageError

    both = Graph()
    both.parse(data_dir / "workbook" / "two-years-2024.ttl")
    both.parse(data_dir / "workbook" / "two-years-2025.ttl")
    with pytest.raises(UsageError, match="the data holds 2 plans; a workbook holds one"):
        export_workbook(both)
