"""Rows out: one formatter for every command that prints rows, and safe file writing.

Rows are a list of dicts with snake_case keys and plain Python values. ``csv`` and ``json``
give them raw (numbers as numbers, IRIs as strings: for other programs); ``table`` and
``md`` are for people, in one language: column titles from the message catalogue, money
as the language writes it (``1.246.000 kr.``, ``DKK 1,246,000``), shares as percentages,
code words (``cross-cutting``) translated. A command says which columns are money, shares
or words through ``kinds``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .errors import OutputError, UsageError

__all__ = ["FORMATS", "plain", "format_rows", "write_file", "column_title"]

FORMATS = ("table", "csv", "json", "md")
#: the kinds of value a column may hold (see :func:`format_rows`)
KINDS = ("money", "percent", "word", "words")


def plain(value: Any) -> Any:
    """A JSON-ready Python value: numbers as numbers, sets and tuples as lists, objects with
    ``as_json()`` as what it gives, anything else as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "as_json"):
        return value.as_json()
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def column_title(column: str, t) -> str:
    """The title of ``column`` for people: the catalogue's word for it, else its key."""
    return t.context("column", column)


def _cell(value: Any, kind: str | None, t) -> str:
    if value is None:
        return ""
    if kind == "money":
        return t.money(value)
    if kind == "percent":
        return t.percent(value)
    if kind == "word":
        return t(str(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v, "word" if kind == "words" else None, t) for v in value)
    if hasattr(value, "as_text"):
        return value.as_text(t)
    if isinstance(value, bool):
        return t("yes") if value else t("no")
    if isinstance(value, Decimal):
        value = plain(value)
    if isinstance(value, float):
        return t.number(round(value, 4))
    return str(value)


def _csv_cell(value: Any) -> Any:
    """A CSV cell: lists of plain values joined with "; ", structured values as JSON."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list) and not any(isinstance(v, (dict, list)) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _columns(rows: Sequence[dict], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def format_rows(rows: Iterable[dict], fmt: str = "table", columns: Sequence[str] | None = None, *,
                kinds: Mapping[str, str] | None = None, lang: str = "da",
                titles: Mapping[str, str] | None = None) -> str:
    """``rows`` as text in ``fmt`` (table, csv, json or md); ends with a newline.

    ``kinds`` maps columns to ``money``, ``percent``, ``word`` (a code word to translate) or
    ``words`` (a list of them); they change only ``table`` and ``md``, as do ``titles``
    (column titles already in the language, for columns made up on the fly).
    """
    from .i18n import texts

    rows = list(rows)
    cols = _columns(rows, columns)
    kinds = dict(kinds or {})
    if fmt == "json":
        data = [{c: plain(row.get(c)) for c in cols} for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_csv_cell(row.get(c)) for c in cols])
        return buf.getvalue()
    if fmt not in ("table", "md"):
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    t = texts(lang)
    titles = [(titles or {}).get(c) or column_title(c, t) for c in cols]
    cells = [[_cell(row.get(c), kinds.get(c), t).replace("\n", " ") for c in cols] for row in rows]
    if fmt == "md":
        def esc(text: str) -> str:
            return text.replace("|", "\\|")

        lines = ["| " + " | ".join(map(esc, titles)) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        lines.extend("| " + " | ".join(esc(c) for c in r) + " |" for r in cells)
        return "\n".join(lines) + "\n"
    if not rows:
        return t("(no rows)") + "\n"
    widths = [max(len(title), *(len(r[i]) for r in cells)) for i, title in enumerate(titles)]
    numeric = [kinds.get(c) in ("money", "percent") or
               all(isinstance(row.get(c), (int, float, Decimal)) and not isinstance(row.get(c), bool)
                   or row.get(c) is None for row in rows) for c in cols]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
        return "  ".join(parts).rstrip()

    out = [line(titles), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    return "\n".join(out) + "\n"


def write_file(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically: the file appears whole or not at all.

    Text is written as UTF-8. Raises :class:`OutputError` when the folder is missing
    or the path is a folder.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name for the output")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist; create it first or choose another -o path")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; output is meant to be shared
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {err.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
