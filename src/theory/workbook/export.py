"""One plan's graph as the workbook's rows, sheet by sheet.

:func:`plan_rows` reads a plan (its own graph, with the shared actor registry and the
ontology or without) into plain rows: one dict per row, column key -> cell value, sorted by
number and name so the same plan always gives the same workbook. :func:`export_workbook`
writes them with :mod:`.sheets`. References to other rows are written as the names an
analyst reads (an activity's name, an actor's name); where two things share a name, their
ID is written instead, so a reference always names exactly one thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from ..errors import UsageError
from ..mint import REGISTRY
from ..namespaces import ORG, TH
from .cells import number_cell
from .ids import FALLBACK_BASE, IdCodec, base_of_partnership
from ..i18n import texts
from .schema import CHOICES, SHEETS, Column, Sheet
from .vocab import Vocabulary

__all__ = ["PlanRows", "plan_rows", "export_workbook", "new_workbook"]

_NUMBERED = re.compile(r"-(\d+)$")
#: properties whose object is an actor the plan refers to
_ACTOR_LINKS = (TH.actor, TH.funder, TH.party, ORG.subOrganizationOf)


@dataclass
class PlanRows:
    """The rows of every sheet (sheet key -> rows) and what the sheets' lists need."""

    rows: dict[str, list[dict]] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    title: str = ""


def _typed(graph: Graph, types) -> list[URIRef]:
    nodes = {s for t in types for s in graph.subjects(RDF.type, t) if isinstance(s, URIRef)}
    return sorted(nodes, key=str)


def _label(graph: Graph, node, lang: str = "da") -> str:
    for label in sorted(graph.objects(node, RDFS.label)):
        if isinstance(label, Literal) and label.language == lang:
            return str(label)
    return ""


def _year(graph: Graph, node, prop) -> int | None:
    value = graph.value(node, prop)
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


