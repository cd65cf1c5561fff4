"""One interface over the engines that answer SPARQL: embedded Oxigraph, rdflib, a server.

An engine answers a query over a *dataset* (the graphs whose union is the query's default
graph) with parameters bound as RDF terms, and gives results as pyoxigraph terms whatever
engine ran it, so the analyses above never see the difference:

- :class:`OxigraphEngine`: a pyoxigraph store (in memory or on disk), the default;
- :class:`RdflibEngine`: an rdflib ``Dataset`` (the old in-memory path; tests and
  benchmarks compare against it);
- :class:`theory.remote.Endpoint`: a SPARQL 1.1 Protocol endpoint.

Parameters are bound the same way for every engine (:func:`theory.bindings.with_values`):
written into the query as terms pyoxigraph serialises, never as user text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol, Sequence

import pyoxigraph as ox

from .bindings import with_values
from .errors import QueryError

__all__ = ["Engine", "OxigraphEngine", "RdflibEngine", "Term", "to_oxigraph", "to_rdflib"]

Term = ox.NamedNode | ox.Literal | ox.BlankNode



class Engine(Protocol):
    """What the workspace needs of an engine."""

    def select(self, query: str, *, default_graphs: Sequence[str] | None = None,
               bindings: Mapping[str, Term] | None = None, convert=None, row=dict) -> list[dict[str, Term]]:
        """Rows (``row`` objects: variable -> term, or ``convert(term)``); unbound variables absent."""

    def ask(self, query: str, *, default_graphs: Sequence[str] | None = None,
            bindings: Mapping[str, Term] | None = None) -> bool: ...

    def construct(self, query: str, *, default_graphs: Sequence[str] | None = None,
                  bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]: ...

    def plan_graphs(self) -> list[tuple[str | None, str]]: ...


def _named_plan_graphs(engine) -> list[tuple[str, str]]:
    """(graph IRI, plan IRI) of every ``th:SafetyPlan`` in a named graph, sorted."""
    from .catalogue import get

    rows = engine.select(get("plan-graphs-named", "engine").text)
    return sorted({(row["graph"].value, row["plan"].value) for row in rows})


# --- engines --------------------------------------------------------------------------


def _graphs(default_graphs: Sequence[str] | None):
    return None if default_graphs is None else [ox.NamedNode(g) for g in default_graphs]


def _query_error(err: Exception, where: str = "query") -> QueryError:
    first = (str(err).strip().splitlines() or [type(err).__name__])[0]
    return QueryError(f"{where}: SPARQL error: {first}; fix the query")


class OxigraphEngine:
    """Queries a pyoxigraph store; each query's default graph is the union of the given graphs."""

    name = "oxigraph"

    def __init__(self, store: ox.Store):
        self.store = store

    def _run(self, query, default_graphs, bindings):
        try:
            return self.store.query(with_values(query, bindings), default_graph=_graphs(default_graphs))
        except SyntaxError as err:
            raise _query_error(err) from None

    def select(self, query, *, default_graphs=None, bindings=None, convert=None, row=dict):
        result = self._run(query, default_graphs, bindings)
        names = [v.value for v in result.variables]
        if convert is None:
            return [row((n, t) for n, t in zip(names, solution) if t is not None) for solution in result]
        return [row((n, convert(t)) for n, t in zip(names, solution) if t is not None) for solution in result]

    def ask(self, query, *, default_graphs=None, bindings=None):
        return bool(self._run(query, default_graphs, bindings))

    def construct(self, query, *, default_graphs=None, bindings=None):
        return list(self._run(query, default_graphs, bindings))

    def plan_graphs(self):
        return _named_plan_graphs(self)

    def graph_triples(self, graph: str) -> Iterable[ox.Triple]:
        """Every triple of one named graph."""
        return (q.triple for q in self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def to_oxigraph(term) -> Term | None:
    """An rdflib term as the pyoxigraph term of the same value."""
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term):
    """A pyoxigraph term as the rdflib term of the same value."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


class RdflibEngine:
    """Queries an rdflib ``Dataset``: each query's default graph is the union of the given
    named graphs (copied into one graph, kept for the next query); with none, the dataset
    itself (for ``GRAPH``)."""

    name = "rdflib"

    def __init__(self, dataset):
        self.dataset = dataset
        self._unions: dict[tuple[str, ...], Any] = {}

    @classmethod
    def load(cls, sources) -> tuple["RdflibEngine", list]:
        """The old in-memory path: ``sources`` (:func:`theory.sources.find_sources`) parsed by
        rdflib into a ``Dataset``, one named graph per plan as :func:`theory.store.load_store`
        makes them. Returns the engine and the plans (:class:`theory.store.LoadedPlan`)."""
        from rdflib import Dataset, URIRef

        from .mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH
        from .sources import ontology_path
        from .store import LoadedPlan, dataset_plans, plan_iri_of

        dataset = Dataset()
        formats = {"turtle": "turtle", "n-triples": "nt", "n3": "n3", "json-ld": "json-ld",
                   "rdf/xml": "xml", "trig": "trig", "n-quads": "nquads"}

        def parse(path: Path, graph: str | None) -> None:
            from .sources import DATASET_FORMATS, TRIPLE_FORMATS

            suffix = path.suffix.lower()
            fmt = formats[TRIPLE_FORMATS.get(suffix) or DATASET_FORMATS[suffix]]
            target = dataset if graph is None else dataset.graph(URIRef(graph))
            try:
                target.parse(str(path), format=fmt)
            except Exception as err:  # noqa: BLE001 - rdflib's parsers raise anything
                from .store import parse_error

                raise parse_error(path, err) from None

        parse(ontology_path(), ONTOLOGY_GRAPH)
        for path in sources.registry:
            parse(path, REGISTRY_GRAPH)
        plans = []
        for source in sources.plans:
            iri, _ = plan_iri_of(source)
            for path in source.files:
                parse(path, iri)
            plans.append(LoadedPlan(iri, iri, source.files))
        for path in sources.datasets:
            parse(path, None)
            for graph, found in sorted(dataset_plans(path).items()):
                plans.extend(LoadedPlan(iri, graph, (path,)) for iri in sorted(found))
        return cls(dataset), plans

    def _graph(self, default_graphs):
        from rdflib import Graph, URIRef

        if default_graphs is None:
            return self.dataset
        key = tuple(default_graphs)
        if key not in self._unions:  # copied once per dataset: rdflib's ReadOnlyGraphAggregate
            union = Graph()          # repeats property-path answers once per graph
            for name in key:
                union += self.dataset.graph(URIRef(name))
            self._unions = {key: union}  # one plan at a time: the last dataset only
        return self._unions[key]

    def _run(self, query, default_graphs, bindings):
        try:
            return self._graph(default_graphs).query(with_values(query, bindings))
        except Exception as err:  # noqa: BLE001 - rdflib raises plain exceptions
            raise _query_error(err) from None

    def select(self, query, *, default_graphs=None, bindings=None, convert=None, row=dict):
        result = self._run(query, default_graphs, bindings)
        names = [str(v) for v in result.vars]
        value = to_oxigraph if convert is None else (lambda term: convert(to_oxigraph(term)))
        return [row((n, value(t)) for n, t in zip(names, solution) if t is not None) for solution in result]

    def ask(self, query, *, default_graphs=None, bindings=None):
        return bool(self._run(query, default_graphs, bindings).askAnswer)

    def construct(self, query, *, default_graphs=None, bindings=None):
        return [ox.Triple(*(to_oxigraph(t) for t in triple)) for triple in self._run(query, default_graphs, bindings)]

    def plan_graphs(self):
        return _named_plan_graphs(self)
