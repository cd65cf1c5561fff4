"""What the plan workbook holds: its sheets, their columns, and the words on them.

One place says, for every sheet, which kind of thing a row is, which column holds which
property, which columns are required and which take a value from a closed list. Export
(:mod:`.export`), reading (:mod:`.read`) and building the graph (:mod:`.build`) all work
from these tables, so a column added here appears in all three.

The words an analyst sees (sheet names, headers, the first sheet's explanation) are written
here in English, marked for the message catalogue (contexts ``sheet`` and ``column``), and
translated where they are shown; reading a workbook asks the catalogue for the titles of
every language, so a workbook written in either language reads back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDFS, URIRef

from ..i18n import LANGUAGES, N_, NC_, texts
from ..namespaces import ORG, SCHEMA, SKOS, TH

__all__ = [
    "LANGS",
    "SHEET_TITLES",
    "COLUMN_TITLES",
    "REVIEW_TITLES",
    "ABOUT_TITLE",
    "ABOUT_PARAGRAPHS",
    "Column",
    "Sheet",
    "SHEETS",
    "SHEETS_BY_KEY",
    "CHOICES",
    "ABOUT",
    "LISTS",
    "sheet_title",
    "column_title",
    "covered",
    "row_types",
    "TARGET_TYPES",
]

#: the languages of a workbook's words
LANGS = LANGUAGES

#: the first sheet (the explanation) and the hidden sheet of closed lists; neither is read back
ABOUT = "about"
LISTS = "lists"

#: sheet key -> its title (Excel allows at most 31 characters)
SHEET_TITLES: dict[str, str] = {
    "about": NC_("sheet", "About"),
    "plan": NC_("sheet", "Plan"),
    "focus_areas": NC_("sheet", "Focus areas"),
    "results": NC_("sheet", "Results"),
    "activities": NC_("sheet", "Activities"),
    "status": NC_("sheet", "Status per year"),
    "support": NC_("sheet", "Focus-area support"),
    "objectives": NC_("sheet", "Objectives"),
    "roles": NC_("sheet", "Roles"),
    "actors": NC_("sheet", "Actors"),
    "budget": NC_("sheet", "Budget"),
    "deliverables": NC_("sheet", "Deliverables and targets"),
    "target_groups": NC_("sheet", "Target groups"),
    "timeline": NC_("sheet", "Timeline"),
    "sums": NC_("sheet", "Stated sums"),
    "money": NC_("sheet", "Earmarks and co-financing"),
    "places": NC_("sheet", "Places and channels"),
    "sections": NC_("sheet", "Sections"),
    "lists": NC_("sheet", "Lists"),
    "review": NC_("sheet", "Review"),
}

#: column key -> its header; the review sheet's columns are keyed as in ``review.csv``
COLUMN_TITLES: dict[str, str] = {
    "kind": NC_("column", "Kind"),
    "name": NC_("column", "Name"),
    "name_en": NC_("column", "Name (English)"),
    "description": NC_("column", "Description"),
    "plan_year": NC_("column", "Plan year"),
    "period_start": NC_("column", "From year"),
    "period_end": NC_("column", "To year"),
    "cross_cutting": NC_("column", "Cross-cutting"),
    "cuts_across": NC_("column", "Cuts across"),
    "focus_area": NC_("column", "Focus area"),
    "no": NC_("column", "No."),
    "result": NC_("column", "Result"),
    "impact": NC_("column", "Impact"),
    "number": NC_("column", "Number"),
    "aliases": NC_("column", "Aliases"),
    "former_names": NC_("column", "Former names"),
    "places": NC_("column", "Places"),
    "channels": NC_("column", "Channels"),
    "activity": NC_("column", "Activity"),
    "year": NC_("column", "Year"),
    "status": NC_("column", "Status"),
    "objective": NC_("column", "Objective"),
    "actor": NC_("column", "Actor"),
    "role": NC_("column", "Role"),
    "role_status": NC_("column", "Agreed/prospective"),
    "printed_as": NC_("column", "Printed as"),
    "actor_kind": NC_("column", "Kind"),
    "part_of": NC_("column", "Part of"),
    "party": NC_("column", "Party to the partnership"),
    "shared": NC_("column", "Shared actor register"),
    "table": NC_("column", "Table"),
    "line": NC_("column", "Budget line"),
    "line_label": NC_("column", "Line as printed"),
    "amount": NC_("column", "Amount (DKK)"),
    "deliverable": NC_("column", "Deliverable"),
    "target_min": NC_("column", "Target, at least"),
    "target_max": NC_("column", "Target, at most"),
    "unit": NC_("column", "Unit"),
    "period": NC_("column", "Period"),
    "target_group": NC_("column", "Target group"),
    "min_age": NC_("column", "Age from"),
    "max_age": NC_("column", "Age to"),
    "priority": NC_("column", "Priority"),
    "what": NC_("column", "What"),
    "when": NC_("column", "When"),
    "start_month": NC_("column", "First month"),
    "end_month": NC_("column", "Last month"),
    "label": NC_("column", "Label"),
    "money_kind": NC_("column", "Kind"),
    "for_activity": NC_("column", "For activity"),
    "from_activity": NC_("column", "From activity"),
    "funder": NC_("column", "Funded by"),
    "place_kind": NC_("column", "Kind"),
    "section": NC_("column", "Section"),
    "title": NC_("column", "Title"),
    "note": NC_("column", "Note"),
    "source": NC_("column", "Source (section)"),
    "quote": NC_("column", "Quote"),
    "id": NC_("column", "ID"),
}

#: the review sheet's headers, by the keys of ``review.csv`` (:data:`theory.importer.REVIEW_COLUMNS`)
REVIEW_TITLES: dict[str, str] = {
    "section": NC_("column", "Section"),
    "line": NC_("column", "Line"),
    "read": NC_("column", "Read"),
    "why": NC_("column", "Why uncertain"),
    "suggestion": NC_("column", "Suggestion"),
}

#: the first sheet: its title, then its paragraphs in order (``{file}``: the workbook's file name)
ABOUT_TITLE = N_("The safety plan as a workbook")
ABOUT_PARAGRAPHS = (
    N_("This workbook holds the whole safety plan: each sheet is one kind of thing, and each row is one thing "
       "(an activity, an amount, a role …). Change, add or delete rows, save the file, and read it back with "
       "'theory import {file} -o FOLDER'. The plan then becomes Turtle files that 'theory validate' can check."),
    N_("The sheets: Plan (partnership, agreement, plan, change theory, impact and bodies), Focus areas and "
       "Results (the change theory), Activities, Status per year, Focus-area support (which focus areas each "
       "activity supports), Objectives, Deliverables and targets, Target groups, Timeline, Roles (who does what in "
       "which activity), Actors, Budget (one amount a row: activity, year, table, budget line), Stated sums, "
       "Earmarks and co-financing, Places and channels, and Sections (the plan's sections the sources refer to)."),
    N_("References are written by name: an activity by its name (or number), an actor by its name, a focus "
       "area by its name, exactly as in the sheet where the thing stands. Columns with a drop-down take values from "
       "the list only (roles, actor kinds, budget lines, tables, statuses, focus areas, the plan's years). "
       "When you rename a thing, change the name where other sheets name it too (Find and Replace in the whole "
       "workbook)."),
    N_("Several values in one cell (aliases, places, channels, sources, quotes) go on a line each within the "
       "cell (Alt+Enter in Excel, Ctrl+Enter in LibreOffice)."),
    N_("Source and Quote say where in the plan a figure or statement stands: the section's code from the "
       "Sections sheet and a short verbatim quote. Fill them in on new rows too."),
    N_("The ID column holds the thing's lasting identity. Leave it as it is when you change a name, and the "
       "thing keeps its identity; leave it empty on new rows, and it is made from the name and number, and empty "
       "it when a row becomes another thing. Actors with "
       "'yes' in Shared actor register belong to the shared register; changes to them are not written to the plan."),
    N_("Amounts are whole kroner as numbers (write 120000, not '120.000 kr.'). A figure the plan misprints "
       "(such as 188.00 in a column of thousands) stands as printed, and Printed as says how. Months are written "
       "as 2024-03. Formulas may be used once the file is saved in Excel or LibreOffice, so that their value is in "
       "the file."),
    N_("If the import finds problems, nothing is written; each problem names the sheet, row and column and "
       "how to fix it."),
)


def sheet_title(key: str, lang: str) -> str:
    """The title of sheet ``key`` (``budget``, ``lists``, ``review`` …) in ``lang``."""
    return texts(lang).context("sheet", SHEET_TITLES[key])


def column_title(key: str, lang: str) -> str:
    """The header of column ``key`` in ``lang``."""
    return texts(lang).context("column", COLUMN_TITLES[key])


#: closed lists: key -> the ontology terms in drop-down order (labels come from the ontology)
CHOICES: dict[str, tuple[URIRef, ...]] = {
    "plan_kind": (TH.Partnership, TH.PartnershipAgreement, TH.SafetyPlan, TH.ChangeTheory, TH.Impact,
                  TH.PartnershipBody),
    "actor_kind": (TH.MunicipalAdministration, TH.MunicipalUnit, TH.Police, TH.HousingAssociation,
                   TH.HousingSocialMasterPlan, TH.Association, TH.School, TH.NGO, TH.Company, TH.Network,
                   TH.PublicInstitution, TH.ResidentGroup),
    "role": (TH.Lead, TH.CoLead, TH.Partner, TH.Operator, TH.Trainer, TH.Funder, TH.Venue),
    "role_status": (TH.Agreed, TH.Prospective),
    "status": (TH.New, TH.Continuing, TH.Ended),
    "line": (TH.SalaryFunds, TH.ActivityFunds, TH.Rent, TH.OtherCosts, TH.Total),
    "table": (TH.OverviewTable, TH.ActivityTable, TH.PlanText),
    "period": (TH.PerYear, TH.PerMonth, TH.PerWeek, TH.PerEvent, TH.Ongoing),
    "priority": (TH.Primary, TH.Secondary, TH.Tertiary),
    "place_kind": (TH.Place, TH.CommunicationChannel),
    "money_kind": (TH.Earmark, TH.CoFinancing),
}


@dataclass(frozen=True)
class Column:
    """One column: what its cells hold and which triple they make.

    ``kind`` says how a cell is read and written:

    - ``id``: the row's IRI (local name, ``actor:<slug>`` or a full IRI);
    - ``text``: one literal (``lang`` da or en); ``lines``: one literal per line of the cell;
    - ``int``, ``decimal``, ``amount`` (a decimal shown with thousands separators), ``year``
      (``xsd:gYear``), ``plan_year`` (a year outside the plan's period is fine), ``month``
      (``xsd:gYearMonth``, written 2024-03), ``no`` (a row's number within its activity, for the IRI only);
    - ``choice``: one term of the closed list ``target``; ``type``: the row's ``rdf:type`` from that list;
    - ``flag``: yes/no; ``ref``/``refs``: one or several things named in another sheet (``target``:
      activity, actor, focus_area, impact, place, channel, section);
    - ``quote``: the quotes (one a line) of ``th:quote``.

    ``inverse``: the triple runs from the referenced thing to the row (``activity th:objective row``).
    """

    key: str
    kind: str
    prop: URIRef | None = None
    target: str | None = None
    required: bool = False
    inverse: bool = False
    lang: str | None = "da"
    width: int = 16

    def header(self, lang: str) -> str:
        return column_title(self.key, lang)

    def headers(self) -> tuple[str, ...]:
        """The header in every language: reading recognises each."""
        return tuple(column_title(self.key, lang) for lang in LANGS)


@dataclass(frozen=True)
class Sheet:
    """One sheet: a row is one node of one of ``types`` (or the type its ``type`` column names)."""

    key: str
    types: tuple[URIRef, ...]
    columns: tuple[Column, ...]
    #: properties the build adds to the sheet's rows from its structure, not from one column
    implied: tuple[URIRef, ...] = field(default=())
    #: (class, property): what the build adds to other nodes for the sheet's rows
    implied_on: tuple[tuple[URIRef, URIRef], ...] = field(default=())

    def name(self, lang: str) -> str:
        return sheet_title(self.key, lang)

    def names(self) -> tuple[str, ...]:
        """The title in every language: reading recognises each."""
        return tuple(sheet_title(self.key, lang) for lang in LANGS)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)


def _sourced(*columns: Column, note: bool = True) -> tuple[Column, ...]:
    """``columns`` followed by note, source, quote and ID: the tail of every row that cites the plan."""
    tail = (Column("note", "text", TH.note, width=30),) if note else ()
    return (*columns, *tail,
            Column("source", "refs", TH.source, target="section", width=18),
            Column("quote", "quote", TH.quote, width=50),
            Column("id", "id", width=34))


NAME = Column("name", "text", RDFS.label, required=True, width=34)
NAME_EN = Column("name_en", "text", RDFS.label, lang="en", width=30)


def _activity(prop: URIRef, inverse: bool = True, key: str = "activity") -> Column:
    return Column(key, "ref", prop, target="activity", required=True, inverse=inverse, width=28)


SHEETS: tuple[Sheet, ...] = (
    Sheet("plan", (), _sourced(
        Column("kind", "type", target="plan_kind", required=True, width=20),
        Column("name", "text", RDFS.label, width=40),
        NAME_EN,
        Column("description", "text", TH.description, width=40),
        Column("plan_year", "plan_year", TH.planYear, width=9),
        Column("period_start", "plan_year", TH.periodStart, width=9),
        Column("period_end", "plan_year", TH.periodEnd, width=9),
    ), implied=(TH.implements, TH.planOf, TH.agreementOf, TH.changeTheory, TH.intendedImpact, ORG.unitOf)),
    Sheet("focus_areas", (TH.FocusArea,), _sourced(
        NAME, NAME_EN,
        Column("cross_cutting", "flag", width=12),
        Column("cuts_across", "refs", TH.crossCuts, target="focus_area", width=30),
    ), implied=(SKOS.inScheme,)),
    Sheet("results", (TH.Result,), _sourced(
        Column("focus_area", "ref", TH.resultOf, target="focus_area", required=True, width=28),
        Column("no", "no", width=6),
        Column("result", "text", RDFS.label, required=True, width=50),
        Column("impact", "ref", TH.leadsTo, target="impact", width=28),
    ), implied_on=((TH.FocusArea, TH.hasResult),)),
    Sheet("activities", (TH.Activity,), _sourced(
        Column("number", "int", TH.activityNumber, width=9),
        NAME, NAME_EN,
        Column("aliases", "lines", SKOS.altLabel, width=20),
        Column("former_names", "lines", TH.formerName, width=24),
        Column("description", "text", TH.description, width=40),
        Column("places", "refs", TH.place, target="place", width=24),
        Column("channels", "refs", TH.channel, target="channel", width=24),
    ), implied=(TH.inPlan,)),
    Sheet("status", (TH.ActivityYearStatus,), _sourced(
        _activity(TH.yearStatus),
        Column("year", "year", TH.year, required=True, width=8),
        Column("status", "choice", TH.status, target="status", required=True, width=12),
    )),
    Sheet("support", (TH.FocusAreaSupport,), _sourced(
        _activity(TH.supportingActivity, inverse=False),
        Column("focus_area", "ref", TH.supportedFocusArea, target="focus_area", required=True, width=30),
    ), implied_on=((TH.Activity, TH.supports),)),
    Sheet("objectives", (TH.Objective,), _sourced(
        _activity(TH.objective),
        Column("no", "no", width=6),
        Column("objective", "text", RDFS.label, required=True, width=60),
    )),
    Sheet("deliverables", (TH.Deliverable,), _sourced(
        _activity(TH.deliverable),
        Column("no", "no", width=6),
        Column("deliverable", "text", RDFS.label, required=True, width=50),
        Column("target_min", "decimal", TH.targetMin, width=10),
        Column("target_max", "decimal", TH.targetMax, width=10),
        Column("unit", "text", TH.unit, width=20),
        Column("period", "choice", TH.period, target="period", width=14),
    )),
    Sheet("target_groups", (TH.TargetGroup,), _sourced(
        _activity(TH.targetGroup),
        Column("no", "no", width=6),
        Column("target_group", "text", RDFS.label, required=True, width=50),
        Column("min_age", "int", TH.minAge, width=9),
        Column("max_age", "int", TH.maxAge, width=9),
        Column("priority", "choice", TH.priority, target="priority", width=12),
    )),
    Sheet("timeline", (TH.TimelineEntry,), _sourced(
        _activity(TH.timelineEntry),
        Column("no", "no", width=6),
        Column("what", "text", RDFS.label, required=True, width=50),
        Column("when", "text", TH.when, width=14),
        Column("start_month", "month", TH.startMonth, width=11),
        Column("end_month", "month", TH.endMonth, width=11),
    )),
    Sheet("roles", (TH.Responsibility,), _sourced(
        _activity(TH.responsibility),
        Column("actor", "ref", TH.actor, target="actor", required=True, width=34),
        Column("role", "choice", TH.role, target="role", required=True, width=18),
        Column("role_status", "choice", TH.roleStatus, target="role_status", width=12),
    )),
    Sheet("actors", (TH.Actor,), (
        NAME, NAME_EN,
        Column("actor_kind", "type", target="actor_kind", required=True, width=24),
        Column("aliases", "lines", SKOS.altLabel, width=30),
        Column("part_of", "refs", ORG.subOrganizationOf, target="actor", width=28),
        Column("party", "flag", width=10),
        Column("shared", "flag", width=10),
        Column("id", "id", width=34),
    ), implied_on=((TH.Partnership, TH.party),)),
    Sheet("budget", (TH.BudgetAmount,), _sourced(
        _activity(TH.forActivity, inverse=False),
        Column("year", "year", TH.year, required=True, width=8),
        Column("table", "choice", TH.table, target="table", required=True, width=22),
        Column("line", "choice", TH.budgetLine, target="line", required=True, width=16),
        Column("line_label", "text", TH.lineLabel, width=22),
        Column("amount", "amount", SCHEMA.value, required=True, width=14),
        Column("printed_as", "text", TH.printedAs, lang=None, width=10),
    ), implied=(TH.inPlan, SCHEMA.currency)),
    Sheet("sums", (TH.StatedSum,), _sourced(
        Column("year", "year", TH.year, required=True, width=8),
        Column("amount", "amount", SCHEMA.value, required=True, width=14),
        Column("printed_as", "text", TH.printedAs, lang=None, width=10),
        Column("table", "choice", TH.table, target="table", width=22),
        Column("label", "text", RDFS.label, width=34),
    ), implied=(TH.inPlan, SCHEMA.currency)),
    Sheet("money", (TH.Earmark, TH.CoFinancing), _sourced(
        Column("money_kind", "type", target="money_kind", required=True, width=18),
        Column("for_activity", "ref", TH.forActivity, target="activity", required=True, width=28),
        Column("from_activity", "ref", TH.fromActivity, target="activity", width=28),
        Column("funder", "ref", TH.funder, target="actor", width=28),
        Column("year", "year", TH.year, required=True, width=8),
        Column("amount", "amount", SCHEMA.value, required=True, width=14),
        Column("printed_as", "text", TH.printedAs, lang=None, width=10),
        Column("table", "choice", TH.table, target="table", width=22),
        Column("label", "text", RDFS.label, width=34),
    ), implied=(SCHEMA.currency,)),
    Sheet("places", (TH.Place, TH.CommunicationChannel), (
        Column("place_kind", "type", target="place_kind", required=True, width=22),
        NAME,
        Column("aliases", "lines", SKOS.altLabel, width=30),
        Column("id", "id", width=34),
    )),
    Sheet("sections", (TH.PlanSection,), (
        Column("section", "id", required=True, width=26),
        Column("title", "text", RDFS.label, required=True, width=70),
    ), implied=(TH.sectionOf,)),
)

SHEETS_BY_KEY = {sheet.key: sheet for sheet in SHEETS}


#: the class of the things a reference column points to
TARGET_TYPES = {"activity": TH.Activity, "actor": TH.Actor, "focus_area": TH.FocusArea, "impact": TH.Impact,
                "place": TH.Place, "channel": TH.CommunicationChannel, "section": TH.PlanSection}


def row_types(sheet: Sheet) -> set[URIRef]:
    """Every class a row of ``sheet`` may have."""
    types = set(sheet.types)
    for column in sheet.columns:
        if column.kind == "type":
            types |= set(CHOICES[column.target])
    if sheet.key == "focus_areas":
        types.add(TH.CrossCuttingEffort)
    return types


def covered() -> dict[URIRef, set[URIRef]]:
    """Class -> every property the workbook writes on nodes of that class (rdf:type included).

    A property of the data that is not here has no column and would be lost on import.
    """
    from rdflib import RDF

    out: dict[URIRef, set[URIRef]] = {}
    for sheet in SHEETS:
        own = {RDF.type, *sheet.implied}
        for column in sheet.columns:
            if column.prop is None:
                continue
            if column.inverse:
                out.setdefault(TARGET_TYPES[column.target], set()).add(column.prop)
            else:
                own.add(column.prop)
        for kind in row_types(sheet):
            out.setdefault(kind, set()).update(own)
        for kind, prop in sheet.implied_on:
            out.setdefault(kind, set()).add(prop)
    return out
