"""Talk to a SPARQL server: the SPARQL 1.1 Protocol to ask, the Graph Store Protocol to push.

Plans may live on a shared server (Oxigraph, Virtuoso, …) instead of in local files. This
module is the only place that touches the network, and it touches only the URL the user
gave: requests go straight to that host and port (no proxy from the environment, redirects
only to the same scheme, host and port), each with a time-out. Credentials come from
``THEORY_USER`` / ``THEORY_PASSWORD`` or ``~/.netrc``, never from the command line or the
URL, and are answered to a server's Basic or Digest challenge only. Whatever goes wrong
becomes one :class:`~theory.errors.RemoteError` line naming the URL (never the
credentials) and what happened, exit code 3.

The SPARQL protocol cannot bind variables. :meth:`Endpoint.select` and friends therefore
write ``bindings`` into the query with :func:`theory.bindings.with_values`: a ``VALUES``
block at the start of the query's top-level ``WHERE`` group, and the same term in place of
each use of the parameter inside it, every term in its N-Triples form as pyoxigraph writes
it (never user text). For the catalogue's queries this gives the same answers as
pyoxigraph's ``substitutions`` (see that module for the few places left as written).

Results are asked for as SPARQL JSON (Virtuoso sometimes answers other formats with
RDF/XML) and parsed by pyoxigraph, so rows hold pyoxigraph terms as the embedded store
gives them. Virtuoso cuts long answers at its ``ResultSetMaxRows`` and says so only in an
``X-SPARQL-MaxRows`` header: that is an error here, never a silently partial answer.
"""

from __future__ import annotations

import http.client
import netrc
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from typing import Any, Mapping, Sequence

from .bindings import with_values
from .errors import RemoteError, UsageError

__all__ = ["Endpoint", "push_graph"]

_RESULT_TYPES = "application/sparql-results+json"
_GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_CHUNK = 1 << 16
_MAX_REDIRECTS = 5


# --- HTTP ----------------------------------------------------------------------------


def _origin(url: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme, 0)
    return parts.scheme, (parts.hostname or "").lower(), port


def _checked_url(url: str) -> str:
    """The URL if it is http(s) with a host and no credentials in it; else a UsageError."""
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as err:
        raise UsageError(f"{_public(url)}: not a usable URL ({err}); give http://HOST[:PORT]/PATH") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{_public(url)}: not an http:// or https:// URL with a host; give http://HOST[:PORT]/PATH")
    if parts.username is not None or parts.password is not None:
        raise UsageError(
            f"{_public(url)}: credentials in the URL are refused; set THEORY_USER and "
            "THEORY_PASSWORD or put the host in ~/.netrc"
        )
    return url


