"""What an activity's own section says: names, focus areas, target groups, deliverables,
timeline, channels and places.

Each function reads one sub-section of "N. AKTIVITET: NAVN" and returns plain readings;
:mod:`.reader` turns them into triples. The rules follow the template's wording:
"understøtter indsatsområderne ”positive fællesskaber” og ”trygt byliv”", "Primær: …",
"unge mellem 13-15 år", "Mindst 20 praktikforløb årligt", "Jan-feb: …", "3. kvartal: …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..i18n import N_
from ..namespaces import TH
from .actors import fold
from .changetheory import Area, area_key
from .remarks import Remark
from .text import BULLET, Passage, items, sentences

__all__ = [
    "Name", "parse_name", "supports", "TargetGroup", "target_groups", "Target", "targets",
    "TimelineEntry", "timeline", "channels", "places", "objectives",
]

# --- names ----------------------------------------------------------------------------------


@dataclass
class Name:
    """An activity's name as the plan prints it, split into what it says."""

    label: str
    short: str
    former: list[str] = field(default_factory=list)
    new: bool = False
    printed: str = ""
    extra: str = ""


def parse_name(text: str) -> Name:
    """ "6. Leg med lyd – Kreative musikaktiviteter (tidligere Ungedrevne Musikfællesskaber)"
    -> label "Leg med lyd – Kreative musikaktiviteter", short "Leg med lyd", former name;
    "(NY)" marks a new activity; a trailing year leaves the short name ("Kulturnatten 2024").
    """
    printed = re.sub(r"^\s*(?:\d{1,2}\s*\.\s*|[-–•]\s+)", "", text).strip()
    name = Name(label="", short="", printed=printed)
    extras = []
    for inner in re.findall(r"\(([^()]*)\)", printed):
        if re.fullmatch(r"\s*ny\s*", inner, re.I):
            name.new = True
        elif re.match(r"\s*(?:tidligere|før|forhen)\s+", inner, re.I):
            name.former.append(re.sub(r"^\s*(?:tidligere|før|forhen)\s+", "", inner, flags=re.I).strip())
        else:
            extras.append(inner.strip())
    label = re.sub(r"\s*\([^()]*\)", "", printed).strip(" .:")
    name.label = re.sub(r"\s+", " ", label)
    short = re.split(r"\s+[–—-]\s+", name.label)[0]
    short = re.sub(r"\s+(?:19|20)\d{2}$", "", short).strip()
    name.short = short or name.label
    name.extra = ", ".join(extras)
    return name


def capitalised(text: str) -> str:
    """A heading printed in capitals, in ordinary case: "LEG MED LYD – KREATIVE" -> "Leg med
    lyd – kreative" (only when the text has no lower-case letter)."""
    if any(c.islower() for c in text):
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


# --- focus areas ----------------------------------------------------------------------------

