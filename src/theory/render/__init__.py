"""Pictures of a plan: the change theory, the actor network and the coverage heat map.

>>> render(ws, plan, "changetheory", Path("theory.html"), year=2024)   # interactive, self-contained
>>> render(ws, plan, "actors", Path("actors.svg"), year=2023)          # static image for slides

:func:`view_picture` gathers a view from the workspace (:mod:`.changetheory`, :mod:`.actors`,
:mod:`.coverage`); the output file's suffix picks the kind: ``.html`` a self-contained
page (:mod:`.page`), ``.svg``/``.png`` a static image (:mod:`.static`), both laid out the
same way.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError

__all__ = ["VIEWS", "SUFFIXES", "view_picture", "render", "render_bytes", "picture_kind"]

VIEWS = ("changetheory", "actors", "coverage")
SUFFIXES = (".html", ".svg", ".png")


def view_picture(ws, plan, view: str, year: int, *, focus_area: str | None = None,
                 actor: str | None = None, sub_organisations: bool = False):
    """The :class:`~.picture.NetworkPicture` or :class:`~.picture.MatrixPicture` of ``view``."""
    if view == "changetheory":
        from .changetheory import changetheory_picture

        return changetheory_picture(ws, plan, year, focus_area=focus_area, actor=actor)
    if view == "actors":
        from .actors import actors_picture

        return actors_picture(ws, plan, year, focus_area=focus_area, actor=actor,
                              sub_organisations=sub_organisations)
    if view == "coverage":
        from .coverage import coverage_picture

        return coverage_picture(ws, plan, year, focus_area=focus_area, actor=actor)
    raise UsageError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")


def picture_kind(path: Path) -> str:
    """``html``, ``svg`` or ``png`` by the suffix of ``path`` (:class:`UsageError` otherwise)."""
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
    from .static import static_image

    return static_image(pic, kind)


def render(ws, plan, view: str, path: Path, year: int, **filters) -> Path:
    """Draw ``view`` of ``plan`` in ``year`` into ``path`` (kind from its suffix); nothing half-written."""
    kind = picture_kind(path)
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    from ..output import write_file

    pic = view_picture(ws, plan, view, year, **filters)
    write_file(Path(path), render_bytes(pic, kind, ws.lang))
    return Path(path)
