"""A plan's PDF or text -> a draft plan graph and its review list.

:func:`read_plan` reads the file (:mod:`.source`), cuts it into the template's parts
(:mod:`.sections`), and writes what each part says as triples in the curated style of
``docs/curation.md``: IRIs minted through :class:`theory.mint.Minter`, every fact with
``th:source`` (a ``th:PlanSection``) and a verbatim ``th:quote``. Whatever is uncertain goes
on the review list instead of being guessed silently, in the language asked for (the
graph is plan text and stays Danish; roles and actor kinds are named by the ontology's own
labels). The rules are fixed (no language model, no network): the same file gives the same
draft, byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..i18n import N_, texts
from ..mint import REGISTRY, Minter, slug
from ..namespaces import ORG, TH
from .actors import ActorIndex, KnownActor, fold
from .changetheory import Frame, read_frame
from .details import (Name, capitalised, channels, objectives, parse_name, places, supports, target_groups, targets,
                      timeline)
from .draft import Draft, DraftWriter
from .errors import NotAPlanError
from .newactors import NewActors
from .money import Placed, cofinancing_funder, line_kind, meant, misprint_note, placed_rows, values, write_amount
from .remarks import in_words, term_label
from .roles import RoleReading, read_roles
from .sections import ActivityText, Outline, outline
from .source import read_lines
from .tables import Table, is_misprint, read_table
from .text import Line, Passage, sentences

__all__ = ["read_plan", "known_actors", "term_label"]

_ROLE_LOCAL = {TH.Lead: "Lead", TH.CoLead: "CoLead", TH.Partner: "Partner", TH.Operator: "Operator",
               TH.Trainer: "Trainer", TH.Funder: "Funder", TH.Venue: "Venue"}


def known_actors(paths: list[Path] | None = None) -> Graph:
    """The actors the importer matches names against: the Turtle files (or folders of them)
    in ``paths``; by default the shipped shared registry (``graph/registry/``)."""
    from ..load import parse_file
    from ..sources import shipped_registry_path

    if paths is None:
        paths = [shipped_registry_path()]
    graph = Graph()
    for path in paths:
        path = Path(path)
        files = sorted(p for p in path.rglob("*.ttl") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            graph += parse_file(file)
    return graph


def _actor_slug(iri: URIRef) -> str:
    local = str(iri).rstrip("/").rsplit("/", 1)[-1]
    return local[len("actor-"):] if local.startswith("actor-") else local


@dataclass
class _Act:
    number: int | None
    name: Name
    iri: URIRef
    key: str
    text: ActivityText | None = None
    row: Placed | None = None
    table: Table | None = None
    own: list[Placed] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.number}. Aktivitet: {self.name.label}" if self.number is not None else self.name.label


class _Reader:
    def __init__(self, path: Path, out: Outline, frame: Frame, overview: Table | None, writer: DraftWriter,
                 index: ActorIndex, actors: Graph | None):
        self.path, self.out, self.frame, self.overview, self.w = path, out, frame, overview, writer
        self.index, self.actor_graph = index, actors
        self.m, self.t = writer.minter, writer.t
        self.acts: list[_Act] = []
        self.used: dict[URIRef, KnownActor] = {}
        self.new = NewActors(index, writer)
        self.partnership = URIRef(self.m.partnership())
        name = frame.partnership_name or "Partnerskabet"
        title = frame.title.text if frame.title else None
        self.intro_label = f"{name} og {title} (indledning)" if title else f"{name} (indledning)"
        self.bodies: dict[str, KnownActor] = {}

    # --- sections -----------------------------------------------------------------------

    def intro(self) -> URIRef:
        return self.w.section("intro", self.intro_label)

    def overview_section(self) -> URIRef:
        title = self.out.overview.title if self.out.overview else "Tryghedsplanens økonomi"
        return self.w.section("oekonomi", title)

    def part(self, act: _Act, key: str) -> URIRef:
        if key == "intro":
            return self.w.section(f"a{act.number:02d}", f"{act.title} – Indledning")
        block = act.text.parts.get(key) if act.text else None
        title = block.title if block else key
        return self.w.section(f"a{act.number:02d}-{key}", f"{act.title} – {title}")

    def part_label(self, act: _Act, key: str) -> str:
        return str(self.w.graph.value(self.part(act, key), RDFS.label))

    def section_label(self, act: _Act, key: str) -> str:
        """The label :meth:`part` gives the section, without adding the section to the draft."""
        if key == "intro":
            return f"{act.title} – Indledning"
        block = act.text.parts.get(key) if act.text else None
        return f"{act.title} – {block.title if block else key}"

    # --- the frame ------------------------------------------------------------------------

    def write_frame(self) -> None:
        w, f, m, t = self.w, self.frame, self.m, self.t
        year = w.year
        name = f.partnership_name or "Partnerskabet"
        intro = self.intro()
        first = self.out.intro[0] if self.out.intro else None
        if not f.partnership_name:
            w.flag(self.intro_label, first, t("(no name)"), t("the opening names no partnership (“X Partnerskab”)"),
                   t("write the partnership's name in plan.ttl and in the IRIs' base"))
        part = w.node(m.partnership(), TH.Partnership, name)
        if f.partnership:
            w.text(part, TH.description, f.partnership.text)
            w.cite(part, intro, f.partnership.text)
        plan_label = f.title.text if f.title else f"{name} tryghedsplan {year}"
        plan = w.node(str(w.plan), TH.SafetyPlan, plan_label)
        w.add(plan, TH.planYear, Literal(str(year), datatype=XSD.gYear))
        w.add(plan, TH.planOf, part)
        if f.year_passage:
            w.cite(plan, intro, f.year_passage.text)
        theory = w.node(m.change_theory(), TH.ChangeTheory, "Forandringsteori")
        if f.period:
            start, end = f.period
            agreement = w.node(m.agreement(start, end), TH.PartnershipAgreement,
                               f"Partnerskabsaftale {name.replace(' Partnerskab', '')} {start}-{end}")
            w.add(agreement, TH.agreementOf, part)
            w.add(agreement, TH.changeTheory, theory)
            for node in (agreement, plan):
                w.add(node, TH.periodStart, Literal(str(start), datatype=XSD.gYear))
                w.add(node, TH.periodEnd, Literal(str(end), datatype=XSD.gYear))
            w.add(plan, TH.implements, agreement)
            w.cite(agreement, intro, f.period_passage.text)
        else:
            years = self.overview.years if self.overview else [year]
            w.add(plan, TH.periodStart, Literal(str(min(years)), datatype=XSD.gYear))
            w.add(plan, TH.periodEnd, Literal(str(max(years)), datatype=XSD.gYear))
            w.flag(self.intro_label, first, t("(no partnership agreement)"),
                   t("the opening names no agreement period (“Partnerskabsaftale … 2021-2024”)"),
                   t("the plan's period is taken from the overview table's years ({start}-{end}); check it",
                     start=min(years), end=max(years)))
        if self.out.theory is not None:
            tsec = w.section("forandringsteori", self.out.theory.title)
            if f.theory_passage:
                w.cite(theory, tsec, f.theory_passage.text)
        impact = None
        if f.impact:
            label = f.impact[:1].upper() + f.impact[1:]
            impact = w.node(m.impact(label), TH.Impact, label)
            w.add(theory, TH.intendedImpact, impact)
            w.cite(impact, w.section("forandringsteori", self.out.theory.title) if self.out.theory else intro,
                   f.impact_passage.text)
        else:
            w.flag(self.out.theory.title if self.out.theory else self.intro_label,
                   self.out.theory.heading if self.out.theory else first, t("(no impact)"),
                   t("no intended impact found (“den ønskede effekt - …”)"),
                   t("add the change theory's th:Impact by hand"))
        self.write_areas(theory, impact)
        for key, passage in f.bodies.items():
            node = w.node(str(self.body(key).iri), TH.PartnershipBody, self.body(key).label)
            w.add(node, ORG.unitOf, part)
            w.cite(node, intro, passage.text)
        self.write_parties(part, intro)

    def body(self, key: str) -> KnownActor:
        if key not in self.bodies:
            label, names = {"working-group": ("Arbejdsgruppen", ("arbejdsgruppen", "arbejdsgruppe")),
                            "steering-group": ("Styregruppen", ("styregruppen", "styregruppe"))}[key]
            actor = KnownActor(URIRef(self.m.body(key)), label, TH.PartnershipBody, (label,) + names)
            self.bodies[key] = self.index.add(actor)
        return self.bodies[key]

    def write_areas(self, theory: URIRef, impact: URIRef | None) -> None:
        w, f, t = self.w, self.frame, self.t
        areas_block = self.out.areas
        if not f.areas:
            w.flag(self.intro_label, self.out.intro[0] if self.out.intro else None, t("(no focus areas)"),
                   t("the opening lists no focus areas (“Indsatsområderne … er: 1. …”)"),
                   t("add the focus areas (th:FocusArea) to plan.ttl; activities cannot support any until then"))
        regular = [a for a in f.areas if not a.cross_cutting]
        for area in f.areas:
            node = w.node(self.m.focus_area(area.name), TH.FocusArea, area.name)
            w.add(node, SKOS.inScheme, theory)
            w.cite(node, self.intro(), area.passage.text if not area.cross_cutting else area.passage.text)
            if area.cross_cutting:
                w.add(node, RDF.type, TH.CrossCuttingEffort)
                for other in regular:
                    w.add(node, TH.crossCuts, URIRef(self.m.focus_area(other.name)))
            if area.section is None:
                continue
            sec = w.section(slug(area.name), f"{areas_block.title} – {area.section.title}")
            for n, passage in enumerate(area.results, start=1):
                result = w.node(self.m.result(slug(area.name), n), TH.Result, passage.text.rstrip(". "))
                w.add(node, TH.hasResult, result)
                w.add(result, TH.resultOf, node)
                if impact is not None:
                    w.add(result, TH.leadsTo, impact)
                w.cite(result, sec, passage.text)
            label = f"{areas_block.title} – {area.section.title}"
            if area.results:
                w.flag(label, area.section.heading,
                       t.plural("{n} result of “{area}”", "{n} results of “{area}”", len(area.results), area=area.name),
                       t("results are the section's sentences that state an aim (“skal …”, “arbejder for at …”); "
                         "the template has no list of them"),
                       t("shorten each result's label, drop sentences that are not results, add any that were missed"))
            else:
                w.flag(label, area.section.heading, area.name, t("no sentence of the section states an aim"),
                       t("add the focus area's results (th:Result) by hand"))

    def write_parties(self, part: URIRef, intro: URIRef) -> None:
        passage = self.frame.parties
        if passage is None:
            return
        actors = [m.actor for m in self.index.find(passage.text)]
        counted = re.search(r"\b(\w+)\s+forvaltninger\b", passage.text)
        if counted:
            administrations = [a for a in self.index.actors if a.kind == TH.MunicipalAdministration]
            actors += administrations
            said = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8}.get(counted.group(1).lower())
            t, n = self.t, len(administrations)
            if said is not None and said != n:
                why = t.plural("read as the {n} administration the actor registry knows (the plan says {said})",
                               "read as the {n} administrations the actor registry knows (the plan says {said})", n,
                               said=said)
            else:
                why = t.plural("read as the {n} administration the actor registry knows",
                               "read as the {n} administrations the actor registry knows", n)
            self.w.flag(self.intro_label, passage.line, counted.group(0), why,
                        t("check the partnership's parties (th:party)"))
        parents = {a.parent for a in actors if a.parent is not None}
        for actor in dict.fromkeys(actors):
            if actor.kind in (TH.PartnershipBody, TH.Partnership) or actor.iri in parents:
                continue  # "Københavns Kommunes syv forvaltninger": the administrations are the parties
            self.use(actor)
            self.w.add(part, TH.party, actor.iri)

    # --- actors -------------------------------------------------------------------------

    def use(self, actor: KnownActor) -> None:
        self.used.setdefault(actor.iri, actor)

    def propose(self, name: str, passage: Passage, section: str, parent: KnownActor | None = None, *,
                kind: URIRef | None = None, introduced: bool = False) -> KnownActor | None:
        return self.new.propose(name, passage, section, parent, kind=kind, introduced=introduced)

    def declare_actors(self) -> None:
        w = self.w
        done: set[URIRef] = set()
        queue = list(self.used.values())
        while queue:
            actor = queue.pop(0)
            if actor.iri in done:
                continue
            done.add(actor.iri)
            if str(actor.iri).startswith(REGISTRY) or actor.kind in (TH.PartnershipBody, TH.Partnership):
                continue
            if actor.new or self.actor_graph is None or (actor.iri, None, None) not in self.actor_graph:
                names = self.new.spellings_of(actor.iri)
                w.declare_actor(actor.iri, actor.kind or TH.Association, actor.label, names, parent=actor.parent)
                if actor.parent is not None and self.index.by_iri(actor.parent) is not None:
                    queue.append(self.index.by_iri(actor.parent))
                continue
            for p, o in sorted(self.actor_graph.predicate_objects(actor.iri)):
                if p in (RDF.type, RDFS.label, SKOS.altLabel, ORG.subOrganizationOf):
                    w.add(actor.iri, p, o)
                if p == ORG.subOrganizationOf and isinstance(o, URIRef):
                    parent = self.index.by_iri(o)
                    if parent is not None:
                        queue.append(parent)

    # --- activities -----------------------------------------------------------------------

    def collect(self) -> None:
        rows: dict[int, Placed] = {}
        others: list[Placed] = []
        if self.overview is not None:
            for placed in placed_rows(self.overview):
                label = placed.row.label
                if re.match(r"^(?:sum|budget\s+i|i\s+alt|total|samlet)\b", label, re.I):
                    continue
                if placed.row.number is not None and placed.row.number not in rows:
                    rows[placed.row.number] = placed
                else:
                    others.append(placed)
        sections = {}
        for text in self.out.activities:
            if text.number in sections:
                self.w.flag(f"{text.number}. Aktivitet", text.heading, text.heading.text,
                            self.t("a second activity numbered {number}", number=text.number),
                            self.t("renumber one of them; the second is read too"))
            sections.setdefault(text.number, []).append(text)
        numbers = sorted(set(rows) | set(sections))
        taken: set[URIRef] = set()
        for number in numbers:
            row = rows.get(number)
            for text in sections.get(number, [None]):
                name = self.name_of(number, text, row)
                name.short = name.short or f"aktivitet {number}"
                iri = URIRef(self.m.activity(name.short))
                if iri in taken:
                    iri = URIRef(self.m.activity(f"{name.short}-{number}"))
                taken.add(iri)
                self.acts.append(_Act(number, name, iri, slug(str(iri).rsplit("activity-", 1)[-1]), text,
                                      row if text is sections.get(number, [None])[0] else None))
        for placed in others:
            name = parse_name(placed.row.label)
            iri = URIRef(self.m.activity(name.short))
            if not name.short:
                self.w.flag(self.overview_section_label(), placed.row.line, placed.row.quote,
                            self.t("an overview row without a name"),
                            self.t("no figure of the row was read; add them by hand"))
                continue
            same = next((a for a in self.acts if a.iri == iri), None)
            if same is not None and same.row is None:  # an unnumbered row of a numbered activity
                same.row = placed
                self.w.flag(self.overview_section_label(), placed.row.line, placed.row.quote,
                            self.t("the row has no number; matched to activity {number} by its name",
                                   number=same.number),
                            self.t("check that the row is that activity's"))
                continue
            if iri in taken:
                self.w.flag(self.overview_section_label(), placed.row.line, placed.row.label,
                            self.t("a second overview row with this activity's name"),
                            self.t("merge or rename the rows"))
                continue
            taken.add(iri)
            self.acts.append(_Act(None, name, iri, str(iri).rsplit("activity-", 1)[-1], None, placed))

    def overview_section_label(self) -> str:
        return self.out.overview.title if self.out.overview else "Tryghedsplanens økonomi"

    def name_of(self, number: int, text: ActivityText | None, row: Placed | None) -> Name:
        if row is not None:
            name = parse_name(row.row.label)
        if text is None:
            return name
        heading = parse_name(text.name)
        if row is None:
            printed = capitalised(heading.label)
            if printed != heading.label:
                self.w.flag(f"{number}. Aktivitet: {printed}", text.heading, text.heading.text,
                            self.t("the name is printed in capitals only and has no row in the overview table"),
                            self.t("check the activity's label (its capitalisation is a guess)"))
            out = parse_name(capitalised(text.name))
            out.new = out.new or heading.new
            return out
        if fold(heading.label) != fold(name.label) and fold(heading.short) != fold(name.short):
            self.w.flag(f"{number}. Aktivitet: {name.label}", text.heading, text.heading.text,
                        self.t("the heading names activity {number} differently from the overview row “{row}”",
                               number=number, row=row.row.label),
                        self.t("check that heading and row are the same activity; the overview's name is used"))
        name.new = name.new or heading.new
        return name

    def write_activity(self, act: _Act) -> None:
        w = self.w
        node = w.node(str(act.iri), TH.Activity, act.name.label)
        w.add(node, TH.inPlan, w.plan)
        if act.number is not None:
            w.add(node, TH.activityNumber, Literal(act.number, datatype=XSD.integer))
        for former in act.name.former:
            w.text(node, TH.formerName, former)
        if act.text is not None:
            w.cite(node, self.part(act, "intro"), act.text.heading.text)
        elif act.row is not None:
            w.cite(node, self.overview_section(), act.row.row.quote)
        if act.text is None and act.name.extra:
            w.text(node, TH.description, act.name.printed)
        self.write_status(act, node)
        if act.row is not None:
            self.write_overview_row(act)
        if act.text is None:
            if act.number is not None:
                w.flag(self.overview_section_label(), act.row.row.line if act.row else None, act.row.row.quote,
                       self.t("activity {number} has a row in the overview table but no section of its own",
                              number=act.number),
                       self.t("its focus areas and responsible actors are unknown; add them if the plan gives them "
                              "elsewhere"))
            return
        if act.row is None and self.overview is not None:
            w.flag(self.part_label(act, "intro"), act.text.heading, act.text.heading.text,
                   self.t("activity {number} has no row in the overview table “{table}”", number=act.number,
                          table=self.overview_section_label()),
                   self.t("check the overview table; only the activity's own table gives its figures"))
        self.write_details(act, node)
        self.write_roles(act, node)
        self.write_own_table(act)

    def write_status(self, act: _Act, node: URIRef) -> None:
        w = self.w
        funded = sorted(values(act.row)) if act.row else []
        columns = self.overview.years if self.overview else []
        statuses: dict[int, URIRef] = {}
        if act.number is not None:
            statuses[w.year] = TH.New if act.name.new or (funded and funded[0] == w.year) else TH.Continuing
            if act.name.new and funded and funded[0] < w.year:
                w.flag(self.overview_section_label(), act.row.row.line, act.row.row.quote,
                       self.t("marked (NY) but funded already in {year}", year=funded[0]),
                       self.t("check whether the activity is new"))
        if funded and columns and funded[0] > columns[0] and funded[0] not in statuses:
            statuses[funded[0]] = TH.New
        if act.number is None and funded and columns and funded[-1] < columns[-1]:
            statuses[funded[-1] + 1] = TH.Ended
        for year, status in sorted(statuses.items()):
            st = w.node(self.m.status(act.key, year), TH.ActivityYearStatus)
            w.add(st, TH.year, Literal(str(year), datatype=XSD.gYear))
            w.add(st, TH.status, status)
            w.add(node, TH.yearStatus, st)
            if act.row is not None:
                w.cite(st, self.overview_section(), act.row.row.quote)
            else:
                w.cite(st, self.part(act, "intro"), act.text.heading.text)

    # --- money ----------------------------------------------------------------------------

    def write_overview_row(self, act: _Act) -> None:
        w, placed, t = self.w, act.row, self.t
        section, label = self.overview_section(), self.overview_section_label()
        if placed.problem:
            w.flag(label, placed.row.line, placed.row.quote,
                   t("{problem}; no figure of the row was read", problem=in_words(placed.problem, t)),
                   t("write the row's amounts by hand (th:table th:OverviewTable)"))
            return
        for year, cell in sorted(placed.cells.items()):
            if cell.value is None:
                continue
            notes = []
            if is_misprint(cell.number):
                notes.append(misprint_note(cell))
                w.flag(label, cell.line, placed.row.quote,
                       t("“{figure}” in a column of thousands ({year})", figure=cell.number, year=year),
                       t("likely a misprint of {meant}; recorded as printed", meant=meant(cell)))
            if cell.note:
                notes.append(f"Trykt som '{cell.text} {cell.note}'.")
            write_amount(w, self.m.amount(act.key, year, "overview", "total"), act.iri, year, TH.Total,
                         TH.OverviewTable, cell, section, placed.row.quote, None, notes)
        if placed.how == "spacing" and not placed.confirmed and any(c.value is not None for c in placed.cells.values()):
            years = ", ".join(str(y) for y, c in sorted(placed.cells.items()) if c.value is not None)
            w.flag(label, placed.row.line, placed.row.quote,
                   self.by_spacing(len(placed.row.cells), len(self.overview.years), years),
                   t("check the years against the plan's PDF"))

    def by_spacing(self, figures: int, columns: int, years: str) -> str:
        """Why figures placed by a text file's spacing are on the review list."""
        return self.t.plural("{n} figure for {columns} year columns; put under {years} by the text's spacing",
                             "{n} figures for {columns} year columns; put under {years} by the text's spacing",
                             figures, columns=columns, years=years)

    def confirm_overview(self) -> None:
        """Which figures placed by a text file's spacing the plan's own arithmetic confirms:
        all of the overview's when its rows add up to its stated sums in every year; a row
        marked (NY) whose only figures fall in the plan year. (A table cannot confirm itself:
        a wrong spacing would misplace its lines and its total alike.)"""
        if self.overview is None:
            return
        rows = [a.row for a in self.acts if a.row is not None and not a.row.problem]
        stated = [p for p in placed_rows(self.overview) if re.match(r"^sum\b", p.row.label, re.I) and not p.problem]
        if stated and stated[0].how in ("order", "position"):
            sums: dict[int, Decimal] = {}
            for row in rows:
                for y, v in values(row).items():
                    sums[y] = sums.get(y, Decimal(0)) + v
            if values(stated[0]) and all(sums.get(y) == v for y, v in values(stated[0]).items()):
                for row in rows:
                    row.confirmed = True
        for act in self.acts:
            if act.row is not None and act.name.new and list(values(act.row)) == [self.w.year]:
                act.row.confirmed = True

    def read_own_table(self, act: _Act) -> None:
        """Read the activity's own table; its total is confirmed by a certain overview row,
        its lines by a confirmed total they add up to."""
        block = act.text.parts.get("oekonomi") if act.text else None
        if block is None:
            return
        act.table = read_table(block.lines)
        if act.table is None:
            return
        act.own = placed_rows(act.table)
        totals = [p for p in act.own if line_kind(p.row.label) == TH.Total and not p.problem]
        lines = [p for p in act.own if line_kind(p.row.label) != TH.Total and cofinancing_funder(p.row.label) is None]
        if not totals:
            return
        total = values(totals[0])
        certain = act.row is not None and not act.row.problem and act.row.confirmed
        if not totals[0].confirmed and certain and total and total == values(act.row):
            totals[0].confirmed = True
        if not totals[0].confirmed or any(p.problem for p in lines):
            return
        sums: dict[int, Decimal] = {}
        for p in lines:
            for y, v in values(p).items():
                sums[y] = sums.get(y, Decimal(0)) + v
        if sums == total:
            for p in lines:
                p.confirmed = True

    def write_own_table(self, act: _Act) -> None:
        w, t = self.w, self.t
        block = act.text.parts.get("oekonomi")
        label = self.part_label(act, "oekonomi") if block else None
        if block is None:
            w.flag(self.part_label(act, "intro"), act.text.heading, act.text.heading.text,
                   t("the activity has no “Økonomi” section"), t("only the overview table's figures are known for it"))
            return
        section = self.part(act, "oekonomi")
        if act.table is None:
            w.flag(label, block.heading, block.title, t("no table header of years (“Budgetpost 2021 2022 …”) found"),
                   t("write the activity's budget lines by hand (th:table th:ActivityTable)"))
            return
        table = act.table
        notes = {stars: text for stars, text, _ in table.footnotes}
        if not any(line_kind(p.row.label) == TH.Total for p in act.own):
            w.flag(label, table.header, table.header.text, t("the table has no “I alt” row"),
                   t("no total was recorded; the overview row is the activity's only total"))
        counts: dict[URIRef, int] = {}
        for placed in act.own:
            row = placed.row
            if not row.cells:
                continue
            if placed.problem:
                w.flag(label, row.line, row.quote,
                       t("{problem}; no figure of the row was read", problem=in_words(placed.problem, t)),
                       t("write the row's amounts by hand"))
                continue
            funder = cofinancing_funder(row.label)
            if funder is not None:
                self.write_cofinancing(act, placed, funder, section, label)
                continue
            kind = line_kind(row.label)
            counts[kind] = counts.get(kind, 0) + 1
            row_stars = re.search(r"(\*{1,3})\s*:?$", row.label)
            for year, cell in sorted(placed.cells.items()):
                if cell.value is None:
                    continue
                cell_notes = []
                for stars in (row_stars.group(1) if row_stars else None, cell.stars or None):
                    if stars and stars in notes:
                        cell_notes.append(notes[stars])
                if is_misprint(cell.number):
                    cell_notes.insert(0, misprint_note(cell))
                    w.flag(label, cell.line, row.quote,
                           t("“{figure}” in a column of thousands ({year})", figure=cell.number, year=year),
                           t("likely a misprint of {meant}; recorded as printed", meant=meant(cell)))
                if cell.note:
                    cell_notes.append(f"Trykt som '{cell.text} {cell.note}'.")
                iri = self.m.amount(act.key, year, "ActivityTable", str(kind).rsplit("#", 1)[-1], counts[kind])
                write_amount(w, iri, act.iri, year, kind, TH.ActivityTable, cell, section, row.quote,
                             row.label, cell_notes)
            if placed.how == "spacing" and not placed.confirmed and any(c.value is not None for c in placed.cells.values()):
                years = ", ".join(str(y) for y, c in sorted(placed.cells.items()) if c.value is not None)
                w.flag(label, row.line, row.quote, self.by_spacing(len(row.cells), len(table.years), years),
                       t("check the years against the plan's PDF"))
        for _stars, text, line in table.footnotes:
            if re.search(r"\d{1,3}(?:\.\d{3})+", text) and re.search(
                    r"andel|medfinansier|bevilget\s+fra|øremærket|finansieret\s+af|tilskud\s+fra|betaler", text, re.I):
                w.flag(label, line, text, t("a footnote names an amount from another source or activity"),
                       t("if it is co-financing (th:CoFinancing) or an earmark (th:Earmark), add it by hand"))
        if table.years != (self.overview.years if self.overview else table.years):
            w.flag(label, table.header, table.header.text,
                   t("the table's years ({start}-{end}) differ from the overview's", start=table.years[0],
                     end=table.years[-1]),
                   t("check the table's header"))

    def write_cofinancing(self, act: _Act, placed: Placed, funder: str, section: URIRef, label: str) -> None:
        w, t = self.w, self.t
        mentions = self.index.find(funder)
        actor = mentions[0].actor if mentions else self.propose(funder, Passage(placed.row.quote, placed.row.line), label)
        if actor is None:
            w.flag(label, placed.row.line, placed.row.quote, t("co-financing from an unreadable funder"),
                   t("add the th:CoFinancing by hand"))
            return
        self.use(actor)
        for year, cell in sorted(placed.cells.items()):
            if cell.value is None:
                continue
            node = w.node(self.m.cofinancing(act.key, _actor_slug(actor.iri), year), TH.CoFinancing)
            w.add(node, TH.forActivity, act.iri)
            w.add(node, TH.funder, actor.iri)
            w.add(node, TH.table, TH.ActivityTable)
            w.money(node, cell.value, year, cell.number)
            w.cite(node, section, placed.row.quote)
        resp = w.node(self.m.responsibility(act.key, _actor_slug(actor.iri), "Funder"), TH.Responsibility)
        w.add(URIRef(str(act.iri)), TH.responsibility, resp)
        w.add(resp, TH.actor, actor.iri)
        w.add(resp, TH.role, TH.Funder)
        self.role_status(resp, False)
        w.cite(resp, section, placed.row.quote)
        if placed.how == "spacing" and not placed.confirmed:
            years = ", ".join(str(y) for y, c in sorted(placed.cells.items()) if c.value is not None)
            w.flag(label, placed.row.line, placed.row.quote,
                   t("co-financing put under {years} by the text's spacing", years=years),
                   t("check the years against the plan's PDF"))

    def write_sums_and_earmarks(self) -> None:
        if self.overview is None:
            return
        w, t = self.w, self.t
        section, label = self.overview_section(), self.overview_section_label()
        for placed in placed_rows(self.overview):
            row = placed.row
            budget = re.match(r"^budget\s+i\s+((?:19|20)\d{2})", row.label, re.I)
            if budget:
                cell = next((c for c in row.cells if c.value is not None), None)
                if cell is None:
                    continue
                year = int(budget.group(1))
                node = w.node(self.m.stated_sum(year) + "-budget", TH.StatedSum, f"Budget i {year}, budgetoversigten")
                w.add(node, TH.inPlan, w.plan)
                w.add(node, TH.table, TH.OverviewTable)
                w.money(node, cell.value, year, cell.number)
                w.cite(node, section, row.quote)
                continue
            if not re.match(r"^(?:sum|i\s+alt|total|samlet)\b", row.label, re.I):
                continue
            if placed.problem:
                w.flag(label, row.line, row.quote,
                       t("{problem}; the stated sums were not read", problem=in_words(placed.problem, t)),
                       t("write the stated sums (th:StatedSum) by hand"))
                continue
            for year, cell in sorted(placed.cells.items()):
                if cell.value is None:
                    continue
                node = w.node(self.m.stated_sum(year), TH.StatedSum, f"{row.label.rstrip(':')} {year}, budgetoversigten")
                w.add(node, TH.inPlan, w.plan)
                w.add(node, TH.table, TH.OverviewTable)
                w.money(node, cell.value, year, cell.number)
                w.cite(node, section, row.quote)
                if is_misprint(cell.number):
                    w.flag(label, cell.line, row.quote,
                           t("“{figure}” in a column of thousands ({year})", figure=cell.number, year=year),
                           t("likely a misprint; recorded as printed"))
        for act in self.acts:
            if act.row is None or act.row.problem:
                continue
            for year, cell in act.row.cells.items():
                m = re.search(r"(\d{1,3}(?:\.\d{3})+)\s*(?:kr\.?|kroner)?\s*øremærke[td]?\s+(?:til\s+)?(.+?)\)?$",
                              cell.note, re.I)
                if not m:
                    continue
                target = self.find_act(m.group(2))
                if target is None:
                    w.flag(label, cell.line, act.row.row.quote,
                           t("an earmark for “{name}”, but no activity of the plan has that name", name=m.group(2)),
                           t("add the th:Earmark by hand"))
                    continue
                node = w.node(self.m.earmark(act.key, target.key, year), TH.Earmark,
                              f"{act.name.label} {year}: {m.group(1)} kr. øremærket {m.group(2)}")
                w.add(node, TH.fromActivity, act.iri)
                w.add(node, TH.forActivity, target.iri)
                w.money(node, Decimal(m.group(1).replace(".", "")), year, m.group(1))
                w.cite(node, section, act.row.row.quote)

    def find_act(self, name: str) -> _Act | None:
        key = fold(name.strip(" .)"))
        for act in self.acts:
            if key in (fold(act.name.label), fold(act.name.short)):
                return act
        return None

    # --- what the activity's own section says ----------------------------------------------

    def write_details(self, act: _Act, node: URIRef) -> None:
        w, text, year = self.w, act.text, self.w.year
        intro_passages = sentences(text.intro)
        found, doubts = supports(intro_passages, self.frame.areas)
        source_key = "intro"
        if not found:
            for key in ("formaal", "baggrund", "maalsaetninger"):
                if key in text.parts:
                    found, doubts = supports(sentences(text.parts[key].lines), self.frame.areas)
                    if found:
                        source_key = key
                        w.flag(self.part_label(act, key), found[0][1].line, found[0][1].text,
                               self.t("the focus areas are named here, not in the activity's opening paragraph"),
                               self.t("check the focus areas"))
                        break
        cross = next((a for a in self.frame.areas if a.cross_cutting), None)
        if cross is not None and fold(act.name.short) == fold(cross.name) and all(a is not cross for a, _ in found):
            passage = next((p for p in sentences(text.all_lines()) if "tværgående" in p.text.lower()), None)
            found.append((cross, passage or Passage(text.heading.text, text.heading)))
        for area, passage in found:
            fa = URIRef(self.m.focus_area(area.name))
            sup = w.node(self.m.support(act.key, slug(area.name)), TH.FocusAreaSupport)
            w.add(node, TH.supports, fa)
            w.add(sup, TH.supportingActivity, node)
            w.add(sup, TH.supportedFocusArea, fa)
            key = _part_of(text, passage.line)
            w.cite(sup, self.part(act, key), passage.text)
        for passage, why in doubts:
            w.flag(self.part_label(act, source_key), passage.line, passage.text, why, self.t("check the focus areas"))
        if not found:
            w.flag(self.part_label(act, "intro"), text.heading, text.heading.text,
                   self.t("no sentence names the focus areas the activity supports"),
                   self.t("add th:supports and a th:FocusAreaSupport by hand"))
        description = sentences(text.parts["baggrund"].lines)[:1] if "baggrund" in text.parts else []
        if not description:
            description = [p for p in intro_passages if "indsatsområde" not in p.text][:1]
        if description:
            w.text(node, TH.description, description[0].text)
        self.write_items(act, node, year)

    def write_items(self, act: _Act, node: URIRef, year: int) -> None:
        w, text = self.w, act.text
        if "maalsaetninger" in text.parts:
            sec = self.part(act, "maalsaetninger")
            for n, passage in enumerate(objectives(text.parts["maalsaetninger"].lines), start=1):
                obj = w.node(self.m.item("objective", act.key, n), TH.Objective, passage.text.rstrip(". "))
                w.add(node, TH.objective, obj)
                w.cite(obj, sec, passage.text)
        if "maalgruppe" in text.parts:
            sec = self.part(act, "maalgruppe")
            for n, group in enumerate(target_groups(text.parts["maalgruppe"].lines), start=1):
                tg = w.node(self.m.item("targetgroup", act.key, n), TH.TargetGroup, group.label)
                w.add(node, TH.targetGroup, tg)
                if group.priority is not None:
                    w.add(tg, TH.priority, group.priority)
                if group.ages:
                    lo, hi = group.ages
                    if lo > hi:
                        w.flag(self.part_label(act, "maalgruppe"), group.passage.line, group.passage.text,
                               self.t("age range {low}-{high} runs backwards", low=lo, high=hi),
                               self.t("check the ages; none were recorded"))
                    else:
                        w.add(tg, TH.minAge, Literal(lo, datatype=XSD.integer))
                        w.add(tg, TH.maxAge, Literal(hi, datatype=XSD.integer))
                w.cite(tg, sec, group.passage.text)
        if "leverancer" in text.parts:
            sec = self.part(act, "leverancer")
            n = 0
            for passage in objectives(text.parts["leverancer"].lines) or sentences(text.parts["leverancer"].lines):
                label = passage.text.rstrip(". ")
                found = targets(passage.text) or [None]
                for target in found:
                    n += 1
                    d = w.node(self.m.item("deliverable", act.key, n), TH.Deliverable, label)
                    w.add(node, TH.deliverable, d)
                    if target is not None:
                        if target.minimum is not None:
                            w.add(d, TH.targetMin, Literal(str(target.minimum), datatype=XSD.decimal))
                        if target.maximum is not None:
                            w.add(d, TH.targetMax, Literal(str(target.maximum), datatype=XSD.decimal))
                        w.text(d, TH.unit, target.unit or label)
                        if target.period is not None:
                            w.add(d, TH.period, target.period)
                    w.cite(d, sec, passage.text)
        if "tidsplan" in text.parts:
            sec = self.part(act, "tidsplan")
            for n, entry in enumerate(timeline(text.parts["tidsplan"].lines, year), start=1):
                t = w.node(self.m.item("timeline", act.key, n), TH.TimelineEntry, entry.label)
                w.add(node, TH.timelineEntry, t)
                if entry.when:
                    w.text(t, TH.when, entry.when)
                if entry.start and entry.end and entry.start <= entry.end:
                    w.add(t, TH.startMonth, Literal(f"{entry.start[0]}-{entry.start[1]:02d}", datatype=XSD.gYearMonth))
                    w.add(t, TH.endMonth, Literal(f"{entry.end[0]}-{entry.end[1]:02d}", datatype=XSD.gYearMonth))
                w.cite(t, sec, entry.passage.text)
        if "kommunikation" in text.parts:
            for name, _ in channels(text.parts["kommunikation"].lines):
                ch = w.node(self.m.channel(name), TH.CommunicationChannel, name)
                w.add(node, TH.channel, ch)
        where = sentences(text.intro) + [p for k in ("formaal", "tidsplan", "maalgruppe") if k in text.parts
                                          for p in sentences(text.parts[k].lines)]
        for name, _ in places(where, exclude=[act.name.label, act.name.short]):
            pl = w.node(self.m.place(name.replace("\\", "/")), TH.Place, name.replace("\\", "/"))
            w.add(node, TH.place, pl)

    # --- roles ------------------------------------------------------------------------------

    def role_status(self, resp: URIRef, prospective: bool) -> None:
        self.w.add(resp, TH.roleStatus, TH.Prospective if prospective else TH.Agreed)

    def roles_of(self, act: _Act) -> tuple[list[RoleReading], list]:
        """What the activity's text says about who does what (see :func:`.roles.read_roles`)."""
        partnership = KnownActor(self.partnership, self.frame.partnership_name or "Partnerskabet", TH.Partnership, ())
        return read_roles(
            act.text, self.index, plan_actors=self.plan_actors, partnership=partnership, ignore=self.ignored_names,
            propose=lambda name, passage, part, parent=None, **how: self.propose(
                name, passage, self.section_label(act, part), parent, **how),
            alias=lambda actor, name, passage, part: self.new.alias(actor, name, passage, self.section_label(act, part)))

    def discover(self) -> None:
        """Read every activity's roles once before writing any, so the organisations the
        plan names for the first time anywhere are known everywhere ("skolerne" in
        activity 5 are the schools activity 6 names); the readings are thrown away, and the
        new organisations get their review rows only if the draft uses them."""
        everything = [p for a in self.out.activities for p in sentences(a.all_lines())] + sentences(self.out.intro)
        self.new.learn_kinds(everything)
        for act in self.acts:
            if act.text is not None:
                self.roles_of(act)
        self.plan_actors = {m.actor.iri for p in everything for m in self.index.find(p.text)}

    def write_roles(self, act: _Act, node: URIRef) -> None:
        w, t = self.w, self.t
        readings, doubts = self.roles_of(act)
        leads = {r.actor.iri for r in readings if r.role in (TH.Lead, TH.CoLead)}
        merged: dict[tuple[URIRef, URIRef], list[RoleReading]] = {}
        for r in readings:
            if r.role == TH.Partner and r.actor.iri in leads:
                continue
            if r.actor.iri == act.iri:
                continue
            merged.setdefault((r.actor.iri, r.role), []).append(r)
        intentions: dict[tuple[int, URIRef], list] = {}
        for (actor_iri, role), group in merged.items():
            # the responsible section decides the status; elsewhere every sentence must be an intention
            decisive = [r for r in group if r.part == "ansvarlige"] or group
            first = decisive[0]
            prospective = all(r.prospective for r in decisive)
            actor = first.actor
            if actor.kind == TH.PartnershipBody:
                key = next((k for k, b in self.bodies.items() if b.iri == actor.iri), None)
                if key and key not in self.frame.bodies:
                    self.frame.bodies[key] = first.passage
                    body = w.node(str(actor.iri), TH.PartnershipBody, actor.label)
                    w.add(body, ORG.unitOf, self.partnership)
                    w.cite(body, self.part(act, first.part), first.passage.text)
            self.use(actor)
            resp = w.node(self.m.responsibility(act.key, _actor_slug(actor_iri), _ROLE_LOCAL[role]), TH.Responsibility)
            w.add(node, TH.responsibility, resp)
            w.add(resp, TH.actor, actor_iri)
            w.add(resp, TH.role, role)
            self.role_status(resp, prospective)
            w.cite(resp, self.part(act, first.part), first.passage.text)
            if prospective:
                intentions.setdefault((id(first.passage), role), [first]).append(actor.label)
            for r in group:
                if r.doubt:
                    w.flag(self.part_label(act, r.part), r.passage.line, r.passage.text, r.doubt,
                           t("check the roles"))
        for (_, role), (first, *labels) in intentions.items():
            w.flag(self.part_label(act, first.part), first.passage.line, first.passage.text,
                   t("{actors} as {role}: the plan only states an intention (“{words}”)", actors=", ".join(labels),
                     role=term_label(role, t.lang), words=PROSPECTIVE_WORD(first.passage.text)),
                   t("recorded as prospective (th:Prospective); make it agreed if the role is settled"))
        for doubt in doubts:
            w.flag(self.part_label(act, doubt.part), doubt.passage.line, doubt.read, doubt.why, doubt.suggestion)
        if not leads:
            block = act.text.parts.get("ansvarlige")
            w.flag(self.part_label(act, "ansvarlige" if block else "intro"),
                   block.heading if block else act.text.heading, block.title if block else act.text.heading.text,
                   t("no responsible organisation was read") if block else
                   t("no responsible organisation was read (the activity has no “Aktivitetsansvarlig/e” section)"),
                   t("add the lead (th:Responsibility with th:role th:Lead) by hand"))

    # --- the whole plan ---------------------------------------------------------------------

    def run(self) -> None:
        if self.overview is None:
            block = self.out.overview
            t = self.t
            self.w.flag(block.title if block else self.intro_label, block.heading if block else None,
                        block.title if block else t("(no overview table)"),
                        t("no overview table of years (“Nr. Aktivitet 2021 2022 …”) found") if block else
                        t("the plan has no overview table “Tryghedsplanens økonomi”"),
                        t("only the activities' own tables give figures; add the overview's rows by hand"))
        self.write_frame()
        self.collect()
        self.ignored_names = [a.name.label for a in self.acts] + [a.name.short for a in self.acts] + \
            [n for a in self.acts for n in a.name.former] + [a.name for a in self.frame.areas] + \
            [self.frame.partnership_name or ""]
        self.new.ignored = {fold(n) for n in self.ignored_names if n}
        self.body("working-group")
        self.body("steering-group")
        everything = [p for a in self.out.activities for p in sentences(a.all_lines())] + sentences(self.out.intro)
        self.plan_actors = {m.actor.iri for p in everything for m in self.index.find(p.text)}
        self.discover()
        self.confirm_overview()
        for act in self.acts:
            self.read_own_table(act)
        for act in self.acts:
            self.write_activity(act)
        self.write_sums_and_earmarks()
        self.declare_actors()
        self.new.review(self.used)


