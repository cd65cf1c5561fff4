"""Rows out: one formatter for every command that prints rows, and safe file writing.

Rows are a list of dicts with snake_case keys. Values may be rdflib terms, numbers,
strings, lists or ``None``; :func:`plain` turns them into JSON-ready Python values
(IRIs as strings, numbers as numbers).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import OutputError, UsageError

__all__ = ["FORMATS", "plain", "format_rows", "write_file"]

FORMATS = ("table", "csv", "json", "md")


def plain(value: Any) -> Any:
    """A JSON-ready Python value for an rdflib term or Python value."""
    from rdflib.term import Literal, Node

    if isinstance(value, Literal):
        value = value.toPython()
        if isinstance(value, Literal):  # unknown datatype: keep the lexical form
            return str(value)
    elif isinstance(value, Node):
        return str(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _cell(value: Any) -> str:
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def _columns(rows: Sequence[dict], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(key, None)
    return list(seen)


def format_rows(rows: Iterable[dict], fmt: str = "table", columns: Sequence[str] | None = None) -> str:
    """``rows`` as text in ``fmt`` (table, csv, json or md); ends with a newline."""
    rows = list(rows)
    cols = _columns(rows, columns)
    if fmt == "json":
        data = [{c: plain(row.get(c)) for c in cols} for row in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return buf.getvalue()
    if fmt == "md":
        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
        for row in rows:
            lines.append("| " + " | ".join(esc(_cell(row.get(c))) for c in cols) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        if not rows:
            return "(no rows)\n"
        cells = [[_cell(row.get(c)).replace("\n", " ") for c in cols] for row in rows]
        widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
        numeric = [all(isinstance(plain(row.get(c)), (int, float)) or row.get(c) is None for row in rows) for c in cols]

        def line(values: Sequence[str]) -> str:
            parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
            return "  ".join(parts).rstrip()

        out = [line(cols), "  ".join("-" * w for w in widths)]
        out.extend(line(r) for r in cells)
        return "\n".join(out) + "\n"
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


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
