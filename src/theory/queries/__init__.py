"""The catalogue of named SPARQL queries (``*.rq`` in this package), and how to run them.

Each ``NAME.rq`` starts with a comment header::

    # Activities of one focus area in a year.
    # param focus_area: string -- the focus area's name (any language) or IRI
    # param year: year = plan -- the year (default: the plan's own year)

The first line is the summary; each ``param`` line gives a variable, its type
(``string``, ``iri``, ``integer``, ``decimal``, ``year``) and optionally a default
(``plan`` for a year means :func:`theory.plan.plan_year`). Values are bound as typed RDF
terms through rdflib's ``initBindings``; they are never formatted into the query text,
so ``x" } ; DROP ALL ; #`` is only a string that matches nothing.

Every query passes :func:`theory.sparql.check_query` first: updates are refused, and
``SERVICE`` / ``FROM`` are refused unless ``allow_network=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

from ..errors import QueryError, UsageError

__all__ = [
    "QueryInfo",
    "Param",
    "list_queries",
    "query_text",
    "query_info",
    "run_query",
    "select_rows",
    "resolve_year",
    "rows_of",
    "catalogue_rows",
    "answer",
]

PARAM_TYPES = ("string", "iri", "integer", "decimal", "year")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARAM_LINE = re.compile(
    r"^#\s*param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z]+)"
    r"(?:\s*=\s*(?P<default>\S+))?\s*(?:--\s*(?P<doc>.*))?$"
)


@dataclass(frozen=True)
class Param:
    """One parameter of a query: a SPARQL variable bound before evaluation."""

    name: str
    type: str
    default: str | None = None
    doc: str = ""

    def describe(self) -> str:
        text = f"{self.name} ({self.type}"
        text += f", default {self.default})" if self.default is not None else ")"
        return text


@dataclass(frozen=True)
class QueryInfo:
    """A catalogue entry: its name, one-line summary and parameters."""

    name: str
    summary: str
    params: tuple[Param, ...] = field(default_factory=tuple)


def _package() -> Path:
    return Path(str(resources.files(__name__)))


def _parse_header(text: str, where: str) -> tuple[str, tuple[Param, ...]]:
    summary = ""
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _PARAM_LINE.match(stripped)
        if match:
            kind = match["type"]
            if kind not in PARAM_TYPES:
                raise QueryError(f"{where}: parameter {match['name']} has unknown type {kind!r}; use one of {', '.join(PARAM_TYPES)}")
            params.append(Param(match["name"], kind, match["default"], (match["doc"] or "").strip()))
        elif not summary:
            summary = stripped.lstrip("#").strip()
    return summary, tuple(params)


@lru_cache(maxsize=None)
def _catalogue() -> dict[str, tuple[str, QueryInfo]]:
    found: dict[str, tuple[str, QueryInfo]] = {}
    for path in sorted(_package().glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        summary, params = _parse_header(text, path.name)
        found[path.stem] = (text, QueryInfo(path.stem, summary, params))
    return found


def list_queries() -> list[QueryInfo]:
    """Every named query, sorted by name."""
    return [info for _, info in _catalogue().values()]


def query_text(name: str) -> str:
    """The SPARQL text of the named query; :class:`UsageError` names the known ones."""
    try:
        return _catalogue()[name][0]
    except KeyError:
        raise UsageError(
            f"no query named {name!r}; `theory query --list` shows the {len(_catalogue())} named queries"
        ) from None


def query_info(name: str) -> QueryInfo:
    """The catalogue entry of the named query."""
    query_text(name)
    return _catalogue()[name][1]


def resolve_year(graph, year: int | None) -> int:
    """``year`` itself, or the plan's own year when it is ``None``."""
    if year is not None:
        return int(year)
    from ..plan import plan_year

    return plan_year(graph)


def _term(graph, param: Param, value: Any, where: str):
    """``value`` as the RDF term ``param`` declares (strings from the command line too)."""
    from rdflib import XSD, Literal, URIRef
    from rdflib.term import Node

    if isinstance(value, Node):
        return value
    text = str(value).strip() if not isinstance(value, (int, float)) else value
    kind = param.type
    if kind == "year":
        if text == "plan":
            text = resolve_year(graph, None)
        try:
            number = int(text)
        except (TypeError, ValueError):
            raise UsageError(f"{where}: parameter {param.name} must be a year like 2024, not {value!r}") from None
        return Literal(f"{number:04d}", datatype=XSD.gYear)
    if kind == "integer":
        try:
            return Literal(int(text), datatype=XSD.integer)
        except (TypeError, ValueError):
            raise UsageError(f"{where}: parameter {param.name} must be a whole number, not {value!r}") from None
    if kind == "decimal":
        from decimal import Decimal, InvalidOperation

        try:
            return Literal(Decimal(str(text)), datatype=XSD.decimal)
        except InvalidOperation:
            raise UsageError(f"{where}: parameter {param.name} must be a number, not {value!r}") from None
    if kind == "iri":
        expanded = str(text)
        if ":" in expanded and not re.match(r"^[a-z][a-z0-9+.-]*://", expanded):
            prefix, _, local = expanded.partition(":")
            namespaces = dict(graph.namespaces())
            if prefix in namespaces:
                expanded = str(namespaces[prefix]) + local
        iri = URIRef(expanded)
        if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", expanded):
            raise UsageError(f"{where}: parameter {param.name} must be an IRI (or prefix:name), not {value!r}")
        return iri
    return Literal(str(text))


