"""Files or folders in, one :class:`rdflib.Graph` out: the only place that parses RDF.

Analyses never open files: they receive the graph this module returns and run queries
on it (:mod:`theory.queries`), so another store can replace rdflib's in-memory one here
without touching them.

>>> graph = load_graph()                     # the shipped ontology and plan
>>> graph = load_graph([Path("my-plan/")])   # the ontology and another partnership's plan
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.exceptions import ParserError
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import DataError, LoadError
from .namespaces import BIND_PREFIXES, TH

__all__ = [
    "FORMATS",
    "LoadedGraph",
    "default_data_paths",
    "expand_paths",
    "load_graph",
    "load_files",
    "ontology_path",
    "parse_file",
    "shapes_path",
]

#: file suffix -> rdflib parser name
FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".n3": "n3",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".trig": "trig",
}


def _package_dir(name: str) -> Path:
    """The folder of a data package shipped inside :mod:`theory` (ontology, graph)."""
    return Path(str(resources.files(f"theory.{name}")))


def ontology_path() -> Path:
    """The shipped OWL ontology (``ontology/theory.ttl``)."""
    return _package_dir("ontology") / "theory.ttl"


def shapes_path() -> Path:
    """The shipped SHACL shapes (``ontology/shapes.ttl``)."""
    return _package_dir("ontology") / "shapes.ttl"


def default_data_paths() -> list[Path]:
    """The shipped curated data: every plan folder in ``graph/``."""
    return [_package_dir("graph")]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as the RDF files below them (sorted, recursively).

    Raises :class:`LoadError` for a path that does not exist, a file of an unknown
    format, or a folder that holds no RDF file.
    """
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
            if not found:
                raise LoadError(
                    f"{path}: folder holds no RDF file ({', '.join(sorted(FORMATS))}); "
                    "point --data at a folder of Turtle files"
                )
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in FORMATS:
                raise LoadError(
                    f"{path}: unknown RDF format {path.suffix or '(no suffix)'!r}; "
                    f"use one of {', '.join(sorted(FORMATS))}"
                )
            files.append(path)
        else:
            raise LoadError(f"{path}: no such file or folder; check the path given to --data")
    return files


def parse_file(path: Path) -> Graph:
    """One RDF file as a graph, its format by suffix; :class:`LoadError` with the line on bad syntax."""
    graph = Graph()
    fmt = FORMATS[path.suffix.lower()]
    try:
        graph.parse(path, format=fmt)
    except BadSyntax as err:
        raise LoadError(
            f"{path}, line {err.lines + 1}: malformed {fmt}: {err._why}; fix the syntax there"
        ) from None
    except (ParserError, SyntaxError, ValueError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise LoadError(f"{path}: malformed {fmt}: {first}; fix the syntax there") from None
    except UnicodeDecodeError as err:
        raise LoadError(f"{path}: not UTF-8 text (byte {err.start}); save the file as UTF-8") from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read: {err.strerror}") from None
    except Exception as err:  # parsers raise their own types (orjson, xml.sax …)
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise LoadError(f"{path}: malformed {fmt}: {first}; fix the syntax there") from None
    return graph


@dataclass
class LoadedGraph:
    """The merged graph and the files it came from."""

    graph: Graph
    files: list[Path]


#: properties whose object must be a declared actor (typed with a subclass of th:Actor)
_ACTOR_REFERENCES = (TH.actor, TH.funder, TH.party)


def _actor_classes(graph: Graph) -> set[URIRef]:
    classes = {TH.Actor}
    frontier = [TH.Actor]
    while frontier:
        cls = frontier.pop()
        for sub in graph.subjects(RDFS.subClassOf, cls):
            if isinstance(sub, URIRef) and sub not in classes:
                classes.add(sub)
                frontier.append(sub)
    return classes


def _check_references(graph: Graph, per_file: list[tuple[Path, Graph]]) -> None:
    """Every actor a file refers to must be declared somewhere in what was loaded."""
    actor_classes = _actor_classes(graph)
    declared = {s for cls in actor_classes for s in graph.subjects(RDF.type, cls)}
    for path, part in per_file:
        for prop in _ACTOR_REFERENCES:
            for subject, obj in sorted(part.subject_objects(prop)):
                if obj not in declared:
                    raise DataError(
                        f"{path}: {subject} refers to undeclared actor {obj} "
                        f"(through {graph.namespace_manager.normalizeUri(prop)}); "
                        "declare it with a kind (e.g. a th:Association) and an rdfs:label"
                    )


def load_files(files: Sequence[Path], *, with_ontology: bool = True) -> LoadedGraph:
    """Parse ``files`` (and the ontology) into one graph and check references."""
    graph = Graph()
    for prefix, iri in BIND_PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    per_file: list[tuple[Path, Graph]] = []
    sources = ([ontology_path()] if with_ontology else []) + list(files)
    for path in sources:
        part = parse_file(path)
        for prefix, iri in part.namespaces():
            if prefix and prefix not in BIND_PREFIXES:
                graph.bind(prefix, iri, override=False)
        graph += part
        per_file.append((path, part))
    _check_references(graph, per_file)
    return LoadedGraph(graph, list(files))


def load_graph(paths: Sequence[Path] | None = None, *, with_ontology: bool = True) -> Graph:
    """The ontology plus the data at ``paths`` (files or folders; default: the shipped plan).

    Raises :class:`~theory.errors.LoadError` with file and line for anything that
    cannot be read.
    """
    files = expand_paths(paths if paths else default_data_paths())
    return load_files(files, with_ontology=with_ontology).graph
