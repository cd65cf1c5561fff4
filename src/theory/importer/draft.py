"""The importer's result: a draft plan graph and the list of readings to check.

:class:`Draft` is what :func:`theory.importer.read_plan` returns. :class:`DraftWriter` is
the one place the reading modules add to it: every fact goes in with its plan section
(a ``th:PlanSection`` node, created on first use) and a verbatim quote, and every
uncertain reading becomes a :class:`ReviewRow` naming where it was read, what was read,
why it is uncertain and what to do, in the draft's language (``da`` or ``en``): the
reading modules' :class:`~.remarks.Remark` are put into words here. The graph itself is
plan text and stays Danish whatever the language.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..i18n import Texts, texts
from ..mint import REGISTRY, Minter
from ..namespaces import BIND_PREFIXES, ORG, SCHEMA, TH
from .remarks import Remark, in_words
from .tables import is_misprint
from .text import Line

__all__ = ["ReviewRow", "Draft", "DraftWriter", "REVIEW_COLUMNS"]

#: the columns of ``review.csv`` (and of a workbook's review sheet), in order
REVIEW_COLUMNS = ("section", "line", "read", "why", "suggestion")


@dataclass(frozen=True)
class ReviewRow:
    """One reading to check: where (section, line), what was read, why it is uncertain,
    and what to do (the words in the draft's language; ``read`` and ``section`` quote the plan)."""

    section: str
    line: str
    read: str
    why: str
    suggestion: str
    order: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in REVIEW_COLUMNS}


@dataclass
class Draft:
    """A plan read from its PDF or text: ``graph`` (the plan's own triples, curated style)
    and ``review`` (what a person should check), in the order of the plan's text."""

    graph: Graph
    review: list[ReviewRow]
    plan: URIRef
    base: str
    source: Path
    kind: str

    def review_rows(self) -> list[dict[str, str]]:
        """The review list as dictionaries with the keys of :data:`REVIEW_COLUMNS`."""
        return [row.as_dict() for row in self.review]

    def review_csv(self) -> str:
        """The review list as CSV (a header row, then one row per reading)."""
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.review_rows())
        return buffer.getvalue()


def _da(text: str) -> Literal:
    return Literal(text, lang="da")


class DraftWriter:
    """Adds facts (with section and quote) and review rows to a draft being read; ``t``: the
    words of the review list's language."""

    def __init__(self, minter: Minter, year: int, lang: str = "da"):
        self.minter = minter
        self.year = year
        self.t: Texts = texts(lang)
        self.plan = URIRef(minter.plan(year))
        self.graph = Graph()
        for prefix, iri in BIND_PREFIXES.items():
            self.graph.bind(prefix, iri, override=True, replace=True)
        self.graph.bind("thd", minter.base, override=True, replace=True)
        self.graph.bind("actor", REGISTRY, override=True, replace=True)
        self.graph.bind("skos", str(SKOS), override=True, replace=True)
        self.review: list[ReviewRow] = []
        self._sections: dict[URIRef, str] = {}

    # --- the graph -------------------------------------------------------------------

    def add(self, s, p, o) -> None:
        self.graph.add((s, p, o))

    def node(self, iri: str, kind: URIRef, label: str | None = None) -> URIRef:
        node = URIRef(iri)
        self.add(node, RDF.type, kind)
        if label and not any(getattr(o, "language", None) == "da" for o in self.graph.objects(node, RDFS.label)):
            self.add(node, RDFS.label, _da(label))
        return node

    def section(self, key: str, label: str) -> URIRef:
        """The plan section ``section-<key>`` (created on first use)."""
        node = URIRef(self.minter.iri(f"section-{key}"))
        if node not in self._sections:
            self._sections[node] = label
            self.add(node, RDF.type, TH.PlanSection)
            self.add(node, RDFS.label, _da(label))
            self.add(node, TH.sectionOf, self.plan)
        return node

    def cite(self, node: URIRef, section: URIRef, quote: str) -> None:
        """``th:source`` and a verbatim ``th:quote`` (one of each per node)."""
        if self.graph.value(node, TH.source) is None:
            self.add(node, TH.source, section)
        if self.graph.value(node, TH.quote) is None and quote.strip():
            self.add(node, TH.quote, _da(quote.strip()))

    def text(self, node: URIRef, prop: URIRef, text: str) -> None:
        self.add(node, prop, _da(text))

    def money(self, node: URIRef, value, year: int, printed: str | None = None) -> None:
        """``schema:value`` in DKK for ``year``. A misprinted figure ("188.00" in a column of
        thousands) keeps its printed value and says so in ``th:printedAs``."""
        misprint = printed is not None and is_misprint(printed)
        self.add(node, SCHEMA.value, Literal(printed if misprint else str(value), datatype=XSD.decimal))
        if misprint:
            self.add(node, TH.printedAs, Literal(printed))
        self.add(node, SCHEMA.currency, Literal("DKK"))
        self.add(node, TH.year, Literal(str(year), datatype=XSD.gYear))

    def declare_actor(self, iri: URIRef, kind: URIRef, label: str, names=(), parent: URIRef | None = None) -> None:
        self.add(iri, RDF.type, kind)
        if not any(getattr(o, "language", None) == "da" for o in self.graph.objects(iri, RDFS.label)):
            self.add(iri, RDFS.label, _da(label))
        for name in names:
            if name != label:
                self.add(iri, SKOS.altLabel, _da(name))
        if parent is not None:
            self.add(iri, ORG.subOrganizationOf, parent)

    # --- the review list ------------------------------------------------------------------

    def flag(self, section: str, line: Line | None, read: str | Remark, why: str | Remark,
             suggestion: str | Remark) -> None:
        """Put a reading on the review list (a :class:`~.remarks.Remark` in the draft's language)."""
        t = self.t
        order = ((line.page or 0), line.number) if line is not None else (0, 0)
        row = ReviewRow(section, self.where(line), in_words(read, t).strip(), in_words(why, t),
                        in_words(suggestion, t), order)
        if row not in self.review:
            self.review.append(row)

    def where(self, line: Line | None) -> str:
        """``p. 3, l. 12`` for a line of a PDF, ``line 1205`` for a text file's (``s. 3, l. 12``, ``linje 1205``)."""
        if line is None:
            return ""
        if line.page is not None:
            return self.t("p. {page}, l. {line}", page=line.page, line=line.number)
        return self.t("line {line}", line=line.number)

    def sorted_review(self) -> list[ReviewRow]:
        indexed = list(enumerate(self.review))
        indexed.sort(key=lambda pair: (pair[1].order, pair[0]))
        return [row for _, row in indexed]
