"""A workbook file in, one plan's graph out, or every problem of the workbook at once."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .build import ImportedPlan, build_plan
from .problems import Problems
from .read import read_workbook

__all__ = ["import_workbook"]


def import_workbook(source: Path | bytes, *, ontology: Graph | None = None,
                    registry: Graph | None = None) -> ImportedPlan:
    """Read and build the plan in the workbook at ``source`` (a path or the file's bytes).

    Raises one :class:`~theory.errors.LoadError` (exit 3) whose ``problems`` list every
    problem of the workbook, reading and building alike (at most 50 lines), so that
    nothing is written from a workbook with a problem.
    """
    problems = Problems()
    rows = read_workbook(source, ontology=ontology, problems=problems)
    imported = build_plan(rows, registry=registry, problems=problems)
    problems.raise_if_any(rows.source)
    return imported
