"""A synthetic city of safety plans, for measuring `theory` on a portfolio of realistic size.

``write_city(folder, plans=N)`` writes N partnerships' plans in the layout of ``graph/``
(one folder per plan: ``plan.ttl``, ``actors.ttl``, ``overview.ttl`` and one
``activity-NN-<slug>.ttl`` per numbered activity; the shared registry copied to
``registry/``). Every plan is made to pass ``ontology/shapes.ttl`` with no violation and
no warning: each numbered activity has an agreed lead, focus areas backed by a
``th:FocusAreaSupport``, amounts in DKK inside the agreement period, cited sources and
quotes. Between plans, activity counts (13–25 numbered, 0–3 ended), names, amounts, plan
years (2021–2026) and agreement periods vary; actors come from the shared registry
(``actor:`` IRIs) and from each partnership's own ``actors.ttl``. IRIs are minted by
:class:`theory.mint.Minter`, as curation does. A plan has about 6,500 triples, so 150
plans are about a million.

Same ``plans`` and ``seed``, same files. Run it alone to write a city::

    python benchmarks/city.py --plans 10 /tmp/city
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from theory.mint import Minter, slug
from theory.namespaces import ORG, SCHEMA, SKOS, TH
from theory.sources import shipped_registry_path

__all__ = ["CityPlan", "write_city", "registry_actors"]

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"

#: neighbourhoods; two of them name a partnership ("Amager Øst-Sundby Partnerskab")
AREAS = [
    "Amager Øst", "Amager Vest", "Bispebjerg", "Brønshøj", "Christianshavn", "Ørestad",
    "Fuglebakken", "Husum", "Indre Nørrebro", "Kongens Enghave", "Mjølnerparken", "Nordvest",
    "Nørrebro", "Ottiliavej", "Sundby", "Sydhavnen", "Tingbjerg", "Urbanplanen", "Utterslev",
    "Valby", "Vanløse", "Vesterbro", "Vigerslev", "Østerbro",
]
FOCUS_AREAS = [
    ("Trygt byliv", "Safe urban life"),
    ("Uddannelse og beskæftigelse", "Education and employment"),
    ("Positive fællesskaber", "Positive communities"),
    ("Forebyggelse af kriminalitet", "Crime prevention"),
    ("Sundhed og trivsel", "Health and well-being"),
    ("Tryghed i boligområdet", "Safety in the housing estate"),
]
CROSS_CUTTING = ("Kommunikation, dialog og synlighed", "Communication, dialogue and visibility")
IMPACT = ("Øget tryghed og mindre kriminalitet", "More safety and less crime")
ACTIVITY_KINDS = [
    "Lektiecafé", "Fritidsjob", "Sommeraktiviteter", "Natteravne", "Foreningsstart", "Kulturnat",
    "Fodboldturnering", "Madklub", "Mentorforløb", "Forældrenetværk", "Tryghedsvandring",
    "Ungeråd", "Musikværksted", "Pigeklub", "Jobmesse", "Fællesspisning", "Byhaven",
    "Lommepengejob", "Idrætsdag", "Videnspuljen", "Tryghedspuljen", "Sprogcafé", "Gadeteam",
    "Cykelværksted", "Seniornetværk", "Filmklub", "Kreativt værksted", "Ferielejr",
]
LOCAL_ACTORS = [
    (TH.HousingSocialMasterPlan, "Helhedsplanen for {area}"),
    (TH.Association, "{area} Boldklub"),
    (TH.Association, "Beboerforeningen {area}"),
    (TH.School, "{area} Skole"),
    (TH.ResidentGroup, "Mødregruppen i {area}"),
    (TH.PublicInstitution, "{area} Bibliotek"),
    (TH.Association, "Kulturforeningen {area}"),
    (TH.MunicipalUnit, "Fritidscenter {area}"),
    (TH.NGO, "Frivillignetværket {area}"),
]
LINES = [TH.SalaryFunds, TH.ActivityFunds, TH.Rent, TH.OtherCosts]
LINE_LABELS = {TH.SalaryFunds: "Lønmidler", TH.ActivityFunds: "Aktivitetsmidler", TH.Rent: "Husleje",
               TH.OtherCosts: "Andet"}
PERIODS = [TH.PerYear, TH.PerMonth, TH.PerWeek, TH.PerEvent, TH.Ongoing]
UNITS = ["deltagere", "arrangementer", "unge i job", "frivillige", "forløb", "møder"]
PLACES = ["Beboerhuset", "Skolen", "Biblioteket", "Idrætsanlægget", "Torvet", "Klubhuset"]
CHANNELS = ["Hjemmeside", "Sociale medier", "Plakater", "Lokalavisen", "Opslag i opgange"]


def _iri(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _da(text: str) -> ox.Literal:
    return ox.Literal(text, language="da")


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def _year(year: int) -> ox.Literal:
    return ox.Literal(f"{year:04d}", datatype=ox.NamedNode(XSD + "gYear"))


def _month(year: int, month: int) -> ox.Literal:
    return ox.Literal(f"{year:04d}-{month:02d}", datatype=ox.NamedNode(XSD + "gYearMonth"))


def _decimal(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "decimal"))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))


def _kr(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class _File:
    """The triples of one Turtle file."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(self, subject: str, predicate, obj) -> None:
        if not isinstance(obj, (ox.NamedNode, ox.Literal)):
            obj = _iri(obj)
        self.triples.append(ox.Triple(ox.NamedNode(subject), _iri(predicate), obj))

    def node(self, subject: str, kind, **values) -> None:
        """``subject`` a ``kind`` with ``values`` (TH local name -> object or list of objects)."""
        self.add(subject, RDF_TYPE.value, kind)
        for name, value in values.items():
            predicate = RDFS_LABEL.value if name == "label" else getattr(TH, name)
            for item in value if isinstance(value, list) else [value]:
                self.add(subject, predicate, item)

    def write(self, path: Path, base: str) -> int:
        prefixes = {"actor": "https://w3id.org/theory/data/actors/", "org": str(ORG),
                    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "schema": str(SCHEMA), "skos": str(SKOS),
                    "th": str(TH._NS), "thd": base, "xsd": XSD}
        ox.serialize(self.triples, str(path), format=ox.RdfFormat.TURTLE, prefixes=prefixes)
        return len(self.triples)


