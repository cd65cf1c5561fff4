"""Time each catalogue question about one plan: the shipped plan alone, and the same plan among
a city of many (embedded Oxigraph; ``--rdflib`` adds rdflib on the shipped plan).

Every question runs about the shipped plan (its dataset: the ontology, the registry and the
plan's graph) with its default parameters and a sample value for the required ones; the
figure is the best of ``--repeat`` runs, in milliseconds. With ``--plans N`` the shipped plan
is loaded beside a city of N generated plans (``benchmarks/city.py``): a question about one
plan should not grow with the number of plans loaded.

    python benchmarks/queries.py                 # shipped plan beside 150 plans (~1M triples)
    python benchmarks/queries.py --plans 20 --rdflib
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = {"focus_area": "Trygt byliv", "actor": "Husum for alle", "activity": "1", "age": "15"}


def best_ms(ws, plan, info, repeat: int) -> tuple[float, int]:
    """The best time of ``repeat`` runs (ms) and the rows of the question about ``plan``."""
    params = {p.name: SAMPLES[p.name] for p in info.params if p.name in SAMPLES}
    bindings = ws.bindings(info, plan, params)
    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(ws.engine.select(info.text, default_graphs=ws.dataset(plan), bindings=bindings))
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=150, help="generated plans loaded beside the shipped one")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib on the shipped plan")
    parser.add_argument("--format", default="md", choices=["table", "md", "csv", "json"])
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from city import write_city

    from theory.catalogue import catalogue
    from theory.engine import RdflibEngine
    from theory.output import format_rows
    from theory.sources import find_sources, shipped_data_path
    from theory.workspace import Workspace

    shipped = Workspace.open()
    with tempfile.TemporaryDirectory() as tmp:
        write_city(Path(tmp) / "city", args.plans)
        start = time.perf_counter()
        big = Workspace.open([shipped_data_path(), Path(tmp) / "city"])
        print(f"shipped plan beside {args.plans} plans: loaded in {time.perf_counter() - start:.1f} s\n", file=sys.stderr)
    engines = {"oxigraph": shipped}
    if args.rdflib:
        engine, _ = RdflibEngine.load(find_sources(None))
        engines["rdflib"] = Workspace.from_engine(engine, origin="rdflib")
    plan_big = next(p for p in big.plans if p.iri == shipped.plans[0].iri)
    rows = []
    for info in catalogue("questions"):
        row = {"query": info.name}
        for name, ws in engines.items():
            ms, count = best_ms(ws, ws.plans[0], info, args.repeat)
            row.update({"rows": count, f"ms_{name}": round(ms, 1)})
        ms_big, _ = best_ms(big, plan_big, info, args.repeat)
        row[f"ms_among_{args.plans + 1}"] = round(ms_big, 1)
        rows.append(row)
        print(f"  {info.name}: {row}", file=sys.stderr, flush=True)
    print(format_rows(rows, args.format, lang="en"), end="")


if __name__ == "__main__":
    main()