class _Reader:
    """What every sheet needs: the nodes of each kind, their order, and their display names."""

    def __init__(self, graph: Graph, vocab: Vocabulary, lang: str):
        self.graph, self.vocab, self.lang = graph, vocab, lang
        plan_types = CHOICES["plan_kind"]
        self.plan_nodes = _typed(graph, plan_types)
        partnerships = _typed(graph, (TH.Partnership,))
        plans = _typed(graph, (TH.SafetyPlan,))
        if len(plans) > 1:
            raise UsageError(f"the data holds {len(plans)} plans; a workbook holds one: choose it (--plan)")
        base = base_of_partnership(str(partnerships[0])) if partnerships else None
        if base is None and plans:
            base = str(plans[0]).rsplit("/", 1)[0] + "/"
        self.codec = IdCodec(base or FALLBACK_BASE)
        self.partnerships = set(partnerships)
        self.plan = plans[0] if plans else None
        self.activities = sorted(_typed(graph, (TH.Activity,)), key=self._activity_key)
        self.activity_order = {node: i for i, node in enumerate(self.activities)}
        self.focus_areas = sorted(
            _typed(graph, (TH.FocusArea, TH.CrossCuttingEffort)),
            key=lambda n: ((n, RDF.type, TH.CrossCuttingEffort) in graph, _label(graph, n).casefold(), str(n)),
        )
        self.fa_order = {node: i for i, node in enumerate(self.focus_areas)}
        self.actors = self._actors()
        self.names: dict[str, dict[URIRef, str]] = {
            "activity": self._names(self.activities),
            "actor": self._names([*self.actors, *_typed(graph, (TH.Partnership, TH.PartnershipBody))]),
            "focus_area": self._names(self.focus_areas),
            "impact": self._names(_typed(graph, (TH.Impact,))),
            "place": self._names(_typed(graph, (TH.Place,))),
            "channel": self._names(_typed(graph, (TH.CommunicationChannel,))),
            "section": {n: self.codec.to_cell(n, section=True) for n in _typed(graph, (TH.PlanSection,))},
        }

    def _activity_key(self, node):
        number = self.graph.value(node, TH.activityNumber)
        try:
            number = int(str(number)) if number is not None else None
        except ValueError:
            number = None
        name = _label(self.graph, node).casefold()
        return (0, number, name, str(node)) if number is not None else (1, 0, name, str(node))

    def _actors(self) -> list[URIRef]:
        graph = self.graph
        every = _typed(graph, CHOICES["actor_kind"])
        own = [a for a in every if not str(a).startswith(REGISTRY)]
        wanted = set(own)
        # registry actors the plan refers to, and the organisations they are part of
        frontier = [o for p in _ACTOR_LINKS for s, o in graph.subject_objects(p)
                    if isinstance(o, URIRef) and str(o).startswith(REGISTRY) and not str(s).startswith(REGISTRY)]
        while frontier:
            node = frontier.pop()
            if node in wanted:
                continue
            wanted.add(node)
            frontier.extend(o for o in graph.objects(node, ORG.subOrganizationOf) if isinstance(o, URIRef))
        return sorted((a for a in every if a in wanted), key=lambda n: (_label(graph, n).casefold(), str(n)))

    def _names(self, nodes) -> dict[URIRef, str]:
        labels = {node: _label(self.graph, node) for node in nodes}
        counts: dict[str, int] = {}
        for label in labels.values():
            counts[label.casefold()] = counts.get(label.casefold(), 0) + 1
        return {node: label if label and counts[label.casefold()] == 1 else self.codec.to_cell(node)
                for node, label in labels.items()}

    # one cell
    def linked(self, node, column: Column) -> list:
        if column.inverse:
            return sorted(self.graph.subjects(column.prop, node), key=str)
        found = set(self.graph.objects(node, column.prop))
        if column.prop == TH.resultOf:  # a result named only by its focus area's th:hasResult
            found |= set(self.graph.subjects(TH.hasResult, node))
        return sorted(found, key=str)

    def cell(self, sheet: Sheet, node: URIRef, column: Column):
        graph, kind = self.graph, column.kind
        if kind == "id":
            return self.codec.to_cell(node, section=sheet.key == "sections", full=node in self.partnerships)
        if kind == "flag":
            t = texts(self.lang)
            return t("yes") if self.flag(sheet, node, column) else t("no")
        if kind == "type":
            types = set(graph.objects(node, RDF.type))
            for term in CHOICES[column.target]:
                if term in types:
                    return self.vocab.label(term, self.lang)
            return None
        if kind == "no":
            match = _NUMBERED.search(str(node))
            return int(match.group(1)) if match else None
        values = self.linked(node, column)
        if not values:
            return None
        if kind in ("text", "lines", "quote"):
            literals = sorted(str(v) for v in values if isinstance(v, Literal) and v.language == column.lang)
            return "\n".join(literals) or None
        if kind in ("ref", "refs"):
            names = self.names[column.target]
            return "\n".join(sorted(names.get(v) or self.codec.to_cell(v) for v in values))
        if kind == "choice":
            return "\n".join(self.vocab.label(v, self.lang) for v in values)
        if kind == "month":
            return "\n".join(str(v) for v in values)
        cells = [number_cell(v) if kind in ("amount", "decimal") else _int_cell(v) for v in values]
        return cells[0] if len(cells) == 1 else "\n".join(str(c) for c in cells)

    def flag(self, sheet: Sheet, node, column: Column) -> bool:
        if column.key == "cross_cutting":
            return (node, RDF.type, TH.CrossCuttingEffort) in self.graph
        if column.key == "party":
            return any((p, TH.party, node) in self.graph for p in self.partnerships)
        if column.key == "shared":
            return str(node).startswith(REGISTRY)
        raise KeyError(column.key)  # pragma: no cover - the schema is fixed


def _int_cell(literal):
    try:
        return int(str(literal))
    except ValueError:
        return str(literal)


def _sheet_nodes(reader: _Reader, sheet: Sheet) -> list[URIRef]:
    if sheet.key == "plan":
        return reader.plan_nodes
    if sheet.key == "actors":
        return reader.actors
    if sheet.key == "focus_areas":
        return reader.focus_areas
    if sheet.key == "activities":
        return reader.activities
    return _typed(reader.graph, sheet.types)


