"""Names of organisations no registry knows yet, read from a plan's Danish text.

A partnership's first plan names most of its local organisations for the first time, so
the importer must see a name where Danish writes one. The rules read how names are
written, never a list of one plan's names:

- :func:`new_names`: runs of capitalised words ("Husum Boldklub", "Fædregruppen i
  Tingbjerg", "Hotel- og Restaurantskolen"), ending in a lower-case head noun ("Husum
  boldklub", "Din Fritid netværket") or in "for alle" ("Husum for alle"); two bare nouns
  joined by "og" before a place ("Kultur og Fritid Brønshøj-Husum"); elided lists read
  out ("Tingbjerg, Korsager og Husum Skole" names three schools).
- :func:`introduced`: names the text introduces by their kind, whatever their case and
  even where an activity has the same name: a housing-social master plan ("den
  boligsociale helhedsplan for Tingbjerg/Utterslevhuse", "Det boligsociale team i …",
  "Helhedsplanen for …"), a kind noun before a name or a quoted name ("foreningen Café
  Mors Varme Hænder", "brobygningsnetværket ”Din Fritid Husum/Tingbjerg”"), and a plural
  kind noun before a list ("de to helhedsplaner, Husum for alle og Helhedsplanen for …").
- :func:`plan_key`: the place or name a housing-social master plan is known by, so its
  spellings ("… helhedsplan for Tingbjerg/Utterslevhuse", "… team i Tingbjerg/Utterslev
  Huse") are one organisation.
- :func:`variants`: other ways a plan writes a name: the head noun on the other side
  ("Fritidscenter Brønshøj-Husum", "Brønshøj-Husum fritidscenter") and its initials
  ("Tingbjerg Bibliotek/Kulturhus", "TBK").
- :func:`guess_kind`: a kind from the name's words.

All of it is review-list material: the reader flags every organisation it adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from rdflib import URIRef

from ..namespaces import TH
from .actors import fold

__all__ = ["Introduced", "new_names", "introduced", "listed_after", "plan_key", "variants", "org_head", "guess_kind"]

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
#: lower-case words that end an organisation's name ("Husum boldklub", "If stadion", "Din Fritid netværket")
_HEAD_NOUN = re.compile(r"^(?:boldklub|fodboldklub|idrætsforening|forening|klub|skole|stadion|fritidscenter|"
                        r"bibliotek|kulturhus|lokaludvalg|boligforening|menighedsråd|kirke|netværk(?:et)?)$")
_ABBREVIATED = {"bl.a", "b.la", "fx", "f.eks", "dvs", "hhv", "bl", "m.fl", "mfl", "jf", "jvf", "ca", "evt", "inkl"}
_CONNECT = {"i", "for", "på", "af", "og", "&", "-", "–"}
_BEFORE_PLACE = {"omkring", "på", "i", "til", "om", "under", "ved", "efter", "før", "for", "over", "via", "mod", "ud"}
_TOKEN = re.compile(r"[\w’'&./\\+:-]+")
#: the head nouns of elided lists ("Tingbjerg, Korsager og Husum Skole")
_ELIDED_HEADS = ("skole", "boldklub", "fritidscenter", "bibliotek", "forening")
_PLACE = r"[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ-]*)*"
_ELIDED = re.compile(rf"(?<![\w/\\-])((?:{_PLACE},\s+)*{_PLACE})\s+(?:og|eller)\s+{_PLACE}\s+"
                     rf"((?i:{'|'.join(_ELIDED_HEADS)})\w*)(?![\w/\\-])")
#: words of a name that its initials leave out
_SMALL = {"i", "for", "og", "af", "på", "den", "det", "de", "til", "&"}


def _capital(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and any(c.isupper() for c in token))


def _bare(token: str) -> bool:
    """A capitalised common noun in its indefinite form ("Kultur", "Fritid"; not
    "Fædregruppen", "SOF", "Brønshøj-Husum")."""
    return (token[:1].isupper() and token[1:].islower() and token.isalpha() and len(token) >= 3
            and fold(token) not in _STOP and not re.search(r"(?:en|et|ne)$", fold(token)))


def _tokens(text: str) -> list[tuple[int, int, str]]:
    tokens = [(m.start(), m.end(), m.group(0).strip(".,:;")) for m in _TOKEN.finditer(text)]
    return [(s, s + len(t), t) for s, _, t in tokens if t]


def _touches(spans, s: int, e: int) -> bool:
    return any(s < ce and cs < e for cs, ce in spans)


def _extend(text: str, tokens: list[tuple[int, int, str]], i: int, covered) -> int:
    """The last token of the name that starts at token ``i``."""
    j = i

    def spaced(a: int, b: int) -> bool:  # only spaces between token a's end and token b's start
        return not text[tokens[a][1]:tokens[b][0]].strip(" ")

    while j + 1 < len(tokens):
        ns, ne, nxt = tokens[j + 1]
        if _touches(covered, ns, ne) or not spaced(j, j + 1):
            break  # punctuation between the words ends the run
        if (_capital(nxt) and fold(nxt) not in _STOP) or _HEAD_NOUN.match(fold(nxt)):
            j += 1  # "Husum Boldklub", "Husum boldklub", "If stadion"
            continue
        if fold(nxt) == "for" and j + 2 < len(tokens) and fold(tokens[j + 2][2]) == "alle" and spaced(j + 1, j + 2):
            j += 2  # "Husum for alle"
            continue
        if nxt in _CONNECT and j + 2 < len(tokens) and _capital(tokens[j + 2][2]) and \
                (nxt != "og" or tokens[j][2].endswith("-")) and spaced(j + 1, j + 2):
            j += 2  # "Fædregruppen i Tingbjerg", "Hotel- og Restaurantskolen"
            continue
        if nxt == "og" and j == i and j + 3 < len(tokens) and _bare(tokens[j][2]) and _bare(tokens[j + 2][2]) and \
                _capital(tokens[j + 3][2]) and fold(tokens[j + 3][2]) not in _STOP and \
                spaced(j + 1, j + 2) and spaced(j + 2, j + 3) and not _touches(covered, tokens[j + 3][0], tokens[j + 3][1]) \
                and _kind_word(f"{tokens[j + 2][2]} {tokens[j + 3][2]}") is None:
            j += 3  # "Kultur og Fritid Brønshøj-Husum": two bare nouns and a place (not "Politi og Husum Skole")
            continue
        break
    return j


def _elided(text: str, covered) -> list[tuple[int, int, str]]:
    """The members of elided lists before the last one: "Tingbjerg, Korsager og Husum
    Skole" -> "Tingbjerg Skole", "Korsager Skole" (the last is an ordinary run)."""
    out = []
    for m in _ELIDED.finditer(text):
        head = m.group(2)
        if not any(fold(head).startswith(h) for h in _ELIDED_HEADS):
            continue
        pos = m.start(1)
        for part in re.split(r",\s+", m.group(1)):
            start = text.index(part, pos)
            pos = start + len(part)
            if fold(part) not in _STOP and _kind_word(part) is None and not org_head(part) and \
                    not _touches(covered, start, pos):
                out.append((start, pos, f"{part} {head}"))  # a place: not "Fritidscenter Tingbjerg Skole"
    return out


