"""The shapes' findings on an imported plan, told against the sheet and row they come from.

An analyst who fixes a workbook thinks in sheets and rows, not IRIs: a finding on
``thd:resp-…-lead`` is reported as "sheet Roller, row 12, column Rolle: …" (in Danish
"Overtrædelse: ark Roller, række 12, kolonne Rolle: …": the shapes' message and the
severity word in the language asked for, the sheet and column as the workbook names them).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from ..i18n import texts
from .build import ImportedPlan
from .problems import place

__all__ = ["Finding", "check_plan"]


@dataclass(frozen=True)
class Finding:
    """One SHACL result: severity (``Violation``, ``Warning``, ``Info``, untranslated), where in
    the workbook, the shapes' message (in ``lang``), and the node."""

    severity: str
    sheet: str
    row: int | None
    column: str | None
    message: str
    focus_node: str
    #: the language :meth:`line` speaks
    lang: str = "da"

    def line(self) -> str:
        """``Violation: sheet Roller, row 12, column Rolle: message`` in ``lang`` (the node where no row made it)."""
        where = place(self.sheet, self.row, self.column, lang=self.lang) or self.focus_node
        return f"{texts(self.lang)(self.severity)}: {where}: {self.message}"

    def as_row(self) -> dict:
        return {"severity": self.severity, "sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message, "focus_node": self.focus_node}


def check_plan(imported: ImportedPlan, *, ontology: Graph | None = None,
               registry: Graph | None = None, lang: str = "da") -> list[Finding]:
    """Validate the imported plan (with the ontology and the registry) and place each finding.

    ``ontology``: default the shipped one; ``registry``: the shared actor registry the plan
    refers to (its actors' kinds matter to the shapes); ``lang``: the language of the
    messages and of :meth:`Finding.line`.
    """
    from ..validate import validate
    from .vocab import shipped_ontology

    graph = Graph()
    graph += ontology if ontology is not None else shipped_ontology()
    if registry is not None:
        graph += registry
    graph += imported.registry
    graph += imported.graph
    findings = []
    for result in validate(graph, lang=lang).results:
        node = URIRef(result.focus_node)
        origin = imported.origins.get(node)
        column = imported.column_of(origin.sheet_key, URIRef(result.path)) if origin and result.path and \
            not result.path.startswith("^") and "|" not in result.path else None
        findings.append(Finding(result.severity, origin.sheet if origin else "", origin.row if origin else None,
                                column, result.message, result.focus_node, lang))
    return findings
