"""Which files form which plan (theory.sources): plan folders, portfolios, the registry,
loose files and TriG files. Nothing is parsed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from theory.errors import LoadError
from theory.sources import find_sources, shipped_registry_path

DATA = Path(__file__).parent / "data"


def names(paths) -> list[str]:
    return [p.name for p in paths]


def test_the_shipped_data_is_the_registry_and_one_plan():
    found = find_sources(None)
    assert [p.origin.name for p in found.plans] == ["tingbjerg-husum-2024"]
    assert len(found.plans[0].files) == 19
    assert found.registry == sorted(shipped_registry_path().glob("*.ttl"))


def test_a_portfolio_folder_holds_one_plan_per_sub_folder():
    found = find_sources([DATA / "portfolio"])
    assert [(p.origin.name, names(p.files)) for p in found.plans] == [
        ("amager-2023", ["plan.ttl"]),
        ("valby-2024", ["activities.ttl", "plan.ttl"]),
    ]


def test_a_plan_folder_takes_every_file_below_it(tmp_path):
    (tmp_path / "plan" / "activities").mkdir(parents=True)
    for name in ("plan/plan.ttl", "plan/activities/a1.ttl", "plan/activities/a2.nt", "plan/notes.txt"):
        (tmp_path / name).write_text("")
    (tmp_path / "plan" / ".hidden").mkdir()
    (tmp_path / "plan" / ".hidden" / "x.ttl").write_text("")
    found = find_sources([tmp_path / "plan"])
    assert [names(p.files) for p in found.plans] == [["a1.ttl", "a2.nt", "plan.ttl"]]


def test_a_registry_folder_adds_to_the_shared_registry(tmp_path):
    (tmp_path / "registry").mkdir()
    (tmp_path / "registry" / "more.ttl").write_text("")
    (tmp_path / "p1").mkdir()
    (tmp_path / "p1" / "plan.ttl").write_text("")
    found = find_sources([tmp_path])
    assert tmp_path / "registry" / "more.ttl" in found.registry
    assert [p.origin.name for p in found.plans] == ["p1"]


def test_loose_files_form_one_plan_and_trig_files_are_datasets():
    found = find_sources([DATA / "minimal-plan.ttl", DATA / "negative-amount.ttl",
                          DATA / "portfolio-extra" / "plans-in-named-graphs.trig"])
    assert [names(p.files) for p in found.plans] == [["minimal-plan.ttl", "negative-amount.ttl"]]
    assert names(found.datasets) == ["plans-in-named-graphs.trig"]


@pytest.mark.parametrize("path, message", [
    (DATA / "portfolio-extra" / "no-plan-here", "folder holds no plan"),
    (DATA / "nowhere", "no such file or folder"),
    (DATA / "portfolio-extra" / "no-plan-here" / "notes" / "README.txt", "unknown RDF format '.txt'"),
])
def test_what_is_not_a_plan(path, message):
    with pytest.raises(LoadError, match=message):
        find_sources([path])
