"""One RDF file into an rdflib graph, for the jobs rdflib is the right tool for.

Plans are loaded into the Oxigraph store (:mod:`theory.store`); this module reads single
files into memory where rdflib does the work: the SHACL shapes (for pyshacl) and the
curated Turtle that ``theory tidy`` rewrites in canonical form. Parsing is by pyoxigraph
(fast, and it fetches nothing: no remote JSON-LD context, no ``owl:imports``), so a syntax
error reads the same here as when loading a plan.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .errors import LoadError
from .sources import RDF_SUFFIXES, TRIPLE_FORMATS

__all__ = ["parse_file"]


def parse_file(path: Path) -> Graph:
    """The triples of one RDF file as an rdflib graph, with the file's prefixes.

    Raises :class:`LoadError` naming the file and line for anything that cannot be read.
    """
    from .engine import to_rdflib
    from .store import read_triples

    path = Path(path)
    if not path.is_file():
        raise LoadError(f"{path}: no such file; check the path")
    if path.suffix.lower() not in TRIPLE_FORMATS:
        known = ", ".join(sorted(RDF_SUFFIXES))
        raise LoadError(f"{path}: not a file of triples ({path.suffix or 'no suffix'}); use one of {known}")
    graph = Graph()
    prefixes: dict[str, str] = {}
    for triple in read_triples(path, prefixes):
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    for prefix, namespace in sorted(prefixes.items()):
        if prefix:
            graph.bind(prefix, namespace, override=True, replace=True)
    return graph
