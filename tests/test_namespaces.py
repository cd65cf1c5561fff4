"""TH matches the ontology both ways, and every th: term used anywhere is declared."""

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from theory.sources import ontology_path, shapes_path, shipped_data_path
from theory.namespaces import TH

ROOT = Path(__file__).resolve().parents[1]
NS = str(TH._NS)
TERM = re.compile(r"\bth:([A-Za-z][A-Za-z0-9_]*)")


@pytest.fixture(scope="module")
def declared() -> set[str]:
    graph = Graph().parse(ontology_path())
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual}
    names = set()
    for subject, kind in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef) and str(subject).startswith(NS):
            if kind in kinds or str(kind).startswith(NS):  # classes, properties, concepts like th:Lead
                names.add(str(subject)[len(NS):])
    return names


def test_th_lists_exactly_the_ontology_terms(declared):
    in_python = set(TH.__annotations__)
    assert in_python - declared == set(), "in TH but not declared in ontology/theory.ttl"
    assert declared - in_python == set(), "declared in the ontology but missing from TH"


def test_th_is_closed():
    with pytest.raises(AttributeError):
        TH.Activty  # noqa: B018 - the typo is the point


def test_every_ontology_term_has_labels_and_comments():
    graph = Graph().parse(ontology_path())
    for term in TH.__annotations__:
        iri = URIRef(NS + term)
        langs = {label.language for label in graph.objects(iri, RDFS.label)}
        assert {"da", "en"} <= langs, f"th:{term} needs rdfs:label in da and en"
        assert graph.value(iri, RDFS.comment) is not None, f"th:{term} needs rdfs:comment"


def _used_terms(paths) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        names = set(TERM.findall(text)) | set(re.findall(r"\bTH\.([A-Za-z][A-Za-z0-9_]*)", text))
        names |= {m for m in re.findall(re.escape(NS) + r"([A-Za-z][A-Za-z0-9_]*)", text)}
        for name in names:
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path))
    return used


def test_every_th_term_used_in_src_shapes_and_queries_is_declared(declared):
    src = ROOT / "src" / "theory"
    # namespaces.py is TH itself (checked both ways above; its docstring shows a typo on purpose)
    python = [p for p in src.rglob("*.py") if p.name != "namespaces.py"]
    files = [*python, *src.rglob("*.rq"), *src.rglob("*.html"), *src.rglob("*.js"), shapes_path(), ROOT / "cli.py"]
    undeclared = {name: where for name, where in _used_terms(files).items() if name not in declared and not name.startswith("_")}
    assert undeclared == {}


def test_every_th_term_used_in_the_shipped_graph_is_declared(declared):
    graph = Graph()
    for path in (p for p in shipped_data_path().rglob('*') if p.is_file() and p.suffix not in ('.py', '.pyc')):
        graph.parse(path)
    used = {str(term)[len(NS):] for triple in graph for term in triple if isinstance(term, URIRef) and str(term).startswith(NS)}
    assert used - declared == set()
