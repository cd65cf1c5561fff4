"""Time each named query on the shipped plan and on a plan 100x its size.

The big graph replicates the shipped plan's data under new IRIs (``…/tingbjerg-husum/``
becomes ``…/copy-N/`` for N = 1..copies); the ontology is kept once. Every query runs with
its default parameters (and a sample value for the required ones); the figure is the best
of ``--repeat`` runs, in milliseconds.

    python benchmarks/queries.py               # 100 copies
    python benchmarks/queries.py --copies 10   # quicker
"""

from __future__ import annotations

import argparse
import sys
import time

from rdflib import Graph, URIRef

from theory.load import load_graph
from theory.output import format_rows
from theory.queries import list_queries, run_query

DATA = "https://w3id.org/theory/data/tingbjerg-husum/"
SAMPLES = {"focus_area": "Trygt byliv", "actor": "Husum for alle", "activity": "1", "age": "15"}


def replicate(graph: Graph, copies: int) -> Graph:
    """``graph`` with its plan data repeated ``copies`` times under new IRIs."""
    big = Graph()
    for prefix, iri in graph.namespaces():
        big.bind(prefix, iri)
    for triple in graph:
        if not any(isinstance(t, URIRef) and str(t).startswith(DATA) for t in triple):
            big.add(triple)  # ontology: once
            continue
        for n in range(1, copies + 1):
            new = f"https://w3id.org/theory/data/copy-{n}/"
            big.add(tuple(URIRef(new + str(t)[len(DATA):]) if isinstance(t, URIRef) and str(t).startswith(DATA) else t
                          for t in triple))
    return big


def best_ms(graph: Graph, name: str, params: dict, repeat: int) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run_query(graph, name, params)
        rows = len(list(result))
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="md", choices=["table", "md", "csv", "json"])
    args = parser.parse_args()

    small = load_graph()
    start = time.perf_counter()
    big = replicate(small, args.copies)
    print(f"shipped: {len(small)} triples; x{args.copies}: {len(big)} triples "
          f"(built in {time.perf_counter() - start:.1f} s)\n")
    rows = []
    for info in list_queries():
        params = {p.name: SAMPLES[p.name] for p in info.params if p.name in SAMPLES}
        ms_small, n_small = best_ms(small, info.name, params, args.repeat)
        ms_big, n_big = best_ms(big, info.name, params, 1 if args.copies > 10 else args.repeat)
        rows.append({
            "query": info.name,
            "rows": n_small,
            "ms_shipped": round(ms_small, 1),
            f"rows_x{args.copies}": n_big,
            f"ms_x{args.copies}": round(ms_big, 1),
            "ratio": round(ms_big / ms_small, 1) if ms_small else None,
        })
        print(f"  {info.name}: {ms_small:.0f} ms, x{args.copies} {ms_big:.0f} ms", file=sys.stderr, flush=True)
    print(format_rows(rows, args.format), end="")


if __name__ == "__main__":
    main()
