"""Every problem of a workbook at once, one line each, named by sheet, row and column.

An analyst fixes a workbook in one pass when the import lists all its problems, not the
first. :class:`Problems` collects them in the order they are found and becomes one
:class:`theory.errors.LoadError` whose ``problems`` hold the first :data:`LIMIT` lines
("sheet Budget, row 14, column Beløb (kr.): '12,5x' is not a number; …") and whose message
says how many there are.
"""

from __future__ import annotations

from ..errors import LoadError

__all__ = ["LIMIT", "Problems", "place"]

#: at most this many problems are listed
LIMIT = 50


def place(sheet: str | None = None, row: int | None = None, column: str | None = None) -> str:
    """``sheet S, row R, column C`` (the parts that are known)."""
    parts = []
    if sheet:
        parts.append(f"sheet {sheet}")
    if row:
        parts.append(f"row {row}")
    if column:
        parts.append(f"column {column}")
    return ", ".join(parts)


class Problems:
    """The problems found so far."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._seen: set[str] = set()

    def add(self, text: str, sheet: str | None = None, row: int | None = None, column: str | None = None) -> None:
        where = place(sheet, row, column)
        line = f"{where}: {text}" if where else text
        if line not in self._seen:
            self._seen.add(line)
            self.lines.append(line)

    def __len__(self) -> int:
        return len(self.lines)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def error(self, source: str) -> LoadError:
        """One error for all problems (the first :data:`LIMIT` as lines); ``source`` names the workbook."""
        count = len(self.lines)
        noun = "problem" if count == 1 else "problems"
        listed = f" (the first {LIMIT} are listed)" if count > LIMIT else ""
        message = (f"{source}: {count} {noun} in the workbook{listed}; nothing was written; "
                   "fix the workbook and import it again")
        return LoadError(message, problems=self.lines[:LIMIT])

    def raise_if_any(self, source: str) -> None:
        if self.lines:
            raise self.error(source)