def new_names(text: str, taken: Iterable[tuple[int, int]], ignore: Iterable[str] = (), *,
              places: bool = False) -> list[tuple[int, int, str]]:
    """Runs of capitalised words in ``text`` outside the ``taken`` spans (known names):
    (start, end, name).

    A run may hold "i", "for", "på", "af" between capitalised words ("Fædregruppen i
    Tingbjerg"), "og" after a suspended hyphen ("Hotel- og Restaurantskolen") or between
    two bare nouns before a place ("Kultur og Fritid Brønshøj-Husum"), and end in a
    lower-case head noun ("Husum boldklub") or "for alle". Members of elided lists come
    out whole ("Korsager" in "Tingbjerg, Korsager og Husum Skole" is "Korsager Skole").
    Left out: a sentence's first word standing alone, the words of :data:`_STOP`, plural
    abbreviations ("KKFO’er"), runs after a preposition of place ("omkring Feriecamp";
    kept with ``places``), and the names in ``ignore`` (activities, focus areas).
    """
    covered = list(taken)
    ignored = {fold(n) for n in ignore}
    out = [(s, e, n) for s, e, n in _elided(text, covered) if fold(n) not in ignored]
    covered += [(s, e) for s, e, _ in out]
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        s, e, tok = tokens[i]
        if _touches(covered, s, e) or not _capital(tok) or fold(tok) in _STOP or re.search(r"[’']er$", tok):
            i += 1
            continue
        j = _extend(text, tokens, i, covered)
        start, end = s, tokens[j][1]
        name = text[start:end].strip(" .,:;")
        before = text[:start].split()[-1:] if text[:start].split() else []
        first_word = not before or (before[0][-1:] in ".:!?" and before[0].rstrip(".").lower() not in _ABBREVIATED)
        single = j == i
        i = j + 1
        listed = re.match(r"\s*(?:,|og\s|samt\s)", text[end:])
        if first_word and single and not tok.isupper() and not listed:
            continue
        if before and before[0].lower() in _BEFORE_PLACE and not places:
            continue
        if fold(name) in ignored or len(name) < 2 or name.isdigit():
            continue
        out.append((start, end, name))
    return sorted(out)


