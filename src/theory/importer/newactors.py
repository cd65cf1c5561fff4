"""The organisations a draft adds: one actor per organisation, however the plan spells it.

A partnership's first plan names its local organisations before any registry knows them.
:class:`NewActors` turns a name the reading modules propose into an actor: a known one
where the index has the name, the one already added where the name is another spelling of
it (the same housing-social master plan, "… helhedsplan for Tingbjerg/Utterslevhuse" and
"… team i Tingbjerg/Utterslev Huse"; a name the index finds whole, "Tingbjerg Skolen"; the
head noun on the other side, "Brønshøj-Husum fritidscenter"; its initials, "TBK"; an
abbreviation in brackets after its name), else a new ``thd:actor-<slug>`` minted from
the name as printed (:mod:`theory.mint`), its kind the one the text gives it ("foreningen
X", "de to helhedsplaner, X og Y") or one guessed from its words.

Every new organisation the draft uses gets a review row where it was first read, and every
other spelling read as the same organisation gets one too: both are readings, not facts.
Names that are only proposed (by the first reading of the roles, or by a sentence that gives
no role) leave no trace.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from ..namespaces import TH
from ..mint import slug
from .actors import ActorIndex, KnownActor, fold
from .draft import DraftWriter
from .orgnames import guess_kind, introduced, org_head, plan_key, variants
from .remarks import term_label
from .text import Passage

__all__ = ["NewActors"]


class NewActors:
    """New organisations of one draft: proposed by name, reviewed once used."""

    def __init__(self, index: ActorIndex, writer: DraftWriter):
        self.index, self.w = index, writer
        #: folded names of the plan's activities and focus areas: not organisations
        self.ignored: set[str] = set()
        #: kinds the text gives names ("foreningen X", "de to helhedsplaner, X og Y"), by folded name
        self.kinds: dict[str, URIRef] = {}
        self._proposed: dict[str, KnownActor] = {}
        self._sighted: dict[URIRef, tuple] = {}
        self._spellings: dict[URIRef, list[tuple]] = {}

    def learn_kinds(self, passages: list[Passage]) -> None:
        """Remember the kinds the plan's text gives names, before any is proposed."""
        for passage in passages:
            for found in introduced(passage.text):
                self.kinds.setdefault(fold(_clean(found.name)), found.kind)
                before = passage.text[found.start:found.bare[0]]
                if found.start < found.bare[0] and not re.search(r"\b(?:for|i)\s+$", before, re.I):
                    # "Den boligsociale helhedsplan Husum for Alle": the plan's own name
                    self.kinds.setdefault(fold(_clean(passage.text[found.bare[0]:found.bare[1]])), found.kind)

    def propose(self, name: str, passage: Passage, section: str, parent: KnownActor | None = None, *,
                kind: URIRef | None = None, introduced: bool = False) -> KnownActor | None:
        """The organisation ``name`` stands for: a known one, one already added under
        another spelling, or a new one (its review row is written if the draft uses it).
        ``introduced``: the text names it by its kind ("foreningen X"), so it is one even
        where an activity has the same name; ``kind`` is then the kind the text gives."""
        clean = _clean(name)
        if len(clean) < 2 or clean.endswith("-") or clean.isdigit():
            return None
        key = fold(clean)
        if not introduced and (key in self.ignored or any(
                key.startswith(other + " ") and not org_head(clean) for other in self.ignored)):
            return None  # an activity's or focus area's own name ("Din Fritid Festivalen")
        known = self.index.lookup(clean)
        if known is not None:
            return known
        same = self._same_as(clean)
        if same is not None:
            if same.new:
                self._spell(same, clean, passage, section)
            return same
        iri = URIRef(self.w.minter.actor(clean))
        existing = self.index.by_iri(iri)
        if existing is not None:
            return existing
        place = plan_key(clean)
        kind = kind or self.kinds.get(key) or (TH.HousingSocialMasterPlan if place else None) or guess_kind(clean)
        if parent is not None and kind == TH.Association and parent.kind in (TH.MunicipalAdministration, TH.MunicipalUnit):
            kind = TH.MunicipalUnit  # a unit of an administration
        actor = KnownActor(iri, clean[:1].upper() + clean[1:], kind, (clean,), parent.iri if parent is not None else None,
                           new=True)
        self.index.add(actor)
        self._proposed[key] = actor
        if place:
            self._proposed["plan:" + place] = actor
        self._sighted[iri] = (section, passage.line, clean, parent)
        return actor

    def alias(self, actor: KnownActor, name: str, passage: Passage, section: str) -> None:
        """``name`` (an abbreviation in brackets after the name) is another name of ``actor``."""
        if actor.new and self.index.lookup(name) in (None, actor):
            self._spell(actor, name, passage, section)

    def spellings_of(self, iri: URIRef) -> list[str]:
        """The other spellings of a new organisation (its ``skos:altLabel``)."""
        return [name for name, *_ in self._spellings.get(iri, [])]

    def review(self, used: dict[URIRef, KnownActor]) -> None:
        """A review row for every new organisation among ``used``, and one for each of its
        other spellings."""
        t = self.w.t
        for iri, actor in used.items():
            if not actor.new or iri not in self._sighted:
                continue
            section, line, name, parent = self._sighted[iri]
            kind = actor.kind or TH.Association
            values = dict(slug=slug(name), kind=str(kind).rsplit("#", 1)[-1], label=term_label(kind, t.lang), name=name)
            if parent is not None:
                suggestion = t("added as new actor thd:actor-{slug}, kind th:{kind} ({label}) guessed from its name, "
                               "part of {parent}; if it is a known organisation, add “{name}” to its skos:altLabel in "
                               "the registry and import again", parent=parent.label, **values)
            else:
                suggestion = t("added as new actor thd:actor-{slug}, kind th:{kind} ({label}) guessed from its name; if "
                               "it is a known organisation, add “{name}” to its skos:altLabel in the registry and import "
                               "again", **values)
            self.w.flag(section, line, name, t("an organisation the actor registry does not know (no label or alias "
                                               "matches)"), suggestion)
            for other, where, at in self._spellings.get(iri, []):
                self.w.flag(where, at, other, t("read as another way of writing “{name}”", name=actor.label),
                            t("recorded as skos:altLabel of thd:actor-{slug}; if it is another organisation, give it "
                              "an actor of its own", slug=slug(name)))

    def _same_as(self, name: str) -> KnownActor | None:
        place = plan_key(name)
        if place and "plan:" + place in self._proposed:
            return self._proposed["plan:" + place]
        if fold(name) in self._proposed:
            return self._proposed[fold(name)]
        whole = [m for m in self.index.find(name) if m.start == 0 and m.end == len(name)]
        if len(whole) == 1 and whole[0].actor.new:
            return whole[0].actor
        for other in variants(name, initials=False):  # "Idræts-projektet", "Fritidscenter X" after "X fritidscenter"
            actor = self.index.lookup(other)
            if actor is not None:
                return actor
        if name.isupper():  # "TBK" after "Tingbjerg Bibliotek/Kulturhus"
            spelled = {a.iri: a for a in self.index.actors if a.new and name in variants(a.label)}
            if len(spelled) == 1:
                return next(iter(spelled.values()))
        return None

    def _spell(self, actor: KnownActor, name: str, passage: Passage, section: str) -> None:
        spelled = [fold(n) for n, *_ in self._spellings.get(actor.iri, [])] + [fold(actor.label)]
        if fold(name) in spelled:
            return
        self._spellings.setdefault(actor.iri, []).append((name, section, passage.line))
        self.index.alias(actor, name)


def _clean(name: str) -> str:
    """A proposed name without the article or kind noun before it, "/" for "\\"."""
    clean = re.sub(r"^(?:foreningen|projektet|den|det|de)\s+", "", name.strip(" .,;:"), flags=re.I)
    return clean.replace("\\", "/").strip()
