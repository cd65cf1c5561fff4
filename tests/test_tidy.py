"""Canonical Turtle: the shipped data is already tidy; tidy makes hand-written Turtle so."""

from __future__ import annotations

import shutil

from rdflib import Graph

from cli import main
from theory.sources import shipped_data_path
from theory.tidy import tidy_files


def test_shipped_data_files_are_canonical():
    results = tidy_files([shipped_data_path()], check=True)
    assert results, "no shipped data files found"
    untidy = [str(r.path) for r in results if not r.canonical]
    assert untidy == [], "run `theory tidy graph/` and commit the result"


def test_tidy_rewrites_hand_written_turtle_keeping_every_triple(tmp_path, data_dir):
    path = tmp_path / "plan.ttl"
    shutil.copy(data_dir / "tidy-hand-written.ttl", path)
    before = Graph().parse(path)

    [result] = tidy_files([path])

    assert not result.canonical and result.triples == 8
    text = path.read_text(encoding="utf-8")
    assert "# first" not in text  # comments do not survive; the triples do
    after = Graph().parse(path)
    # same triples; Turtle's short form may respell a decimal ("300000" -> 300000.0)
    assert {(s, p, o.toPython()) for s, p, o in after} == {(s, p, o.toPython()) for s, p, o in before}


def test_tidy_is_idempotent_and_check_writes_nothing(tmp_path, data_dir):
    path = tmp_path / "plan.ttl"
    shutil.copy(data_dir / "tidy-hand-written.ttl", path)
    original = path.read_bytes()

    [checked] = tidy_files([path], check=True)
    assert not checked.canonical
    assert path.read_bytes() == original

    tidy_files([path])
    once = path.read_bytes()
    [again] = tidy_files([path])
    assert again.canonical and path.read_bytes() == once


def test_cli_tidy_check_exits_1_and_names_the_untidy_file(runner, tmp_path, data_dir):
    path = tmp_path / "plan.ttl"
    shutil.copy(data_dir / "tidy-hand-written.ttl", path)

    result = runner.invoke(main, ["tidy", "--check", str(path)])

    assert result.exit_code == 1
    assert str(path) in result.output
    result = runner.invoke(main, ["tidy", str(path)])
    assert result.exit_code == 0
    assert runner.invoke(main, ["tidy", "--check", str(path)]).exit_code == 0


def test_cli_tidy_refuses_other_formats(runner, tmp_path):
    path = tmp_path / "plan.nt"
    path.write_text("<http://a/b> <http://a/c> <http://a/d> .\n", encoding="utf-8")

    result = runner.invoke(main, ["tidy", str(path)])

    assert result.exit_code == 2
    assert "Turtle (.ttl) files only" in result.stderr
    assert "Traceback" not in result.stderr


def test_shipped_folder_holds_only_turtle():
    assert all(p.suffix == ".ttl" for p in (p for p in shipped_data_path().rglob('*') if p.is_file() and p.suffix not in ('.py', '.pyc')))
