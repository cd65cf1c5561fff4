"""Which thing a reference cell names: an activity, an actor, a focus area, a place …

A reference is resolved the way an analyst writes it: the thing's name as it stands in its
own sheet (exact, then ignoring case), its ID, an activity's number, or an alias that only
one thing has. A name that two things share resolves to neither: the problem says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from .ids import IdCodec

__all__ = ["NameIndex", "TARGET_WORDS"]

#: how a problem names the kind of thing a reference points to, and the sheet it stands in
TARGET_WORDS = {
    "activity": ("activity", "activities", "write an activity's name, number or ID as it stands there (if you "
                 "renamed it, rename it here too, e.g. with Find and Replace in the whole workbook)"),
    "actor": ("actor", "actors", "write an actor's name or ID as it stands there (the partnership and its "
              "bodies stand in sheet {plan}), or add the actor"),
    "focus_area": ("focus area", "focus_areas", "choose one from the drop-down"),
    "impact": ("impact", "plan", "write the name of an impact row of that sheet"),
    "place": ("place", "places", "add it there, or correct the name"),
    "channel": ("channel", "places", "add it there, or correct the name"),
    "section": ("section", "sections", "use a code from that sheet, or add the section there"),
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
