"""Many plans on one engine: `theory` beside raw pyoxigraph and rdflib, on the same files.

    python benchmarks/portfolio.py --plans 150            # about a million triples
    python benchmarks/portfolio.py --plans 20 --no-rdflib # quicker
    python benchmarks/portfolio.py --plans 150 --validate # also SHACL, pyshacl and pyshacl-turbo

Writes a city of N plans with ``benchmarks/city.py`` (or reuses ``--folder``), then times,
for ``coverage``, ``actors``, ``audit budget`` and ``portfolio``, each in a fresh process
(the best wall time of ``--repeat`` runs; peak RSS from GNU time):

raw pyoxigraph
    load every file into its named graph (``Store.load``), then run the SPARQL the command
    runs: the texts from ``theory.catalogue`` bound with ``theory.bindings.with_values``,
    recorded from an in-process run of the command, every value of every row read;
theory
    the whole command, ``theory CMD --data CITY --format csv``;
theory --store
    the command on a store ``theory load`` filled, run twice (the second is shown: warm);
    and one question on one plan (``theory query year-activities --plan NAME``);
rdflib
    the old path: the same workspace on :class:`theory.engine.RdflibEngine` (the files
    parsed by rdflib into a ``Dataset``), loaded once, then each command; its figure is
    the load plus the command.

Goals at a million triples: theory within 1.2x raw pyoxigraph, at least 20x faster than
rdflib, peak memory within 1.5x raw pyoxigraph; a warm ``--store`` question under 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIME = "/usr/bin/time"
COMMANDS = {
    "coverage": ["coverage"],
    "actors": ["actors"],
    "audit budget": ["audit", "budget"],
    "portfolio": ["portfolio"],
}


# --- running a process and measuring it -------------------------------------------------


def measure(argv: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of ``argv`` run to its end.

    The peak comes from GNU time (``/usr/bin/time -f %M``): a process forked from this
    one would count this process's memory as its own (Linux keeps the peak across exec).
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.perf_counter()
        done = subprocess.run([TIME, "-f", "%M", "-o", rss.name, *argv], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(argv)}: exit {done.returncode}\n{done.stderr.decode(errors='replace')[-2000:]}")
        peak = int(rss.read().split()[-1]) / 1024
    return wall, peak, done.returncode


def best_of(runs: int, argv: list[str]) -> tuple[float, float]:
    """The best wall time of ``runs`` runs of ``argv``, and the highest peak RSS among them."""
    measured = [measure(argv) for _ in range(runs)]
    return min(m[0] for m in measured), max(m[1] for m in measured)


def theory_argv(*args: str) -> list[str]:
    """The installed ``theory`` command beside this Python."""
    script = Path(sys.executable).parent / "theory"
    return [str(script) if script.exists() else "theory", *args]


# --- recording the SPARQL a command runs ------------------------------------------------


def record(city: Path, command: list[str]) -> dict:
    """The plan graphs and every query the command asks the engine (text, dataset,
    bindings as N-Triples terms), from one in-process run."""
    from click.testing import CliRunner

    import cli
    from theory import engine as engines

    asked: list[dict] = []
    originals = {}
    for method in ("select", "ask", "construct"):
        original = getattr(engines.OxigraphEngine, method)
        originals[method] = original

        def wrapper(self, query, *, default_graphs=None, bindings=None, _original=original, _form=method, **more):
            asked.append({"form": _form, "text": query, "graphs": list(default_graphs or []),
                          "bindings": {k: str(v) for k, v in (bindings or {}).items()}})
            return _original(self, query, default_graphs=default_graphs, bindings=bindings, **more)

        setattr(engines.OxigraphEngine, method, wrapper)
    try:
        result = CliRunner().invoke(cli.main, [*command, "--data", str(city), "--format", "csv"])
    finally:
        for method, original in originals.items():
            setattr(engines.OxigraphEngine, method, original)
    if result.exit_code != 0:
        raise SystemExit(f"theory {' '.join(command)}: exit {result.exit_code}: {result.output[-500:]}")
    return {"queries": asked}


def plan_folders(city: Path) -> dict[str, list[str]]:
    """graph IRI -> the files loaded into it: ontology, registry, one graph per plan."""
    from theory.mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH
    from theory.sources import find_sources, ontology_path
    from theory.store import plan_iri_of

    sources = find_sources([city])
    graphs = {ONTOLOGY_GRAPH: [str(ontology_path())], REGISTRY_GRAPH: [str(p) for p in sources.registry]}
    for source in sources.plans:
        graphs[plan_iri_of(source)[0]] = [str(p) for p in source.files]
    return graphs


# --- the raw pyoxigraph run (in its own process) ---------------------------------------


def raw_main(job_path: Path, out: Path) -> None:
    """Load the files, run the recorded queries; print the load and query seconds as JSON."""
    import types

    # theory.bindings without the package's __init__ (which imports rdflib): raw pays
    # only for pyoxigraph and the query rewriting
    package = types.ModuleType("theory")
    package.__path__ = [str(HERE.parent / "src" / "theory")]
    sys.modules["theory"] = package
    import pyoxigraph as ox

    from theory.bindings import with_values

    job = json.loads(job_path.read_text())
    start = time.perf_counter()
    store = ox.Store()
    for graph, files in job["graphs"].items():
        node = ox.NamedNode(graph)
        for path in files:
            store.load(path=path, format=ox.RdfFormat.TURTLE, to_graph=node)
    loaded = time.perf_counter()

    def term(text: str):
        return next(iter(ox.parse(f"<urn:s> <urn:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES))).object

    queries = [(q["form"], q["text"], [ox.NamedNode(g) for g in q["graphs"]] or None,
                {k: term(v) for k, v in q["bindings"].items()}) for q in job["queries"]]
    parsed = time.perf_counter()
    values = 0
    for form, text, graphs, bindings in queries:
        results = store.query(with_values(text, bindings), default_graph=graphs)
        if form == "select":
            names = [v.value for v in results.variables]
            for solution in results:
                values += sum(1 for n in names if solution[n] is not None)
        elif form == "construct":
            values += sum(1 for _ in results)
        else:
            values += bool(results)
    done = time.perf_counter()
    out.write_text(json.dumps({"load": loaded - start, "queries": done - parsed, "values": values,
                               "triples": len(store)}))


# --- the rdflib run (in its own process) ------------------------------------------------


def rdflib_main(city: Path, out: Path) -> None:
    """Load the city with rdflib once, then run each command on it; print seconds as JSON."""
    import contextlib
    import io

    from click.testing import CliRunner

    import cli
    from theory import workspace
    from theory.engine import RdflibEngine
    from theory.sources import find_sources

    start = time.perf_counter()
    engine, _ = RdflibEngine.load(find_sources([city]))
    load = time.perf_counter() - start
    original = workspace.Workspace.open

    def open_on_rdflib(data=None, *, store=None, endpoint=None, lang="da", timeout=30.0):
        return workspace.Workspace.from_engine(engine, lang=lang, origin="rdflib")

    workspace.Workspace.open = open_on_rdflib
    timings = {"load": load}
    try:
        for name, command in COMMANDS.items():
            began = time.perf_counter()
            with contextlib.redirect_stderr(io.StringIO()):
                result = CliRunner().invoke(cli.main, [*command, "--format", "csv"])
            if result.exit_code != 0:
                raise SystemExit(f"rdflib {name}: exit {result.exit_code}: {result.output[-500:]}")
            timings[name] = time.perf_counter() - began
    finally:
        workspace.Workspace.open = original
    out.write_text(json.dumps(timings))


def rdflib_run(city: Path, work: Path) -> tuple[dict, float]:
    """The rdflib run's seconds and its peak RSS (MB)."""
    out = work / "rdflib.json"
    _, peak, _ = measure([sys.executable, __file__, "--rdflib-run", str(city), "--out", str(out)])
    return json.loads(out.read_text()), peak


