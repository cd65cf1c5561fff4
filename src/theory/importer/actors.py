"""Organisations named in the plan: known ones by label and alias, new ones by their name.

:class:`ActorIndex` holds the actors the importer knows (the shared registry, and any
plan actors given to it) and finds them in a sentence by any Danish or English label or
``skos:altLabel``, case- and accent-insensitively ("EnergiCenter Voldparken" is
"Energicenter Voldparken"; a genitive -s is allowed: "Kultur- og Fritidsforvaltningens").
Short all-capital aliases ("SOF", "UU") must match in capitals, so ordinary words do not.
Elided lists are read out: "Tingbjerg, Korsager og Husum Skole" names three schools.

Organisations the importer adds while reading (:attr:`KnownActor.new`) are found only
where the text writes them with a capital as printed ("Kultur" the organisation, not
"kultur" the word). A name ending in a head noun is found in its definite form too
("Tingbjerg Skolen"), a slash with spaces around it too ("Bibliotek\\ Kulturhus").
:mod:`.orgnames` reads the names the index does not know.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ..namespaces import ORG, TH

__all__ = ["KnownActor", "Mention", "ActorIndex", "fold", "ACTOR_KINDS"]

#: the kinds (subclasses of th:Actor) an organisation can have
ACTOR_KINDS = (
    TH.MunicipalAdministration, TH.MunicipalUnit, TH.Police, TH.HousingAssociation, TH.HousingSocialMasterPlan,
    TH.Association, TH.School, TH.NGO, TH.Company, TH.Network, TH.PublicInstitution, TH.ResidentGroup,
    TH.PartnershipBody, TH.Partnership,
)

_FOLD = {"\\": "/", "–": "-", "—": "-", "‐": "-", "’": "'", "‘": "'", "`": "'", "”": '"', "“": '"',
         "\u00a0": " "}


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents, one character for one (so positions stay): "Café" ->
    "cafe", "Bibliotek\\Kulturhus" -> "bibliotek/kulturhus"; æ, ø and å stay."""
    out = []
    for ch in text:
        ch = _FOLD.get(ch, ch).lower()
        if ch not in "æøå":
            base = unicodedata.normalize("NFKD", ch)[:1]
            if base and base.isascii() and base.isalpha():
                ch = base
        out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class KnownActor:
    """An organisation the importer can name: its IRI, Danish label, kind and aliases."""

    iri: URIRef
    label: str
    kind: URIRef | None
    names: tuple[str, ...]
    parent: URIRef | None = None
    new: bool = False


@dataclass(frozen=True)
class Mention:
    """Where a sentence names an actor (character span in the sentence)."""

    actor: KnownActor
    start: int
    end: int
    text: str


#: head nouns whose definite form a name may be written in ("Tingbjerg Skolen", "… Biblioteket")
_DEFINITE_HEADS = {"skole", "forening", "bibliotek", "kulturhus", "boldklub", "netværk"}


def _strict(name: str) -> bool:
    letters = re.sub(r"[^A-Za-zÆØÅæøå]", "", name)
    return 0 < len(letters) <= 4 and letters.isupper()


