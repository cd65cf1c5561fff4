"""What a view draws, independent of how: a network (nodes, edges, legend) or a matrix.

The views (:mod:`.changetheory`, :mod:`.actors`, :mod:`.coverage`) turn the RDF graph into
one of these plain-Python pictures, with node positions already computed, so that the
interactive page (:mod:`.page`) and the static image (:mod:`theory.static`) draw the same
layout. Everything here is deterministic: sorted nodes and edges, rounded positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["LegendEntry", "NetworkPicture", "MatrixPicture", "money", "word", "heat", "COLOURS"]

#: colours by kind of node or link (colour-blind-safe Tableau 10)
COLOURS = {
    "activity": "#4e79a7",
    "focus-area": "#f28e2b",
    "cross-cutting": "#edc948",
    "result": "#59a14f",
    "impact": "#e15759",
    "lead": "#333333",
    "partner": "#9a9a9a",
    "sub-organisation": "#b07aa1",
    "flag": "#d62728",
    "actor": "#76b7b2",
}

_WORDS = {
    "da": {
        "activity": "Aktivitet",
        "focus-area": "Indsatsområde",
        "cross-cutting": "Tværgående indsats",
        "result": "Resultat",
        "impact": "Effekt",
        "budget": "Budget",
        "leads": "Ansvarlige",
        "partners": "Partnere",
        "deliverables": "Leverancer",
        "passage": "Planen",
        "lead-link": "Ansvarlig (leder)",
        "partner-link": "Partner eller anden rolle",
        "sub-org-link": "Underorganisation af",
        "overloaded": "Overbelastet aktør (rød kant)",
        "single-actor": "Hænger på én aktør (rød kant)",
        "single-actor-short": "Hænger på én aktør",
        "size-budget": "Størrelse: årets budget",
        "size-load": "Størrelse: antal aktiviteter",
        "width-budget": "Stregtykkelse: budget",
        "changetheory": "Forandringsteori",
        "actors": "Aktører og aktiviteter",
        "coverage": "Indsatsområder × aktiviteter",
        "total": "I alt",
        "activities": "aktiviteter",
        "no-focus-area": "uden indsatsområde",
        "kr": "kr.",
        "role": "rolle",
        "flags": "Flag",
        "actor": "Aktør",
        "actors-n": "aktører",
        "idle-left-out": "aktører uden rolle i året er udeladt",
        "none": "ingen",
        "year": "år",
        "heat": "Farve: budget",
    },
    "en": {
        "activity": "Activity",
        "focus-area": "Focus area",
        "cross-cutting": "Cross-cutting effort",
        "result": "Result",
        "impact": "Impact",
        "budget": "Budget",
        "leads": "Responsible",
        "partners": "Partners",
        "deliverables": "Deliverables",
        "passage": "Plan",
        "lead-link": "Responsible (lead)",
        "partner-link": "Partner or other role",
        "sub-org-link": "Sub-organisation of",
        "overloaded": "Overloaded actor (red border)",
        "single-actor": "Depends on one actor (red border)",
        "single-actor-short": "Depends on one actor",
        "size-budget": "Size: the year's budget",
        "size-load": "Size: number of activities",
        "width-budget": "Line width: budget",
        "changetheory": "Change theory",
        "actors": "Actors and activities",
        "coverage": "Focus areas × activities",
        "total": "Total",
        "activities": "activities",
        "no-focus-area": "no focus area",
        "kr": "DKK",
        "role": "role",
        "flags": "Flags",
        "actor": "Actor",
        "actors-n": "actors",
        "idle-left-out": "actors without a role in the year left out",
        "none": "none",
        "year": "year",
        "heat": "Colour: budget",
    },
}


def word(key: str, lang: str = "da") -> str:
    """The page word ``key`` in ``lang`` (Danish when ``lang`` is unknown)."""
    return _WORDS.get(lang, _WORDS["da"])[key]


def money(value: Any, lang: str = "da") -> str:
    """An amount as people read it: ``300.000 kr.`` (da) or ``DKK 300,000`` (en)."""
    if value is None:
        return "–"
    number = float(value)
    whole = number.is_integer()
    text = f"{number:,.0f}" if whole else f"{number:,.2f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"{text} kr."
    return f"DKK {text}"


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a swatch (``dot``, ``box``, ``line``, ``dashed``, ``ring``) and its text."""

    label: str
    colour: str
    shape: str = "dot"


@dataclass
class NetworkPicture:
    """A network to draw: vis-network node and edge dicts with preset ``x``/``y``.

    Node dicts carry ``id``, ``label``, ``x``, ``y``, ``size``, ``color``, ``shape``,
    ``kind`` and ``tooltip`` (plain text; the page turns it into a text-only DOM element).
    Edge dicts carry ``id``, ``from``, ``to``, ``width``, ``color``, ``dashes``,
    ``tooltip``. ``physics`` says whether the page lets vis-network relax the layout.
    """

    name: str
    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[LegendEntry] = field(default_factory=list)
    physics: bool = False
    directed: bool = True
    caption: str = ""

    def sort(self) -> "NetworkPicture":
        """Nodes by id and edges by (from, to, id): the page's bytes depend on nothing else."""
        self.nodes.sort(key=lambda n: n["id"])
        self.edges.sort(key=lambda e: (e["from"], e["to"], e.get("dashes", False)))
        for index, edge in enumerate(self.edges):
            edge["id"] = f"e{index}"
        return self


@dataclass
class MatrixPicture:
    """A heat map: ``cells[r][c]`` is a number or ``None``, with row and column totals."""

    name: str
    title: str
    rows: list[str]
    columns: list[str]
    cells: list[list[float | None]]
    row_totals: list[float]
    column_totals: list[float]
    column_counts: list[int]
    total: float
    legend: list[LegendEntry] = field(default_factory=list)
    caption: str = ""
    lang: str = "da"

    @property
    def max_cell(self) -> float:
        """The largest cell (the top of the colour scale); 0 for an empty matrix."""
        return max((v for row in self.cells for v in row if v is not None), default=0)


def heat(value: float | None, top: float) -> str:
    """The heat-map colour of ``value`` on a white-to-blue scale up to ``top`` (hex)."""
    if value is None or not top:
        return "#ffffff"
    share = max(0.0, min(1.0, float(value) / float(top)))
    low, high = (0xF2, 0xF6, 0xFB), (0x31, 0x82, 0xBD)
    mixed = (round(a + (b - a) * share) for a, b in zip(low, high))
    return "#" + "".join(f"{c:02x}" for c in mixed)
