"""The embedded Oxigraph store: plans loaded into named graphs, the only place that parses data.

Each plan's files go into the named graph of the plan's IRI (found by reading the files
until the ``th:SafetyPlan`` appears: the plan's own small file first); the ontology into
:data:`~theory.mint.ONTOLOGY_GRAPH`; the shared actor registry into
:data:`~theory.mint.REGISTRY_GRAPH`. TriG and N-Quads files keep their own graphs.

Nothing is fetched: pyoxigraph follows no ``owl:imports`` and loads no remote JSON-LD
``@context`` (such a file is refused with one line). Every syntax error names the file and
the line.

>>> store = load_store(find_sources(None))     # the shipped ontology, registry and plan
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import pyoxigraph as ox

from .errors import DataError, LoadError, StoreError
from .mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from .sources import DATASET_FORMATS, TRIPLE_FORMATS, PlanSource, Sources, ontology_path

__all__ = ["LoadedPlan", "load_store", "open_store", "parse_error", "rdf_format", "plan_iri_of", "read_triples"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_SAFETY_PLAN = ox.NamedNode("https://w3id.org/theory/ontology#SafetyPlan")
_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "n-triples": ox.RdfFormat.N_TRIPLES,
    "n3": ox.RdfFormat.N3,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdf/xml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "n-quads": ox.RdfFormat.N_QUADS,
}
_SPECIAL_GRAPHS = {ONTOLOGY_GRAPH, REGISTRY_GRAPH}


@dataclass(frozen=True)
class LoadedPlan:
    """A plan in the store: its IRI, its graph, and the files it came from."""

    iri: str
    graph: str
    files: tuple[Path, ...]


def rdf_format(path: Path) -> ox.RdfFormat:
    """The pyoxigraph format of ``path`` by its suffix."""
    suffix = Path(path).suffix.lower()
    return _FORMATS[TRIPLE_FORMATS.get(suffix) or DATASET_FORMATS[suffix]]


def parse_error(path: Path, err: Exception) -> LoadError:
    """A pyoxigraph parse error as one line naming the file and the line."""
    fmt = rdf_format(path).name
    raw = err.msg if isinstance(err, SyntaxError) and err.msg else str(err)
    text = raw.strip().splitlines()[0] if raw.strip() else type(err).__name__
    if "LoadDocumentCallback" in text or "remote context" in text.lower():
        return LoadError(
            f"{path}: the JSON-LD @context is a remote document, which theory never fetches; "
            "put the context inline in the file (refused, nothing was loaded)"
        )
    if isinstance(err, UnicodeDecodeError):
        return LoadError(f"{path}: not UTF-8 text (byte {err.start}); save the file as UTF-8")
    line = getattr(err, "lineno", None)
    message = text.split(": ", 1)[1] if text.startswith("Parser error") and ": " in text else text
    where = f"{path}, line {line}" if line else str(path)
    return LoadError(f"{where}: malformed {fmt}: {message}; fix the syntax there")


def _parse(path: Path):
    try:
        return ox.parse(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, UnicodeDecodeError) as err:
        raise parse_error(path, err) from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror or err}") from None


def read_triples(path: Path, prefixes: dict | None = None):
    """Every triple (or quad) of the file at ``path``, with parse errors as :class:`LoadError`;
    the prefixes it declares go into ``prefixes`` when given."""
    try:
        parser = _parse(path)
        yield from parser
        if prefixes is not None:
            prefixes.update(parser.prefixes or {})
    except (SyntaxError, ValueError, UnicodeDecodeError) as err:
        raise parse_error(path, err) from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror or err}") from None


def plan_iri_of(source: PlanSource) -> str:
    """The IRI of the ``th:SafetyPlan`` in ``source``'s files (smallest file first).

    Raises :class:`LoadError` when no file declares one.
    """
    for path in sorted(source.files, key=lambda p: (p.stat().st_size, str(p))):
        for triple in read_triples(path):
            if triple.predicate == _RDF_TYPE and triple.object == _SAFETY_PLAN:
                if not isinstance(triple.subject, ox.NamedNode):
                    raise LoadError(f"{path}: the th:SafetyPlan is a blank node; give the plan an IRI")
                return triple.subject.value
    raise LoadError(
        f"{source.describe()}: holds no plan (no th:SafetyPlan); a plan's files declare it, "
        "e.g. thd:plan-2024 a th:SafetyPlan ; th:planYear \"2024\"^^xsd:gYear"
    )


def _load(store: ox.Store, path: Path, graph: str | None) -> None:
    try:
        store.load(path=str(path), format=rdf_format(path),
                   to_graph=ox.NamedNode(graph) if graph else None)
    except (SyntaxError, ValueError, UnicodeDecodeError) as err:
        raise parse_error(path, err) from None
    except OSError as err:
        raise StoreError(f"{path}: cannot load into the store: {err}") from None


def _dataset_plans(path: Path) -> dict[str, set[str]]:
    """graph IRI -> plan IRIs declared in it, for a TriG or N-Quads file (default graph: "")."""
    found: dict[str, set[str]] = {}
    for quad in read_triples(path):
        graph = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
        plans = found.setdefault(graph, set())
        if quad.predicate == _RDF_TYPE and quad.object == _SAFETY_PLAN and isinstance(quad.subject, ox.NamedNode):
            plans.add(quad.subject.value)
    return found


def _check_unique(iri: str, where: str, seen: dict[str, str]) -> None:
    if iri in seen:
        raise LoadError(
            f"plan <{iri}> is given twice: in {seen[iri]} and in {where}; "
            "load each plan once (or give the second one its own plan IRI)"
        )
    seen[iri] = where


def _check_plan(store: ox.Store, plan: LoadedPlan) -> None:
    """One plan per graph, and every actor it refers to is declared (in it or the registry)."""
    from .catalogue import get

    graphs = [ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(REGISTRY_GRAPH), ox.NamedNode(plan.graph)]
    found = store.query(get("plans-in-graph", "engine").text, default_graph=[ox.NamedNode(plan.graph)])
    plans = [row["plan"].value for row in found]
    if len(plans) > 1:
        where = ", ".join(str(f) for f in plan.files) or f"graph <{plan.graph}>"
        raise LoadError(
            f"{where}: holds {len(plans)} plans ({', '.join(f'<{p}>' for p in plans)}); "
            "a plan's folder holds one plan: put each in its own folder"
        )
    for row in store.query(get("undeclared-actors", "engine").text, default_graph=graphs):
        subject, prop, actor = row["s"], row["p"], row["o"]
        where = _file_with(plan.files, subject, prop, actor) or f"graph <{plan.graph}>"
        short = prop.value.rsplit("#", 1)[-1]
        raise DataError(
            f"{where}: {subject.value} refers to undeclared actor {actor.value} (through th:{short}); "
            "declare it with a kind (e.g. a th:Association) and an rdfs:label, or use the registry's IRI"
        )


def _file_with(files: Iterable[Path], subject, prop, obj) -> str | None:
    for path in files:
        for triple in read_triples(path):
            if triple.subject == subject and triple.predicate == prop and triple.object == obj:
                return str(path)
    return None


def open_store(path: Path | None = None) -> ox.Store:
    """A new in-memory store, or the persistent store in folder ``path``.

    Raises :class:`StoreError` (exit 3) when the folder is in use by another process or
    cannot be opened or written.
    """
    if path is None:
        return ox.Store()
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder; give --store a folder")
    try:
        return ox.Store(str(path))
    except OSError as err:
        text = str(err)
        if "lock" in text.lower():
            raise StoreError(
                f"{path}: the store is in use by another process; wait for it to finish and try again"
            ) from None
        reason = "permission denied" if "ermission" in text else text.splitlines()[0]
        raise StoreError(f"{path}: cannot open the store: {reason}; check the folder and its permissions") from None


def load_store(sources: Sources, store: ox.Store | None = None, *, replace: bool = False) -> tuple[ox.Store, list[LoadedPlan]]:
    """Load the ontology, the registry and every plan of ``sources`` into ``store``.

    ``replace`` clears each plan's graph first (re-loading a plan into a persistent
    store replaces it). Returns the store and the plans loaded, in the order given.
    """
    store = store if store is not None else ox.Store()
    seen: dict[str, str] = {}
    plans: list[LoadedPlan] = []
    # everything is checked before anything is written: find every plan first
    planned: list[tuple[str, PlanSource]] = []
    for source in sources.plans:
        iri = plan_iri_of(source)
        _check_unique(iri, source.describe(), seen)
        planned.append((iri, source))
    datasets: list[tuple[Path, dict[str, set[str]]]] = []
    for path in sources.datasets:
        graphs = _dataset_plans(path)
        if "" in graphs:
            raise LoadError(
                f"{path}: holds triples outside a named graph; put each plan in its own GRAPH <…> {{ … }}"
            )
        for graph, found in sorted(graphs.items()):
            if graph in _SPECIAL_GRAPHS:
                continue
            if not found:
                raise LoadError(f"{path}: graph <{graph}> holds no th:SafetyPlan; every named graph holds one plan")
            for iri in sorted(found):
                _check_unique(iri, str(path), seen)
        datasets.append((path, graphs))

    if replace:
        for graph in (ONTOLOGY_GRAPH, REGISTRY_GRAPH, *(iri for iri, _ in planned),
                      *(g for _, graphs in datasets for g in graphs)):
            _drop(store, graph)
    _load(store, ontology_path(), ONTOLOGY_GRAPH)
    for path in sources.registry:
        _load(store, path, REGISTRY_GRAPH)
    for iri, source in planned:
        for path in source.files:
            _load(store, path, iri)
        plans.append(LoadedPlan(iri, iri, source.files))
    for path, graphs in datasets:
        _load(store, path, None)
        for graph, found in sorted(graphs.items()):
            for iri in sorted(found):
                plans.append(LoadedPlan(iri, graph, (path,)))
    for plan in plans:
        _check_plan(store, plan)
    return store, plans


def _drop(store: ox.Store, graph: str) -> None:
    node = ox.NamedNode(graph)
    if store.contains_named_graph(node):
        store.remove_graph(node)


def graph_names(store: ox.Store) -> Sequence[str]:
    """Every named graph of ``store`` (sorted)."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
