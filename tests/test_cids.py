"""The shipped graph seen through its CIDS alignment, against the CIDS v3 shapes.

The plan does not record what CIDS asks of every cidsThing (hasName/hasDescription in the
ISO 5087 vocabulary, schema:description, schema:dateCreated, a catchment area for
stakeholders); those failures are expected and listed. Failures on anything the ontology
does align (cids:canProduce, cids:forTheme, cids:hasOutput, …) are real and fail the test.
"""

from collections import Counter

import pytest
from rdflib import RDF, Graph, URIRef

from theory.build import build_graph
from theory.cids import check_cids, cids_shapes, cids_view
from theory.sources import ontology_path
from theory.namespaces import CIDS, TH

CSH = "https://ontology.commonapproach.org/cids/shacl#"
NOT_RECORDED = {
    CSH + "hasName_PropertyShape",
    CSH + "hasDescription_PropertyShape",
    CSH + "description_PropertyShape",
    CSH + "dateCreated_PropertyShape",
    CSH + "hasCatchmentArea_PropertyShape",
}


@pytest.fixture(scope="module")
def shapes_file(data_dir):
    return data_dir / "cids" / "cids-v3.shacl.ttl"


@pytest.fixture(scope="module")
def cids_report(shipped_graph, shapes_file):
    return check_cids(build_graph(shipped_graph), shapes_file)


def test_view_types_plan_terms_as_cids(fixture_graph):
    view = cids_view(fixture_graph("minimal-plan.ttl"))
    haven = URIRef("https://w3id.org/theory/data/test/activity-haven")
    assert (haven, RDF.type, CIDS.Activity) in view
    assert (URIRef("https://w3id.org/theory/data/test/fa-byliv"), RDF.type, CIDS.Theme) in view
    assert (URIRef("https://w3id.org/theory/data/test/result-byliv-1"), RDF.type, CIDS.Outcome) in view
    assert (haven, CIDS.hasOutput, URIRef("https://w3id.org/theory/data/test/deliverable-haven-1")) in view


def test_cids_shapes_are_made_valid_shacl(shapes_file):
    from rdflib.namespace import SH

    shapes = cids_shapes(shapes_file)
    for link in (SH.path, SH.nodeKind, SH.minCount, SH.maxCount):
        counts = Counter(s for s, _ in shapes.subject_objects(link))
        assert max(counts.values()) == 1, link


def test_only_unrecorded_cids_properties_fail(cids_report):
    failing = Counter(r.shape for r in cids_report.violations)
    print("CIDS shapes failing on the shipped plan:", dict(sorted(failing.items())))
    assert set(failing) <= NOT_RECORDED, set(failing) - NOT_RECORDED


def test_aligned_links_reach_cids(shipped_graph):
    view = cids_view(build_graph(shipped_graph))
    activities = set(shipped_graph.subjects(TH.activityNumber, None))
    assert activities <= set(view.subjects(RDF.type, CIDS.Activity))
    assert set(view.subject_objects(CIDS.canProduce))  # th:worksToward and th:leadsTo
    assert set(view.subject_objects(CIDS.forTheme))  # th:resultOf


@pytest.mark.xfail(
    strict=True,
    reason="ontology/theory.ttl aligns th:activityNumber with cids:hasIdentifier, which CIDS v3 "
    "does not define (its shapes use the ISO 5087 genprop:hasIdentifier); reported to the lead",
)
def test_every_cids_term_the_ontology_uses_exists_in_cids(shapes_file):
    ontology = Graph().parse(ontology_path())
    shapes = Graph().parse(shapes_file)
    named = {t for triple in shapes for t in triple if isinstance(t, URIRef)}
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(CIDS))}
    assert used - named == set()
