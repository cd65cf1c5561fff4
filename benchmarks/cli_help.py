"""How long `theory --help` takes (goal: under 0.15 s), and what it imports.

Runs the installed `theory` command several times in fresh processes and prints the
median and best wall time, then lists heavy modules that `cli` pulls in at import time
(there should be none: rdflib, pyshacl, owlready2, networkx, pyvis load inside commands).

    python benchmarks/cli_help.py [runs]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time

HEAVY = ("rdflib", "pyshacl", "owlready2", "networkx", "pyvis", "jinja2", "playwright")
GOAL = 0.15


def main(runs: int = 15) -> int:
    command = shutil.which("theory")
    argv = [command, "--help"] if command else [sys.executable, "-m", "cli", "--help"]
    subprocess.run(argv, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    probe = subprocess.run(
        [sys.executable, "-c", "import sys, cli; print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"],
        capture_output=True, text=True, check=True,
    )
    loaded = sorted({m for m in probe.stdout.split() if m in HEAVY})
    median, best = statistics.median(times), min(times)
    print(f"theory --help: median {median:.3f} s, best {best:.3f} s over {runs} runs (goal < {GOAL} s)")
    print(f"heavy modules imported by `import cli`: {', '.join(loaded) or 'none'}")
    return 0 if median < GOAL and not loaded else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 15))
