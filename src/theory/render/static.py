"""Static pictures (SVG, PNG) of the views, for slides and printed reports.

Drawn with matplotlib from the same pictures as the interactive pages (same positions,
colours, line styles and legend), so an image reads like its page. Labels stay text in
the SVG (``svg.fonttype: none``): they can be edited in Illustrator or PowerPoint, and a
printed report keeps them as vector text. Lines that have a direction end in an
arrowhead at the edge of the box they point to.

A picture is drawn at a scale of points per canvas pixel: by default one that makes
labels 8–10 pt; with ``size`` the largest that fits the picture and its legend into that
many inches (a printed page), but never so small that a label falls below
:data:`MIN_POINTS`. Output is deterministic: the SVG hash salt is fixed and no date or
software version is written into either kind, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import Any

from .picture import MatrixPicture, NetworkPicture, heat

__all__ = ["static_image", "KINDS", "MIN_POINTS"]

KINDS = ("svg", "png")
#: the smallest text drawn, in points
MIN_POINTS = 7.2
_DPI = 120
_LEGEND_WIDTH = 2.2      # inches, beside the drawing
_TITLE = 0.6             # inches, above it
_PAD = 0.2
_CHAR = 0.53             # a character's width, in font sizes (as the page's layout assumes)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({
        "svg.hashsalt": "theory",
        "svg.fonttype": "none",
        "font.family": "DejaVu Sans",
        "path.simplify": False,
        "lines.scale_dashes": False,
    })
    return plt


def _colour(value: Any, key: str = "background") -> str:
    if isinstance(value, dict):
        return value.get(key) or value.get("color") or "#888888"
    return value or "#888888"


def _dashes(pattern: Any, scale: float):
    """A vis-network dash pattern (pixels) as a matplotlib line style (points)."""
    if not pattern:
        return "-"
    if pattern is True:
        pattern = [5, 5]
    return (0, tuple(max(1.2, float(v) * scale * 1.4) for v in pattern))


def _box(node) -> tuple[float, float]:
    """(width, height) in canvas pixels of a box node, as the page draws it."""
    margin = float(node.get("margin") or 6)
    text_w, text_h = node.get("text") or (120, 20)
    width = max(float(text_w) + 2 * margin, float((node.get("widthConstraint") or {}).get("minimum", 0)))
    height = max(float(text_h) + 2 * margin, float((node.get("heightConstraint") or {}).get("minimum", 0)))
    return width, height


def _extent(pic: NetworkPicture) -> tuple[float, float, float, float]:
    xs0, xs1, ys0, ys1 = [], [], [], []
    for node in pic.nodes:
        x, y, size = node["x"], node["y"], float(node.get("size", 10))
        text_w, text_h = node.get("text") or (0, 0)
        if node.get("shape") == "box":
            w, h = _box(node)
            box = (x - w / 2, x + w / 2, y - h / 2, y + h / 2)
        elif node.get("draw") == "label-left":
            box = (x - size - 6 - text_w, x + size, y - max(size, text_h / 2), y + max(size, text_h / 2))
        elif node.get("draw") == "label-right":
            box = (x - size, x + size + 6 + text_w, y - max(size, text_h / 2), y + max(size, text_h / 2))
        else:
            box = (x - size - 60, x + size + 60, y - size - 4, y + size + 34)
        xs0.append(box[0])
        xs1.append(box[1])
        ys0.append(box[2])
        ys1.append(box[3])
    if not xs0:
        return (-100.0, 100.0, -100.0, 100.0)
    pad = 8
    return (min(xs0) - pad, max(xs1) + pad, min(ys0) - pad, max(ys1) + pad)


def _floor(pic: NetworkPicture) -> float:
    """The smallest scale at which every label of ``pic`` is at least :data:`MIN_POINTS`."""
    fonts = [float((n.get("font") or {}).get("size") or 0) for n in pic.nodes if n.get("text")]
    fonts = [f for f in fonts if f]
    return MIN_POINTS / min(fonts) if fonts else 0.0


_COLUMNS = 5          # legend columns under a picture
_WRAP = {"right": 34, "bottom": 28}


def _legend_height(pic, columns: int) -> float:
    rows = 0
    for start in range(0, len(pic.legend), columns):
        rows += max(1 + len(e.label) // _WRAP["bottom"] for e in pic.legend[start:start + columns])
    return 0.16 * rows + 0.15


def _plan(pic: NetworkPicture, extent, size: tuple[float, float] | None, title: float) -> tuple[float, str]:
    """(points per canvas pixel, where the legend goes: ``right`` or ``bottom``)."""
    floor = _floor(pic)
    if size is None:
        return max(floor, 0.6 if pic.name == "changetheory" else 0.5), "right"
    width, height = extent[1] - extent[0], extent[3] - extent[2]
    right = min((size[0] - _LEGEND_WIDTH - 3 * _PAD) * 72 / width, (size[1] - title - 2 * _PAD) * 72 / height)
    bottom = min((size[0] - 2 * _PAD) * 72 / width,
                 (size[1] - title - 3 * _PAD - _legend_height(pic, _COLUMNS)) * 72 / height)
    scale, where = (right, "right") if right >= bottom else (bottom, "bottom")
    return max(floor, scale), where


def _draw_network(fig, ax, pic: NetworkPicture, scale: float) -> None:
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    where = {n["id"]: n for n in pic.nodes}
    boxes = {}
    big = len(pic.nodes) > 400
    for node in pic.nodes:
        x, y = node["x"], node["y"]
        fill = _colour(node.get("color"))
        border = _colour(node.get("color"), "border") if isinstance(node.get("color"), dict) else "#333333"
        width = float(node.get("borderWidth", 1))
        font = node.get("font") or {}
        points = max(MIN_POINTS, float(font.get("size") or 14) * scale)
        if node.get("shape") == "box":
            w, h = _box(node)
            patch = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=4",
                                   facecolor=fill, edgecolor=border, linewidth=0.6, zorder=3)
            ax.add_patch(patch)
            boxes[node["id"]] = patch
            ax.text(x, y, node["label"], ha="center", va="center", fontsize=points, zorder=3.2,
                    color=font.get("color") or "#000000", linespacing=1.15)
            continue
        marker = "s" if node.get("shape") == "square" else "o"
        radius = float(node.get("size", 10)) * scale
        dashed = bool((node.get("shapeProperties") or {}).get("borderDashes"))
        ax.scatter([x], [y], s=(2 * radius) ** 2 * (0.8 if marker == "s" else 1.0), marker=marker, color=fill,
                   edgecolors=border, linewidths=max(0.5, width * 0.6), linestyle="--" if dashed else "-", zorder=2)
        side = node.get("draw")
        if side in ("label-left", "label-right"):
            offset = float(node.get("size", 10)) + 6
            ax.text(x - offset if side == "label-left" else x + offset, y, node["label"],
                    ha="right" if side == "label-left" else "left", va="center", fontsize=points, zorder=4,
                    color=font.get("color") or "#1a1a1a", linespacing=1.15)
            continue
        if big and not (node["kind"] == "actor" and node.get("size", 0) > 20):
            continue
        short = node.get("short") or node["label"]  # an activity by its number: the network stays readable
        ax.text(x, y + float(node.get("size", 10)) + 3 / scale, textwrap.fill(short, 24), ha="center", va="top",
                fontsize=MIN_POINTS, zorder=4, color="#222222", linespacing=1.05)
    for edge in pic.edges:
        if edge.get("hidden"):
            continue
        source, target = where[edge["from"]], where[edge["to"]]
        colour = edge.get("color") or {}
        alpha = colour.get("opacity", 0.85) if isinstance(colour, dict) else 0.85
        line = max(0.5, float(edge.get("width", 1)) * scale)
        style = _dashes(edge.get("dashes"), scale)
        arrow = pic.directed or edge.get("arrows") == "to"
        curve = edge.get("smooth") or {}
        if not arrow and not curve.get("enabled"):
            ax.plot([source["x"], target["x"]], [source["y"], target["y"]], color=_colour(colour, "color"), alpha=alpha,
                    linewidth=line, linestyle=style, zorder=1, solid_capstyle="butt")
            continue
        rad = 0.0
        if curve.get("enabled"):  # vis-network's control point, as matplotlib's arc3 (y grows downwards here)
            factor = float(curve.get("roundness", 0.5))
            rad = (factor * 0.5 + 0.5) * math.cos((0.5 - 0.5 * factor) * math.pi)
            rad *= -1 if curve.get("type") == "curvedCW" else 1
        patch = FancyArrowPatch(
            (source["x"], source["y"]), (target["x"], target["y"]),
            patchA=boxes.get(edge["from"]), patchB=boxes.get(edge["to"]),
            arrowstyle="-|>" if arrow else "-", mutation_scale=max(6.0, 9 * scale + line), color=_colour(colour, "color"),
            alpha=alpha, linewidth=line, linestyle=style, connectionstyle=f"arc3,rad={rad:.3f}",
            shrinkA=0 if edge["from"] in boxes else float(source.get("size", 10)) * scale,
            shrinkB=0 if edge["to"] in boxes else float(target.get("size", 10)) * scale + 1,
            zorder=1.5)
        ax.add_patch(patch)
    ax.set_axis_off()


def _legend(fig, pic, left: float, top: float, columns: int = 1, wrap: int = 34) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    for entry in pic.legend:
        label = textwrap.fill(entry.label, wrap)
        if entry.shape in ("line", "arrow"):
            handles.append(Line2D([], [], color=entry.colour, linewidth=max(1.0, entry.width * 0.8), label=label,
                                  marker=">" if entry.shape == "arrow" else None, markevery=[1], markersize=5))
        elif entry.shape in ("dashed", "dotted"):
            handles.append(Line2D([], [], color=entry.colour, linewidth=1.5,
                                  linestyle=(0, (4, 2.5)) if entry.shape == "dashed" else (0, (1.2, 2.0)), label=label))
        elif entry.shape in ("ring", "dashed-ring"):
            handles.append(Line2D([], [], marker="o" if entry.shape == "ring" else "s", color="none",
                                  markerfacecolor="none", markeredgecolor=entry.colour, markeredgewidth=2.2,
                                  markersize=9, label=label,
                                  **({"linestyle": "none"} if entry.shape == "ring" else {})))
        elif entry.shape == "text":
            handles.append(Line2D([], [], color="none", label=label))
        elif entry.shape in ("box", "heat", "square"):
            handles.append(Patch(facecolor=entry.colour, edgecolor="#555555", label=label))
        else:
            handles.append(Line2D([], [], marker="o", color="none", markerfacecolor=entry.colour,
                                  markeredgecolor="#555555", markersize=8, label=label))
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(left, top), fontsize=7.5, frameon=False,
               handlelength=2.2, borderaxespad=0, ncols=columns, columnspacing=1.2)


def _draw_matrix(ax, pic: MatrixPicture) -> None:
    from matplotlib.patches import Rectangle

    from ..i18n import texts

    money = texts(pic.lang).money
    rows, cols = len(pic.rows), len(pic.columns)
    top = pic.max_cell or 1
    for r in range(rows + 1):
        for c in range(cols + 1):
            value = None
            if r < rows and c < cols:
                value = pic.cells[r][c]
                colour, text = heat(value, top), (money(value) if value is not None else "")
            elif r < rows:
                colour, text = "#f4f4f4", money(pic.row_totals[r])
            elif c < cols:
                colour, text = "#f4f4f4", f"{money(pic.column_totals[c])}\n({pic.column_counts[c]})"
            else:
                colour, text = "#e8e8e8", money(pic.total)
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor=colour, edgecolor="#dddddd", linewidth=0.8))
            dark = value is not None and value / top > 0.6
            ax.text(c + 0.5, r + 0.5, text, ha="center", va="center", fontsize=7.5,
                    color="#ffffff" if dark else "#222222")
    total = pic.words.get("total", "Total")
    ax.set_xticks([c + 0.5 for c in range(cols + 1)], [textwrap.fill(c, 16) for c in pic.columns] + [total], fontsize=8)
    ax.set_yticks([r + 0.5 for r in range(rows + 1)], [textwrap.fill(r, 40) for r in pic.rows] + [total], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xlim(0, cols + 1)
    ax.set_ylim(rows + 1, 0)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def _save(fig, kind: str, tight: bool) -> bytes:
    buffer = io.BytesIO()
    extra = {"bbox_inches": "tight"} if tight else {}
    if kind == "svg":
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, **extra)
    else:
        fig.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None}, **extra)
    return buffer.getvalue()


def static_image(pic: NetworkPicture | MatrixPicture, kind: str = "svg", *,
                 size: tuple[float, float] | None = None, titled: bool = True) -> bytes:
    """``pic`` as the bytes of an SVG or PNG image (deterministic).

    ``size`` (inches) fits a network and its legend into a printed page's box; ``titled``
    False leaves out the title and caption (a report prints them as its own heading).
    """
    from ..errors import UsageError

    if kind not in KINDS:
        raise UsageError(f"unknown image kind {kind!r}; use one of {', '.join(KINDS)}")
    plt = _pyplot()
    if isinstance(pic, MatrixPicture):
        fig, ax = plt.subplots(figsize=(4 + 1.7 * (len(pic.columns) + 1), 1.5 + 0.38 * (len(pic.rows) + 1)))
        try:
            _draw_matrix(ax, pic)
            _legend(fig, pic, 1.0, 0.95)
            ax.set_title(pic.title + (f"\n{pic.caption}" if pic.caption else ""), loc="left", fontsize=12)
            if pic.note:
                fig.text(0.01, 0.005, textwrap.fill(pic.note, 140), fontsize=7.5, va="bottom")
            return _save(fig, kind, tight=True)
        finally:
            plt.close(fig)
    title = _TITLE if titled else 0.0
    extent = _extent(pic)
    scale, place = _plan(pic, extent, size, title)
    draw_w = (extent[1] - extent[0]) * scale / 72
    draw_h = (extent[3] - extent[2]) * scale / 72
    if place == "right":
        legend_h = 0.3 * len(pic.legend) + 0.3
        width = draw_w + _LEGEND_WIDTH + 3 * _PAD
        height = max(draw_h, legend_h) + title + 2 * _PAD
    else:
        legend_h = _legend_height(pic, _COLUMNS)
        width = max(draw_w + 2 * _PAD, size[0] if size else 6.0 + 2 * _PAD)  # room for the legend's columns
        height = draw_h + legend_h + title + 3 * _PAD
    fig = plt.figure(figsize=(round(width, 3), round(height, 3)))
    try:
        ax = fig.add_axes((_PAD / width, (height - title - _PAD - draw_h) / height, draw_w / width, draw_h / height))
        ax.set_xlim(extent[0], extent[1])
        ax.set_ylim(extent[3], extent[2])  # vis-network's y grows downwards
        _draw_network(fig, ax, pic, scale)
        if titled:
            fig.text(_PAD / width, 1 - 0.12 / height, pic.title, fontsize=12, va="top", fontweight="bold")
            if pic.caption:
                fig.text(_PAD / width, 1 - 0.38 / height, pic.caption, fontsize=8.5, va="top", color="#444444")
        if place == "right":
            _legend(fig, pic, (width - _LEGEND_WIDTH - _PAD) / width, (height - title - _PAD) / height)
        else:
            _legend(fig, pic, _PAD / width, (_PAD + legend_h) / height, columns=_COLUMNS, wrap=_WRAP["bottom"])
        return _save(fig, kind, tight=False)
    finally:
        plt.close(fig)
