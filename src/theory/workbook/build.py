"""The workbook's rows as one plan's graph, each node remembering the row it came from.

Every row becomes one node. Its IRI is the row's ID where it has one (so renaming a thing
in Excel keeps its IRI), else it is minted by :class:`theory.mint.Minter` from names and
numbers, as the curation rules say, so re-importing the same workbook gives the same IRIs.
References (an activity's name, an actor's name …) are resolved through the sheets where
those things stand (:mod:`.names`). What a sheet implies without a column (every activity
is in the plan, every amount is in DKK, a focus-area support also makes ``th:supports``)
is added here.

Problems (an unknown name, a year outside the plan's period, two rows that would be one
node) are collected with the reading problems and raised together, in the problems' language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from ..i18n import NC_
from ..mint import REGISTRY, Minter
from ..namespaces import BIND_PREFIXES, ORG, SCHEMA, SKOS, TH
from .cells import decimal_literal
from .ids import FALLBACK_BASE, IdCodec, base_of_partnership
from .minting import ITEM_KINDS, RowIris
from .names import AMBIGUOUS, TARGET_SHEETS, UNKNOWN, NameIndex
from .problems import Problems, place
from .read import Row, SheetRows, WorkbookRows
from .schema import SHEETS_BY_KEY, Column

__all__ = ["Origin", "ImportedPlan", "build_plan"]

#: sheets whose rows' IRIs depend only on the row itself, in the order they are named
INDEPENDENT = ("plan", "sections", "focus_areas", "activities", "actors", "places")
DEPENDENT = ("results", "status", "support", *ITEM_KINDS, "roles", "budget", "sums", "money")
_CURRENCY = Literal("DKK")


@dataclass(frozen=True)
class Origin:
    """Where a node came from: the sheet (as the workbook names it), the row, the sheet's key."""

    sheet: str
    row: int
    sheet_key: str


@dataclass
class ImportedPlan:
    """One plan built from a workbook.

    ``graph``: the plan's own triples (what its folder's files hold); ``registry``: the rows
    of actors in the shared register (not part of the plan; written nowhere by the import);
    ``origins``: every node built -> the row it came from; ``headers``: sheet key -> column
    key -> the header as the workbook writes it.
    """

    graph: Graph
    registry: Graph
    origins: dict[URIRef, Origin]
    base: str
    plan: URIRef | None
    source: str
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    #: the language the workbook was written in
    lang: str = "da"

    def column_of(self, sheet_key: str, prop: URIRef) -> str | None:
        """The header of the column in ``sheet_key`` that writes ``prop``, if one does."""
        for column in SHEETS_BY_KEY[sheet_key].columns:
            if column.prop == prop:
                return self.headers.get(sheet_key, {}).get(column.key) or column.header(self.lang)
        return None