def _name_at(text: str, pos: int, tokens: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The name that starts at ``pos`` (after spaces): a quoted name, or a run of
    capitalised words."""
    quoted = re.compile(r"\s*([”“\"«»])").match(text, pos)
    if quoted:
        close = {"“": "”", "«": "»", "»": "«"}.get(quoted.group(1), quoted.group(1))
        end = text.find(close, quoted.end())
        name = text[quoted.end():end].strip() if end > 0 else ""
        if 2 <= len(name) <= 60 and re.search(r"\w", name):
            return quoted.end(), quoted.end() + len(text[quoted.end():end].rstrip()), name
        return None
    k = next((k for k, t in enumerate(tokens) if t[0] >= pos), None)
    if k is None or text[pos:tokens[k][0]].strip() or not _capital(tokens[k][2]) or fold(tokens[k][2]) in _STOP:
        return None
    j = _extend(text, tokens, k, [])
    return tokens[k][0], tokens[j][1], text[tokens[k][0]:tokens[j][1]]


@dataclass(frozen=True)
class Introduced:
    """A name the text introduces by its kind: ``start``-``end`` is the whole phrase
    ("den boligsociale helhedsplan for Tingbjerg"), ``name`` the organisation's name as
    printed, ``bare`` the span of the name alone."""

    start: int
    end: int
    name: str
    kind: URIRef
    bare: tuple[int, int]


_PLAN = re.compile(r"(?i:\b(?:(?:den|det)\s+)?boligsociale?\s+(?:helhedsplan|team)(?:en|et)?|\bhelhedsplanen)"
                   r"\s+(?:(?i:for|i)\s+)?")
_KIND_NOUN = re.compile(r"(?i:\b(\w*netværk(?:et)?|foreningen|klubben|organisationen|fonden))\s+")
_PLURAL_KIND = {"helhedsplaner": TH.HousingSocialMasterPlan, "fritidscentre": TH.MunicipalUnit,
                "skoler": TH.School, "foreninger": TH.Association, "klubber": TH.Association,
                "boldklubber": TH.Association}
_PLURAL = re.compile(r"(?i:\b(helhedsplaner|fritidscentre|skoler|foreninger|klubber|boldklubber)(?:ne)?)"
                     r"(?:\s*[,:]\s*|\s+)")
_NEXT = re.compile(r"\s*,\s*|\s+(?:og|samt)\s+")


def introduced(text: str) -> list[Introduced]:
    """The organisations ``text`` introduces by their kind (see the module's doc)."""
    tokens = _tokens(text)
    out: list[Introduced] = []
    for m in _PLAN.finditer(text):
        found = _name_at(text, m.end(), tokens)
        if found is None:
            continue
        s, e, _ = found
        joint = re.match(r"\s+og\s+[A-ZÆØÅ][\w/-]*(?![\w/-])(?!\s*[/\\]|\s+[A-ZÆØÅ])", text[e:])
        if joint:
            continue  # "helhedsplanen for Husum og Tingbjerg": no one plan
        out.append(Introduced(m.start(), e, text[m.start():e], TH.HousingSocialMasterPlan, (s, e)))
    for m in _KIND_NOUN.finditer(text):
        found = _name_at(text, m.end(), tokens)
        if found is not None and not _touches([(i.start, i.end) for i in out], m.start(), found[1]):
            out.append(Introduced(found[0], found[1], found[2], guess_kind(m.group(1)), found[:2]))
    for m in _PLURAL.finditer(text):
        kind = _PLURAL_KIND[m.group(1).lower()]
        for found in _listed(text, m.end(), tokens):
            if not _touches([(i.start, i.end) for i in out], found[0], found[1]):
                out.append(Introduced(found[0], found[1], found[2], kind, found[:2]))
    return sorted(out, key=lambda i: i.start)


def _listed(text: str, pos: int, tokens) -> list[tuple[int, int, str]]:
    out = []
    while (found := _name_at(text, pos, tokens)) is not None:
        out.append(found)
        step = _NEXT.match(text, found[1])
        if step is None:
            break
        pos = step.end()
    return out


def listed_after(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The names of a list that starts right at ``pos`` ("… i samarbejde med| Igne:oya",
    "tilskud i| Kulturnatten og Brønshøj-Husum Lokaludvalg"): (start, end, name); none
    where a lower-case word comes first ("med| praktikanter, … og U-klassen")."""
    return _listed(text, pos, _tokens(text))


_PLAN_NAME = re.compile(r"^(?:(?:den|det)\s+)?(?:boligsociale?\s+(?:helhedsplan|team)(?:en|et)?|helhedsplanen)\s+"
                        r"(?:(?:for|i)\s+)?(.+)$", re.I)


def plan_key(name: str) -> str | None:
    """What a housing-social master plan's name says it is the plan of (folded, without
    spaces and hyphens): "den boligsociale helhedsplan for Tingbjerg/Utterslevhuse" and
    "Det boligsociale team i Tingbjerg/Utterslev Huse" -> "tingbjerg/utterslevhuse"; None
    for other names."""
    m = _PLAN_NAME.match(name.strip())
    return re.sub(r"[\s\-–]+", "", fold(m.group(1))) if m else None


#: head nouns a name may carry before or after its place ("Fritidscenter X", "X fritidscenter")
_SWAP = ("fritidscenter", "fritidsklub", "ungdomsklub", "bibliotek", "kulturhus", "lokaludvalg", "jobcenter")


def variants(name: str, *, initials: bool = True) -> list[str]:
    """Other ways a plan may write ``name``: the head noun on the other side of the place
    ("Fritidscenter Brønshøj-Husum", "Brønshøj-Husum fritidscenter"), a line-end hyphen
    left in a word ("Idræts-projektet"), and (with ``initials``) the initials of its words
    or its capitals ("Tingbjerg Bibliotek/Kulturhus" -> "TBK", "EnergiCenter Voldparken" ->
    "ECV"; three to five letters)."""
    words = name.split()
    out = []
    if len(words) >= 2 and fold(words[0]) in _SWAP:
        out.append(" ".join(words[1:]) + " " + words[0].lower())
    if len(words) >= 2 and fold(words[-1]) in _SWAP:
        out.append(words[-1][:1].upper() + words[-1][1:].lower() + " " + " ".join(words[:-1]))
    out.append(re.sub(r"(?<=[a-zæøå])-(?=[a-zæøå])", "", name))
    if initials and not name.isupper():
        parts = [p for p in re.split(r"[\s/\\]+", name) if p and fold(p) not in _SMALL]
        initials = "".join(p[0] for p in parts if p[0].isalpha()).upper()
        capitals = "".join(c for c in name if c.isupper())
        for short in dict.fromkeys((initials, capitals)):
            if 3 <= len(short) <= 5 and (len(parts) >= 2 or short == capitals):
                out.append(short)
    return [v for v in dict.fromkeys(out) if fold(v) != fold(name)]


def org_head(name: str) -> bool:
    """Whether ``name`` ends in a noun that names an organisation ("… netværket", "… Skole")."""
    words = fold(name).split()
    return bool(words) and bool(_HEAD_NOUN.match(words[-1]) or re.search(r"(?:forening|klub|club)(?:en)?$", words[-1]))


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


def _kind_word(name: str) -> URIRef | None:
    key = fold(name)
    return next((kind for kind, words in _KIND_WORDS if re.search(words, key)), None)


def guess_kind(name: str) -> URIRef:
    """A kind for a new organisation from the words of its name (th:Association when no
    word gives one away); the review list says it is a guess."""
    return _kind_word(name) or TH.Association
