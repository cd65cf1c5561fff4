"""How well does the importer read the shipped plan? Field by field against the curated graph.

Imports the plan's text (``tests/data/sources/tingbjerg-husum-tryghedsplan-2024.txt``, page numbers and
hyphenation left in) with :func:`theory.importer.read_plan` and compares the draft with the
hand-curated graph in ``graph/`` (what weeks of curation produced). Each field kind is a
set (or multiset) of comparable facts; precision is the share of the draft's facts that
the curated graph has, recall the share of the curated facts the draft has.

Actors are compared by their IRI's last segment (``thd:actor-x`` and ``actor:x`` are both
``x``). A new actor of the draft whose segment no curated actor has is matched by name
instead: where one of its labels (the name as printed, and the other spellings the draft
gives as ``skos:altLabel``) is the label or an alias of exactly one curated actor (compared
folded, without a leading article), it counts as that actor. The plan spells some names
several ways and the curator chose one of them for the IRI ("Helhedsplanen for
Tingbjerg/Utterslevhuse", alias "den boligsociale helhedsplan for Tingbjerg/Utterslevhuse");
the importer mints from the first spelling it reads. "leads" are (activity number, actor)
with role lead or co-lead; "partners" the pairs with any other role, minus the activity's
leads.

Two runs: with the shared registry only (a partnership's first import), and with the
shared registry and the actors of the shipped plan known (as when next year's plan of the
same partnership is imported with last year's ``actors.ttl``). Each prints its table, the
actors matched by name and the leads and partners by IRI alone.

    python benchmarks/import_accuracy.py [--source PLAN.txt]
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "data" / "sources" / "tingbjerg-husum-tryghedsplan-2024.txt"

PREFIXES = """
PREFIX th: <https://w3id.org/theory/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
"""


def _slug(iri) -> str:
    local = str(iri).rstrip("/").rsplit("/", 1)[-1]
    return local[len("actor-"):] if local.startswith("actor-") else local


def _name_key(name: str) -> str:
    from theory.importer.actors import fold

    key = " ".join(fold(str(name)).split())
    return re.sub(r"^(?:den|det|de)\s+", "", key)


def _actor_names(graph: Graph) -> dict:
    """Every actor that has a role in ``graph`` -> the keys of its labels and aliases."""
    rows = _rows(graph, "SELECT ?actor ?name WHERE { ?r th:actor ?actor . "
                        "{ ?actor rdfs:label ?name } UNION { ?actor <http://www.w3.org/2004/02/skos/core#altLabel> ?name } }")
    out: dict = {}
    for r in rows:
        out.setdefault(r.actor, set()).add(_name_key(r.name))
    return out


def by_name(curated_graph: Graph, draft_graph: Graph):
    """The actor key of the draft's actors: the IRI's last segment, or the curated actor a
    new actor's label or alias names (see the module's doc)."""
    curated = _actor_names(curated_graph)
    slugs = {_slug(iri) for iri in curated}
    named: dict[str, set[str]] = {}
    for iri, names in curated.items():
        for name in names:
            named.setdefault(name, set()).add(_slug(iri))
    draft = _actor_names(draft_graph)

    def key(iri) -> str:
        own = _slug(iri)
        if own in slugs or "/actors/" in str(iri):
            return own
        found = {s for name in draft.get(iri, ()) for s in named.get(name, ())}
        return found.pop() if len(found) == 1 else own

    return key


def _rows(graph: Graph, query: str):
    return list(graph.query(PREFIXES + query))


def _dec(value) -> Decimal:
    return Decimal(str(value)).normalize()


def facts(graph: Graph, actor=_slug) -> dict[str, Counter]:
    """The comparable facts of one plan graph, by field kind; ``actor`` gives an actor's key."""
    key = {}
    for r in _rows(graph, "SELECT ?a ?n ?l WHERE { ?a a th:Activity ; rdfs:label ?l . FILTER(lang(?l)='da') "
                          "OPTIONAL { ?a th:activityNumber ?n } }"):
        key[r.a] = int(r.n) if r.n is not None else str(r.l)
    out: dict[str, Counter] = {}
    out["activity numbers"] = Counter({k for k in key.values() if isinstance(k, int)})
    out["activity names"] = Counter(
        (int(r.n) if r.n is not None else "-", str(r.l))
        for r in _rows(graph, "SELECT ?n ?l WHERE { ?a a th:Activity ; rdfs:label ?l . FILTER(lang(?l)='da') "
                              "OPTIONAL { ?a th:activityNumber ?n } }"))
    amounts = _rows(graph, "SELECT ?a ?y ?t ?line ?v WHERE { ?m a th:BudgetAmount ; th:forActivity ?a ; th:year ?y ; "
                           "th:table ?t ; th:budgetLine ?line ; schema:value ?v }")
    out["overview amounts"] = Counter((key.get(r.a), str(r.y), _dec(r.v)) for r in amounts
                                      if str(r.t).endswith("OverviewTable"))
    out["activity-table amounts"] = Counter((key.get(r.a), str(r.y), str(r.line).rsplit("#", 1)[-1], _dec(r.v))
                                            for r in amounts if str(r.t).endswith("ActivityTable"))
    out["stated sums"] = Counter((str(r.y), _dec(r.v)) for r in _rows(
        graph, "SELECT ?s ?y ?v WHERE { ?s a th:StatedSum ; th:year ?y ; schema:value ?v }"))
    out["earmarks, co-financing"] = Counter((key.get(r.a), str(r.y), _dec(r.v)) for r in _rows(
        graph, "SELECT ?a ?y ?v WHERE { { ?s a th:Earmark } UNION { ?s a th:CoFinancing } "
               "?s th:forActivity ?a ; th:year ?y ; schema:value ?v }"))
    out["year statuses"] = Counter((key.get(r.a), str(r.y), str(r.st).rsplit("#", 1)[-1]) for r in _rows(
        graph, "SELECT ?a ?y ?st WHERE { ?a th:yearStatus ?s . ?s th:year ?y ; th:status ?st }"))
    out["focus-area supports"] = Counter((key.get(r.a), str(r.l)) for r in _rows(
        graph, "SELECT ?a ?l WHERE { ?a th:supports ?f . ?f rdfs:label ?l FILTER(lang(?l)='da') }"))
    roles = _rows(graph, "SELECT ?a ?actor ?role ?status WHERE { ?a th:responsibility ?r . "
                         "?r th:actor ?actor ; th:role ?role OPTIONAL { ?r th:roleStatus ?status } }")
    leads = {(key.get(r.a), actor(r.actor)) for r in roles if str(r.role).rsplit("#", 1)[-1] in ("Lead", "CoLead")}
    out["leads"] = Counter(leads)
    out["partners"] = Counter({(key.get(r.a), actor(r.actor)) for r in roles} - leads)
    out["prospective roles"] = Counter({(key.get(r.a), actor(r.actor), str(r.role).rsplit("#", 1)[-1])
                                        for r in roles if str(r.status).endswith("Prospective")})
    out["target ages"] = Counter((key.get(r.a), int(r.lo), int(r.hi)) for r in _rows(
        graph, "SELECT ?a ?lo ?hi WHERE { ?a th:targetGroup ?t . ?t th:minAge ?lo ; th:maxAge ?hi }"))
    out["deliverable targets"] = Counter(
        (key.get(r.a), _dec(r.lo) if r.lo is not None else None, _dec(r.hi) if r.hi is not None else None)
        for r in _rows(graph, "SELECT ?a ?d ?lo ?hi WHERE { ?a th:deliverable ?d . "
                              "OPTIONAL { ?d th:targetMin ?lo } OPTIONAL { ?d th:targetMax ?hi } "
                              "FILTER(BOUND(?lo) || BOUND(?hi)) }"))
    return out