def _sort_key(reader: _Reader, sheet: Sheet, node: URIRef, row: dict):
    graph = reader.graph
    big = len(reader.activities) + 1

    def activity_of(prop, inverse=True):
        linked = list(graph.subjects(prop, node)) if inverse else list(graph.objects(node, prop))
        return min((reader.activity_order.get(a, big) for a in linked), default=big)

    def index(key, term):
        return CHOICES[key].index(term) if term in CHOICES[key] else len(CHOICES[key])

    no = row.get("no") if isinstance(row.get("no"), int) else 0
    name = str(row.get("name") or "").casefold()
    key = sheet.key
    if key == "plan":
        kinds = [index("plan_kind", t) for t in graph.objects(node, RDF.type)]
        return (min(kinds, default=99), str(node))
    if key == "results":
        fa = min((reader.fa_order.get(f, 99) for f in graph.objects(node, TH.resultOf)), default=99)
        return (fa, no, str(node))
    if key == "status":
        return (activity_of(TH.yearStatus), _year(graph, node, TH.year) or 0, str(node))
    if key == "support":
        fa = min((reader.fa_order.get(f, 99) for f in graph.objects(node, TH.supportedFocusArea)), default=99)
        return (activity_of(TH.supportingActivity, inverse=False), fa, str(node))
    if key in ("objectives", "deliverables", "target_groups", "timeline"):
        prop = sheet.column("activity").prop
        return (activity_of(prop), no, str(node))
    if key == "roles":
        role = min((index("role", r) for r in graph.objects(node, TH.role)), default=99)
        return (activity_of(TH.responsibility), role, str(row.get("actor") or "").casefold(), str(node))
    if key == "budget":
        table = min((index("table", t) for t in graph.objects(node, TH.table)), default=99)
        line = min((index("line", t) for t in graph.objects(node, TH.budgetLine)), default=99)
        return (activity_of(TH.forActivity, inverse=False), table, _year(graph, node, TH.year) or 0, line, str(node))
    if key == "sums":
        return (_year(graph, node, TH.year) or 0, str(node))
    if key == "money":
        kind = min((index("money_kind", t) for t in graph.objects(node, RDF.type)), default=99)
        return (kind, activity_of(TH.forActivity, inverse=False), _year(graph, node, TH.year) or 0, str(node))
    if key == "places":
        kind = min((index("place_kind", t) for t in graph.objects(node, RDF.type)), default=99)
        return (kind, name, str(node))
    if key == "sections":
        code = str(row.get("section") or "")
        return (bool(re.match(r"a\d", code)), code)
    return (0,)  # activities, focus areas and actors come sorted


def plan_rows(graph: Graph, *, lang: str = "da", ontology: Graph | None = None) -> PlanRows:
    """The rows of every sheet for the one plan in ``graph`` (plan, registry and ontology, or the plan alone)."""
    vocab = Vocabulary(ontology)
    reader = _Reader(graph, vocab, lang)
    out = PlanRows()
    for sheet in SHEETS:
        rows = []
        for node in _sheet_nodes(reader, sheet):
            row = {column.key: reader.cell(sheet, node, column) for column in sheet.columns}
            rows.append((_sort_key(reader, sheet, node, row), row))
        out.rows[sheet.key] = [row for _, row in sorted(rows, key=lambda pair: pair[0])]
    if reader.plan is not None:
        start = _year(graph, reader.plan, TH.periodStart) or _year(graph, reader.plan, TH.planYear)
        end = _year(graph, reader.plan, TH.periodEnd) or _year(graph, reader.plan, TH.planYear)
        if start and end and start <= end:
            out.years = list(range(start, end + 1))
        out.title = _label(graph, reader.plan, "da")
    return out


def export_workbook(graph: Graph, *, lang: str = "da", ontology: Graph | None = None,
                    file_name: str = "plan.xlsx", review: tuple[list[str], list[dict]] | None = None) -> bytes:
    """One plan's graph as an Excel workbook (the bytes of an .xlsx file), deterministic.

    ``graph`` holds the plan (and may hold the shared actor registry and the ontology);
    ``ontology`` gives the closed lists' labels (default: the shipped ontology); ``review``
    (columns, rows) adds a draft's review list as a sheet that import ignores.
    """
    from .sheets import write_workbook

    rows = plan_rows(graph, lang=lang, ontology=ontology)
    return write_workbook(rows, lang=lang, vocab=Vocabulary(ontology), file_name=file_name, review=review)


def new_workbook(year: int | None = None, lang: str = "da", *, ontology: Graph | None = None,
                 file_name: str = "plan.xlsx") -> bytes:
    """The workbook of a new, empty plan: every sheet with its headers and drop-downs.

    With ``year``, the Plan sheet holds the plan's row with that year (its period the
    same year: change it if the plan is part of a longer agreement).
    """
    from .sheets import write_workbook

    vocab = Vocabulary(ontology)
    rows = PlanRows(rows={sheet.key: [] for sheet in SHEETS})
    if year is not None:
        plan_kind = vocab.label(TH.SafetyPlan, lang)
        rows.rows["plan"] = [{"kind": plan_kind, "plan_year": year, "period_start": year, "period_end": year}]
        rows.years = [year]
    return write_workbook(rows, lang=lang, vocab=vocab, file_name=file_name)
