"""theory.remote against real servers (Oxigraph, Virtuoso) and tiny misbehaving ones.

Answers from a server are compared with the embedded pyoxigraph Store loaded with the same
files; what a server changes in the data it stores is pinned down here literal by literal.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import re
import sys
import threading
import urllib.parse
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, Variable, parse, serialize

from servers import ONTOLOGY_GRAPH, REGISTRY_GRAPH, _ntriples, free_port, shipped_graphs, start_oxigraph
from theory.bindings import with_values
from theory.errors import EXIT_LOAD, QueryError, RemoteError, UsageError
from theory.remote import Endpoint, push_graph

DATA = Path(__file__).parent / "data"
XSD = "http://www.w3.org/2001/XMLSchema#"
TH = "https://w3id.org/theory/ontology#"
PLAN = "https://w3id.org/theory/data/tingbjerg-husum/plan-2024"
PREFIXES = f"PREFIX th: <{TH}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
DATASET = [PLAN, ONTOLOGY_GRAPH, REGISTRY_GRAPH]
HOSTILE = 'x" } ; DROP ALL ; # <urn:y> \'z\''



@pytest.fixture(scope="module")
def shipped_graph():
    """The shipped plan, the registry and the ontology parsed by rdflib into one Graph
    (rdflib keeps lexical forms as written)."""
    from rdflib import Graph

    graph = Graph()
    for files in shipped_graphs().values():
        for path in files:
            graph.parse(str(path), format="turtle")
    return graph


def _key(terms) -> tuple:
    """A row or triple as comparable text; blank nodes only say that they are blank."""
    return tuple("_:" if isinstance(t, BlankNode) else None if t is None else str(t) for t in terms)


def _embedded_rows(store, query: str, bindings=None, *, substitute: bool = False):
    """(variable names, rows) from the embedded store over the same dataset."""
    graphs = [NamedNode(g) for g in DATASET]
    if substitute:
        results = store.query(query, default_graph=graphs,
                              substitutions={Variable(k): v for k, v in (bindings or {}).items()})
    else:
        results = store.query(with_values(query, bindings), default_graph=graphs)
    names = [v.value for v in results.variables]
    return names, [_key(solution[n] for n in names) for solution in results]


def _remote_rows(endpoint: Endpoint, names, query: str, bindings=None):
    return [_key(row.get(n) for n in names) for row in endpoint.select(query, default_graphs=DATASET, bindings=bindings)]


# --- tiny servers that misbehave on purpose ---------------------------------------------


class Tiny:
    """A local HTTP server whose answers a test chooses; it records every request."""

    def __init__(self, respond):
        self.requests: list[dict] = []
        self.release = threading.Event()
        tiny = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                tiny.requests.append({"method": self.command, "path": self.path,
                                      "headers": dict(self.headers), "body": body})
                status, headers, content = respond(self, tiny)
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = _handle

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tiny():
    started = []

    def start(respond) -> Tiny:
        server = Tiny(respond)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


JSON_ROWS = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
    {"x": {"type": "literal", "value": "ok"}}]}}).encode()


def _results(handler, tiny):
    return 200, {"Content-Type": "application/sparql-results+json"}, JSON_ROWS


def _one_line(err) -> str:
    message = str(err.value)
    assert "\n" not in message and message
    assert err.value.exit_code == EXIT_LOAD
    return message


# --- bindings written into the query text (no server) ----------------------------------


def test_values_go_into_the_top_level_group_past_comments_strings_and_iris():
    query = (
        'PREFIX ex: <http://ex/{a}#>\n# SELECT { WHERE\n'
        'SELECT ?s (EXISTS { ?s ?p ?o } AS ?e) WHERE # {\n{ ?s ex:p "{ ?o }" ; ex:q ?o . }'
    )
    out = with_values(query, {"o": Literal("v")})
    assert out.startswith(query.split("{ ?s ex:p")[0] + '{\nVALUES (?o) { ("v") }\n')
    assert 'ex:p "{ ?o }" ; ex:q "v" .' in out  # the string keeps its ?o; the pattern takes the value
    assert "(EXISTS { ?s ?p ?o } AS ?e)" in out  # the projection is outside the group


def test_construct_template_comes_before_the_where_group():
    out = with_values("CONSTRUCT { ?s <urn:p> ?o } WHERE { ?s <urn:q> ?o }", {"o": NamedNode("urn:v")})
    assert out == "CONSTRUCT { ?s <urn:p> ?o } WHERE {\nVALUES (?o) { (<urn:v>) }\n ?s <urn:q> <urn:v> }"


@pytest.mark.parametrize("query, bindings, message", [
    ("CONSTRUCT WHERE { ?s ?p ?o }", {"o": Literal("x")}, "short form"),
    ("DESCRIBE <urn:x>", {"o": Literal("x")}, "no WHERE"),
    ("SELECT * WHERE { ?s ?p ?o }", {"o": BlankNode()}, "BlankNode"),
    ("SELECT * WHERE { ?s ?p ?o }", {"o x": Literal("x")}, "not a variable name"),
])
def test_bindings_that_cannot_be_written_are_refused(query, bindings, message):
    with pytest.raises(QueryError, match=message):
        with_values(query, bindings)


def test_lists_targets_and_projecting_sub_selects_keep_the_variable():
    query = ("SELECT ?y WHERE { { SELECT ?y (COUNT(?y) AS ?n) WHERE { ?a <urn:p> ?y } GROUP BY ?y ORDER BY DESC(?y) } "
             "{ SELECT (COUNT(?y) AS ?m) WHERE { ?b <urn:p> ?y } GROUP BY ?b ORDER BY DESC(?y) } "
             "VALUES (?q ?y) { (1 2) } BIND(?y AS ?z) FILTER(BOUND(?y)) }")
    out = with_values(query, {"y": Literal("v")})
    # computed by the first sub-select, joined with the VALUES block
    assert "{ SELECT ?y (COUNT(?y) AS ?n) WHERE { ?a <urn:p> ?y } GROUP BY ?y ORDER BY DESC(?y) }" in out
    # used but not projected by the second: the value reaches in, as rdflib binds it
    assert '{ SELECT (COUNT("v") AS ?m) WHERE { ?b <urn:p> "v" } GROUP BY ?b ORDER BY DESC("v") }' in out
    assert 'VALUES (?q ?y) { (1 2) } BIND("v" AS ?z) FILTER(BOUND(?y))' in out


# --- errors: one line naming the URL --------------------------------------------------


def test_unreachable_port():
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(RemoteError) as err:
        Endpoint(url, timeout=5).select("SELECT * WHERE { ?s ?p ?o }")
    assert _one_line(err).startswith(f"{url}: cannot connect (Connection refused)")


@pytest.mark.parametrize("status, reason, body, expected", [
    (404, "Not Found", b"no such endpoint\n", "HTTP 404 Not Found: no such endpoint"),
    (500, "Internal Server Error", b"\n  boom: the store is locked\nsecond line\n",
     "HTTP 500 Internal Server Error: boom: the store is locked"),
])
def test_http_errors_name_url_status_and_first_line(tiny, status, reason, body, expected):
    server = tiny(lambda h, t: (status, {"Content-Type": "text/plain"}, body))
    with pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/sparql").select("SELECT * WHERE { ?s ?p ?o }")
    assert _one_line(err) == f"{server.url}/sparql: {expected}"


def test_an_html_page_is_not_sparql_results(tiny):
    server = tiny(lambda h, t: (200, {"Content-Type": "text/html; charset=utf-8"}, b"<html><p>Welcome</p></html>"))
    with pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/").ask("ASK {}")
    assert _one_line(err).startswith(f"{server.url}/: the answer is not SPARQL results (text/html)")


def test_a_slow_server_times_out(tiny):
    def slow(handler, tiny):
        tiny.release.wait(10)
        return _results(handler, tiny)

    server = tiny(slow)
    with pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/query", timeout=0.5).select("SELECT * WHERE { ?s ?p ?o }")
    assert _one_line(err) == f"{server.url}/query: time-out after 0.5 s; the server did not answer in time"


def test_truncated_results_are_an_error(tiny):
    server = tiny(lambda h, t: (200, {"Content-Type": "application/sparql-results+json",
                                      "X-SPARQL-MaxRows": "10000"}, JSON_ROWS))
    with pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/sparql").select("SELECT * WHERE { ?s ?p ?o }")
    assert "cut the answer at 10000 rows (X-SPARQL-MaxRows)" in _one_line(err)


def test_request_asks_for_json_results_and_sends_the_dataset(tiny):
    server = tiny(_results)
    rows = Endpoint(server.url + "/sparql").select("SELECT ?x WHERE { ?x ?p ?o }", default_graphs=["urn:g1", "urn:g2"])
    assert rows == [{"x": Literal("ok")}]
    request = server.requests[0]
    assert request["method"] == "POST"
    assert request["headers"]["Accept"] == "application/sparql-results+json"
    form = urllib.parse.parse_qs(request["body"].decode())
    assert form["default-graph-uri"] == ["urn:g1", "urn:g2"]


def test_redirect_to_another_port_is_refused_and_never_followed(tiny, audit):
    elsewhere = tiny(_results)
    server = tiny(lambda h, t: (307, {"Location": elsewhere.url + "/sparql"}, b""))
    with audit() as contacted, pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/sparql").select("SELECT * WHERE { ?s ?p ?o }")
    assert "redirects to" in _one_line(err) and "refused" in str(err.value)
    assert elsewhere.requests == []
    assert set(contacted) == {("127.0.0.1", server.port)}


def test_redirect_on_the_same_server_keeps_the_query(tiny):
    def respond(handler, tiny):
        if handler.path == "/old":
            return 308, {"Location": "/new"}, b""
        return _results(handler, tiny)

    server = tiny(respond)
    assert Endpoint(server.url + "/old").select("SELECT ?x WHERE { ?x ?p ?o }") == [{"x": Literal("ok")}]
    assert [r["method"] for r in server.requests] == ["POST", "POST"]
    assert server.requests[1]["body"] == server.requests[0]["body"]


@pytest.mark.parametrize("url, kind", [
    ("ftp://127.0.0.1/sparql", UsageError),
    ("http://user:secret@127.0.0.1/sparql", UsageError),
])
def test_unusable_urls(url, kind):
    with pytest.raises(kind) as err:
        Endpoint(url)
    assert "secret" not in str(err.value)


# --- credentials -----------------------------------------------------------------------


def _basic_challenge(handler, tiny):
    if "Authorization" not in handler.headers:
        return 401, {"WWW-Authenticate": 'Basic realm="theory"', "Content-Type": "text/plain"}, b"log in"
    return _results(handler, tiny)


def _digest_challenge(user: str, password: str):
    realm, nonce = "theory", "abc123"

    def respond(handler, tiny):
        header = handler.headers.get("Authorization", "")
        fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header))
        if header.startswith("Digest ") and fields.get("username") == user:
            ha1 = hashlib.md5(f"{user}:{realm}:{password}".encode()).hexdigest()
            ha2 = hashlib.md5(f"{handler.command}:{fields['uri']}".encode()).hexdigest()
            expected = hashlib.md5(
                f"{ha1}:{nonce}:{fields['nc']}:{fields['cnonce']}:{fields['qop']}:{ha2}".encode()).hexdigest()
            if fields.get("response") == expected:
                return _results(handler, tiny)
        return 401, {"WWW-Authenticate": f'Digest realm="{realm}", nonce="{nonce}", qop="auth", algorithm=MD5',
                     "Content-Type": "text/plain"}, b"log in"

    return respond


def test_credentials_from_the_environment_answer_a_basic_challenge(tiny):
    server = tiny(_basic_challenge)
    environ = {"THEORY_USER": "analyst", "THEORY_PASSWORD": "s3cret-pw"}
    assert Endpoint(server.url + "/sparql", environ=environ).select("SELECT ?x {}")
    sent = server.requests[-1]["headers"]["Authorization"]
    assert sent == "Basic " + base64.b64encode(b"analyst:s3cret-pw").decode()
    assert "Authorization" not in server.requests[0]["headers"]  # only when challenged


def test_credentials_from_a_netrc_file_answer_a_digest_challenge(tiny, tmp_path):
    server = tiny(_digest_challenge("netrc-user", "netrc-pw"))
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login netrc-user password netrc-pw\n")
    assert Endpoint(server.url + "/sparql", environ={}, netrc_file=netrc).select("SELECT ?x {}")
    assert server.requests[-1]["headers"]["Authorization"].startswith('Digest username="netrc-user"')
    assert "netrc-pw" not in server.requests[-1]["headers"]["Authorization"]


def test_home_netrc_is_read_when_no_environment_credentials(tiny, tmp_path):
    server = tiny(_basic_challenge)
    (tmp_path / ".netrc").write_text("machine 127.0.0.1 login home-user password home-pw\n")
    assert Endpoint(server.url + "/sparql", environ={"HOME": str(tmp_path)}).select("SELECT ?x {}")
    assert server.requests[-1]["headers"]["Authorization"] == "Basic " + base64.b64encode(b"home-user:home-pw").decode()


def test_netrc_for_another_host_is_not_used(tiny, tmp_path):
    server = tiny(_basic_challenge)
    netrc = tmp_path / "netrc"
    netrc.write_text("machine example.org login other password other-pw\n")
    with pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/sparql", environ={}, netrc_file=netrc).select("SELECT ?x {}")
    assert _one_line(err).startswith(f"{server.url}/sparql: HTTP 401 Unauthorized: log in; set THEORY_USER")
    assert all("Authorization" not in r["headers"] for r in server.requests)


@pytest.mark.parametrize("respond", [
    lambda h, t: (401, {"WWW-Authenticate": 'Basic realm="x"', "Content-Type": "text/plain"}, b"wrong password"),
    lambda h, t: (500, {"Content-Type": "text/plain"}, b"broken"),
    lambda h, t: (200, {"Content-Type": "text/html"}, b"<p>hello</p>"),
    lambda h, t: (403, {"Content-Type": "text/plain"}, f"analyst-name may not: {h.headers}".encode()),
])
def test_credentials_never_appear_in_messages(tiny, respond):
    server = tiny(respond)
    environ = {"THEORY_USER": "analyst-name", "THEORY_PASSWORD": "pw-9f8e7d"}
    with pytest.raises(RemoteError) as err:
        Endpoint(server.url + "/sparql", environ=environ).select("SELECT ?x {}")
    assert "pw-9f8e7d" not in str(err.value) and "analyst-name" not in str(err.value)
    assert base64.b64encode(b"analyst-name:pw-9f8e7d").decode() not in str(err.value)


# --- only the given host and port ------------------------------------------------------

_AUDIT: list | None = None
_AUDIT_INSTALLED = False


def _audit_hook(event, args):
    if event == "socket.connect" and _AUDIT is not None and isinstance(args[1], tuple):
        _AUDIT.append(tuple(args[1][:2]))


@pytest.fixture
def audit():
    """``with audit() as contacted:`` lists every (host, port) a socket connected to."""
    global _AUDIT_INSTALLED
    if not _AUDIT_INSTALLED:
        sys.addaudithook(_audit_hook)  # cannot be removed; it records only inside the block
        _AUDIT_INSTALLED = True

    class Recording:
        def __enter__(self):
            global _AUDIT
            _AUDIT = []
            return _AUDIT

        def __exit__(self, *exc):
            global _AUDIT
            _AUDIT = None

    return Recording


# --- real servers ------------------------------------------------------------------------


@pytest.mark.servers
def test_only_the_given_host_and_port_are_contacted(oxigraph_server, audit):
    port = int(oxigraph_server.query_url.split(":")[2].split("/")[0])
    with audit() as contacted:
        endpoint = Endpoint(oxigraph_server.query_url)
        endpoint.select(PREFIXES + "SELECT ?p WHERE { ?p a th:SafetyPlan }", default_graphs=[PLAN])
        endpoint.plan_graphs()
        push_graph(oxigraph_server.graph_store_url, "urn:x-theory:audit", b"<urn:s> <urn:p> <urn:o> .\n")
    assert contacted and set(contacted) == {("127.0.0.1", port)}


@pytest.mark.servers
def test_select_ask_construct_on_the_chosen_graphs(sparql_server):
    endpoint = Endpoint(sparql_server.query_url)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    local = {g: len(set(_ntriples(files).splitlines())) for g, files in shipped_graphs().items()}
    assert endpoint.select(count, default_graphs=[ONTOLOGY_GRAPH]) == [
        {"n": Literal(str(local[ONTOLOGY_GRAPH]), datatype=NamedNode(XSD + "integer"))}]
    assert endpoint.select(count, default_graphs=DATASET)[0]["n"].value == str(sum(local[g] for g in DATASET))
    plan_ask = PREFIXES + "ASK { ?p a th:SafetyPlan }"
    assert endpoint.ask(plan_ask, default_graphs=[PLAN]) is True
    assert endpoint.ask(plan_ask, default_graphs=[ONTOLOGY_GRAPH]) is False
    # an unbound variable is absent from its row
    rows = endpoint.select(PREFIXES + "SELECT ?p ?none WHERE { ?p a th:SafetyPlan OPTIONAL { ?p th:noSuch ?none } }",
                           default_graphs=[PLAN])
    assert rows == [{"p": NamedNode(PLAN)}]
    areas = PREFIXES + 'CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a th:FocusArea ; rdfs:label ?l FILTER(lang(?l) = "da") }'
    triples = endpoint.construct(areas, default_graphs=DATASET)
    assert sorted(str(t.object) for t in triples) == [
        '"Kommunikation, dialog og synlighed"@da', '"Positive fællesskaber"@da', '"Trygt byliv"@da',
        '"Uddannelse og beskæftigelse"@da']
    assert endpoint.construct(areas, default_graphs=[ONTOLOGY_GRAPH]) == []


#: parameters used where a VALUES block alone would not reach them; each query projects its
#: parameters, so pyoxigraph's substitutions can answer it too
SUBSTITUTION_CASES = {
    "top-level triple": ("SELECT ?a ?y WHERE { ?a th:year ?y }", {"y": "2023"}),
    "optional filter": ('SELECT ?act ?l ?lang WHERE { ?act a th:Activity '
                        'OPTIONAL { ?act rdfs:label ?l FILTER(lang(?l) = ?lang) } }', {"lang": "en"}),
    "nested group filter": ("SELECT ?act ?n WHERE { { ?act th:activityNumber ?k FILTER(?k = ?n) } }", {"n": 5}),
    "exists in a nested group": ("SELECT ?act ?y WHERE { { ?act a th:Activity FILTER EXISTS "
                                 "{ ?m th:forActivity ?act ; th:year ?y } } }", {"y": "2021"}),
    "sub-select projecting it": ("SELECT ?y ?n WHERE { { SELECT ?y (COUNT(*) AS ?n) WHERE { ?m th:year ?y } "
                                 "GROUP BY ?y } }", {"y": "2022"}),
    "nested optional": ("SELECT ?act ?l ?lang WHERE { ?act a th:Activity OPTIONAL { ?act th:activityNumber ?k "
                        "OPTIONAL { ?act rdfs:label ?l FILTER(lang(?l) = ?lang) } } }", {"lang": "en"}),
}


def _substitution_terms(values: dict) -> dict:
    terms = {}
    for name, value in values.items():
        if isinstance(value, int):
            terms[name] = Literal(str(value), datatype=NamedNode(XSD + "integer"))
        elif name == "y":
            terms[name] = Literal(value, datatype=NamedNode(XSD + "gYear"))
        else:
            terms[name] = Literal(value)
    return terms


@pytest.mark.servers
@pytest.mark.parametrize("case", sorted(SUBSTITUTION_CASES))
def test_bindings_give_the_rows_of_pyoxigraph_substitutions(sparql_server, shipped_store, case):
    text, values = SUBSTITUTION_CASES[case]
    query, bindings = PREFIXES + text, _substitution_terms(values)
    names, substituted = _embedded_rows(shipped_store, query, bindings, substitute=True)
    assert substituted
    assert Counter(_remote_rows(Endpoint(sparql_server.query_url), names, query, bindings)) == Counter(substituted)
    # the embedded store given the rewritten text agrees too
    assert Counter(_embedded_rows(shipped_store, query, bindings)[1]) == Counter(substituted)


@pytest.mark.servers
def test_a_parameter_reaches_into_a_sub_select_as_with_rdflib(sparql_server, shipped_graph):
    """pyoxigraph's substitutions would leave the sub-select's ?y its own (and count all years)."""
    from rdflib import Literal as RdfLiteral, URIRef

    query = PREFIXES + "SELECT ?y ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?m a th:BudgetAmount ; th:year ?y } } }"
    year = RdfLiteral("2022", datatype=URIRef(XSD + "gYear"))
    expected = [str(row.n) for row in shipped_graph.query(query, initBindings={"y": year})]
    rows = Endpoint(sparql_server.query_url).select(query, default_graphs=DATASET,
                                                    bindings={"y": Literal("2022", datatype=NamedNode(XSD + "gYear"))})
    assert [row["n"].value for row in rows] == expected
    assert 0 < int(expected[0]) < 201  # one year's amounts, not all 201


@pytest.mark.servers
def test_a_hostile_string_binding_is_only_a_string(sparql_server):
    graph = "urn:x-theory:hostile-label"
    label = Literal(HOSTILE, language="da")
    data = f"<urn:x-theory:node> <http://www.w3.org/2000/01/rdf-schema#label> {label} .\n".encode()
    push_graph(sparql_server.graph_store_url, graph, data)
    endpoint = Endpoint(sparql_server.query_url)
    query = PREFIXES + "SELECT ?node WHERE { ?node rdfs:label ?name } # ?name"
    assert endpoint.select(query, default_graphs=[graph], bindings={"name": label}) == [{"node": NamedNode("urn:x-theory:node")}]
    assert endpoint.select(query, default_graphs=[graph], bindings={"name": Literal(HOSTILE)}) == []
    assert endpoint.ask("ASK { ?s ?p ?o }", default_graphs=DATASET)  # nothing was dropped


@pytest.mark.servers
def test_push_twice_replaces_the_graph(sparql_server):
    graph = "urn:x-theory:pushed-twice"
    first = push_graph(sparql_server.graph_store_url, graph, b'<urn:s> <urn:p> "first" .\n<urn:s> <urn:p> "only in first" .\n')
    second = push_graph(sparql_server.graph_store_url, graph, b'<urn:s> <urn:p> "second" .\n')
    assert first in (200, 201, 204) and second in (200, 201, 204)
    rows = Endpoint(sparql_server.query_url).select("SELECT ?o WHERE { ?s ?p ?o }", default_graphs=[graph])
    assert rows == [{"o": Literal("second")}]


@pytest.mark.servers
def test_push_errors_name_the_graph_url(sparql_server):
    with pytest.raises(RemoteError) as err:
        push_graph(sparql_server.graph_store_url, "urn:x-theory:broken", b"this is not N-Triples <\n")
    message = _one_line(err)
    assert message.startswith(f"{sparql_server.graph_store_url}?graph=urn%3Ax-theory%3Abroken: HTTP ")


@pytest.mark.servers
def test_plan_graphs_of_the_shipped_servers(sparql_server):
    found = Endpoint(sparql_server.query_url).plan_graphs()  # (test_engines.py adds the portfolio's)
    assert (PLAN, PLAN) in found and all(graph == plan for graph, plan in found)


@pytest.fixture
def fresh_oxigraph(tmp_path):
    server = start_oxigraph(tmp_path)
    yield server
    server.stop()


@pytest.mark.servers
def test_plan_graphs_finds_a_plan_under_any_graph_name(fresh_oxigraph):
    plan_files = shipped_graphs()[PLAN]
    push_graph(fresh_oxigraph.graph_store_url, "urn:x-any:name/42", _ntriples(plan_files))
    push_graph(fresh_oxigraph.graph_store_url, None, _ntriples([DATA / "minimal-plan.ttl"]))
    # a plan in a named graph wins over one in the default graph
    assert Endpoint(fresh_oxigraph.query_url).plan_graphs() == [("urn:x-any:name/42", PLAN)]


@pytest.mark.servers
def test_plan_graphs_finds_a_plan_in_the_default_graph(fresh_oxigraph):
    push_graph(fresh_oxigraph.graph_store_url, None, _ntriples(shipped_graphs()[PLAN]))
    push_graph(fresh_oxigraph.graph_store_url, ONTOLOGY_GRAPH, _ntriples([shipped_graphs()[ONTOLOGY_GRAPH][0]]))
    assert Endpoint(fresh_oxigraph.query_url).plan_graphs() == [(None, PLAN)]


@pytest.mark.servers
def test_virtuoso_error_page_becomes_one_line(virtuoso_server):
    front = virtuoso_server.query_url.rsplit("/", 1)[0] + "/"
    with pytest.raises(RemoteError) as err:
        Endpoint(front).select("SELECT * WHERE { ?s ?p ?o }")
    assert _one_line(err) == f"{front}: HTTP 404 File not found: The requested URL was not found URI = '/'"


@pytest.mark.servers
def test_virtuoso_digest_protected_graph_store(virtuoso_server):
    store = virtuoso_server.graph_store_url + "-auth"
    with pytest.raises(RemoteError, match="HTTP 401 Unauthorized"):
        push_graph(store, "urn:x-theory:digest", b"<urn:s> <urn:p> <urn:o> .\n", environ={})
    assert push_graph(store, "urn:x-theory:digest", b"<urn:s> <urn:p> <urn:o> .\n",
                      environ={"THEORY_USER": "dba", "THEORY_PASSWORD": "dba"}) in (200, 201, 204)


# --- what each server changes in the data ---------------------------------------------------


def _rdflib_graph(triples):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES).decode(), format="nt")
    return graph


def _canonical_decimal(term):
    """A decimal literal in its canonical lexical form ("15000.0" -> "15000")."""
    from decimal import Decimal

    if isinstance(term, Literal) and term.datatype == NamedNode(XSD + "decimal"):
        text = format(Decimal(term.value), "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return Literal(text, datatype=term.datatype)
    return term


@pytest.mark.servers
def test_the_shipped_plan_reads_back_with_canonical_decimals(sparql_server, record_property):
    """Every triple of every shipped file comes back. What changes: blank-node labels, and
    decimals written ``15000.0`` (rdflib's longturtle) come back ``15000``, same value."""
    from rdflib.compare import isomorphic

    endpoint = Endpoint(sparql_server.query_url)
    changed = Counter()
    for graph, files in shipped_graphs().items():
        local = set(q.triple for q in parse(_ntriples(files), format=RdfFormat.N_TRIPLES))  # files repeat some
        remote = endpoint.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", default_graphs=[graph])
        assert len(remote) == len(local), graph
        canonical = [Triple(t.subject, t.predicate, _canonical_decimal(t.object)) for t in local]
        assert isomorphic(_rdflib_graph(remote), _rdflib_graph(canonical)), graph
        for triple in local:
            if str(triple.object) != str(_canonical_decimal(triple.object)):
                changed[triple.object.datatype.value] += 1
    record_property("changed_literals", json.dumps(changed))
    # the shipped plan writes every amount with ".0": all of them change, nothing else does
    assert set(changed) == {XSD + "decimal"} and changed[XSD + "decimal"] > 200


#: literal -> what comes back, for every literal of tests/data/remote-literal-forms.ttl that
#: changes, by server and how it is read (SELECT as SPARQL JSON, CONSTRUCT as N-Triples).
#: Measured with Oxigraph 0.5.13 and Virtuoso 7.2.5; the embedded pyoxigraph Store changes
#: exactly what the Oxigraph server changes. Language tags (even ``EN-GB``), strings, gYear
#: and gYearMonth, dates, time zones and unknown datatypes come back as written.
CANONICAL = {
    '"300000.00"^^<http://www.w3.org/2001/XMLSchema#decimal>': '"300000"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '"007.5"^^<http://www.w3.org/2001/XMLSchema#decimal>': '"7.5"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '"+12"^^<http://www.w3.org/2001/XMLSchema#decimal>': '"12"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '"12."^^<http://www.w3.org/2001/XMLSchema#decimal>': '"12"^^<http://www.w3.org/2001/XMLSchema#decimal>',
    '"0042"^^<http://www.w3.org/2001/XMLSchema#integer>': '"42"^^<http://www.w3.org/2001/XMLSchema#integer>',
    '"+42"^^<http://www.w3.org/2001/XMLSchema#integer>': '"42"^^<http://www.w3.org/2001/XMLSchema#integer>',
}
OXIGRAPH = {
    **CANONICAL,
    '"1.5E3"^^<http://www.w3.org/2001/XMLSchema#double>': '"1500"^^<http://www.w3.org/2001/XMLSchema#double>',
    '"1"^^<http://www.w3.org/2001/XMLSchema#boolean>': '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    '"2024-03-01T10:00:00.500Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>':
        '"2024-03-01T10:00:00.5Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>',
}
VIRTUOSO = {
    **CANONICAL,
    '"1.5E3"^^<http://www.w3.org/2001/XMLSchema#double>': '"1500.0"^^<http://www.w3.org/2001/XMLSchema#double>',
    '"2024 "^^<http://www.w3.org/2001/XMLSchema#gYear>': '"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>',
}
CHANGES = {
    ("oxigraph", "select"): OXIGRAPH,
    ("oxigraph", "construct"): OXIGRAPH,
    ("virtuoso", "select"): VIRTUOSO,
    # Virtuoso writes a boolean stored as "1" as "1" in SPARQL JSON but "true" in N-Triples
    ("virtuoso", "construct"): {
        **VIRTUOSO,
        '"1"^^<http://www.w3.org/2001/XMLSchema#boolean>': '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>',
    },
}


def _changes(local, remote) -> dict[str, str]:
    """Literal as written -> literal as read back, per subject IRI (one value each)."""
    def by_subject(triples):
        found = {}
        for t in triples:
            if isinstance(t.subject, NamedNode):
                found[t.subject.value] = t.object
        return found

    before, after = by_subject(local), by_subject(remote)
    assert before.keys() == after.keys()
    return {str(before[s]): str(after[s]) for s in before
            if str(before[s]) != str(after[s]) and not isinstance(before[s], BlankNode)}


@pytest.mark.servers
@pytest.mark.parametrize("read", ["select", "construct"])
def test_what_each_server_changes_in_literals(sparql_server, read, record_property):
    graph = "urn:x-theory:literal-forms"
    data = _ntriples([DATA / "remote-literal-forms.ttl"])
    push_graph(sparql_server.graph_store_url, graph, data)
    local = [q.triple for q in parse(data, format=RdfFormat.N_TRIPLES)]
    endpoint = Endpoint(sparql_server.query_url)
    if read == "select":
        rows = endpoint.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", default_graphs=[graph])
        remote = [Triple(r["s"], r["p"], r["o"]) for r in rows]
    else:
        remote = endpoint.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", default_graphs=[graph])
    changes = _changes(local, remote)
    record_property("literal_changes", json.dumps(changes, ensure_ascii=False))
    assert changes == CHANGES[(sparql_server.name, read)]


def test_the_embedded_store_changes_what_the_oxigraph_server_changes():
    from pyoxigraph import Store

    data = _ntriples([DATA / "remote-literal-forms.ttl"])
    store = Store()
    store.load(data, format=RdfFormat.N_TRIPLES)
    local = [q.triple for q in parse(data, format=RdfFormat.N_TRIPLES)]
    assert _changes(local, [q.triple for q in store]) == OXIGRAPH


MISPRINT = "https://w3id.org/theory/data/tingbjerg-husum/amount-lommepenge-og-fritidsjob-2023-activity-total"


@pytest.mark.servers
def test_no_engine_keeps_the_misprinted_lexical_form(sparql_server, shipped_store, shipped_graph):
    """The plan prints 250.00 for 250.000 and the data keeps ``250.00`` for the budget
    audit (``budget-amounts``' ?lexical). rdflib keeps it; Oxigraph (embedded and server)
    and Virtuoso store the decimal and give back ``250``."""
    query = "SELECT ?lexical WHERE { ?amount <http://schema.org/value> ?v BIND(STR(?v) AS ?lexical) }"
    amount = {"amount": NamedNode(MISPRINT)}
    from rdflib import URIRef

    assert [str(r.lexical) for r in shipped_graph.query(query, initBindings={"amount": URIRef(MISPRINT)})] == ["250.00"]
    assert _embedded_rows(shipped_store, query, amount)[1] == [('"250"',)]
    rows = Endpoint(sparql_server.query_url).select(query, default_graphs=DATASET, bindings=amount)
    assert rows == [{"lexical": Literal("250")}]


# --- the CLI against servers: --endpoint for every read command, theory push ------------------


PORTFOLIO = DATA / "portfolio"
VALBY = "https://w3id.org/theory/data/valby/plan-2024"
AMAGER = "https://w3id.org/theory/data/amager/plan-2023"
READ_COMMANDS = [
    ["plans"], ["info"], ["query", "year-activities"], ["query", "actor-activities", "--param", "actor=politi"],
    ["coverage"], ["coverage", "--gaps"], ["actors"], ["actors", "--pairs"], ["audit", "budget"], ["portfolio"],
    ["validate"],
]


def _cli(runner, *args, env=None):
    from cli import main

    return runner.invoke(main, [str(a) for a in args], env=env)


def _graph_triples(server, graph: str) -> set:
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    return {_key((t.subject, t.predicate, t.object)) for t in Endpoint(server.query_url).construct(construct, default_graphs=[graph])}


@pytest.fixture(scope="module")
def portfolio_server(tmp_path_factory):
    """A fresh Oxigraph server with the portfolio, as `theory push` publishes it."""
    server = start_oxigraph(tmp_path_factory.mktemp("portfolio-oxigraph"))
    try:
        from click.testing import CliRunner

        result = _cli(CliRunner(), "push", "--graph-store", server.graph_store_url, "--data", PORTFOLIO)
        assert result.exit_code == 0, result.output
        yield server
    finally:
        server.stop()


@pytest.mark.servers
@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_every_read_command_answers_from_an_endpoint_as_embedded(runner, portfolio_server, audit, command):
    embedded = _cli(runner, *command, "--data", PORTFOLIO)
    assert embedded.exit_code == 0, embedded.output
    port = int(portfolio_server.query_url.split(":")[2].split("/")[0])
    with audit() as contacted:
        remote = _cli(runner, *command, "--endpoint", portfolio_server.query_url)
    assert remote.exit_code == 0, remote.output
    assert remote.stdout == embedded.stdout
    assert contacted and {c for c in contacted} == {("127.0.0.1", port)}


@pytest.mark.servers
def test_push_publishes_each_plan_in_its_graph_and_a_re_push_replaces_it(runner, fresh_oxigraph, tmp_path):
    import shutil

    first = _cli(runner, "push", "--graph-store", fresh_oxigraph.graph_store_url, "--data", PORTFOLIO, "--format", "json")
    assert first.exit_code == 0, first.output
    rows = json.loads(first.stdout)
    assert [(r["what"], r["graph"]) for r in rows] == [
        ("ontology", ONTOLOGY_GRAPH), ("registry", REGISTRY_GRAPH),
        ("Amager tryghedsplan 2023", AMAGER), ("Valby tryghedsplan 2024", VALBY)]
    assert all(r["status"] in (200, 201, 204) for r in rows)
    changed = tmp_path / "valby"
    shutil.copytree(PORTFOLIO / "valby-2024", changed)
    (changed / "activities.ttl").write_text((changed / "activities.ttl").read_text().replace(
        'schema:value "200000"', 'schema:value "220000"'))
    again = _cli(runner, "push", "--graph-store", fresh_oxigraph.graph_store_url, "--data", changed)
    assert again.exit_code == 0, again.output
    expected = {_key(q.triple) for f in changed.glob("*.ttl") for q in parse(path=str(f))}
    assert _graph_triples(fresh_oxigraph, VALBY) == expected
    coverage = json.loads(_cli(runner, "coverage", "--endpoint", fresh_oxigraph.query_url, "--plan", "valby",
                               "--format", "json").stdout)
    assert {r["focus_area"]: r["budget_full"] for r in coverage} == {"Positive fællesskaber": 200000, "Trygt byliv": 320000}


@pytest.mark.servers
def test_plans_in_named_graphs_with_any_names(runner, fresh_oxigraph):
    for graph, files in (("urn:x-any:first", sorted((PORTFOLIO / "valby-2024").glob("*.ttl"))),
                         ("http://example.org/g/2", [PORTFOLIO / "amager-2023" / "plan.ttl"]),
                         (ONTOLOGY_GRAPH, shipped_graphs()[ONTOLOGY_GRAPH]), (REGISTRY_GRAPH, shipped_graphs()[REGISTRY_GRAPH])):
        push_graph(fresh_oxigraph.graph_store_url, graph, _ntriples(files))
    plans = json.loads(_cli(runner, "plans", "--endpoint", fresh_oxigraph.query_url, "--format", "json").stdout)
    assert [(p["plan_iri"], p["graph"], p["budget"]) for p in plans] == [
        (AMAGER, "http://example.org/g/2", 200000), (VALBY, "urn:x-any:first", 400000)]
    embedded = _cli(runner, "coverage", "--data", PORTFOLIO)
    assert _cli(runner, "coverage", "--endpoint", fresh_oxigraph.query_url).stdout == embedded.stdout


@pytest.mark.servers
def test_a_plan_in_the_default_graph(runner, fresh_oxigraph):
    files = [*sorted((PORTFOLIO / "valby-2024").glob("*.ttl")), *shipped_graphs()[ONTOLOGY_GRAPH],
             *shipped_graphs()[REGISTRY_GRAPH]]
    push_graph(fresh_oxigraph.graph_store_url, None, _ntriples(files))
    plans = json.loads(_cli(runner, "plans", "--endpoint", fresh_oxigraph.query_url, "--format", "json").stdout)
    assert [(p["plan_iri"], p["graph"]) for p in plans] == [(VALBY, "(default graph)")]
    embedded = _cli(runner, "actors", "--data", PORTFOLIO / "valby-2024")
    assert _cli(runner, "actors", "--endpoint", fresh_oxigraph.query_url).stdout == embedded.stdout
    # a second plan in the same default graph: their triples could not be told apart
    push_graph(fresh_oxigraph.graph_store_url, None, _ntriples([*files, PORTFOLIO / "amager-2023" / "plan.ttl"]))
    result = _cli(runner, "coverage", "--endpoint", fresh_oxigraph.query_url)
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "its default graph holds 2 plans" in result.stderr


def test_push_takes_credentials_from_the_environment(runner, tiny):
    def respond(handler, server):
        if handler.command == "PUT" and "Authorization" not in handler.headers:
            return 401, {"WWW-Authenticate": 'Basic realm="theory"', "Content-Type": "text/plain"}, b"log in"
        return 201, {"Content-Type": "text/plain"}, b""

    server = tiny(respond)
    result = _cli(runner, "push", "--graph-store", server.url + "/store", "--data", PORTFOLIO / "valby-2024",
                  env={"THEORY_USER": "analyst", "THEORY_PASSWORD": "s3cret-pw", "HOME": "/nonexistent"})
    assert result.exit_code == 0, result.output
    sent = {r["headers"].get("Authorization") for r in server.requests if "Authorization" in r["headers"]}
    assert sent == {"Basic " + base64.b64encode(b"analyst:s3cret-pw").decode()}
    assert "s3cret" not in result.output


@pytest.mark.parametrize("respond, expected", [
    (lambda h, t: (500, {"Content-Type": "text/plain"}, b"disk full"), "HTTP 500 Internal Server Error: disk full"),
    (lambda h, t: (403, {"Content-Type": "text/html"}, b"<html><body><h1>Forbidden</h1></body></html>"), "HTTP 403 Forbidden"),
])
def test_push_http_errors_are_one_line_with_url_and_status(runner, tiny, audit, respond, expected):
    server = tiny(respond)
    with audit() as contacted:
        result = _cli(runner, "push", "--graph-store", server.url + "/store", "--data", PORTFOLIO / "valby-2024")
    assert result.exit_code == 3
    line = result.stderr.strip()
    assert "\n" not in line and line.startswith(f"Error: {server.url}/store?graph=") and expected in line
    assert {c for c in contacted} == {("127.0.0.1", server.port)}


def test_an_unreachable_server_is_one_line(runner):
    port = free_port()
    for args in (["push", "--graph-store", f"http://127.0.0.1:{port}/store", "--data", PORTFOLIO / "valby-2024"],
                 ["plans", "--endpoint", f"http://127.0.0.1:{port}/query"]):
        result = _cli(runner, *args)
        assert result.exit_code == 3
        line = result.stderr.strip()
        assert "\n" not in line and line.startswith(f"Error: http://127.0.0.1:{port}/") and "cannot connect" in line


def test_an_endpoint_that_answers_a_web_page_is_one_line(runner, tiny, audit):
    server = tiny(lambda h, t: (200, {"Content-Type": "text/html"}, b"<html>Welcome</html>"))
    with audit() as contacted:
        result = _cli(runner, "coverage", "--endpoint", server.url + "/")
    assert result.exit_code == 3
    assert result.stderr == (f"Error: {server.url}/: the answer is not SPARQL results (text/html); "
                             "check that the URL is the server's SPARQL query endpoint\n")
    assert {c for c in contacted} == {("127.0.0.1", server.port)}
