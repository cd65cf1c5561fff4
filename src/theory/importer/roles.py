"""Who does what in an activity: responsibilities read from the plan's sentences.

The section "Aktivitetsansvarlig/e" (or "Ansvarlige aktører") is read sentence by
sentence. Each sentence's cue words give the role of the organisations it names, and where
they stand relative to the cue decides which organisation gets it:

- lead: "X er (hoved|aktivitets)ansvarlig", "X er tovholder", "X deler et fælles ansvar",
  "X har ansvaret for", "Den aktivitetsansvarlige … er Y", "forankret i Y", "… sammen med Y"
  right after a lead cue;
- partner: "i samarbejde med", "samarbejder", "indgår", "deltager", "repræsenteret",
  "inddrage", "planlægningsgruppe med", "sammen med";
- operator "Driften varetages i samarbejde med Y", trainer "X står for uddannelsen",
  funder "X støtter aktiviteten økonomisk", "Der ansøges om tilskud i Y", venue "X lægger
  lokaler til".

A sentence that only lists organisations under the heading names the responsible ones (the
first such list) or partners (later ones); that reading goes on the review list. Words of
intention make a role prospective ("det er hensigten at inddrage", "Det tilsigtes",
"forventes", "Der ansøges om", "Der er allerede etableret kontakt til").

Other parts of the activity (its opening, purpose, objectives, target group, timeline and
deliverables) add partners only: organisations the index knows that a sentence names as
collaborating ("i samarbejde med", "sammen med", "etableret kontakt til" …).

Plural references are read out against the organisations the plan names: "de tre
fritidscentre" (those named in the activity, known or not), "skolerne", "helhedsplanerne"
(the plan's housing-social master plans), "partnerskabets parter" (the partnership). "den
boligsociale helhedsplan" or "det boligsociale team" without a name is the one the activity
names; where it names none or several, the review list says so.

Names the index does not know come from :mod:`.orgnames`: names introduced by their kind
first ("den boligsociale helhedsplan for X", "foreningen X"), then capitalised names, then
the subject or object of a lead cue. An abbreviation in brackets after a name is another
name of it ("Tingbjerg Bibliotek\\Kulturhus (TBK)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from rdflib import URIRef

from ..i18n import N_
from ..namespaces import TH
from .actors import ActorIndex, KnownActor, Mention, fold
from .orgnames import introduced, listed_after, new_names
from .remarks import Remark
from .sections import ActivityText
from .text import Passage, sentences

__all__ = ["RoleReading", "Doubt", "read_roles", "PROSPECTIVE"]

_I = re.I
_LEAD_BEFORE = [
    re.compile(r"\b(?:er|var|bliver|være)\s+(?:\w+\s+){0,2}?(?:aktivitets|hoved|projekt)?ansvarlig(?:e)?\b", _I),
    re.compile(r"\b(?:er|være|bliver)\s+(?:\w+\s+)?tovholder(?:e|ne)?\b", _I),
    re.compile(r"\bdeler\s+(?:et\s+)?(?:fælles\s+)?ansvar(?:et)?\b", _I),
    re.compile(r"\bhar\s+(?:det\s+)?(?:\w+\s+)?ansvar(?:et)?\s+for\b", _I),
    re.compile(r"\bstår\s+for\s+(?:planlægning|afvikling|driften|afholdelse|koordinering)", _I),
]
_LEAD_AFTER = [
    re.compile(r"\b(?:den|de)\s+(?:aktivitets|hoved|projekt)?ansvarlige\b(?:\s+\S+){0,5}?\s+er\b", _I),
    re.compile(r"\bforankret\s+(?:i|hos)\b", _I),
    re.compile(r"(?<!driften\s)\bvaretages\s+af\b", _I),
    re.compile(r"\bdrives\s+af\b", _I),
]
_PARTNER = [
    re.compile(r"\bsamarbejde(?:t)?\s+(?:med|mellem)\b", _I),
    re.compile(r"\bsamarbejder\b", _I),
    re.compile(r"\bsamarbejdspartner(?:e)?\b", _I),
    re.compile(r"\bindgår\b", _I),
    re.compile(r"\bdeltager\b", _I),
    re.compile(r"\brepræsenteret\b|\brepræsentanter\s+fra\b", _I),
    re.compile(r"\binddrage(?:s|t|r)?\b|\binddraget\b", _I),
    re.compile(r"\binvolvere(?:s|t|r)?\b", _I),
    re.compile(r"\bplanlægningsgruppe\b", _I),
    re.compile(r"\bsammen\s+med\b", _I),
    re.compile(r"\bbestår\s+(?:\S+\s+)?af\b", _I),
    re.compile(r"\bkontakt\s+til\b", _I),
    re.compile(r"\bstøtte\s+fra\b", _I),
    re.compile(r"\bbidrage(?:r)?\s+(?:med|til)\b", _I),
]
#: cues that name a collaboration in the other parts of an activity
_BODY = [
    re.compile(r"\bsamarbejde(?:t)?\s+(?:med|mellem)\b", _I),
    re.compile(r"\bsamarbejder\s+med\b", _I),
    re.compile(r"\bsammen\s+med\b", _I),
    re.compile(r"\bkontakt\s+til\b", _I),
    re.compile(r"\bstøtte\s+fra\b", _I),
]
_OPERATOR = re.compile(r"\bdriften\s+varetages\b|\bvaretager\s+driften\b", _I)
_TRAINER = re.compile(r"\bstår\s+for\s+(?:uddannelsen|undervisningen|træningen|kurset)\b|\buddanner\b|\bunderviser\b", _I)
_FUNDER_AFTER = re.compile(
    r"\bmedfinansiering\s+fra\b|\bansøges\s+(?:\w+\s+)?om\s+(?:tilskud|midler|støtte|finansiering)\s+(?:i|hos|fra)\b", _I)
_FUNDER_BEFORE = re.compile(r"\bstøtter\s+(?:\w+\s+){0,2}økonomisk\b|\bmedfinansierer\b|\bfinansierer\b", _I)
_VENUE_BEFORE = re.compile(r"\blægger\s+(?:lokaler|hus|plads)\s+til\b|\bstiller\s+lokaler\b", _I)
#: words of intention: the role is prospective
PROSPECTIVE = re.compile(
    r"\bhensigten\b|\btilsigtes\b|\bansøges\b|\bsøges\b|\betableret\s+kontakt\b|\bat\s+etablere\b|\betableres\b|"
    r"\bforventes\b|\beventuelt\b|\bønskes\b|\bunder\s+opbygning\b|\bhåber\b|\bmuligvis\b|\bovervejes\b", _I)

_PLURALS = [
    # (pattern, singular word in labels, scope: "activity" or "plan")
    (re.compile(r"\b(?:(?:de|begge|partnerskabsområdets)\s+)?(?:(to|tre|fire|fem|\d)\s+)?(?:boligsociale\s+)?"
                r"helhedsplaner(?:ne)?\b|\b(?:de\s+)?boligsociale\s+teams\b", _I), "helhedsplan", "plan"),
    (re.compile(r"\bde\s+(to|tre|fire|fem|\d)\s+fritidscentre(?:ne)?\b|\bfritidscentrene\b", _I),
     "fritidscenter", "activity"),
    (re.compile(r"\bde\s+(to|tre|fire|fem|\d)\s+skoler\b|\bskolerne\b", _I), "skole", "activity"),
    (re.compile(r"\bde\s+(to|tre|fire|fem|\d)\s+(?:fodbold)?klubber\b", _I), "klub", "activity"),
    (re.compile(r"\bde\s+(to|tre|fire|fem|\d)\s+(?:ovennævnte\s+)?foreninger\b", _I), "forening", "activity"),
]
_PARTIES = re.compile(r"\b(?:alle\s+)?partnerskabets\s+parter\b", _I)
_COUNTS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "begge": 2}
_KIND_OF = {"helhedsplan": TH.HousingSocialMasterPlan, "skole": TH.School}


@dataclass
class RoleReading:
    """One organisation in one role, read from one sentence."""

    actor: KnownActor
    role: URIRef
    prospective: bool
    passage: Passage
    part: str
    doubt: Remark | None = None


@dataclass
class Doubt:
    """A sentence whose reading should be checked."""

    passage: Passage
    part: str
    read: str
    why: Remark
    suggestion: Remark


@dataclass
class _Hit:
    actors: list[KnownActor]
    start: int
    end: int
    text: str
    note: Remark | None = None


#: ``propose(name, passage, part, parent=None, *, kind=None, introduced=False)``: the
#: organisation ``name`` stands for, new if need be (None when it is not one)
Propose = Callable[..., "KnownActor | None"]


@dataclass
class _Context:
    index: ActorIndex
    activity_actors: set[URIRef]
    plan_actors: set[URIRef]
    partnership: KnownActor | None
    propose: Propose
    ignore: list[str] = field(default_factory=list)
    #: capitalised names the activity's text gives anywhere, places too: (name, passage, part)
    names: list[tuple[str, Passage, str]] = field(default_factory=list)
    #: ``alias(actor, name, passage, part)``: ``name`` is another name of ``actor``
    alias: Callable[..., None] | None = None


def _drop_nested(mentions: list[Mention], text: str, index: ActorIndex) -> list[Mention]:
    """Leave out an abbreviation in brackets after a name ("Socialforvaltningen (SOF)",
    "idrætsprojektet (SOF)") and a parent named with its unit ("KFF fra Aktive børn i
    Forening")."""
    out = []
    for m in mentions:
        before, after = text[:m.start].rstrip(), text[m.end:]
        if before.endswith("(") and after.startswith(")") and re.search(r"\w\s*\($", before):
            continue
        out.append(m)
    parents = {m.actor.parent for m in out if m.actor.parent is not None}
    return [m for m in out if m.actor.iri not in parents or not any(
        o.actor.parent == m.actor.iri and _beside(text, m, o) for o in out)]


def _beside(text: str, parent: Mention, unit: Mention) -> bool:
    """Whether ``parent`` is named as the unit's parent: right before it ("KFF fra Aktive
    børn i Forening", "SOF Familiehuset") or in brackets after it ("idrætsprojektet (SOF)"),
    not merely in the same list."""
    if parent.end <= unit.start:
        return bool(re.fullmatch(r"\s*(?:fra|under|i|ved|hos|[-–/])?\s*", text[parent.end:unit.start], _I))
    return bool(re.fullmatch(r"\s*\(\s*", text[unit.end:parent.start]))


def _plurals(passage: Passage, ctx: _Context, taken: list[tuple[int, int]]) -> tuple[list[_Hit], list[Remark]]:
    text = passage.text
    hits, notes = [], []
    if ctx.partnership is not None:
        for m in _PARTIES.finditer(text):
            hits.append(_Hit([ctx.partnership], m.start(), m.end(), m.group(0)))
    for pattern, word, scope in _PLURALS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            pool = ctx.activity_actors if scope == "activity" else ctx.plan_actors
            kind = _KIND_OF.get(word)
            found = [a for a in ctx.index.actors if a.iri in pool and (
                word in fold(a.label) or (kind is not None and a.kind == kind))]
            if scope == "activity":
                found += _named_in_activity(word, ctx, found)
            found = sorted(dict.fromkeys(found), key=lambda a: a.label)
            count = next((_COUNTS.get(g.lower(), int(g) if g.isdigit() else None) for g in m.groups() if g), None)
            if not found:
                notes.append(Remark(N_("“{phrase}” names no organisation the plan names elsewhere"), phrase=m.group(0)))
                continue
            names = ", ".join(a.label for a in found)
            note = Remark(N_("“{phrase}” read as {names}"), phrase=m.group(0), names=names)
            if count is not None and count != len(found):
                note = Remark(N_("“{phrase}” read as {names} (the plan says {count}, {found} found)"),
                              phrase=m.group(0), names=names, count=count, found=len(found))
            hits.append(_Hit(found, m.start(), m.end(), m.group(0), note))
            taken.append((m.start(), m.end()))
    for m in _ONE_PLAN.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        pool = sorted((a for a in ctx.index.actors if a.iri in ctx.activity_actors and _is_plan(a)),
                      key=lambda a: a.label)
        if len(pool) == 1:
            hits.append(_Hit(pool, m.start(), m.end(), m.group(0),
                             Remark(N_("“{phrase}” read as {names}"), phrase=m.group(0), names=pool[0].label)))
        elif pool:
            notes.append(Remark(N_("“{phrase}” is not read: the activity names several housing-social master plans "
                                   "({names})"), phrase=m.group(0), names=", ".join(a.label for a in pool)))
        else:
            notes.append(Remark(N_("“{phrase}” is not read: the activity names no housing-social master plan"),
                                phrase=m.group(0)))
        taken.append((m.start(), m.end()))
    return hits, notes


#: "den boligsociale helhedsplan", "det boligsociale team", "helhedsplanen" without a name
_ONE_PLAN = re.compile(r"(?:\b(?:(?:den|det)\s+)?boligsociale\s+(?:helhedsplan|team)(?:en|et)?|\bhelhedsplanen)\b"
                       r"(?!\s+(?:(?:for|i)\s+)?(?-i:[A-ZÆØÅ]))", _I)


def _is_plan(actor: KnownActor) -> bool:
    return actor.kind == TH.HousingSocialMasterPlan or "helhedsplan" in fold(actor.label)


def _named_in_activity(word: str, ctx: _Context, found: list[KnownActor]) -> list[KnownActor]:
    """The organisations the activity names (known or not) whose names hold ``word``
    ("Fritidscenter Vanløse" for "de tre fritidscentre")."""
    out = []
    for name, passage, part in ctx.names:
        if word not in fold(name):
            continue
        actor = ctx.propose(name, passage, part)
        if actor is not None and actor not in found and actor not in out:
            out.append(actor)
    return out


def _spans(patterns, text: str) -> list[tuple[int, int]]:
    return sorted((m.start(), m.end()) for p in patterns for m in p.finditer(text))


def _list_only(text: str, hits: list[_Hit]) -> bool:
    rest = text
    for hit in sorted(hits, key=lambda h: -h.start):
        rest = rest[:hit.start] + " " + rest[hit.end:]
    words = [w for w in re.split(r"[\s,.;:()]+", rest) if w and w.lower() not in {"og", "samt", "&", "-", "–"}]
    return bool(hits) and len(words) <= 3


def _subject(text: str, cue_start: int) -> str | None:
    """The words before a lead cue, when they look like a name ("Husum for alle er …",
    "Den boligsociale helhedsplan Amagerbro er …" -> "Boligsociale helhedsplan Amagerbro")."""
    phrase = text[:cue_start].strip(" ,")
    phrase = re.sub(r"^(?:den|det|de)\s+", "", phrase, flags=_I)
    if not phrase or len(phrase.split()) > 6 or "," in phrase or not re.search(r"[A-ZÆØÅ]", phrase):
        return None
    if re.search(r"(?<!-)\s(?:og|samt|&)\s", phrase):
        return None  # a list of names: each is read on its own
    if fold(phrase.split()[0]) in {"der", "dette", "aktiviteten", "puljen", "indsatsen", "projektet", "alle", "her"}:
        return None
    return phrase[:1].upper() + phrase[1:]


def _object(text: str, cue_end: int) -> str | None:
    """The words after a lead cue up to the end of the clause ("… er den boligsociale helhedsplan for X.")."""
    phrase = re.split(r"[.,;]\s|[.;]$|\s+og\s+(?:har|er|skal)\b", text[cue_end:].strip(), maxsplit=1)[0].strip(" .")
    phrase = re.sub(r"^(?:den|det|de)\s+", "", phrase, flags=_I)
    if not phrase or len(phrase.split()) > 8:
        return None
    return phrase[:1].upper() + phrase[1:]


def _hits(passage: Passage, ctx: _Context) -> tuple[list[_Hit], list[Remark], list[Mention]]:
    """The organisations a sentence names (known ones and plural references), the notes on
    plural references, and every span a known name covers (dropped ones included)."""
    text = passage.text
    found = ctx.index.find(text)
    mentions = _drop_nested(found, text, ctx.index)
    taken = [(m.start, m.end) for m in found]
    named = [i for i in introduced(text) if i.kind == TH.HousingSocialMasterPlan]
    taken += [(i.start, i.end) for i in named]  # "den boligsociale helhedsplan for X" names X
    plural, notes = _plurals(passage, ctx, taken)
    hits = [_Hit([m.actor], m.start, m.end, m.text) for m in mentions] + plural
    covered = found + [Mention(h.actors[0], h.start, h.end, h.text) for h in plural]
    return sorted(hits, key=lambda h: h.start), notes, covered


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is an abbreviation in brackets right after a name."""
    return bool(re.fullmatch(r"[A-ZÆØÅ]{2,6}", text[start:end]) and re.search(r"\w\s*\(\s*$", text[:start])
                and re.match(r"\s*\)", text[end:]))


def _abbreviations(text: str, hits: list[_Hit], passage: Passage, part: str, ctx: _Context) -> list[_Hit]:
    """An abbreviation in brackets right after a name is another name of it, not another
    organisation: "Tingbjerg Bibliotek\\ Kulturhus (TBK)"."""
    out = list(hits)
    for hit in hits:
        m = re.match(r"\s*\(\s*([A-ZÆØÅ]{2,6})\s*\)", text[hit.end:])
        if not m or len(hit.actors) != 1:
            continue
        start, end = hit.end + m.start(1), hit.end + m.end(1)
        other = next((h for h in out if h.start == start and h.end == end), None)
        if other is not None and all(a.new for a in other.actors):
            out.remove(other)
        if (other is None or all(a.new for a in other.actors)) and ctx.alias is not None:
            ctx.alias(hit.actors[0], m.group(1), passage, part)
    return out


def _responsible_sentence(passage: Passage, part: str, title: str, ctx: _Context,
                          has_lead: bool) -> tuple[list[RoleReading], list[Doubt]]:
    text = passage.text
    hits, notes, covered = _hits(passage, ctx)
    before = [(m.start(), m.end()) for p in _LEAD_BEFORE for m in p.finditer(text)]
    after = [(m.start(), m.end()) for p in _LEAD_AFTER for m in p.finditer(text)]
    partner = _spans(_PARTNER, text)
    for _, e in before:  # "… er hovedansvarlig sammen med Y": Y leads too
        m = re.match(r"\s*(?:\S+\s+){0,3}?sammen\s+med\b", text[e:], _I)
        if m:
            after.append((e, e + m.end()))
            partner = [(ps, pe) for ps, pe in partner if not (e <= ps < e + m.end())]
    # names the index does not know: names introduced by their kind, capitalised names, and
    # the subject or object of a lead cue
    known = [(h.start, h.end) for h in hits]
    named = [i for i in introduced(text) if not any(s <= i.bare[0] and i.bare[1] <= e for s, e in known)]
    proposals = [(i.start, i.end, i.name, i.kind) for i in named if i.kind == TH.HousingSocialMasterPlan or
                 not any(s < i.end and i.start < e for s, e in known)]
    spans = [(m.start, m.end) for m in covered] + [(p[0], p[1]) for p in proposals]
    proposals += [(s, e, n, None) for s, e, n in new_names(text, spans, ctx.ignore)]
    if before and not any(h.start < before[0][0] for h in hits) and \
            not any(p[3] is not None and p[0] < before[0][0] for p in proposals):
        name = _subject(text, before[0][0])
        if name:  # the whole subject is the name; capitalised words inside it are not names of their own
            proposals = [p for p in proposals if p[0] >= before[0][0]]
            proposals.append((0, before[0][0], name, None))
    if after and not any(h.start >= after[0][1] for h in hits) and not any(p[0] >= after[0][1] for p in proposals):
        name = _object(text, after[0][1])
        if name:
            start = text.find(name[1:], after[0][1]) - 1
            proposals.append((max(start, after[0][1]), max(start, after[0][1]) + len(name), name, None))
    for start, end, name, kind in sorted(proposals, key=lambda p: p[:2]):
        if _bracketed(text, start, end):
            continue  # "Amager Kulturhus (AKH)": another name of the one before it, see _abbreviations
        # a unit named after its parent: "SOF Familiehuset", "Børne- og Ungdomsforvaltningens Klynge BV-A"
        parent = next((h for h in hits if len(h.actors) == 1 and 0 <= start - h.end <= 1
                       and not text[h.end:start].strip()), None)
        if parent is not None and kind is None:
            hits.remove(parent)
            genitive = parent.text.endswith("s") and not any(fold(n) == fold(parent.text) for n in parent.actors[0].names)
            name, start = (name, start) if genitive else (f"{parent.text} {name}", parent.start)
        else:
            parent = None
        actor = ctx.propose(name, passage, part, parent.actors[0] if parent else None, kind=kind,
                            introduced=kind is not None)
        if actor is not None:
            hits.append(_Hit([actor], start, end, name))
    hits = _abbreviations(text, hits, passage, part, ctx)
    hits.sort(key=lambda h: h.start)

    prospective = bool(PROSPECTIVE.search(text))
    cues = before or after or partner or _OPERATOR.search(text) or _TRAINER.search(text) or \
        _FUNDER_AFTER.search(text) or _FUNDER_BEFORE.search(text) or _VENUE_BEFORE.search(text)
    doubts = [Doubt(passage, part, text, note, Remark(N_("check which organisations are meant"))) for note in notes]
    readings: list[RoleReading] = []

    def add(actors, role, doubt=None):
        for actor in actors:
            readings.append(RoleReading(actor, role, prospective, passage, part, doubt))

    if not cues:
        if _list_only(text, hits):
            role = TH.Partner if has_lead else TH.Lead
            names = ", ".join(a.label for hit in hits for a in hit.actors)
            doubt = Remark(N_("the sentence only lists organisations ({names}) under the heading “{title}”; read as "
                              "partners") if has_lead else
                           N_("the sentence only lists organisations ({names}) under the heading “{title}”; read as "
                              "responsible"), names=names, title=title)
            for hit in hits:
                add(hit.actors, role, doubt)
        return readings, doubts

    operator = _OPERATOR.search(text)
    trainer = _TRAINER.search(text)
    funder_after = _FUNDER_AFTER.search(text)
    funder_before = _FUNDER_BEFORE.search(text)
    venue = _VENUE_BEFORE.search(text)
    for hit in hits:
        role = None
        governing_after = [a for a in after if a[1] <= hit.start]
        governing_before = [b for b in before if b[0] >= hit.end]
        if governing_after:
            cue_end = max(a[1] for a in governing_after)
            between = any(cue_end <= ps and pe <= hit.start for ps, pe in partner)
            role = TH.Partner if between else TH.Lead
        elif governing_before and not any(pe <= hit.start for ps, pe in partner):
            role = TH.Lead
        elif partner:
            role = TH.Partner
        if operator and operator.end() <= hit.start:
            role = TH.Operator
        if role is not None:
            add(hit.actors, role, hit.note)
        if trainer and hit.end <= trainer.start():
            add(hit.actors, TH.Trainer, hit.note)
        if (funder_after and funder_after.end() <= hit.start) or (funder_before and hit.end <= funder_before.start()):
            add(hit.actors, TH.Funder, hit.note)
        if venue and hit.end <= venue.start():
            add(hit.actors, TH.Venue, hit.note)
    return readings, doubts


def _body_sentence(passage: Passage, part: str, ctx: _Context) -> list[RoleReading]:
    text = passage.text
    cues = _spans(_BODY, text)
    funder = _FUNDER_AFTER.search(text)
    if not cues and not funder:
        return []
    hits, _, covered = _hits(passage, ctx)
    # a list of names right after the cue names organisations, known or not ("i tæt samarbejde med Igne:oya")
    taken = [(m.start, m.end) for m in covered]
    for _, end in cues + ([(funder.start(), funder.end())] if funder else []):
        for start, stop, name in listed_after(text, end):
            if any(start < e and s < stop for s, e in taken):
                continue
            actor = ctx.propose(name, passage, part)
            if actor is not None:
                hits.append(_Hit([actor], start, stop, name))
                taken.append((start, stop))
    prospective = bool(PROSPECTIVE.search(text))
    out = []
    first = min([s for s, _ in cues] + ([funder.start()] if funder else []))
    for hit in sorted(hits, key=lambda h: h.start):
        if funder and funder.end() <= hit.start:
            role = TH.Funder
        elif cues and hit.start >= first:
            role = TH.Partner
        else:
            continue
        for actor in hit.actors:
            out.append(RoleReading(actor, role, prospective, passage, part, hit.note))
    return out


def read_roles(
    activity: ActivityText,
    index: ActorIndex,
    *,
    plan_actors: set[URIRef],
    partnership: KnownActor | None,
    propose: Propose,
    ignore: list[str],
    alias: Callable[..., None] | None = None,
) -> tuple[list[RoleReading], list[Doubt]]:
    """Every role the activity's text gives: its responsible section first, then partners
    named in its other parts. ``propose(name, passage, part, parent=None, *, kind=None,
    introduced=False)`` makes a new organisation (or returns None when the name is not
    one); ``alias(actor, name, passage, part)`` records another name of an organisation."""
    parts = [("intro", activity.intro)] + [(key, block.lines) for key, block in activity.parts.items()]
    passages = [(p, key, index.find(p.text)) for key, lines in parts for p in sentences(lines)]
    activity_actors = {m.actor.iri for _, _, found in passages for m in found}
    names = [(name, p, key) for p, key, found in passages
             for _, _, name in new_names(p.text, [(m.start, m.end) for m in found], ignore, places=True)]
    ctx = _Context(index, activity_actors, plan_actors, partnership, propose, ignore, names, alias)
    readings: list[RoleReading] = []
    doubts: list[Doubt] = []
    block = activity.parts.get("ansvarlige")
    if block is not None:
        for passage in sentences(block.lines):
            has_lead = any(r.role == TH.Lead for r in readings)
            found, worry = _responsible_sentence(passage, "ansvarlige", block.title, ctx, has_lead)
            readings.extend(found)
            doubts.extend(worry)
    for key in ("intro", "formaal", "maalsaetninger", "maalgruppe", "tidsplan", "leverancer"):
        lines = activity.intro if key == "intro" else (activity.parts[key].lines if key in activity.parts else [])
        for passage in sentences(lines):
            readings.extend(_body_sentence(passage, key, ctx))
    return readings, doubts
