"""The plan's frame: partnership, plan year, agreement period, and the change theory.

Read from the opening pages ("Tingbjerg-Husum Partnerskab …", "… tryghedsplan 2024"),
"Forandringsteori" (the intended impact: "den ønskede effekt - øget tryghed og mindre
kriminalitet") and "Tryghedsplanens indsatsområder" (one sub-heading per focus area; the
sentences that state what the focus area is to achieve are its results).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import fold
from .sections import Block, Outline
from .text import Line, Passage, sentences

__all__ = ["Frame", "Area", "read_frame", "sentence_case", "area_key"]


@dataclass
class Area:
    """A focus area as the plan names it, and its results (the sentences of aim)."""

    name: str
    passage: Passage
    cross_cutting: bool = False
    section: Block | None = None
    results: list[Passage] = field(default_factory=list)


@dataclass
class Frame:
    """What the opening pages say about the partnership and its plan."""

    partnership: Passage | None = None
    partnership_name: str | None = None
    title: Passage | None = None
    year: int | None = None
    year_passage: Passage | None = None
    period: tuple[int, int] | None = None
    period_passage: Passage | None = None
    areas: list[Area] = field(default_factory=list)
    areas_passage: Passage | None = None
    impact: str | None = None
    impact_passage: Passage | None = None
    theory_passage: Passage | None = None
    parties: Passage | None = None
    bodies: dict[str, Passage] = field(default_factory=dict)


def sentence_case(name: str) -> str:
    """"Trygt Byliv" -> "Trygt byliv": capitalised words after the first are lowered
    (abbreviations and words with inner capitals are left alone)."""
    words = name.strip().split(" ")
    out = [words[0][:1].upper() + words[0][1:]]
    for word in words[1:]:
        if word[:1].isupper() and word[1:].islower():
            word = word.lower()
        out.append(word)
    return " ".join(out)


def area_key(name: str) -> str:
    """A focus area's name for comparison: folded, "&" as "og", no quotes or punctuation."""
    key = fold(name).replace("&", " og ")
    key = re.sub(r"[\"'”“’‘.,:;!?()]", " ", key)
    return re.sub(r"\s+", " ", key).strip()


_AIM = re.compile(r"\b(?:skal|arbejder\s+(?:\w+\s+){0,3}for\s+at|målsætning\s+om|med\s+til\s+at\s+sikre|"
                  r"fokus\s+på\s+at|bidrage\s+til|hjælper)\b", re.I)
_PARTNERSHIP = [
    re.compile(r"^((?:[A-ZÆØÅ][\w-]*\s+){1,4}(?:Tryghedsp|P)artnerskab)$"),
    re.compile(r"^((?:Tryghedsp|P)artnerskab(?:et)?\s+(?:[A-ZÆØÅ][\w-]*\s*){1,4})$"),
    re.compile(r"etableret\s+((?:[A-ZÆØÅ][\w-]*\s+){1,4}(?:Tryghedsp|P)artnerskab)\b"),
    re.compile(r"((?:[A-ZÆØÅ][\w-]*\s+){1,4}(?:Tryghedsp|P)artnerskab)\s+(?:har|består|er)\b"),
]


def _first(passages: list[Passage], pattern: re.Pattern) -> tuple[Passage, re.Match] | None:
    for passage in passages:
        m = pattern.search(passage.text)
        if m:
            return passage, m
    return None


def _area_list(intro: list[Line]) -> tuple[list[tuple[str, Passage]], Passage | None]:
    """The focus areas listed after "Indsatsområderne … er:" (a numbered or bulleted list,
    or the rest of the sentence)."""
    for i, line in enumerate(intro):
        if "indsatsområde" not in fold(line.text) or ":" not in line.text:
            continue
        head = Passage(line.text, line, (line,))
        tail = line.text.split(":", 1)[1].strip()
        found: list[tuple[str, Passage]] = []
        for nxt in intro[i + 1:]:
            m = re.match(r"^(?:\d{1,2}\s*[.)]|[•●\-–o])\s+(.+?)\s*$", nxt.text)
            if not m:
                break
            found.append((m.group(1).rstrip(".;,"), Passage(nxt.text, nxt, (nxt,))))
        if found:
            return found, head
        if tail:
            parts = [p.strip(" .") for p in re.split(r",\s*|\s+samt\s+", tail) if p.strip(" .")]
            return [(p, head) for p in parts], head
    return [], None


