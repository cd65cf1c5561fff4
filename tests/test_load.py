"""Loading: the shipped graph, files and folders, and every kind of bad input."""

from pathlib import Path

import pytest
from rdflib import Graph

from theory.errors import DataError, LoadError
from theory.load import default_data_paths, expand_paths, load_graph, ontology_path, shapes_path
from theory.namespaces import TH


def test_shipped_files_exist():
    assert ontology_path().is_file()
    assert shapes_path().is_file()
    files = expand_paths(default_data_paths())
    names = {f.name for f in files}
    assert "actors.ttl" in names
    assert any(name.startswith("activity-16-") for name in names)


def test_shipped_graph_holds_ontology_and_plan(shipped_graph):
    from rdflib import OWL, RDF

    assert (TH.Activity, RDF.type, OWL.Class) in shipped_graph
    assert len(set(shipped_graph.subjects(TH.activityNumber, None))) == 16


def test_folder_expands_to_sorted_rdf_files(tmp_path):
    (tmp_path / "b.ttl").write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.nt").write_text("")
    (tmp_path / "notes.txt").write_text("not rdf")
    assert expand_paths([tmp_path]) == [tmp_path / "b.ttl", tmp_path / "sub" / "a.nt"]


def test_data_replaces_shipped_plan_but_keeps_ontology(data_dir):
    graph = load_graph([data_dir / "minimal-plan.ttl"])
    assert len(set(graph.subjects(TH.activityNumber, None))) == 1
    assert (TH.Activity, None, None) in graph


def test_missing_file(tmp_path):
    with pytest.raises(LoadError, match="no such file or folder") as err:
        load_graph([tmp_path / "nope.ttl"])
    assert err.value.exit_code == 3
    assert "\n" not in err.value.message


def test_malformed_turtle_names_the_line(data_dir):
    with pytest.raises(LoadError) as err:
        load_graph([data_dir / "malformed.ttl"])
    message = err.value.message
    assert "malformed.ttl" in message and "line 7" in message
    assert "\n" not in message


def test_unknown_file_format(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_text("x")
    with pytest.raises(LoadError, match="unknown RDF format"):
        load_graph([path])


def test_empty_folder(tmp_path):
    with pytest.raises(LoadError, match="holds no RDF file"):
        load_graph([tmp_path])


def test_undeclared_actor(data_dir):
    with pytest.raises(DataError) as err:
        load_graph([data_dir / "minimal-plan.ttl", data_dir / "undeclared-actor.ttl"])
    assert "actor-ukendt" in err.value.message
    assert err.value.exit_code == 3


def test_graph_is_a_plain_rdflib_graph(data_dir):
    assert isinstance(load_graph([data_dir / "minimal-plan.ttl"]), Graph)
