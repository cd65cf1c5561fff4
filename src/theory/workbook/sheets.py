"""The workbook's rows as an .xlsx file an analyst can edit without help.

A first sheet explains the workbook in plain words; every data sheet has a bold, frozen
header row in the chosen language, filters, sensible widths, amounts as numbers with
thousands separators, and drop-downs for every closed list. The lists live on a hidden
sheet; the focus-area and activity drop-downs point at their own sheets, so rows added
there appear in the drop-downs at once.

The file is the same bytes for the same rows: fixed workbook properties and zip entry
times, no timestamp anywhere. openpyxl writes the XML; this module only fixes the zip
entries' dates afterwards.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from ..i18n import texts
from .export import PlanRows
from .schema import (ABOUT_PARAGRAPHS, ABOUT_TITLE, CHOICES, REVIEW_TITLES, SHEETS, SHEETS_BY_KEY, Column,
                     sheet_title)
from .vocab import Vocabulary

__all__ = ["write_workbook", "VALIDATED_ROWS", "FIXED_TIME"]

#: drop-downs reach this many rows below the header (or the data plus 500, if longer)
VALIDATED_ROWS = 1000
#: the workbook's creation and modification time, and every zip entry's time
FIXED_TIME = dt.datetime(2024, 1, 1)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_ID_FONT = Font(color="808080")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
#: the closed lists on the hidden sheet: list key -> column there
_LIST_KEYS = (*CHOICES, "years", "flag")


def _deterministic(data: bytes) -> bytes:
    """The same zip with every entry dated :data:`FIXED_TIME`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def _lists_sheet(wb: Workbook, lang: str, vocab: Vocabulary, years: list[int]) -> dict[str, str]:
    """The hidden sheet of closed lists; list key -> its range formula for a drop-down."""
    ws = wb.create_sheet(sheet_title("lists", lang))
    ws.sheet_state = "hidden"
    formulas = {}
    for index, key in enumerate(_LIST_KEYS, start=1):
        if key == "years":
            values = years
        elif key == "flag":
            values = [texts(lang)("yes"), texts(lang)("no")]
        else:
            values = vocab.choices(key, lang)
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=key)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=index, value=value)
        last = max(2, len(values) + 1)
        formulas[key] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${last}"
    return formulas


def _column_range(sheet_key: str, column_key: str, lang: str, last: int) -> str:
    sheet = SHEETS_BY_KEY[sheet_key]
    index = [c.key for c in sheet.columns].index(column_key) + 1
    letter = get_column_letter(index)
    return f"{quote_sheetname(sheet.name(lang))}!${letter}$2:${letter}${last}"


def _validation(column: Column, lang: str, lists: dict[str, str], last: int) -> DataValidation | None:
    """The drop-down of ``column``: closed lists refuse other values, references only warn."""
    if column.kind in ("choice", "type"):
        formula, strict = lists[column.target], True
    elif column.kind == "flag":
        formula, strict = lists["flag"], True
    elif column.kind == "year":
        formula, strict = lists["years"], True
    elif column.kind == "ref" and column.target == "focus_area":
        formula, strict = _column_range("focus_areas", "name", lang, last), True
    elif column.kind == "ref" and column.target == "activity":
        formula, strict = _column_range("activities", "name", lang, last), False
    elif column.kind == "ref" and column.target == "actor":
        formula, strict = _column_range("actors", "name", lang, last), False
    else:
        return None
    t = texts(lang)
    return DataValidation(
        type="list",
        formula1=f"={formula}",
        allow_blank=True,
        showDropDown=False,  # openpyxl's name for "hide the arrow": False shows it
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle=column.header(lang),
        error=t("Choose a value from the list.") if strict else t("The name is not in the list."),
    )


def _about_sheet(wb: Workbook, lang: str, file_name: str, title: str) -> None:
    ws = wb.active
    t = texts(lang)
    ws.title = sheet_title("about", lang)
    ws.column_dimensions["A"].width = 110
    ws["A1"] = t(ABOUT_TITLE) + (f": {title}" if title else "")
    ws["A1"].font = Font(bold=True, size=14)
    for row, paragraph in enumerate(ABOUT_PARAGRAPHS, start=3):
        cell = ws.cell(row=row, column=1, value=t(paragraph, file=file_name))
        cell.alignment = _WRAP


def _data_sheet(wb: Workbook, sheet_key: str, rows: list[dict], lang: str, lists: dict[str, str]) -> None:
    sheet = SHEETS_BY_KEY[sheet_key]
    ws = wb.create_sheet(sheet.name(lang))
    columns = sheet.columns
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header(lang))
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            value = row.get(column.key)
            if value is None or value == "":
                continue
            cell = ws.cell(row=row_number, column=index, value=value)
            if column.kind == "amount" and isinstance(value, (int, float)):
                cell.number_format = "#,##0" if float(value).is_integer() else "#,##0.00"
            elif column.kind in ("month", "id") or isinstance(value, str) and column.kind in ("amount", "decimal"):
                cell.number_format = "@"
            if column.kind == "id":
                cell.font = _ID_FONT
            cell.alignment = _WRAP if column.width >= 24 or column.kind in ("lines", "refs", "quote") else _TOP
    last_row = max(VALIDATED_ROWS, len(rows) + 500)
    for index, column in enumerate(columns, start=1):
        validation = _validation(column, lang, lists, last_row)
        if validation is not None:
            letter = get_column_letter(index)
            validation.add(f"{letter}2:{letter}{last_row}")
            ws.add_data_validation(validation)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _review_sheet(wb: Workbook, lang: str, review: tuple[list[str], list[dict]]) -> None:
    """The readings of a draft a person should check (``theory import PLAN.pdf -o plan.xlsx``);
    import ignores this sheet."""
    columns, rows = review
    ws = wb.create_sheet(sheet_title("review", lang))
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=texts(lang).context("column", REVIEW_TITLES[column]))
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        ws.column_dimensions[get_column_letter(index)].width = 60 if column in ("why", "suggestion", "read") else 24
    for row_number, row in enumerate(rows, start=2):
        for index, column in enumerate(columns, start=1):
            ws.cell(row=row_number, column=index, value=row.get(column)).alignment = _WRAP
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def write_workbook(rows: PlanRows, *, lang: str, vocab: Vocabulary, file_name: str = "plan.xlsx",
                   review: tuple[list[str], list[dict]] | None = None) -> bytes:
    """``rows`` as the bytes of an .xlsx file in ``lang`` (da or en); ``review`` (columns,
    rows) adds a draft's review list as a sheet of its own."""
    texts(lang)  # an unknown language is a UsageError before anything is made
    wb = Workbook()
    _about_sheet(wb, lang, file_name, rows.title)
    sheet_keys = [sheet.key for sheet in SHEETS]
    # the lists sheet is made first so that drop-downs can point at it, then moved last
    lists = _lists_sheet(wb, lang, vocab, rows.years)
    for key in sheet_keys:
        _data_sheet(wb, key, rows.rows.get(key, []), lang, lists)
    if review is not None:
        _review_sheet(wb, lang, review)
    lists_sheet = wb[sheet_title("lists", lang)]
    wb.move_sheet(lists_sheet, offset=len(wb.sheetnames) - 1 - wb.index(lists_sheet))
    wb.active = 0
    props = wb.properties
    props.creator = "theory"
    props.lastModifiedBy = None
    props.created = props.modified = FIXED_TIME
    props.title = rows.title or None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
    return _deterministic(buffer.getvalue())
