"""OWL consistency with HermiT (owlready2). Skipped, loudly, only where Java is absent."""

import shutil

import pytest
from rdflib import OWL, XSD, Literal, RDFS

from theory.errors import ReasonerError
from theory.namespaces import TH
from theory.reason import check_consistency, reasoner_input

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="no Java: HermiT cannot run here")


@needs_java
def test_shipped_ontology_and_plan_are_consistent(shipped_graph):
    report = check_consistency(shipped_graph)
    assert report.consistent, report.detail


@needs_java
def test_minimal_plan_is_consistent(fixture_graph):
    assert check_consistency(fixture_graph("minimal-plan.ttl")).consistent


@needs_java
def test_individual_in_disjoint_classes_is_inconsistent(fixture_graph):
    report = check_consistency(fixture_graph("minimal-plan.ttl", "individual-in-disjoint-classes.ttl"))
    assert not report.consistent
    assert "inconsistent" in report.detail


@needs_java
def test_raw_gyear_would_stop_hermit(shipped_graph, monkeypatch):
    # Why reasoner_input exists: HermiT knows only the OWL 2 datatype map.
    import theory.reason

    monkeypatch.setattr(theory.reason, "reasoner_input", lambda graph: graph)
    with pytest.raises(ReasonerError, match="HermiT could not run"):
        check_consistency(shipped_graph)


def test_reasoner_input_drops_imports_and_unsupported_datatypes(shipped_graph, fixture_graph):
    graph = fixture_graph("minimal-plan.ttl")
    graph.add((OWL.Thing, OWL.imports, OWL.Nothing))
    prepared = reasoner_input(graph)
    assert (None, OWL.imports, None) not in prepared
    datatypes = {o.datatype for o in prepared.objects() if isinstance(o, Literal)}
    assert XSD.gYear not in datatypes and XSD.gYearMonth not in datatypes
    assert XSD.decimal in datatypes
    assert (None, RDFS.range, XSD.gYear) not in prepared
    # data properties under annotation properties are not OWL 2 DL
    assert (TH.description, RDFS.subPropertyOf, RDFS.comment) in graph
    assert (TH.description, RDFS.subPropertyOf, RDFS.comment) not in prepared
    # everything else goes through
    assert (TH.activityNumber, RDFS.subPropertyOf, None) in prepared


def test_without_java_says_so(monkeypatch, fixture_graph):
    import theory.reason

    monkeypatch.setattr(theory.reason.shutil, "which", lambda name: None)
    with pytest.raises(ReasonerError, match="no Java") as err:
        check_consistency(fixture_graph("minimal-plan.ttl"))
    assert err.value.exit_code == 4
