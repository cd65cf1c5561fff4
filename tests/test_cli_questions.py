"""The questions commands end to end, in-process: query, coverage, actors, audit budget."""

from __future__ import annotations

import json

import pytest

from cli import main


def run(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


def one_error_line(result):
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_query_list(runner):
    result = run(runner, "query", "--list", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["activities-for-age"]["parameters"] == "age (integer), lang (string, default da)"
    assert rows["activity-card"]["summary"].startswith("Activity card")
    assert "theory-nodes" not in rows and "works-toward" not in rows  # building blocks are not questions
    danish = {r["name"]: r for r in json.loads(run(runner, "query", "--list", "--format", "json").stdout)}
    assert danish["activity-card"]["summary"].startswith("Aktivitetskort")


def test_query_with_param_json(runner):
    result = run(runner, "query", "activities-for-age", "--param", "age=15", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {r["activity_number"] for r in rows} >= {4, 11, 12}
    assert all(isinstance(r["min_age"], int) for r in rows)
    assert all(r["activity_iri"].startswith("https://") for r in rows)


def test_query_lang_fills_the_lang_parameter(runner):
    result = run(runner, "query", "focus-area-activities", "--lang", "en", "--format", "csv")
    assert result.exit_code == 0
    assert "Safe urban life" in result.stdout


@pytest.mark.parametrize("name", ["husum for", "Husum for Alle", "HUSUM FOR ALLE", "husum for alle"])
def test_query_actor_as_people_type_it(runner, name):
    result = run(runner, "query", "actor-activities", "--param", f"actor={name}", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].startswith("Husum for alle,")


def test_query_focus_area_accents_do_not_matter(runner):
    plain = run(runner, "query", "activities-of-focus-area", "--param", "focus_area=uddannelse og beskaeftigelse")
    assert plain.exit_code == 0
    assert plain.stdout == run(runner, "query", "activities-of-focus-area",
                               "--param", "focus_area=Uddannelse og beskæftigelse").stdout


@pytest.mark.parametrize("args, expected", [
    (["query", "actor-activities", "--param", "actor=Husum"], "Error: --param actor 'Husum' matches 8 actors: Husum "),
    (["query", "actor-activities", "--param", "actor=Hsum fr alle"], "no actor has that name; did you mean: Husum for alle"),
    (["actors", "--actor", "Husum"], "Error: --actor 'Husum' matches 8 actors"),
    (["actors", "--actor", "Politiet"], "did you mean:"),
    (["render", "actors", "-o", "{tmp}/a.html", "--actor", "Husum"], "--actor 'Husum' matches 8 actors"),
    (["render", "changetheory", "-o", "{tmp}/a.html", "--focus-area", "Tryghed"], "no focus area has that name"),
    (["query", "activity-card", "--param", "activity=99"], "no activity has that name"),
])
def test_names_that_name_several_or_none_exit_2(runner, tmp_path, args, expected):
    result = run(runner, *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    line = one_error_line(result)
    assert expected in line
    assert line.count(";") <= 12  # at most 10 listed, at most 5 suggested
    assert list(tmp_path.iterdir()) == []


def test_an_ambiguous_name_lists_the_closest_first(runner):
    line = one_error_line(run(runner, "query", "actor-activities", "--param", "actor=Husum"))
    listed = line.split(": ", 2)[2].rsplit("; give more", 1)[0].split("; ")
    assert len(listed) == 8 <= 10 and "Husum for alle" in listed
    assert all(name.startswith("Husum ") for name in listed[:3])  # names that begin so are the closest


@pytest.mark.parametrize("args", [
    ["coverage"], ["coverage", "--gaps"], ["actors"], ["actors", "--pairs"], ["audit", "budget"],
    ["portfolio"], ["render", "changetheory", "-o", "{tmp}/t.html"], ["render", "coverage", "-o", "{tmp}/c.png"],
    ["report", "-o", "{tmp}/r.html"], ["query", "year-activities", "--param", "year=2019"],
])
def test_a_year_outside_the_plan_exits_2(runner, tmp_path, args):
    args = [a.format(tmp=tmp_path) for a in args]
    if args[0] != "query":
        args += ["--year", "2019"]
    result = run(runner, *args)
    if args[0] == "query":  # a question about a year the plan does not cover simply has no rows
        assert result.exit_code == 0
        return
    assert result.exit_code == 2, result.stdout
    assert one_error_line(result) == "Error: 2019 is outside the plan's years 2021–2024"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args, expected", [
    (["query", "--sparql", "DROP ALL"], "SPARQL Update (DROP) is refused"),
    (["query", "--sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "--allow-network"),
    (["query", "--sparql", "SELECT ?x\nWHERE { ?x ?p }"], "line 2, column"),
    (["query", "activities-for-age", "--param", "age=old"], "must be a whole number"),
    (["query", "activities-for-age"], "missing parameter age"),
    (["query", "no-such-query"], "no query named 'no-such-query'"),
    (["query", "missing-file.rq"], "no such query file"),
])
def test_query_errors_are_one_line_exit_2(runner, args, expected):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert expected in one_error_line(result)


def test_query_usage(runner):
    assert run(runner, "query").exit_code == 2
    assert run(runner, "query", "activities-for-age", "--param", "age").exit_code == 2


def test_query_file_and_construct_is_deterministic(runner, tmp_path):
    path = tmp_path / "areas.rq"
    path.write_text(
        "# The focus areas.\nPREFIX th: <https://w3id.org/theory/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "CONSTRUCT { ?fa rdfs:label ?l } WHERE { ?fa a th:FocusArea ; rdfs:label ?l }\n", encoding="utf-8")
    first = run(runner, "query", str(path))
    assert first.exit_code == 0
    assert "Trygt byliv" in first.stdout and "Safe urban life" in first.stdout
    assert run(runner, "query", str(path)).stdout == first.stdout


def test_query_ask(runner):
    result = run(runner, "query", "--sparql", "PREFIX th: <https://w3id.org/theory/ontology#>\n"
                 "ASK { ?a th:activityNumber 16 }", "--format", "json")
    assert json.loads(result.stdout) == [{"ask": True}]


def test_coverage_json(runner):
    result = run(runner, "coverage", "--format", "json")
    assert result.exit_code == 0
    rows = {r["focus_area"]: r for r in json.loads(result.stdout)}
    assert rows["Positive fællesskaber"]["activities"] == 14
    assert rows["Positive fællesskaber"]["budget_full"] == 1904000
    assert rows["Trygt byliv"]["budget_split"] == 445500
    assert rows["Kommunikation, dialog og synlighed"]["kind"] == "cross-cutting"
    assert set(rows["Trygt byliv"]) >= {"focus_area", "kind", "activities", "budget_full", "budget_split", "share",
                                        "focus_area_iri", "plan_iri"}


def test_coverage_table_danish_throughout(runner):
    result = run(runner, "coverage", "--counting", "split")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Indsatsområder 2024 (budget 2.210.000 kr., andel regnet delt)")
    assert "Huller 2024" in text and "Sekretariatsbetjening" in text and "tværgående indsats" in text
    assert "445.500 kr." in text and "41,7 %" in text
    for english in ("Gaps", "focus_area", "share", "money-without-focus-area", "DKK"):
        assert english not in text


def test_coverage_table_english_throughout(runner):
    text = run(runner, "coverage", "--lang", "en").stdout
    assert text.startswith("Focus areas 2024 (budget DKK 2,210,000, share counted full)")
    assert "Safe urban life" in text and "DKK 1,246,000" in text and "56.4%" in text and "cross-cutting" in text
    for danish in ("Huller", " kr.", "Trygt byliv", "tværgående"):
        assert danish not in text


def test_coverage_gaps_csv_and_english(runner, data_dir):
    result = run(runner, "coverage", "--gaps", "--format", "csv", "--lang", "en",
                 "--data", str(data_dir / "q-plan-adds-up-with-gaps.ttl"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "kind,subject,detail,subject_iri,plan_iri"
    assert lines[1].startswith("focus-area,Area B,")


def test_actors_json_top(runner):
    result = run(runner, "actors", "--top", "2", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["lead"] for r in rows] == [5, 5]
    assert set(rows[0]) >= {"actor", "lead", "partner", "prospective", "budget_lead", "flags"}
    assert {"flag": "overloaded", "measure": "budget_share", "value": 0.4253, "limit": 0.25} in rows[0]["flags"]


def test_actors_table_flags_say_why(runner):
    text = run(runner, "actors", "--top", "2").stdout
    assert "overbelastet (budget 42,5 % > 25 %; aktiviteter 43,8 % > 25 %)" in text
    assert "940.000 kr." in text and "forventet" in text


def test_actors_rollup_and_pairs(runner, data_dir):
    fixture = str(data_dir / "q-actors-with-sub-organisations.ttl")
    rolled = json.loads(run(runner, "actors", "--rollup", "--format", "json", "--data", fixture).stdout)
    assert next(r for r in rolled if r["actor"] == "Forvaltning P")["lead"] == 2
    pairs = run(runner, "actors", "--pairs", "--format", "md", "--data", fixture)
    assert pairs.exit_code == 0 and "| Enhed 1 | Enhed 2 | 1 | A2 |" in pairs.stdout


def test_actors_thresholds(runner, data_dir):
    fixture = str(data_dir / "q-actors-with-sub-organisations.ttl")
    rows = json.loads(run(runner, "actors", "--max-activity-share", "0.9", "--max-budget-share", "0.9",
                          "--format", "json", "--data", fixture).stdout)
    assert all(f["flag"] != "overloaded" for r in rows for f in r["flags"])
    assert run(runner, "actors", "--max-activity-share", "2").exit_code == 2


def test_audit_budget_json_and_strict(runner):
    result = run(runner, "audit", "budget", "--format", "json", "--strict")
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert len([r for r in rows if r["severity"] == "mismatch"]) == 11
    assert len({r["finding"] for r in rows if r["severity"] == "mismatch"}) == 9
    assert set(rows[0]) >= {"year", "subject", "check", "severity", "stated", "computed", "difference", "source",
                            "note", "finding"}
    assert run(runner, "audit", "budget", "--format", "json").exit_code == 0


def test_audit_budget_year_that_adds_up(runner):
    """2024 adds up; Videnshuset's co-financing stands beside it as information, which --strict ignores."""
    result = run(runner, "audit", "budget", "--year", "2024", "--strict", "--lang", "en")
    assert result.exit_code == 0
    assert "add up" in result.stdout and "co-financing" in result.stdout and "info" in result.stdout


def test_audit_budget_fixture_adds_up(runner, data_dir):
    result = run(runner, "audit", "budget", "--strict", "--format", "json",
                 "--data", str(data_dir / "q-plan-adds-up-with-gaps.ttl"))
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_missing_data_exit_3(runner, tmp_path):
    result = run(runner, "coverage", "--data", str(tmp_path / "nope.ttl"))
    assert result.exit_code == 3
    assert "no such file" in one_error_line(result)


def test_output_is_deterministic(runner):
    for args in (["audit", "budget", "--format", "csv"], ["actors", "--format", "json"], ["coverage", "--format", "md"]):
        assert run(runner, *args).stdout == run(runner, *args).stdout


def test_byte_identical_across_hash_seeds(tmp_path):
    """Same input, same bytes: run in fresh interpreters with different PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        texts = []
        for args in (["audit", "budget", "--format", "csv"], ["actors", "--format", "json"],
                     ["coverage", "--format", "json", "--counting", "split"]):
            done = subprocess.run([sys.executable, "-c", "from cli import main; main()", *args],
                                  capture_output=True, env=env, cwd=tmp_path, check=True)
            texts.append(done.stdout)
        outputs.append(texts)
    assert outputs[0] == outputs[1]


def test_empty_plan(runner, data_dir):
    empty = str(data_dir / "q-plan-without-activities.ttl")
    coverage = json.loads(run(runner, "coverage", "--format", "json", "--data", empty).stdout)
    assert all(r["activities"] == 0 for r in coverage)
    actors = json.loads(run(runner, "actors", "--format", "json", "--data", empty).stdout)
    assert all(r["lead"] == r["partner"] == 0 for r in actors)
    assert run(runner, "audit", "budget", "--strict", "--data", empty).exit_code == 0


def _readme_examples():
    """``$ theory …`` lines of the README's questions section with the output under them."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: questions", 1)[1].split("<!-- section:", 1)[0]
    examples = []
    for block in re.findall(r"```console\n(.*?)```", section, flags=re.S):
        command, output = None, []
        for line in block.splitlines() + ["$ end"]:
            if line.startswith("$ "):
                if command is not None:
                    examples.append((command, "\n".join(output).strip("\n") + "\n"))
                command, output = line[2:], []
            else:
                output.append(line)
    return examples


@pytest.mark.parametrize("command, expected", _readme_examples(), ids=[c for c, _ in _readme_examples()])
def test_readme_examples_are_real(runner, command, expected):
    import shlex

    args = shlex.split(command)
    assert args[0] == "theory"
    result = run(runner, *args[1:])
    if expected.startswith("Error: "):  # an example of an error: one line on stderr, exit 2
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == expected
        return
    assert result.exit_code == 0
    assert result.stdout.strip("\n") + "\n" == expected


def test_readme_audit_table_is_real(runner):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    intro = "`theory audit budget --year 2023 --format md --lang en` prints (as Markdown):\n\n"
    shown = readme.split(intro, 1)[1].split("\n\n", 1)[0] + "\n"
    assert run(runner, "audit", "budget", "--year", "2023", "--format", "md", "--lang", "en").stdout == shown


def test_coverage_years_side_by_side(runner):
    """By hand from the overview table: Trygt byliv 945.000 (2021) … 1.246.000 (2024)."""
    rows = json.loads(run(runner, "coverage", "--years", "2021-2024", "--format", "json").stdout)
    row = next(r for r in rows if r["focus_area"] == "Trygt byliv")
    assert [row[f"budget_full_{y}"] for y in (2021, 2022, 2023, 2024)] == [945000, 1062000, 1196300, 1246000]
    assert [row[f"activities_{y}"] for y in (2021, 2024)] == [6, 9]
    table = run(runner, "coverage", "--years", "2021,2024").stdout
    assert table.startswith("Indsatsområder 2021–2024 (andel regnet fuldt)")
    assert "2021 budget, fuldt" in table and "945.000 kr." in table and "2022" not in table.splitlines()[2]


def test_actors_years_side_by_side(runner):
    rows = json.loads(run(runner, "actors", "--years", "2022-2024", "--actor", "husum for", "--format", "json").stdout)
    (row,) = rows
    assert (row["lead_2022"], row["lead_2024"]) == (2, 5)
    assert row["budget_lead_2024"] == 715000


@pytest.mark.parametrize("args, expected", [
    (["coverage", "--years", "2019-2024"], "Error: 2019 is outside the plan's years 2021–2024"),
    (["actors", "--years", "2024,2025"], "Error: 2025 is outside the plan's years 2021–2024"),
    (["coverage", "--years", "soon"], "--years 'soon': write a range like 2021-2024"),
    (["coverage", "--years", "2021-2024", "--year", "2024"], "give --year or --years, not both"),
])
def test_years_errors(runner, args, expected):
    result = run(runner, *args)
    assert result.exit_code == 2
    assert expected in result.stderr.strip().splitlines()[-1]
