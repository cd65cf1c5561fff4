"""Real SPARQL servers for the tests: Oxigraph (PyPI ``oxigraph``) and Virtuoso (Debian).

Each is started once per test session on free ports of 127.0.0.1, with its data in a
temporary folder, loaded with the shipped plan through :func:`theory.remote.push_graph`
(every ``.ttl`` of a plan folder in one named graph, named by the plan's IRI; the
ontology in ``https://w3id.org/theory/ontology``), and stopped at the end. Tests that use
them are marked ``servers``. ``tests/setup/debian.sh`` installs Virtuoso without starting
the stock service; when ``virtuoso-t`` is missing, the Virtuoso tests are skipped with
that hint.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GRAPH_DIR = ROOT / "graph"
ONTOLOGY = ROOT / "ontology" / "theory.ttl"
ONTOLOGY_GRAPH = "https://w3id.org/theory/ontology"
REGISTRY_GRAPH = "https://w3id.org/theory/data/actors"
SAFETY_PLAN = "https://w3id.org/theory/ontology#SafetyPlan"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
STARTUP_TIMEOUT = 60.0


@dataclass
class Server:
    """A running SPARQL server: where to ask, where to push, and how it was loaded."""

    name: str
    query_url: str
    graph_store_url: str
    process: subprocess.Popen
    folder: Path
    #: graph IRI -> the files pushed into it
    graphs: dict[str, list[Path]] = field(default_factory=dict)
    #: seconds from start until it answered, and to load the shipped plan
    timings: dict[str, float] = field(default_factory=dict)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def free_port() -> int:
    """A TCP port of 127.0.0.1 nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_answers(url: str, process: subprocess.Popen, log: Path, timeout: float = STARTUP_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with code {process.returncode}; see {log}:\n"
                               + log.read_text(errors="replace")[-2000:])
        try:
            with opener.open(url, timeout=2) as response:
                if response.status < 500:
                    return
        except urllib.error.HTTPError as err:
            if err.code < 500:
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url}: no answer after {timeout:g} s; see {log}")


# --- the shipped plan as N-Triples, one graph per plan folder --------------------------


def _ntriples(paths: list[Path]) -> bytes:
    """The triples of ``paths`` (Turtle) as N-Triples; blank nodes stay apart per file."""
    from pyoxigraph import RdfFormat, parse, serialize

    triples = []
    for path in paths:
        triples.extend(quad.triple for quad in parse(path=str(path), format=RdfFormat.TURTLE))
    return serialize(triples, format=RdfFormat.N_TRIPLES) or b""


def _plan_iri(paths: list[Path]) -> str:
    from pyoxigraph import NamedNode, RdfFormat, parse

    for path in paths:
        for quad in parse(path=str(path), format=RdfFormat.TURTLE):
            if quad.predicate == NamedNode(RDF_TYPE) and quad.object == NamedNode(SAFETY_PLAN):
                return quad.subject.value
    raise RuntimeError(f"no th:SafetyPlan in {paths[0].parent}")


