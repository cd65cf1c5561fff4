"""No query changes data or reaches the network.

An audit hook (``sys.addaudithook``) fails any outbound ``socket.connect`` (and DNS lookup)
while a test holds it on; a positive control shows the hook does see rdflib's SERVICE
requests when --allow-network lets them through.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

import pytest

from theory.errors import QueryError
from theory.queries import list_queries, query_info, run_query, select_rows
from theory.sparql import check_query

_GUARD = {"on": False, "attempts": []}


def _hook(event, args):
    if _GUARD["on"] and event in ("socket.connect", "socket.getaddrinfo"):
        _GUARD["attempts"].append((event, args[1] if len(args) > 1 else args))
        raise ConnectionRefusedError(f"test forbids network access ({event})")


sys.addaudithook(_hook)  # audit hooks cannot be removed; the flag turns it on and off


@contextmanager
def no_network():
    _GUARD["on"], _GUARD["attempts"] = True, []
    try:
        yield _GUARD["attempts"]
    finally:
        _GUARD["on"] = False


SERVICE = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"


def test_hook_sees_service_when_network_is_allowed(shipped_graph):
    """Positive control: with allow_network the SERVICE request is attempted and caught."""
    with no_network() as attempts:
        with pytest.raises(Exception):
            list(run_query(shipped_graph, SERVICE, allow_network=True))
    assert attempts, "the audit hook must see the SERVICE connection attempt"


def test_service_refused_before_evaluation(shipped_graph):
    with no_network() as attempts:
        with pytest.raises(QueryError, match="SERVICE .* refused .*--allow-network"):
            run_query(shipped_graph, SERVICE)
    assert attempts == []


@pytest.mark.parametrize("text", [
    "SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }",
])
def test_remote_data_refused(shipped_graph, text):
    with no_network() as attempts:
        with pytest.raises(QueryError, match="refused"):
            run_query(shipped_graph, text)
    assert attempts == []


@pytest.mark.parametrize("text, kind", [
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("DROP ALL", "DROP"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("CLEAR DEFAULT", "CLEAR"),
])
def test_updates_refused(shipped_graph, text, kind):
    before = len(shipped_graph)
    with no_network() as attempts:
        with pytest.raises(QueryError, match=f"SPARQL Update \\({kind}\\) is refused"):
            run_query(shipped_graph, text)
        with pytest.raises(QueryError):  # even with the network allowed: query never changes data
            run_query(shipped_graph, text, allow_network=True)
    assert attempts == [] and len(shipped_graph) == before


def test_every_named_query_stays_offline(shipped_graph):
    samples = {"focus_area": "Trygt byliv", "actor": "SSP", "activity": "1", "age": "15"}
    with no_network() as attempts:
        for info in list_queries():
            params = {p.name: samples[p.name] for p in info.params if p.name in samples}
            run_query(shipped_graph, info.name, params)
    assert attempts == []


@pytest.mark.parametrize("text", [
    "SELECT ?s WHERE { ?s ?p ?o }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "DESCRIBE <urn:x>",
])
def test_four_forms_allowed(text):
    assert check_query(text).form == text.split()[0]


def test_syntax_error_line_and_column():
    with pytest.raises(QueryError) as info:
        check_query("PREFIX th: <https://w3id.org/theory/ontology#>\nSELECT ?a\nWHERE { ?a a th:Activity . FILTER( }",
                    where="mine.rq")
    assert info.value.message.startswith("mine.rq, line 3, column ")
    assert "\n" not in info.value.message


def test_injection_value_matches_nothing(shipped_graph):
    before = len(shipped_graph)
    rows = select_rows(shipped_graph, "activities-of-focus-area", {"focus_area": 'x" } ; DROP ALL ; #'})
    assert rows == [] and len(shipped_graph) == before
