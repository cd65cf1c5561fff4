"""Shared fixtures: the shipped graph (loaded once), a CLI runner, the fixture folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

#: session fixtures that start real SPARQL servers (Oxigraph, Virtuoso)
pytest_plugins = ["servers"]

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def shipped_graph():
    """The shipped ontology + Tingbjerg-Husum plan, loaded once per test run. Do not mutate."""
    from theory.load import load_graph

    return load_graph()


@pytest.fixture
def runner() -> CliRunner:
    """An in-process runner for the ``theory`` click app (stderr kept apart from stdout)."""
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click >= 8.2 always keeps them apart
        return CliRunner()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """``tests/data``: tiny hand-written Turtle fixtures named for what they show."""
    return DATA_DIR