def _part_of(text: ActivityText, line: Line) -> str:
    """The part key of the activity's section that holds ``line`` ("intro" for the opening)."""
    for key, block in text.parts.items():
        if any(line is ln for ln in block.lines) or line is block.heading:
            return key
    return "intro"


def PROSPECTIVE_WORD(text: str) -> str:  # noqa: N802 - a small lookup used in messages
    from .roles import PROSPECTIVE

    m = PROSPECTIVE.search(text)
    return m.group(0) if m else ""


def _year(frame: Frame, overview: Table | None, out: Outline) -> tuple[int, Passage | None, str]:
    if frame.year:
        return frame.year, frame.year_passage, ""
    if overview is not None:
        for line in overview.before:
            m = re.search(r"\bi\s+((?:19|20)\d{2})\b", line.text)
            if m:
                return int(m.group(1)), Passage(line.text, line), \
                    N_("the plan year {year} is read from the line above the overview table")
        for row in overview.rows:
            m = re.match(r"^budget\s+i\s+((?:19|20)\d{2})", row.label, re.I)
            if m:
                return int(m.group(1)), Passage(row.quote, row.line), \
                    N_("the plan year {year} is read from the overview's “Budget i …” row")
        return overview.years[-1], Passage(overview.header.text, overview.header), \
            N_("the plan year {year} is taken as the overview table's last year")
    raise NotAPlanError("no plan year found")