# --- SHACL --------------------------------------------------------------------------------


def validate_figures(city: Path, sample: int) -> None:
    """`theory validate` on a tenth of the plans and on all (linear?), and pyshacl against
    pyshacl-turbo on ``sample`` plans, result by result."""
    from theory.sources import find_sources

    plans = find_sources([city]).plans
    tenth = max(1, len(plans) // 10)
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "part"
        part.mkdir()
        for source in plans[:tenth]:
            os.symlink(source.origin, part / source.origin.name)
        small, _, _ = measure(theory_argv("validate", "--data", str(part)))
    full, rss, _ = measure(theory_argv("validate", "--data", str(city)))
    print(f"validate, {tenth} plans: {small:.1f} s; {len(plans)} plans: {full:.1f} s "
          f"({full / small:.1f}x for {len(plans) / tenth:.0f}x the plans), peak {rss:.0f} MB")
    compare_shacl_engines(city, sample)


def compare_shacl_engines(city: Path, sample: int) -> None:
    """pyshacl and pyshacl-turbo on the same plan graphs (``theory.validate.validate``, the
    one with ``pyshacl.validate`` swapped for pyshacl-turbo's): time, and results compared
    one by one (severity, focus node, path, message, shape, value)."""
    try:
        import pyshacl_turbo
    except ImportError:
        print("pyshacl-turbo: not installed (pip install pyshacl-turbo); skipped")
        return
    import pyshacl

    from theory.validate import load_shapes, validate
    from theory.workspace import Workspace

    ws = Workspace.open([city])
    shapes = load_shapes()
    seconds = {"pyshacl": 0.0, "pyshacl-turbo": 0.0}
    same = 0
    stock = pyshacl.validate
    for plan in ws.plans[:sample]:
        graph = ws.plan_graph(plan)
        reports = {}
        for name, engine in (("pyshacl", stock), ("pyshacl-turbo", pyshacl_turbo.validate)):
            pyshacl.validate = engine
            try:
                began = time.perf_counter()
                reports[name] = set(validate(graph, shapes).results)
                seconds[name] += time.perf_counter() - began
            finally:
                pyshacl.validate = stock
        if reports["pyshacl"] == reports["pyshacl-turbo"]:
            same += 1
        else:
            only_stock = sorted(reports["pyshacl"] - reports["pyshacl-turbo"], key=str)
            only_turbo = sorted(reports["pyshacl-turbo"] - reports["pyshacl"], key=str)
            print(f"  {plan.label}: {len(only_stock)} results only from pyshacl, {len(only_turbo)} only from turbo; "
                  f"e.g. {(only_stock or only_turbo)[0]}")
    print(f"SHACL on {sample} plans: pyshacl {seconds['pyshacl']:.1f} s, pyshacl-turbo {seconds['pyshacl-turbo']:.1f} s "
          f"({seconds['pyshacl'] / max(seconds['pyshacl-turbo'], 1e-9):.1f}x faster); the same results on {same} of {sample} plans")


# --- the run ------------------------------------------------------------------------------


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=150, help="plans in the city (150: about 1M triples)")
    parser.add_argument("--folder", type=Path, help="write the city here, or reuse the one there")
    parser.add_argument("--no-rdflib", dest="rdflib", action="store_false", help="skip the rdflib run (slow)")
    parser.add_argument("--validate", action="store_true", help="also time validate; pyshacl against pyshacl-turbo")
    parser.add_argument("--shacl-sample", type=int, default=5, help="plans for the pyshacl-turbo comparison")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each process; the best time is shown")
    parser.add_argument("--raw-run", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rdflib-run", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--record-run", nargs=2, metavar=("CITY", "COMMAND"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.raw_run:
        return raw_main(args.raw_run, args.out)
    if args.rdflib_run:
        return rdflib_main(args.rdflib_run, args.out)
    if args.record_run:
        city, command = args.record_run
        return args.out.write_text(json.dumps(record(Path(city), COMMANDS[command])))

    sys.path.insert(0, str(HERE))
    from city import write_city

    work = Path(tempfile.mkdtemp(prefix="theory-portfolio-"))
    try:
        city = args.folder or work / "city"
        if not (city.is_dir() and any(city.iterdir())):
            written = write_city(city, args.plans)
            print(f"city: {len(written)} plans, {sum(p.triples for p in written):,} triples of plan data in {city}")
        graphs = plan_folders(city)
        store = work / "store"
        load_wall, load_rss, _ = measure(theory_argv("load", "--store", str(store), "--data", str(city)))
        print(f"theory load --store: {load_wall:.1f} s, peak {load_rss:.0f} MB")
        from theory.mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH

        first_plan = sorted(g for g in graphs if g not in (ONTOLOGY_GRAPH, REGISTRY_GRAPH))[0]
        rows = [["command", "raw pyoxigraph s", "theory s", "ratio", "--store warm s", "rdflib s", "rdflib/theory",
                 "RSS raw MB", "RSS theory MB", "RSS ratio"]]
        figures = {}
        for name, command in COMMANDS.items():
            job_path = work / f"{name.replace(' ', '-')}.json"
            subprocess.run([sys.executable, __file__, "--record-run", str(city), name, "--out", str(job_path)],
                           check=True)  # in its own process: this one stays small
            job = {"graphs": graphs, **json.loads(job_path.read_text())}
            job_path.write_text(json.dumps(job))
            raw_out = work / "raw.json"
            raw_wall, raw_rss = best_of(args.repeat, [sys.executable, __file__, "--raw-run", str(job_path),
                                                      "--out", str(raw_out)])
            raw = json.loads(raw_out.read_text())
            ours, our_rss = best_of(args.repeat, theory_argv(*command, "--data", str(city), "--format", "csv"))
            measure(theory_argv(*command, "--store", str(store), "--format", "csv"))  # warms the page cache
            warm, _ = best_of(args.repeat, theory_argv(*command, "--store", str(store), "--format", "csv"))
            figures[name] = (raw_wall, ours, warm, raw_rss, our_rss, len(job["queries"]))
            print(f"{name}: {len(job['queries'])} queries; raw {raw_wall:.1f} s (load {raw['load']:.1f} s, "
                  f"queries {raw['queries']:.1f} s, {raw['triples']:,} triples), theory {ours:.1f} s, "
                  f"--store warm {warm:.1f} s", flush=True)
        question = theory_argv("query", "year-activities", "--store", str(store), "--plan", first_plan)
        measure(question)
        warm_question, _ = best_of(args.repeat, question)
        rdflib, rdflib_rss = rdflib_run(city, work) if args.rdflib else ({}, 0.0)
        for name, (raw_wall, ours, warm, raw_rss, our_rss, _) in figures.items():
            old = rdflib["load"] + rdflib[name] if rdflib else None
            rows.append([name, f"{raw_wall:.1f}", f"{ours:.1f}", f"{ours / raw_wall:.2f}", f"{warm:.1f}",
                         f"{old:.1f}" if old else "-", f"{old / ours:.0f}" if old else "-",
                         f"{raw_rss:.0f}", f"{our_rss:.0f}", f"{our_rss / raw_rss:.2f}"])
        print()
        print(table(rows))
        print(f"\nwarm --store question (query year-activities --plan, one plan): {warm_question:.2f} s")
        if rdflib:
            print(f"rdflib: load {rdflib['load']:.1f} s, peak RSS {rdflib_rss:.0f} MB (load once, then the four commands)")
        if args.validate:
            validate_figures(city, args.shacl_sample)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
