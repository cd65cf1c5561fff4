"""The template's parts, found by their headings wherever they stand.

The Copenhagen safety partnerships write their yearly plans on one template: an opening
about the partnership and the plan, "Forandringsteori", "Tryghedsplanens indsatsområder"
(one sub-heading per focus area), the overview table "Tryghedsplanens økonomi", and the
numbered activities "N. AKTIVITET: NAVN", each with the same sub-headings (Baggrund,
Formål og indhold, Målsætninger, Målgruppe, Tidsplan, Leverancer, Kommunikation, Økonomi,
Aktivitetsansvarlig/e). Headings are recognised by their words, not their order, so a
plan with its parts in another order reads the same; a lettered template ("A. Om
partnerskabet", "B. Forandringsteori") too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import Line

__all__ = ["PART_KEYS", "Block", "ActivityText", "Outline", "outline"]

_LETTER = r"(?:[A-H]\s*[.)]\s*)?"
_TOP = [
    ("forandringsteori", re.compile(rf"^{_LETTER}(?:partnerskabets\s+)?forandringsteori(?:en)?$", re.I)),
    ("indsatsomraader", re.compile(r"^(?:[A-H]\s*[.)]\s*(?:tryghedsplanens\s+|partnerskabets\s+)?"
                                   r"|tryghedsplanens\s+|partnerskabets\s+)indsatsområder(?:ne)?$", re.I)),
    ("oekonomi", re.compile(rf"^{_LETTER}(?:tryghedsplanens|planens|den samlede)\s+økonomi$"
                            rf"|^{_LETTER}budgetoversigt$", re.I)),
    ("aktiviteter", re.compile(r"^(?:[A-H]\s*[.)]\s*(?:tryghedsplanens\s+)?|tryghedsplanens\s+)aktiviteter(?:ne)?$", re.I)),
    ("intro", re.compile(rf"^{_LETTER}om\s+(?:tryghedspartnerskabet|partnerskabet|tryghedsplanen)\b.*$", re.I)),
]
_ACTIVITY = [
    re.compile(r"^(\d{1,2})\s*\.\s*aktivitet\s*[:.]\s*(.+?)\s*$", re.I),
    re.compile(r"^aktivitet\s+(\d{1,2})\s*[:.]\s*(.+?)\s*$", re.I),
]
#: an activity's sub-headings -> the part key used in section IRIs (docs/curation.md)
PART_KEYS = [
    ("baggrund", re.compile(r"^baggrund$", re.I)),
    ("formaal", re.compile(r"^formål(?:\s+og\s+indhold)?$|^indhold$", re.I)),
    ("maalsaetninger", re.compile(r"^(?:mål|målsætninger?|mål\s+og\s+målsætninger|succeskriterier)$", re.I)),
    ("maalgruppe", re.compile(r"^målgrupper?(?:ne)?$", re.I)),
    ("tidsplan", re.compile(r"^tidsplan(?:en)?$", re.I)),
    ("leverancer", re.compile(r"^leverancer?(?:ne)?$", re.I)),
    ("kommunikation", re.compile(r"^kommunikation(?:\s+og\s+dialog)?$|^kommunikation,\s+dialog\s+og\s+synlighed$", re.I)),
    ("oekonomi", re.compile(r"^økonomi(?:en)?$|^budget$", re.I)),
    ("ansvarlige", re.compile(r"^(?:aktivitetsansvarlig(?:e|/e|\(e\))?|ansvarlige(?:\s+aktører)?|ansvar(?:lig)?"
                              r"|organisering)$", re.I)),
]


def _heading_text(line: Line) -> str:
    return line.text.strip().rstrip(":").strip()


@dataclass
class Block:
    """A part of the plan: its heading line (None for the opening) and body lines."""

    key: str
    title: str
    heading: Line | None
    lines: list[Line] = field(default_factory=list)


@dataclass
class ActivityText:
    """One numbered activity: the heading, the paragraph(s) before the first sub-heading
    (which focus areas it supports) and its sub-sections by part key."""

    number: int
    name: str
    heading: Line
    intro: list[Line] = field(default_factory=list)
    parts: dict[str, Block] = field(default_factory=dict)
    repeated: list[Block] = field(default_factory=list)

    def all_lines(self) -> list[Line]:
        out = list(self.intro)
        for block in self.parts.values():
            out.extend(block.lines)
        return out


@dataclass
class Outline:
    """The plan's parts; any may be missing."""

    intro: list[Line] = field(default_factory=list)
    theory: Block | None = None
    areas: Block | None = None
    overview: Block | None = None
    activities: list[ActivityText] = field(default_factory=list)
    duplicates: list[Block] = field(default_factory=list)


def _top(line: Line) -> str | None:
    text = _heading_text(line)
    if len(text.split()) > 8 or not text[:1].isupper():
        return None
    for key, pattern in _TOP:
        if pattern.match(text):
            return key
    return None


def _activity(line: Line) -> tuple[int, str] | None:
    for pattern in _ACTIVITY:
        m = pattern.match(line.text)
        if m:
            return int(m.group(1)), m.group(2).strip()
    return None


def _part(line: Line) -> str | None:
    text = _heading_text(line)
    if len(text.split()) > 5:
        return None
    for key, pattern in PART_KEYS:
        if pattern.match(text):
            return key
    return None


def outline(lines: list[Line]) -> Outline:
    """Cut the plan into its parts by their headings."""
    out = Outline()
    current: Block | ActivityText | None = None
    part: Block | None = None
    seen_top: set[str] = set()

    def start(key: str, line: Line) -> Block:
        block = Block(key, _heading_text(line), line)
        if key in seen_top:
            out.duplicates.append(block)
        seen_top.add(key)
        if key == "forandringsteori" and out.theory is None:
            out.theory = block
        elif key == "indsatsomraader" and out.areas is None:
            out.areas = block
        elif key == "oekonomi" and out.overview is None:
            out.overview = block
        return block

    for line in lines:
        act = _activity(line)
        if act is not None:
            current = ActivityText(act[0], act[1], line)
            out.activities.append(current)
            part = None
            continue
        top = _top(line)
        if top is None and not isinstance(current, ActivityText) and _part(line) == "oekonomi":
            top = "oekonomi"  # a bare "Økonomi" outside the activities is the overview
        if top is not None and not (isinstance(current, ActivityText) and _part(line)):
            if top == "intro":
                current, part = None, None
                out.intro.append(line)
                continue
            current, part = start(top, line), None
            continue
        if isinstance(current, ActivityText):
            key = _part(line)
            if key is not None:
                part = Block(key, _heading_text(line), line)
                if key in current.parts:
                    current.repeated.append(part)
                else:
                    current.parts[key] = part
                continue
            (part.lines if part is not None else current.intro).append(line)
        elif isinstance(current, Block):
            current.lines.append(line)
        else:
            out.intro.append(line)
    return out
