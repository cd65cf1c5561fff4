"""The model commands through the CLI: validate, build, info, plans - output and exit codes."""

import json
import shutil

import pytest

from cli import main

needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="no Java: HermiT cannot run here")


def _one_error_line(result):
    """The error line: the only line a library error prints, the last of click's usage text."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("Error: "), result.stderr
    assert len(lines) == 1 or lines[0].startswith("Usage: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return lines[-1]


def test_validate_shipped_plan_conforms_with_warnings(runner):
    result = runner.invoke(main, ["validate", "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["severity", "focus_node", "path", "message"]
    assert "thd:activity-sekretariatsbetjening" in result.stdout
    assert result.stdout.splitlines()[-1] == "conforms: 0 violations, 2 warnings"


def test_validate_in_danish(runner):
    result = runner.invoke(main, ["validate"])
    assert result.stdout.splitlines()[0].split() == ["alvor", "knude", "sti", "besked"]
    assert "Advarsel" in result.stdout
    assert result.stdout.splitlines()[-1] == "opfylder kravene: 0 overtrædelser, 2 advarsler"


def test_validate_json(runner, data_dir):
    args = ["validate", "--format", "json", "--data", str(data_dir / "minimal-plan.ttl"),
            "--data", str(data_dir / "negative-amount.ttl")]
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    rows = json.loads(result.stdout)
    assert rows[0]["severity"] == "Violation"
    assert rows[0]["focus_node"] == "https://w3id.org/theory/data/test/amount-haven-2024-activity-salary"
    assert rows[0]["path"] == "http://schema.org/value"
    assert set(rows[0]) == {"severity", "focus_node", "path", "message", "shape", "value", "plan_iri"}


def test_validate_violation_exits_1(runner, data_dir):
    result = runner.invoke(main, ["validate", "--lang", "en", "--data", str(data_dir / "minimal-plan.ttl"),
                                  "--data", str(data_dir / "activity-without-focus-area.ttl")])
    assert result.exit_code == 1
    assert "thd:activity-banen" in result.stdout  # the plan's namespace is thd:
    assert "does not conform: 1 violations" in result.stdout


def test_validate_warnings_exit_0(runner, data_dir):
    result = runner.invoke(main, ["validate", "--lang", "en", "--data", str(data_dir / "minimal-plan.ttl"),
                                  "--data", str(data_dir / "activity-only-in-overview.ttl")])
    assert result.exit_code == 0
    assert result.stdout.count("Warning") == 2


def test_validate_folder(runner, data_dir, tmp_path):
    shutil.copy(data_dir / "minimal-plan.ttl", tmp_path)
    result = runner.invoke(main, ["validate", "--lang", "en", "--data", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout == "conforms: 0 violations, 0 warnings\n"


def test_validate_names_owl_imports_it_ignores(runner, data_dir, tmp_path):
    plan = tmp_path / "plan.ttl"
    plan.write_text((data_dir / "minimal-plan.ttl").read_text(encoding="utf-8")
                    + "\n<https://w3id.org/theory/data/test/> <http://www.w3.org/2002/07/owl#imports> "
                      "<http://127.0.0.1:9/elsewhere.ttl> .\n", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--lang", "en", "--data", str(plan)])
    assert result.exit_code == 0, result.stderr
    assert "ignored owl:imports <http://127.0.0.1:9/elsewhere.ttl>: theory never fetches imports" in result.stdout


@needs_java
def test_validate_reason_consistent(runner, data_dir):
    result = runner.invoke(main, ["validate", "--lang", "en", "--reason", "--data", str(data_dir / "minimal-plan.ttl")])
    assert result.exit_code == 0, result.stderr
    assert "consistent under HermiT" in result.stdout
    assert result.stdout.rstrip().endswith("consistent (HermiT)")


@needs_java
def test_validate_reason_inconsistent_exits_1(runner, data_dir):
    result = runner.invoke(main, ["validate", "--lang", "en", "--reason", "--data", str(data_dir / "minimal-plan.ttl"),
                                  "--data", str(data_dir / "individual-in-disjoint-classes.ttl")])
    assert result.exit_code == 1
    assert "INCONSISTENT" in result.stdout


def test_validate_reason_without_java_exits_4(runner, data_dir, monkeypatch):
    import theory.reason

    monkeypatch.setattr(theory.reason.shutil, "which", lambda name: None)
    result = runner.invoke(main, ["validate", "--reason", "--data", str(data_dir / "minimal-plan.ttl")])
    assert result.exit_code == 4
    assert "no Java" in _one_error_line(result)


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["validate", "--data", "no-such-plan.ttl"], 3, "no such file or folder"),
        (["validate", "--data", "{data}/malformed.ttl"], 3, "line 7"),
        (["validate", "--data", "{data}/minimal-plan.ttl", "--data", "{data}/undeclared-actor.ttl"], 3, "undeclared actor"),
        (["validate", "--data", "{data}/negative-amount.ttl"], 3, "holds no plan"),
        (["info", "--data", "{data}/malformed.ttl"], 3, "malformed"),
        (["build", "--data", "{data}/malformed.ttl", "-o", "{tmp}/out.ttl"], 3, "malformed"),
        (["build", "-o", "{tmp}/missing/out.ttl"], 2, "does not exist"),
        (["validate", "--format", "xml"], 2, "'xml' is not one of"),
        (["build", "--format", "rdfxml", "-o", "{tmp}/out.ttl"], 2, "'rdfxml' is not one of"),
        (["info", "--format", "pdf"], 2, "'pdf' is not one of"),
        (["info", "--plan", "Amager"], 2, "no plan has that name"),
    ],
)
def test_bad_input_one_line_no_traceback_no_file(runner, data_dir, tmp_path, args, code, words):
    args = [a.format(data=data_dir, tmp=tmp_path) for a in args]
    result = runner.invoke(main, args)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert words in _one_error_line(result)
    assert list(tmp_path.rglob("*")) == []


def test_build_writes_file_and_says_so(runner, data_dir, tmp_path):
    out = tmp_path / "built.nt"
    result = runner.invoke(main, ["build", "--data", str(data_dir / "minimal-plan.ttl"), "--format", "nt", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{out}: ")
    assert "<https://w3id.org/theory/ontology#worksToward>" in out.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["built.nt"]


def test_build_same_bytes_twice(runner, tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert runner.invoke(main, ["build", "-o", str(first)]).exit_code == 0
    assert runner.invoke(main, ["build", "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_info_shipped_plan(runner):
    result = runner.invoke(main, ["info", "--format", "json", "--lang", "en"])
    assert result.exit_code == 0
    rows = {row["item"]: row for row in json.loads(result.stdout)}
    assert rows["plans"]["count"] == 1 and "2024" in rows["plans"]["detail"]
    assert rows["years"]["detail"] == "2021, 2022, 2023, 2024"
    assert rows["activities"]["detail"] == "16 numbered"
    assert rows["focus areas"]["count"] == 4
    assert rows["actors"]["count"] > 30
    assert rows["triples"]["count"] > 5000


def test_info_table_in_danish(runner, data_dir):
    result = runner.invoke(main, ["info", "--data", str(data_dir / "minimal-plan.ttl")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["indhold", "antal", "forklaring"]
    assert any(line.startswith("aktiviteter") and " 1 " in line for line in lines)


def test_plans(runner):
    result = runner.invoke(main, ["plans", "--format", "json"])
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row == {
        "plan": "Tingbjerg-Husum tryghedsplan 2024", "partnership": "Tingbjerg-Husum Partnerskab", "year": 2024,
        "years": "2021–2024", "activities": 16, "budget": 2210000,
        "graph": "https://w3id.org/theory/data/tingbjerg-husum/plan-2024",
        "plan_iri": "https://w3id.org/theory/data/tingbjerg-husum/plan-2024",
    }
    table = runner.invoke(main, ["plans"]).stdout
    assert "2.210.000 kr." in table and "2021–2024" in table
