"""Time the workbook both ways, the diff and writing the files, on the shipped plan.

Prints the best of ``--repeat`` runs of each step, in seconds: export (graph -> .xlsx
bytes), read (the cells, with openpyxl), import (read + build), diff (shipped plan against
itself after the round trip), write_plan (the plan's Turtle files), and the shapes on the
imported plan.

    python benchmarks/workbook.py
    python benchmarks/workbook.py --repeat 1
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from theory.diff import diff_plans
from theory.layout import write_plan
from theory.output import format_rows
from theory.workbook import check_plan, export_workbook, import_workbook, read_workbook

ROOT = Path(__file__).resolve().parents[1]


def best(repeat: int, step) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan = Graph()
    for path in sorted((ROOT / "graph" / "tingbjerg-husum-2024").glob("*.ttl")):
        plan.parse(path)
    registry = Graph()
    for path in sorted((ROOT / "graph" / "registry").glob("*.ttl")):
        registry.parse(path)
    both = plan + registry
    rows = []
    seconds, data = best(args.repeat, lambda: export_workbook(both))
    rows.append({"step": "export", "seconds": round(seconds, 3), "detail": f"{len(data)} bytes"})
    seconds, _ = best(args.repeat, lambda: read_workbook(data))
    rows.append({"step": "read", "seconds": round(seconds, 3), "detail": "openpyxl, values and formulas"})
    seconds, imported = best(args.repeat, lambda: import_workbook(data, registry=registry))
    rows.append({"step": "import", "seconds": round(seconds, 3), "detail": f"{len(imported.graph)} triples"})
    seconds, changes = best(args.repeat, lambda: diff_plans(plan, imported.graph))
    rows.append({"step": "diff", "seconds": round(seconds, 3), "detail": f"{len(changes)} rows"})
    with tempfile.TemporaryDirectory() as folder:
        seconds, written = best(args.repeat, lambda: write_plan(imported.graph, Path(folder) / "plan"))
    rows.append({"step": "write_plan", "seconds": round(seconds, 3), "detail": f"{len(written)} files"})
    seconds, findings = best(1, lambda: check_plan(imported, registry=registry))
    rows.append({"step": "shapes", "seconds": round(seconds, 3), "detail": f"{len(findings)} findings"})
    print(format_rows(rows, "table", lang="en"), end="")


if __name__ == "__main__":
    main()
