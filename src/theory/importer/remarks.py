"""What a reading module says about an uncertain reading, put into words when the review row is written.

The modules that read one part of a plan (its tables, its roles, the focus areas an
activity names) find their doubts where the language of the review list is not at hand.
They say them as a :class:`Remark`: the English message, marked for the catalogue where it
is written (``N_``, or :meth:`Remark.plural`), and the values that fill it.
:meth:`theory.importer.draft.DraftWriter.flag` puts it into the draft's language. Roles and
actor kinds are named by the ontology's own labels (:func:`term_label`).

>>> from theory.i18n import N_, texts
>>> Remark(N_("the figure {figure} stands under no year column of its own"), figure="80.000").text(texts("en"))
'the figure 80.000 stands under no year column of its own'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rdflib import RDFS, Graph, URIRef

__all__ = ["Remark", "in_words", "term_label"]


class Remark:
    """A message and its values, translated by :meth:`text`; a value may be a remark itself."""

    __slots__ = ("message", "plural_message", "n", "values")

    def __init__(self, message: str, **values: Any):
        self.message, self.plural_message, self.n, self.values = message, None, None, values

    @classmethod
    def plural(cls, singular: str, plural: str, n: int, **values: Any) -> Remark:
        """The singular or plural form for ``n`` (``{n}`` is filled in)."""
        remark = cls(singular, **values)
        remark.plural_message, remark.n = plural, n
        return remark

    def text(self, t) -> str:
        """The remark in the language of ``t`` (a :class:`theory.i18n.Texts`)."""
        values = {key: in_words(value, t) for key, value in self.values.items()}
        if self.plural_message is not None:
            return t.plural(self.message, self.plural_message, self.n, **values)
        return t(self.message, **values)

    def __eq__(self, other) -> bool:
        return isinstance(other, Remark) and (self.message, self.plural_message, self.n, self.values) == \
            (other.message, other.plural_message, other.n, other.values)

    def __hash__(self) -> int:
        return hash((self.message, self.plural_message, self.n))

    def __repr__(self) -> str:
        return f"Remark({self.message!r}, {self.values!r})"


def in_words(value: Any, t) -> Any:
    """``value`` as the review list writes it: a :class:`Remark` translated, anything else as it is."""
    return value.text(t) if isinstance(value, Remark) else value


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    """The shipped ontology, parsed once: its labels name roles and actor kinds on the review list."""
    from ..sources import ontology_path

    return Graph().parse(ontology_path())


def term_label(term: URIRef, lang: str) -> str:
    """The ontology's own label of ``term`` (a role, an actor kind) in ``lang``: ``ansvarlig``, ``lead``."""
    labels = {label.language: str(label) for label in _ontology().objects(term, RDFS.label)}
    return labels.get(lang) or labels.get("da") or str(term).rsplit("#", 1)[-1]
