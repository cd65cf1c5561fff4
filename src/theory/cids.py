"""The plan seen as Common Impact Data Standard (CIDS) data, checked against CIDS's own shapes.

The ontology aligns its terms with CIDS by ``rdfs:subClassOf``/``rdfs:subPropertyOf``
(``th:Activity`` ⊑ ``cids:Activity``, ``th:activityNumber`` ⊑ ``cids:hasIdentifier`` …).
:func:`cids_view` makes those alignments explicit in the data (every instance also typed
with its superclasses, every statement also made with its superproperties), so an
impact-measurement tool that knows only CIDS can read it. :func:`check_cids` validates
that view with the CIDS SHACL shapes (not shipped here: pass their path) and reports what
the plan does not carry, rather than pretending it conforms.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

from .namespaces import CIDS

__all__ = ["cids_view", "check_cids"]


def _closure(graph: Graph, link: URIRef) -> dict[URIRef, set[URIRef]]:
    """For each term, every term above it through ``link`` (transitively)."""
    above: dict[URIRef, set[URIRef]] = {}
    for term in set(graph.subjects(link, None)):
        if isinstance(term, URIRef):
            above[term] = {t for t in graph.transitive_objects(term, link) if isinstance(t, URIRef) and t != term}
    return above


def cids_view(graph: Graph) -> Graph:
    """``graph`` plus the types and statements its CIDS alignment implies."""
    classes = _closure(graph, RDFS.subClassOf)
    properties = _closure(graph, RDFS.subPropertyOf)
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True, replace=True)
    out.bind("cids", CIDS, override=True, replace=True)
    for s, p, o in graph:
        out.add((s, p, o))
        if p == RDF.type and o in classes:
            for cls in classes[o]:
                out.add((s, RDF.type, cls))
        elif p in properties:
            for prop in properties[p]:
                out.add((s, prop, o))
    return out


def cids_shapes(path: Path) -> Graph:
    """The CIDS shapes, readable by pyshacl.

    CIDS v3 merges the uses of a property into one shape, which SHACL does not allow in
    three ways; each is read leniently (the loosest of the merged uses):

    - two ``sh:path`` values (``hasName``, ``hasIdentifier``, ``hasDescription``: the
      ISO 5087 property and an older one) -> ``sh:alternativePath`` (either will do);
    - ``sh:nodeKind`` both ``sh:IRI`` and ``sh:Literal`` -> ``sh:IRIOrLiteral``;
    - several ``sh:minCount``/``sh:maxCount`` -> the smallest minimum, the largest maximum.
    """
    from rdflib.collection import Collection
    from rdflib.namespace import SH
    from rdflib.term import BNode

    from .validate import load_shapes

    shapes = load_shapes(Path(path))
    for shape in sorted(set(shapes.subjects(SH.path, None))):
        paths = sorted(shapes.objects(shape, SH.path))
        if len(paths) > 1:
            shapes.remove((shape, SH.path, None))
            alternative, items = BNode(), BNode()
            Collection(shapes, items, paths)
            shapes.add((alternative, SH.alternativePath, items))
            shapes.add((shape, SH.path, alternative))
    for shape in sorted(set(shapes.subjects(SH.nodeKind, None))):
        kinds = set(shapes.objects(shape, SH.nodeKind))
        if len(kinds) > 1:
            shapes.remove((shape, SH.nodeKind, None))
            shapes.add((shape, SH.nodeKind, SH.IRIOrLiteral if kinds <= {SH.IRI, SH.Literal, SH.IRIOrLiteral} else SH.BlankNodeOrIRI))
    for link, pick in ((SH.minCount, min), (SH.maxCount, max)):
        for shape in sorted(set(shapes.subjects(link, None))):
            counts = list(shapes.objects(shape, link))
            if len(counts) > 1:
                keep = pick(counts, key=lambda c: int(c))
                shapes.remove((shape, link, None))
                shapes.add((shape, link, keep))
    return shapes


def check_cids(graph: Graph, shapes: Path):
    """:func:`theory.validate.validate` of the CIDS view of ``graph`` with the CIDS shapes."""
    from .validate import validate

    shapes_graph = cids_shapes(shapes)
    data = Graph()
    data += graph
    # CIDS's own class hierarchy (cids:Theme ⊑ cids:cidsThing …) travels with its shapes
    for triple in shapes_graph.triples((None, RDFS.subClassOf, None)):
        data.add(triple)
    return validate(cids_view(data), shapes_graph)
