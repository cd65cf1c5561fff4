"""One cell's value both ways: an RDF literal or term into a cell, a cell into a value.

Reading is forgiving where a spreadsheet is (a year typed as text, a month turned into a
date by Excel, a whole number stored as 120000.0) and strict where a guess could change
a figure: an amount must be a number; text like ``120.000`` is refused as ambiguous
(Danish thousands separator or decimal point?) instead of being read as 120.
Each problem is the text after "sheet S, row R, column C: ", in the language asked for.

Decimals are written in their canonical form (``300000.0``), the form the curated Turtle
uses; a figure recorded as printed (``188.00``, see ``docs/curation.md``) goes into the
cell as that text and comes back with the same lexical form.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from rdflib import XSD, Literal

from ..i18n import LANGUAGES, N_, Texts, texts
from .schema import Column
from .vocab import Vocabulary

__all__ = ["canonical_decimal", "decimal_literal", "number_cell", "parse_cell", "split_lines", "CellProblem"]

_NUMBER_TEXT = re.compile(r"^-?\d+(\.\d+)?$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
#: what a yes/no cell may say, in any language
_YES = {texts(lang)("yes").casefold() for lang in LANGUAGES} | {"x", "1", "true", "sand"}
_NO = {texts(lang)("no").casefold() for lang in LANGUAGES} | {"0", "false", "falsk"}


class CellProblem(ValueError):
    """A cell that cannot be read; the message says what is wrong and how to fix it."""


def canonical_decimal(value: Decimal) -> str:
    """The canonical lexical form of an ``xsd:decimal``: ``300000.0``, ``2.5``, ``-0.5``."""
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return "0.0" if text in ("-0.0", "-0") else text


def decimal_literal(value: Decimal | str) -> Literal:
    """An ``xsd:decimal`` literal: canonical for a number, as given for a printed form like ``188.00``."""
    if isinstance(value, str):
        return Literal(value, datatype=XSD.decimal)
    return Literal(canonical_decimal(value), datatype=XSD.decimal)


def number_cell(literal: Literal) -> int | float | str:
    """A numeric literal as a cell: a number, or the lexical text when that is not canonical."""
    text = str(literal)
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if literal.datatype == XSD.decimal and text not in (canonical_decimal(value), format(value.normalize(), "f")):
        return text  # a form as printed ("188.00"); "30000" (a store's canonical form) is a number
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def split_lines(text: str) -> list[str]:
    """The non-empty lines of a cell, stripped."""
    return [line.strip() for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]


def _shown(raw) -> str:
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return f"'{raw}'"


def _as_text(raw) -> str:
    if isinstance(raw, bool):  # TRUE typed into a text cell: plan text, so Danish
        return texts("da")("yes") if raw else texts("da")("no")
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw)


def _whole(raw, hint: str, t: Texts) -> int:
    if isinstance(raw, bool):
        raise CellProblem(t("{value} is not a whole number; {hint}", value=_shown(raw), hint=hint))
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and re.fullmatch(r"-?\d+", raw.strip()):
        return int(raw.strip())
    raise CellProblem(t("{value} is not a whole number; {hint}", value=_shown(raw), hint=hint))


def _decimal(raw, ambiguous: str, hint: str, t: Texts) -> Decimal | str:
    """A Decimal, or the text of a number written as text (kept as printed). ``ambiguous``:
    the message (untranslated) for a figure like ``120.000`` (``{value}``, ``{example}``)."""
    if isinstance(raw, bool):
        raise CellProblem(t("{value} is not a number; {hint}", value=_shown(raw), hint=hint))
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(repr(raw))
    text = str(raw).strip()
    if _NUMBER_TEXT.match(text):
        if re.search(r"\.\d{3}$", text):
            raise CellProblem(t(ambiguous, value=_shown(text), example=text.replace(".", "")))
        return text
    raise CellProblem(t("{value} is not a number; {hint}", value=_shown(raw), hint=hint))


def parse_cell(column: Column, raw, vocab: Vocabulary, choices_hint: str = "", lang: str = "da"):
    """The value of a non-empty cell for ``column``; raises :class:`CellProblem` (its text in ``lang``).

    Returns str (text, ref, id), list[str] (lines, refs, quote), int (int, year, no),
    Decimal or str (decimal, amount), str ``YYYY-MM`` (month), URIRef (choice, type), bool (flag).
    """
    kind, t = column.kind, texts(lang)
    if kind in ("text", "ref"):
        return _as_text(raw).strip()
    if kind == "id":
        return _as_text(raw).strip()
    if kind in ("lines", "refs", "quote"):
        return split_lines(_as_text(raw))
    if kind in ("int", "no"):
        return _whole(raw, t("write digits only, e.g. 3"), t)
    if kind in ("year", "plan_year"):
        if isinstance(raw, (dt.date, dt.datetime)):
            return raw.year
        problem = CellProblem(t("{value} is not a year; write the year as four digits, e.g. 2024", value=_shown(raw)))
        try:
            year = _whole(raw, "", t)
        except CellProblem:
            raise problem from None
        if not 1000 <= year <= 9999:
            raise problem
        return year
    if kind == "amount":
        return _decimal(raw, N_("{value} is ambiguous (a thousands separator or a decimal point?); write the "
                                "amount as a number without separators, e.g. {example}"),
                        t("write a whole number of kroner, e.g. 120000"), t)
    if kind == "decimal":
        return _decimal(raw, N_("{value} is ambiguous (a thousands separator or a decimal point?); write the "
                                "number as a number without separators, e.g. {example}"),
                        t("write a number, e.g. 20 or 2.5"), t)
    if kind == "month":
        if isinstance(raw, (dt.date, dt.datetime)):
            return f"{raw.year:04d}-{raw.month:02d}"
        text = _as_text(raw).strip()
        if _MONTH.match(text):
            return text
        raise CellProblem(t("{value} is not a month; write year and month as 2024-03", value=_shown(text)))
    if kind in ("choice", "type"):
        term = vocab.parse(column.target, _as_text(raw))
        if term is None:
            raise CellProblem(t("{value} is not in the list; choose one of: {choices}",
                                value=_shown(_as_text(raw).strip()), choices=choices_hint))
        return term
    if kind == "flag":
        if isinstance(raw, bool):
            return raw
        text = _as_text(raw).strip().casefold()
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise CellProblem(t("{value} is not yes or no; write {yes} or {no}", value=_shown(_as_text(raw).strip()),
                            yes=t("yes"), no=t("no")))
    raise ValueError(f"unknown column kind {kind!r}")  # pragma: no cover - the schema is fixed
