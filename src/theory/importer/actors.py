"""Organisations named in the plan: known ones by label and alias, new ones by their name.

:class:`ActorIndex` holds the actors the importer knows (the shared registry, and any
plan actors given to it) and finds them in a sentence by any Danish or English label or
``skos:altLabel``, case- and accent-insensitively ("EnergiCenter Voldparken" is
"Energicenter Voldparken"; a genitive -s is allowed: "Kultur- og Fritidsforvaltningens").
Short all-capital aliases ("SOF", "UU") must match in capitals, so ordinary words do not.
Elided lists are read out: "Tingbjerg, Korsager og Husum Skole" names three schools.

:func:`new_names` proposes organisations the index does not know: runs of capitalised
words in a sentence, minus the words every sentence starts with. :func:`guess_kind` guesses
a new organisation's kind from its name; both are review-list material, never silent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ..namespaces import ORG, TH

__all__ = ["KnownActor", "Mention", "ActorIndex", "fold", "new_names", "guess_kind", "ACTOR_KINDS"]

#: the kinds (subclasses of th:Actor) an organisation can have
ACTOR_KINDS = (
    TH.MunicipalAdministration, TH.MunicipalUnit, TH.Police, TH.HousingAssociation, TH.HousingSocialMasterPlan,
    TH.Association, TH.School, TH.NGO, TH.Company, TH.Network, TH.PublicInstitution, TH.ResidentGroup,
    TH.PartnershipBody, TH.Partnership,
)

_FOLD = {"\\": "/", "–": "-", "—": "-", "‐": "-", "’": "'", "‘": "'", "`": "'", "”": '"', "“": '"',
         "\u00a0": " "}


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


def _strict(name: str) -> bool:
    letters = re.sub(r"[^A-Za-zÆØÅæøå]", "", name)
    return 0 < len(letters) <= 4 and letters.isupper()


@dataclass
class ActorIndex:
    """The actors the importer knows, found in text by label and alias."""

    actors: list[KnownActor] = field(default_factory=list)
    _patterns: list[tuple[re.Pattern, KnownActor, bool]] = field(default_factory=list, repr=False)

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
        self.actors.append(actor)
        for name in actor.names:
            name = name.strip()
            if len(name) < 2:
                continue
            strict = _strict(name)
            body = re.escape(name if strict else fold(name)).replace(r"\ ", r"\s+")
            self._patterns.append((re.compile(rf"(?<![\w+]){body}(?:s)?(?![\w+])"), actor, strict))
        self._patterns.sort(key=lambda p: -len(p[0].pattern))
        return actor

    def by_iri(self, iri: URIRef) -> KnownActor | None:
        for actor in self.actors:
            if actor.iri == iri:
                return actor
        return None

    def lookup(self, name: str) -> KnownActor | None:
        """The actor one of whose names is exactly ``name`` (folded)."""
        key = fold(name).strip()
        for actor in self.actors:
            if any(fold(n).strip() == key for n in actor.names):
                return actor
        return None

    def find(self, text: str) -> list[Mention]:
        """Every actor ``text`` names, longest names first, no two overlapping; then the
        members of elided lists ("Tingbjerg, Korsager og Husum Skole")."""
        folded = fold(text)
        taken: list[tuple[int, int]] = []
        found: list[Mention] = []
        for pattern, actor, strict in self._patterns:
            for m in pattern.finditer(text if strict else folded):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
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


# --- names the index does not know --------------------------------------------------------

_STOP = {
    "der", "det", "den", "de", "dette", "disse", "denne", "i", "alle", "aktiviteten", "aktiviteter", "indsatsen",
    "projektet", "puljen", "udviklingen", "derudover", "yderligere", "desuden", "endelig", "samtidig", "ligeledes",
    "herudover", "her", "hvis", "når", "som", "med", "for", "til", "efter", "før", "under", "via", "pt", "fx", "dog",
    "både", "og", "eller", "men", "skoler", "lokale", "medarbejdere", "boligsociale", "arbejdet", "formålet",
    "målet", "målgruppen", "planlægning", "evaluering", "tidsplan", "økonomi", "kommunikation", "mindst",
    "minimum", "ca", "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
    "november", "december", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "dansk",
    "danske", "københavns", "kommunens", "kommunale", "sociale", "partnerskabet", "partnerskabets", "partnerskabsområdets",
    "tryghedsplanen", "se", "læs", "ifølge", "hhv", "bl", "b", "a", "ift", "dvs", "evt", "jf", "jvf", "herunder",
}
#: lower-case words that end an organisation's name ("Husum boldklub", "If stadion")
_HEAD_NOUN = re.compile(r"^(?:boldklub|fodboldklub|idrætsforening|forening|klub|skole|stadion|fritidscenter|"
                        r"bibliotek|kulturhus|lokaludvalg|boligforening|menighedsråd|kirke)$")
_ABBREVIATED = {"bl.a", "b.la", "fx", "f.eks", "dvs", "hhv", "bl", "m.fl", "mfl", "jf", "jvf", "ca", "evt", "inkl"}
_CONNECT = {"i", "for", "på", "af", "og", "&", "-", "–"}
_BEFORE_PLACE = {"omkring", "på", "i", "til", "om", "under", "ved", "efter", "før", "for", "over", "via", "mod", "ud"}
_TOKEN = re.compile(r"[\w’'&./\\+:-]+")


def _capital(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isupper() for c in token))


def new_names(text: str, mentions: Iterable[Mention], ignore: Iterable[str] = ()) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in ``text`` that no mention covers: (start, end, name).

    A run may hold "i", "for", "på", "af" between capitalised words ("Fædregruppen i
    Tingbjerg"), "og" after a suspended hyphen ("Hotel- og Restaurantskolen"), and end in a
    lower-case head noun ("Husum boldklub"). Left out:
    a sentence's first word standing alone, the words of :data:`_STOP`, plural
    abbreviations ("KKFO’er"), runs after a preposition of place ("omkring Feriecamp"), and
    the names in ``ignore`` (activities, focus areas).
    """
    covered = [(m.start, m.end) for m in mentions]
    ignored = {fold(n) for n in ignore}
    tokens = [(m.start(), m.end(), m.group(0).strip(".,:;")) for m in _TOKEN.finditer(text)]
    tokens = [(s, s + len(t), t) for s, _, t in tokens if t]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        s, e, tok = tokens[i]
        inside = any(s < ce and cs < e for cs, ce in covered)
        if inside or not _capital(tok) or fold(tok) in _STOP or re.search(r"[’']er$", tok):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            ns, ne, nxt = tokens[j + 1]
            if any(ns < ce and cs < ne for cs, ce in covered) or text[tokens[j][1]:ns].strip(" ") not in ("",):
                break  # punctuation between the words ends the run
            if (_capital(nxt) and fold(nxt) not in _STOP) or _HEAD_NOUN.match(fold(nxt)):
                j += 1  # "Husum Boldklub", "Husum boldklub", "If stadion"
                continue
            if nxt in _CONNECT and j + 2 < len(tokens) and _capital(tokens[j + 2][2]) and \
                    (nxt != "og" or tokens[j][2].endswith("-")):
                if not text[ne:tokens[j + 2][0]].strip(" "):
                    j += 2
                    continue
            break
        start, end = s, tokens[j][1]
        name = text[start:end].strip(" .,:;")
        before = text[:start].split()[-1:] if text[:start].split() else []
        first_word = not before or (before[0][-1:] in ".:!?" and before[0].rstrip(".").lower() not in _ABBREVIATED)
        single = j == i
        i = j + 1
        listed = re.match(r"\s*(?:,|og\s|samt\s)", text[end:])
        if first_word and single and not tok.isupper() and not listed:
            continue
        if before and before[0].lower() in _BEFORE_PLACE:
            continue
        if fold(name) in ignored or len(name) < 2 or name.isdigit():
            continue
        out.append((start, end, name))
    return out


