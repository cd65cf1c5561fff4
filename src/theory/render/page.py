"""Pictures into one self-contained HTML page: our template, vis-network inlined, no remote asset.

pyvis's own page templates are not used (its ``local`` mode loads vis-network from a CDN
and writes ``lib/`` next to the page, ``in_line`` still links Bootstrap from a CDN, its
heading and menus insert text unescaped, and any tooltip containing "href" turns every
tooltip into raw HTML). Only the vis-network build pyvis ships is taken from it, found
without importing pyvis (whose import pulls IPython).

Text from the data never reaches the page as markup: the Jinja2 templates autoescape, the
network data travels as JSON in a ``<script type="application/json">`` block with ``<``,
``>`` and ``&`` escaped, and ``network.js`` turns each tooltip into a DOM element filled
with ``textContent``. A Content-Security-Policy forbids every remote load. The page keeps
its networks reachable as ``window.networks`` (by view name) and the first as
``window.network``; ``document.documentElement.dataset.settled`` becomes ``"true"`` once
every network has finished laying out (at once on a page without networks). Every network
has a search box and checkboxes for its focus areas and actor kinds (``network.js``).
"""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from ..errors import UsageError
from ..i18n import texts
from .picture import MatrixPicture, NetworkPicture, heat
from ..i18n import texts

__all__ = ["vis_network_js", "script_json", "network_options", "network_payload", "view_html", "environment",
           "assets", "BIG_GRAPH"]

#: the vis-network build shipped inside pyvis 0.3.2
VIS_NETWORK = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")
#: nodes above which the page draws preset positions with physics off
BIG_GRAPH = 400


def _templates_dir() -> Path:
    from importlib import resources

    return Path(str(resources.files("theory.templates")))


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The text of pyvis's bundled vis-network build (raises :class:`UsageError` if absent)."""
    spec = importlib.util.find_spec("pyvis")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location).joinpath(*VIS_NETWORK)
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise UsageError(
        "vis-network is missing: pyvis 0.3.2 ships it in pyvis/templates/lib/vis-9.1.2/; "
        "reinstall it with `pip install pyvis==0.3.2`"
    )


def script_json(value: Any) -> str:
    """``value`` as deterministic JSON that is safe inside a ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def network_options(picture: NetworkPicture) -> dict[str, Any]:
    """vis-network options: straight edges, no improved layout, ≤200 stabilisation iterations."""
    big = len(picture.nodes) > BIG_GRAPH
    physics = picture.physics and not big
    return {
        "autoResize": True,
        "nodes": {"font": {"size": 12 if big else 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": picture.directed, "scaleFactor": 0.5}},
            "font": {"size": 11, "face": "sans-serif"},
        },
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000, "springLength": 120, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 200, "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": big, "keyboard": False,
                        "multiselect": True},
    }


def network_payload(picture: NetworkPicture) -> dict[str, Any]:
    """What ``network.js`` needs to draw one picture in its container."""
    return {
        "name": picture.name,
        "container": f"network-{picture.name}",
        "nodes": picture.nodes,
        "edges": picture.edges,
        "options": network_options(picture),
        "highlight": picture.highlight,
        "fit": picture.fit,
    }


@lru_cache(maxsize=1)
def environment():
    """The Jinja2 environment of our own templates, autoescaping everything."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(_templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["heat"] = heat
    env.tests["network"] = lambda picture: isinstance(picture, NetworkPicture)
    return env


def assets(pictures: Sequence[NetworkPicture | MatrixPicture]) -> dict[str, Any]:
    """Template variables shared by every page: CSS, scripts and the networks' data."""
    from markupsafe import Markup

    folder = _templates_dir()
    networks = [network_payload(p) for p in pictures if isinstance(p, NetworkPicture)]
    return {
        "css": Markup(folder.joinpath("theory.css").read_text(encoding="utf-8")),
        "networks_json": Markup(script_json(networks)) if networks else None,
        "vis_js": Markup(vis_network_js()) if networks else None,
        "network_js": Markup(folder.joinpath("network.js").read_text(encoding="utf-8")) if networks else None,
    }


def view_html(picture: NetworkPicture | MatrixPicture, lang: str = "da") -> str:
    """One view as a complete, self-contained HTML page (UTF-8 text)."""
    template = environment().get_template("view.html")
    t = texts(lang)
    return template.render(picture=picture, lang=lang, t=t, plural=t.plural, **assets([picture]))