@dataclass
class ActorIndex:
    """The actors the importer knows, found in text by label and alias."""

    actors: list[KnownActor] = field(default_factory=list)
    _patterns: list[tuple[re.Pattern, KnownActor, bool, bool]] = field(default_factory=list, repr=False)
    _names: dict[URIRef, list[str]] = field(default_factory=dict, repr=False)
    _keys: dict[str, KnownActor] = field(default_factory=dict, repr=False)
    _found: dict[str, list[Mention]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_graph(cls, graph: Graph | None) -> "ActorIndex":
        """Every typed actor of ``graph`` (kinds of :data:`ACTOR_KINDS`; the partnership's
        own bodies and the partnership itself are left out: each plan has its own)."""
        index = cls()
        if graph is None:
            return index
        kinds = set(ACTOR_KINDS) - {TH.PartnershipBody, TH.Partnership}
        for iri in sorted({s for k in kinds for s in graph.subjects(RDF.type, k) if isinstance(s, URIRef)}):
            labels = sorted(str(o) for o in graph.objects(iri, RDFS.label))
            danish = sorted(str(o) for o in graph.objects(iri, RDFS.label) if getattr(o, "language", None) == "da")
            alts = sorted(str(o) for o in graph.objects(iri, SKOS.altLabel))
            kind = sorted(k for k in graph.objects(iri, RDF.type) if k in kinds)
            parent = graph.value(iri, ORG.subOrganizationOf)
            label = danish[0] if danish else (labels[0] if labels else str(iri).rsplit("/", 1)[-1])
            index.add(KnownActor(iri, label, kind[0] if kind else None, tuple(dict.fromkeys(labels + alts)),
                                 parent if isinstance(parent, URIRef) else None))
        return index

    def add(self, actor: KnownActor) -> KnownActor:
        """Know ``actor`` by its names."""
        self.actors.append(actor)
        for name in actor.names:
            self.alias(actor, name)
        return actor

    def alias(self, actor: KnownActor, name: str) -> None:
        """Find ``actor`` by ``name`` as well."""
        name = name.strip()
        if len(name) < 2:
            return
        self._names.setdefault(actor.iri, []).append(name)
        self._keys.setdefault(fold(name).strip(), actor)
        strict = _strict(name)
        body = re.escape(name if strict else fold(name)).replace(r"\ ", r"\s+").replace("/", r"\s*/\s*")
        words = fold(name).split()
        definite = r"(?:e?n|e?t)?" if words and words[-1] in _DEFINITE_HEADS else ""
        capital = actor.new and name[:1].isupper()
        self._patterns.append((re.compile(rf"(?<![\w+]){body}{definite}(?:s)?(?![\w+])"), actor, strict, capital))
        self._patterns.sort(key=lambda p: -len(p[0].pattern))
        self._found.clear()

    def by_iri(self, iri: URIRef) -> KnownActor | None:
        for actor in self.actors:
            if actor.iri == iri:
                return actor
        return None

    def lookup(self, name: str) -> KnownActor | None:
        """The actor one of whose names is exactly ``name`` (folded)."""
        return self._keys.get(fold(name).strip())

    def find(self, text: str) -> list[Mention]:
        """Every actor ``text`` names, longest names first, no two overlapping; then the
        members of elided lists ("Tingbjerg, Korsager og Husum Skole")."""
        if text not in self._found:
            self._found[text] = self._find(text)
        return list(self._found[text])

    def _find(self, text: str) -> list[Mention]:
        folded = fold(text)
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []
        for pattern, actor, strict, capital in self._patterns:
            for m in pattern.finditer(text if strict else folded):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                if capital and not text[m.start()].isupper():
                    continue  # a new organisation's name as a lower-case word ("kultur")
                taken.append((m.start(), m.end()))
                found.append(Mention(actor, m.start(), m.end(), text[m.start():m.end()]))
        found.extend(self._elided(text, taken))
        return sorted(found, key=lambda m: m.start)

    _HEADS = ("skole", "boldklub", "fritidscenter", "bibliotek", "forening")

    def _elided(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        out = []
        word = r"[A-ZÆØÅ][\wæøåÆØÅ-]*"
        for m in re.finditer(rf"((?:{word},\s+)*{word})\s+(?:og|eller)\s+{word}\s+(\w+)", text):
            head = fold(m.group(2))
            singular = next((h for h in self._HEADS if head.startswith(h)), None)
            if singular is None:
                continue
            pos = m.start(1)
            for part in re.split(r",\s+", m.group(1)):
                start = text.index(part, pos)
                pos = start + len(part)
                actor = self.lookup(f"{part} {singular}")
                if actor and not any(start < e and s < pos for s, e in taken):
                    taken.append((start, pos))
                    out.append(Mention(actor, start, pos, part))
        return out
