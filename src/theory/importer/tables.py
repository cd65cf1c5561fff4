"""Budget tables: a header of years, rows of a label and one figure per year.

Both tables of the template read the same way: the overview "Tryghedsplanens økonomi"
(``Nr. Aktivitet 2021 2022 2023 2024``, one row per activity, then "Sum (kr.)") and each
activity's "Økonomi" (``Budgetpost 2021 …``, lines, "I alt", footnotes marked ``*``).

A row's figures are the run of figures at its end; a parenthesis right after a figure is
that figure's note ("131.300 (50.000kr øremærket Det Gode Valg)"); "-" is an empty cell.
When a row has fewer figures than the header has years, the figures are put under their
years by position: from the words' x coordinates in a PDF, from the runs of spaces the
extractor left in a text file (one space per empty cell). :func:`place` says how it
placed them, so the reader can put uncertain placements on the review list; a row whose
figures cannot be placed is not read at all.

Figures are kept as printed: "188.00" in a column of thousands is the number 188.00,
flagged as a likely misprint of 188.000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..i18n import N_
from .remarks import Remark
from .text import Line

__all__ = ["Figure", "Row", "Table", "read_table", "place", "is_misprint", "parse_figure", "YEAR"]

YEAR = re.compile(r"^(?:19|20)\d{2}$")
_FIGURE = re.compile(
    r"^(?P<num>\d{1,3}(?:\.\d{3})+|\d{1,3}\.\d{1,2}|\d+|\d{1,3}(?:\.\d{1,3})+)(?P<stars>\*{0,3})(?:kr\.?)?$")
_DASH = {"-", "–", "—", "÷"}
_MISPRINT = re.compile(r"^\d{1,3}\.\d{1,2}$")
_ROW_MARK = re.compile(r"^(?:(\d{1,2})\s*\.\s+(?=\D)|[-–•]\s+(?=[^\W\d_]))")
_KEYWORD = re.compile(r"^(?:sum\b|i alt\b|total\b|budget i \d{4}|samlet\b)", re.I)
_LINE_WORD = re.compile(
    r"^(?:løn|aktivitet|husleje|leje|andet|andre|medfinansiering|administration|materialer|forplejning|"
    r"projektledelse|honorar|transport|kommunikation|evaluering|drift)", re.I)


def is_misprint(number: str) -> bool:
    """"188.00": two digits after the dot where a column of thousands has three."""
    return bool(_MISPRINT.match(number))


def parse_figure(token: str) -> tuple[str, Decimal, str] | None:
    """``(number as printed, value, stars)`` of a figure token, or None.

    >>> parse_figure("60.000*")
    ('60.000', Decimal('60000'), '*')
    >>> parse_figure("188.00")
    ('188.00', Decimal('188.00'), '')
    """
    m = _FIGURE.match(token)
    if not m:
        return None
    number = m.group("num")
    try:
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
            value = Decimal(number.replace(".", ""))
        elif "." in number and number.count(".") == 1:
            value = Decimal(number)
        elif "." in number:
            return None  # "1.50.000": no way to read it
        else:
            value = Decimal(number)
    except InvalidOperation:
        return None
    return number, value, m.group("stars")


@dataclass
class Figure:
    """One cell: a figure (or an explicit "-") and where it stood."""

    text: str
    number: str | None
    value: Decimal | None
    stars: str
    line: Line
    gap: int | None
    x: tuple[float, float] | None
    note: str = ""

    @property
    def blank(self) -> bool:
        return self.value is None


@dataclass
class Row:
    """A table row: its label as printed, its cells, the lines it spans."""

    label: str
    cells: list[Figure]
    lines: list[Line]
    blank: bool = False

    @property
    def line(self) -> Line:
        return self.lines[0]

    @property
    def quote(self) -> str:
        return " ".join(ln.text for ln in self.lines)

    @property
    def number(self) -> int | None:
        m = re.match(r"^(\d{1,2})\s*\.\s", self.label)
        return int(m.group(1)) if m else None

    @property
    def marked(self) -> bool:
        return bool(_ROW_MARK.match(self.label))


@dataclass
class Table:
    """A header of years, its rows, the lines before the header and the footnotes after."""

    years: list[int]
    header: Line | None
    columns: list[tuple[float, float]] | None
    rows: list[Row] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)
    footnotes: list[tuple[str, str, Line]] = field(default_factory=list)
    after: list[Line] = field(default_factory=list)


@dataclass
class _Tok:
    text: str
    gap: int | None
    x: tuple[float, float] | None
    line: Line
    first: bool


def _tokens(line: Line) -> list[_Tok]:
    parts = line.text.split(" ")
    if line.words and len(line.words) == len(parts):
        return [_Tok(p, None, (w.x0, w.x1), line, i == 0) for i, (p, w) in enumerate(zip(parts, line.words))]
    raw = list(re.finditer(r"\S+", line.raw or ""))
    if len(raw) == len(parts):
        out, prev = [], 0
        for i, (p, m) in enumerate(zip(parts, raw)):
            gap = m.start() - prev
            out.append(_Tok(p, gap if i == 0 else gap - 1, None, line, i == 0))
            prev = m.end()
        return out
    return [_Tok(p, None, None, line, i == 0) for i, p in enumerate(parts)]


def _header(line: Line) -> list[int] | None:
    tokens = line.text.split()
    years = []
    for token in reversed(tokens):
        if YEAR.match(token):
            years.insert(0, int(token))
        else:
            break
    if len(years) < 2 or len(years) < len(tokens) - 4:
        return None
    if any(b != a + 1 for a, b in zip(years, years[1:])):
        return None
    return years


def _columns(line: Line, years: list[int]) -> list[tuple[float, float]] | None:
    """The header's year words' horizontal extents, one per year (PDF lines only)."""
    if not line.words:
        return None
    words = [w for w in line.words if YEAR.match(w.text)][-len(years):]
    if len(words) != len(years):
        return None
    return [(w.x0, w.x1) for w in words]


def _offset(cell: tuple[float, float], column: tuple[float, float]) -> float:
    """How far a figure stands from a header word: the best of left edges, right edges and
    centres (tables align figures left, right or centred under their years)."""
    (a0, a1), (b0, b1) = cell, column
    return min(abs(a0 - b0), abs(a1 - b1), abs((a0 + a1) / 2 - (b0 + b1) / 2))


def _is_figure(tok: str, years: set[int]) -> bool:
    if tok in _DASH:
        return True
    if re.fullmatch(r"\d{4}", tok) and int(tok) in years:
        return False
    return parse_figure(tok) is not None


def _join(label: str, more: str) -> str:
    if label.endswith("-") and more[:1].islower():
        return label[:-1] + more
    return f"{label} {more}".strip()


def _row(lines: list[Line], years: set[int]) -> Row:
    label: list[str] = []
    cells: list[_Tok] = []
    notes: dict[int, list[str]] = {}
    wrap: list[str] = []
    depth, owner, last_figure = 0, None, False
    for line in lines:
        toks = _tokens(line)
        if cells and depth == 0 and not toks[0].text.startswith("(") and \
                not any(_is_figure(t.text, years) for t in toks):
            wrap.append(line.text)  # a label wrapped below its figures (PDF tables)
            continue
        for tok in toks:
            if owner is None and depth == 0 and tok.text.startswith("(") and last_figure:
                owner = len(cells) - 1
            if owner is not None:
                notes.setdefault(owner, []).append(tok.text)
                depth += tok.text.count("(") - tok.text.count(")")
                if depth <= 0:
                    depth, owner = 0, None
                continue
            if _is_figure(tok.text, years):
                cells.append(tok)
                last_figure = True
                continue
            if cells:  # figures followed by words were part of the label
                label.extend(t.text for t in cells)
                notes.clear()
                cells = []
            label.append(tok.text)
            last_figure = False
    text = " ".join(label)
    for more in wrap:
        text = _join(text, more)
    figures = []
    for k, tok in enumerate(cells):
        parsed = None if tok.text in _DASH else parse_figure(tok.text)
        number, value, stars = parsed if parsed else (None, None, "")
        figures.append(Figure(tok.text, number, value, stars, tok.line, tok.gap, tok.x, " ".join(notes.get(k, []))))
    blank = not figures and bool(re.search(r"\S\s{3,}$", lines[-1].raw or ""))
    return Row(text, figures, list(lines), blank)


def _balanced(lines: list[Line]) -> bool:
    text = " ".join(ln.text for ln in lines)
    return text.count("(") <= text.count(")")


def read_table(lines: list[Line]) -> Table | None:
    """The table in ``lines`` (a section's body), or None when no line is a header of
    years. Rows end at the footnotes (lines starting with ``*``), after the "Sum" row, or
    at prose after the last row."""
    h = next((k for k, line in enumerate(lines) if _header(line)), None)
    if h is None:
        return None
    years = _header(lines[h])
    table = Table(years, lines[h], _columns(lines[h], years), before=lines[:h])
    yearset = set(years)
    current: list[Line] = []

    def figures_in(group: list[Line]) -> bool:
        return bool(_row(group, yearset).cells)

    def close() -> None:
        nonlocal current
        if current:
            table.rows.append(_row(current, yearset))
            current = []

    k = h + 1
    while k < len(lines):
        line = lines[k]
        tokens = line.text.split()
        if line.text.startswith("*"):
            break
        figure_only = all(_is_figure(t, yearset) for t in tokens)
        if table.rows and re.match(r"^sum\b", table.rows[-1].label, re.I) and not figure_only:
            break  # after the "Sum" row
        starts = bool(_ROW_MARK.match(line.text)) or bool(_KEYWORD.match(line.text))
        if current and not starts and not figure_only and _balanced(current):
            if figures_in(current):
                if len(tokens) > 10 and not _ROW_MARK.match(line.text):
                    close()
                    break  # prose after the table
                starts = line.text[:1].isupper() or line.text[:1].isdigit()
            elif line.text[:1].isupper() and _LINE_WORD.match(line.text):
                starts = True  # the row before had a label and no figures: an empty row
        if starts:
            close()
        current.append(line)
        if _row(current, yearset).blank:
            close()
        k += 1
    close()
    for line in lines[k:]:
        m = re.match(r"^(\*{1,3})\s*(.*)$", line.text)
        if m:
            table.footnotes.append((m.group(1), line.text, line))
        elif table.footnotes:
            stars, text, first = table.footnotes[-1]
            table.footnotes[-1] = (stars, f"{text} {line.text}", first)
        else:
            table.after.append(line)
    return table


def place(row: Row, table: Table) -> tuple[dict[int, Figure], str, Remark | str]:
    """Put ``row``'s cells under the table's years.

    Returns ``(cells by year, how, problem)``: ``how`` is ``"order"`` (as many cells as
    years), ``"position"`` (PDF x coordinates) or ``"spacing"`` (a text file's runs of
    spaces); ``problem`` is a :class:`~.remarks.Remark` when the cells could not be placed
    (then no cell is), else empty.
    """
    years, cells = table.years, row.cells
    if not cells:
        return {}, "order", ""
    if len(cells) == len(years):
        return dict(zip(years, cells)), "order", ""
    if len(cells) > len(years):
        return {}, "order", Remark.plural("{n} figure for {years} year columns",
                                          "{n} figures for {years} year columns", len(cells), years=len(years))
    if table.columns and all(c.x for c in cells):
        centers = [(a + b) / 2 for a, b in table.columns]
        step = (centers[-1] - centers[0]) / (len(centers) - 1) if len(centers) > 1 else 50.0
        out: dict[int, Figure] = {}
        for cell in cells:
            col = min(range(len(years)), key=lambda i: _offset(cell.x, table.columns[i]))
            if _offset(cell.x, table.columns[col]) > 0.3 * step or years[col] in out:
                return {}, "position", Remark(N_("the figure {figure} stands under no year column of its own"),
                                              figure=cell.text)
            out[years[col]] = cell
        return out, "position", ""
    if all(c.gap is not None for c in cells):
        col = cells[0].gap
        out = {}
        for i, cell in enumerate(cells):
            if i:
                col += 1 + cell.gap
            if col >= len(years):
                return {}, "spacing", Remark.plural("{n} figure for {years} year columns does not line up",
                                                    "{n} figures for {years} year columns do not line up",
                                                    len(cells), years=len(years))
            out[years[col]] = cell
        return out, "spacing", ""
    return {}, "spacing", Remark.plural("{n} figure for {years} year columns; which year it belongs to cannot be read",
                                        "{n} figures for {years} year columns; which years they belong to cannot be "
                                        "read", len(cells), years=len(years))