@dataclass
class CityPlan:
    """One generated plan: its folder, IRI, partnership, year, activities and triples."""

    folder: Path
    iri: str
    partnership: str
    year: int
    activities: int
    triples: int = 0
    files: list[Path] = field(default_factory=list)


def registry_actors() -> list[tuple[str, str]]:
    """(IRI, Danish label) of every actor of the shipped registry, sorted."""
    found = {}
    for path in sorted(shipped_registry_path().glob("*.ttl")):
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            if quad.predicate == RDFS_LABEL and getattr(quad.object, "language", None) == "da":
                found[quad.subject.value] = quad.object.value
    return sorted(found.items())


def _partnership_names(count: int, rng: random.Random) -> list[str]:
    pairs = [(a, b) for i, a in enumerate(AREAS) for b in AREAS[i + 1:]]
    rng.shuffle(pairs)
    names = [f"{a}-{b}" for a, b in pairs]
    while len(names) < count:  # more plans than pairs: number the repeats
        names += [f"{n} {len(names) // len(pairs) + 1}" for n in names[:len(pairs)]]
    return names[:count]


def _plan(folder: Path, area: str, rng: random.Random, registry: list[tuple[str, str]]) -> CityPlan:
    m = Minter.for_partnership(f"{area} Partnerskab")
    year = rng.randint(2021, 2026)
    length = rng.randint(3, 5)
    start = year - rng.randint(1, length - 1)
    end = start + length - 1
    plan = m.plan(year)
    plan_name = f"{area} tryghedsplan {year}"
    files: dict[str, _File] = {"plan.ttl": _File(), "actors.ttl": _File(), "overview.ttl": _File()}
    p = files["plan.ttl"]

    def section(f: _File, iri: str, label: str) -> str:
        f.node(iri, TH.PlanSection, label=_da(label), sectionOf=plan)
        return iri

    def cite(text: str, src: str) -> dict:
        return {"quote": _da(text), "source": src}

    intro = section(p, m.section("intro"), f"{area} Partnerskab og {plan_name} (indledning)")
    theory_section = section(p, m.section("forandringsteori"), "Forandringsteori")
    economy = section(files["overview.ttl"], m.section("oekonomi"), "Tryghedsplanens økonomi")
    agreement = m.agreement(start, end)
    p.node(plan, TH.SafetyPlan, label=[_da(plan_name), _en(f"{area} safety plan {year}")],
           planYear=_year(year), implements=agreement, planOf=m.partnership(),
           periodStart=_year(start), periodEnd=_year(end),
           **cite(f"{area} Partnerskab har udarbejdet denne tryghedsplan for {year}.", intro))
    p.node(agreement, TH.PartnershipAgreement, label=_da(f"Partnerskabsaftale {area} {start}-{end}"),
           agreementOf=m.partnership(), changeTheory=m.change_theory(), periodStart=_year(start),
           periodEnd=_year(end), **cite(f"Partnerskabsaftale {area} {start}-{end}.", intro))
    parties = rng.sample(registry, rng.randint(6, 12))
    p.node(m.partnership(), TH.Partnership, label=[_da(f"{area} Partnerskab"), _en(f"{area} Partnership")],
           party=[a for a, _ in parties], **cite(f"{area} Partnerskab består af kommunen, politiet og boligselskaberne.", intro))
    for body, name in (("steering-group", "Styregruppen"), ("working-group", "Arbejdsgruppen")):
        p.node(m.body(body), TH.PartnershipBody, label=_da(name), **cite(f"{name} i {area}.", intro))
        p.add(m.body(body), ORG.unitOf, m.partnership())
    impact = m.impact(IMPACT[0])
    p.node(impact, TH.Impact, label=[_da(IMPACT[0]), _en(IMPACT[1])], **cite(IMPACT[0] + ".", theory_section))
    p.node(m.change_theory(), TH.ChangeTheory, label=_da("Forandringsteori"), intendedImpact=impact,
           **cite("Forandringsteorien viser resultaterne under hvert indsatsområde.", theory_section))

    areas = rng.sample(FOCUS_AREAS, 3)
    cross = rng.random() < 0.6
    fa_iris = []
    for name, english in areas + ([CROSS_CUTTING] if cross else []):
        fa = m.focus_area(name)
        fa_section = section(p, m.section(name), f"Indsatsområde: {name}")
        results = [m.result(slug(name), n) for n in range(1, rng.randint(3, 4) + 1)]
        p.node(fa, TH.FocusArea, label=[_da(name), _en(english)], hasResult=results,
               **cite(f"Indsatsområdet {name.lower()}.", fa_section))
        p.add(fa, SKOS.inScheme, m.change_theory())
        if (name, english) == CROSS_CUTTING:
            p.add(fa, RDF_TYPE.value, TH.CrossCuttingEffort)
        else:
            fa_iris.append(fa)
        for n, result in enumerate(results, 1):
            p.node(result, TH.Result, label=_da(f"Resultat {n} for {name.lower()} i {area}"), leadsTo=impact,
                   resultOf=fa, **cite(f"Partnerskabet arbejder for resultat {n} inden for {name.lower()}.", fa_section))
    cross_fa = m.focus_area(CROSS_CUTTING[0]) if cross else None

    # the partnership's own actors
    a = files["actors.ttl"]
    local = []
    for kind, pattern in rng.sample(LOCAL_ACTORS, rng.randint(4, len(LOCAL_ACTORS))):
        name = pattern.format(area=area)
        iri = m.actor(name)
        a.node(iri, kind, label=_da(name))
        if rng.random() < 0.3:
            a.add(iri, SKOS.altLabel, _da(name.split()[0]))
        local.append((iri, name))
    people = local + [(iri, name) for iri, name in rng.sample(registry, min(len(registry), 14))]

    # activities
    places = [m.place(f"{name} {area}") for name in PLACES]
    channels = [m.channel(name) for name in CHANNELS]
    for place, name in zip(places, PLACES):
        p.node(place, TH.Place, label=_da(f"{name} {area}"))
    for channel, name in zip(channels, CHANNELS):
        p.node(channel, TH.CommunicationChannel, label=_da(name))
    overview = files["overview.ttl"]
    rows_per_year: dict[int, int] = {}
    numbered = rng.randint(13, 25)
    kinds = rng.sample(ACTIVITY_KINDS, numbered)
    activity_iris = []
    for number, kind in enumerate(kinds, 1):
        name = f"{kind} {area}"
        s = slug(name)
        act = m.activity(name)
        activity_iris.append((act, s, name))
        f = files[f"activity-{number:02d}-{s}.ttl"] = _File()
        head = section(f, m.activity_section(number), f"{number}. Aktivitet: {name} – Indledning")
        parts = {part: section(f, m.activity_section(number, part), f"{number}. Aktivitet: {name} – {part.title()}")
                 for part in ("maalgruppe", "maalsaetninger", "leverancer", "ansvarlige", "oekonomi", "tidsplan")}
        first = start if rng.random() < 0.6 else rng.randint(start, year)
        status = m.status(s, year)
        f.node(status, TH.ActivityYearStatus, year=_year(year), status=TH.New if first == year else TH.Continuing,
               **cite(f"{number}. {name}", economy))
        supported = [cross_fa] if cross and number == numbered else rng.sample(fa_iris, rng.randint(1, 3))
        for fa in supported:
            support = m.support(s, fa.rsplit("/fa-", 1)[1])
            f.node(support, TH.FocusAreaSupport, supportingActivity=act, supportedFocusArea=fa,
                   **cite(f"Aktiviteten understøtter indsatsområdet {fa.rsplit('/fa-', 1)[1].replace('-', ' ')}.", head))
        roles = [(TH.Lead, TH.Agreed)] + [(TH.CoLead, TH.Agreed)] * (rng.random() < 0.25)
        roles += [(TH.Partner, TH.Agreed)] * rng.randint(1, 4) + [(TH.Operator, TH.Agreed)] * (rng.random() < 0.3)
        roles += [(TH.Partner, TH.Prospective)] * (rng.random() < 0.25)
        responsibilities = []
        for (role, role_status), (actor, actor_name) in zip(roles, rng.sample(people, len(roles))):
            resp = m.responsibility(s, actor.rsplit("/", 1)[1], role.split("#")[-1])
            f.node(resp, TH.Responsibility, actor=actor, role=role, roleStatus=role_status,
                   **cite(f"{actor_name} er {'tovholder' if role == TH.Lead else 'med'} på {name}.", parts["ansvarlige"]))
            responsibilities.append(resp)
        deliverables = []
        for n in range(1, rng.randint(2, 6) + 1):
            d = m.item("deliverable", s, n)
            low = rng.randint(1, 50)
            unit = rng.choice(UNITS)
            f.node(d, TH.Deliverable, label=_da(f"Mindst {low} {unit}"), targetMin=_decimal(low),
                   targetMax=_decimal(low + rng.randint(0, 50)), unit=_da(unit), period=rng.choice(PERIODS),
                   **cite(f"Minimum {low} {unit}.", parts["leverancer"]))
            deliverables.append(d)
        groups = []
        for n in range(1, rng.randint(1, 4) + 1):
            g = m.item("targetgroup", s, n)
            low = rng.randint(6, 18)
            f.node(g, TH.TargetGroup, label=_da(f"Børn og unge {low}-{low + 6} år"), minAge=_integer(low),
                   maxAge=_integer(low + rng.randint(2, 8)), **cite(f"Målgruppen er {low}-{low + 6}-årige.", parts["maalgruppe"]))
            groups.append(g)
        objectives = []
        for n in range(1, rng.randint(2, 5) + 1):
            o = m.item("objective", s, n)
            f.node(o, TH.Objective, label=_da(f"Målsætning {n} for {name}"),
                   **cite(f"At opnå målsætning {n}.", parts["maalsaetninger"]))
            objectives.append(o)
        timeline = []
        for n in range(1, rng.randint(2, 5) + 1):
            t = m.item("timeline", s, n)
            begin = rng.randint(1, 12)
            f.node(t, TH.TimelineEntry, label=_da(f"Fase {n}"), startMonth=_month(year, begin),
                   endMonth=_month(year, rng.randint(begin, 12)), when=_da(f"Fase {n} i {year}"),
                   **cite(f"Fase {n} gennemføres i {year}.", parts["tidsplan"]))
            timeline.append(t)
        lines = sorted(rng.sample(LINES, rng.randint(2, 4)), key=str)
        for y in range(first, year + 1):
            values = {line: rng.randrange(5, 200) * 1000 for line in lines}
            total = sum(values.values())
            for line, value in [*values.items(), (TH.Total, total)]:
                amount = m.amount(s, y, "ActivityTable", line.split("#")[-1])
                f.node(amount, TH.BudgetAmount, forActivity=act, inPlan=plan, year=_year(y), table=TH.ActivityTable,
                       budgetLine=line, lineLabel=_da(LINE_LABELS.get(line, "I alt")),
                       **cite(f"{LINE_LABELS.get(line, 'I alt')} {_kr(value)}", parts["oekonomi"]))
                f.add(amount, SCHEMA.value, _decimal(value))
                f.add(amount, SCHEMA.currency, ox.Literal("DKK"))
            printed = total if rng.random() > 0.05 else total + 1000  # now and then the overview disagrees
            amount = m.amount(s, y, "OverviewTable", "Total")
            overview.node(amount, TH.BudgetAmount, forActivity=act, inPlan=plan, year=_year(y), table=TH.OverviewTable,
                          budgetLine=TH.Total, **cite(f"{number}. {name} {_kr(printed)}", economy))
            overview.add(amount, SCHEMA.value, _decimal(printed))
            overview.add(amount, SCHEMA.currency, ox.Literal("DKK"))
            rows_per_year[y] = rows_per_year.get(y, 0) + printed
            if y == year and rng.random() < 0.1:
                funder, funder_name = rng.choice(registry)
                co = m.cofinancing(s, funder.rsplit("/", 1)[1], y)
                f.node(co, TH.CoFinancing, forActivity=act, funder=funder, year=_year(y), table=TH.ActivityTable,
                       **cite(f"Medfinansiering fra {funder_name} {_kr(20000)}", parts["oekonomi"]))
                f.add(co, SCHEMA.value, _decimal(20000))
                f.add(co, SCHEMA.currency, ox.Literal("DKK"))
        f.node(act, TH.Activity, label=[_da(name), _en(f"{kind} ({area})")], activityNumber=_integer(number),
               description=_da(f"{name} er en aktivitet i {area} Partnerskab."), inPlan=plan, supports=supported,
               responsibility=responsibilities, yearStatus=status, deliverable=deliverables, targetGroup=groups,
               objective=objectives, timelineEntry=timeline, place=rng.sample(places, rng.randint(1, 2)),
               channel=rng.sample(channels, rng.randint(0, 3)), **cite(f"{number}. AKTIVITET: {name.upper()}", head))
    # activities of earlier years, only in the overview table
    for k in range(rng.randint(0, 3) if start < year else 0):
        name = f"Tidligere indsats {k + 1} {area}"
        s = slug(name)
        act = m.activity(name)
        status = m.status(s, year)
        overview.node(act, TH.Activity, label=_da(name), inPlan=plan, yearStatus=status,
                      **cite(f"{name} (afsluttet)", economy))
        overview.node(status, TH.ActivityYearStatus, year=_year(year), status=TH.Ended, **cite(f"{name} (afsluttet)", economy))
        y = rng.randint(start, year - 1)
        value = rng.randrange(10, 150) * 1000
        amount = m.amount(s, y, "OverviewTable", "Total")
        overview.node(amount, TH.BudgetAmount, forActivity=act, inPlan=plan, year=_year(y), table=TH.OverviewTable,
                      budgetLine=TH.Total, **cite(f"{name} {_kr(value)}", economy))
        overview.add(amount, SCHEMA.value, _decimal(value))
        overview.add(amount, SCHEMA.currency, ox.Literal("DKK"))
        rows_per_year[y] = rows_per_year.get(y, 0) + value
    if len(activity_iris) > 2 and rng.random() < 0.3:
        (source_act, source_slug, _), (target, target_slug, target_name) = rng.sample(activity_iris, 2)
        earmark = m.earmark(source_slug, target_slug, year)
        overview.node(earmark, TH.Earmark, fromActivity=source_act, forActivity=target, year=_year(year),
                      **cite(f"{_kr(50000)} øremærket {target_name}", economy))
        overview.add(earmark, SCHEMA.value, _decimal(50000))
        overview.add(earmark, SCHEMA.currency, ox.Literal("DKK"))
    for y, total in sorted(rows_per_year.items()):
        stated = m.stated_sum(y)
        overview.node(stated, TH.StatedSum, label=_da(f"Sum (kr.) {y}, budgetoversigten"), inPlan=plan,
                      year=_year(y), table=TH.OverviewTable, **cite(f"Sum (kr.) {_kr(total)}", economy))
        overview.add(stated, SCHEMA.value, _decimal(total))
        overview.add(stated, SCHEMA.currency, ox.Literal("DKK"))

    folder.mkdir(parents=True, exist_ok=True)
    result = CityPlan(folder, plan, f"{area} Partnerskab", year, numbered)
    for name, f in sorted(files.items()):
        result.triples += f.write(folder / name, m.base)
        result.files.append(folder / name)
    return result


def write_city(folder: Path, plans: int, *, seed: int = 2024) -> list[CityPlan]:
    """Write ``plans`` plans (and a copy of the shipped registry) into ``folder``, which must
    not hold a city already; the plans, in the order written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(shipped_registry_path(), folder / "registry", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__*"))
    registry = registry_actors()
    rng = random.Random(seed)
    written = []
    for i, area in enumerate(_partnership_names(plans, rng)):
        plan_rng = random.Random(f"{seed}-{i}")
        m = Minter.for_partnership(f"{area} Partnerskab")
        written.append(_plan(folder / m.base.rstrip("/").rsplit("/", 1)[1], area, plan_rng, registry))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the city (one folder per plan)")
    parser.add_argument("--plans", type=int, default=10, help="how many plans")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (same seed, same files)")
    args = parser.parse_args()
    written = write_city(args.folder, args.plans, seed=args.seed)
    triples = sum(p.triples for p in written)
    print(f"{args.folder}: {len(written)} plans, {triples:,} triples ({triples / len(written):,.0f} per plan)")


if __name__ == "__main__":
    main()
