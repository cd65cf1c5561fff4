"""Not fitted to one document: variations of the template, written here from the mini plan.

Each variation either imports correctly or puts the problem on the review list; a fact that
is wrong without a review row fails. The variations: parts in another order, an extra and
a missing activity, the years 2025–2028, a table without its "I alt", an activity without
an "Økonomi" section, text broken across pages (form feeds, a running header and page
numbers), a table row with more figures than year columns, a row of figures without
the extractor's spacing, and responsible sections that name organisations the registry
does not know (a partnership's first plan).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.compare import graph_diff, isomorphic

from theory.importer import read_plan
from theory.importer.reader import known_actors
from theory.load import parse_file
from theory.sources import ontology_path
from theory.namespaces import SCHEMA, TH
from theory.validate import validate

DATA = Path(__file__).parent / "data" / "importer"
MINI = (DATA / "mini-plan.txt").read_text(encoding="utf-8")
BASE = "https://w3id.org/theory/data/amagerbro/"


def thd(local: str) -> URIRef:
    return URIRef(BASE + local)


@pytest.fixture(scope="module")
def registry() -> Graph:
    return known_actors([DATA / "registry.ttl"])


@pytest.fixture(scope="module")
def original(registry):
    return read_plan(DATA / "mini-plan.txt", actors=registry, lang="en")


def imported(tmp_path: Path, text: str, registry: Graph, name: str = "plan.txt", lang: str = "en"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_plan(path, actors=registry, lang=lang)


def block(text: str, start: str, end: str | None) -> str:
    """The lines of ``text`` from the line starting with ``start`` up to the one starting with ``end``."""
    a = text.index("\n" + start) + 1
    b = text.index("\n" + end, a) + 1 if end else len(text)
    return text[a:b]


def amounts(graph: Graph, activity: str, table: URIRef) -> dict[tuple[int, str], Decimal]:
    out = {}
    for node in graph.subjects(TH.forActivity, thd(f"activity-{activity}")):
        if (node, RDF.type, TH.BudgetAmount) in graph and (node, TH.table, table) in graph:
            line = str(graph.value(node, TH.budgetLine)).rsplit("#", 1)[-1]
            out[(int(str(graph.value(node, TH.year))), line)] = Decimal(str(graph.value(node, SCHEMA.value)))
    return out


def conforms(draft, registry) -> list:
    graph = Graph()
    graph += parse_file(ontology_path())
    graph += registry
    graph += draft.graph
    return validate(graph).violations


def test_parts_in_another_order_read_the_same(tmp_path, registry, original):
    theory = block(MINI, "Forandringsteori", "Tryghedsplanens indsatsområder")
    areas = block(MINI, "Tryghedsplanens indsatsområder", "Tryghedsplanens økonomi")
    money = block(MINI, "Tryghedsplanens økonomi", "Tryghedsplanens aktiviteter")
    third = block(MINI, "3. AKTIVITET", "4. AKTIVITET")
    text = MINI.replace(money, "").replace(theory + areas, areas + theory).replace(third, "") + third + money
    draft = imported(tmp_path, text, registry)
    assert isomorphic(draft.graph, original.graph), graph_diff(draft.graph, original.graph)[1].serialize(format="nt")
    assert {(r.section, r.read, r.why) for r in draft.review} == {(r.section, r.read, r.why) for r in original.review}


def test_an_extra_activity_without_an_overview_row(tmp_path, registry):
    extra = (
        "6. AKTIVITET: NATTEVANDRING \n"
        "Aktiviteten understøtter indsatsområdet ”trygt byliv”. \n"
        "Økonomi \n"
        "Budgetpost 2021 2022 2023 2024 \n"
        "Aktivitetsmidler 5.000 5.000 5.000 5.000 \n"
        "I alt 5.000 5.000 5.000 5.000 \n"
        "Aktivitetsansvarlig/e \n"
        "Natteravnene er ansvarlige for vandringerne. \n"
    )
    draft = imported(tmp_path, MINI + extra, registry)
    activity = thd("activity-nattevandring")
    assert int(draft.graph.value(activity, TH.activityNumber)) == 6
    assert (activity, TH.supports, thd("fa-trygt-byliv")) in draft.graph
    assert amounts(draft.graph, "nattevandring", TH.ActivityTable)[(2024, "Total")] == 5000
    assert not amounts(draft.graph, "nattevandring", TH.OverviewTable)
    assert [r for r in draft.review if "activity 6 has no row in the overview table" in r.why]
    assert conforms(draft, registry) == []


def test_a_missing_activity_section(tmp_path, registry):
    text = MINI.replace(block(MINI, "2. AKTIVITET", "3. AKTIVITET"), "")
    draft = imported(tmp_path, text, registry)
    g = draft.graph
    activity = thd("activity-lektiecafe-sundholm")
    assert int(g.value(activity, TH.activityNumber)) == 2 and (activity, TH.source, thd("section-oekonomi")) in g
    assert amounts(g, "lektiecafe-sundholm", TH.OverviewTable)[(2023, "Total")] == 60000
    assert not amounts(g, "lektiecafe-sundholm", TH.ActivityTable)
    assert not list(g.objects(activity, TH.supports)) and not list(g.objects(activity, TH.responsibility))
    assert [r for r in draft.review if "activity 2 has a row in the overview table but no section" in r.why]
    assert conforms(draft, registry) == []  # the shapes warn: the plan gives it no focus area


def test_years_2025_to_2028(tmp_path, registry, original):
    text = re.sub(r"\b202([1-4])\b", lambda m: str(2024 + int(m.group(1))), MINI)
    draft = imported(tmp_path, text, registry)
    g = draft.graph
    assert str(g.value(thd("plan-2028"), TH.planYear)) == "2028"
    assert str(g.value(thd("agreement-2025-2028"), TH.periodStart)) == "2025"
    before = amounts(original.graph, "gaardhaven", TH.ActivityTable)
    after = amounts(g, "gaardhaven", TH.ActivityTable)
    assert after == {(year + 4, line): value for (year, line), value in before.items()}
    assert amounts(g, "sommerbold", TH.OverviewTable) == {(2028, "Total"): 40000}
    assert (thd("status-sommerbold-2028"), TH.status, TH.New) in g
    assert (thd("status-natteravne-2027"), TH.status, TH.Ended) in g
    assert conforms(draft, registry) == []


def test_a_table_without_its_i_alt(tmp_path, registry):
    text = MINI.replace("Aktivitetsmidler    40.000 \nI alt:    40.000 \n", "Aktivitetsmidler    40.000 \n")
    draft = imported(tmp_path, text, registry)
    own = amounts(draft.graph, "sommerbold", TH.ActivityTable)
    assert own == {(2024, "ActivityFunds"): 40000}
    rows = [r for r in draft.review if "no “I alt” row" in r.why]
    assert rows and rows[0].section == "3. Aktivitet: Sommerbold – Økonomi"
    assert conforms(draft, registry) == []


def test_an_activity_without_an_oekonomi_section(tmp_path, registry):
    section = block(MINI, "Økonomi \nBudget 2021", "Aktivitetsansvarlig/e \nPuljen")
    draft = imported(tmp_path, MINI.replace(section, ""), registry)
    assert not amounts(draft.graph, "tryghedspuljen", TH.ActivityTable)
    assert amounts(draft.graph, "tryghedspuljen", TH.OverviewTable)[(2024, "Total")] == 70000
    assert [r for r in draft.review if r.why == "the activity has no “Økonomi” section"]
    assert conforms(draft, registry) == []


def test_text_broken_across_pages(tmp_path, registry, original):
    """pdftotext's form feeds, a running header on every page and page numbers; the break
    falls inside a sentence and inside an activity's table."""
    lines = MINI.split("\n")
    pages, size = [], 28
    for k in range(0, len(lines), size):
        number = k // size + 1
        pages.append("\n".join(["Amagerbro tryghedsplan 2024 – side " + str(number)] + lines[k:k + size] + [str(number)]))
    draft = imported(tmp_path, "\f".join(pages), registry)
    assert isomorphic(draft.graph, original.graph), graph_diff(draft.graph, original.graph)[1].serialize(format="nt")
    assert all(r.line.startswith("p. ") for r in draft.review if r.line)


