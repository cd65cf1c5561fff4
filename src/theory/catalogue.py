"""The named SPARQL queries, by who reads them, and how their parameters become RDF terms.

``theory/queries/`` holds plain SPARQL 1.1 files in three folders:

``questions/``
    what analysts ask (``theory query --list`` shows these, and the analyses build on them);
``views/``
    what the pictures and the report read;
``rules/``
    the CONSTRUCT rules ``theory build`` applies.

Each ``NAME.rq`` starts with a comment header::

    # Activities of one focus area in a year.
    # param focus_area: focus-area -- the focus area (name in any language, or IRI)
    # param year: year = plan -- the year (default: the plan's own year)

The first line is the summary; each ``param`` line gives a variable, its type and
optionally a default. Types: ``string``, ``iri``, ``integer``, ``decimal``, ``year``
(default ``plan``: the plan's own year), and the names people type, ``actor``,
``activity`` and ``focus-area``, which :mod:`theory.names` resolves to one IRI before the
query runs. Parameters are used in the query's top-level ``WHERE`` group only (see
:func:`theory.engine.with_values`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Mapping

import pyoxigraph as ox

from .errors import QueryError, UsageError
from .i18n import NC_

__all__ = [
    "AUDIENCES",
    "NAME_TYPES",
    "PARAM_TYPES",
    "Param",
    "QueryInfo",
    "catalogue",
    "get",
    "parse_header",
    "source",
    "term_for",
    "python_value",
    "catalogue_rows",
]

AUDIENCES = ("questions", "views", "rules")
#: parameter types that are names people type, resolved to an IRI
NAME_TYPES = ("actor", "activity", "focus-area")
PARAM_TYPES = ("string", "iri", "integer", "decimal", "year", *NAME_TYPES)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARAM_LINE = re.compile(
    r"^#\s*param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>[a-z-]+)"
    r"(?:\s*=\s*(?P<default>\S+))?\s*(?:--\s*(?P<doc>.*))?$"
)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                     "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


@dataclass(frozen=True)
class Param:
    """One parameter of a query: a SPARQL variable bound before evaluation."""

    name: str
    type: str
    default: str | None = None
    doc: str = ""

    def describe(self) -> str:
        text = f"{self.name} ({self.type}"
        return text + (f", default {self.default})" if self.default is not None else ")")


@dataclass(frozen=True)
class QueryInfo:
    """A query: its name, audience, one-line summary, parameters and text."""

    name: str
    audience: str
    summary: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    text: str = ""
    where: str = ""

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE (the first keyword after the prologue)."""
        body = re.sub(r"#[^\n]*", " ", self.text)
        body = re.sub(r"(?i)\b(PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)", " ", body)
        found = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body)
        return found.group(1).upper() if found else "SELECT"


def parse_header(text: str, where: str) -> tuple[str, tuple[Param, ...]]:
    """The summary line and the parameters of a query's comment header."""
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
                raise QueryError(f"{where}: parameter {match['name']} has unknown type {kind!r}; "
                                 f"use one of {', '.join(PARAM_TYPES)}")
            params.append(Param(match["name"], kind, match["default"], (match["doc"] or "").strip()))
        elif not summary:
            summary = stripped.lstrip("#").strip()
    return summary, tuple(params)


def _folder() -> Path:
    return Path(str(resources.files("theory.queries")))


