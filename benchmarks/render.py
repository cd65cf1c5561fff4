"""Rendering benchmark: a big actor–activity network written as HTML and drawn in Chromium.

Builds a synthetic bipartite network (default 1,000 actors and 4,000 activities = 5,000
nodes; every activity has one lead and 0–2 partners, chosen deterministically), then
prints how long it takes to turn it into a picture and write the self-contained page,
and how long headless Chromium takes from navigation until the network has settled
(``document.documentElement.dataset.settled``). Goals: write < 3 s, settle < 10 s.
Also times a small network (300 nodes) that keeps physics on (≤ 200 iterations).

    python benchmarks/render.py [--actors 1000] [--activities 4000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from theory.output import write_file
from theory.render.actors import network_picture
from theory.render.page import view_html

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
KINDS = ["Forening", "Forvaltning", "NGO", "Skole", "Boligselskab", "Politi"]


def synthetic(actors: int, activities: int, seed: int = 1) -> nx.Graph:
    rng = random.Random(seed)
    net = nx.Graph()
    for i in range(actors):
        net.add_node(f"urn:actor:{i}", kind="actor", label=f"Aktør {i}", actor_kind=KINDS[i % len(KINDS)])
    for j in range(activities):
        node = f"urn:activity:{j}"
        net.add_node(node, kind="activity", label=f"Aktivitet {j}", number=j, budget=rng.randrange(5, 300) * 1000)
        lead = min(int(rng.paretovariate(1.2)) - 1, actors - 1)  # a few actors lead many
        net.add_edge(f"urn:actor:{lead}", node, role="lead", roles=["lead"])
        for _ in range(rng.randrange(0, 3)):
            partner = f"urn:actor:{rng.randrange(actors)}"
            if not net.has_edge(partner, node):
                net.add_edge(partner, node, role="partner", roles=["partner"])
    return net


def settle_seconds(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("html[data-settled='true']", state="attached", timeout=120_000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed


def run(actors: int, activities: int, folder: Path) -> None:
    net = synthetic(actors, activities)
    start = time.perf_counter()
    picture = network_picture(net, title="Benchmark")
    html = view_html(picture)
    path = folder / f"actors-{net.number_of_nodes()}.html"
    write_file(path, html)
    written = time.perf_counter() - start
    settled = settle_seconds(path)
    physics = "on" if picture.physics and len(picture.nodes) <= 400 else "off"
    print(f"{net.number_of_nodes():>6} nodes {net.number_of_edges():>6} edges  physics {physics:<3}  "
          f"write {written:6.2f} s  settle in Chromium {settled:6.2f} s  page {path.stat().st_size / 1e6:5.2f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=4000)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: cannot time the browser", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        run(60, 240, Path(tmp))
        run(args.actors, args.activities, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
