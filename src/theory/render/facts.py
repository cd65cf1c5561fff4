"""What the views read from the graph, through the named queries and the questions API.

Everything comes back as plain Python keyed by IRI (strings), sorted, so that the views
are pure functions of these facts. Filters (``--focus-area``, ``--actor``) are resolved
here: by IRI, label in any language or alias, case-insensitively; an unknown name is a
:class:`~theory.errors.UsageError` that lists the names it could have been.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..errors import UsageError
from ..queries import resolve_year, select_rows

__all__ = ["Facts", "gather", "find_focus_area", "find_actor", "year_activities"]


@dataclass
class Facts:
    """The change theory of one year: nodes, links, roles, deliverables, budgets."""

    year: int
    lang: str
    nodes: dict[str, dict[str, Any]]                 # iri -> kind, label, number, quote, section, …
    links: list[dict[str, Any]]                      # from, to, link, quote
    roles: dict[str, list[dict[str, Any]]]           # activity -> [actor_iri, actor, role_iri, role]
    deliverables: dict[str, list[dict[str, Any]]]    # activity -> deliverable rows
    budget: dict[str, float]                         # activity of the year -> overview budget
    names: dict[str, set[str]] = field(default_factory=dict)  # iri -> every name (casefolded)
    net: Any = None                                  # theory.network.actor_activity_graph

    def linked(self, link: str) -> list[tuple[str, str]]:
        """(from, to) pairs of one kind of link, deduplicated and sorted."""
        return sorted({(l["from"], l["to"]) for l in self.links if l["link"] == link})

    def supports(self) -> dict[str, list[str]]:
        """Activity -> the focus areas it supports."""
        found: dict[str, list[str]] = defaultdict(list)
        for activity, area in self.linked("supports"):
            found[activity].append(area)
        return dict(found)


def year_activities(net) -> dict[str, float]:
    """Activity IRI -> its budget, for the activity nodes of an actor–activity graph."""
    return {
        node: float(data.get("budget") or 0)
        for node, data in sorted(net.nodes(data=True))
        if data.get("kind") == "activity"
    }


def _names(graph) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in select_rows(graph, "render-names"):
        found[row["node"]].add(str(row["name"]).casefold())
    return dict(found)


def gather(graph, year: int | None = None, lang: str = "da") -> Facts:
    """Read the facts every view needs for ``year`` (default: the plan's own year)."""
    from ..network import actor_activity_graph

    year = resolve_year(graph, year)
    nodes: dict[str, dict[str, Any]] = {}
    for row in select_rows(graph, "render-theory-nodes", {"lang": lang}):
        nodes.setdefault(row["node"], row)
    links = select_rows(graph, "render-theory-links")
    roles: dict[str, list[dict]] = defaultdict(list)
    for row in select_rows(graph, "render-responsibilities", {"lang": lang}):
        roles[row["activity_iri"]].append(row)
    deliverables: dict[str, list[dict]] = defaultdict(list)
    for row in select_rows(graph, "render-deliverables", {"lang": lang}):
        deliverables[row["activity_iri"]].append(row)
    net = actor_activity_graph(graph, year, lang)
    return Facts(year, lang, nodes, links, dict(roles), dict(deliverables), year_activities(net), _names(graph), net)


def _find(names: dict[str, set[str]], candidates: dict[str, str], text: str, what: str, option: str) -> str:
    wanted = text.strip()
    if wanted in candidates:
        return wanted
    folded = wanted.casefold()
    matches = sorted(iri for iri in candidates if folded in names.get(iri, set()) or folded == candidates[iri].casefold())
    if len(matches) == 1:
        return matches[0]
    known = "; ".join(sorted(candidates.values(), key=str.casefold))
    if not matches:
        raise UsageError(f"{option} {text!r}: no {what} has that name; use one of: {known}")
    raise UsageError(f"{option} {text!r}: several {what}s have that name; give the IRI instead")


def find_focus_area(graph, facts: Facts, text: str) -> str:
    """The IRI of the focus area named ``text`` (label in any language, or IRI)."""
    candidates = {iri: n["label"] for iri, n in facts.nodes.items() if n["kind"] == "focus-area"}
    return _find(facts.names, candidates, text, "focus area", "--focus-area")


def find_actor(graph, facts: Facts, text: str) -> str:
    """The IRI of the actor named ``text`` (label in any language, alias, or IRI)."""
    candidates = {n: d["label"] for n, d in facts.net.nodes(data=True) if d.get("kind") == "actor"}
    for rows in facts.roles.values():
        for row in rows:
            candidates.setdefault(row["actor_iri"], row["actor"])
    return _find(facts.names, candidates, text, "actor", "--actor")