@lru_cache(maxsize=None)
def _load(audience: str) -> dict[str, QueryInfo]:
    found = {}
    for path in sorted((_folder() / audience).glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        summary, params = parse_header(text, f"{audience}/{path.name}")
        found[path.stem] = QueryInfo(path.stem, audience, summary, params, text, f"query {path.stem}")
    return found


def catalogue(audience: str = "questions") -> list[QueryInfo]:
    """Every query of one audience, sorted by name."""
    return list(_load(audience).values())


def get(name: str, audience: str = "questions") -> QueryInfo:
    """The named query of ``audience``; :class:`UsageError` names how to list them."""
    try:
        return _load(audience)[name]
    except KeyError:
        if audience == "questions":
            raise UsageError(f"no query named {name!r}; `theory query --list` shows the "
                             f"{len(_load(audience))} named queries") from None
        raise UsageError(f"no {audience[:-1]} query named {name!r}") from None


def source(name_or_text: str) -> QueryInfo:
    """A catalogue question by name, a ``.rq`` file by path, or SPARQL text."""
    candidate = name_or_text.strip()
    if _NAME.match(candidate) and "\n" not in candidate:
        return get(candidate)
    if candidate.endswith(".rq") and "\n" not in candidate:
        path = Path(candidate)
        if not path.is_file():
            raise UsageError(f"{path}: no such query file; check the path")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise UsageError(f"{path}: cannot read the query file: {err}") from None
        summary, params = parse_header(text, str(path))
        return QueryInfo(path.stem, "file", summary, params, text, str(path))
    summary, params = parse_header(name_or_text, "--sparql")
    return QueryInfo("sparql", "text", summary, params, name_or_text, "--sparql")


def _iri(text: str, prefixes: Mapping[str, str], where: str, name: str) -> ox.NamedNode:
    expanded = text
    if ":" in text and not re.match(r"^[a-z][a-z0-9+.-]*://", text):
        prefix, _, local = text.partition(":")
        if prefix in prefixes:
            expanded = prefixes[prefix] + local
    if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|^`\\]*$", expanded):
        raise UsageError(f"{where}: parameter {name} must be an IRI (or prefix:name), not {text!r}")
    return ox.NamedNode(expanded)


def term_for(param: Param, value: Any, *, where: str, plan_year: Callable[[], int],
             resolve: Callable[[str, str, str], str], prefixes: Mapping[str, str]) -> ox.NamedNode | ox.Literal:
    """``value`` (text from the command line, or a Python value) as the RDF term ``param`` declares.

    ``plan_year()`` gives the default year; ``resolve(kind, text, option)`` turns a name of
    an actor, activity or focus area into its IRI (or raises a :class:`UsageError`).
    """
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    text = str(value).strip()
    kind = param.type
    if kind == "year":
        if text == "plan":
            return ox.Literal(f"{plan_year():04d}", datatype=ox.NamedNode(_XSD + "gYear"))
        if not re.fullmatch(r"\d{4}", text):
            raise UsageError(f"{where}: parameter {param.name} must be a year like 2024, not {value!r}")
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "gYear"))
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise UsageError(f"{where}: parameter {param.name} must be a whole number, not {value!r}")
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(_XSD + "integer"))
    if kind == "decimal":
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise UsageError(f"{where}: parameter {param.name} must be a number, not {value!r}") from None
        return ox.Literal(str(number), datatype=ox.NamedNode(_XSD + "decimal"))
    if kind == "iri":
        return _iri(text, prefixes, where, param.name)
    if kind in NAME_TYPES:
        return ox.NamedNode(resolve(kind, text, f"--param {param.name}"))
    return ox.Literal(text)


def python_value(term: Any) -> Any:
    """A query result term as a plain Python value: IRIs as strings, numbers as numbers.

    ``xsd:decimal`` gives an ``int`` when whole, else a ``float``; ``xsd:gYear`` an ``int``;
    booleans ``bool``; every other literal its text.
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        text = term.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(text)
            if datatype == _XSD + "decimal":
                number = Decimal(text)
                return int(number) if number == number.to_integral_value() else float(number)
            if datatype in (_XSD + "double", _XSD + "float"):
                return float(text)
            if datatype == _XSD + "boolean":
                return text in ("true", "1")
            if datatype == _XSD + "gYear" and text[:4].isdigit():
                return int(text[:4])
        except (ValueError, InvalidOperation):
            return text
        return text
    return str(term)


#: the columns of ``theory query --list``
CATALOGUE_COLUMNS = [NC_("column", "name"), NC_("column", "summary"), NC_("column", "parameters")]


def catalogue_rows(lang: str = "da") -> list[dict[str, str]]:
    """The analysts' questions as rows for ``theory query --list``: name, summary (in
    ``lang``: each summary is a message of the catalogue), parameters."""
    from .i18n import texts

    t = texts(lang)
    return [
        {"name": q.name, "summary": t(q.summary), "parameters": ", ".join(p.describe() for p in q.params)}
        for q in catalogue("questions")
    ]
