"""Bind query parameters by rewriting the query text, for engines that cannot bind them.

The SPARQL 1.1 Protocol has no bindings, and pyoxigraph's ``substitutions`` accept only
variables the query projects. :func:`with_values` writes the values into the query
instead, as terms pyoxigraph serialises (N-Triples form), never as user text, so
``x" } ; DROP ALL ; #`` stays one string literal.

Two rewrites together give the answers of rdflib's ``initBindings``, which the catalogue's
queries were written for (the value is known everywhere in the query), and of pyoxigraph's
``substitutions`` for every query both can answer:

- a ``VALUES`` block at the start of the query's top-level ``WHERE`` group binds each
  parameter for the whole group, the projection, ``GROUP BY`` and ``ORDER BY``;
- every use of the parameter inside that group is replaced by the term. A VALUES block
  alone binds a variable bottom-up only: a ``FILTER`` in a nested group or an ``EXISTS``
  inside one would see it unbound, and Virtuoso 7.2 evaluates even the ``FILTER`` of a
  top-level ``OPTIONAL { … FILTER(lang(?l) = ?lang) }`` without it (measured: the
  optional part is dropped).

One difference from pyoxigraph's substitutions: a parameter reaches into a sub-select that
does not project it, as with rdflib (``activity-card`` finds its activity that way); for
pyoxigraph that variable is the sub-select's own. A sub-select that projects the
parameter computes it and is joined with the VALUES block, so it is left as written there.
Also left as written: the variable after ``AS``, in ``BOUND(…)`` and in a VALUES variable
list. A parameter used as a predicate must be an IRI.

The text is read by a small tokenizer that skips comments, strings and IRIs; a
CONSTRUCT template comes before the WHERE group and is left alone (its variables take
the VALUES binding).
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from .errors import QueryError

__all__ = ["with_values"]

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\U0010FFFF]+)
    | (?P<bracket>[{}()])
    | (?P<word>(?:[A-Za-z0-9_:\-\u00B7\u00C0-\U0010FFFF]|\\.|%[0-9A-Fa-f]{2})+)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MODIFIERS = {"GROUP", "ORDER"}
_ENDS_MODIFIER = {"HAVING", "LIMIT", "OFFSET", "VALUES", "ORDER", "GROUP"}


class _Token:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind: str, text: str, start: int, end: int):
        self.kind, self.text, self.start, self.end = kind, text, start, end

    @property
    def keyword(self) -> str:
        return self.text.upper() if self.kind == "word" else ""


def _tokens(query: str) -> list[_Token]:
    """Variables, words and brackets outside comments, strings and IRIs."""
    return [
        _Token(m.lastgroup, m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(query)
        if m.lastgroup in ("var", "bracket", "word", "other")
    ]


def _where_group(tokens: list[_Token]) -> int:
    """Index of the ``{`` that opens the query's top-level WHERE group."""
    start = next((i for i, t in enumerate(tokens) if t.keyword in _FORMS), None)
    if start is None:
        raise QueryError("query: no SELECT, CONSTRUCT, DESCRIBE or ASK found; cannot bind values")
    i = start + 1
    if tokens[start].keyword == "CONSTRUCT":
        if i < len(tokens) and tokens[i].text == "{":  # the template: skip it whole
            depth = 0
            while i < len(tokens):
                depth += {"{": 1, "}": -1}.get(tokens[i].text, 0)
                i += 1
                if depth == 0:
                    break
        else:
            raise QueryError(
                "query: CONSTRUCT WHERE { … } (the short form) cannot take bound values; "
                "write the template and the WHERE group apart"
            )
    parens = 0
    for j in range(i, len(tokens)):
        text = tokens[j].text
        if text == "(":
            parens += 1
        elif text == ")":
            parens -= 1
        elif text == "{" and parens == 0:
            return j
    raise QueryError("query: no WHERE { … } group to bind values in; add one or give no parameters")


def _projection(tokens: list[_Token], select: int) -> set[str] | None:
    """Variables the (sub-)select at ``tokens[select]`` projects as they are; None for ``*``."""
    names: set[str] = set()
    parens = 0
    for i in range(select + 1, len(tokens)):
        token = tokens[i]
        if token.text == "(":
            parens += 1
        elif token.text == ")":
            parens -= 1
        elif parens == 0 and (token.text == "{" or token.keyword == "WHERE"):
            break
        elif parens == 0 and token.text == "*":
            return None
        elif token.kind == "var" and parens == 0:
            names.add(token.text[1:])
    return names


def _replacements(tokens: list[_Token], first: int, terms: Mapping[str, str]) -> list[tuple[_Token, str]]:
    """(variable token, term) for every use of a bound variable inside the WHERE group that
    starts at ``tokens[first]`` and may take a constant.

    A sub-select that projects the variable computes it and is joined with the VALUES
    block: there it stays as written (Virtuoso joins an unbound column with nothing).
    In a sub-select that does not project it, it is replaced, as rdflib binds it there."""
    found = []
    parens = 0
    #: per open group, the bound variables replaced there
    replaced: list[set[str]] = []
    #: ("values", -1) from VALUES to its data block: every variable is left as written;
    #: ("select", parens) and ("modifier", parens) after a sub-select's SELECT and after
    #: GROUP BY / ORDER BY: variables at that paren depth are a list, not an expression
    mode: tuple[str, int] | None = None
    for i in range(first, len(tokens)):
        token = tokens[i]
        if token.text == "{":
            replaced.append(set(replaced[-1]) if replaced else set(terms))
            mode = None
        elif token.text == "}":
            replaced.pop()
            mode = None
            if not replaced:
                break
        elif token.text == "(":
            parens += 1
        elif token.text == ")":
            parens -= 1
        elif token.keyword == "VALUES":
            mode = ("values", -1)
        elif token.keyword == "SELECT":
            mode = ("select", parens)
            projected = _projection(tokens, i)
            replaced[-1] -= set(terms) if projected is None else projected
        elif token.keyword in _MODIFIERS:
            mode = ("modifier", parens)
        elif token.keyword in _ENDS_MODIFIER and mode and mode[0] == "modifier":
            mode = None
        elif token.kind == "var" and token.text[1:] in replaced[-1]:
            previous = [t.keyword or t.text for t in tokens[max(first, i - 2):i]]
            if previous[-1:] == ["AS"] or previous[-2:] == ["BOUND", "("]:
                continue
            if mode and (mode[0] == "values" or parens == mode[1]):  # a list, not an expression
                continue
            found.append((token, terms[token.text[1:]]))
    return found


def _term_text(name: str, term: Any) -> str:
    from pyoxigraph import Literal, NamedNode

    if not isinstance(term, (NamedNode, Literal)):
        raise QueryError(
            f"query: parameter {name} is a {type(term).__name__}; only IRIs and literals can be "
            "bound by rewriting the query"
        )
    return str(term)  # N-Triples form, escaped by pyoxigraph


def with_values(query: str, bindings: Mapping[Any, Any] | None) -> str:
    """``query`` with ``bindings`` (variable name or pyoxigraph ``Variable`` -> pyoxigraph
    ``NamedNode`` or ``Literal``) written in (see the module docstring); ``query`` itself
    when there is nothing to bind.

    >>> from pyoxigraph import Literal
    >>> print(with_values('SELECT ?s WHERE { ?s ?p ?o FILTER(?o != "}") }', {"o": Literal('a "b"')}))
    SELECT ?s WHERE {
    VALUES (?o) { ("a \\"b\\"") }
     ?s ?p "a \\"b\\"" FILTER("a \\"b\\"" != "}") }
    """
    if not bindings:
        return query
    terms: dict[str, str] = {}
    for key, term in bindings.items():
        name = str(getattr(key, "value", key)).lstrip("?$")
        if not _VARIABLE.match(name):
            raise QueryError(f"query: {name!r} is not a variable name; use letters, digits and _")
        terms[name] = _term_text(name, term)
    names = sorted(terms)
    block = f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(terms[n] for n in names)}) }}\n"
    tokens = _tokens(query)
    first = _where_group(tokens)
    parts, position = [], 0
    for token, text in _replacements(tokens, first, terms):
        parts += [query[position:token.start], text]
        position = token.end
    parts.append(query[position:])
    rewritten = "".join(parts)
    offset = tokens[first].end  # before any replacement, so the offset still holds
    return rewritten[:offset] + block + rewritten[offset:]
