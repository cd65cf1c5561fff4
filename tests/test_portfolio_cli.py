"""Several plans at once, through the CLI in-process: `theory plans`, `theory portfolio`, and
per-plan answers that never mix plans (shares, flags, gaps and totals within one plan).

Fixtures (``tests/data/portfolio/``): Valby's plan 2024 and Amager's plan 2023, two
partnerships that share Københavns Politi and SSP København from the registry;
``tests/data/portfolio-extra/`` holds two more plans in a TriG file's arbitrary graphs and
the inputs that must be refused.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest

from cli import main

DATA = Path(__file__).parent / "data"
PORTFOLIO = DATA / "portfolio"
EXTRA = DATA / "portfolio-extra"
TRIG = EXTRA / "plans-in-named-graphs.trig"
VALBY = "https://w3id.org/theory/data/valby/plan-2024"
AMAGER = "https://w3id.org/theory/data/amager/plan-2023"
POLITI = "https://w3id.org/theory/data/actors/koebenhavns-politi"
SSP = "https://w3id.org/theory/data/actors/ssp-koebenhavn"

#: network connections attempted while ``connections`` records (socket.connect audit events)
_CONNECTS: list | None = None


def _audit(event, args):
    if _CONNECTS is not None and event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _CONNECTS.append((event, args[1] if event == "socket.connect" else args[0]))


sys.addaudithook(_audit)


@pytest.fixture
def connections():
    """Every socket.connect, getaddrinfo and urllib request made while the test runs."""
    global _CONNECTS
    _CONNECTS = []
    try:
        yield _CONNECTS
    finally:
        _CONNECTS = None


def invoke(runner, *args: str):
    return runner.invoke(main, [str(a) for a in args])


def rows(runner, *args: str) -> list[dict]:
    result = invoke(runner, *args, "--format", "json")
    assert result.exit_code == 0, result.output + (result.stderr if result.stderr_bytes else "")
    return json.loads(result.stdout)


def one_error_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and "Traceback" not in result.output
    return lines[0]


# --- what is loaded ----------------------------------------------------------------------


def test_plans_lists_every_plan_with_its_own_year_activities_and_budget(runner):
    found = rows(runner, "plans", "--data", PORTFOLIO)
    assert [(r["plan"], r["partnership"], r["year"], r["years"], r["activities"], r["budget"], r["graph"])
            for r in found] == [
        ("Amager tryghedsplan 2023", "Amager Partnerskab", 2023, "2022–2025", 2, 200000, AMAGER),
        ("Valby tryghedsplan 2024", "Valby Partnerskab", 2024, "2023–2024", 3, 400000, VALBY),
    ]


def test_plans_in_the_named_graphs_of_a_trig_file_keep_their_graph_names(runner):
    found = {r["plan_iri"]: r for r in rows(runner, "plans", "--data", PORTFOLIO, "--data", TRIG)}
    assert {iri: (r["graph"], r["activities"], r["budget"]) for iri, r in found.items()} == {
        AMAGER: (AMAGER, 2, 200000),
        VALBY: (VALBY, 3, 400000),
        "https://w3id.org/theory/data/nordvest/plan-2024": ("urn:x-graphs:first", 1, 80000),
        "https://w3id.org/theory/data/sydhavn/plan-2022": ("https://example.org/graphs/second", 1, 60000),
    }


# --- per-plan answers never mix plans --------------------------------------------------


def test_coverage_shares_are_computed_within_each_plan(runner):
    found = rows(runner, "coverage", "--data", PORTFOLIO, "--data", TRIG)
    got = {(r["plan"], r["focus_area"]): (r["activities"], r["budget_full"], r["share"]) for r in found}
    assert got == {
        ("Amager tryghedsplan 2023", "Sundhed og trivsel"): (0, 0, 0.0),
        ("Amager tryghedsplan 2023", "Trygt byliv"): (1, 150000, 0.75),
        ("Amager tryghedsplan 2023", "Uddannelse og beskæftigelse"): (1, 50000, 0.25),
        ("Nordvest tryghedsplan 2024", "Trygt byliv"): (1, 80000, 1.0),
        ("Sydhavn tryghedsplan 2022", "Uddannelse"): (1, 60000, 1.0),
        ("Valby tryghedsplan 2024", "Positive fællesskaber"): (2, 200000, 0.5),
        ("Valby tryghedsplan 2024", "Trygt byliv"): (2, 300000, 0.75),
    }


def test_coverage_gaps_belong_to_their_plan(runner):
    found = rows(runner, "coverage", "--gaps", "--data", PORTFOLIO)
    assert [(r["plan_iri"], r["kind"], r["subject"]) for r in found] == [
        (AMAGER, "focus-area", "Sundhed og trivsel"),
        (AMAGER, "result", "Bedre trivsel"),
    ]


def test_actor_load_and_flags_are_computed_within_each_plan(runner):
    found = rows(runner, "actors", "--data", PORTFOLIO)
    got = {(r["plan_iri"], r["actor_iri"]): (r["lead"], r["partner"], r["budget_lead"], r["budget_share"],
                                             sorted(f["measure"] for f in r["flags"])) for r in found}
    # Københavns Politi leads 150.000 of Amager's 200.000 (alone: sole actor), 100.000 of Valby's 400.000
    assert got[(AMAGER, POLITI)] == (1, 0, 150000, 0.75, ["activities_alone", "activity_share", "budget_share"])
    assert got[(VALBY, POLITI)] == (1, 1, 100000, 0.25, ["activity_share"])
    assert got[(VALBY, SSP)] == (1, 1, 200000, 0.5, ["activity_share", "budget_share"])
    assert got[(AMAGER, SSP)] == (0, 1, 0, 0.0, ["activity_share"])
    # the prospective partner counts only as prospective, and only in Valby, the plan that names it
    idraet = {r["plan_iri"]: (r["lead"], r["partner"], r["prospective"], r["flags"])
              for r in found if r["actor_iri"].endswith("/idraetsprojektet")}
    assert idraet == {VALBY: (0, 0, 1, [])}


def test_audit_totals_are_computed_within_each_plan(runner):
    # Nordvest's 80.000 in 2024 would spoil Valby's 2024 sum if the plans were mixed
    found = rows(runner, "audit", "budget", "--data", PORTFOLIO, "--data", TRIG)
    assert [(r["plan_iri"], r["year"], r["check"], r["stated"], r["computed"]) for r in found] == [
        (VALBY, 2023, "rows-vs-sum", 260000, 250000),
    ]


def test_portfolio_sets_plans_side_by_side_in_their_own_years(runner):
    found = rows(runner, "portfolio", "--data", PORTFOLIO)
    assert {(r["plan_iri"], r["year"], r["focus_area"], r["budget"], r["share"]) for r in found} == {
        (AMAGER, 2023, "Sundhed og trivsel", 0, 0.0),
        (AMAGER, 2023, "Trygt byliv", 150000, 0.75),
        (AMAGER, 2023, "Uddannelse og beskæftigelse", 50000, 0.25),
        (VALBY, 2024, "Positive fællesskaber", 200000, 0.5),
        (VALBY, 2024, "Trygt byliv", 300000, 0.75),
    }


def test_portfolio_names_the_organisations_shared_by_partnerships(runner):
    found = rows(runner, "portfolio", "--organisations", "--data", PORTFOLIO, "--data", TRIG)
    assert [(r["actor_iri"], r["partnerships"], r["activities"]) for r in found] == [
        (POLITI, 3, 4),  # Valby (2 activities), Amager, Nordvest
        (SSP, 2, 3),
    ]
    table = invoke(runner, "portfolio", "--data", PORTFOLIO)
    assert table.exit_code == 0
    assert "Københavns Politi" in table.stdout and "Idrætsprojektet" not in table.stdout


# --- --plan as people type it ------------------------------------------------------------


@pytest.mark.parametrize("typed, iri", [
    ("valby", VALBY),
    ("AMAGER", AMAGER),
    ("Amager Partnerskab", AMAGER),
    ("valby tryghedsplan 2024", VALBY),
    (VALBY, VALBY),
    ("Nordvest", "https://w3id.org/theory/data/nordvest/plan-2024"),
    ("urn:x-graphs:first", "https://w3id.org/theory/data/nordvest/plan-2024"),
])
def test_plan_names_match_as_people_type_them(runner, typed, iri):
    found = rows(runner, "coverage", "--data", PORTFOLIO, "--data", TRIG, "--plan", typed)
    assert {r["plan_iri"] for r in found} == {iri}


def test_an_unknown_plan_lists_the_loaded_plans(runner):
    result = invoke(runner, "coverage", "--data", PORTFOLIO, "--plan", "Østerbro")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "--plan 'Østerbro'" in line
    assert "Amager tryghedsplan 2023 <" + AMAGER + ">" in line and "Valby tryghedsplan 2024 <" + VALBY + ">" in line


def test_a_name_several_plans_share_lists_them(runner):
    result = invoke(runner, "coverage", "--data", PORTFOLIO, "--plan", "tryghedsplan")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "matches 2 plans" in line and "Amager tryghedsplan 2023" in line and "Valby tryghedsplan 2024" in line


# --- portfolio errors --------------------------------------------------------------------


def test_the_same_plan_in_two_places_names_both_files(runner):
    result = invoke(runner, "plans", "--data", PORTFOLIO, "--data", EXTRA / "valby-again")
    assert result.exit_code == 3
    line = one_error_line(result)
    assert f"plan <{VALBY}> is given twice" in line
    assert str(PORTFOLIO / "valby-2024" / "plan.ttl") in line and str(EXTRA / "valby-again" / "plan.ttl") in line


def test_the_same_plan_in_a_folder_and_a_trig_graph_names_both(runner, tmp_path):
    trig = tmp_path / "valby.trig"
    trig.write_text(f"<urn:x:g> {{ <{VALBY}> a <https://w3id.org/theory/ontology#SafetyPlan> . }}\n")
    result = invoke(runner, "plans", "--data", PORTFOLIO, "--data", trig)
    assert result.exit_code == 3
    line = one_error_line(result)
    assert str(PORTFOLIO / "valby-2024" / "plan.ttl") in line and f"{trig} (graph <urn:x:g>)" in line


def test_a_folder_with_no_plan_in_it(runner):
    result = invoke(runner, "plans", "--data", EXTRA / "no-plan-here")
    assert result.exit_code == 3
    assert "folder holds no plan" in one_error_line(result)


def test_a_jsonld_file_with_a_remote_context_is_refused_without_a_connection(runner, connections):
    result = invoke(runner, "plans", "--data", EXTRA / "remote-context.jsonld")
    assert result.exit_code == 3
    line = one_error_line(result)
    assert "remote-context.jsonld" in line and "remote document, which theory never fetches" in line
    assert connections == []


def test_owl_imports_are_never_followed_and_validate_names_them(runner, connections):
    result = invoke(runner, "validate", "--data", EXTRA / "imports-another-ontology.ttl")
    assert result.exit_code == 0, result.output
    assert "owl:imports <http://127.0.0.1:9/never-fetched.ttl>" in result.stdout  # named as ignored
    assert connections == []


def test_the_audit_hook_sees_a_connection(connections):
    """The hook the two tests above rely on does record a connection attempt."""
    with socket.socket() as sock:
        sock.settimeout(0.2)
        try:
            sock.connect(("127.0.0.1", 9))
        except OSError:
            pass
    assert ("socket.connect", ("127.0.0.1", 9)) in connections


# --- the benchmark's generated city -----------------------------------------------------


def test_a_generated_city_passes_the_shapes_and_is_the_same_every_time(runner, tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from city import write_city

    written = write_city(tmp_path / "a", 3, seed=7)
    assert len({p.iri for p in written}) == 3 and len({p.activities for p in written}) > 1
    assert all(4000 < p.triples < 9000 for p in written)
    again = write_city(tmp_path / "b", 3, seed=7)
    for one, other in zip(written, again):
        assert [f.read_bytes() for f in one.files] == [f.read_bytes() for f in other.files]
    result = invoke(runner, "validate", "--data", tmp_path / "a", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []  # no violation, no warning
    plans = rows(runner, "plans", "--data", tmp_path / "a")
    assert sorted(p["plan_iri"] for p in plans) == sorted(p.iri for p in written)
    responsibilities = rows(runner, "query", "responsibilities", "--data", tmp_path / "a")
    assert any(r["actor_iri"].startswith("https://w3id.org/theory/data/actors/") for r in responsibilities)
