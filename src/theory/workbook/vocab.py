"""The closed lists' words, read from the ontology, both ways.

A drop-down shows a term's label in the workbook's language (``ansvarlig`` / ``lead``);
reading accepts the Danish or English label, in any case, or the term's local name
(``Lead``), so a workbook exported in one language imports whatever an analyst typed.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import RDFS, Graph, URIRef

from .schema import CHOICES

__all__ = ["Vocabulary", "shipped_ontology"]


@lru_cache(maxsize=1)
def shipped_ontology() -> Graph:
    """The shipped ontology (``ontology/theory.ttl``), parsed once."""
    from ..sources import ontology_path

    return Graph().parse(ontology_path())


def _local(term: URIRef) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Vocabulary:
    """Labels of the closed lists' terms, from ``ontology`` (default: the shipped one)."""

    def __init__(self, ontology: Graph | None = None):
        self.ontology = ontology if ontology is not None else shipped_ontology()
        self._parse: dict[str, dict[str, URIRef]] = {}
        for key, terms in CHOICES.items():
            table: dict[str, URIRef] = {}
            for term in terms:
                table[_local(term).casefold()] = term
                for label in self.ontology.objects(term, RDFS.label):
                    table[str(label).strip().casefold()] = term
            self._parse[key] = table

    def label(self, term: URIRef, lang: str) -> str:
        """``term``'s label in ``lang`` (its local name where the ontology gives none)."""
        labels = {label.language: str(label) for label in self.ontology.objects(term, RDFS.label)}
        return labels.get(lang) or labels.get("da") or _local(term)

    def choices(self, key: str, lang: str) -> list[str]:
        """The closed list ``key`` as labels in ``lang``, in drop-down order."""
        return [self.label(term, lang) for term in CHOICES[key]]

    def parse(self, key: str, text: str) -> URIRef | None:
        """The term of list ``key`` that ``text`` names (a label in da or en, or a local name)."""
        return self._parse[key].get(str(text).strip().casefold())
