"""What the views read about one plan's year, through the workspace's view queries.

Everything comes back as plain Python keyed by IRI (strings), sorted, so that the views
are pure functions of these facts; the workspace remembers them, so a report that draws two
pictures reads them once. Filters (``--focus-area``, ``--actor``) are names as people type
them, resolved by :meth:`theory.workspace.Workspace.resolve`; the pages' search box finds
nodes by the same names (labels in every language, aliases, former names), folded the same
way (:func:`theory.names.normal_forms`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Facts", "gather", "year_activities", "passage", "search_forms"]


@dataclass
class Facts:
    """The change theory of one year: nodes, links, roles, deliverables, budgets."""

    year: int
    lang: str
    nodes: dict[str, dict[str, Any]]                 # iri -> kind, label, number, quote, section, …
    links: list[dict[str, Any]]                      # from, to, link, quote
    roles: dict[str, list[dict[str, Any]]]           # activity -> [actor_iri, actor, role_iri, role, status_iri, quote]
    deliverables: dict[str, list[dict[str, Any]]]    # activity -> deliverable rows
    budget: dict[str, float]                         # activity of the year -> overview budget
    net: Any = None                                  # theory.network.actor_activity_graph
    plan: Any = None
    names: dict[str, list[str]] = field(default_factory=dict)   # iri -> every name it goes by

    def linked(self, link: str) -> list[tuple[str, str]]:
        """(from, to) pairs of one kind of link, deduplicated and sorted."""
        return sorted({(l["from"], l["to"]) for l in self.links if l["link"] == link})

    def supports(self) -> dict[str, list[str]]:
        """Activity -> the focus areas it supports."""
        found: dict[str, list[str]] = defaultdict(list)
        for activity, area in self.linked("supports"):
            found[activity].append(area)
        return dict(found)

    def focus_areas(self) -> list[str]:
        """The plan's focus areas: proper ones by label, then the cross-cutting efforts."""
        return sorted((iri for iri, n in self.nodes.items() if n["kind"] == "focus-area"),
                      key=lambda a: (bool(self.nodes[a]["cross_cutting"]), self.nodes[a]["label"].casefold(), a))

    def search(self, iri: str, *extra: str) -> list[str]:
        """Every way ``iri`` may be typed into a page's search box (see :func:`search_forms`)."""
        node = self.nodes.get(iri) or {}
        return search_forms([node.get("label") or "", *self.names.get(iri, []), *extra])


def search_forms(names) -> list[str]:
    """The folded forms of ``names`` (case, accents and Danish letters folded both ways), sorted."""
    from ..names import normal_forms

    return sorted({form for name in names if str(name).strip() for form in normal_forms(str(name))})


def passage(node: dict[str, Any]) -> tuple[str, str]:
    """(quote, section) of the passage a node rests on: its quote, unless that is only a
    heading ("1. AKTIVITET: FÆLLESHAVEN"), in which case its description in the plan's own
    words. ("", "") when the plan gives neither."""
    quote = str(node.get("quote") or "").strip()
    description = str(node.get("description") or "").strip()
    if description and (not quote or not any(c.islower() for c in quote)):
        quote = description
    return (quote, str(node.get("section") or "")) if quote else ("", "")


def year_activities(net) -> dict[str, float]:
    """Activity IRI -> its budget, for the activity nodes of an actor–activity graph."""
    return {
        node: float(data.get("budget") or 0)
        for node, data in sorted(net.nodes(data=True))
        if data.get("kind") == "activity"
    }


def gather(ws, plan, year: int) -> Facts:
    """Read the facts every view needs about ``plan`` in ``year`` (remembered by the workspace)."""
    return ws.memo(("facts", plan.iri, year, ws.lang), lambda: _gather(ws, plan, year))


def _gather(ws, plan, year: int) -> Facts:
    from ..network import actor_activity_graph

    nodes: dict[str, dict[str, Any]] = {}
    for row in ws.select("theory-nodes", plan, audience="views"):
        nodes.setdefault(row["node"], row)
    links = ws.select("theory-links", plan, audience="views")
    roles: dict[str, list[dict]] = defaultdict(list)
    for row in ws.select("responsibilities", plan, audience="views"):
        roles[row["activity_iri"]].append(row)
    deliverables: dict[str, list[dict]] = defaultdict(list)
    for row in ws.select("deliverables", plan, audience="views"):
        deliverables[row["activity_iri"]].append(row)
    names: dict[str, list[str]] = defaultdict(list)
    for kind in ("actor", "activity", "focus-area"):
        for iri, (label, others) in ws.names(plan, kind).entries.items():
            names[iri].extend([label, *others])
    net = actor_activity_graph(ws, plan, year)
    return Facts(year, ws.lang, nodes, links, dict(roles), dict(deliverables), year_activities(net), net, plan,
                 {iri: sorted(set(found)) for iri, found in names.items()})
