"""Which thing a reference cell names: an activity, an actor, a focus area, a place …

A reference is resolved the way an analyst writes it: the thing's name as it stands in its
own sheet (exact, then ignoring case), its ID, an activity's number, or an alias that only
one thing has. A name that two things share resolves to neither: the problem says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from ..i18n import N_
from .ids import IdCodec

__all__ = ["NameIndex", "TARGET_SHEETS", "UNKNOWN", "AMBIGUOUS"]

#: the sheet each kind of reference names its things in
TARGET_SHEETS = {"activity": "activities", "actor": "actors", "focus_area": "focus_areas", "impact": "plan",
                 "place": "places", "channel": "places", "section": "sections"}

#: the problem of a name that no row of its sheet has: ``{name}``, ``{sheet}`` (and ``{plan}``: the Plan sheet)
UNKNOWN = {
    "activity": N_("no activity '{name}' in sheet {sheet}; write an activity's name, number or ID as it stands there "
                   "(if you renamed it, rename it here too, e.g. with Find and Replace in the whole workbook)"),
    "actor": N_("no actor '{name}' in sheet {sheet}; write an actor's name or ID as it stands there (the partnership "
                "and its bodies stand in sheet {plan}), or add the actor"),
    "focus_area": N_("no focus area '{name}' in sheet {sheet}; choose one from the drop-down"),
    "impact": N_("no impact '{name}' in sheet {sheet}; write the name of an impact row of that sheet"),
    "place": N_("no place '{name}' in sheet {sheet}; add it there, or correct the name"),
    "channel": N_("no channel '{name}' in sheet {sheet}; add it there, or correct the name"),
    "section": N_("no section '{name}' in sheet {sheet}; use a code from that sheet, or add the section there"),
}

#: the problem of a name that several rows of its sheet share
AMBIGUOUS = {
    "activity": N_("'{name}' names more than one activity in sheet {sheet}; write its ID instead"),
    "actor": N_("'{name}' names more than one actor in sheet {sheet}; write its ID instead"),
    "focus_area": N_("'{name}' names more than one focus area in sheet {sheet}; write its ID instead"),
    "impact": N_("'{name}' names more than one impact in sheet {sheet}; write its ID instead"),
    "place": N_("'{name}' names more than one place in sheet {sheet}; write its ID instead"),
    "channel": N_("'{name}' names more than one channel in sheet {sheet}; write its ID instead"),
    "section": N_("'{name}' names more than one section in sheet {sheet}; write its ID instead"),
}


@dataclass
class NameIndex:
    """Names, IDs and aliases of one kind of thing, and the IRI each stands for."""

    codec: IdCodec
    section: bool = False
    exact: dict[str, set[URIRef]] = field(default_factory=dict)
    folded: dict[str, set[URIRef]] = field(default_factory=dict)
    aliases: dict[str, set[URIRef]] = field(default_factory=dict)
    iris: set[URIRef] = field(default_factory=set)

    def add(self, iri: URIRef, names=(), aliases=()) -> None:
        self.iris.add(iri)
        for name in names:
            if name:
                self.exact.setdefault(str(name), set()).add(iri)
                self.folded.setdefault(str(name).casefold(), set()).add(iri)
        for alias in aliases:
            if alias:
                self.aliases.setdefault(str(alias).casefold(), set()).add(iri)

    def resolve(self, text: str) -> tuple[URIRef | None, str | None]:
        """The IRI ``text`` names, or ``None`` and why (``ambiguous`` or ``unknown``)."""
        text = str(text).strip()
        for table, key in ((self.exact, text), (self.folded, text.casefold())):
            found = table.get(key)
            if found and len(found) == 1:
                return next(iter(found)), None
            if found:
                return None, "ambiguous"
        iri = self.codec.from_cell(text, section=self.section)
        if iri is not None and iri in self.iris:
            return iri, None
        if self.section and iri is not None:
            return None, "unknown"
        found = self.aliases.get(text.casefold())
        if found and len(found) == 1:
            return next(iter(found)), None
        return None, "ambiguous" if found else "unknown"
