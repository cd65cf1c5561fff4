"""The workspace: the plans loaded once, the engine that answers about them, and what was computed.

The CLI builds one :class:`Workspace` per command and hands it to the library; nothing
below it opens files again. Every question is asked about one plan (its dataset is the
ontology, the shared actor registry and that plan's graph), so plans never mix; answers
are remembered, so a report that shows the coverage, the actor load and two pictures asks
each query once.

>>> ws = Workspace.open()                        # the shipped plan, embedded Oxigraph
>>> plan = ws.plans[0]
>>> ws.year(plan)
2024
>>> len(ws.select("year-activities", plan))
16
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Hashable, Mapping, Sequence

from . import catalogue
from .errors import DataError, UsageError
from .mint import ONTOLOGY_GRAPH, REGISTRY_GRAPH
from .names import NameIndex

__all__ = ["Plan", "Row", "Workspace", "LANGUAGES", "year_span"]

LANGUAGES = ("da", "en")
#: answers repeat the same terms (labels, IRIs, years): each is turned into a Python value once
_python_value = lru_cache(maxsize=1 << 16)(catalogue.python_value)
_TH = "https://w3id.org/theory/ontology#"


def year_span(years: Sequence[int]) -> str:
    """``2021–2024`` for a run of years, ``2021, 2023`` otherwise."""
    years = sorted(years)
    if not years:
        return "(none)"
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


class Row(dict):
    """A result row: a variable the query left unbound reads as ``None``."""

    def __missing__(self, key):
        return None


@dataclass(frozen=True)
class Plan:
    """One loaded plan: its IRI, its graph, what it is called and which years it covers."""

    iri: str
    graph: str | None
    label: str
    partnership: str
    partnership_iri: str | None
    year: int | None
    years: tuple[int, ...]
    files: tuple[Path, ...] = ()

    @property
    def name(self) -> str:
        """The name shown in a ``plan`` column: the plan's label."""
        return self.label


