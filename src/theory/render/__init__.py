"""Pictures of a plan: the change theory, the actor network and the coverage heat map.

>>> render(graph, "changetheory", Path("theory.html"))    # interactive, self-contained
>>> render(graph, "actors", Path("actors.svg"), year=2023) # static image for slides

:func:`view_picture` gathers a view from the graph (:mod:`.changetheory`, :mod:`.actors`,
:mod:`.coverage`); the output file's suffix picks the kind: ``.html`` a self-contained
page (:mod:`.page`), ``.svg``/``.png`` a static image (:mod:`theory.static`), both laid
out the same way.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError

__all__ = ["VIEWS", "SUFFIXES", "view_picture", "render", "render_bytes", "render_file"]

VIEWS = ("changetheory", "actors", "coverage")
SUFFIXES = (".html", ".svg", ".png")


def view_picture(graph, view: str, *, year: int | None = None, focus_area: str | None = None,
            actor: str | None = None, lang: str = "da", sub_organisations: bool = False):
    """The :class:`~.picture.NetworkPicture` or :class:`~.picture.MatrixPicture` of ``view``."""
    if view == "changetheory":
        from .changetheory import changetheory_picture

        return changetheory_picture(graph, year, focus_area=focus_area, actor=actor, lang=lang)
    if view == "actors":
        from .actors import actors_picture

        return actors_picture(graph, year, focus_area=focus_area, actor=actor, lang=lang,
                              sub_organisations=sub_organisations)
    if view == "coverage":
        from .coverage import coverage_picture

        return coverage_picture(graph, year, focus_area=focus_area, actor=actor, lang=lang)
    raise UsageError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")


def _kind(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"{path}: unknown picture kind {suffix or '(no suffix)'!r}; "
                         f"end the file name in {', '.join(SUFFIXES)}")
    return suffix[1:]


def render_bytes(pic, kind: str, lang: str = "da") -> bytes:
    """A picture as the bytes of an ``html``, ``svg`` or ``png`` file."""
    if kind == "html":
        from .page import view_html

        return view_html(pic, lang).encode("utf-8")
    from ..static import static_image

    return static_image(pic, kind)


def render(graph, view: str, path: Path, **filters) -> Path:
    """Draw ``view`` of ``graph`` into ``path`` (kind from its suffix); nothing half-written."""
    kind = _kind(path)
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    from ..output import write_file

    pic = view_picture(graph, view, **filters)
    write_file(Path(path), render_bytes(pic, kind, filters.get("lang", "da")))
    return Path(path)


def render_file(data, view: str, path: Path, **filters) -> Path:
    """Load the plan at ``data`` (files or folders; none: the shipped plan) and :func:`render` it."""
    _kind(path)
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    from ..load import load_graph

    return render(load_graph(list(data) or None), view, path, **filters)