@pytest.mark.parametrize("lang, why", [
    ("en", "5 figures for 4 year columns; no figure of the row was read"),
    ("da", "5 tal til 4 årskolonner; ingen af rækkens tal blev læst"),
])
def test_a_row_with_more_figures_than_years(tmp_path, registry, lang, why):
    text = MINI.replace("Lønmidler 80.000 80.000 100.000 120.00 \n", "Lønmidler 80.000 80.000 100.000 120.000 5.000 \n")
    draft = imported(tmp_path, text, registry, lang=lang)
    own = amounts(draft.graph, "gaardhaven", TH.ActivityTable)
    assert not [key for key in own if key[1] == "SalaryFunds"]
    rows = [r for r in draft.review if r.read.startswith("Lønmidler 80.000")]
    assert rows and rows[0].why == why


def test_figures_without_the_extractors_spacing_are_reviewed(tmp_path, registry):
    # "3. Sommerbold (NY) 40.000" with one space: the text says 2021, the (NY) says 2024
    text = MINI.replace("3. Sommerbold (NY)    40.000", "3. Sommerbold (NY) 40.000")
    draft = imported(tmp_path, text, registry)
    placed = amounts(draft.graph, "sommerbold", TH.OverviewTable)
    rows = [r for r in draft.review if r.read.startswith("3. Sommerbold")]
    assert placed == {(2021, "Total"): 40000}  # as the text's spacing says ...
    assert any("put under 2021 by the text's spacing" in r.why for r in rows)  # ... and on the review list
    assert [r for r in draft.review if "marked (NY) but funded already in 2021" in r.why]


