"""Curated Turtle in one canonical form, so that git diffs of ``graph/`` stay readable.

Curators write Turtle by hand; :func:`tidy_files` rewrites each file as rdflib's
``longturtle`` (subjects sorted, one predicate a line), with the project's prefixes, so
the same triples always give the same bytes. ``check=True`` only reports which files
are not in that form (for CI), and writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .build import serialize
from .errors import UsageError
from .errors import LoadError
from .load import parse_file
from .namespaces import BIND_PREFIXES
from .output import write_file

__all__ = ["TidyResult", "canonical_turtle", "tidy_files"]


@dataclass(frozen=True)
class TidyResult:
    """One file: whether it was already canonical, and its triple count."""

    path: Path
    canonical: bool
    triples: int


def canonical_turtle(path: Path) -> tuple[bytes, int]:
    """The canonical longturtle bytes of the Turtle file at ``path``, and its triple count."""
    from rdflib import Graph

    parsed = parse_file(path)
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in parsed.namespaces():
        if prefix and str(namespace) not in BIND_PREFIXES.values():
            graph.bind(prefix, namespace, override=True, replace=True)
    for prefix, namespace in BIND_PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph += parsed
    return serialize(graph, "ttl"), len(graph)


def _turtle_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".ttl"))
        elif path.is_file():
            if path.suffix.lower() != ".ttl":
                raise UsageError(f"{path}: tidy rewrites Turtle (.ttl) files only")
            files.append(path)
        else:
            raise LoadError(f"{path}: no such file or folder; check the path")
    return files


def tidy_files(paths: Sequence[Path], *, check: bool = False) -> list[TidyResult]:
    """Rewrite the Turtle files at ``paths`` (files or folders) in canonical form.

    With ``check``, nothing is written. Only ``.ttl`` files are touched; another format
    is a :class:`UsageError`.
    """
    results = []
    for path in _turtle_files(paths):
        wanted, triples = canonical_turtle(path)
        canonical = path.read_bytes() == wanted
        if not canonical and not check:
            write_file(path, wanted)
        results.append(TidyResult(path, canonical, triples))
    return results
