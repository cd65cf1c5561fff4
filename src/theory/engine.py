"""One interface over the engines that answer SPARQL: embedded Oxigraph, rdflib, a server.

An engine answers a query over a *dataset* (the graphs whose union is the query's default
graph) with parameters bound as RDF terms, and gives results as pyoxigraph terms whatever
engine ran it, so the analyses above never see the difference:

- :class:`OxigraphEngine`: a pyoxigraph store (in memory or on disk), the default;
- :class:`RdflibEngine`: an rdflib ``Dataset`` (the old in-memory path; tests and
  benchmarks compare against it);
- :class:`theory.remote.Endpoint`: a SPARQL 1.1 Protocol endpoint.

Parameters are bound the way SPARQL itself binds values, for every engine alike: a
``VALUES`` block at the start of the query's top-level ``WHERE`` group, each value written
by pyoxigraph in its N-Triples form (:func:`with_values`), so no user text ever becomes
query syntax. The catalogue's queries use their parameters in that top-level group only.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Protocol, Sequence

import pyoxigraph as ox

from .errors import QueryError

__all__ = ["Engine", "OxigraphEngine", "RdflibEngine", "Term", "with_values", "values_insertion_point"]

Term = ox.NamedNode | ox.Literal | ox.BlankNode

_PLAN_GRAPHS = """
PREFIX th: <https://w3id.org/theory/ontology#>
SELECT DISTINCT ?g ?plan WHERE { GRAPH ?g { ?plan a th:SafetyPlan } } ORDER BY ?g ?plan
"""


class Engine(Protocol):
    """What the workspace needs of an engine."""

    def select(self, query: str, *, default_graphs: Sequence[str] | None = None,
               bindings: Mapping[str, Term] | None = None) -> list[dict[str, Term]]: ...

    def ask(self, query: str, *, default_graphs: Sequence[str] | None = None,
            bindings: Mapping[str, Term] | None = None) -> bool: ...

    def construct(self, query: str, *, default_graphs: Sequence[str] | None = None,
                  bindings: Mapping[str, Term] | None = None) -> list[ox.Triple]: ...

    def plan_graphs(self) -> list[tuple[str | None, str]]: ...


# --- binding values -------------------------------------------------------------------

_TOKEN = re.compile(
    r'''(?P<comment>\#[^\n]*)'''
    r'''|(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')'''
    r'''|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'''
    r'''|(?P<word>[A-Za-z_][A-Za-z0-9_]*)'''
    r'''|(?P<open>\{)|(?P<close>\})'''
    r'''|(?P<other>.)''',
    re.S,
)


def values_insertion_point(query: str) -> int:
    """The offset just after the ``{`` that opens the query's top-level ``WHERE`` group.

    Comments, strings and IRIs are skipped. A query without the ``WHERE`` keyword (allowed
    for SELECT and ASK) uses its first top-level ``{``. Raises :class:`QueryError` when
    there is none, or for ``CONSTRUCT WHERE { … }`` (whose pattern is also its template).
    """
    depth, after_where, first_open, seen_construct = 0, False, None, False
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind == "word":
            word = match.group().upper()
            if word == "CONSTRUCT" and depth == 0:
                seen_construct = True
            if word == "WHERE" and depth == 0:
                after_where = True
        elif kind == "open":
            if depth == 0:
                if after_where:
                    if seen_construct and first_open is None:
                        raise QueryError("CONSTRUCT WHERE { … } cannot take parameters; write CONSTRUCT { … } WHERE { … }")
                    return match.end()
                if first_open is None:
                    first_open = match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
    if first_open is not None and not seen_construct:
        return first_open
    raise QueryError("the query has no WHERE { … } group to bind parameters in")


def with_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``query`` with ``bindings`` as a ``VALUES`` block opening its top-level WHERE group."""
    if not bindings:
        return query
    names = sorted(bindings)
    block = (" VALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
             + " ".join(str(bindings[n]) for n in names) + ") }\n")
    at = values_insertion_point(query)
    return query[:at] + block + query[at:]


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

    def select(self, query, *, default_graphs=None, bindings=None):
        result = self._run(query, default_graphs, bindings)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                term = solution[name]
                if term is not None:
                    row[name] = term
            rows.append(row)
        return rows

    def ask(self, query, *, default_graphs=None, bindings=None):
        return bool(self._run(query, default_graphs, bindings))

    def construct(self, query, *, default_graphs=None, bindings=None):
        return list(self._run(query, default_graphs, bindings))

    def plan_graphs(self):
        return [(row["g"].value, row["plan"].value) for row in self.store.query(_PLAN_GRAPHS)]

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
    """Queries an rdflib ``Dataset`` (named graphs; the default graph is the union of the given ones)."""

    name = "rdflib"

    def __init__(self, dataset):
        self.dataset = dataset

    def _graph(self, default_graphs):
        from rdflib import Graph, URIRef

        if default_graphs is None:
            return self.dataset.default_context
        union = Graph()
        for name in default_graphs:
            union += self.dataset.graph(URIRef(name))
        return union

    def _run(self, query, default_graphs, bindings):
        try:
            return self._graph(default_graphs).query(with_values(query, bindings))
        except Exception as err:  # noqa: BLE001 - rdflib raises plain exceptions
            raise _query_error(err) from None

    def select(self, query, *, default_graphs=None, bindings=None):
        result = self._run(query, default_graphs, bindings)
        names = [str(v) for v in result.vars]
        return [{n: to_oxigraph(row[i]) for i, n in enumerate(names) if row[i] is not None} for row in result]

    def ask(self, query, *, default_graphs=None, bindings=None):
        return bool(self._run(query, default_graphs, bindings).askAnswer)

    def construct(self, query, *, default_graphs=None, bindings=None):
        return [ox.Triple(*(to_oxigraph(t) for t in triple)) for triple in self._run(query, default_graphs, bindings)]

    def plan_graphs(self):
        return [(row["g"].value, row["plan"].value) for row in self.select(_PLAN_GRAPHS)]