def test_an_earmark_for_an_activity_the_plan_does_not_have(tmp_path, registry):
    text = MINI.replace("(20.000kr øremærket \nLektiecafé Sundholm)", "(20.000kr øremærket \nUkendt Aktivitet)")
    assert text != MINI
    for lang, why in (("en", "an earmark for “Ukendt Aktivitet”, but no activity of the plan has that name"),
                      ("da", "en øremærkning til »Ukendt Aktivitet«, men ingen af planens aktiviteter har det navn")):
        draft = imported(tmp_path, text, registry, name=f"plan-{lang}.txt", lang=lang)
        assert not list(draft.graph.subjects(RDF.type, TH.Earmark))
        assert [r.why for r in draft.review if r.why.startswith(why[:10])] == [why]


#: the responsible sections of the mini plan, rewritten to name organisations the test
#: registry does not know, the ways Danish plans write them
FIRST_PLAN = [
    ("Den boligsociale helhedsplan Amagerbro er aktivitetsansvarlig. Amager Fælled Skole og Natteravnene indgår som \n"
     "samarbejdspartnere. \n",
     # a housing-social master plan by its place; an organisation named like the activity, by its kind
     # noun; an elided list of schools whose first place has two words
     "Den boligsociale helhedsplan for Sundholm/Amager Øst er aktivitetsansvarlig sammen med foreningen Gårdhaven. \n"
     "Amager Fælled, Sundby og Holmbladsgade Skole indgår som samarbejdspartnere. \n"),
    ("Amager Bibliotek er ansvarlig for lektiecaféen i samarbejde med Røde Kors. Det er hensigten at inddrage SSP \n"
     "København. \n",
     # a name not fully capitalised; two nouns joined by "og" before a place; the master plan again, spelled
     # another way (a line break inside it)
     "Sundby for alle er ansvarlig for lektiecaféen i samarbejde med Kultur og Fritid Amager. Det boligsociale team i \n"
     "Sundholm/Amager Øst deltager også. \n"),
    ("Juni-august: Fodboldturnering i parken. \n",
     "Juni-august: Fodboldturnering ved Fritidscenter Amager og Fritidscenter Sundby. \n"),
    ("Sundby Boldklub og Fritidscenter Amager er tovholdere. Københavns Politi deltager i turneringen. Der ansøges om \n"
     "tilskud hos Amager Øst Lokaludvalg. \n",
     # a plural read out against the activity's names; a quoted name after a kind noun; an abbreviation in
     # brackets, then on its own; a master plan the activity does not name
     "Ledelsen i de to fritidscentre er ansvarlige for turneringen. Udviklingen sker i samarbejde med netværket \n"
     "”Amager Sammen”. Amager Kulturhus (AKH) lægger lokaler til. AKH og Sundby Boldklub deltager i planlægningen. \n"
     "Det boligsociale team deltager også. \n"),
]


