"""No query changes data or reaches the network unless the user allows it.

Oxigraph fetches from native code, where Python's audit hooks cannot see it, so the proof
is a real server: a tiny SPARQL endpoint on localhost counts the requests it receives. With
``--allow-network`` a SERVICE query reaches it (the positive control); without, nothing does.
"""

from __future__ import annotations

import http.server
import threading

import pytest

from theory.answers import answer
from theory.errors import QueryError
from theory.sparql import check_query


class _Endpoint(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def _answer(self):
        type(self).hits.append(self.path)
        body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def endpoint():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Endpoint)
    _Endpoint.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", _Endpoint.hits
    server.shutdown()
    server.server_close()


def test_service_reaches_the_network_only_when_allowed(ws, endpoint):
    url, hits = endpoint
    text = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match="SERVICE .* refused .*--allow-network"):
        answer(ws, text)
    assert hits == []
    answer(ws, text, allow_network=True)  # the positive control: the endpoint is asked
    assert hits


@pytest.mark.parametrize("text", [
    "SELECT * FROM <http://127.0.0.1:9/g> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } } }",
])
def test_remote_data_refused(ws, text):
    with pytest.raises(QueryError, match="refused"):
        answer(ws, text)


@pytest.mark.parametrize("text, kind", [
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("DROP ALL", "DROP"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("CLEAR DEFAULT", "CLEAR"),
])
def test_updates_refused(ws, plan, text, kind):
    before = len(ws.select("year-activities", plan, {"year": 2024}))
    with pytest.raises(QueryError, match=f"SPARQL Update \\({kind}\\) is refused"):
        answer(ws, text)
    with pytest.raises(QueryError):  # even with the network allowed: a query never changes data
        answer(ws, text, allow_network=True)
    assert len(ws.engine.store) > 6000 and before == 16


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
