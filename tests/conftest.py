"""Shared fixtures: the shipped plan's workspace (loaded once), a CLI runner, the fixture folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

#: session fixtures that start real SPARQL servers (Oxigraph, Virtuoso)
pytest_plugins = ["servers"]

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def ws():
    """The shipped Tingbjerg-Husum plan in an embedded workspace (Danish), loaded once. Do not mutate."""
    from theory.workspace import Workspace

    return Workspace.open()


@pytest.fixture(scope="session")
def ws_en():
    """The shipped plan, answering in English."""
    from theory.workspace import Workspace

    return Workspace.open(lang="en")


@pytest.fixture(scope="session")
def plan(ws):
    """The shipped plan (Tingbjerg-Husum tryghedsplan 2024)."""
    return ws.plans[0]


@pytest.fixture(scope="session")
def plan_graph(ws, plan):
    """The shipped plan with the registry and the ontology as one rdflib graph. Do not mutate."""
    return ws.plan_graph(plan)


@pytest.fixture(scope="session")
def shipped_graph(plan_graph):
    """The shipped plan as an rdflib graph (ontology, registry and plan). Do not mutate."""
    return plan_graph


@pytest.fixture
def fixture_graph(data_dir):
    """The one plan of fixture files, with the ontology and registry, as an rdflib graph:
    ``fixture_graph("minimal-plan.ttl", "negative-amount.ttl")``."""
    from theory.workspace import Workspace

    def open_(*names: str):
        ws = Workspace.open([data_dir / n for n in names])
        return ws.plan_graph(ws.plans[0])

    return open_


@pytest.fixture
def fixture_ws(data_dir):
    """Open a workspace on fixture files: ``fixture_ws("minimal-plan.ttl", lang="en")``."""
    from theory.workspace import Workspace

    def open_(*names: str, lang: str = "da"):
        return Workspace.open([data_dir / n for n in names], lang=lang)

    return open_


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
