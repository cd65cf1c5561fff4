"""SHACL validation: is the loaded plan complete and well formed?

The shapes (``ontology/shapes.ttl``) say what a complete plan is. Violations are
curation errors; warnings are gaps the plan itself leaves (an activity it gives no focus
area or no responsible actor) and do not make the plan non-conforming.

>>> report = validate(load_graph())
>>> report.conforms, len(report.violations), len(report.warnings)
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH

from .errors import LoadError, UsageError
from .i18n import N_, NC_

__all__ = ["ValidationReport", "ValidationResult", "validate", "load_shapes"]

_SEVERITY = {SH.Violation: N_("Violation"), SH.Warning: N_("Warning"), SH.Info: N_("Info")}
_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result as strings: full IRIs (an inverse path starts with ``^``,
    alternative paths are joined with ``|``)."""

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
    from .load import parse_file
    from .sources import shapes_path

    return parse_file(Path(path) if path else shapes_path())


def _full(node) -> str:
    return "" if node is None else str(node)


def shorten(graph: Graph, text: str) -> str:
    """A full IRI (or ``^IRI``) in prefixed form where ``graph`` binds a prefix."""
    inverse = text.startswith("^")
    iri = text[1:] if inverse else text
    if "://" not in iri or " " in iri:
        return text
    from .namespaces import BIND_PREFIXES

    namespaces = {**BIND_PREFIXES, **{p: str(n) for p, n in graph.namespaces() if p == "thd"}}
    for prefix, namespace in namespaces.items():  # our prefixes win over rdflib's defaults
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and all(c.isalnum() or c in "-_" for c in local):
            return ("^" if inverse else "") + f"{prefix}:{local}"
    try:
        short = graph.namespace_manager.normalizeUri(URIRef(iri))
    except Exception:  # pragma: no cover - rdflib refuses odd IRIs
        short = iri
    if short.startswith("<"):
        short = iri
    return ("^" if inverse else "") + short


def _path_text(graph: Graph, report: Graph, path) -> str:
    if path is None:
        return ""
    inverse = report.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _full(inverse)
    alternatives = report.value(path, SH.alternativePath)
    if alternatives is not None:
        from rdflib.collection import Collection

        return "|".join(sorted(_full(p) for p in Collection(report, alternatives)))
    return _full(path)


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


@lru_cache(maxsize=None)
def _filled(template: str) -> re.Pattern:
    """What ``template`` reads once pyshacl has put values in its ``{?var}`` / ``{$var}``."""
    return re.compile(".*?".join(map(re.escape, re.split(r"\{[?$]\w+\}", template))), re.DOTALL)


def _retagged(messages, templates) -> list:
    """``messages`` with their language tags back.

    pyshacl fills the placeholders of a SHACL-SPARQL result's messages (the constraint's and
    its shape's) into new literals without a language tag, even when there is nothing to fill
    (``ConstraintComponent.make_v_result``, pyshacl 0.40). Each such message gets the tag of
    the one tagged ``template`` (the shapes' ``sh:message`` values) it is a filling-in of.
    """
    tagged = [t for t in templates if getattr(t, "language", None)]
    out = []
    for message in messages:
        if isinstance(message, Literal) and message.language is None:
            tags = {t.language for t in tagged if _filled(str(t)).fullmatch(str(message))}
            if len(tags) == 1:
                message = Literal(str(message), lang=tags.pop())
        out.append(message)
    return out


def _in_language(messages, lang: str) -> str:
    """The message in ``lang`` (the shapes carry Danish and English ones), else English, else any."""
    def rank(message) -> tuple:
        tag = getattr(message, "language", None)
        return (tag != lang, tag != "en", tag is not None, str(message))

    return str(sorted(messages, key=rank)[0]) if messages else ""