class _Builder(RowIris):
    def __init__(self, workbook: WorkbookRows, problems: Problems, registry: Graph | None):
        self.wb, self.problems, self.registry_graph = workbook, problems, registry
        self.t = problems.t
        self.sheets: dict[str, SheetRows] = workbook.sheets
        self.iri: dict[tuple[str, int], URIRef] = {}
        self.origins: dict[URIRef, Origin] = {}
        self.resolved: dict[tuple[str, int, str], list[URIRef]] = {}
        self.graph = Graph()
        self.period: tuple[int, int] | None = None
        self.base = self._base()
        self.codec, self.minter = IdCodec(self.base), Minter(self.base)
        self.index: dict[str, NameIndex] = {}

    # where problems are told
    def _sheet_name(self, key: str) -> str:
        return self.sheets[key].name if key in self.sheets else SHEETS_BY_KEY[key].name(self.wb.lang)

    def problem(self, sheet: SheetRows, row: Row | None, text: str, column: str | None = None) -> None:
        header = sheet.header(column) if column else None
        self.problems.add(text, sheet=sheet.name, row=row.number if row else None, column=header)

    def rows(self, key: str):
        sheet = self.sheets.get(key)
        return [(sheet, row) for row in sheet.rows] if sheet else []

    # the plan's namespace
    def _base(self) -> str:
        for _, row in self.rows("plan"):
            if row.values.get("kind") != TH.Partnership:
                continue
            text = row.values.get("id")
            if text and str(text).startswith(("http://", "https://")):
                found = base_of_partnership(str(text))
                if found:
                    return found
            if row.values.get("name"):
                return Minter.for_partnership(str(row.values["name"])).base
        return FALLBACK_BASE

    # IRIs
    def claim(self, sheet: SheetRows, row: Row, iri: URIRef, minted: bool, what: str = "") -> bool:
        other = self.origins.get(iri)
        if other is not None:
            if minted:
                text = self.t("this row is the same {what} as sheet {sheet}, row {row}; change or delete one of them",
                              what=what, sheet=other.sheet, row=other.row)
            else:
                text = self.t("the ID '{id}' is also the ID of sheet {sheet}, row {row}; give each row its own ID "
                              "(empty the ID of a copied row)", id=row.values.get("id") or row.values.get("section"),
                              sheet=other.sheet, row=other.row)
            self.problem(sheet, row, text)
            return False
        self.origins[iri] = Origin(sheet.name, row.number, sheet.sheet.key)
        self.iri[(sheet.sheet.key, row.number)] = iri
        return True

    def assign(self, key: str, mint) -> None:
        """Give every row of sheet ``key`` its IRI: the ID where given, else ``mint(sheet, row)``."""
        id_key = "section" if key == "sections" else "id"
        pending = []
        for sheet, row in self.rows(key):
            text = row.values.get(id_key)
            if not text:
                if id_key not in row.bad:
                    pending.append((sheet, row))
                continue
            iri = self.codec.from_cell(text, section=key == "sections")
            if iri is None:
                self.problem(sheet, row, self.t("'{id}' is not an ID; keep the ID as exported, or empty it on a new "
                                                "row", id=text), column=id_key)
                continue
            self.claim(sheet, row, iri, minted=False)
        for sheet, row in pending:
            minted = mint(sheet, row)
            if minted is not None:
                iri, what = minted
                self.claim(sheet, row, URIRef(iri), minted=True, what=what)

    def node(self, key: str, row: Row) -> URIRef | None:
        return self.iri.get((key, row.number))

    def ref(self, sheet: SheetRows, row: Row, column_key: str) -> list[URIRef]:
        """The things a reference cell names (reported once when unknown)."""
        cache_key = (sheet.sheet.key, row.number, column_key)
        if cache_key in self.resolved:
            return self.resolved[cache_key]
        column = sheet.sheet.column(column_key)
        value = row.values.get(column_key)
        texts = value if isinstance(value, list) else [value] if value else []
        found = []
        for text in texts:
            iri, why = self.index[column.target].resolve(str(text))
            if iri is not None:
                found.append(iri)
                continue
            where = self._sheet_name(TARGET_SHEETS[column.target])
            message = AMBIGUOUS[column.target] if why == "ambiguous" else UNKNOWN[column.target]
            self.problem(sheet, row, self.t(message, name=text, sheet=where, plan=self._sheet_name("plan")),
                         column=column_key)
            row.bad.add(column_key)
        self.resolved[cache_key] = found
        return found

    def one(self, sheet, row, column_key) -> URIRef | None:
        found = self.ref(sheet, row, column_key)
        return found[0] if found else None

    # name indices
    def unique(self, index: NameIndex, sheet, row, iri, names, what: str, column: str = "name") -> None:
        """A problem for each of ``names`` another thing has; ``what``: the kind of name, marked
        for the catalogue in the context ``name``."""
        t = self.t
        for name in names:
            if not name:
                continue
            others = index.exact.get(str(name), set()) - {iri}
            if others:
                other = self.origins.get(next(iter(others)))
                where = place(other.sheet, other.row, lang=self.problems.lang) if other else \
                    t("the shared actor register")
                self.problem(sheet, row, t("{what} '{name}' is also in {where}; names must be unique, since other "
                                           "sheets refer to them by name", what=t.context("name", what), name=name,
                                           where=where), column=column)

    def build_indices(self) -> None:
        for target in ("activity", "actor", "focus_area", "impact", "place", "channel"):
            self.index[target] = NameIndex(self.codec)
        self.index["section"] = NameIndex(self.codec, section=True)
        for sheet, row in self.rows("sections"):
            if (iri := self.node("sections", row)) is not None:
                self.index["section"].add(iri)
        for sheet, row in self.rows("activities"):
            if (iri := self.node("activities", row)) is None:
                continue
            v = row.values
            number = str(v["number"]) if v.get("number") is not None else None
            self.unique(self.index["activity"], sheet, row, iri, [v.get("name")], NC_("name", "the activity name"))
            if number:
                self.unique(self.index["activity"], sheet, row, iri, [number], NC_("name", "the activity number"),
                            "number")
            self.index["activity"].add(iri, [v.get("name"), number], [v.get("name_en"), *(v.get("former_names") or [])])
        for sheet, row in self.rows("focus_areas"):
            if (iri := self.node("focus_areas", row)) is not None:
                self.unique(self.index["focus_area"], sheet, row, iri, [row.values.get("name")],
                            NC_("name", "the focus area"))
                self.index["focus_area"].add(iri, [row.values.get("name")], [row.values.get("name_en")])
        for sheet, row in self.rows("plan"):
            iri, kind = self.node("plan", row), row.values.get("kind")
            if iri is None:
                continue
            if kind in (TH.Partnership, TH.PartnershipBody):
                self.index["actor"].add(iri, [row.values.get("name")], [row.values.get("name_en")])
            if kind == TH.Impact:
                self.index["impact"].add(iri, [row.values.get("name")], [row.values.get("name_en")])
        for sheet, row in self.rows("actors"):
            if (iri := self.node("actors", row)) is not None:
                self.unique(self.index["actor"], sheet, row, iri, [row.values.get("name")],
                            NC_("name", "the actor name"))
                self.index["actor"].add(iri, [row.values.get("name")], [row.values.get("name_en"),
                                                                        *(row.values.get("aliases") or [])])
                self.check_shared(sheet, row, iri)
        if self.registry_graph is not None:
            for actor in set(self.registry_graph.subjects(RDFS.label, None)):
                if isinstance(actor, URIRef) and str(actor).startswith(REGISTRY) and actor not in self.index["actor"].iris:
                    labels = [str(x) for x in self.registry_graph.objects(actor, RDFS.label)]
                    aliases = [str(x) for x in self.registry_graph.objects(actor, SKOS.altLabel)]
                    self.index["actor"].add(actor, labels, aliases)
        for sheet, row in self.rows("places"):
            if (iri := self.node("places", row)) is None:
                continue
            target = "channel" if row.values.get("place_kind") == TH.CommunicationChannel else "place"
            what = NC_("name", "the channel name") if target == "channel" else NC_("name", "the place name")
            self.unique(self.index[target], sheet, row, iri, [row.values.get("name")], what)
            self.index[target].add(iri, [row.values.get("name")], row.values.get("aliases") or [])

    def check_shared(self, sheet, row, iri: URIRef) -> None:
        """An actor of the shared register must be in it: the import writes only the plan."""
        if self.registry_graph is None or not str(iri).startswith(REGISTRY):
            return
        if (iri, None, None) not in self.registry_graph:
            self.problem(sheet, row, self.t("'{name}' belongs to the shared actor register ({id}), which does not have "
                                            "it; add it to the register first, or write {no} to keep the actor in the "
                                            "plan", name=row.values.get("name"), id=self.codec.to_cell(iri),
                                            no=self.t("no")), column="shared")

    # the plan's period and its years
    def find_period(self) -> None:
        spans = {}
        for _, row in self.rows("plan"):
            v = row.values
            if v.get("period_start") and v.get("period_end"):
                spans.setdefault(v.get("kind"), (v["period_start"], v["period_end"]))
            elif v.get("kind") == TH.SafetyPlan and v.get("plan_year"):
                spans.setdefault(TH.SafetyPlan, (v["plan_year"], v["plan_year"]))
        self.period = spans.get(TH.SafetyPlan) or spans.get(TH.PartnershipAgreement)

    def check_year(self, sheet, row, column: Column) -> bool:
        year = row.values.get(column.key)
        if self.period is None or year is None or column.kind != "year":
            return True
        start, end = self.period
        if start <= year <= end:
            return True
        self.problem(sheet, row, self.t("{year} is outside the plan's period {start}-{end}; choose one of the plan's "
                                        "years (the drop-down lists them), or change the period in sheet {sheet}",
                                        year=year, start=start, end=end, sheet=self._sheet_name("plan")),
                     column=column.key)
        return False

    # triples
    def objects(self, sheet, row, column: Column) -> list:
        value = row.values.get(column.key)
        if value is None or value == [] or column.key in row.bad:
            return []
        kind = column.kind
        if kind in ("ref", "refs"):
            return self.ref(sheet, row, column.key)
        if kind == "choice":
            return [value]
        if kind == "text":
            return [Literal(value, lang=column.lang)]
        if kind in ("lines", "quote"):
            return [Literal(v, lang=column.lang) for v in value]
        if kind == "int":
            return [Literal(int(value))]
        if kind in ("year", "plan_year"):
            return [Literal(f"{int(value):04d}", datatype=XSD.gYear)] if self.check_year(sheet, row, column) else []
        if kind == "month":
            return [Literal(value, datatype=XSD.gYearMonth)]
        if kind in ("decimal", "amount"):
            return [decimal_literal(self.as_printed(row, value))]
        return []

    @staticmethod
    def as_printed(row, value):
        """A figure's value in the form the plan prints it, where the row says (Printed as:
        ``188.00``) and that form is the same number; a store keeps only the number."""
        printed = row.values.get("printed_as")
        if isinstance(printed, str) and not isinstance(value, str):
            from decimal import Decimal, InvalidOperation

            try:
                if Decimal(printed.strip()) == Decimal(value):
                    return printed.strip()
            except InvalidOperation:
                pass
        return value

    def emit_row(self, sheet: SheetRows, row: Row, node: URIRef) -> None:
        add, spec = self.graph.add, sheet.sheet
        type_columns = [c for c in spec.columns if c.kind == "type"]
        if type_columns:
            kind = row.values.get(type_columns[0].key)
            if kind is not None:
                add((node, RDF.type, kind))
        else:
            add((node, RDF.type, spec.types[0]))
        if spec.key == "focus_areas" and row.values.get("cross_cutting"):
            add((node, RDF.type, TH.CrossCuttingEffort))
        for column in spec.columns:
            if column.prop is None:
                continue
            for obj in self.objects(sheet, row, column):
                add((obj, column.prop, node) if column.inverse else (node, column.prop, obj))

    def emit(self) -> None:
        plan_nodes: dict[URIRef, list[URIRef]] = {}
        for key in (*INDEPENDENT, *DEPENDENT):
            for sheet, row in self.rows(key):
                node = self.node(key, row)
                if node is None:
                    continue
                self.emit_row(sheet, row, node)
                if key == "plan" and row.values.get("kind") is not None:
                    plan_nodes.setdefault(row.values["kind"], []).append(node)
        self.emit_structure(plan_nodes)

    def single(self, plan_nodes, kind) -> URIRef | None:
        nodes = plan_nodes.get(kind, [])
        if len(nodes) > 1:
            sheet = self.sheets["plan"]
            second = self.origins[nodes[1]]
            self.problems.add(self.t("a workbook holds one plan: only one row may be of this kind; delete one"),
                              sheet=sheet.name, row=second.row, column=sheet.header("kind"))
        return nodes[0] if nodes else None

    def emit_structure(self, plan_nodes) -> None:
        add = self.graph.add
        partnership = self.single(plan_nodes, TH.Partnership)
        agreement = self.single(plan_nodes, TH.PartnershipAgreement)
        plan = self.single(plan_nodes, TH.SafetyPlan)
        theory = self.single(plan_nodes, TH.ChangeTheory)
        self.plan = plan
        if plan is not None:
            if agreement is not None:
                add((plan, TH.implements, agreement))
            if partnership is not None:
                add((plan, TH.planOf, partnership))
        if agreement is not None:
            if partnership is not None:
                add((agreement, TH.agreementOf, partnership))
            if theory is not None:
                add((agreement, TH.changeTheory, theory))
        for body in plan_nodes.get(TH.PartnershipBody, []):
            if partnership is not None:
                add((body, ORG.unitOf, partnership))
        for impact in plan_nodes.get(TH.Impact, []):
            if theory is not None:
                add((theory, TH.intendedImpact, impact))
        in_plan = {"activities": TH.inPlan, "budget": TH.inPlan, "sums": TH.inPlan, "sections": TH.sectionOf}
        for key, prop in in_plan.items():
            for _, row in self.rows(key):
                node = self.node(key, row)
                if node is not None and plan is not None:
                    add((node, prop, plan))
        for key in ("budget", "sums", "money"):
            for _, row in self.rows(key):
                if (node := self.node(key, row)) is not None:
                    add((node, SCHEMA.currency, _CURRENCY))
        for _, row in self.rows("focus_areas"):
            if (node := self.node("focus_areas", row)) is not None and theory is not None:
                add((node, SKOS.inScheme, theory))
        for sheet, row in self.rows("results"):
            node = self.node("results", row)
            for fa in self.ref(sheet, row, "focus_area") if node is not None else []:
                add((fa, TH.hasResult, node))
        for sheet, row in self.rows("support"):
            activity, fa = self.one(sheet, row, "activity"), self.one(sheet, row, "focus_area")
            if activity is not None and fa is not None and self.node("support", row) is not None:
                add((activity, TH.supports, fa))
        for sheet, row in self.rows("actors"):
            node = self.node("actors", row)
            if node is None or not row.values.get("party"):
                continue
            if partnership is None:
                self.problem(sheet, row, self.t("a party needs a partnership: add the partnership's row to sheet "
                                                "{sheet}", sheet=self._sheet_name("plan")), column="party")
            else:
                add((partnership, TH.party, node))

    #: sheets whose rows a second line of the same kind may share an IRI pattern with (``-2``): the key
    #: that tells two rows apart, since minting does not
    KEYS = {"budget": ("activity", "year", "table", "line", "line_label"), "sums": ("year", "table", "label")}

    def check_keys(self) -> None:
        """Two budget rows (or stated sums) with the same key are one figure given twice."""
        for key, columns in self.KEYS.items():
            seen: dict[tuple, Row] = {}
            for sheet, row in self.rows(key):
                if self.node(key, row) is None:
                    continue
                values = tuple(self.one(sheet, row, c) if c == "activity" else row.values.get(c) for c in columns)
                if values in seen:
                    names = ", ".join(sheet.header(c) for c in columns)
                    self.problem(sheet, row, self.t("this row repeats row {row} (the same {columns}); delete one of "
                                                    "them, or tell them apart by the line as printed",
                                                    row=seen[values].number, columns=names))
                else:
                    seen[values] = row

    def bound_graph(self) -> Graph:
        """An empty graph with the project's prefixes, ``thd:`` for the plan's namespace."""
        graph = Graph()
        for prefix, namespace in {**BIND_PREFIXES, "thd": self.base}.items():
            graph.bind(prefix, namespace, override=True, replace=True)
        return graph

    def run(self) -> ImportedPlan:
        self.assign("plan", self.mint_plan)
        self.find_period()
        self.assign("sections", lambda sheet, row: None)
        self.assign("focus_areas", self.mint_named(self.minter.focus_area, NC_("thing", "focus area")))
        self.assign("activities", self.mint_named(self.minter.activity, NC_("thing", "activity")))
        self.assign("actors", self.mint_actor)
        self.assign("places", self.mint_place)
        self.build_indices()
        self.assign("results", self.mint_result)
        self.assign("status", self.mint_status)
        self.assign("support", self.mint_support)
        for key in ITEM_KINDS:
            self.assign(key, self.mint_item(key))
        self.assign("roles", self.mint_role)
        self.assign("budget", self.mint_amount)
        self.assign("sums", self.mint_sum)
        self.assign("money", self.mint_money)
        self.check_keys()
        self.plan = None
        self.emit()
        plan_graph, registry = self.bound_graph(), self.bound_graph()
        for triple in self.graph:
            (registry if str(triple[0]).startswith(REGISTRY) else plan_graph).add(triple)
        headers = {key: dict(sheet.headers) for key, sheet in self.sheets.items()}
        return ImportedPlan(plan_graph, registry, dict(self.origins), self.base, self.plan, self.wb.source, headers,
                            self.wb.lang)


def build_plan(workbook: WorkbookRows, *, registry: Graph | None = None,
               problems: Problems | None = None, lang: str = "da") -> ImportedPlan:
    """The plan a workbook's rows describe.

    ``registry``: the shared actor registry, so that roles may name a registry actor that the
    Actors sheet leaves out. Problems go to ``problems`` (told in its language); without it,
    they are told in ``lang`` and raised as one :class:`~theory.errors.LoadError`.
    """
    own = problems is None
    problems = Problems(lang) if own else problems
    imported = _Builder(workbook, problems, registry).run()
    if own:
        problems.raise_if_any(workbook.source)
    return imported
