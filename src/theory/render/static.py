"""Static pictures (SVG, PNG) of the views, for slides and printed reports.

Drawn with matplotlib from the same pictures as the interactive pages (same positions,
colours, sizes and legend), so an image reads like its page. Output is deterministic:
the SVG hash salt is fixed and no date or software version is written into either kind,
so the same input gives byte-identical files.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from .picture import MatrixPicture, NetworkPicture, heat, money

__all__ = ["static_image", "KINDS"]

KINDS = ("svg", "png")
_DPI = 120


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({
        "svg.hashsalt": "theory",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "path.simplify": False,
    })
    return plt


def _colour(value: Any, key: str = "background") -> str:
    if isinstance(value, dict):
        return value.get(key) or value.get("color") or "#888888"
    return value or "#888888"


def _draw_network(ax, pic: NetworkPicture) -> None:
    where = {n["id"]: (n["x"], n["y"]) for n in pic.nodes}
    big = len(pic.nodes) > 400
    for edge in pic.edges:
        (x0, y0), (x1, y1) = where[edge["from"]], where[edge["to"]]
        colour = edge.get("color", {})
        dashes = edge.get("dashes")
        ax.plot([x0, x1], [y0, y1], color=_colour(colour, "color"), alpha=colour.get("opacity", 0.8) if isinstance(colour, dict) else 0.8,
                linewidth=max(0.4, float(edge.get("width", 1)) * 0.7),
                linestyle=(0, (2, 3)) if dashes else "-", zorder=1, solid_capstyle="butt")
    for node in pic.nodes:
        x, y = node["x"], node["y"]
        fill = _colour(node.get("color"))
        border = _colour(node.get("color"), "border") if isinstance(node.get("color"), dict) else "#333333"
        width = float(node.get("borderWidth", 1))
        if node.get("shape") == "box":
            size = 7 if node["kind"] == "result" else 8.5
            text = textwrap.fill(node["label"], 34 if node["kind"] == "result" else 24)
            ax.text(x, y, text, ha="center", va="center", fontsize=size, zorder=3,
                    color="#ffffff" if node["kind"] in ("result", "impact") else "#222222",
                    bbox={"boxstyle": "round,pad=0.35", "facecolor": fill, "edgecolor": "#444444", "linewidth": 0.6})
            continue
        marker = "s" if node.get("shape") == "square" else "o"
        radius = float(node.get("size", 10))
        ax.scatter([x], [y], s=(radius * (0.9 if big else 1.6)) ** 2 / 4, marker=marker, color=fill,
                   edgecolors=border, linewidths=width * 0.6, zorder=2)
        if big and not (node["kind"] == "actor" and radius > 20):
            continue
        if pic.name == "changetheory":  # labels left of the activities, as the layers read left to right
            ax.text(x - radius / 2 - 8, y, textwrap.fill(node["label"], 32), ha="right", va="center",
                    fontsize=8, zorder=4, color="#222222")
        else:
            ax.text(x, y + radius / 2 + 4, textwrap.fill(node["label"], 26), ha="center", va="top",
                    fontsize=6.5, zorder=4, color="#222222")
    xs = [n["x"] for n in pic.nodes] or [0]
    ys = [n["y"] for n in pic.nodes] or [0]
    pad_left = 260 if pic.name == "changetheory" else 80
    ax.set_xlim(min(xs) - pad_left, max(xs) + 180)
    ax.set_ylim(max(ys) + 60, min(ys) - 60)  # vis-network's y grows downwards
    ax.set_axis_off()


def _legend(fig, ax, pic) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    for entry in pic.legend:
        if entry.shape == "line":
            handles.append(Line2D([], [], color=entry.colour, linewidth=2.5, label=entry.label))
        elif entry.shape == "dashed":
            handles.append(Line2D([], [], color=entry.colour, linewidth=1.5, linestyle=(0, (2, 3)), label=entry.label))
        elif entry.shape == "ring":
            handles.append(Line2D([], [], marker="o", color="none", markerfacecolor="none",
                                  markeredgecolor=entry.colour, markeredgewidth=2.5, markersize=10, label=entry.label))
        elif entry.shape == "text":
            handles.append(Line2D([], [], color="none", label=entry.label))
        elif entry.shape in ("box", "heat"):
            handles.append(Patch(facecolor=entry.colour, edgecolor="#888888", label=entry.label))
        else:
            handles.append(Line2D([], [], marker="o", color="none", markerfacecolor=entry.colour,
                                  markeredgecolor="#555555", markersize=9, label=entry.label))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=True)


def _draw_matrix(ax, pic: MatrixPicture) -> None:
    from matplotlib.patches import Rectangle

    rows, cols = len(pic.rows), len(pic.columns)
    top = pic.max_cell or 1
    for r in range(rows + 1):
        for c in range(cols + 1):
            if r < rows and c < cols:
                value = pic.cells[r][c]
                colour, text = heat(value, top), (money(value, pic.lang) if value is not None else "")
            elif r < rows:
                colour, text = "#f4f4f4", money(pic.row_totals[r], pic.lang)
            elif c < cols:
                colour, text = "#f4f4f4", f"{money(pic.column_totals[c], pic.lang)}\n({pic.column_counts[c]})"
            else:
                colour, text = "#e8e8e8", money(pic.total, pic.lang)
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor=colour, edgecolor="#dddddd", linewidth=0.8))
            dark = r < rows and c < cols and value is not None and value / top > 0.6
            ax.text(c + 0.5, r + 0.5, text, ha="center", va="center", fontsize=7.5,
                    color="#ffffff" if dark else "#222222")
    total_word = "I alt" if pic.lang == "da" else "Total"
    ax.set_xticks([c + 0.5 for c in range(cols + 1)],
                  [textwrap.fill(c, 16) for c in pic.columns] + [total_word], fontsize=8)
    ax.set_yticks([r + 0.5 for r in range(rows + 1)], [textwrap.fill(r, 40) for r in pic.rows] + [total_word], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xlim(0, cols + 1)
    ax.set_ylim(rows + 1, 0)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)


def static_image(pic: NetworkPicture | MatrixPicture, kind: str = "svg") -> bytes:
    """``pic`` as the bytes of an SVG or PNG image (deterministic)."""
    from ..errors import UsageError

    if kind not in KINDS:
        raise UsageError(f"unknown image kind {kind!r}; use one of {', '.join(KINDS)}")
    plt = _pyplot()
    if isinstance(pic, MatrixPicture):
        size = (4 + 1.7 * (len(pic.columns) + 1), 1.5 + 0.38 * (len(pic.rows) + 1))
    elif pic.name == "changetheory":
        size = (16, max(8, 0.3 * sum(1 for n in pic.nodes if n["kind"] in ("activity", "result"))))
    else:
        size = (16, 12) if len(pic.nodes) < 400 else (24, 24)
    fig, ax = plt.subplots(figsize=size)
    try:
        if isinstance(pic, MatrixPicture):
            _draw_matrix(ax, pic)
        else:
            _draw_network(ax, pic)
        _legend(fig, ax, pic)
        ax.set_title(pic.title + (f"\n{pic.caption}" if pic.caption else ""), loc="left", fontsize=12)
        buffer = io.BytesIO()
        if kind == "svg":
            fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
        else:
            fig.savefig(buffer, format="png", dpi=_DPI, bbox_inches="tight", metadata={"Software": None})
        return buffer.getvalue()
    finally:
        plt.close(fig)
