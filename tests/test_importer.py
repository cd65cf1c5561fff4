"""The importer reads a plan on the template into a draft graph and a review list.

The fixture ``tests/data/importer/mini-plan.txt`` is a small plan written on the
Copenhagen template (Amagerbro Partnerskab, 2024) in the form a PDF text extractor leaves:
hyphenation at line ends, a page number, a footnote and its marker, one space per empty
table cell. The expected facts below are read from that text by hand.
``tests/data/importer/registry.ttl`` is a small shared actor registry.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.compare import isomorphic

from theory.build import serialize
from theory.budget import audit_budget
from theory.errors import UsageError
from theory.importer import REVIEW_COLUMNS, read_plan
from theory.importer.reader import known_actors
from theory.load import parse_file
from theory.sources import ontology_path
from theory.namespaces import SCHEMA, TH
from theory.validate import validate

DATA = Path(__file__).parent / "data" / "importer"
MINI = DATA / "mini-plan.txt"
BASE = "https://w3id.org/theory/data/amagerbro/"
ACTOR = "https://w3id.org/theory/data/actors/"
GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
SHIPPED_TEXT = Path(__file__).parent / "data" / "sources" / "tingbjerg-husum-tryghedsplan-2024.txt"


def thd(local: str) -> URIRef:
    return URIRef(BASE + local)


@pytest.fixture(scope="module")
def registry() -> Graph:
    return known_actors([DATA / "registry.ttl"])


@pytest.fixture(scope="module")
def draft(registry):
    return read_plan(MINI, actors=registry, lang="en")


def with_model(draft, registry) -> Graph:
    graph = Graph()
    graph += parse_file(ontology_path())
    graph += registry
    graph += draft.graph
    return graph


def amounts(graph: Graph, table: URIRef) -> set[tuple[str, int, str, Decimal]]:
    out = set()
    for node in graph.subjects(TH.table, table):
        if (node, RDF.type, TH.BudgetAmount) not in graph:
            continue
        activity = str(graph.value(node, TH.forActivity)).rsplit("activity-", 1)[-1]
        line = str(graph.value(node, TH.budgetLine)).rsplit("#", 1)[-1]
        out.add((activity, int(str(graph.value(node, TH.year))), line, Decimal(str(graph.value(node, SCHEMA.value)))))
    return out


def roles(graph: Graph) -> set[tuple[str, str, str]]:
    out = set()
    for activity, resp in graph.subject_objects(TH.responsibility):
        actor = str(graph.value(resp, TH.actor)).rsplit("/", 1)[-1].replace("actor-", "")
        out.add((str(activity).rsplit("activity-", 1)[-1], actor, str(graph.value(resp, TH.role)).rsplit("#", 1)[-1]))
    return out


def reviewed(draft, text: str) -> list:
    return [row for row in draft.review if text in row.why or text in row.read]


# --- the frame ----------------------------------------------------------------------------------


def test_partnership_plan_year_and_period(draft):
    g = draft.graph
    assert draft.base == BASE and draft.plan == thd("plan-2024")
    assert g.value(thd("plan-2024"), TH.planYear) == Literal("2024", datatype=GYEAR)
    assert (thd("plan-2024"), TH.implements, thd("agreement-2021-2024")) in g
    assert str(g.value(thd("agreement-2021-2024"), TH.periodStart)) == "2021"
    assert str(g.value(thd("agreement-2021-2024"), TH.periodEnd)) == "2024"
    assert str(g.value(thd("partnership"), RDFS.label)) == "Amagerbro Partnerskab"
    # the hyphenated "kriminali-" + "teten" is one word in the quote
    assert "mindske kriminaliteten i partnerskabsområdet" in str(g.value(thd("partnership"), TH.quote))


def test_parties_read_as_registry_actors(draft):
    parties = {str(o).rsplit("/", 1)[-1] for o in draft.graph.objects(thd("partnership"), TH.party)}
    assert parties == {"oekf", "kff", "buf", "sof", "suf", "bif", "tmf", "koebenhavns-politi", "ssp-koebenhavn", "fsb"}


def test_focus_areas_impact_and_results(draft):
    g = draft.graph
    areas = {str(g.value(fa, RDFS.label)) for fa in g.subjects(RDF.type, TH.FocusArea)}
    assert areas == {"Trygt byliv", "Uddannelse og beskæftigelse", "Positive fællesskaber",
                     "Kommunikation, dialog og synlighed"}
    cross = thd("fa-kommunikation-dialog-og-synlighed")
    assert (cross, RDF.type, TH.CrossCuttingEffort) in g
    assert set(g.objects(cross, TH.crossCuts)) == {thd("fa-trygt-byliv"), thd("fa-uddannelse-og-beskaeftigelse"),
                                                   thd("fa-positive-faellesskaber")}
    impact = thd("impact-oeget-tryghed-og-mindre-kriminalitet")
    assert str(g.value(impact, RDFS.label)) == "Øget tryghed og mindre kriminalitet"
    result = thd("result-trygt-byliv-1")
    # the footnote marker "1" is gone from the result, the footnote's text is not in the plan
    assert str(g.value(result, RDFS.label)) == "Alle, der færdes i området, skal opleve at være trygge i byrummet"
    assert (result, TH.leadsTo, impact) in g
    assert not any("VIVE" in str(o) for o in g.objects())


# --- activities and money ---------------------------------------------------------------------------


def test_activities_numbers_names_and_statuses(draft):
    g = draft.graph
    numbered = {int(n): str(g.value(a, RDFS.label)) for a, n in g.subject_objects(TH.activityNumber)}
    assert numbered == {1: "Gårdhaven", 2: "Lektiecafé Sundholm", 3: "Sommerbold", 4: "Tryghedspuljen",
                        5: "Kommunikation, dialog og synlighed"}
    assert str(g.value(thd("activity-lektiecafe-sundholm"), TH.formerName)) == "Lektiecafé"
    assert (thd("status-sommerbold-2024"), TH.status, TH.New) in g
    assert (thd("status-gaardhaven-2024"), TH.status, TH.Continuing) in g
    # an earlier activity from the overview table only: funded 2021-2022, ended in 2023
    assert (thd("activity-natteravne"), TH.yearStatus, thd("status-natteravne-2023")) in g
    assert (thd("status-natteravne-2023"), TH.status, TH.Ended) in g


def test_overview_amounts_as_the_table_gives_them(draft):
    found = amounts(draft.graph, TH.OverviewTable)
    expected = {
        ("gaardhaven", 2021, "Total", Decimal(100000)), ("gaardhaven", 2022, "Total", Decimal(100000)),
        ("gaardhaven", 2023, "Total", Decimal(120000)), ("gaardhaven", 2024, "Total", Decimal(150000)),
        ("lektiecafe-sundholm", 2021, "Total", Decimal(50000)), ("lektiecafe-sundholm", 2022, "Total", Decimal(60000)),
        ("lektiecafe-sundholm", 2023, "Total", Decimal(60000)), ("lektiecafe-sundholm", 2024, "Total", Decimal(60000)),
        ("sommerbold", 2024, "Total", Decimal(40000)),
        ("tryghedspuljen", 2021, "Total", Decimal(80000)), ("tryghedspuljen", 2022, "Total", Decimal(80000)),
        ("tryghedspuljen", 2023, "Total", Decimal(90000)), ("tryghedspuljen", 2024, "Total", Decimal(70000)),
        ("kommunikation-dialog-og-synlighed", 2021, "Total", Decimal(50000)),
        ("kommunikation-dialog-og-synlighed", 2022, "Total", Decimal(50000)),
        ("kommunikation-dialog-og-synlighed", 2023, "Total", Decimal(50000)),
        ("kommunikation-dialog-og-synlighed", 2024, "Total", Decimal(50000)),
        ("natteravne", 2021, "Total", Decimal(30000)), ("natteravne", 2022, "Total", Decimal(30000)),
    }
    assert found == expected


def test_activity_table_lines_footnotes_and_misprint(draft):
    g = draft.graph
    found = {a for a in amounts(g, TH.ActivityTable) if a[0] == "gaardhaven"}
    assert ("gaardhaven", 2024, "SalaryFunds", Decimal("120.00")) in found  # as printed
    assert ("gaardhaven", 2024, "ActivityFunds", Decimal(30000)) in found
    assert len(found) == 12
    salary = thd("amount-gaardhaven-2024-activity-salary")
    assert str(g.value(salary, SCHEMA.value)) == "120.00" and str(g.value(salary, TH.printedAs)) == "120.00"
    assert str(g.value(salary, TH.note)) == "Trykt som '120.00'; formentlig 120.000."
    funds = thd("amount-gaardhaven-2024-activity-activity-funds")
    assert str(g.value(funds, TH.note)) == "*Heraf 10.000 til nye redskaber."
    assert str(g.value(funds, TH.lineLabel)) == "Aktivitetsmidler"  # "Aktivitets-" + "midler"
    rows = reviewed(draft, "“120.00” in a column of thousands")
    assert len(rows) == 1 and rows[0].section == "1. Aktivitet: Gårdhaven – Økonomi" and rows[0].line == "line 69"


def test_stated_sums_earmark_and_cofinancing(draft):
    g = draft.graph
    sums = {int(str(g.value(s, TH.year))): Decimal(str(g.value(s, SCHEMA.value)))
            for s in g.subjects(RDF.type, TH.StatedSum)}
    assert sums == {2021: 310000, 2022: 320000, 2023: 320000, 2024: 370000}
    earmark = thd("earmark-tryghedspuljen-lektiecafe-sundholm-2023")
    assert (earmark, TH.fromActivity, thd("activity-tryghedspuljen")) in g
    assert (earmark, TH.forActivity, thd("activity-lektiecafe-sundholm")) in g
    assert Decimal(str(g.value(earmark, SCHEMA.value))) == 20000
    cofinanced = {(str(g.value(c, TH.year)), str(g.value(c, TH.funder))) for c in g.subjects(RDF.type, TH.CoFinancing)}
    assert cofinanced == {("2021", ACTOR + "fsb"), ("2022", ACTOR + "fsb")}
    # co-financing is no budget amount (the table's "I alt" leaves it out)
    assert not any(a[0] == "lektiecafe-sundholm" and a[3] == 5000 for a in amounts(g, TH.ActivityTable))


def workspace(draft, folder: Path, registry_file: Path = DATA / "registry.ttl"):
    """The draft written as Turtle beside its registry, opened the way ``theory --data`` does."""
    from theory.workspace import Workspace

    (folder / "registry").mkdir(parents=True)
    (folder / "registry" / "actors.ttl").write_bytes(registry_file.read_bytes())
    (folder / "plan").mkdir()
    (folder / "plan" / "plan.ttl").write_bytes(serialize(draft.graph, "ttl"))
    return Workspace.open([folder])


def test_budget_audit_runs_on_the_draft(draft, tmp_path):
    ws = workspace(draft, tmp_path / "portfolio")
    audit = audit_budget(ws, ws.plans[0])
    found = {(r["year"], r["check"], r["subject"]) for r in audit.mismatches}
    assert found == {(2023, "earmark", "Lektiecafé Sundholm"), (2024, "lines-vs-total", "Gårdhaven")}
    notes = " ".join(r["note"] for r in audit.mismatches)
    assert "120.00" in notes  # the misprint, read from th:printedAs


# --- what each activity's section says --------------------------------------------------------------


def test_focus_area_supports_with_their_sentences(draft):
    g = draft.graph
    supports = {(str(a).rsplit("activity-", 1)[-1], str(f).rsplit("fa-", 1)[-1]) for a, f in g.subject_objects(TH.supports)}
    assert supports == {
        ("gaardhaven", "positive-faellesskaber"), ("gaardhaven", "trygt-byliv"),
        ("lektiecafe-sundholm", "uddannelse-og-beskaeftigelse"),
        ("sommerbold", "positive-faellesskaber"), ("sommerbold", "trygt-byliv"),
        ("tryghedspuljen", "positive-faellesskaber"), ("tryghedspuljen", "trygt-byliv"),
        ("tryghedspuljen", "uddannelse-og-beskaeftigelse"),
        ("kommunikation-dialog-og-synlighed", "positive-faellesskaber"),
        ("kommunikation-dialog-og-synlighed", "trygt-byliv"),
        ("kommunikation-dialog-og-synlighed", "uddannelse-og-beskaeftigelse"),
        ("kommunikation-dialog-og-synlighed", "kommunikation-dialog-og-synlighed"),
    }
    support = thd("support-gaardhaven-trygt-byliv")
    assert (support, TH.source, thd("section-a01")) in g
    assert str(g.value(support, TH.quote)).startswith("Gårdhaven understøtter indsatsområderne ”positive fællesskaber”")
    assert "dyrkning i gården." in str(g.value(support, TH.quote))  # "går-" + "den."


def test_roles_leads_partners_and_prospective(draft):
    found = roles(draft.graph)
    assert found == {
        ("gaardhaven", "boligsociale-helhedsplan-amagerbro", "Lead"),
        ("gaardhaven", "amager-faelled-skole", "Partner"),
        ("gaardhaven", "natteravnene", "Partner"),
        ("lektiecafe-sundholm", "amager-bibliotek", "Lead"),
        ("lektiecafe-sundholm", "roede-kors", "Partner"),
        ("lektiecafe-sundholm", "ssp-koebenhavn", "Partner"),
        ("lektiecafe-sundholm", "fsb", "Funder"),
        ("sommerbold", "sundby-boldklub", "Lead"),
        ("sommerbold", "fritidscenter-amager", "Lead"),
        ("sommerbold", "koebenhavns-politi", "Partner"),
        ("sommerbold", "amager-oest-lokaludvalg", "Funder"),
        ("tryghedspuljen", "working-group", "Lead"),
        ("kommunikation-dialog-og-synlighed", "oekf", "Lead"),
        ("kommunikation-dialog-og-synlighed", "partnership", "Partner"),
    }
    intentions = [row for row in draft.review if "only states an intention" in row.why]
    assert {row.why.split(" as ")[0] for row in intentions} == {"SSP København", "Amager Øst Lokaludvalg"}
    quote = draft.graph.value(thd("resp-lektiecafe-sundholm-ssp-koebenhavn-partner"), TH.quote)
    assert str(quote) == "Det er hensigten at inddrage SSP København."


def test_new_actors_declared_with_a_guessed_kind_and_a_review_row(draft):
    g = draft.graph
    kinds = {
        "boligsociale-helhedsplan-amagerbro": TH.HousingSocialMasterPlan, "amager-faelled-skole": TH.School,
        "amager-bibliotek": TH.PublicInstitution, "roede-kors": TH.NGO, "sundby-boldklub": TH.Association,
        "fritidscenter-amager": TH.MunicipalUnit, "amager-oest-lokaludvalg": TH.PublicInstitution,
    }
    for local, kind in kinds.items():
        assert (thd(f"actor-{local}"), RDF.type, kind) in g, local
        assert any(f"thd:actor-{local}," in row.suggestion for row in draft.review), local
    # registry actors are referred to, not declared again in the plan
    assert (URIRef(ACTOR + "fsb"), RDF.type, None) not in g
    assert (thd("working-group"), RDF.type, TH.PartnershipBody) in g


def test_target_groups_deliverables_timeline_channels(draft):
    g = draft.graph
    ages = {(str(a).rsplit("activity-", 1)[-1], int(g.value(t, TH.minAge)), int(g.value(t, TH.maxAge)))
            for a, t in g.subject_objects(TH.targetGroup) if g.value(t, TH.minAge) is not None}
    assert ages == {("gaardhaven", 6, 12), ("lektiecafe-sundholm", 10, 16), ("sommerbold", 13, 17)}
    assert (thd("targetgroup-gaardhaven-1"), TH.priority, TH.Primary) in g
    assert (thd("targetgroup-gaardhaven-2"), TH.priority, TH.Secondary) in g
    first = thd("deliverable-gaardhaven-1")
    assert (str(g.value(first, TH.targetMin)), g.value(first, TH.targetMax), g.value(first, TH.period)) == \
        ("40", None, TH.PerYear)
    feast = thd("deliverable-gaardhaven-2")
    assert (str(g.value(feast, TH.targetMin)), str(g.value(feast, TH.targetMax))) == ("1", "1")
    cafe = thd("deliverable-lektiecafe-sundholm-1")
    assert (str(g.value(cafe, TH.targetMin)), str(g.value(cafe, TH.targetMax)), g.value(cafe, TH.period)) == \
        ("25", "30", TH.PerMonth)
    autumn = thd("timeline-gaardhaven-2")
    assert (str(g.value(autumn, TH.when)), str(g.value(autumn, TH.startMonth)), str(g.value(autumn, TH.endMonth))) == \
        ("Sep-okt", "2024-09", "2024-10")
    assert {str(g.value(c, RDFS.label)) for c in g.objects(thd("activity-gaardhaven"), TH.channel)} == \
        {"Facebook", "Beboerbladet"}


# --- the whole draft -----------------------------------------------------------------------------


def test_every_fact_cites_a_section_of_the_plan(draft):
    g = draft.graph
    cited = (TH.BudgetAmount, TH.StatedSum, TH.Earmark, TH.CoFinancing, TH.Responsibility, TH.FocusAreaSupport,
             TH.Activity, TH.ActivityYearStatus, TH.Deliverable, TH.TargetGroup, TH.TimelineEntry, TH.Result)
    for kind in cited:
        for node in g.subjects(RDF.type, kind):
            section = g.value(node, TH.source)
            assert section is not None and (section, RDF.type, TH.PlanSection) in g, node
            assert (section, TH.sectionOf, thd("plan-2024")) in g
            assert str(g.value(node, TH.quote)).strip(), node


def test_quotes_are_verbatim_plan_text(draft):
    # the plan's words, de-hyphenated at line ends and without the footnote marker
    plan = " ".join(MINI.read_text(encoding="utf-8").split())
    plan = re.sub(r"(?<=[a-zæøå])- (?=[a-zæøå])", "", plan)
    plan = re.sub(r"(?<=\d)- (?=\d)", "-", plan)
    plan = re.sub(r"(?<=[a-zæøå])1(?=\.)", "", plan)
    for quote in draft.graph.objects(None, TH.quote):
        assert " ".join(str(quote).split()) in plan, str(quote)


def test_draft_passes_the_shapes(draft, registry):
    report = validate(with_model(draft, registry))
    assert report.violations == []


def test_same_input_same_bytes(draft, registry):
    again = read_plan(MINI, actors=registry, lang="en")
    assert serialize(again.graph, "ttl") == serialize(draft.graph, "ttl")
    assert again.review_csv() == draft.review_csv()


def test_review_csv(draft):
    rows = list(csv.DictReader(io.StringIO(draft.review_csv())))
    assert tuple(rows[0]) == REVIEW_COLUMNS
    assert len(rows) == len(draft.review) and all(row["why"] and row["section"] for row in rows)
    # in the order of the plan's text
    numbers = [int(row["line"].split()[-1]) for row in rows if row["line"]]
    assert numbers == sorted(numbers)


def test_spacing_placements_confirmed_by_the_stated_sums_need_no_review(draft):
    # the mini plan's overview rows add up to its "Sum (kr.)": no overview row is in doubt;
    # the co-financing row's years rest on the text's spacing alone
    spacing = [row for row in draft.review if "spacing" in row.why]
    assert [row.read for row in spacing] == ["Medfinansiering fra fsb 5.000 5.000"]


@pytest.mark.skipif(not SHIPPED_TEXT.is_file(), reason="the shipped plan's text is missing")
def test_shipped_plan_text_reads_as_curated():
    draft = read_plan(SHIPPED_TEXT, lang="en")
    g = draft.graph
    numbers = {int(n) for n in g.objects(None, TH.activityNumber)}
    assert numbers == set(range(1, 17))
    overview = amounts(g, TH.OverviewTable)
    assert len(overview) == 63 and sum(a[3] for a in overview if a[1] == 2024) == 2210000
    why = " ".join(row.why for row in draft.review)
    for printed in ("188.00", "250.00", "150.00"):
        assert f"“{printed}” in a column of thousands" in why
    graph = Graph()
    graph += parse_file(ontology_path())
    graph += known_actors()
    graph += g
    assert validate(graph).violations == []


@pytest.mark.skipif(not SHIPPED_TEXT.is_file(), reason="the shipped plan's text is missing")
def test_shipped_plan_text_names_its_own_organisations_with_the_registry_alone():
    """A partnership's first import: the responsible organisations the plan names for the
    first time are read as the curator read them (activities 1, 4, 8, 10 and 12 by name),
    other spellings of one are one actor, and every new organisation is on the review list."""
    draft = read_plan(SHIPPED_TEXT, lang="en")
    g = draft.graph
    plan = "Boligsociale helhedsplan for Tingbjerg/Utterslevhuse"

    def leads(number: int) -> set[str]:
        activity = next(g.subjects(TH.activityNumber, Literal(number)))
        return {str(g.value(g.value(r, TH.actor), RDFS.label)) for r in g.objects(activity, TH.responsibility)
                if g.value(r, TH.role) == TH.Lead}

    assert leads(1) == {plan}
    assert leads(4) == {plan, "Boligsociale helhedsplan Tingbjerg Forum", "Husum for alle", "Ny Start"}
    assert leads(8) == {plan, "Tingbjerg Bibliotek/kulturhus", "Café Mors Varme Hænder"}
    assert leads(10) == {plan, "EnergiCenter Voldparken", "Husum for alle", "Kultur og Fritid Brønshøj-Husum"}
    assert leads(12) == {"Brønshøj-Husum fritidscenter", "Fritidscenter Tingbjerg", "Fritidscenter Vanløse"}
    master = URIRef("https://w3id.org/theory/data/tingbjerg-husum/actor-boligsociale-helhedsplan-for-tingbjerg-"
                    "utterslevhuse")
    assert (master, RDF.type, TH.HousingSocialMasterPlan) in g
    assert {str(o) for o in g.objects(master, SKOS.altLabel)} == {
        "boligsociale helhedsplan i Tingbjerg/Utterslevhuse", "boligsociale team i Tingbjerg/Utterslev Huse"}
    new = {str(s).rsplit("actor-", 1)[-1] for s in g.subjects(RDFS.label, None) if "/tingbjerg-husum/actor-" in str(s)}
    assert len(new) == 27
    for local in new:
        assert [row for row in draft.review if f"thd:actor-{local}," in row.suggestion], local


@pytest.mark.skipif(not SHIPPED_TEXT.is_file(), reason="the shipped plan's text is missing")
def test_shipped_plan_text_audits_as_curated(tmp_path, ws, plan):
    from theory.sources import shipped_registry_path

    draft = read_plan(SHIPPED_TEXT, lang="en")
    mine = workspace(draft, tmp_path / "portfolio", shipped_registry_path() / "actors.ttl")

    def key(row):
        return (row["year"], row["check"], row["stated"], row["computed"])

    assert sorted(map(key, audit_budget(mine, mine.plans[0]).mismatches)) == \
        sorted(map(key, audit_budget(ws, plan).mismatches))


# one language at a time


@pytest.fixture(scope="module")
def danish(registry):
    return read_plan(MINI, actors=registry, lang="da")


def _row(draft, read: str):
    return next(row for row in draft.review if row.read.startswith(read))


def test_the_review_list_speaks_the_language_asked_for(draft, danish):
    english, dansk = _row(draft, "Lønmidler 80.000"), _row(danish, "Lønmidler 80.000")
    assert (english.line, english.why, english.suggestion) == (
        "line 69", "“120.00” in a column of thousands (2024)", "likely a misprint of 120.000; recorded as printed")
    assert (dansk.line, dansk.why, dansk.suggestion) == (
        "linje 69", "»120.00« i en kolonne af tusinder (2024)",
        "formentlig en trykfejl for 120.000; registreret som trykt")
    assert english.section == dansk.section == "1. Aktivitet: Gårdhaven – Økonomi"  # the plan's own section title
    assert len(danish.review) == len(draft.review)
    assert danish.review[1].read == "1 resultat for »Trygt byliv«"  # what was read, when the tool says it
    assert draft.review[1].read == "1 result of “Trygt byliv”"
    assert danish.review_csv().splitlines()[0] == "section,line,read,why,suggestion"  # the columns stay keys


def test_roles_and_kinds_are_named_by_the_ontologys_labels(draft, danish):
    assert _row(danish, "Det er hensigten at inddrage SSP").why == \
        "SSP København som samarbejdspartner: planen udtrykker kun en hensigt (»hensigten«)"
    assert _row(draft, "Det er hensigten at inddrage SSP").why == \
        "SSP København as partner: the plan only states an intention (“hensigten”)"
    assert "art th:School (Skole eller uddannelsessted) gættet ud fra navnet" in \
        _row(danish, "Amager Fælled Skole").suggestion
    assert "kind th:School (School or college) guessed from its name" in _row(draft, "Amager Fælled Skole").suggestion


def test_the_graph_is_the_same_plan_text_in_either_language(draft, danish):
    assert isomorphic(draft.graph, danish.graph)
    notes = {str(note) for note in danish.graph.objects(None, TH.note)}
    assert "Trykt som '120.00'; formentlig 120.000." in notes  # plan-style Danish data notes, whatever the language


def test_an_unknown_language_is_refused_before_reading(registry):
    with pytest.raises(UsageError, match="unknown language 'de'"):
        read_plan(MINI, actors=registry, lang="de")
