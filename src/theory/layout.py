"""One plan's graph as the Turtle files of its folder in ``graph/``.

The curated layout (``docs/curation.md``) puts each node in the file of what it belongs
to: ``plan.ttl`` (partnership, agreement, plan, change theory, general sections),
``overview.ttl`` (the overview table, stated sums, earmarks, activities that ended before
the plan year), ``activity-NN-slug.ttl`` (a numbered activity and everything that hangs on
it, its sections ``section-aNN…`` and the places and channels it uses) and ``actors.ttl``
(the plan's own actors; the shared registry's are not the plan's). Each file is canonical
longturtle (:func:`theory.build.serialize`), so a plan that comes back from a workbook
unchanged gives the same bytes, and a changed one a small diff.

:func:`write_plan` writes the files into a temporary folder beside ``folder`` and moves it
into place, so a failure leaves the old folder as it was.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from .build import serialize
from .errors import OutputError
from .mint import REGISTRY
from .namespaces import BIND_PREFIXES, TH

__all__ = ["plan_files", "write_plan", "PLAN_FILE", "OVERVIEW_FILE", "ACTORS_FILE"]

PLAN_FILE = "plan.ttl"
OVERVIEW_FILE = "overview.ttl"
ACTORS_FILE = "actors.ttl"

_SECTION = re.compile(r"section-a(\d+)(?:-|$)")
#: nodes that hang on an activity: property from the activity to the node
_FROM_ACTIVITY = (TH.yearStatus, TH.objective, TH.deliverable, TH.targetGroup, TH.timelineEntry, TH.responsibility)
#: nodes that hang on an activity: property from the node to the activity
_TO_ACTIVITY = (TH.supportingActivity, TH.forActivity)
_ACTOR_KINDS = (TH.MunicipalAdministration, TH.MunicipalUnit, TH.Police, TH.HousingAssociation,
                TH.HousingSocialMasterPlan, TH.Association, TH.School, TH.NGO, TH.Company, TH.Network,
                TH.PublicInstitution, TH.ResidentGroup)
_PLAN_TYPES = (TH.Partnership, TH.PartnershipBody, TH.PartnershipAgreement, TH.SafetyPlan, TH.ChangeTheory,
               TH.FocusArea, TH.CrossCuttingEffort, TH.Result, TH.Impact)


def _actor_types(graph: Graph, ontology: Graph | None) -> set[URIRef]:
    from rdflib import RDFS

    source = ontology if ontology is not None else graph
    kinds = {TH.Actor}
    frontier = [TH.Actor]
    while frontier:
        for sub in source.subjects(RDFS.subClassOf, frontier.pop()):
            if isinstance(sub, URIRef) and sub not in kinds:
                kinds.add(sub)
                frontier.append(sub)
    if len(kinds) == 1:  # no ontology at hand: the kinds the ontology declares today
        kinds.update(_ACTOR_KINDS)
    return kinds - {TH.Partnership, TH.PartnershipBody}


def _activity_file(graph: Graph, activity: URIRef) -> str:
    number = graph.value(activity, TH.activityNumber)
    try:
        number = int(str(number)) if number is not None else None
    except ValueError:
        number = None
    if number is None:
        return OVERVIEW_FILE
    local = str(activity).rstrip("/").rsplit("/", 1)[-1]
    name = local[len("activity-"):] if local.startswith("activity-") else local
    return f"activity-{number:02d}-{name}.ttl"


def plan_files(graph: Graph, ontology: Graph | None = None) -> dict[str, Graph]:
    """File name -> the triples that file holds, for the one plan in ``graph``.

    Only the plan's own triples are placed: the ontology's terms and the shared registry's
    actors are left out, whatever ``graph`` holds besides the plan.
    """
    activity_file = {a: _activity_file(graph, a) for a in graph.subjects(RDF.type, TH.Activity) if isinstance(a, URIRef)}
    by_number = {}
    for activity, name in activity_file.items():
        number = graph.value(activity, TH.activityNumber)
        if name != OVERVIEW_FILE:
            by_number[int(str(number))] = name
    actor_types = _actor_types(graph, ontology)
    ontology_subjects = set(ontology.subjects()) if ontology is not None else set()
    homes: dict[URIRef, set[str]] = {}

    def home(node) -> set[str]:
        types = set(graph.objects(node, RDF.type))
        if node in activity_file:
            return {activity_file[node]}
        if types & actor_types:
            return {ACTORS_FILE}
        if types & set(_PLAN_TYPES):
            return {PLAN_FILE}
        if types & {TH.StatedSum, TH.Earmark}:
            return {OVERVIEW_FILE}
        if TH.BudgetAmount in types and (node, TH.table, TH.OverviewTable) in graph:
            return {OVERVIEW_FILE}
        if TH.PlanSection in types:
            match = _SECTION.match(str(node).rsplit("/", 1)[-1])
            number = int(match.group(1)) if match else None
            return {by_number[number]} if number in by_number else {PLAN_FILE}
        owners = {a for p in _FROM_ACTIVITY for a in graph.subjects(p, node) if a in activity_file}
        owners |= {a for p in _TO_ACTIVITY for a in graph.objects(node, p) if a in activity_file}
        if owners:
            return {activity_file[a] for a in owners}
        users = {a for p in (TH.place, TH.channel) for a in graph.subjects(p, node) if a in activity_file}
        if users:
            return {activity_file[a] for a in users}  # a place or channel is told in every file that uses it
        return {PLAN_FILE}

    files: dict[str, Graph] = {}
    for subject in sorted(set(graph.subjects()), key=str):
        if str(subject).startswith(REGISTRY) or subject in ontology_subjects:
            continue
        if str(subject).startswith(str(TH._NS)) or str(subject) == str(TH._NS).rstrip("#"):
            continue
        homes[subject] = home(subject)
        for name in homes[subject]:
            target = files.setdefault(name, Graph())
            for triple in graph.triples((subject, None, None)):
                target.add(triple)
    return files


def _namespace(graph: Graph) -> str | None:
    for plan in graph.subjects(RDF.type, TH.SafetyPlan):
        return str(plan).rsplit("/", 1)[0] + "/"
    return None


def _bound(files: dict[str, Graph], base: str | None) -> dict[str, bytes]:
    out = {}
    for name, part in files.items():
        graph = Graph(bind_namespaces="none")
        for prefix, namespace in BIND_PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        graph.bind("rdfs", "http://www.w3.org/2000/01/rdf-schema#", override=True, replace=True)
        graph.bind("xsd", "http://www.w3.org/2001/XMLSchema#", override=True, replace=True)
        if base:
            graph.bind("thd", base, override=True, replace=True)
        if any(str(t).startswith(REGISTRY) for triple in part for t in triple):
            graph.bind("actor", REGISTRY, override=True, replace=True)
        graph += part
        out[name] = serialize(graph, "ttl")
    return out


#: files besides Turtle that a plan's folder may hold (a draft's review list)
COMPANION_FILES = ("review.csv",)


def write_plan(graph: Graph, folder: Path, *, ontology: Graph | None = None,
               extra: dict[str, bytes] | None = None) -> list[Path]:
    """Write the one plan in ``graph`` as canonical Turtle files into ``folder``; the paths written.

    ``folder`` is created, or replaced if it holds a plan's Turtle files and nothing else
    (a folder with other files or sub-folders is refused, so nothing of an analyst's is
    lost). ``extra`` files (name -> bytes; a draft's ``review.csv``) go in with them. The new
    files are written beside it first and moved into place at the end.
    """
    folder = Path(folder)
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{folder}: folder {parent} does not exist; create it first or choose another -o folder")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; give a folder for the plan's Turtle files")
    if folder.is_dir():
        others = sorted(p.name for p in folder.iterdir()
                        if p.is_dir() or (p.suffix != ".ttl" and p.name not in COMPANION_FILES))
        if others:
            raise OutputError(
                f"{folder}: holds {', '.join(others[:3])}{' …' if len(others) > 3 else ''} besides Turtle files; "
                "choose an empty folder or a plan's folder for -o"
            )
    contents = {**_bound(plan_files(graph, ontology), _namespace(graph)), **(extra or {})}
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=parent))
    try:
        for name, data in sorted(contents.items()):
            (work / name).write_bytes(data)
        os.chmod(work, 0o777 & ~_umask())
        for path in work.iterdir():
            os.chmod(path, 0o666 & ~_umask())
        if folder.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=parent))
            os.rmdir(old)
            os.rename(folder, old)
            os.rename(work, folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(work, folder)
    except OSError as err:
        shutil.rmtree(work, ignore_errors=True)
        raise OutputError(f"{folder}: cannot write the plan's files: {err.strerror}; check the folder's permissions") from None
    return sorted(folder / name for name in contents)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