def compare(curated: dict[str, Counter], draft: dict[str, Counter]) -> list[dict]:
    rows = []
    for field, want in curated.items():
        got = draft.get(field, Counter())
        hit = sum((want & got).values())
        rows.append({
            "field": field,
            "curated": sum(want.values()),
            "draft": sum(got.values()),
            "matched": hit,
            "precision": hit / sum(got.values()) if got else 1.0,
            "recall": hit / sum(want.values()) if want else 1.0,
        })
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| field | curated | draft | matched | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['field']} | {r['curated']} | {r['draft']} | {r['matched']} | "
                     f"{r['precision']:.1%} | {r['recall']:.1%} |")
    return "\n".join(lines)


def misprints(curated_graph: Graph, review: list[dict]) -> tuple[int, int]:
    """How many of the curated figures printed like "188.00" the review list names."""
    printed = {str(r.p) for r in _rows(curated_graph, "SELECT ?p WHERE { ?m a th:BudgetAmount ; th:printedAs ?p }")
               if re.fullmatch(r"\d{1,3}\.\d{2}", str(r.p))}
    named = {p for p in printed if any(f"“{p}”" in row["why"] for row in review)}
    return len(named), len(printed)


def goals(rows: list[dict], found: tuple[int, int]) -> list[str]:
    by = {r["field"]: r for r in rows}
    checks = [
        ("every activity name right", by["activity names"]["precision"] == by["activity names"]["recall"] == 1),
        ("every activity number right", by["activity numbers"]["precision"] == by["activity numbers"]["recall"] == 1),
        ("every overview amount right", by["overview amounts"]["precision"] == by["overview amounts"]["recall"] == 1),
        ("activity-table amounts >= 98 %", min(by["activity-table amounts"]["precision"],
                                               by["activity-table amounts"]["recall"]) >= 0.98),
    ]
    for field in ("leads", "partners", "focus-area supports"):
        checks.append((f"{field} >= 90 % precision and recall", min(by[field]["precision"], by[field]["recall"]) >= 0.9))
    checks.append(("every misprint on the review list", found[0] == found[1]))
    return [f"- [{'x' if ok else ' '}] {name}" for name, ok in checks]