def _public(url: str) -> str:
    """``url`` without user name or password, for messages."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    if "@" not in parts.netloc:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _credentials(url: str, environ: Mapping[str, str], netrc_file: str | os.PathLike | None):
    """(user, password) from the environment, else from the netrc file for the URL's host."""
    user, password = environ.get("THEORY_USER"), environ.get("THEORY_PASSWORD")
    if user:
        return user, password or ""
    path = netrc_file
    if path is None:
        home = environ.get("HOME") or os.path.expanduser("~")
        path = os.path.join(home, ".netrc")
        if not os.path.isfile(path):
            return None
    try:
        found = netrc.netrc(os.fspath(path)).authenticators(_origin(url)[1])
    except FileNotFoundError:
        raise UsageError(f"{path}: no such netrc file; check the path") from None
    except netrc.NetrcParseError as err:
        raise UsageError(f"{path}, line {err.lineno}: cannot read the netrc file: {err.msg}; fix it there") from None
    except OSError as err:
        raise UsageError(f"{path}: cannot read the netrc file: {err.strerror}") from None
    if not found:
        return None
    login, _account, secret = found
    return login, secret or ""


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to the same scheme, host and port, keeping method and body."""

    max_redirections = _MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        newurl = urllib.parse.urljoin(req.full_url, newurl)
        if _origin(newurl) != _origin(req.full_url):
            raise RemoteError(
                f"{_public(req.full_url)}: HTTP {code} redirects to {_public(newurl)}, another "
                "scheme, host or port; refused: give that URL yourself if you trust it"
            )
        method = "GET" if code == 303 else req.get_method()
        keep = {k: v for k, v in req.header_items() if k.lower() not in ("content-length", "authorization")}
        if method == "GET" and req.get_method() != "GET":
            keep.pop("Content-type", None)
        return urllib.request.Request(
            newurl, data=None if method == "GET" else req.data, headers=keep, method=method,
        )


def _opener(url: str, environ, netrc_file) -> tuple[urllib.request.OpenerDirector, tuple[str, ...]]:
    """An opener that goes to no proxy, follows only same-origin redirects and answers
    Basic or Digest challenges of the URL's origin; and the credentials, to keep them out
    of messages."""
    handlers: list[Any] = [urllib.request.ProxyHandler({}), _SameOrigin()]
    found = _credentials(url, environ, netrc_file)
    if found:
        scheme, host, port = _origin(url)
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, f"{scheme}://{host}:{port}/", *found)
        handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
    return urllib.request.build_opener(*handlers), tuple(found or ())


def _first_line(body: bytes, content_type: str, code: int, reason: str) -> str:
    """The first line of a server's error message that says more than the status."""
    text = body.decode("utf-8", errors="replace")
    if "html" in content_type or "xml" in content_type:
        text = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", text)
        text = re.sub(r"(?s)<[^>]*>", "\n", text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [
        line for line in lines
        if line and not re.match(rf"^{code}\b", line) and not re.search(rf"HTTP/[\d.]+\s+{code}\b", line)
        and line.lower() != str(reason).lower()
    ]
    if not lines:
        return ""
    line = lines[0]
    if len(line) <= 20 and len(lines) > 1:  # "Error 22023" and what it means on the next line
        line = f"{line}: {lines[1]}"
    return line[:200] + ("…" if len(line) > 200 else "")


class _Answer:
    """A response read in full: status, media type, headers and body."""

    def __init__(self, status: int, headers: Message, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body
        self.media_type = (headers.get_content_type() if headers.get("Content-Type") else "").lower()


def _request(opener, url: str, *, method: str, data: bytes | None, headers: dict[str, str], timeout: float,
             secrets: tuple[str, ...] = ()) -> _Answer:
    """One HTTP exchange; every failure becomes one RemoteError line naming ``url``, with
    the credentials blotted out should the server's message repeat them."""
    try:
        return _exchange(opener, url, method=method, data=data, headers=headers, timeout=timeout)
    except RemoteError as err:
        message = err.message
        for secret in secrets:
            if len(secret) >= 3:
                message = message.replace(secret, "***")
        if message == err.message:
            raise
        raise RemoteError(message) from None


def _exchange(opener, url: str, *, method: str, data: bytes | None, headers: dict[str, str], timeout: float) -> _Answer:
    shown = _public(url)
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            chunks = []
            while chunk := response.read(_CHUNK):
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError
            return _Answer(response.status, response.headers, b"".join(chunks))
    except urllib.error.HTTPError as err:
        try:
            body = err.read(4096) if err.fp else b""
        except (OSError, TimeoutError):
            body = b""
        content_type = (err.headers.get_content_type() if err.headers else "") or ""
        detail = _first_line(body, content_type, err.code, err.reason)
        hint = "; set THEORY_USER and THEORY_PASSWORD or put the host in ~/.netrc" if err.code == 401 else ""
        raise RemoteError(f"{shown}: HTTP {err.code} {err.reason}" + (f": {detail}" if detail else "") + hint) from None
    except (TimeoutError, socket.timeout):
        raise RemoteError(f"{shown}: time-out after {timeout:g} s; the server did not answer in time") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise RemoteError(f"{shown}: time-out after {timeout:g} s; the server did not answer in time") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise RemoteError(f"{shown}: cannot connect ({text}); check the URL and that the server runs") from None
    except (ConnectionError, http.client.HTTPException) as err:
        text = getattr(err, "strerror", None) or type(err).__name__
        raise RemoteError(f"{shown}: the connection failed ({text})") from None
    except ValueError as err:  # a digest challenge urllib cannot answer, a bad header …
        raise RemoteError(f"{shown}: cannot talk to the server ({err})") from None


# --- queries -------------------------------------------------------------------------


def _query_file(name: str) -> str:
    from .catalogue import get

    return get(name, "engine").text


def _json_with_valid_blank_nodes(body: bytes) -> bytes:
    """SPARQL JSON whose blank-node labels pyoxigraph accepts. Virtuoso writes labels such as
    ``nodeID://b10000``; labels only name a node within one answer, so each is replaced by
    ``x`` and its hexadecimal UTF-8 bytes (one label, one node, as before)."""
    import json

    data = json.loads(body)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if isinstance(term, dict) and term.get("type") == "bnode":
                term["value"] = "x" + str(term.get("value", "")).encode("utf-8").hex()
    return json.dumps(data).encode("utf-8")


class Endpoint:
    """A SPARQL 1.1 Protocol endpoint (``/query`` on Oxigraph, ``/sparql`` on Virtuoso).

    ``default_graphs`` of a query are sent as ``default-graph-uri`` (the dataset of the
    question); ``bindings`` become a VALUES block (see the module docstring).
    """

    def __init__(self, url: str, *, timeout: float = 30.0, environ: Mapping[str, str] = os.environ,
                 netrc_file: str | os.PathLike | None = None):
        self.url = _checked_url(url)
        self.timeout = float(timeout)
        self._opener, self._secrets = _opener(self.url, environ, netrc_file)

    def __repr__(self) -> str:
        return f"Endpoint({_public(self.url)!r})"

    def _post(self, query: str, default_graphs: Sequence[str] | None, bindings, accept: str) -> _Answer:
        text = with_values(query, bindings)
        form = [("query", text)] + [("default-graph-uri", str(g)) for g in (default_graphs or ())]
        answer = _request(
            self._opener, self.url, method="POST",
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
            timeout=self.timeout, secrets=self._secrets,
        )
        limit = answer.headers.get("X-SPARQL-MaxRows")
        if limit is not None:
            raise RemoteError(
                f"{_public(self.url)}: the server cut the answer at {limit.strip()} rows "
                "(X-SPARQL-MaxRows); raise its ResultSetMaxRows (Virtuoso: [SPARQL] in virtuoso.ini)"
            )
        return answer

    def _results(self, query: str, default_graphs, bindings) -> list[Any] | bool:
        """Solutions (lists of terms, after the variables) or a boolean, parsed in full."""
        from pyoxigraph import QueryBoolean, QueryResultsFormat, parse_query_results

        answer = self._post(query, default_graphs, bindings, _RESULT_TYPES)
        kind = QueryResultsFormat.from_media_type(answer.media_type) if answer.media_type else None
        if kind is None or kind == QueryResultsFormat.CSV:
            raise RemoteError(
                f"{_public(self.url)}: the answer is not SPARQL results ({answer.media_type or 'no content type'}); "
                "check that the URL is the server's SPARQL query endpoint"
            )
        body = answer.body
        for attempt in (1, 2):
            try:
                results = parse_query_results(body, format=kind)
                if isinstance(results, QueryBoolean):
                    return bool(results)
                return [[v.value for v in results.variables]] + [list(solution) for solution in results]
            except (SyntaxError, ValueError) as err:
                if attempt == 1 and kind == QueryResultsFormat.JSON and b'"bnode"' in body:
                    body = _json_with_valid_blank_nodes(body)
                    continue
                first = (str(err).splitlines() or [""])[0]
                raise RemoteError(f"{_public(self.url)}: the answer is not valid {answer.media_type}: {first}") from None
        raise AssertionError("unreachable")

    def select(self, query: str, *, default_graphs: Sequence[str] | None = None,
               bindings: Mapping[Any, Any] | None = None, convert=None, row=dict) -> list[dict[str, Any]]:
        """Rows of a SELECT (``row`` objects): variable name -> pyoxigraph term, or
        ``convert(term)``; unbound variables are absent."""
        results = self._results(query, default_graphs, bindings)
        if isinstance(results, bool):
            raise RemoteError(f"{_public(self.url)}: answered a SELECT with a boolean; is it an ASK?")
        names, solutions = results[0], results[1:]
        value = convert or (lambda term: term)
        return [row((name, value(term)) for name, term in zip(names, terms) if term is not None) for terms in solutions]

    def ask(self, query: str, *, default_graphs: Sequence[str] | None = None,
            bindings: Mapping[Any, Any] | None = None) -> bool:
        """The answer of an ASK query."""
        results = self._results(query, default_graphs, bindings)
        if not isinstance(results, bool):
            raise RemoteError(f"{_public(self.url)}: answered an ASK with rows, not a boolean")
        return results

    def construct(self, query: str, *, default_graphs: Sequence[str] | None = None,
                  bindings: Mapping[Any, Any] | None = None) -> list[Any]:
        """The triples (pyoxigraph ``Triple``) of a CONSTRUCT or DESCRIBE query."""
        from pyoxigraph import RdfFormat, parse

        answer = self._post(query, default_graphs, bindings, _GRAPH_TYPES)
        if answer.media_type == "text/plain":  # older servers' name for N-Triples
            kind = RdfFormat.N_TRIPLES
        else:
            kind = RdfFormat.from_media_type(answer.media_type) if answer.media_type else None
        if kind is None:
            raise RemoteError(
                f"{_public(self.url)}: the answer is not RDF ({answer.media_type or 'no content type'}); "
                "check that the URL is the server's SPARQL query endpoint"
            )
        try:
            return [quad.triple for quad in parse(answer.body, format=kind)]
        except (SyntaxError, ValueError) as err:
            first = (str(err).splitlines() or [""])[0]
            raise RemoteError(f"{_public(self.url)}: the answer is not valid {answer.media_type}: {first}") from None

    def plan_graphs(self) -> list[tuple[str | None, str]]:
        """(graph IRI, plan IRI) of every ``th:SafetyPlan`` in a named graph, sorted; only
        when no named graph holds one, (None, plan IRI) of those in the default graph."""
        named = [
            (row["graph"].value, row["plan"].value)
            for row in self.select(_query_file("plan-graphs-named"))
            if "graph" in row and "plan" in row
        ]
        if named:
            return sorted(set(named))
        return sorted({(None, row["plan"].value) for row in self.select(_query_file("plan-graphs-default")) if "plan" in row})


# --- the Graph Store Protocol --------------------------------------------------------


def _graph_url(graph_store_url: str, graph_iri: str | None) -> str:
    """The Graph Store URL of one graph: ``?graph=IRI``, or ``?default``. Virtuoso's
    ``/sparql-graph-crud`` takes the standard ``graph=`` too (measured: 7.2.5), but has no
    default graph of its own (it is the union of all graphs)."""
    parts = urllib.parse.urlsplit(graph_store_url)
    if graph_iri is None:
        if parts.path.rstrip("/").endswith(("/sparql-graph-crud", "/sparql-graph-crud-auth")):
            raise UsageError(
                f"{_public(graph_store_url)}: Virtuoso's default graph is the union of all its graphs; "
                "push to a named graph"
            )
        extra = "default"
    else:
        extra = urllib.parse.urlencode({"graph": graph_iri})
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit(parts._replace(query=query))


def push_graph(graph_store_url: str, graph_iri: str | None, ntriples: bytes, *, timeout: float = 60.0,
               environ: Mapping[str, str] = os.environ, netrc_file: str | os.PathLike | None = None) -> int:
    """Replace one graph on a server with ``ntriples`` (HTTP PUT, Graph Store Protocol).

    ``graph_iri`` None is the default graph (not on Virtuoso, whose default graph is the
    union of all). Returns the HTTP status (201 created, 204 replaced, or 200).
    """
    url = _graph_url(_checked_url(graph_store_url), graph_iri)
    opener, secrets = _opener(url, environ, netrc_file)
    answer = _request(
        opener, url, method="PUT", data=bytes(ntriples),
        headers={"Content-Type": "application/n-triples"}, timeout=float(timeout), secrets=secrets,
    )
    return answer.status
