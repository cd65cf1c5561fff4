"""Plans in and out of `theory`: workbooks, drafts read from a plan's PDF, plan folders, diffs.

The commands ``export workbook``, ``new``, ``import``, ``diff`` and ``render diff`` call
these functions. Nothing is half-written: a workbook is written atomically, a plan folder
is built beside its target and moved into place, and any problem of the input stops
everything before the first byte is written.

- ``import`` takes a workbook (``.xlsx``: every cell problem at once, then the shapes,
  reported by sheet and row) or a plan's PDF or text (a draft and a review list), and
  writes a plan folder in the layout of ``graph/`` or, for a draft, a workbook to correct;
- ``diff`` compares two plans given in any form ``--data`` takes, or as workbooks.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from rdflib import Graph

from .errors import UsageError

__all__ = ["ImportResult", "export_plan_workbook", "new_plan_workbook", "import_plan", "workspace_of",
           "workspace_from_graph", "diff_paths", "render_diff", "registry_graph", "WORKBOOK_SUFFIXES", "DRAFT_SUFFIXES"]

WORKBOOK_SUFFIXES = (".xlsx",)
DRAFT_SUFFIXES = (".pdf", ".txt")
#: the review list written beside a draft's Turtle files
REVIEW_FILE = "review.csv"


def registry_graph(paths: Sequence[Path] = ()) -> Graph:
    """The shared actor registry (shipped, and any registry files in ``paths``) as one graph."""
    from .load import parse_file
    from .sources import find_sources

    graph = Graph()
    for path in find_sources([Path(p) for p in paths] or None).registry:
        graph += parse_file(path)
    return graph


def _check_suffix(path: Path, suffixes: Sequence[str], what: str) -> None:
    if Path(path).suffix.lower() not in suffixes:
        raise UsageError(f"{path}: {what} is an Excel workbook; end the file name in .xlsx")


def export_plan_workbook(ws, plan, path: Path) -> Path:
    """Write ``plan`` as an Excel workbook an analyst edits (in the workspace's language)."""
    from .output import write_file
    from .workbook import export_workbook

    _check_suffix(path, WORKBOOK_SUFFIXES, "the workbook")
    data = export_workbook(ws.plan_graph(plan, with_ontology=False), lang=ws.lang, file_name=Path(path).name)
    write_file(Path(path), data)
    return Path(path)


def new_plan_workbook(path: Path, year: int | None, lang: str) -> Path:
    """Write the empty workbook of a new plan (of ``year``)."""
    from .output import write_file
    from .workbook import new_workbook

    _check_suffix(path, WORKBOOK_SUFFIXES, "the workbook")
    write_file(Path(path), new_workbook(year, lang, file_name=Path(path).name))
    return Path(path)


@dataclass
class ImportResult:
    """What ``import`` did: the files written, the shapes' findings, the readings to review."""

    source: Path
    output: Path
    triples: int = 0
    paths: list[Path] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)

    @property
    def violations(self) -> list[Any]:
        return [f for f in self.findings if f.severity == "Violation"]

    def summary(self, lang: str = "da") -> str:
        """One line saying what was written, or (after a violation) that nothing was."""
        from .i18n import texts

        t = texts(lang)
        if self.violations:
            return t("{output}: nothing written; fix the workbook and import it again", output=self.output)
        what = (t("workbook") if self.output.suffix.lower() in WORKBOOK_SUFFIXES
                else t.plural("{n} file", "{n} files", len(self.paths)))
        line = t("{output}: {triples} triples, {what}", output=self.output, triples=self.triples, what=what)
        if self.source.suffix.lower() not in WORKBOOK_SUFFIXES:
            line += t.plural(", {n} reading to review", ", {n} readings to review", len(self.review))
        return line


