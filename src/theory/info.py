"""What is loaded: plans, years, activities, actors, amounts, triples.

>>> for row in graph_info(load_graph()):
...     print(row["item"], row["count"], row["detail"])
"""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, URIRef

from .namespaces import TH
from .plan import plan_years, year_of

__all__ = ["graph_info"]


def _label(graph: Graph, node, lang: str = "da") -> str:
    labels = sorted(graph.objects(node, RDFS.label), key=lambda l: (getattr(l, "language", None) != lang, str(l)))
    return str(labels[0]) if labels else graph.namespace_manager.normalizeUri(node)


def _instances(graph: Graph, cls: URIRef) -> set:
    """Instances of ``cls`` and its subclasses (through ``rdfs:subClassOf`` in the graph)."""
    classes = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in classes for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)}


def graph_info(graph: Graph) -> list[dict]:
    """Rows ``item``, ``count``, ``detail`` describing what ``graph`` holds."""
    plans = sorted(graph.subjects(RDF.type, TH.SafetyPlan))
    plan_details = []
    for plan in plans:
        years = sorted(y for y in (year_of(v) for v in graph.objects(plan, TH.planYear)) if y)
        plan_details.append(f"{_label(graph, plan)} ({', '.join(map(str, years)) or 'no year'})")

    activities = _instances(graph, TH.Activity)
    numbered = {a for a in activities if graph.value(a, TH.activityNumber) is not None}
    actors = _instances(graph, TH.Actor)
    kinds = {
        kind
        for actor in actors
        for kind in graph.objects(actor, RDF.type)
        if kind != TH.Actor and (kind, RDFS.subClassOf, TH.Actor) in graph
    }
    amounts = _instances(graph, TH.BudgetAmount)
    areas = _instances(graph, TH.FocusArea)
    years = plan_years(graph)
    return [
        {"item": "plans", "count": len(plans), "detail": "; ".join(plan_details)},
        {"item": "years", "count": len(years), "detail": ", ".join(map(str, years))},
        {"item": "activities", "count": len(activities), "detail": f"{len(numbered)} numbered"},
        {"item": "focus areas", "count": len(areas), "detail": "; ".join(sorted(_label(graph, a) for a in areas))},
        {"item": "actors", "count": len(actors), "detail": f"{len(kinds)} kinds"},
        {"item": "budget amounts", "count": len(amounts), "detail": ""},
        {"item": "triples", "count": len(graph), "detail": "ontology and data"},
    ]


def info_rows(paths=None) -> list[dict]:
    """:func:`graph_info` of the data at ``paths`` (default: the shipped plan)."""
    from .load import load_graph

    return graph_info(load_graph(paths or None))
