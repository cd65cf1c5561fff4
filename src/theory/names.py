"""Names as people type them: actors, activities, focus areas and plans found by any name.

A name matches case- and accent-insensitively ("husum for" = "Husum for alle",
"Faelleshaven" = "Fælleshaven" = "Falleshaven"), on labels in any language, aliases
(``skos:altLabel``), former names and numbers, or the IRI itself. Exact matches come
first; failing those, names that contain what was typed. One match is used; several are
an error listing them (closest first, at most 10); none is an error with "did you mean"
(the 5 most similar names).

>>> index = NameIndex("actor", {"a": ("Husum for alle", ["Husum for Alle"]),
...                             "b": ("Fritidscenter Brønshøj-Husum", [])})
>>> index.resolve("husum for", "--actor")
'a'
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .errors import UsageError

__all__ = ["NameIndex", "normal_forms", "fold"]

_DIGRAPHS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss"})
_SINGLE = str.maketrans({"æ": "a", "ø": "o", "å": "a", "ß": "ss"})
_MAX_LISTED = 10
_MAX_SUGGESTED = 5


def fold(text: str, table=_SINGLE) -> str:
    """``text`` case-folded, accents dropped, spaces collapsed (æ→a, ø→o, å→a by default)."""
    text = str(text).casefold().translate(table)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("\\", "/").split())


def normal_forms(text: str) -> frozenset[str]:
    """The ways ``text`` may be typed: Danish letters as one letter or as two ("ø": o, oe; "æ": a, ae)."""
    return frozenset({fold(text, _SINGLE), fold(text, _DIGRAPHS)})


@dataclass
class NameIndex:
    """Every candidate of one kind: IRI -> (the name to show, every other name it goes by)."""

    kind: str
    entries: Mapping[str, tuple[str, Sequence[str]]]
    _forms: dict[str, list[frozenset[str]]] = field(init=False, repr=False)

    def __post_init__(self):
        self._forms = {
            iri: [normal_forms(name) for name in (label, *others) if str(name).strip()]
            for iri, (label, others) in self.entries.items()
        }

    def label(self, iri: str) -> str:
        return self.entries[iri][0]

    def _closeness(self, typed: frozenset[str], iri: str) -> float:
        return max(
            (difflib.SequenceMatcher(None, a, b).ratio() for forms in self._forms[iri] for a in typed for b in forms),
            default=0.0,
        )

    def _ranked(self, typed: frozenset[str], iris: Iterable[str]) -> list[str]:
        return sorted(iris, key=lambda iri: (-self._closeness(typed, iri), self.label(iri).casefold(), iri))

    def matches(self, text: str) -> list[str]:
        """The IRIs ``text`` names: the IRI itself, else exact names, else names containing it."""
        text = str(text).strip()
        if text in self.entries:
            return [text]
        typed = normal_forms(text)
        exact = [iri for iri, forms in self._forms.items() if any(typed & f for f in forms)]
        if exact:
            return self._ranked(typed, exact)
        partial = [iri for iri, forms in self._forms.items()
                   if any(t and t in form for t in typed for f in forms for form in f)]
        return self._ranked(typed, partial)

    def resolve(self, text: str, option: str) -> str:
        """The one IRI ``text`` names; :class:`UsageError` (exit 2) when it names none or several."""
        found = self.matches(text)
        if len(found) == 1:
            return found[0]
        if found:
            shown = "; ".join(self.label(iri) for iri in found[:_MAX_LISTED])
            more = f" (and {len(found) - _MAX_LISTED} more)" if len(found) > _MAX_LISTED else ""
            raise UsageError(f"{option} {text!r} matches {len(found)} {self.kind}s: {shown}{more}; "
                             "give more of the name")
        typed = normal_forms(text)
        similar = self._ranked(typed, self.entries)[:_MAX_SUGGESTED]
        hint = f"; did you mean: {'; '.join(self.label(iri) for iri in similar)}?" if similar else ""
        raise UsageError(f"{option} {text!r}: no {self.kind} has that name{hint}")