def test_organisations_the_registry_does_not_know_are_read_or_reviewed(tmp_path, registry):
    text = MINI
    for old, new in FIRST_PLAN:
        assert old in text
        text = text.replace(old, new)
    draft = imported(tmp_path, text, registry)
    g = draft.graph
    found = set()
    for resp in g.subjects(RDF.type, TH.Responsibility):
        activity = next(g.subjects(TH.responsibility, resp))
        if str(activity).endswith(("gaardhaven", "lektiecafe-sundholm", "sommerbold")):
            found.add((str(activity).rsplit("activity-", 1)[-1], str(g.value(resp, TH.actor)).rsplit("actor-", 1)[-1],
                       str(g.value(resp, TH.role)).rsplit("#", 1)[-1]))
    plan = "boligsociale-helhedsplan-for-sundholm-amager-oest"
    assert found == {
        ("gaardhaven", plan, "Lead"), ("gaardhaven", "gaardhaven", "Lead"),
        ("gaardhaven", "amager-faelled-skole", "Partner"), ("gaardhaven", "sundby-skole", "Partner"),
        ("gaardhaven", "holmbladsgade-skole", "Partner"),
        ("lektiecafe-sundholm", "sundby-for-alle", "Lead"), ("lektiecafe-sundholm", "kultur-og-fritid-amager", "Partner"),
        ("lektiecafe-sundholm", plan, "Partner"), ("lektiecafe-sundholm", "https://w3id.org/theory/data/actors/fsb",
                                                   "Funder"),
        ("sommerbold", "fritidscenter-amager", "Lead"), ("sommerbold", "fritidscenter-sundby", "Lead"),
        ("sommerbold", "amager-sammen", "Partner"), ("sommerbold", "amager-kulturhus", "Venue"),
        ("sommerbold", "amager-kulturhus", "Partner"), ("sommerbold", "sundby-boldklub", "Partner"),
    }
    # the kinds the text gives: a master plan, a network, schools, the fritidscentre
    for local, kind in ((plan, TH.HousingSocialMasterPlan), ("amager-sammen", TH.Network),
                        ("sundby-skole", TH.School), ("fritidscenter-sundby", TH.MunicipalUnit)):
        assert (thd(f"actor-{local}"), RDF.type, kind) in g, local
    # every new organisation is reviewed where it is first read
    new = {str(s).rsplit("actor-", 1)[-1] for s in g.subjects(RDFS.label, None) if str(s).startswith(BASE + "actor-")}
    assert len(new) == 12
    for local in new:
        assert [r for r in draft.review if f"thd:actor-{local}," in r.suggestion], local
    # other spellings are the same organisation, recorded and reviewed
    assert {str(o) for o in g.objects(thd(f"actor-{plan}"), SKOS.altLabel)} == {"boligsociale team i Sundholm/Amager Øst"}
    assert {str(o) for o in g.objects(thd("actor-amager-kulturhus"), SKOS.altLabel)} == {"AKH"}
    spelled = [r for r in draft.review if r.why.startswith("read as another way of writing")]
    assert {(r.read, r.section.split(" –")[0]) for r in spelled} == {
        ("boligsociale team i Sundholm/Amager Øst", "2. Aktivitet: Lektiecafé Sundholm"),
        ("AKH", "3. Aktivitet: Sommerbold")}
    # a reference the activity does not resolve is not read, and reviewed
    assert [r for r in draft.review if r.why == "“Det boligsociale team” is not read: the activity names no "
                                                 "housing-social master plan"]
    # the plural is read out against the activity's own names, and said so
    assert [r for r in draft.review if r.why == "“de to fritidscentre” read as Fritidscenter Amager, Fritidscenter Sundby"]
    assert conforms(draft, registry) == []
