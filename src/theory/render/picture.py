"""What a view draws, independent of how: a network (nodes, edges, legend) or a matrix.

The views (:mod:`.changetheory`, :mod:`.actors`, :mod:`.coverage`) turn the plan's facts into
one of these plain-Python pictures, with node positions already computed, so that the
interactive page (:mod:`.page`) and the static image (:mod:`.static`) draw the same layout
in the same colours (:mod:`.palette`). Everything here is deterministic: sorted nodes and
edges, rounded positions. The words in a picture are already in its language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["LegendEntry", "Filter", "NetworkPicture", "MatrixPicture", "heat", "SHAPES"]

#: legend swatches: fills (dot, square, box, heat), marks (ring, dashed-ring), lines
#: (line, dashed, dotted, arrow) and plain text
SHAPES = ("dot", "square", "box", "heat", "ring", "dashed-ring", "line", "dashed", "dotted", "arrow", "text")


@dataclass(frozen=True)
class LegendEntry:
    """One line of a legend: a swatch of ``shape`` (see :data:`SHAPES`) in ``colour``, and its text."""

    label: str
    colour: str
    shape: str = "dot"
    width: float = 2.0


@dataclass(frozen=True)
class Filter:
    """One checkbox of a page: show or hide the nodes of a focus area or an actor kind."""

    group: str          # "focus-area" or "kind"
    id: str             # the focus area's or the kind's IRI
    label: str
    colour: str = ""


@dataclass
class NetworkPicture:
    """A network to draw: vis-network node and edge dicts with preset ``x``/``y``.

    Node dicts carry ``id``, ``label``, ``x``, ``y``, ``size``, ``color``, ``shape``,
    ``kind``, ``tooltip`` (plain text; the page turns it into a text-only DOM element),
    ``search`` (the folded names the page's search box matches), ``areas`` (the focus areas
    the node belongs to, for the focus-area checkboxes) and, for actors, ``kind_iri``.
    Edge dicts carry ``id``, ``from``, ``to``, ``width``, ``color``, ``dashes``, ``tooltip``,
    ``link`` (what the line means) and ``path`` (whether it leads toward the impact).
    ``physics`` says whether the page lets vis-network relax the layout; ``highlight``
    what clicking an activity shows (``path`` to the impact, or its ``neighbourhood``);
    ``fit`` ``width`` makes the page as tall as the picture needs at its width.
    """

    name: str
    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[LegendEntry] = field(default_factory=list)
    physics: bool = False
    directed: bool = True
    caption: str = ""
    filters: list[Filter] = field(default_factory=list)
    highlight: str = "neighbourhood"
    fit: str = "box"
    note: str = ""

    def sort(self) -> "NetworkPicture":
        """Nodes by id and edges by (from, to, link): the page's bytes depend on nothing else."""
        self.nodes.sort(key=lambda n: n["id"])
        self.edges.sort(key=lambda e: (e["from"], e["to"], e.get("link", ""), str(e.get("dashes", False))))
        for index, edge in enumerate(self.edges):
            edge["id"] = f"e{index}"
        return self


@dataclass
class MatrixPicture:
    """A heat map: ``cells[r][c]`` is a number or ``None``, with row and column totals.

    ``words`` holds the page's own words for it (``total``, ``activity``, ``activities``,
    ``note``) in its language, and ``money`` the formatted amounts by cell.
    """

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
    note: str = ""
    words: dict[str, str] = field(default_factory=dict)

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
