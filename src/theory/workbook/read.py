"""An .xlsx file in, the rows of every sheet out, with every cell problem noted.

Sheets and headers are recognised in Danish or English, whatever language the workbook
was exported in. A workbook saved by Excel or LibreOffice carries each formula's last
value; that value is read. A formula without one (a file written by a program that does
not calculate) and merged cells are problems, as are missing sheets, missing required
columns and cells that cannot be read. Problems are collected, not raised one by one, and
told in the language asked for; the titles of both languages come from the message
catalogue (:mod:`.schema`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ..errors import LoadError
from .cells import CellProblem, parse_cell
from .problems import Problems
from .schema import LANGS, SHEETS, Sheet
from .vocab import Vocabulary

__all__ = ["Row", "SheetRows", "WorkbookRows", "read_workbook"]


@dataclass
class Row:
    """One data row: its number in the sheet and its cells' values by column key."""

    number: int
    values: dict[str, object]
    #: column keys whose cell was given but could not be read
    bad: set[str] = field(default_factory=set)


@dataclass
class SheetRows:
    """The rows of one sheet, and its name and headers as the workbook writes them."""

    sheet: Sheet
    name: str
    headers: dict[str, str]
    rows: list[Row] = field(default_factory=list)

    #: the language of the workbook's titles, for a column it lacks
    lang: str = "da"

    def header(self, key: str) -> str:
        return self.headers.get(key) or self.sheet.column(key).header(self.lang)


@dataclass
class WorkbookRows:
    """Every data sheet that was found, by sheet key; ``lang``: the language of its sheet names
    (the one the workbook was written in, not the one problems are told in)."""

    sheets: dict[str, SheetRows]
    lang: str
    source: str


def _open(source: Path | bytes, *, data_only: bool):
    from openpyxl import load_workbook

    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
    return load_workbook(stream, data_only=data_only)


def _find_sheets(titles: list[str]) -> tuple[dict[str, str], str]:
    """Sheet key -> the title of the worksheet that is that sheet; and the language found."""
    by_name = {title.strip().casefold(): title for title in titles}
    found: dict[str, str] = {}
    votes = {lang: 0 for lang in LANGS}
    for sheet in SHEETS:
        for lang in LANGS:
            title = by_name.get(sheet.name(lang).casefold())
            if title is not None:
                found.setdefault(sheet.key, title)
                votes[lang] += 1
    lang = max(LANGS, key=lambda lang: (votes[lang], lang == "da"))
    return found, lang


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_sheet(ws, fws, sheet: Sheet, lang: str, vocab: Vocabulary, problems: Problems) -> SheetRows:
    """The rows of one sheet; ``lang``: the workbook's language (problems are in ``problems.lang``)."""
    t = problems.t
    title = ws.title
    header_cells = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    wanted = {h.casefold(): column.key for column in sheet.columns for h in column.headers()}
    positions: dict[str, int] = {}
    headers: dict[str, str] = {}
    for index, text in enumerate(header_cells):
        if _blank(text):
            continue
        key = wanted.get(str(text).strip().casefold())
        if key is None:
            continue  # a column of the analyst's own: ignored
        if key in positions:
            problems.add(t("column '{column}' appears twice; delete one of them", column=text), sheet=title, row=1)
            continue
        positions[key], headers[key] = index, str(text).strip()
    out = SheetRows(sheet, title, headers, lang=lang)
    for column in sheet.columns:
        if column.required and column.key not in positions:
            problems.add(t("required column '{column}' is missing; add a column with that header (as in a workbook "
                           "from theory export)", column=column.header(lang)), sheet=title)
    for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
        problems.add(t("cells {cells} are merged; unmerge them so that every value has a cell of its own",
                       cells=merged.coord), sheet=title, row=merged.min_row)
    hints = {c.key: ", ".join(vocab.choices(c.target, lang)) for c in sheet.columns if c.kind in ("choice", "type")}
    formula_rows = fws.iter_rows(min_row=2, values_only=False)
    for number, cells in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        formula_cells = next(formula_rows, ())
        raw = {key: cells[pos] if pos < len(cells) else None for key, pos in positions.items()}
        if all(_blank(value) for value in raw.values()):
            continue
        row = Row(number, {})
        for column in sheet.columns:
            if column.key not in positions:
                row.values[column.key] = None
                continue
            header = headers[column.key]
            pos = positions[column.key]
            value = raw[column.key]
            formula = formula_cells[pos] if pos < len(formula_cells) else None
            if formula is not None and formula.data_type == "f" and value is None:
                problems.add(t("the formula {formula} has no saved value; open and save the workbook in Excel or "
                               "LibreOffice (which stores the value), or type the value instead",
                               formula=formula.value), sheet=title, row=number, column=header)
                row.bad.add(column.key)
                row.values[column.key] = None
                continue
            if _blank(value):
                row.values[column.key] = None
                if column.required:
                    problems.add(t("empty; fill in the {column}", column=header.lower()), sheet=title, row=number,
                                 column=header)
                    row.bad.add(column.key)
                continue
            try:
                row.values[column.key] = parse_cell(column, value, vocab, hints.get(column.key, ""), problems.lang)
            except CellProblem as problem:
                problems.add(str(problem), sheet=title, row=number, column=header)
                row.values[column.key] = None
                row.bad.add(column.key)
        out.rows.append(row)
    return out


def read_workbook(source: Path | bytes, *, ontology: Graph | None = None,
                  problems: Problems | None = None, lang: str = "da") -> WorkbookRows:
    """Read the workbook at ``source`` (a path or the file's bytes), written in either language.

    Problems go to ``problems`` (told in its language); without it, they are told in ``lang``
    and raised at the end as one :class:`~theory.errors.LoadError`. A file that is not an
    .xlsx workbook at all is a :class:`~theory.errors.LoadError` at once.
    """
    own = problems is None
    problems = Problems(lang) if own else problems
    t = problems.t
    name = Path(source).name if isinstance(source, (str, Path)) else t("workbook")
    if isinstance(source, (str, Path)) and not Path(source).is_file():
        raise LoadError(t("{source}: no such file; check the path of the workbook", source=source))
    try:
        values = _open(source, data_only=True)
        formulas = _open(source, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise LoadError(t("{source}: not an Excel workbook (.xlsx): {error}; save it as an .xlsx file",
                          source=name, error=first)) from None
    vocab = Vocabulary(ontology)
    found, lang = _find_sheets(values.sheetnames)
    sheets: dict[str, SheetRows] = {}
    for sheet in SHEETS:
        title = found.get(sheet.key)
        if title is None:
            problems.add(t("the workbook has no sheet '{sheet}'; add it back (copy it from a workbook made by theory "
                           "new) or export the plan again", sheet=sheet.name(lang)))
            continue
        sheets[sheet.key] = _read_sheet(values[title], formulas[title], sheet, lang, vocab, problems)
    if own:
        problems.raise_if_any(name)
    return WorkbookRows(sheets, lang, name)