def _bindings(graph, declared: tuple[Param, ...], given: Mapping[str, Any], where: str, strict: bool) -> dict:
    from rdflib import Literal, URIRef
    from rdflib.term import Node

    known = {p.name: p for p in declared}
    bindings = {}
    for name, value in given.items():
        if name in known:
            bindings[name] = _term(graph, known[name], value, where)
        elif declared or strict:
            raise UsageError(
                f"{where}: unknown parameter {name!r}; it takes "
                + (", ".join(p.describe() for p in declared) or "no parameters")
            )
        elif isinstance(value, Node):
            bindings[name] = value
        else:  # ad-hoc query without a header: <iri> or a plain string
            text = str(value)
            bindings[name] = URIRef(text[1:-1]) if text.startswith("<") and text.endswith(">") else Literal(text)
    for param in declared:
        if param.name in bindings:
            continue
        if param.default is None:
            raise UsageError(
                f"{where}: missing parameter {param.name}; give it with --param {param.name}=VALUE"
            )
        bindings[param.name] = _term(graph, param, param.default, where)
    return bindings


@lru_cache(maxsize=256)
def _prepared(text: str, allow_network: bool, where: str):
    from rdflib.plugins.sparql.algebra import translateQuery

    from ..namespaces import BIND_PREFIXES
    from ..sparql import check_query

    checked = check_query(text, allow_network=allow_network, where=where)
    namespaces = {
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        **BIND_PREFIXES,
    }
    from rdflib import Namespace

    try:
        return translateQuery(checked.parsed, initNs={k: Namespace(v) for k, v in namespaces.items()})
    except Exception as err:  # noqa: BLE001 - unknown prefix, bad aggregate …
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise QueryError(f"{where}: SPARQL error: {first}; fix the query") from None


def _source(name_or_text: str) -> tuple[str, str]:
    """(text, where) for a catalogue name, an .rq file or SPARQL text."""
    candidate = name_or_text.strip()
    if _NAME.match(candidate) and "\n" not in candidate:
        return query_text(candidate), f"query {candidate}"
    if candidate.endswith(".rq") and "\n" not in candidate:
        path = Path(candidate)
        if not path.is_file():
            raise UsageError(f"{path}: no such query file; check the path")
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"{path}: cannot read the query file: {err}") from None
    return name_or_text, "query"


def run_query(graph, name_or_text: str, params: Mapping[str, Any] | None = None, *, allow_network: bool = False):
    """Run a named query, a ``.rq`` file or SPARQL text on ``graph``; an rdflib ``Result``.

    Parameters are bound as typed terms (see the module docstring). Raises
    :class:`~theory.errors.QueryError` for syntax errors, updates and network access,
    :class:`~theory.errors.UsageError` for unknown or malformed parameters.
    """
    text, where = _source(name_or_text)
    summary, declared = _parse_header(text, where)
    # a query with a header declares all its parameters; bare SPARQL binds whatever it is given
    bindings = _bindings(graph, declared, dict(params or {}), where, strict=bool(summary))
    prepared = _prepared(text, allow_network, where)
    try:
        return graph.query(prepared, initBindings=bindings)
    except QueryError:
        raise
    except Exception as err:  # noqa: BLE001 - evaluation errors become one line
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        raise QueryError(f"{where}: query failed: {first}") from None


def _value(term: Any) -> Any:
    from rdflib import XSD, Literal

    from ..output import plain

    if isinstance(term, Literal) and term.datatype in (XSD.gYear, XSD.gYearMonth):
        text = str(term)
        return int(text[:4]) if term.datatype == XSD.gYear and text[:4].isdigit() else text
    return plain(term)


def rows_of(result) -> list[dict[str, Any]]:
    """SELECT results as dicts of plain Python values, keys = the variable names."""
    if result.type != "SELECT":
        raise UsageError(f"a {result.type} query gives no rows; use a SELECT query")
    names = [str(v) for v in result.vars]
    return [{name: _value(row[i]) for i, name in enumerate(names)} for row in result]


def select_rows(graph, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run a named SELECT query; its rows as dicts of Python values (via ``output.plain``)."""
    return rows_of(run_query(graph, name, params))


def catalogue_rows() -> list[dict[str, str]]:
    """The catalogue as rows for ``theory query --list``: name, summary, parameters."""
    return [
        {"name": q.name, "summary": q.summary, "parameters": ", ".join(p.describe() for p in q.params)}
        for q in list_queries()
    ]


def answer(graph, source: str, params: Mapping[str, Any] | None = None, *, fmt: str = "table",
           lang: str = "da", allow_network: bool = False) -> str:
    """A query's answer as text to print: rows in ``fmt`` for SELECT and ASK, Turtle for
    CONSTRUCT and DESCRIBE (sorted, so the same graph always prints the same bytes).

    ``lang`` fills the query's ``lang`` parameter unless ``params`` gives it.
    """
    from ..output import format_rows

    params = dict(params or {})
    text, where = _source(source)
    _, declared = _parse_header(text, where)
    if any(p.name == "lang" for p in declared):
        params.setdefault("lang", lang)
    result = run_query(graph, source, params, allow_network=allow_network)
    if result.type == "SELECT":
        return format_rows(rows_of(result), fmt, columns=[str(v) for v in result.vars])
    if result.type == "ASK":
        return format_rows([{"ask": bool(result.askAnswer)}], fmt)
    from rdflib import Graph

    out = Graph()
    for prefix, iri in graph.namespaces():
        out.bind(prefix, iri)
    for triple in result.graph:
        out.add(triple)
    return out.serialize(format="longturtle")
