"""Same answers everywhere: every question, view and rule of the catalogue on embedded Oxigraph,
on rdflib, on an Oxigraph server and on Virtuoso.

The servers hold what ``theory push`` publishes (the shipped plan, then the portfolio
fixtures of Valby and Amager); embedded Oxigraph and rdflib load the same files. Each query
runs about each plan (its dataset: ontology, registry, plan) with the same bound values, in
Danish and English, and the rows must be the same multiset of values (numbers compared as
numbers: a server may write 15000.0 for 15000; booleans as 1 and 0); CONSTRUCT rules give
the same triples.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest

from servers import push
from theory import catalogue
from theory.engine import OxigraphEngine, RdflibEngine
from theory.remote import Endpoint
from theory.sources import find_sources, shipped_data_path
from theory.workspace import Workspace

PORTFOLIO = Path(__file__).parent / "data" / "portfolio"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "int", "long", "short", "decimal", "double", "float", "nonNegativeInteger",
                             "positiveInteger", "unsignedInt")}
PLANS = {
    "tingbjerg": "https://w3id.org/theory/data/tingbjerg-husum/plan-2024",
    "valby": "https://w3id.org/theory/data/valby/plan-2024",
    "amager": "https://w3id.org/theory/data/amager/plan-2023",
}
#: a value for every parameter a query declares that has no default (names as people type them)
SAMPLE = {"focus_area": "Trygt byliv", "actor": "Københavns Politi", "activity": "1", "age": "15"}
QUERIES = [(q.audience, q.name) for audience in ("questions", "views", "rules") for q in catalogue.catalogue(audience)]


def value(term):
    """A term as a comparable value: IRIs by text, numbers as numbers, literals with language."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("blank",)
    datatype = term.datatype.value
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(term.value).normalize())
        except InvalidOperation:
            return ("text", term.value, datatype)
    if datatype == XSD + "boolean":
        return ("number", Decimal(1 if term.value in ("true", "1") else 0))
    if term.language:
        return ("text", term.value, term.language)
    if datatype == XSD + "string":
        return ("text", term.value, "")
    return ("text", term.value, datatype)


def answers(engine, info, graphs, bindings) -> Counter:
    if info.form == "CONSTRUCT":
        triples = engine.construct(info.text, default_graphs=graphs, bindings=bindings)
        return Counter({tuple(value(t) for t in (x.subject, x.predicate, x.object)) for x in triples})
    rows = engine.select(info.text, default_graphs=graphs, bindings=bindings)
    return Counter(tuple(sorted((k, value(v)) for k, v in row.items())) for row in rows)


@pytest.fixture(scope="module")
def embedded():
    """The shipped plan and the portfolio in embedded Oxigraph (the reference)."""
    return Workspace.open([shipped_data_path(), PORTFOLIO])


@pytest.fixture(scope="module")
def rdflib_engine():
    engine, _ = RdflibEngine.load(find_sources([shipped_data_path(), PORTFOLIO]))
    return engine


def _cases(ws):
    """(plan, query info, bindings) for every plan, query and language."""
    for plan in ws.plans:
        for audience, name in QUERIES:
            info = catalogue.get(name, audience)
            for lang in ("da", "en"):
                params = {p.name: SAMPLE[p.name] for p in info.params if p.default is None and p.name in SAMPLE}
                if "plan_iri" in {p.name for p in info.params}:
                    params["plan_iri"] = plan.iri
                if "lang" in {p.name for p in info.params}:
                    params["lang"] = lang
                elif lang == "en":
                    continue
                yield plan, info, lang, ws.bindings(info, plan, params)


def test_every_plan_is_loaded_with_its_dataset(embedded):
    assert sorted(p.iri for p in embedded.plans) == sorted(PLANS.values())


def _compare(reference_ws, other, *, graphs_of=None) -> list[str]:
    differing = []
    checked = 0
    for plan, info, lang, bindings in _cases(reference_ws):
        graphs = reference_ws.dataset(plan) if graphs_of is None else graphs_of(plan)
        expected = answers(reference_ws.engine, info, reference_ws.dataset(plan), bindings)
        got = answers(other, info, graphs, bindings)
        checked += 1
        if got != expected:
            missing, extra = expected - got, got - expected
            differing.append(f"{info.audience}/{info.name} ({lang}) about {plan.iri}: "
                             f"{sum(missing.values())} rows missing, {sum(extra.values())} extra; "
                             f"e.g. missing {list(missing)[:1]}, extra {list(extra)[:1]}")
    assert checked >= len(QUERIES) * len(PLANS)
    return differing


def test_rdflib_gives_the_rows_of_embedded_oxigraph(embedded, rdflib_engine):
    assert _compare(embedded, rdflib_engine) == []


def test_questions_find_rows(embedded):
    """The comparison means something: most questions answer with rows about the shipped plan."""
    plan = next(p for p in embedded.plans if p.iri == PLANS["tingbjerg"])
    empty = [info.name for p, info, lang, b in _cases(embedded)
             if p is plan and lang == "da" and not answers(embedded.engine, info, embedded.dataset(p), b)]
    assert set(empty) <= {"unserved-focus-areas-and-results", "works-toward"}, empty
    amager = next(p for p in embedded.plans if p.iri == PLANS["amager"])
    info = catalogue.get("unserved-focus-areas-and-results")
    assert sum(answers(embedded.engine, info, embedded.dataset(amager),
                       embedded.bindings(info, amager, {})).values()) == 2


@pytest.fixture(scope="module")
def published(sparql_server):
    """The server with the shipped plan and the portfolio, as `theory push` publishes them."""
    rows = push(sparql_server, PORTFOLIO)
    assert {r["graph"] for r in rows} >= {PLANS["valby"], PLANS["amager"]}
    return sparql_server


@pytest.mark.servers
def test_servers_give_the_rows_of_embedded_oxigraph(embedded, published):
    endpoint = Endpoint(published.query_url)
    assert _compare(embedded, endpoint) == []


@pytest.mark.servers
def test_the_server_workspace_finds_the_plans_theory_push_published(published):
    ws = Workspace.open(endpoint=published.query_url)
    assert sorted((p.graph, p.label, p.year) for p in ws.plans) == [
        (PLANS["amager"], "Amager tryghedsplan 2023", 2023),
        (PLANS["tingbjerg"], "Tingbjerg-Husum tryghedsplan 2024", 2024),
        (PLANS["valby"], "Valby tryghedsplan 2024", 2024),
    ]


def test_the_embedded_engine_is_oxigraph(embedded):
    assert isinstance(embedded.engine, OxigraphEngine)
