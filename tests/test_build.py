"""theory build: inferred links, formats, and byte-identical output across hash seeds."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from theory.build import build_graph, inference_rules, inferred_triples, serialize
from theory.errors import UsageError
from theory.namespaces import ORG, TH
from theory.sources import ontology_path

TEST = "https://w3id.org/theory/data/test/"
THD = "https://w3id.org/theory/data/tingbjerg-husum/"


def test_rules_are_named_and_summarised():
    rules = inference_rules()
    assert set(rules) == {
        "actor-links",
        "inverses",
        "suborganisations",
        "works-toward",
    }
    for text in rules.values():
        assert text.startswith("# ")


def test_minimal_plan_inferences_exactly(data_dir):
    from theory.load import parse_file

    graph = parse_file(data_dir / "minimal-plan.ttl") + parse_file(ontology_path())
    expected = Graph().parse(data_dir / "minimal-plan-inferred.ttl")
    assert isomorphic(inferred_triples(graph), expected)


def test_inverse_direction_and_partner_only(data_dir):
    graph = Graph().parse(data_dir / "inverse-links-only.ttl")
    added = inferred_triples(graph)
    x = lambda name: URIRef(TEST + name)  # noqa: E731
    assert (x("activity-x"), TH.supports, x("fa-x")) in added
    assert (x("fa-x"), TH.hasResult, x("result-x")) in added
    assert (x("activity-x"), TH.worksToward, x("result-x")) in added
    assert (x("actor-x"), TH.involvedIn, x("activity-x")) in added
    assert (None, TH.leads, None) not in added


def test_build_keeps_everything_and_adds(shipped_graph):
    built = build_graph(shipped_graph)
    assert len(built) > len(shipped_graph)
    for triple in shipped_graph:
        assert triple in built
    # Fælleshaven is led by the housing-social master plan and works toward results
    faelleshaven = URIRef(THD + "activity-faelleshaven")
    assert set(built.objects(faelleshaven, TH.worksToward))
    assert set(built.subjects(TH.leads, faelleshaven))
    # the seven administrations are (transitively) part of Københavns Kommune
    kommune = URIRef("https://w3id.org/theory/data/actors/koebenhavns-kommune")  # the shared registry
    assert len(set(built.subjects(ORG.transitiveSubOrganizationOf, kommune))) >= 7


def _values(graph: Graph) -> Graph:
    """Decimals by value: Turtle writes "300000"^^xsd:decimal as 300000.0."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(format(o.toPython().normalize(), "f"), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_formats_round_trip(fixture_graph, fmt, parser):
    built = build_graph(fixture_graph("minimal-plan.ttl"))
    data = serialize(built, fmt)
    assert isomorphic(_values(Graph().parse(data=data, format=parser)), _values(built))


def test_nt_is_sorted_and_jsonld_is_json(fixture_graph):
    built = build_graph(fixture_graph("minimal-plan.ttl"))
    lines = serialize(built, "nt").decode().splitlines()
    assert lines == sorted(lines)
    assert "@graph" in json.loads(serialize(built, "jsonld"))


def test_unknown_format(fixture_graph):
    with pytest.raises(UsageError, match="unknown build format"):
        serialize(Graph(), "xml")


BUILD = """
import sys
from pathlib import Path
from theory.build import FORMATS, build_plan, serialize
from theory.workspace import Workspace
ws = Workspace.open()
built = build_plan(ws, ws.plans[0])
for fmt in FORMATS:
    Path(sys.argv[1], "built." + fmt).write_bytes(serialize(built, fmt))
"""


def test_same_bytes_under_different_hash_seeds(tmp_path):
    runs = []
    for seed in ("0", "1", "12345"):
        out = tmp_path / seed
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", BUILD, str(out)], capture_output=True, env=env, check=True)
        runs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert sorted(runs[0]) == ["built.jsonld", "built.nt", "built.ttl"]
    assert all(len(data) > 100_000 for data in runs[0].values())
    assert runs[0] == runs[1] == runs[2]