def shipped_graphs(graph_dir: Path = GRAPH_DIR) -> dict[str, list[Path]]:
    """Graph IRI -> Turtle files: the ontology, the registry (if any), one graph per plan folder."""
    graphs = {ONTOLOGY_GRAPH: [ONTOLOGY]}
    for folder in sorted(p for p in graph_dir.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        files = sorted(folder.rglob("*.ttl"))
        if not files:
            continue
        graphs[REGISTRY_GRAPH if folder.name == "registry" else _plan_iri(files)] = files
    return graphs


def load_shipped(server: Server) -> None:
    """Push the shipped plan, the registry and the ontology, one PUT per graph."""
    from theory.remote import push_graph

    started = time.monotonic()
    for graph, files in shipped_graphs().items():
        push_graph(server.graph_store_url, graph, _ntriples(files))
        server.graphs[graph] = files
    server.timings["load"] = time.monotonic() - started


def embedded_store():
    """A pyoxigraph Store holding the same graphs as the servers (the reference answers)."""
    from pyoxigraph import NamedNode, RdfFormat, Store

    store = Store()
    for graph, files in shipped_graphs().items():
        store.load(_ntriples(files), format=RdfFormat.N_TRIPLES, to_graph=NamedNode(graph))
    return store


# --- Oxigraph ----------------------------------------------------------------------------


def _oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def start_oxigraph(folder: Path) -> Server:
    """``oxigraph serve`` on a free port of 127.0.0.1 with its store in ``folder``."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("oxigraph is not installed: pip install -e '.[test]'")
    port = free_port()
    log = folder / "oxigraph.log"
    started = time.monotonic()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph", f"{base}/query", f"{base}/store", process, folder)
    try:
        _wait_until_answers(f"{base}/query?query=ASK%7B%7D", process, log)
    except Exception:
        server.stop()
        raise
    server.timings["start"] = time.monotonic() - started
    return server


# --- Virtuoso ------------------------------------------------------------------------------


def virtuoso_ini(stock: str, folder: Path, sql_port: int, http_port: int) -> str:
    """The stock virtuoso.ini with every file in ``folder``, both ports on 127.0.0.1 and
    results up to a million rows (the stock 10,000 truncates silently)."""
    text = stock.replace("/var/lib/virtuoso-opensource-7/db", str(folder))
    section, lines = "", []
    for line in text.splitlines():
        head = re.match(r"^\s*\[([^\]]+)\]", line)
        if head:
            section = head.group(1).strip()
        key = line.split("=", 1)[0].strip() if "=" in line and not line.lstrip().startswith(";") else ""
        if key == "ServerPort" and section == "Parameters":
            line = f"ServerPort = 127.0.0.1:{sql_port}"
        elif key == "ServerPort" and section == "HTTPServer":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif key == "DefaultHost" and section == "URIQA":
            line = f"DefaultHost = 127.0.0.1:{http_port}"
        elif key == "ResultSetMaxRows":
            line = "ResultSetMaxRows = 1000000"
        elif key == "DirsAllowed":
            line = f"DirsAllowed = ., {folder}, /usr/share/virtuoso-opensource-7/vad"
        lines.append(line)
    return "\n".join(lines) + "\n"


def start_virtuoso(folder: Path) -> Server:
    """``virtuoso-t`` in the foreground with its own ini and database in ``folder``;
    SPARQL Update (and so the Graph Store Protocol) granted to the anonymous user."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None or not VIRTUOSO_INI.exists():
        pytest.skip("Virtuoso is not installed: run tests/setup/debian.sh")
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(VIRTUOSO_INI.read_text(), folder, sql_port, http_port))
    log = folder / "virtuoso-stdout.log"
    started = time.monotonic()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [binary, "+configfile", str(ini), "+foreground"], cwd=folder,
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", f"{base}/sparql", f"{base}/sparql-graph-crud", process, folder)
    try:
        _wait_until_answers(f"{base}/sparql?query=ASK%7B%7D", process, log)
        # a fresh database: the dba password is the default "dba"
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
            check=True, capture_output=True, timeout=30,
        )
    except Exception:
        server.stop()
        raise
    server.timings["start"] = time.monotonic() - started
    return server


# --- fixtures ----------------------------------------------------------------------------


def _session_server(start, tmp_path_factory, name: str):
    folder = tmp_path_factory.mktemp(name)
    server = start(folder)
    try:
        load_shipped(server)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """An Oxigraph server holding the shipped plan (named graphs) and the ontology."""
    yield from _session_server(start_oxigraph, tmp_path_factory, "oxigraph")


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """A Virtuoso server holding the shipped plan (named graphs) and the ontology."""
    yield from _session_server(start_virtuoso, tmp_path_factory, "virtuoso")


@pytest.fixture(scope="session", params=["oxigraph", "virtuoso"])
def sparql_server(request):
    """Each of the two servers in turn."""
    return request.getfixturevalue(f"{request.param}_server")


@pytest.fixture(scope="session")
def shipped_store():
    """The embedded pyoxigraph Store with the same graphs as the servers. Do not mutate."""
    return embedded_store()


__all__ = [
    "Server", "free_port", "shipped_graphs", "load_shipped", "embedded_store",
    "start_oxigraph", "start_virtuoso", "virtuoso_ini",
    "oxigraph_server", "virtuoso_server", "sparql_server", "shipped_store",
]
