"""theory.layout.write_plan: one plan's graph as the curated files of its folder, atomically."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from theory.build import serialize
from theory.errors import OutputError
from theory.layout import plan_files, write_plan
from theory.mint import REGISTRY
from theory.namespaces import TH

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "graph" / "tingbjerg-husum-2024"
#: files whose bytes differ from the shipped ones: the earmark is told in activity 5's file and in
#: the overview; write_plan tells it once, in the overview
REARRANGED = {"activity-05-det-gode-valg.ttl", "overview.ttl"}


def _parse(paths) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def plan() -> Graph:
    return _parse(sorted(PLAN.glob("*.ttl")))


def test_the_shipped_plan_comes_back_in_its_own_layout(plan, tmp_path):
    folder = tmp_path / "tingbjerg-husum-2024"
    written = write_plan(plan, folder)
    assert serialize(_parse(written), "nt") == serialize(plan, "nt")
    shipped = {p.name for p in PLAN.glob("*.ttl")}
    assert {p.name for p in written} == shipped
    assert {"plan.ttl", "overview.ttl", "actors.ttl", "activity-01-faelleshaven.ttl",
            "activity-16-sekretariatsbetjening.ttl"} <= {p.name for p in written}
    for path in written:
        if path.name not in REARRANGED:
            assert path.read_bytes() == (PLAN / path.name).read_bytes(), path.name


def test_the_same_graph_gives_the_same_bytes(plan, tmp_path):
    first = {p.name: p.read_bytes() for p in write_plan(plan, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_plan(plan, tmp_path / "b")}
    assert first == second


def test_each_kind_of_node_goes_to_its_file(plan):
    files = plan_files(plan)
    thd = "https://w3id.org/theory/data/tingbjerg-husum/"

    def where(local):
        return sorted(name for name, part in files.items() if (URIRef(thd + local), None, None) in part)

    assert where("partnership") == ["plan.ttl"]
    assert where("section-oekonomi") == ["plan.ttl"]
    assert where("section-a01-oekonomi") == ["activity-01-faelleshaven.ttl"]
    assert where("status-faelleshaven-2024") == ["activity-01-faelleshaven.ttl"]
    assert where("amount-faelleshaven-2024-activity-salary") == ["activity-01-faelleshaven.ttl"]
    assert where("amount-faelleshaven-2024-overview-total") == ["overview.ttl"]
    assert where("activity-boernetouren") == ["overview.ttl"]  # an activity of earlier years
    assert where("sum-2024-overview") == ["overview.ttl"]
    assert where("actor-broenshoej-boldklub") == ["actors.ttl"]
    assert where("place-husum-skole") == ["activity-05-det-gode-valg.ttl", "activity-06-leg-med-lyd.ttl"]


def test_the_shared_registry_and_the_ontology_are_not_written(plan, tmp_path):
    from theory.sources import ontology_path

    ontology = Graph().parse(ontology_path())
    graph = Graph()
    graph += plan
    graph += ontology
    registry_actor = URIRef(REGISTRY + "kff")
    graph.add((registry_actor, RDF.type, TH.MunicipalAdministration))
    graph.add((registry_actor, RDFS.label, Literal("Kultur- og Fritidsforvaltningen", lang="da")))
    written = write_plan(graph, tmp_path / "plan", ontology=ontology)
    assert serialize(_parse(written), "nt") == serialize(plan, "nt")


def test_an_existing_plan_folder_is_replaced(plan, tmp_path):
    folder = tmp_path / "plan"
    write_plan(plan, folder)
    smaller = Graph()
    smaller += plan
    activity = URIRef("https://w3id.org/theory/data/tingbjerg-husum/activity-sekretariatsbetjening")
    smaller.remove((activity, TH.activityNumber, None))  # now an activity of the overview only
    written = write_plan(smaller, folder)
    assert not (folder / "activity-16-sekretariatsbetjening.ttl").exists()
    assert sorted(folder.iterdir()) == written
    assert serialize(_parse(written), "nt") == serialize(smaller, "nt")
    assert [p.name for p in tmp_path.iterdir()] == ["plan"]  # no temporary folder left behind


def test_a_failed_write_leaves_the_old_folder_as_it_was(plan, tmp_path, monkeypatch):
    folder = tmp_path / "plan"
    folder.mkdir()
    (folder / "plan.ttl").write_text("# before\n")
    import theory.layout as layout

    def refuse(src, dst):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(layout.os, "rename", refuse)
    with pytest.raises(OutputError, match="cannot write the plan's files: Permission denied"):
        write_plan(plan, folder)
    assert [p.name for p in folder.iterdir()] == ["plan.ttl"]
    assert (folder / "plan.ttl").read_text() == "# before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan"]


def test_folders_that_cannot_take_a_plan_are_refused(plan, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_plan(plan, tmp_path / "missing" / "plan")
    (tmp_path / "file.ttl").write_text("")
    with pytest.raises(OutputError, match="is a file"):
        write_plan(plan, tmp_path / "file.ttl")
    other = tmp_path / "notes"
    other.mkdir()
    (other / "README.md").write_text("mine\n")
    with pytest.raises(OutputError, match="holds README.md besides Turtle files"):
        write_plan(plan, other)
    assert (other / "README.md").read_text() == "mine\n"


def test_an_imported_workbook_written_out_validates(plan, tmp_path):
    """shipped plan -> workbook -> write_plan -> theory validate: conforms (the two known warnings)."""
    from theory.sources import ontology_path
    from theory.validate import validate
    from theory.workbook import export_workbook, import_workbook

    registry = sorted((ROOT / "graph" / "registry").glob("*.ttl"))
    imported = import_workbook(export_workbook(plan + _parse(registry)), registry=_parse(registry))
    written = write_plan(imported.graph, tmp_path / "plan")
    report = validate(_parse([ontology_path(), *registry, *written]))
    assert report.conforms
    assert {Path(p).name for p in written} >= {"plan.ttl", "overview.ttl", "actors.ttl"}
