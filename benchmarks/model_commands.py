"""Time the model steps on the shipped plan: open the workspace, SHACL validation, build, HermiT.

    python benchmarks/model_commands.py [runs]

Prints the best and median wall time of each step over ``runs`` (default 3) in this
process (the first open also pays for imports, so it is timed separately).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import time


def _time(step, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main(runs: int = 3) -> None:
    start = time.perf_counter()
    from theory.build import build_plan, serialize
    from theory.validate import validate
    from theory.workspace import Workspace

    ws = Workspace.open()
    plan = ws.plans[0]
    graph = ws.plan_graph(plan)
    print(f"first open (with imports): {time.perf_counter() - start:.2f} s, {len(graph)} triples")
    steps = {
        "open (load + check)": Workspace.open,
        "plan graph (copy to rdflib)": lambda: Workspace.open().plan_graph(plan),
        "validate (SHACL)": lambda: validate(graph),
        "build + serialize ttl": lambda: serialize(build_plan(ws, plan), "ttl"),
    }
    if shutil.which("java"):
        from theory.reason import check_consistency

        steps["reason (HermiT)"] = lambda: check_consistency(graph)
    for name, step in steps.items():
        best, median = _time(step, runs)
        print(f"{name}: best {best:.2f} s, median {median:.2f} s over {runs} runs")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