def _review_csv(rows: list[dict], columns: Sequence[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def import_plan(source: Path, output: Path, *, actors: Sequence[Path] = (), lang: str = "da") -> ImportResult:
    """Import a workbook or a plan's PDF/text at ``source`` into ``output``.

    ``output`` is a folder (the plan's Turtle files in the layout of ``graph/``; a draft's
    review list beside them as ``review.csv``) or, for a draft, an ``.xlsx`` workbook (with a
    review sheet) to correct in Excel and import again. ``actors``: Turtle files or folders
    of actors the draft matches names against besides the shared registry (last year's
    ``actors.ttl`` of the same partnership). Raises :class:`~theory.errors.LoadError` (exit 3)
    for input that cannot be read; writes nothing when it fails.
    """
    source, output = Path(source), Path(output)
    suffix = source.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        if output.suffix.lower() in WORKBOOK_SUFFIXES:
            raise UsageError(f"{output}: a workbook is imported into a plan's folder; give -o a folder")
        from .workbook import import_to_folder

        done = import_to_folder(source, output, registry=registry_graph(actors), lang=lang)
        return ImportResult(source, output, len(done.imported.graph), list(done.paths), list(done.findings))
    if suffix not in DRAFT_SUFFIXES and suffix:
        raise UsageError(f"{source}: import reads a workbook (.xlsx) or a plan's PDF or text (.pdf, .txt), "
                         f"not {suffix} files")
    from .importer import REVIEW_COLUMNS, known_actors, read_plan

    known = known_actors([Path(a) for a in actors]) + registry_graph() if actors else known_actors()
    draft = read_plan(source, actors=known, lang=lang)
    review = draft.review_rows()
    result = ImportResult(source, output, len(draft.graph), review=review)
    if output.suffix.lower() in WORKBOOK_SUFFIXES:
        from .output import write_file
        from .workbook import export_workbook

        data = export_workbook(draft.graph + known, lang=lang, file_name=output.name,
                               review=(list(REVIEW_COLUMNS), review))
        write_file(output, data)
        result.paths = [output]
        return result
    from .layout import write_plan

    result.paths = write_plan(draft.graph, output, extra={REVIEW_FILE: _review_csv(review, REVIEW_COLUMNS)})
    return result


def workspace_from_graph(graph: Graph, *, lang: str = "da", origin: str = "workbook"):
    """A workspace holding the one plan in ``graph`` (an imported workbook) with the shipped
    ontology and registry."""
    import pyoxigraph as ox
    from rdflib import RDF

    from .engine import OxigraphEngine, to_oxigraph
    from .namespaces import TH
    from .sources import Sources, find_sources
    from .store import load_store
    from .workspace import Workspace

    plans = sorted(str(p) for p in graph.subjects(RDF.type, TH.SafetyPlan))
    if len(plans) != 1:
        raise UsageError(f"{origin}: holds {len(plans)} plans; a workbook holds one")
    store, _ = load_store(Sources(registry=find_sources(None).registry))
    name = ox.NamedNode(plans[0])
    store.extend(ox.Quad(*(to_oxigraph(term) for term in triple), name) for triple in graph)
    return Workspace.from_engine(OxigraphEngine(store), lang=lang, origin=origin)


def workspace_of(path: Path, *, lang: str = "da", plan: str | None = None):
    """(workspace, plan) of the one plan at ``path``: any form ``--data`` takes, or a workbook;
    ``plan`` picks one where the path holds several."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from .workbook import import_workbook

        ws = workspace_from_graph(import_workbook(path, registry=registry_graph(), lang=lang).graph,
                                  lang=lang, origin=str(path))
    else:
        from .workspace import Workspace

        ws = Workspace.open([path], lang=lang)
    return ws, ws.only_plan(plan, f"diff ({path})")


def diff_paths(old: Path, new: Path, *, lang: str = "da", plan: str | None = None) -> list[dict[str, Any]]:
    """One row per fact that changed from the plan at ``old`` to the plan at ``new``."""
    return _diff(workspace_of(old, lang=lang, plan=plan), workspace_of(new, lang=lang, plan=plan), lang)


def _diff(old, new, lang: str) -> list[dict[str, Any]]:
    from .diff import diff_plans

    (ws_old, plan_old), (ws_new, plan_new) = old, new
    return diff_plans(ws_old.plan_graph(plan_old, with_ontology=False), ws_new.plan_graph(plan_new, with_ontology=False),
                      lang=lang)


def render_diff(old: Path, new: Path, output: Path, *, lang: str = "da", plan: str | None = None) -> Path:
    """Draw NEW's change theory with what changed since OLD marked, into ``output`` (.html,
    .svg or .png)."""
    from .output import write_file
    from .render import picture_kind, render_bytes
    from .render.diff import diff_picture

    kind = picture_kind(output)
    before, after = workspace_of(old, lang=lang, plan=plan), workspace_of(new, lang=lang, plan=plan)
    rows = _diff(before, after, lang)
    ws, plan_new = after
    picture = diff_picture(ws, plan_new, ws.year(plan_new), rows)
    write_file(Path(output), render_bytes(picture, kind, lang))
    return Path(output)
