"""``theory query``: a named question, a ``.rq`` file or SPARQL text, answered per plan.

SELECT and ASK give rows (one set per plan in scope, with a ``plan`` column when there are
several); CONSTRUCT and DESCRIBE give Turtle. A query the user wrote is checked before it
runs (:mod:`theory.sparql`): updates are refused, and SERVICE and FROM unless the user
allows network access.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from . import catalogue

__all__ = ["answer"]


def answer(ws, source: str, params: Mapping[str, Any] | None = None, *, plans: Sequence | None = None,
           fmt: str = "table", allow_network: bool = False) -> str:
    """The answer to ``source`` about each of ``plans`` (default: every loaded plan) as text."""
    from .output import format_rows
    from .sparql import check_query

    info = catalogue.source(source)
    if info.audience in ("file", "text"):
        check_query(info.text, allow_network=allow_network, where=info.where)
    plans = list(plans if plans is not None else ws.plans)
    form = info.form
    if form in ("CONSTRUCT", "DESCRIBE"):
        return _turtle([t for plan in plans for t in ws.terms(info, plan, params)])
    rows: list[dict[str, Any]] = []
    # the projection's order (a variable a row leaves unbound is still a column); SELECT * from the rows
    columns: list[str] = _projection(info.text) if form == "SELECT" else []
    for plan in plans:
        result = ws.terms(info, plan, params)
        if form == "ASK":
            rows.append({"plan": plan.name, "ask": bool(result)})
            columns = ["plan", "ask"]
            continue
        for row in result:
            rows.append({"plan": plan.name, **{k: catalogue.python_value(v) for k, v in row.items()}})
            columns.extend(k for k in row if k not in columns)
    if len(plans) > 1:
        columns = ["plan", *[c for c in columns if c != "plan"]]
    else:
        columns = [c for c in columns if c != "plan"]
    return format_rows(rows, fmt, columns=columns, lang=ws.lang)


def _projection(text: str) -> list[str]:
    """The variables a SELECT projects, in order (none for ``SELECT *``)."""
    import re

    head = re.search(r"(?is)\bSELECT\b(.*?)\bWHERE\b", re.sub(r"#[^\n]*", " ", text))
    if not head:
        return []
    seen: dict[str, None] = {}
    depth = 0
    for match in re.finditer(r"\(|\)|\bAS\s+\?(\w+)|\?(\w+)", head.group(1)):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif match.group(1):
            seen.setdefault(match.group(1), None)
        elif depth == 0 and match.group(2):
            seen.setdefault(match.group(2), None)
    return list(seen)


def _turtle(triples) -> str:
    """Triples as sorted, canonical Turtle (the same graph always prints the same bytes)."""
    from rdflib import Graph

    from .engine import to_rdflib
    from .namespaces import BIND_PREFIXES

    graph = Graph()
    for prefix, iri in BIND_PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    for triple in triples:
        graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
    return graph.serialize(format="longturtle")
