"""The plan as an Excel workbook, both ways.

An analyst edits a plan in Excel or LibreOffice: :func:`export_workbook` writes one plan's
graph as a workbook (one sheet per kind of thing, headers in Danish or English, drop-downs
for the closed lists, a first sheet that explains it), :func:`new_workbook` writes the same
workbook empty, and :func:`import_workbook` reads a workbook back into the plan's graph,
listing every problem by sheet, row and column. :func:`theory.layout.write_plan` then writes
the graph as the plan's Turtle files.

>>> data = export_workbook(graph, lang="da")            # bytes of an .xlsx file
>>> imported = import_workbook(Path("plan.xlsx"))        # LoadError listing every problem
>>> write_plan(imported.graph, Path("graph/my-plan"))     # theory.layout
>>> result = import_to_folder(Path("plan.xlsx"), Path("graph/my-plan"))   # both, with the shapes
"""

from .build import ImportedPlan, Origin, build_plan
from .check import Finding, check_plan
from .export import export_workbook, new_workbook, plan_rows
from .read import read_workbook
from .importing import FolderImport, import_to_folder, import_workbook

__all__ = [
    "export_workbook",
    "new_workbook",
    "plan_rows",
    "read_workbook",
    "build_plan",
    "import_workbook",
    "import_to_folder",
    "FolderImport",
    "check_plan",
    "ImportedPlan",
    "Origin",
    "Finding",
]
