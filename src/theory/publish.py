"""Plans kept for others: in a persistent Oxigraph store, or on a shared SPARQL server.

``theory load --store DIR`` fills a store that later commands open without parsing
anything; loading a plan again replaces its graph. ``theory push --graph-store URL``
publishes each plan's graph (and the ontology and the shared actor registry) with the
SPARQL 1.1 Graph Store HTTP Protocol: one PUT per graph, so pushing again replaces it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import pyoxigraph as ox

from .mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH

__all__ = ["load_into_store", "push_plans"]


def load_into_store(store_path: Path, data: Sequence[Path]) -> list[dict[str, Any]]:
    """Load ``data`` into the persistent store at ``store_path``; one row per plan loaded.

    Every file is read in full before the store is touched, so a file with a syntax error
    leaves the store as it was.
    """
    from .sources import find_sources
    from .store import load_store, open_store, read_triples

    sources = find_sources(list(data))
    for path in [*sources.registry, *(f for s in sources.plans for f in s.files), *sources.datasets]:
        for _ in read_triples(path):
            pass
    store = open_store(store_path)
    try:
        _, plans = load_store(sources, store, replace=True)
        store.flush()
        counts = {p.graph: sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(p.graph)))
                  for p in plans}
    finally:
        del store
    return [{"plan": p.iri, "graph": p.graph, "triples": counts[p.graph], "files": len(p.files)} for p in plans]


def _ntriples(ws, graph: str | None) -> tuple[bytes, int]:
    triples = ws.engine.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                  default_graphs=[graph] if graph else None)
    return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES), len(triples)


def push_plans(ws, plans, graph_store_url: str, *, timeout: float = 60.0) -> list[dict[str, Any]]:
    """PUT the ontology, the registry and each of ``plans`` to the graph store; one row per graph.

    A plan goes to the graph named by its IRI, so pushing it again replaces it.
    """
    from .remote import push_graph

    rows = []
    targets: list[tuple[str, str | None]] = [("ontology", ONTOLOGY_GRAPH), ("registry", REGISTRY_GRAPH)]
    targets += [(p.name, p.graph if p.graph else None) for p in plans]
    names = {p.graph: p.iri for p in plans}
    for label, graph in targets:
        body, count = _ntriples(ws, graph)
        remote_graph = names.get(graph, graph)
        status = push_graph(graph_store_url, remote_graph, body, timeout=timeout)
        rows.append({"graph": remote_graph, "what": label, "triples": count, "status": status})
    return rows
