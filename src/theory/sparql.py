"""SPARQL safety: parse a query before anything evaluates it, and refuse what is unsafe.

``theory query`` never changes data and never reaches the network on its own:

- SPARQL Update (``INSERT``, ``DELETE``, ``DROP``, ``LOAD``, …) is refused outright;
- ``SERVICE`` and ``FROM`` / ``FROM NAMED`` (which rdflib answers by fetching the IRI)
  are refused unless the caller passes ``allow_network=True``;
- a syntax error is reported with its line and column.

The check works on the parse tree, so it holds for any store behind
:mod:`theory.load`, including ones that fetch from native code where Python's audit
hooks cannot see it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from .errors import QueryError

__all__ = ["CheckedQuery", "check_query", "query_form"]

#: parse-tree names of the four query forms -> the keyword analysts know
_FORMS = {
    "SelectQuery": "SELECT",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
    "AskQuery": "ASK",
}


@dataclass(frozen=True)
class CheckedQuery:
    """A query that parsed and passed the safety checks."""

    text: str
    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    parsed: Any  # rdflib's parse tree, ready for translateQuery


def _walk(node: Any) -> Iterator[Any]:
    """Every node of an rdflib/pyparsing parse tree, depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, CompValue):
            stack.extend(item.values())
        elif isinstance(item, (ParseResults, list, tuple)):
            stack.extend(item)


def _position(err: Exception, where: str) -> str:
    line = getattr(err, "lineno", None)
    col = getattr(err, "col", None)
    place = f"{where}, line {line}, column {col}" if line is not None else where
    return place


def query_form(parsed: Any) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK for a parsed query."""
    return _FORMS.get(getattr(parsed[1], "name", ""), "SELECT")


def check_query(text: str, *, allow_network: bool = False, where: str = "query") -> CheckedQuery:
    """Parse ``text`` and refuse updates, syntax errors and (unless allowed) network access.

    ``where`` names the query in messages (a file, a catalogue name, ``--sparql``).
    Raises :class:`~theory.errors.QueryError`; nothing is evaluated here.
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        parsed = parseQuery(text)
    except ParseBaseException as err:
        try:
            update = parseUpdate(text)
        except ParseBaseException:
            update = None
        except Exception:  # noqa: BLE001 - an odd update is still not a query
            update = None
        if update is not None and update.get("request"):
            kinds = sorted({" ".join(re.findall(r"[A-Z][a-z]*", getattr(r, "name", "Update"))).upper()
                            for r in update["request"]})
            raise QueryError(
                f"{where}: SPARQL Update ({', '.join(kinds)}) is refused: `theory query` never "
                "changes data; use SELECT, ASK, CONSTRUCT or DESCRIBE"
            ) from None
        message = str(getattr(err, "msg", err)).splitlines()[0]
        raise QueryError(f"{_position(err, where)}: SPARQL syntax error: {message}; fix the query there") from None
    except Exception as err:  # noqa: BLE001 - rdflib raises plain exceptions for bad IRIs/prefixes
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise QueryError(f"{where}: SPARQL error: {first}; fix the query") from None

    if not allow_network:
        for node in _walk(parsed):
            if not isinstance(node, CompValue):
                continue
            if node.name == "ServiceGraphPattern":
                raise QueryError(
                    f"{where}: SERVICE <{node.get('term')}> would query a remote endpoint; "
                    "refused (pass --allow-network to permit it)"
                )
            if node.name == "DatasetClause":
                iri = node.get("default") if node.get("default") is not None else node.get("named")
                raise QueryError(
                    f"{where}: FROM <{iri}> would fetch that graph from the network; refused "
                    "(remove the FROM clause to query the loaded graph, or pass --allow-network)"
                )
    return CheckedQuery(text=text, form=query_form(parsed), parsed=parsed)
