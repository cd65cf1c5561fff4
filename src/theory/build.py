"""One graph for other tools: ontology + data + the links the ontology implies.

The inference rules are SPARQL CONSTRUCT queries, ``queries/model-infer-*.rq`` (one
idea each, first comment line says which), applied until nothing new appears:

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
from importlib import resources

from rdflib import Graph

from .errors import UsageError
from .namespaces import BIND_PREFIXES

__all__ = ["FORMATS", "RULE_PREFIX", "build_graph", "inference_rules", "serialize"]

#: output formats of :func:`serialize`
FORMATS = ("ttl", "nt", "jsonld")
#: file-name prefix of the inference rules in ``theory/queries``
RULE_PREFIX = "model-infer-"


def inference_rules() -> dict[str, str]:
    """The inference rules by name (``model-infer-…``), sorted."""
    folder = resources.files("theory.queries")
    return {
        entry.name[: -len(".rq")]: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.startswith(RULE_PREFIX) and entry.name.endswith(".rq")
    }


def inferred_triples(graph: Graph) -> Graph:
    """Only the triples the rules add to ``graph`` (applied to a fixpoint)."""
    from rdflib.plugins.sparql import prepareQuery

    rules = [prepareQuery(text) for text in inference_rules().values()]
    work = Graph()
    work += graph
    added = Graph()
    while True:
        new = 0
        for rule in rules:
            for triple in work.query(rule):
                if triple not in work:
                    work.add(triple)
                    added.add(triple)
                    new += 1
        if not new:
            return added


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


def build_to_file(paths, fmt: str, output) -> int:
    """Load ``paths`` (default: the shipped plan), build, write ``output`` atomically.

    Returns the number of triples written. The output folder is checked before any work,
    and the file appears whole or not at all.
    """
    from pathlib import Path

    from .errors import OutputError
    from .load import load_graph
    from .output import write_file

    output = Path(output)
    if fmt not in FORMATS:
        raise UsageError(f"unknown build format {fmt!r}; use one of {', '.join(FORMATS)}")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{output}: folder {folder} does not exist; create it first or choose another -o path")
    graph = build_graph(load_graph(paths or None))
    write_file(output, serialize(graph, fmt))
    return len(graph)
