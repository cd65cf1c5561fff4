"""One graph for other tools: ontology + registry + one plan + the links the ontology implies.

The inference rules are SPARQL CONSTRUCT queries, ``queries/rules/*.rq`` (one idea each,
first comment line says which), applied by Oxigraph until nothing new appears:

- inverse links both ways (``th:supports``/``th:supportedBy``, ``th:hasResult``/``th:resultOf``);
- ``th:worksToward`` = ``th:supports`` / ``th:hasResult`` (activity -> result);
- ``th:leads`` (role th:Lead or th:CoLead) and ``th:involvedIn`` (any role) from the
  ``th:Responsibility`` nodes;
- ``org:transitiveSubOrganizationOf``, the closure of ``org:subOrganizationOf``.

:func:`serialize` writes the same bytes for the same graph, whatever the hash seed:
blank nodes (the ontology's RDF lists) get canonical labels first. Turtle writes
decimals in its short numeric form (``"300000"^^xsd:decimal`` becomes ``300000.0``, the
same value); N-Triples and JSON-LD keep every lexical form as loaded.
"""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import Graph

from .errors import UsageError
from .namespaces import BIND_PREFIXES

__all__ = ["FORMATS", "build_graph", "build_plan", "inference_rules", "inferred_triples", "serialize"]

#: output formats of :func:`serialize`
FORMATS = ("ttl", "nt", "jsonld")


def inference_rules() -> dict[str, str]:
    """The inference rules by name (``queries/rules/*.rq``), sorted."""
    from .catalogue import catalogue

    return {info.name: info.text for info in catalogue("rules")}


def inferred_triples(graph: Graph) -> Graph:
    """Only the triples the rules add to ``graph`` (applied to a fixpoint, in Oxigraph)."""
    from .engine import to_oxigraph, to_rdflib

    store = ox.Store()
    store.extend(ox.Quad(*(to_oxigraph(t) for t in triple)) for triple in graph)
    rules = list(inference_rules().values())
    added = Graph()
    while True:
        new = []
        for rule in rules:
            for triple in store.query(rule):
                quad = ox.Quad(triple.subject, triple.predicate, triple.object)
                if quad not in store:
                    new.append(quad)
        if not new:
            return added
        store.extend(new)
        for quad in new:
            added.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))


def _bind_like(out: Graph, graph: Graph) -> None:
    """``graph``'s prefixes on ``out``, with :data:`BIND_PREFIXES` winning (schema: is http)."""
    for prefix, namespace in graph.namespaces():
        if prefix not in BIND_PREFIXES and str(namespace) not in BIND_PREFIXES.values():
            out.bind(prefix, namespace, override=True, replace=True)
    for prefix, namespace in BIND_PREFIXES.items():
        out.bind(prefix, namespace, override=True, replace=True)


def build_graph(graph: Graph) -> Graph:
    """A new graph: everything in ``graph`` plus the inferred links."""
    out = Graph()
    _bind_like(out, graph)
    out += graph
    out += inferred_triples(graph)
    return out


def _canonical(graph: Graph) -> Graph:
    from rdflib.compare import to_canonical_graph
    from rdflib.term import BNode

    if not any(isinstance(term, BNode) for triple in graph for term in triple):
        return graph
    canonical = to_canonical_graph(graph)
    out = Graph()
    _bind_like(out, graph)
    out += canonical
    return out


def _sorted_jsonld(graph: Graph) -> bytes:
    data = json.loads(graph.serialize(format="json-ld", context=dict(BIND_PREFIXES), auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])

    def key(value) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    for node in nodes:
        for name, value in node.items():
            if isinstance(value, list):
                node[name] = sorted(value, key=key)
    nodes.sort(key=lambda n: (str(n.get("@id", "")), key(n)))
    out = {"@context": data.get("@context", dict(BIND_PREFIXES)), "@graph": nodes}
    return (json.dumps(out, sort_keys=True, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def serialize(graph: Graph, fmt: str = "ttl") -> bytes:
    """``graph`` as bytes in ``fmt`` (ttl: rdflib's longturtle; nt: sorted lines; jsonld).

    Deterministic: the same graph gives the same bytes in every run.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown build format {fmt!r}; use one of {', '.join(FORMATS)}")
    graph = _canonical(graph)
    if fmt == "ttl":
        return graph.serialize(format="longturtle", encoding="utf-8")
    if fmt == "nt":
        text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        lines = sorted({line for line in text.splitlines() if line.strip()})
        return ("\n".join(lines) + "\n").encode("utf-8")
    return _sorted_jsonld(graph)


def build_plan(ws, plan) -> Graph:
    """``plan`` with the ontology, the registry and everything the rules infer, as one graph."""
    return build_graph(ws.plan_graph(plan))