def read_plan(path: Path | str, *, actors: Graph | None = None, lang: str = "da") -> Draft:
    """Read the plan at ``path`` (a PDF or a plain-text file) into a :class:`Draft`.

    ``actors`` is the graph of known actors to match names against (the shared registry,
    and the actors of an earlier plan of the same partnership if you have it); by default
    :func:`known_actors`. ``lang`` (``da`` or ``en``) is the language of the review list;
    the graph is the same in both. Raises a :class:`theory.errors.LoadError` subclass
    (exit 3) for a file that is not a readable plan.
    """
    path = Path(path)
    texts(lang)  # an unknown language is a UsageError before the file is read
    lines, kind = read_lines(path)
    parts = outline(lines)
    if not parts.activities and parts.overview is None:
        raise NotAPlanError(
            f"{path}: no part of the safety-plan template found (no “N. AKTIVITET: …” heading and no "
            "“Tryghedsplanens økonomi” table); is this a tryghedsplan?"
        )
    frame = read_frame(parts)
    overview = read_table(parts.overview.lines) if parts.overview is not None else None
    try:
        year, passage, how = _year(frame, overview, parts)
    except NotAPlanError:
        raise NotAPlanError(
            f"{path}: no plan year found (no “tryghedsplan for 2024”, no overview table); is this a tryghedsplan?"
        ) from None
    minter = Minter.for_partnership(frame.partnership_name or "partnerskab")
    writer = DraftWriter(minter, year, lang)
    graph = known_actors() if actors is None else actors
    reader = _Reader(path, parts, frame, overview, writer, ActorIndex.from_graph(graph), graph)
    if how:
        frame.year, frame.year_passage = year, passage
        writer.flag(reader.intro_label, passage.line if passage else None, passage.text if passage else str(year),
                    writer.t(how, year=year), writer.t("check th:planYear"))
    reader.run()
    return Draft(writer.graph, writer.sorted_review(), writer.plan, minter.base, path, kind)