_NUMBERS = {"en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7,
            "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "femten": 15, "tyve": 20, "begge": 2}
_ALL = re.compile(r"\b(?:alle|samtlige|de)\s+(?:(\w+)\s+)?(?:indsatsområder|fokusområder)\b", re.I)
_COUNT = re.compile(r"\b(to|tre|fire|fem|begge)\s+(?:\w+\s+)?(?:indsatsområder|fokusområder)\b", re.I)


def supports(passages: list[Passage],
             areas: list[Area]) -> tuple[list[tuple[Area, Passage]], list[tuple[Passage, Remark]]]:
    """The focus areas ``passages`` (an activity's opening paragraph) say it supports, each
    with the sentence that says so; and the sentences whose count does not match."""
    regular = [a for a in areas if not a.cross_cutting]
    found: list[tuple[Area, Passage]] = []
    doubts: list[tuple[Passage, Remark]] = []
    for passage in passages:
        key = area_key(passage.text)
        if not re.search(r"indsatsområde|fokusområde|forandringsteori", key):
            continue
        named = [a for a in areas if re.search(rf"(?<!\w){re.escape(area_key(a.name))}(?!\w)", key)]
        every = _ALL.search(passage.text)
        count = _COUNT.search(passage.text)
        if every and not named:
            word = (every.group(1) or "").lower()
            expected = _NUMBERS.get(word)
            if expected is not None and expected != len(regular):
                doubts.append((passage, Remark(N_("says {count} focus areas; the plan names {named}"), count=word,
                                               named=len(regular))))
            named = regular
        elif count and named:
            expected = _NUMBERS.get(count.group(1).lower())
            if expected is not None and expected != len(named):
                doubts.append((passage, Remark(N_("says {count} focus areas and names {named}"), count=count.group(1),
                                               named=len(named))))
        for area in named:
            if all(area is not a for a, _ in found):
                found.append((area, passage))
    return found, doubts


# --- target groups --------------------------------------------------------------------------

_PRIORITY = [
    (TH.Primary, r"prim[æe]r"), (TH.Secondary, r"sekund[æe]r"), (TH.Tertiary, r"terti[æe]r"),
]
_PRIORITY_PREFIX = re.compile(
    r"^(?:den\s+)?(prim[æe]r|sekund[æe]r|terti[æe]r)(?:e|t)?(?:\s+målgruppe)?(?:\s+for\s+aktiviteten)?"
    r"\s*(?::|er\s+målgruppen|er)\s*", re.I)
_PRIORITY_LEAD = re.compile(r"^(prim[æe]rt|sekund[æe]rt|terti[æe]rt)\s+er\s+målgruppen\s+", re.I)
_GROUP_LEAD = re.compile(r"^(?:målgruppen\s+(?:er|for\s+\S+\s+\S+\s+er)\s+|til\s+.+?\s+er\s+målgruppen\s+)", re.I)
_AGES = re.compile(
    r"(?:(?:i\s+alderen|mellem|fra)\s+)?(\d{1,2})\s*(?:-|–|til|og)\s*(\d{1,2})\s*(?:-\s*)?(?:år(?:ige)?\b|-årige)", re.I)


@dataclass
class TargetGroup:
    label: str
    passage: Passage
    priority: object = None
    ages: tuple[int, int] | None = None


def _label(text: str) -> str:
    text = re.sub(r"^(?:hhv\.|herudover|samt|og)\s+", "", text.strip(), flags=re.I).strip(" .,;:")
    return text[:1].upper() + text[1:]


def target_groups(lines) -> list[TargetGroup]:
    """One target group per bullet (or per sentence of a paragraph); priority from "Primær:",
    "Den sekundære målgruppe er …"; ages from "13-17-årige", "i alderen 3-16 år". A sentence
    with two age ranges is two groups ("13-17-årige i lommepengejob, 15-24-årige i …")."""
    blocks = items(lines)
    bulleted = any(BULLET.match(ln.text) for ln in lines)
    pieces: list[Passage] = []
    for block in blocks:
        if bulleted and not block.bullet and "målgruppe" not in block.text.lower():
            continue
        pieces.extend(sentences(list(block.lines)) if not bulleted else [block])
    out: list[TargetGroup] = []
    for piece in pieces:
        text = piece.text.strip()
        if text.endswith(":") or len(text) < 3:
            continue
        priority = None
        m = _PRIORITY_PREFIX.match(text) or _PRIORITY_LEAD.match(text)
        if m:
            word = fold(m.group(1))
            priority = next(p for p, pattern in _PRIORITY if re.match(pattern, word))
            text = text[m.end():]
        text = _GROUP_LEAD.sub("", text)
        ranges = list(_AGES.finditer(text))
        if len(ranges) > 1:
            parts = [p for p in re.split(r",\s+|\s+og\s+(?=\S+\s)", text) if p.strip()]
            for part in parts:
                m = _AGES.search(part)
                ages = (int(m.group(1)), int(m.group(2))) if m else None
                out.append(TargetGroup(_label(part), piece, priority, ages))
            continue
        ages = (int(ranges[0].group(1)), int(ranges[0].group(2))) if ranges else None
        out.append(TargetGroup(_label(text), piece, priority, ages))
    return out


# --- deliverables ---------------------------------------------------------------------------


@dataclass
class Target:
    minimum: Decimal | None
    maximum: Decimal | None
    unit: str
    period: object


_NOT_COUNT = re.compile(
    r"^\s*(?:-\s*)?(?:år\b|årige|årig\b|måneder|måned\b|uger\b|timer\b|dage\s+om|klasse|kl\.|\.|%|procent|kr)", re.I)
_UNIT_STOP = {
    "i", "til", "på", "der", "som", "er", "fra", "med", "pr", "pr.", "om", "årligt", "årlig", "ugentligt",
    "ugentlig", "løbende", "benytter", "modtager", "deltager", "deltage", "bliver", "uddannes", "ansættes",
    "involveres", "gennemfører", "afholdes", "afvikles", "samarbejder", "får", "kommer", "vil", "skal", "for",
    "ved", "af", "og", "eller", "mellem", "hos", "via", "(årligt", "i alt", "inden", "under", "efter", "dog", "ud",
}
_PERIODS = [
    (TH.PerMonth, r"om måneden|pr\.?\s*måned|månedlig|hver måned"),
    (TH.PerWeek, r"ugentlig|om ugen|pr\.?\s*uge\b|hver uge"),
    (TH.PerEvent, r"pr\.?\s*arrangement|hvert arrangement|pr\.?\s*gang"),
    (TH.PerYear, r"årlig|pr\.?\s*år\b|om året|hvert år|i alt"),
    (TH.Ongoing, r"løbende|til enhver tid|hele tiden"),
]


def _period(text: str):
    for period, pattern in _PERIODS:
        if re.search(pattern, text, re.I):
            return period
    return None


_LEADING = {"ugentlige", "ugentlig", "årlige", "årlig", "årligt", "månedlige", "månedlig", "løbende"}


def _unit(rest: str) -> str:
    words = []
    for word in rest.split():
        clean = word.strip(".,;:()*")
        if not words and clean.lower() in _LEADING:
            continue
        suspended = bool(words) and words[-1].endswith("-") and clean.lower() in {"og", "eller"}
        if not suspended and (not clean or clean.lower() in _UNIT_STOP or clean[:1].isdigit()):
            break
        words.append(clean)
        if (len(words) >= 3 and not words[-1].endswith("-") and not suspended) or word.endswith((",", ".", ";", ")")):
            break
    return " ".join(words)


def targets(text: str) -> list[Target]:
    """The countable targets of a deliverable: "Mindst 20 praktikforløb årligt" -> min 20
    per year; "100-130 børn pr. år" -> 100..130; "5 unge ansættes" -> exactly 5; "En årlig
    Høstfest" -> exactly 1 per year. Ages, dates, years, times, ordinals and durations are
    not targets."""
    found: list[tuple[int, Target, str, int]] = []
    taken = [(m.start(), m.end()) for m in _AGES.finditer(text)]
    taken += [(m.start(), m.end()) for m in re.finditer(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*-\s*\d{1,2})?", text)]
    word = "|".join(sorted(_NUMBERS, key=len, reverse=True))
    articles = {"en", "et", "én", "ét", "ni", "begge"}  # words that are more often not counts
    counted = "|".join(sorted((w for w in _NUMBERS if w not in articles), key=len, reverse=True))
    patterns = [
        ("range", re.compile(r"(?:mellem\s+|mindst\s+|minimum\s+)?(\d+)\s*(?:-|–|til)\s*(\d+)(?!\d)", re.I)),
        ("range", re.compile(r"mellem\s+(\d+)\s+og\s+(\d+)(?!\d)", re.I)),
        ("min", re.compile(rf"(?:mindst|minimum|min\.|over|mere end)\s+(\d+|{word})\b", re.I)),
        ("max", re.compile(r"(?:op til|maksimalt|maks\.?|højst)\s+(\d+)(?!\d)", re.I)),
        ("min", re.compile(r"(?<![\w.])(\d+)\+")),
        ("exact", re.compile(r"(?:ca\.|cirka|omkring)\s+(\d+)(?!\d)", re.I)),
        ("exact", re.compile(r"(?<![\w.,/-])(\d+)(?![\d.,/]\d|\.\s|\.$|\d)", re.I)),
        ("exact", re.compile(rf"(?<!\bde\s)(?<!\btil\s)\b({counted})\s+(?!af\b|gang\b)(?=[a-zæøå])", re.I)),
    ]
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            after = text[m.end():]
            numbers = [g for g in m.groups() if g]
            if _NOT_COUNT.match(after) or re.search(r"ud af\s*$", text[:m.start()]):
                continue
            if any(re.fullmatch(r"(?:19|20)\d{2}", n) for n in numbers):
                continue
            values = [Decimal(n) if n.isdigit() else Decimal(_NUMBERS[n.lower()]) for n in numbers]
            lo, hi = (values[0], values[-1]) if kind in ("range", "exact") else \
                ((values[0], None) if kind == "min" else (None, values[0]))
            if lo is not None and hi is not None and lo > hi:
                continue
            taken.append((m.start(), m.end()))
            around = text[max(0, m.start() - 25):m.end() + 30]
            found.append((m.start(), Target(lo, hi, _unit(after), _period(around) or _period(text)), kind, m.end()))
    found.sort(key=lambda item: item[0])
    out = []
    for k, (start, target, kind, _) in enumerate(found):
        # "Minimum tre foreninger og fem aktører": the minimum holds for both counts
        if kind == "exact" and k and found[k - 1][2] == "min" and \
                re.fullmatch(r"[^.,;]*\bog\s*", text[found[k - 1][3]:start]):
            target.maximum = None
        out.append(target)
    for k, target in enumerate(out):
        if not target.unit and k:
            target.unit = out[k - 1].unit
    yearly = re.match(r"^(?:(?:en|et|én|ét)\s+)?(?:årlig|årligt)\s+(.+)$", text.strip(), re.I)
    if not out and yearly:
        out.append(Target(Decimal(1), Decimal(1), _unit(yearly.group(1)) or yearly.group(1).strip(" ."), TH.PerYear))
    return out


# --- timeline -------------------------------------------------------------------------------

_MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_SEASONS = {"vinter": (1, 2), "vinteren": (1, 2), "forår": (3, 5), "foråret": (3, 5), "sommer": (6, 8),
            "sommeren": (6, 8), "efterår": (9, 11), "efteråret": (9, 11), "sommerferie": (7, 7),
            "sommerferien": (7, 7), "efterårsferie": (10, 10), "efterårsferien": (10, 10), "vinterferie": (2, 2),
            "vinterferien": (2, 2), "juleferie": (12, 12), "påskeferie": (4, 4)}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_POINT = rf"(?:(\d)\.\s*kvartal|q([1-4])|({_MONTH})|({'|'.join(_SEASONS)}))(?:\s+((?:19|20)\d{{2}}))?"
_SPAN = re.compile(rf"(?<!\w){_POINT}(?:\s*(?:-|–|til)\s*{_POINT})?(?!\w)", re.I)


@dataclass
class TimelineEntry:
    label: str
    when: str | None
    start: tuple[int, int] | None
    end: tuple[int, int] | None
    passage: Passage


def _point(groups: tuple, year: int) -> tuple[tuple[int, int], tuple[int, int], bool] | None:
    quarter = groups[0] or groups[1]
    month, season, explicit = groups[2], groups[3], groups[4]
    y = int(explicit) if explicit else year
    if quarter:
        q = int(quarter)
        if not 1 <= q <= 4:
            return None
        return (y, 3 * q - 2), (y, 3 * q), bool(explicit)
    if month:
        m = _MONTHS[month.lower().rstrip(".")]
        return (y, m), (y, m), bool(explicit)
    if season:
        a, b = _SEASONS[season.lower()]
        return (y, a), (y, b), bool(explicit)
    return None


def when_of(text: str, year: int) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
    """The first time span ``text`` names: "Jan-feb", "Oktober 2024- februar 2025",
    "3. kvartal", "Efterår"; months of ``year`` unless the text gives a year."""
    m = _SPAN.search(text)
    if not m:
        return None
    first = _point(m.groups()[:5], year)
    second = _point(m.groups()[5:], year) if any(m.groups()[5:]) else None
    if first is None:
        return None
    start, end, _ = first
    if second is not None:
        end = second[1]
        if not second[2] and end < start:
            end = (end[0] + 1, end[1])
        if not first[2] and second[2] and start[0] != end[0] and start > (end[0], start[1]):
            start = (end[0], start[1])
    return m.group(0).strip(" .,;:"), start, end


def timeline(lines, year: int) -> list[TimelineEntry]:
    """One entry per bullet or per "When: what" line; prose sentences that name a month,
    season or quarter are entries too; "løbende" is an entry without months."""
    out: list[TimelineEntry] = []
    for block in items(lines):
        pieces = [block] if block.bullet or re.match(r"^[^:]{2,40}:\s", block.text) \
            else sentences(list(block.lines))
        for piece in pieces:
            text = piece.text.strip()
            m = re.match(r"^([^:]{2,40}):\s*(.+)$", text)
            if m and when_of(m.group(1), year):
                when, start, end = when_of(m.group(1), year)
                out.append(TimelineEntry(_label(m.group(2)), m.group(1).strip(), start, end, piece))
                continue
            found = when_of(text, year)
            if found:
                out.append(TimelineEntry(_label(text), found[0], found[1], found[2], piece))
            elif re.search(r"\bløbende\b", text, re.I):
                out.append(TimelineEntry(_label(text), "Løbende", None, None, piece))
    return out


# --- channels, places, objectives -------------------------------------------------------------

_CHANNELS = [
    ("Facebook", r"facebook"), ("Instagram", r"instagram"), ("LinkedIn", r"linkedin"), ("YouTube", r"you-?tube"),
    ("TikTok", r"tiktok"), ("Hjemmeside", r"hjemmeside"), ("Beboerbladet", r"beboerblad"),
    ("Lokalavisen", r"lokalavis"), ("Sociale medier", r"\bsome\b|sociale medier"), ("Nyhedsbrev", r"nyhedsbrev"),
    ("Aula", r"\baula\b"), ("SMS", r"\bsms"), ("Plakater", r"plakat"), ("Opslag i opgange", r"opgange"),
    ("Pressen", r"\bpressen\b"),
]


def channels(lines) -> list[tuple[str, Passage]]:
    """The communication channels a "Kommunikation" section names, each with its sentence."""
    out: list[tuple[str, Passage]] = []
    for passage in sentences(lines):
        key = fold(passage.text)
        for name, pattern in _CHANNELS:
            if re.search(pattern, key) and all(name != n for n, _ in out):
                out.append((name, passage))
    return out


_PLACE_HEAD = re.compile(r"(?:skole|skolen|center|centret|centeret|bibliotek|kulturhus|torv|torvet|haven|hal|hallen|"
                         r"banen|parken|huset|kapellet|volden|pladsen|kulturlab)$", re.I)
_PLACE = re.compile(r"\b(?:på|i|ved|hos)\s+([A-ZÆØÅ][\w\\/-]*(?:\s+[A-ZÆØÅ][\w\\/-]*){0,4})")


def places(passages: list[Passage], exclude=()) -> list[tuple[str, Passage]]:
    """Named places where the activity happens: "på Energicenter Voldparken", "i Fælleshaven"
    (a capitalised name after a preposition of place, one of whose words names a place)."""
    skip = {fold(x) for x in exclude}
    out: list[tuple[str, Passage]] = []
    for passage in passages:
        for m in _PLACE.finditer(passage.text):
            words = m.group(1).split()
            if not any(_PLACE_HEAD.search(w.strip(".,")) for w in words):
                continue
            name = " ".join(words).strip(" .,")
            if fold(name) in skip or any(fold(n) == fold(name) for n, _ in out):
                continue
            out.append((name, passage))
    return out


def objectives(lines) -> list[Passage]:
    """One objective per bullet; a paragraph without bullets is one objective per sentence;
    a line that introduces a list ("Aktiviteten skal") is left out."""
    out = []
    bulleted = any(BULLET.match(ln.text) for ln in lines)
    for block in items(lines):
        if bulleted and not block.bullet:
            continue
        for piece in ([block] if bulleted else sentences(list(block.lines))):
            if piece.text.strip().endswith(":") or len(piece.text.split()) < 3:
                continue
            out.append(piece)
    return out