def _cross_cutting(passages: list[Passage]) -> tuple[str, Passage] | None:
    pattern = re.compile(r"^(?:Derudover\s+er\s+|Desuden\s+er\s+)?[”\"“]?(.+?)[”\"“]?\s+er\s+(?:en|et)\s+"
                         r"(?:fælles\s+og\s+tværgående|fælles|tværgående)\s+(?:indsats|indsatsområde|tema|fokus)")
    for passage in passages:
        m = pattern.match(passage.text)
        if m and len(m.group(1).split()) <= 6:
            return m.group(1).strip(), passage
    return None


def _subsections(block: Block, areas: list[Area]) -> None:
    """Give each focus area its sub-section of "Tryghedsplanens indsatsområder"."""
    keys = {area_key(a.name): a for a in areas}
    current: Area | None = None
    for line in block.lines:
        key = area_key(line.text)
        if key in keys and len(line.text.split()) <= 6:
            current = keys[key]
            current.section = Block(key, line.text.strip(), line)
            continue
        if current is not None and current.section is not None:
            current.section.lines.append(line)


def read_frame(outline: Outline) -> Frame:
    """The partnership, plan and change theory as the opening pages state them."""
    frame = Frame()
    intro = outline.intro
    passages = sentences(intro)
    # the partnership: its heading line, or the first sentence naming it
    for line in intro[:3]:
        for pattern in _PARTNERSHIP[:2]:
            m = pattern.match(line.text.strip())
            if m:
                frame.partnership_name = m.group(1).strip()
                break
        if frame.partnership_name:
            break
    for pattern in _PARTNERSHIP[2:]:
        hit = _first(passages, pattern)
        if hit:
            frame.partnership = hit[0]
            frame.partnership_name = frame.partnership_name or hit[1].group(1).strip()
            break
    # the plan: a heading "… tryghedsplan 2024", the year from the first sentence naming it
    for line in intro:
        if re.search(r"tryghedsplan\s+(?:for\s+)?(?:19|20)\d{2}$", line.text, re.I) and len(line.text.split()) <= 6:
            frame.title = Passage(line.text, line, (line,))
            break
    hit = _first(passages, re.compile(r"tryghedsplan(?:en)?\s+(?:for\s+)?((?:19|20)\d{2})\b", re.I))
    if hit:
        frame.year, frame.year_passage = int(hit[1].group(1)), hit[0]
    elif frame.title:
        frame.year = int(re.search(r"((?:19|20)\d{2})$", frame.title.text).group(1))
        frame.year_passage = frame.title
    hit = _first(passages, re.compile(r"[Pp]artnerskabsaftale[^.]*?((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})"))
    if hit:
        frame.period, frame.period_passage = (int(hit[1].group(1)), int(hit[1].group(2))), hit[0]
    hit = _first(passages, re.compile(r"\bbestår\s+af\b"))
    if hit:
        frame.parties = hit[0]
    for key, word in (("working-group", r"arbejdsgruppe"), ("steering-group", r"styregruppe")):
        hit = _first(passages, re.compile(word, re.I))
        if hit:
            frame.bodies[key] = hit[0]
    # focus areas: the opening's list, else the sub-headings of "indsatsområder"
    listed, frame.areas_passage = _area_list(intro)
    frame.areas = [Area(sentence_case(name), passage) for name, passage in listed]
    cross = _cross_cutting(passages + (sentences(outline.areas.lines) if outline.areas else []))
    if cross:
        name, passage = cross
        for area in frame.areas:
            if area_key(area.name) == area_key(name):
                area.cross_cutting, area.passage = True, passage
                break
        else:
            frame.areas.append(Area(sentence_case(name), passage, cross_cutting=True))
    if outline.areas is not None:
        _subsections(outline.areas, frame.areas)
        for area in frame.areas:
            if area.section is not None:
                area.results = [p for p in sentences(area.section.lines) if _AIM.search(p.text)]
    # the intended impact
    if outline.theory is not None:
        theory = sentences(outline.theory.lines)
        frame.theory_passage = theory[0] if theory else None
        hit = _first(theory, re.compile(r"(?:ønskede|overordnede|samlede)\s+effekt(?:en)?\s*(?:[-–:]|er)\s*([^.]+)"))
        if hit:
            frame.impact, frame.impact_passage = hit[1].group(1).strip(" -–"), hit[0]
    if frame.impact is None:
        hit = _first(passages, re.compile(r"(?:ønskede|overordnede)\s+effekt(?:en)?\s*(?:[-–:]|er)\s*([^.]+)"))
        if hit:
            frame.impact, frame.impact_passage = hit[1].group(1).strip(" -–"), hit[0]
    return frame