def main() -> None:
    from theory.importer import read_plan
    from theory.importer.reader import known_actors
    from theory.sources import shipped_data_path, shipped_registry_path
    from theory.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the plan's text (default: the shipped plan's)")
    args = parser.parse_args()

    ws = Workspace.open()
    curated_graph = ws.plan_graph(ws.plans[0])
    curated = facts(curated_graph)
    plan_actors = sorted((shipped_data_path() / "tingbjerg-husum-2024").glob("actors*.ttl"))
    runs = [
        ("registry only (a partnership's first import)", known_actors([shipped_registry_path()])),
        ("registry and last year's actors.ttl (the shipped plan's own actors known)",
         known_actors([shipped_registry_path()] + plan_actors)),
    ]
    for title, actors in runs:
        start = time.perf_counter()
        draft = read_plan(args.source, actors=actors, lang="en")  # the review list in English, as printed here
        seconds = time.perf_counter() - start
        key = by_name(curated_graph, draft.graph)
        rows = compare(curated, facts(draft.graph, key))
        found = misprints(curated_graph, draft.review_rows())
        print(f"## {title}\n")
        print(f"{args.source.name}: {len(draft.graph)} triples, {len(draft.review)} review rows, "
              f"read in {seconds:.2f} s\n")
        print(table(rows))
        print(f"\nmisprints on the review list: {found[0]} of {found[1]}\n")
        named = sorted({(_slug(iri), key(iri)) for iri in _actor_names(draft.graph) if key(iri) != _slug(iri)})
        if named:
            by_iri = {r["field"]: r for r in compare(curated, facts(draft.graph))}
            print("matched by label or alias, not by IRI: " + "; ".join(f"{a} as {b}" for a, b in named))
            print("by IRI alone: " + "; ".join(f"{f} {by_iri[f]['precision']:.1%} / {by_iri[f]['recall']:.1%}"
                                               for f in ("leads", "partners")) + "\n")
        print("\n".join(goals(rows, found)) + "\n")

if __name__ == "__main__":
    main()