def validate(graph: Graph, shapes: Graph | Path | None = None, lang: str = "da") -> ValidationReport:
    """Validate ``graph`` (ontology, registry and one plan, as
    :meth:`theory.workspace.Workspace.plan_graph` gives it); messages in ``lang``.

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
                advanced=False,
            )
    except Exception as err:  # pyshacl reports broken shapes with its own errors
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise LoadError(f"shapes could not be applied: {first}; fix the shapes file") from None

    results = []
    for node in report_graph.subjects(RDF.type, SH.ValidationResult):
        severity = _SEVERITY.get(report_graph.value(node, SH.resultSeverity), "Violation")
        shape = report_graph.value(node, SH.sourceShape)
        # pyshacl reports the shape's general sh:message beside the constraint's own one;
        # the constraint's is the specific one
        general = {str(m) for m in shapes.objects(shape, SH.message)} if shape is not None else set()
        constraint = report_graph.value(node, SH.sourceConstraint)
        templates = [m for n in (constraint, shape) if n is not None for m in shapes.objects(n, SH.message)]
        messages = _retagged(report_graph.objects(node, SH.resultMessage), templates)
        messages = [m for m in messages if str(m) not in general] or messages
        value = report_graph.value(node, SH.value)
        results.append(
            ValidationResult(
                severity=severity,
                focus_node=_full(report_graph.value(node, SH.focusNode)),
                path=_path_text(graph, report_graph, report_graph.value(node, SH.resultPath)),
                message=_in_language(messages, lang),
                shape=_full(shape) if isinstance(shape, URIRef) else "",
                value=_full(value),
            )
        )
    results = sorted(set(results), key=lambda r: (_ORDER.get(r.severity, 9), r.focus_node, r.path, r.message, r.value))
    return ValidationReport(results)


def ignored_imports(graph: Graph) -> list[str]:
    """The ``owl:imports`` of ``graph``: never followed (theory fetches nothing), only named."""
    from rdflib import OWL

    return sorted({str(o) for o in graph.objects(None, OWL.imports)})


def check_plans(ws, plans, *, reason: bool = False, fmt: str = "table") -> tuple[str, bool]:
    """Validate each of ``plans`` (its graph with the ontology and the registry), optionally
    reason; the text to print and whether it failed (a violation or an inconsistency).

    The table ends with a summary line per plan; JSON is an array of result objects.
    """
    from .i18n import texts
    from .output import format_rows

    if fmt not in ("table", "json"):
        raise UsageError(f"unknown format {fmt!r} for validate; use table or json")
    t = texts(ws.lang)
    several = len(plans) > 1
    rows: list[dict] = []
    parts: list[str] = []
    failed = False
    for plan in plans:
        graph = ws.plan_graph(plan)
        report = validate(graph, lang=ws.lang)
        plan_rows = report.rows()
        consistent = True
        if reason:
            from .reason import check_consistency

            consistency = check_consistency(graph)
            consistent = consistency.consistent
            plan_rows = consistency.rows() + plan_rows
        failed = failed or not report.conforms or not consistent
        for row in plan_rows:
            rows.append({"plan": plan.name, **row, "plan_iri": plan.iri})
        if fmt == "json":
            continue
        short = [{**row, "plan": plan.name, "focus_node": shorten(graph, row["focus_node"]),
                  "path": shorten(graph, row["path"])} for row in plan_rows]
        columns = ([NC_("column", "plan")] if several else []) + [
            NC_("column", "severity"), NC_("column", "focus_node"), NC_("column", "path"), NC_("column", "message")]
        text = format_rows(short, "table", columns=columns, kinds={"severity": "word"}, lang=ws.lang) if short else ""
        bad = not report.conforms or not consistent
        verdict = t("does not conform") if bad else t("conforms")
        summary = t("{verdict}: {violations} violations, {warnings} warnings", verdict=verdict,
                    violations=len(report.violations), warnings=len(report.warnings))
        if reason:
            summary += ", " + (t("consistent (HermiT)") if consistent else t("INCONSISTENT (HermiT)"))
        for iri in ignored_imports(graph):
            summary += "\n" + t("ignored owl:imports <{iri}>: theory never fetches imports", iri=iri)
        parts.append(text + (f"{plan.name}: " if several else "") + summary + "\n")
    if fmt == "json":
        columns = (["plan"] if several else []) + list(ValidationResult.__dataclass_fields__) + ["plan_iri"]
        return format_rows(rows, "json", columns=columns), failed
    return "".join(parts), failed
