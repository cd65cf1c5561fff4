"""The embedded Oxigraph store: plans loaded into named graphs, the only place that parses data.

Each plan's files go into the named graph of the plan's IRI (found by reading the plan's
own small file, ``plan.ttl``, until the ``th:SafetyPlan`` appears); the ontology into
:data:`~theory.mint.ONTOLOGY_GRAPH`; the shared actor registry into
:data:`~theory.mint.REGISTRY_GRAPH`. TriG and N-Quads files keep their own graphs.

Everything is loaded and checked in memory first (one plan per graph, no plan IRI twice,
no reference to an undeclared actor); only then is a persistent store touched, so a file
with a syntax error or a plan given twice leaves it as it was. In a persistent store,
loading a plan again replaces its graph, and the ontology's; the registry only grows.

Nothing is fetched: pyoxigraph follows no ``owl:imports`` and loads no remote JSON-LD
``@context`` (such a file is refused with one line). Every syntax error names the file and
the line.

>>> store, plans = load_store(find_sources(None))   # the shipped ontology, registry and plan
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import pyoxigraph as ox

from .errors import DataError, LoadError, StoreError
from .mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from .sources import DATASET_FORMATS, TRIPLE_FORMATS, PlanSource, Sources, ontology_path

__all__ = [
    "LoadedPlan",
    "load_store",
    "open_store",
    "parse_error",
    "rdf_format",
    "plan_iri_of",
    "read_triples",
    "dataset_plans",
    "is_store",
]

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
    """A parse error (pyoxigraph's, or any parser's) as one line naming the file and the line."""
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


def _plan_file_order(path: Path) -> tuple:
    """``plan.*`` first (where curation puts the th:SafetyPlan), then the smaller files."""
    return (not path.stem.lower().startswith("plan"), path.stat().st_size, str(path))


def plan_iri_of(source: PlanSource) -> tuple[str, Path]:
    """The IRI of the ``th:SafetyPlan`` in ``source``'s files and the file that declares it
    (``plan.ttl`` is read first, then the smaller files; reading stops at the plan).

    Raises :class:`LoadError` when no file declares one.
    """
    for path in sorted(source.files, key=_plan_file_order):
        for triple in read_triples(path):
            if triple.predicate == _RDF_TYPE and triple.object == _SAFETY_PLAN:
                if not isinstance(triple.subject, ox.NamedNode):
                    raise LoadError(f"{path}: the th:SafetyPlan is a blank node; give the plan an IRI")
                return triple.subject.value, path
    raise LoadError(
        f"{source.describe()}: holds no plan (no th:SafetyPlan); a plan's files declare it, "
        "e.g. thd:plan-2024 a th:SafetyPlan ; th:planYear \"2024\"^^xsd:gYear"
    )


def _load(store: ox.Store, path: Path, graph: str | None) -> None:
    try:
        store.load(path=str(path), format=rdf_format(path), to_graph=ox.NamedNode(graph) if graph else None)
    except (SyntaxError, ValueError, UnicodeDecodeError) as err:
        raise parse_error(path, err) from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror or err}") from None


def _plans_by_graph(store: ox.Store) -> dict[str | None, set[str]]:
    """graph IRI (None: the default graph) -> the plan IRIs declared in it."""
    from .catalogue import get

    found: dict[str | None, set[str]] = {}
    for solution in store.query(get("plan-graphs-named", "engine").text):
        found.setdefault(solution["graph"].value, set()).add(solution["plan"].value)
    for solution in store.query(get("plan-graphs-default", "engine").text):
        found.setdefault(None, set()).add(solution["plan"].value)
    return found


def dataset_plans(path: Path) -> dict[str, set[str]]:
    """graph IRI -> plan IRIs declared in it, for a TriG or N-Quads file ("" for its
    default graph, when it has triples there)."""
    scratch = ox.Store()
    _load(scratch, path, None)
    found: dict[str, set[str]] = {g.value: set() for g in scratch.named_graphs() if isinstance(g, ox.NamedNode)}
    for graph, plans in _plans_by_graph(scratch).items():
        found.setdefault(graph or "", set()).update(plans)
    if next(iter(scratch.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        found.setdefault("", set())
    return found


def _check_unique(iri: str, where: str, seen: dict[str, str]) -> None:
    if iri in seen:
        raise LoadError(
            f"plan <{iri}> is given twice: in {seen[iri]} and in {where}; "
            "load each plan once (or give the second one its own plan IRI)"
        )
    seen[iri] = where


def _check_plans(store: ox.Store, plans: Sequence[LoadedPlan]) -> None:
    """One plan per graph, and every actor a plan refers to is declared (in it or the registry)."""
    from .catalogue import get

    by_graph = _plans_by_graph(store)
    for plan in plans:
        found = sorted(by_graph.get(plan.graph, ()))
        if len(found) > 1:
            where = ", ".join(str(f) for f in plan.files) if len(plan.files) == 1 else f"graph <{plan.graph}>"
            raise LoadError(
                f"{where}: holds {len(found)} plans ({', '.join(f'<{p}>' for p in found)}); "
                "a plan's folder (or a named graph) holds one plan: put each in its own"
            )
    query = get("undeclared-actors", "engine").text
    for plan in plans:
        graphs = [ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode(REGISTRY_GRAPH), ox.NamedNode(plan.graph)]
        for row in store.query(query, default_graph=graphs):
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


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return Path(path).is_dir() and (Path(path) / "CURRENT").is_file()


def _store_error(path: Path, err: OSError, doing: str) -> StoreError:
    text = str(err)
    lowered = text.lower()
    if "not permitted" in lowered or "permission denied" in lowered or "read-only" in lowered:
        return StoreError(f"{path}: cannot {doing} the store: not writable (permission denied); "
                          "check the folder's permissions")
    if "lock" in lowered:  # RocksDB: "While lock file: …/LOCK: Resource temporarily unavailable"
        return StoreError(f"{path}: the store is in use by another process; wait for it to finish and try again")
    return StoreError(f"{path}: cannot {doing} the store: {text.splitlines()[0] if text else type(err).__name__}")


def open_store(path: Path | None = None, *, write: bool = True) -> ox.Store:
    """A new in-memory store, or the persistent store in folder ``path``.

    ``write``: open it to load plans (the folder is created if missing); else to read a
    store ``theory load`` filled, read-only when the folder is not writable. Raises
    :class:`StoreError` (exit 3) when the folder is in use by another process, is not a
    store, or cannot be opened or written.
    """
    if path is None:
        return ox.Store()
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store folder; give --store a folder")
    if not write and not is_store(path):
        raise StoreError(f"{path}: not a store; fill it first with `theory load --store {path} --data PATH`")
    if write and path.is_dir() and any(path.iterdir()) and not is_store(path):
        raise StoreError(f"{path}: the folder holds other files, not a store; give --store an empty or new folder")
    try:
        return ox.Store(str(path))
    except OSError as err:
        error = _store_error(path, err, "write to" if write else "open")
        if not write and "not writable" in error.message:
            try:
                return ox.Store.read_only(str(path))
            except OSError as second:
                raise _store_error(path, second, "open") from None
        raise error from None


def _load_sources(sources: Sources) -> tuple[ox.Store, list[LoadedPlan]]:
    """Everything of ``sources`` in a new in-memory store, checked."""
    store = ox.Store()
    seen: dict[str, str] = {}
    planned: list[tuple[str, PlanSource]] = []
    for source in sources.plans:
        iri, declared_in = plan_iri_of(source)
        _check_unique(iri, str(declared_in), seen)
        planned.append((iri, source))
    _load(store, ontology_path(), ONTOLOGY_GRAPH)
    for path in sources.registry:
        _load(store, path, REGISTRY_GRAPH)
    plans: list[LoadedPlan] = []
    for iri, source in planned:
        for path in source.files:
            _load(store, path, iri)
        plans.append(LoadedPlan(iri, iri, source.files))
    for path in sources.datasets:
        graphs = dataset_plans(path)
        if "" in graphs:
            raise LoadError(f"{path}: holds triples outside a named graph; put each plan in its own GRAPH <…> {{ … }}")
        for graph, found in sorted(graphs.items()):
            if graph in _SPECIAL_GRAPHS:
                continue
            if not found:
                raise LoadError(f"{path}: graph <{graph}> holds no th:SafetyPlan; every named graph holds one plan")
            if store.contains_named_graph(ox.NamedNode(graph)):
                raise LoadError(f"{path}: graph <{graph}> is also loaded from another file; load each plan once")
            for iri in sorted(found):
                _check_unique(iri, f"{path} (graph <{graph}>)", seen)
                plans.append(LoadedPlan(iri, graph, (path,)))
        _load(store, path, None)
    _check_plans(store, plans)
    return store, plans


def _copy_graph(source: ox.Store, target: ox.Store, graph: str, *, replace: bool) -> None:
    """One graph from the checked in-memory store into a persistent one. ``bulk_load``
    writes sorted files straight to disk: at a million triples half the time, a third of
    the memory and a quarter of the disk of ``load`` (it is not one transaction, but the
    data was checked and is Oxigraph's own N-Triples)."""
    node = ox.NamedNode(graph)
    data = source.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node)
    try:
        if replace and target.contains_named_graph(node):
            target.remove_graph(node)
        target.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=node)
    except OSError as err:
        raise StoreError(f"cannot write graph <{graph}> to the store: {err}") from None


def load_store(sources: Sources, store: ox.Store | None = None) -> tuple[ox.Store, list[LoadedPlan]]:
    """Load the ontology, the registry and every plan of ``sources``, checked.

    With no ``store``, into a new in-memory store. With a persistent ``store`` (see
    :func:`open_store`), everything is loaded and checked in memory first, then each
    plan's graph and the ontology's are replaced in it and the registry's triples added.
    Returns the store and the plans loaded, in the order given.
    """
    loaded, plans = _load_sources(sources)
    if store is None:
        return loaded, plans
    _copy_graph(loaded, store, ONTOLOGY_GRAPH, replace=True)
    _copy_graph(loaded, store, REGISTRY_GRAPH, replace=False)
    for graph in dict.fromkeys(p.graph for p in plans):
        _copy_graph(loaded, store, graph, replace=True)
    try:
        store.flush()
    except OSError as err:
        raise StoreError(f"cannot write the store: {err}") from None
    return store, plans
