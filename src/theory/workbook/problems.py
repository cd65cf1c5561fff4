"""Every problem of a workbook at once, one line each, named by sheet, row and column.

An analyst fixes a workbook in one pass when the import lists all its problems, not the
first. :class:`Problems` collects them in the order they are found and becomes one
:class:`theory.errors.LoadError` whose ``problems`` hold the first :data:`LIMIT` lines
("sheet Budget, row 14, column Beløb (kr.): '12,5x' is not a number; …") and whose message
says how many there are. The lines are told in one language (``Problems(lang="da")``: "ark
Budget, række 14, kolonne Beløb (kr.): …"); the sheets and columns keep the names the
workbook gives them, whatever language it was written in.
"""

from __future__ import annotations

from ..errors import LoadError
from ..i18n import Texts, texts

__all__ = ["LIMIT", "Problems", "place"]

#: at most this many problems are listed
LIMIT = 50


def place(sheet: str | None = None, row: int | None = None, column: str | None = None, *,
          lang: str = "da") -> str:
    """``sheet S, row R, column C`` in ``lang`` (the parts that are known)."""
    t = texts(lang)
    parts = []
    if sheet:
        parts.append(t("sheet {sheet}", sheet=sheet))
    if row:
        parts.append(t("row {row}", row=row))
    if column:
        parts.append(t("column {column}", column=column))
    return ", ".join(parts)


class Problems:
    """The problems found so far, told in ``lang`` (``t``: that language's words)."""

    def __init__(self, lang: str = "da") -> None:
        self.t: Texts = texts(lang)
        self.lang = lang
        self.lines: list[str] = []
        self._seen: set[str] = set()

    def add(self, text: str, sheet: str | None = None, row: int | None = None, column: str | None = None) -> None:
        """One problem: ``text`` (already in the language) at the place named."""
        where = place(sheet, row, column, lang=self.lang)
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
        t, count = self.t, len(self.lines)
        if count > LIMIT:
            message = t.plural("{source}: {n} problem in the workbook (the first {limit} are listed); nothing was "
                               "written; fix the workbook and import it again",
                               "{source}: {n} problems in the workbook (the first {limit} are listed); nothing was "
                               "written; fix the workbook and import it again", count, source=source, limit=LIMIT)
        else:
            message = t.plural("{source}: {n} problem in the workbook; nothing was written; fix the workbook and "
                               "import it again",
                               "{source}: {n} problems in the workbook; nothing was written; fix the workbook and "
                               "import it again", count, source=source)
        return LoadError(message, problems=self.lines[:LIMIT])

    def raise_if_any(self, source: str) -> None:
        if self.lines:
            raise self.error(source)
