"""SHACL validation: is the loaded plan complete and well formed?

The shapes (``ontology/shapes.ttl``) say what a complete plan is. Violations are
curation errors; warnings are gaps the plan itself leaves (an activity it gives no focus
area or no responsible actor) and do not make the plan non-conforming.

>>> report = validate(load_graph())
>>> report.conforms, len(report.violations), len(report.warnings)
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from .errors import LoadError

__all__ = ["ValidationReport", "ValidationResult", "validate", "load_shapes"]

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, as short strings (IRIs in prefixed form where a prefix is bound)."""

    severity: str
    focus_node: str
    path: str
    message: str
    shape: str
    value: str

    def as_row(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "focus_node": self.focus_node,
            "path": self.path,
            "message": self.message,
            "shape": self.shape,
            "value": self.value,
        }


@dataclass
class ValidationReport:
    """All results, violations first; ``conforms`` is true when there is no violation."""

    results: list[ValidationResult] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]

    def rows(self) -> list[dict[str, str]]:
        return [r.as_row() for r in self.results]


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (default: the shipped ``ontology/shapes.ttl``)."""
    from .load import load_files, shapes_path

    return load_files([Path(path) if path else shapes_path()], with_ontology=False).graph


def _short(graph: Graph, node) -> str:
    if node is None:
        return ""
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:  # pragma: no cover - rdflib refuses odd IRIs
            return str(node)
    return str(node)


def _path_text(graph: Graph, report: Graph, path) -> str:
    if path is None:
        return ""
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _short(graph, inverse)
    return _short(graph, path)


@contextmanager
def _parsed_once():
    """Parse each SPARQL text once while validating.

    pyshacl runs a SHACL-SPARQL constraint once per focus node with the same text and
    ``$this`` pre-bound; rdflib would re-parse it every time (95 % of the run time).
    A translated query can be evaluated again with other bindings (that is what
    :func:`rdflib.plugins.sparql.prepareQuery` is for), so translate it once.
    """
    from rdflib.plugins.sparql import processor

    original = processor.translateQuery
    original_parse = processor.parseQuery
    cache: dict = {}

    def parse(text):
        return text  # handed straight to ``translate`` below, which parses on a miss

    def translate(text, base=None, init_ns=None):
        key = (text, base, tuple(sorted((init_ns or {}).items())))
        if key not in cache:
            cache[key] = original(original_parse(text), base, init_ns)
        return cache[key]

    processor.parseQuery, processor.translateQuery = parse, translate
    try:
        yield
    finally:
        processor.parseQuery, processor.translateQuery = original_parse, original


def validate(graph: Graph, shapes: Graph | Path | None = None) -> ValidationReport:
    """Validate ``graph`` (ontology + data, as :func:`theory.load.load_graph` returns it).

    ``shapes`` is a graph, a path to a shapes file, or ``None`` for the shipped shapes.
    The ontology in ``graph`` supplies the class hierarchy (``rdfs:subClassOf``), so no
    extra inference is run.
    """
    import pyshacl

    if shapes is None or isinstance(shapes, (str, Path)):
        shapes = load_shapes(shapes)
    try:
        with _parsed_once():
            _, report_graph, _ = pyshacl.validate(
                graph,
                shacl_graph=shapes,
                inference="none",
                abort_on_first=False,
                allow_warnings=True,
                advanced=True,
            )
    except Exception as err:  # pyshacl reports broken shapes with its own errors
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise LoadError(f"shapes could not be applied: {first}; fix the shapes file") from None

    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        severity = _SEVERITY.get(report_graph.value(node, SH.resultSeverity), "Violation")
        messages = sorted(str(m) for m in report_graph.objects(node, SH.resultMessage))
        shape = report_graph.value(node, SH.sourceShape)
        value = report_graph.value(node, SH.value)
        results.append(
            ValidationResult(
                severity=severity,
                focus_node=_short(graph, report_graph.value(node, SH.focusNode)),
                path=_path_text(graph, report_graph, report_graph.value(node, SH.resultPath)),
                message=messages[0] if messages else "",
                shape=_short(shapes, shape) if isinstance(shape, URIRef) else "",
                value=_short(graph, value),
            )
        )
    results = sorted(set(results), key=lambda r: (_ORDER.get(r.severity, 9), r.focus_node, r.path, r.message, r.value))
    return ValidationReport(results)
