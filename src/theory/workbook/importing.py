"""A workbook file in, one plan's graph (or its folder of Turtle files) out.

:func:`import_workbook` reads and builds; every problem of the workbook, reading and
building alike, comes back at once as one :class:`~theory.errors.LoadError`.
:func:`import_to_folder` is what ``theory import plan.xlsx -o DIR`` does: import, run the
shapes on the result (findings told by sheet and row), and write the plan's files only
when the import has no problem and the shapes no violation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .build import ImportedPlan, build_plan
from .check import Finding, check_plan
from .problems import Problems
from .read import read_workbook

__all__ = ["import_workbook", "import_to_folder", "FolderImport"]


def import_workbook(source: Path | bytes, *, ontology: Graph | None = None,
                    registry: Graph | None = None, lang: str = "da") -> ImportedPlan:
    """Read and build the plan in the workbook at ``source`` (a path or the file's bytes).

    ``registry``: the shared actor registry, whose actors the Roles sheet may name. The
    workbook may be written in either language; ``lang`` is the language of the problems.
    Raises one :class:`~theory.errors.LoadError` (exit 3) whose ``problems`` list every
    problem of the workbook (at most 50 lines).
    """
    problems = Problems(lang)
    rows = read_workbook(source, ontology=ontology, problems=problems)
    imported = build_plan(rows, registry=registry, problems=problems)
    problems.raise_if_any(rows.source)
    return imported


@dataclass
class FolderImport:
    """What :func:`import_to_folder` did: the plan, the shapes' findings, the files written."""

    imported: ImportedPlan
    findings: list[Finding] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def written(self) -> bool:
        return bool(self.paths)


def import_to_folder(source: Path | bytes, folder: Path, *, ontology: Graph | None = None,
                     registry: Graph | None = None, check: bool = True, lang: str = "da") -> FolderImport:
    """Import the workbook at ``source`` and write the plan's Turtle files into ``folder``.

    A workbook with problems raises :class:`~theory.errors.LoadError` (told in ``lang``) and
    writes nothing.
    With ``check``, the shapes run on the result first; a violation writes nothing either
    (``paths`` stays empty; the findings say what to fix, by sheet and row), warnings are
    reported and the files written.
    """
    from ..layout import write_plan

    imported = import_workbook(source, ontology=ontology, registry=registry, lang=lang)
    result = FolderImport(imported)
    if check:
        result.findings = check_plan(imported, ontology=ontology, registry=registry, lang=lang)
        if result.violations:
            return result
    result.paths = write_plan(imported.graph, Path(folder), ontology=ontology)
    return result
