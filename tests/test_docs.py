"""Every command has --help and is documented in README.md (picks up every engineer's commands)."""

import re
from pathlib import Path

import click
import pytest

from cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(main))


def test_the_model_commands_exist():
    assert {("validate",), ("build",), ("info",)} <= set(COMMANDS)


def test_top_level_help(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in main.commands:
        assert name in result.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Usage: ")
    assert len(result.stdout.splitlines()) > 3


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_readme_shows_command(command):
    words = r"\s+".join(map(re.escape, command))
    assert re.search(rf"\btheory\s+{words}\b", README), f"README.md never shows `theory {' '.join(command)}`"


def test_readme_has_two_setup_commands_and_ci_runs_the_second():
    setup = README.split("<!-- section: setup", 1)[1].split("<!-- section:", 1)[0]
    commands = re.findall(r"^```(?:sh|bash|console)?\n(.*?)\n```", setup, flags=re.M | re.S)
    lines = [line for block in commands for line in block.splitlines() if line.strip()]
    assert len(lines) == 2, lines
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in ci
    assert ci[-1] == lines[1]


def _quickstart_examples():
    """``$ theory …`` lines of the quickstart with the output printed under them."""
    section = README.split("<!-- section: quickstart", 1)[1].split("<!-- section:", 1)[0]
    examples = []
    for block in re.findall(r"```console\n(.*?)```", section, flags=re.S):
        command, output = None, []
        for line in block.splitlines() + ["$ end"]:
            if line.startswith("$ "):
                if command is not None and output:
                    examples.append((command, "\n".join(output) + "\n"))
                command, output = line[2:], []
            else:
                output.append(line)
    return examples


def _checkable(command: str) -> bool:
    """Commands that write files, pipe, or use files not in the repository are shown only."""
    args = command.split()
    files = [a for a in args if a.endswith(".ttl")]
    return "|" not in command and "-o" not in args and all((ROOT / f).exists() for f in files)


EXAMPLES = [(c, o) for c, o in _quickstart_examples() if _checkable(c)]


def test_quickstart_has_checkable_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_quickstart_output_is_real(runner, monkeypatch, command, expected):
    import shlex

    monkeypatch.chdir(ROOT)
    args = shlex.split(command)
    assert args[0] == "theory"
    result = runner.invoke(main, args[1:])
    assert result.stdout + result.stderr == expected, "README quickstart output is stale: paste the real output"
