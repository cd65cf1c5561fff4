"""Which files form which plan: the paths given to ``--data``, sorted into plans.

Nothing is parsed here; :mod:`theory.store` loads what this module finds.

- a folder that directly holds RDF files is **one plan** (files in its sub-folders belong
  to it too);
- a folder that holds only sub-folders is a **portfolio**: each sub-folder is one plan;
- a folder named ``registry`` adds to the **shared actor registry**;
- loose files given together form **one plan**;
- a **TriG or N-Quads** file holds plans in its named graphs.

>>> found = find_sources(None)           # the shipped portfolio: registry + one plan
>>> [p.origin.name for p in found.plans]
['tingbjerg-husum-2024']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .errors import LoadError

__all__ = [
    "TRIPLE_FORMATS",
    "DATASET_FORMATS",
    "RDF_SUFFIXES",
    "PlanSource",
    "Sources",
    "find_sources",
    "ontology_path",
    "shapes_path",
    "shipped_data_path",
    "shipped_registry_path",
]

#: suffix -> pyoxigraph format name, for files of triples (one plan's data)
TRIPLE_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "n-triples",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "rdf/xml",
    ".owl": "rdf/xml",
    ".xml": "rdf/xml",
}
#: suffix -> pyoxigraph format name, for files of named graphs (plans in graphs)
DATASET_FORMATS = {".trig": "trig", ".nq": "n-quads"}
RDF_SUFFIXES = frozenset(TRIPLE_FORMATS) | frozenset(DATASET_FORMATS)
REGISTRY_FOLDER = "registry"


def _package_dir(name: str) -> Path:
    return Path(str(resources.files(f"theory.{name}")))


def ontology_path() -> Path:
    """The shipped OWL ontology (``ontology/theory.ttl``)."""
    return _package_dir("ontology") / "theory.ttl"


def shapes_path() -> Path:
    """The shipped SHACL shapes (``ontology/shapes.ttl``)."""
    return _package_dir("ontology") / "shapes.ttl"


def shipped_data_path() -> Path:
    """The shipped portfolio (``graph/``): the registry and the Tingbjerg-Husum plan."""
    return _package_dir("graph")


def shipped_registry_path() -> Path:
    """The shipped actor registry (``graph/registry/``); always loaded."""
    return shipped_data_path() / REGISTRY_FOLDER


@dataclass(frozen=True)
class PlanSource:
    """The files that together hold one plan, and the folder they came from (if any)."""

    files: tuple[Path, ...]
    origin: Path | None = None

    def describe(self) -> str:
        """How to name this source in a message: its folder, or its files."""
        if self.origin is not None:
            return str(self.origin)
        return ", ".join(str(f) for f in self.files)


@dataclass
class Sources:
    """Plans (as file groups), dataset files (TriG, N-Quads) and registry files."""

    plans: list[PlanSource] = field(default_factory=list)
    datasets: list[Path] = field(default_factory=list)
    registry: list[Path] = field(default_factory=list)


def _rdf_files(folder: Path, recursive: bool) -> list[Path]:
    found = folder.rglob("*") if recursive else folder.iterdir()
    return sorted(p for p in found if p.is_file() and p.suffix.lower() in RDF_SUFFIXES)


def _check_file(path: Path) -> None:
    if path.suffix.lower() not in RDF_SUFFIXES:
        raise LoadError(
            f"{path}: unknown RDF format {path.suffix or '(no suffix)'!r}; "
            f"use one of {', '.join(sorted(RDF_SUFFIXES))}"
        )


def _split(files: Iterable[Path], sources: Sources) -> list[Path]:
    """Dataset files go to ``sources.datasets``; the triple files are returned."""
    triples = []
    for path in files:
        if path.suffix.lower() in DATASET_FORMATS:
            sources.datasets.append(path)
        else:
            triples.append(path)
    return triples


def _add_folder(folder: Path, sources: Sources) -> None:
    if folder.name == REGISTRY_FOLDER:
        sources.registry.extend(f for f in _rdf_files(folder, True) if f.suffix.lower() in TRIPLE_FORMATS)
        return
    if _rdf_files(folder, False):  # a plan folder
        triples = _split(_rdf_files(folder, True), sources)
        if triples:
            sources.plans.append(PlanSource(tuple(triples), folder))
        return
    before = (len(sources.plans), len(sources.datasets), len(sources.registry))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if sub.name == REGISTRY_FOLDER or _rdf_files(sub, True):
            _add_folder(sub, sources) if sub.name == REGISTRY_FOLDER else _add_plan_tree(sub, sources)
    if (len(sources.plans), len(sources.datasets), len(sources.registry)) == before:
        raise LoadError(
            f"{folder}: folder holds no plan (no RDF file in it or in its sub-folders: "
            f"{', '.join(sorted(RDF_SUFFIXES))}); point --data at a plan's folder"
        )


def _add_plan_tree(folder: Path, sources: Sources) -> None:
    """A portfolio's sub-folder: one plan with every RDF file below it."""
    triples = _split(_rdf_files(folder, True), sources)
    if triples:
        sources.plans.append(PlanSource(tuple(triples), folder))


def find_sources(paths: Sequence[Path] | None) -> Sources:
    """The plans, dataset files and registry files at ``paths`` (default: the shipped data).

    The shipped registry is always part of the result. Raises :class:`LoadError` for a
    path that does not exist, a file of an unknown format, or a folder with no plan.
    """
    sources = Sources()
    registry = shipped_registry_path()
    if registry.is_dir():
        sources.registry.extend(f for f in _rdf_files(registry, True) if f.suffix.lower() in TRIPLE_FORMATS)
    loose: list[Path] = []
    for path in [Path(p) for p in paths] if paths else [shipped_data_path()]:
        if path.is_dir():
            _add_folder(path, sources)
        elif path.is_file():
            _check_file(path)
            loose.extend(_split([path], sources))
        else:
            raise LoadError(f"{path}: no such file or folder; check the path given to --data")
    if loose:
        sources.plans.append(PlanSource(tuple(loose)))
    sources.registry = sorted(dict.fromkeys(sources.registry))
    return sources