@dataclass
class Workspace:
    """An engine, the plans it holds, the language of answers, and a memory of answers."""

    engine: Any
    plans: list[Plan]
    lang: str = "da"
    origin: str = "embedded"
    graphs: tuple[str, ...] = (ONTOLOGY_GRAPH, REGISTRY_GRAPH)
    _memo: dict = field(default_factory=dict, repr=False)

    # --- opening ------------------------------------------------------------------

    @classmethod
    def open(cls, data: Sequence[Path] | None = None, *, store: Path | None = None,
             endpoint: str | None = None, lang: str = "da", timeout: float = 30.0) -> "Workspace":
        """Load ``data`` (default: the shipped plan) into an in-memory Oxigraph store; or open
        the persistent ``store`` (loading ``data`` into it first when given); or talk to the
        SPARQL ``endpoint``."""
        if lang not in LANGUAGES:
            raise UsageError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
        given = [o for o, v in (("--data", data), ("--store", store), ("--endpoint", endpoint)) if v]
        if endpoint and len(given) > 1:
            raise UsageError(f"{' and '.join(given)} cannot be combined: --endpoint reads the server's plans")
        if endpoint:
            from .remote import Endpoint

            return cls.from_endpoint(Endpoint(endpoint, timeout=timeout), lang=lang, origin=endpoint)
        from .engine import OxigraphEngine
        from .sources import find_sources
        from .store import load_store, open_store

        if store is not None and not data:
            engine = OxigraphEngine(open_store(store, write=False))
            found = [(g, p, ()) for g, p in engine.plan_graphs() if g not in (ONTOLOGY_GRAPH, REGISTRY_GRAPH)]
            if not found:
                raise DataError(f"{store}: the store holds no plan; fill it with `theory load --store {store} --data PATH`")
            return cls._with_plans(engine, found, lang=lang, origin=str(store))
        target = open_store(store) if store is not None else None  # in use? before any parsing
        oxstore, loaded = load_store(find_sources(list(data) if data else None), target)
        engine = OxigraphEngine(oxstore)
        return cls._with_plans(engine, [(p.graph, p.iri, p.files) for p in loaded], lang=lang,
                               origin=str(store) if store is not None else "embedded")

    @classmethod
    def from_endpoint(cls, endpoint, *, lang: str = "da", origin: str = "endpoint") -> "Workspace":
        """The plans of a SPARQL endpoint: in named graphs, or in its default graph."""
        return cls.from_engine(endpoint, lang=lang, origin=origin,
                               hint="the server holds no th:SafetyPlan; publish a plan with `theory push`")

    @classmethod
    def from_engine(cls, engine, *, lang: str = "da", origin: str = "engine",
                    hint: str = "holds no th:SafetyPlan") -> "Workspace":
        """The plans ``engine`` holds (any :class:`theory.engine.Engine`: a store, rdflib, a
        server): those in named graphs, or else those in its default graph; ``hint`` ends the
        message when there is none."""
        found = [(g, p, ()) for g, p in engine.plan_graphs() if g not in (ONTOLOGY_GRAPH, REGISTRY_GRAPH)]
        if not found:
            raise DataError(f"{origin}: {hint}")
        in_default = sorted(p for g, p, _ in found if g is None)
        if len(in_default) > 1:  # one dataset for several plans: every answer would mix them
            listed = ", ".join(f"<{p}>" for p in in_default[:5]) + (" …" if len(in_default) > 5 else "")
            raise DataError(f"{origin}: its default graph holds {len(in_default)} plans ({listed}), whose triples "
                            "cannot be told apart; keep each plan in its own named graph (`theory push` does)")
        return cls._with_plans(engine, found, lang=lang, origin=origin)

    @classmethod
    def _with_plans(cls, engine, found, *, lang: str, origin: str) -> "Workspace":
        ws = cls(engine, [], lang=lang, origin=origin)
        ws.plans = sorted((ws._describe(graph, iri, tuple(files)) for graph, iri, files in found),
                          key=lambda p: (p.partnership.casefold(), p.year or 0, p.iri))
        return ws

    def _describe(self, graph: str | None, iri: str, files: tuple[Path, ...]) -> Plan:
        probe = Plan(iri, graph, iri, "", None, None, (), files)
        rows = self.select("plan", probe, {"plan_iri": iri}, audience="views")
        row = rows[0] if rows else {}
        year = row.get("year")
        start, end = row.get("period_start"), row.get("period_end")
        if start and end and start <= end:
            years = tuple(range(start, end + 1))
        else:
            years = tuple(sorted({r["year"] for r in self.select("plan-figure-years", probe, audience="views")}
                                 | ({year} if year else set())))
        return Plan(iri, graph, row.get("label") or iri, row.get("partnership") or "",
                    row.get("partnership_iri"), year, years, files)

    # --- datasets and questions -----------------------------------------------------

    def dataset(self, plan: Plan) -> list[str] | None:
        """The graphs whose union answers questions about ``plan`` (None: the server's default graph)."""
        if plan.graph is None:
            return None
        return [*self.graphs, plan.graph]

    def memo(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """``build()`` once per ``key``; later calls give the remembered answer."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def bindings(self, info: catalogue.QueryInfo, plan: Plan, given: Mapping[str, Any]) -> dict:
        """``given`` as typed RDF terms for ``info``'s parameters; defaults filled in."""
        from .namespaces import BIND_PREFIXES

        declared = {p.name: p for p in info.params}
        unknown = sorted(set(given) - set(declared))
        if unknown and (declared or info.summary):
            takes = ", ".join(p.describe() for p in info.params) or "no parameters"
            raise UsageError(f"{info.where}: unknown parameter {unknown[0]!r}; it takes {takes}")
        terms = {}
        for name in sorted(given):
            param = declared.get(name) or catalogue.Param(name, "string")
            terms[name] = catalogue.term_for(
                param, given[name], where=info.where, plan_year=lambda: self.year(plan),
                resolve=lambda kind, text, option: self.resolve(plan, kind, text, option),
                prefixes=BIND_PREFIXES)
        for param in info.params:
            if param.name in terms:
                continue
            if param.default is None:
                raise UsageError(f"{info.where}: missing parameter {param.name}; "
                                 f"give it with --param {param.name}=VALUE")
            default = self.lang if param.name == "lang" else param.default
            terms[param.name] = catalogue.term_for(
                param, default, where=info.where, plan_year=lambda: self.year(plan),
                resolve=lambda kind, text, option: self.resolve(plan, kind, text, option),
                prefixes=BIND_PREFIXES)
        return terms

    def terms(self, info: catalogue.QueryInfo, plan: Plan, params: Mapping[str, Any] | None = None, *,
              convert=None, row=dict):
        """Run ``info`` about ``plan``: SELECT rows of terms (or of ``convert(term)``, as
        ``row`` objects), an ASK boolean or CONSTRUCT triples."""
        bindings = self.bindings(info, plan, dict(params or {}))
        graphs = self.dataset(plan)
        form = info.form
        if form == "ASK":
            return self.engine.ask(info.text, default_graphs=graphs, bindings=bindings)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return self.engine.construct(info.text, default_graphs=graphs, bindings=bindings)
        if convert is None and row is dict:
            return self.engine.select(info.text, default_graphs=graphs, bindings=bindings)
        return self.engine.select(info.text, default_graphs=graphs, bindings=bindings, convert=convert, row=row)

    def select(self, name: str, plan: Plan, params: Mapping[str, Any] | None = None, *,
               audience: str = "questions") -> list[dict[str, Any]]:
        """A named SELECT query about ``plan``; rows of plain Python values (remembered)."""
        params = dict(params or {})
        key = ("select", audience, name, plan.iri, tuple(sorted((k, str(v)) for k, v in params.items())))

        def run():
            info = catalogue.get(name, audience)
            return self.terms(info, plan, params, convert=_python_value, row=Row)

        return self.memo(key, run)

    # --- plans, years and names -------------------------------------------------------

    def plan_names(self) -> NameIndex:
        """Every plan by its label, its partnership's name, its IRI and its graph."""
        return NameIndex("plan", {
            p.iri: (p.label, [p.partnership, f"{p.partnership} {p.year}", str(p.year or ""), p.graph or ""])
            for p in self.plans
        })

    def scope(self, plan: str | None = None) -> list[Plan]:
        """The plans a command answers about: the one ``--plan`` names, or every loaded plan."""
        if plan is None:
            return list(self.plans)
        if not self.plans:
            raise UsageError("no plan is loaded")
        try:
            iri = self.plan_names().resolve(plan, "--plan")
        except UsageError as err:
            listed = "; ".join(f"{p.label} <{p.iri}>" for p in self.plans[:10])
            raise UsageError(f"{err.message} (loaded plans: {listed})") from None
        return [p for p in self.plans if p.iri == iri]

    def only_plan(self, plan: str | None, what: str) -> Plan:
        """The one plan a command that works on a single plan uses (``--plan`` when several)."""
        chosen = self.scope(plan)
        if len(chosen) != 1:
            listed = "; ".join(p.label for p in chosen[:10])
            raise UsageError(f"{what} works on one plan and {len(chosen)} are loaded ({listed}); "
                             "choose one with --plan NAME")
        return chosen[0]

    def year(self, plan: Plan, year: int | None = None) -> int:
        """``year`` itself when the plan covers it, or the plan's own year when it is None.

        Raises :class:`UsageError` (exit 2) for a year outside the plan's years.
        """
        if year is None:
            if plan.year is not None:
                return plan.year
            if plan.years:
                return plan.years[-1]
            raise DataError(f"<{plan.iri}> has no th:planYear and no figure with a year; give --year")
        year = int(year)
        if plan.years and year not in plan.years:
            raise UsageError(f"{year} is outside the plan's years {year_span(plan.years)}")
        return year

    def plans_for_year(self, plans: Sequence[Plan], year: int | None) -> list[tuple[Plan, int]]:
        """(plan, year) for every plan of ``plans`` that covers ``year`` (its own year when None).

        With one plan, a year it does not cover is an error; with several, the plans that
        do not cover it are left out, and it is an error only when none does.
        """
        if year is None or len(plans) == 1:
            return [(p, self.year(p, year)) for p in plans]
        covered = [(p, int(year)) for p in plans if not p.years or int(year) in p.years]
        if not covered:
            spans = "; ".join(f"{p.label} {year_span(p.years)}" for p in plans[:5])
            raise UsageError(f"{year} is outside every loaded plan's years ({spans})")
        return covered

    def names(self, plan: Plan, kind: str) -> NameIndex:
        """The names of every actor, activity or focus area of ``plan`` (and the registry)."""
        def build():
            entries: dict[str, tuple[str, list[str]]] = {}
            label: dict[str, dict[str, str]] = {}
            for row in self.select("names", plan, audience="views"):
                if row["kind"] != kind:
                    continue
                names = entries.setdefault(row["node"], ("", []))[1]
                names.append(str(row["name"]))
                if row.get("lang"):
                    label.setdefault(row["node"], {}).setdefault(row["lang"], str(row["name"]))
            return NameIndex(kind.replace("-", " "), {
                iri: (label.get(iri, {}).get(self.lang) or label.get(iri, {}).get("da") or iri, sorted(set(names)))
                for iri, (_, names) in entries.items()
            })

        return self.memo(("names", plan.iri, kind), build)

    def resolve(self, plan: Plan, kind: str, text: str, option: str) -> str:
        """The IRI of the actor, activity or focus area ``text`` names (see :mod:`theory.names`);
        ``thd:…``, ``actor:…`` and other prefixed names are IRIs too."""
        return self.names(plan, kind).resolve(self.expand(plan, text), option)

    def expand(self, plan: Plan, text: str) -> str:
        """``prefix:local`` as a full IRI where ``prefix`` is one of ours (``thd``: the plan's
        namespace); anything else as given."""
        from .namespaces import BIND_PREFIXES

        prefix, sep, local = str(text).strip().partition(":")
        namespaces = {**BIND_PREFIXES, "thd": plan.iri.rsplit("/", 1)[0] + "/"}
        if sep and prefix in namespaces and not local.startswith("//"):
            return namespaces[prefix] + local
        return text

    # --- whole graphs -----------------------------------------------------------------

    def plan_graph(self, plan: Plan, *, with_ontology: bool = True):
        """``plan`` with the registry (and the ontology) as one in-memory rdflib Graph."""
        from rdflib import Graph

        from .engine import to_rdflib
        from .namespaces import BIND_PREFIXES

        def build():
            graph = Graph()
            for prefix, iri in BIND_PREFIXES.items():
                graph.bind(prefix, iri, override=True, replace=True)
            graph.bind("thd", plan.iri.rsplit("/", 1)[0] + "/", override=True, replace=True)
            graphs = self.dataset(plan)
            if graphs is not None and not with_ontology:
                graphs = [g for g in graphs if g != ONTOLOGY_GRAPH]
            for triple in self.engine.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", default_graphs=graphs):
                graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
            return graph

        key = ("plan-graph", plan.iri, with_ontology)
        for other in [k for k in self._memo if k[0] == "plan-graph" and k[1] != plan.iri]:
            del self._memo[other]  # one plan's graphs at a time: validating 150 plans kept 2 GB
        return self.memo(key, build)
