"""What the plan workbook holds: its sheets, their columns, and the words on them.

One place says, for every sheet, which kind of thing a row is, which column holds which
property, which columns are required and which take a value from a closed list. Export
(:mod:`.export`), reading (:mod:`.read`) and building the graph (:mod:`.build`) all work
from these tables, so a column added here appears in all three.

The words an analyst sees (sheet names, headers, the first sheet's explanation) are kept
in :data:`WORDS`, keyed by a stable name, in Danish and English, so that they can move to
the project's message catalogues as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDFS, URIRef

from ..namespaces import ORG, SCHEMA, SKOS, TH

__all__ = [
    "LANGS",
    "WORDS",
    "Column",
    "Sheet",
    "SHEETS",
    "SHEETS_BY_KEY",
    "CHOICES",
    "ABOUT",
    "LISTS",
    "word",
    "covered",
    "row_types",
    "TARGET_TYPES",
]

#: the languages of a workbook's words
LANGS = ("da", "en")

#: the first sheet (the explanation) and the hidden sheet of closed lists; neither is read back
ABOUT = "about"
LISTS = "lists"

#: every word an analyst sees, by stable key: sheet names ``sheet.*``, headers ``col.*``,
#: yes/no, and the explanation on the first sheet (``about.*``, one paragraph each)
WORDS: dict[str, dict[str, str]] = {
    # sheets (Excel allows at most 31 characters)
    "sheet.about": {"da": "Om", "en": "About"},
    "sheet.plan": {"da": "Plan", "en": "Plan"},
    "sheet.focus_areas": {"da": "Indsatsområder", "en": "Focus areas"},
    "sheet.results": {"da": "Resultater", "en": "Results"},
    "sheet.activities": {"da": "Aktiviteter", "en": "Activities"},
    "sheet.status": {"da": "Status pr. år", "en": "Status per year"},
    "sheet.support": {"da": "Understøttelse", "en": "Focus-area support"},
    "sheet.objectives": {"da": "Målsætninger", "en": "Objectives"},
    "sheet.roles": {"da": "Roller", "en": "Roles"},
    "sheet.actors": {"da": "Aktører", "en": "Actors"},
    "sheet.budget": {"da": "Budget", "en": "Budget"},
    "sheet.deliverables": {"da": "Leverancer og mål", "en": "Deliverables and targets"},
    "sheet.target_groups": {"da": "Målgrupper", "en": "Target groups"},
    "sheet.timeline": {"da": "Tidsplan", "en": "Timeline"},
    "sheet.sums": {"da": "Angivne summer", "en": "Stated sums"},
    "sheet.money": {"da": "Øremærkning og medfinansiering", "en": "Earmarks and co-financing"},
    "sheet.places": {"da": "Steder og kanaler", "en": "Places and channels"},
    "sheet.sections": {"da": "Afsnit", "en": "Sections"},
    "sheet.lists": {"da": "Lister", "en": "Lists"},
    "sheet.review": {"da": "Gennemsyn", "en": "Review"},
    "review.section": {"da": "Afsnit", "en": "Section"},
    "review.line": {"da": "Linje", "en": "Line"},
    "review.read": {"da": "Læst", "en": "Read"},
    "review.why": {"da": "Hvorfor usikker", "en": "Why uncertain"},
    "review.suggestion": {"da": "Forslag", "en": "Suggestion"},
    # columns
    "col.kind": {"da": "Art", "en": "Kind"},
    "col.name": {"da": "Navn", "en": "Name"},
    "col.name_en": {"da": "Navn (engelsk)", "en": "Name (English)"},
    "col.description": {"da": "Beskrivelse", "en": "Description"},
    "col.plan_year": {"da": "Planår", "en": "Plan year"},
    "col.period_start": {"da": "Fra år", "en": "From year"},
    "col.period_end": {"da": "Til år", "en": "To year"},
    "col.cross_cutting": {"da": "Tværgående", "en": "Cross-cutting"},
    "col.cuts_across": {"da": "Går på tværs af", "en": "Cuts across"},
    "col.focus_area": {"da": "Indsatsområde", "en": "Focus area"},
    "col.no": {"da": "Nr.", "en": "No."},
    "col.result": {"da": "Resultat", "en": "Result"},
    "col.impact": {"da": "Effekt", "en": "Impact"},
    "col.number": {"da": "Nummer", "en": "Number"},
    "col.aliases": {"da": "Andre navne", "en": "Aliases"},
    "col.former_names": {"da": "Tidligere navne", "en": "Former names"},
    "col.places": {"da": "Steder", "en": "Places"},
    "col.channels": {"da": "Kanaler", "en": "Channels"},
    "col.activity": {"da": "Aktivitet", "en": "Activity"},
    "col.year": {"da": "År", "en": "Year"},
    "col.status": {"da": "Status", "en": "Status"},
    "col.objective": {"da": "Målsætning", "en": "Objective"},
    "col.actor": {"da": "Aktør", "en": "Actor"},
    "col.role": {"da": "Rolle", "en": "Role"},
    "col.role_status": {"da": "Aftalt/forventet", "en": "Agreed/prospective"},
    "col.printed_as": {"da": "Trykt som", "en": "Printed as"},
    "col.actor_kind": {"da": "Art", "en": "Kind"},
    "col.part_of": {"da": "Del af", "en": "Part of"},
    "col.party": {"da": "Part i partnerskabet", "en": "Party to the partnership"},
    "col.shared": {"da": "Fælles aktørregister", "en": "Shared actor register"},
    "col.table": {"da": "Tabel", "en": "Table"},
    "col.line": {"da": "Budgetpost", "en": "Budget line"},
    "col.line_label": {"da": "Postens navn i planen", "en": "Line as printed"},
    "col.amount": {"da": "Beløb (kr.)", "en": "Amount (DKK)"},
    "col.deliverable": {"da": "Leverance", "en": "Deliverable"},
    "col.target_min": {"da": "Mål, mindst", "en": "Target, at least"},
    "col.target_max": {"da": "Mål, højst", "en": "Target, at most"},
    "col.unit": {"da": "Enhed", "en": "Unit"},
    "col.period": {"da": "Periode", "en": "Period"},
    "col.target_group": {"da": "Målgruppe", "en": "Target group"},
    "col.min_age": {"da": "Alder fra", "en": "Age from"},
    "col.max_age": {"da": "Alder til", "en": "Age to"},
    "col.priority": {"da": "Prioritet", "en": "Priority"},
    "col.what": {"da": "Hvad", "en": "What"},
    "col.when": {"da": "Hvornår", "en": "When"},
    "col.start_month": {"da": "Første måned", "en": "First month"},
    "col.end_month": {"da": "Sidste måned", "en": "Last month"},
    "col.label": {"da": "Betegnelse", "en": "Label"},
    "col.money_kind": {"da": "Art", "en": "Kind"},
    "col.for_activity": {"da": "Til aktivitet", "en": "For activity"},
    "col.from_activity": {"da": "Fra aktivitet", "en": "From activity"},
    "col.funder": {"da": "Finansieret af", "en": "Funded by"},
    "col.place_kind": {"da": "Art", "en": "Kind"},
    "col.section": {"da": "Afsnit", "en": "Section"},
    "col.title": {"da": "Overskrift", "en": "Title"},
    "col.note": {"da": "Note", "en": "Note"},
    "col.source": {"da": "Kilde (afsnit)", "en": "Source (section)"},
    "col.quote": {"da": "Citat", "en": "Quote"},
    "col.id": {"da": "ID", "en": "ID"},
    # values
    "yes": {"da": "ja", "en": "yes"},
    "no": {"da": "nej", "en": "no"},
    # the first sheet
    "about.title": {
        "da": "Tryghedsplanen som regneark",
        "en": "The safety plan as a workbook",
    },
    "about.intro": {
        "da": "Dette regneark rummer hele tryghedsplanen: hvert ark er én slags ting, og hver række er én ting "
        "(en aktivitet, et beløb, en rolle …). Ret, tilføj eller slet rækker, gem filen, og læs den ind igen med "
        "'theory import {file} -o MAPPE'. Så bliver planen til Turtle-filer, som 'theory validate' kan kontrollere.",
        "en": "This workbook holds the whole safety plan: each sheet is one kind of thing, and each row is one thing "
        "(an activity, an amount, a role …). Change, add or delete rows, save the file, and read it back with "
        "'theory import {file} -o FOLDER'. The plan then becomes Turtle files that 'theory validate' can check.",
    },
    "about.sheets": {
        "da": "Arkene: Plan (partnerskab, aftale, plan, forandringsteori, effekt og organer), Indsatsområder og "
        "Resultater (forandringsteorien), Aktiviteter, Status pr. år, Understøttelse (hvilke indsatsområder hver "
        "aktivitet understøtter), Målsætninger, Leverancer og mål, Målgrupper, Tidsplan, Roller (hvem gør hvad i "
        "hvilken aktivitet), Aktører, Budget (ét beløb pr. række: aktivitet, år, tabel, budgetpost), Angivne summer, "
        "Øremærkning og medfinansiering, Steder og kanaler, og Afsnit (planens afsnit, som kilderne henviser til).",
        "en": "The sheets: Plan (partnership, agreement, plan, change theory, impact and bodies), Focus areas and "
        "Results (the change theory), Activities, Status per year, Focus-area support (which focus areas each "
        "activity supports), Objectives, Deliverables and targets, Target groups, Timeline, Roles (who does what in "
        "which activity), Actors, Budget (one amount a row: activity, year, table, budget line), Stated sums, "
        "Earmarks and co-financing, Places and channels, and Sections (the plan's sections the sources refer to).",
    },
    "about.names": {
        "da": "Henvisninger skrives med navn: en aktivitet med sit navn (eller nummer), en aktør med sit navn, et "
        "indsatsområde med sit navn, præcis som i det ark, hvor tingen står. Kolonner med en rullemenu tager kun "
        "værdier fra listen (roller, aktørarter, budgetposter, tabeller, status, indsatsområder, planens år). "
        "Omdøber du en ting, så ret også navnet, hvor andre ark nævner det (Søg og erstat i hele projektmappen).",
        "en": "References are written by name: an activity by its name (or number), an actor by its name, a focus "
        "area by its name, exactly as in the sheet where the thing stands. Columns with a drop-down take values from "
        "the list only (roles, actor kinds, budget lines, tables, statuses, focus areas, the plan's years). "
        "When you rename a thing, change the name where other sheets name it too (Find and Replace in the whole "
        "workbook).",
    },
    "about.lists": {
        "da": "Flere værdier i én celle (andre navne, steder, kanaler, kilder, citater) står på hver sin linje i "
        "cellen (Alt+Enter i Excel, Ctrl+Enter i LibreOffice).",
        "en": "Several values in one cell (aliases, places, channels, sources, quotes) go on a line each within the "
        "cell (Alt+Enter in Excel, Ctrl+Enter in LibreOffice).",
    },
    "about.sources": {
        "da": "Kilde og Citat siger, hvor i planen et tal eller et udsagn står: afsnittets kode fra arket Afsnit og "
        "et kort, ordret citat. Skriv dem også på nye rækker.",
        "en": "Source and Quote say where in the plan a figure or statement stands: the section's code from the "
        "Sections sheet and a short verbatim quote. Fill them in on new rows too.",
    },
    "about.ids": {
        "da": "Kolonnen ID holder tingens faste identitet. Lad den stå, når du retter et navn, så bevarer tingen sin "
        "identitet; lad den være tom på nye rækker, så dannes den af navn og nummer, og tøm den, hvis en række "
        "bliver til en anden ting. Aktører med "
        "'ja' i Fælles aktørregister hører til det fælles register; ændringer af dem skrives ikke i planen.",
        "en": "The ID column holds the thing's lasting identity. Leave it as it is when you change a name, and the "
        "thing keeps its identity; leave it empty on new rows, and it is made from the name and number, and empty "
        "it when a row becomes another thing. Actors with "
        "'yes' in Shared actor register belong to the shared register; changes to them are not written to the plan.",
    },
    "about.amounts": {
        "da": "Beløb er hele kroner som tal (skriv 120000, ikke '120.000 kr.'). Et tal, som planen trykker forkert "
        "(fx 188.00 i en kolonne af tusinder), står som trykt, og Trykt som siger hvordan. Måneder skrives som "
        "2024-03. Formler må bruges, når filen er gemt i Excel eller LibreOffice, så deres værdi står i filen.",
        "en": "Amounts are whole kroner as numbers (write 120000, not '120.000 kr.'). A figure the plan misprints "
        "(such as 188.00 in a column of thousands) stands as printed, and Printed as says how. Months are written "
        "as 2024-03. Formulas may be used once the file is saved in Excel or LibreOffice, so that their value is in "
        "the file.",
    },
    "about.errors": {
        "da": "Finder indlæsningen fejl, skrives intet; hver fejl nævner ark, række og kolonne og hvordan den rettes.",
        "en": "If the import finds problems, nothing is written; each problem names the sheet, row and column and "
        "how to fix it.",
    },
}

#: the order of the first sheet's paragraphs
ABOUT_PARAGRAPHS = ("about.intro", "about.sheets", "about.names", "about.lists", "about.sources", "about.ids",
                    "about.amounts", "about.errors")


def word(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang`` (``da`` or ``en``)."""
    return WORDS[key][lang]


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
        return word(f"col.{self.key}", lang)

    def headers(self) -> tuple[str, ...]:
        return tuple(word(f"col.{self.key}", lang) for lang in LANGS)


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
        return word(f"sheet.{self.key}", lang)

    def names(self) -> tuple[str, ...]:
        return tuple(word(f"sheet.{self.key}", lang) for lang in LANGS)

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
