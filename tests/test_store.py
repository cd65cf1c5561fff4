"""A persistent store: `theory load --store`, then every read command `--store` without parsing.

A store in use by another process (a second process holding it) or not writable is one
line and exit 3, and leaves the store as it was; loading a plan again replaces its graph.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from cli import main
from theory.errors import LoadError
from theory.mint import REGISTRY_GRAPH

DATA = Path(__file__).parent / "data"
PORTFOLIO = DATA / "portfolio"
VALBY = "https://w3id.org/theory/data/valby/plan-2024"
AMAGER = "https://w3id.org/theory/data/amager/plan-2023"


def invoke(runner, *args):
    return runner.invoke(main, [str(a) for a in args])


def load(runner, store: Path, *data: Path) -> list[dict]:
    result = invoke(runner, "load", "--store", store, *[a for d in data for a in ("--data", d)], "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def graph_triples(store: Path, graph: str) -> set:
    opened = ox.Store.read_only(str(store))
    try:
        return {q.triple for q in opened.quads_for_pattern(None, None, None, ox.NamedNode(graph))}
    finally:
        del opened


@pytest.fixture
def filled(runner, tmp_path) -> Path:
    """A store filled with the portfolio (Valby and Amager)."""
    store = tmp_path / "store"
    load(runner, store, PORTFOLIO)
    return store


def test_load_says_what_it_loaded(runner, tmp_path):
    loaded = load(runner, tmp_path / "store", PORTFOLIO)
    assert [(r["plan"], r["graph"], r["files"]) for r in loaded] == [(AMAGER, AMAGER, 1), (VALBY, VALBY, 2)]
    expected = {q.triple for f in (PORTFOLIO / "valby-2024").glob("*.ttl") for q in ox.parse(path=str(f))}
    assert next(r["triples"] for r in loaded if r["plan"] == VALBY) == len(expected)
    assert graph_triples(tmp_path / "store", VALBY) == expected


READ_COMMANDS = [
    ["plans"],
    ["info"],
    ["query", "year-activities"],
    ["query", "actor-activities", "--param", "actor=politi"],
    ["coverage"],
    ["coverage", "--gaps"],
    ["actors"],
    ["actors", "--pairs"],
    ["audit", "budget"],
    ["portfolio"],
    ["validate"],
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_every_read_command_answers_from_the_store_without_parsing(runner, filled, monkeypatch, command):
    embedded = invoke(runner, *command, "--data", PORTFOLIO)
    assert embedded.exit_code == 0, embedded.output

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed data while answering from a store")

    import theory.sources
    import theory.store

    monkeypatch.setattr(theory.store, "_load", no_parsing)
    monkeypatch.setattr(theory.store, "plan_iri_of", no_parsing)
    monkeypatch.setattr(theory.sources, "find_sources", no_parsing)
    monkeypatch.setattr(ox.Store, "load", no_parsing)
    monkeypatch.setattr(ox.Store, "bulk_load", no_parsing)
    from_store = invoke(runner, *command, "--store", filled)
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout == embedded.stdout


@pytest.mark.parametrize("command", [["build", "-o", "{tmp}/plan.ttl"], ["render", "coverage", "-o", "{tmp}/c.svg"]],
                         ids=" ".join)
def test_single_plan_commands_write_the_same_bytes_from_the_store(runner, filled, tmp_path, command):
    outputs = []
    for where in (["--data", PORTFOLIO], ["--store", filled]):
        folder = tmp_path / ("out-" + where[0].strip("-"))
        folder.mkdir()
        args = [a.replace("{tmp}", str(folder)) for a in command]
        result = invoke(runner, *args, *where, "--plan", "valby")
        assert result.exit_code == 0, result.output
        outputs.append(Path(args[-1]).read_bytes())
    assert outputs[0] == outputs[1]


def test_reloading_a_plan_replaces_its_graph(runner, filled, tmp_path):
    changed = tmp_path / "valby-2025"
    shutil.copytree(PORTFOLIO / "valby-2024", changed)
    activities = changed / "activities.ttl"
    text = activities.read_text().replace('schema:value "200000"', 'schema:value "220000"')
    activities.write_text(text)
    (changed / "plan.ttl").write_text((changed / "plan.ttl").read_text().replace(
        'rdfs:label "Valby tryghedsplan 2024"@da', 'rdfs:label "Valby tryghedsplan 2024 (rettet)"@da'))
    before_amager = graph_triples(filled, AMAGER)
    load(runner, filled, changed)
    expected = {q.triple for f in changed.glob("*.ttl") for q in ox.parse(path=str(f))}
    assert graph_triples(filled, VALBY) == expected  # nothing of the old graph is left
    assert graph_triples(filled, AMAGER) == before_amager
    plans = json.loads(invoke(runner, "plans", "--store", filled, "--format", "json").stdout)
    assert [(p["plan"], p["budget"]) for p in plans] == [("Amager tryghedsplan 2023", 200000),
                                                          ("Valby tryghedsplan 2024 (rettet)", 420000)]


def test_a_syntax_error_leaves_the_store_as_it_was(runner, filled, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(PORTFOLIO / "valby-2024", broken)
    (broken / "activities.ttl").write_text((broken / "activities.ttl").read_text() + "\nthd:x thd:y .\n")
    before = graph_triples(filled, VALBY)
    result = invoke(runner, "load", "--store", filled, "--data", broken)
    assert result.exit_code == 3
    assert "activities.ttl, line" in result.stderr
    assert graph_triples(filled, VALBY) == before


def test_the_registry_only_grows(runner, filled, tmp_path):
    extra = tmp_path / "more" / "registry"
    extra.mkdir(parents=True)
    (extra / "more-actors.ttl").write_text(
        "<https://w3id.org/theory/data/actors/ny-forening> a <https://w3id.org/theory/ontology#Association> ;\n"
        '  <http://www.w3.org/2000/01/rdf-schema#label> "Ny forening"@da .\n')
    shutil.copytree(PORTFOLIO / "amager-2023", tmp_path / "more" / "amager-2023")
    before = graph_triples(filled, REGISTRY_GRAPH)
    load(runner, filled, tmp_path / "more")
    after = graph_triples(filled, REGISTRY_GRAPH)
    assert before < after and len(after - before) == 2


HOLD = """
import sys, time, pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
print("holding", flush=True)
sys.stdin.read()
"""


def test_a_store_in_use_by_another_process(runner, filled):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(filled)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        for command in (["load", "--store", filled, "--data", PORTFOLIO], ["plans", "--store", filled]):
            result = invoke(runner, *command)
            assert result.exit_code == 3
            assert result.stderr == f"Error: {filled}: the store is in use by another process; wait for it to finish and try again\n"
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert len(json.loads(invoke(runner, "plans", "--store", filled, "--format", "json").stdout)) == 2


def _immutable(path: Path, on: bool) -> bool:
    """chattr +i / -i (the tests run as root, for whom permissions do not block writes)."""
    done = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True)
    return done.returncode == 0


def test_a_store_that_is_not_writable(runner, filled, tmp_path):
    before = graph_triples(filled, VALBY)
    if not _immutable(filled, True):
        pytest.skip("chattr +i is not available here")
    try:
        result = invoke(runner, "load", "--store", filled, "--data", PORTFOLIO / "valby-2024")
        assert result.exit_code == 3
        assert result.stderr == (f"Error: {filled}: cannot write to the store: not writable (permission denied); "
                                 "check the folder's permissions\n")
        reading = invoke(runner, "plans", "--store", filled, "--format", "json")  # read-only is enough to read
        assert reading.exit_code == 0, reading.output
        assert [p["plan_iri"] for p in json.loads(reading.stdout)] == [AMAGER, VALBY]
    finally:
        _immutable(filled, False)
    assert graph_triples(filled, VALBY) == before


def test_a_folder_that_is_not_a_store(runner, tmp_path):
    (tmp_path / "notes.txt").write_text("not a store")
    result = invoke(runner, "plans", "--store", tmp_path)
    assert result.exit_code == 3
    assert "not a store; fill it first with `theory load" in result.stderr
    result = invoke(runner, "load", "--store", tmp_path, "--data", PORTFOLIO)
    assert result.exit_code == 3
    assert "holds other files, not a store" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_an_empty_store_says_how_to_fill_it(runner, tmp_path):
    ox.Store(str(tmp_path / "store")).flush()
    result = invoke(runner, "coverage", "--store", tmp_path / "store")
    assert result.exit_code == 3
    assert "the store holds no plan; fill it with `theory load --store" in result.stderr


def test_load_store_checks_before_writing(tmp_path):
    from theory.sources import find_sources
    from theory.store import load_store, open_store

    store = open_store(tmp_path / "store")
    load_store(find_sources([PORTFOLIO]), store)
    with pytest.raises(LoadError, match="is given twice"):
        load_store(find_sources([PORTFOLIO, DATA / "portfolio-extra" / "valby-again"]), store)
    assert {g.value for g in store.named_graphs()} >= {VALBY, AMAGER}