_KIND_WORDS = [
    (TH.Police, r"politi"),
    (TH.HousingSocialMasterPlan, r"helhedsplan|boligsocial"),
    (TH.HousingAssociation, r"boligselskab|boligforening|\bfsb\b|\bkab\b|\baab\b"),
    (TH.MunicipalAdministration, r"forvaltning(?:en)?$"),
    (TH.School, r"skole|gymnasi|\bkvuc\b|uddannelse|akademi|universitet|\bucc\b|\bsfo\b|kkfo"),
    (TH.Network, r"netværk|\bssp\b|samarbejde"),
    (TH.MunicipalUnit, r"fritidscenter|jobcenter|projektet|enheden|sundhedspleje|klynge|ungdomsskole|center for"),
    (TH.ResidentGroup, r"gruppe|beboer|frivillige|laug"),
    (TH.Association, r"boldklub|klub|club|forening|\bif\b|idræt|spejder|kor\b"),
    (TH.Company, r"\ba/s\b|\baps\b|\bi/s\b|gods\b|firma|virksomhed|restaurant|\bnrep\b"),
    (TH.PublicInstitution, r"bibliotek|kulturhus|museum|lokaludvalg|region|hospital|center|kirke|teater"),
    (TH.NGO, r"fond|organisation|\bngo\b|røde kors|red barnet|tables"),
]


def guess_kind(name: str) -> URIRef:
    """A kind for a new organisation from the words of its name (th:Association when no
    word gives one away); the review list says it is a guess."""
    key = fold(name)
    for kind, words in _KIND_WORDS:
        if re.search(words, key):
            return kind
    return TH.Association
