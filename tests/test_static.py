"""Static pictures: SVG and PNG of every view, deterministic, laid out like the page, with
labels as editable text, arrowheads on directed lines, and a print size that keeps text
at 7 pt or more."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from theory.errors import UsageError
from theory.render import VIEWS, view_picture
from theory.render.report import PRINT_PICTURE
from theory.render.static import MIN_POINTS, static_image
from theory.workspace import Workspace

SMALL = Path(__file__).parent / "data" / "p-small-plan-with-hostile-labels.ttl"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def small():
    return Workspace.open([SMALL])


@pytest.fixture(scope="module")
def shipped():
    return Workspace.open()


def picture(ws, view, year=None, **filters):
    plan = ws.plans[0]
    return view_picture(ws, plan, view, ws.year(plan, year), **filters)


def texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("view", VIEWS)
def test_svg_is_valid_and_byte_identical_on_repeat(small, view):
    pic = picture(small, view)
    first, second = static_image(pic, "svg"), static_image(pic, "svg")
    assert first == second
    root = ET.fromstring(first)
    assert root.tag.endswith("svg")
    text = first.decode("utf-8")
    assert "<dc:date>" not in text and not re.search(r"20\d\d-\d\d-\d\dT", text)
    assert "<script" not in text and "&lt;script&gt;" in text or view == "actors"


@pytest.mark.parametrize("view", ["changetheory", "actors"])
def test_svg_keeps_labels_as_text(small, view):
    labels = texts(static_image(picture(small, view), "svg"))
    joined = "\n".join(labels)
    assert "Trygt byliv" in joined or view == "actors"
    assert "Haveforeningen" in joined or view == "changetheory"
    assert "<img src=x" in joined or "<script>window.__pwned" in joined


def test_directed_lines_end_in_arrowheads(small):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch

    from theory.render.static import _draw_network

    pic = picture(small, "changetheory")
    fig, ax = plt.subplots()
    try:
        _draw_network(fig, ax, pic, 0.6)
        arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
        heads = [p for p in arrows if "-|>" in str(p.get_arrowstyle().__class__.__name__) or
                 p.get_arrowstyle().__class__.__name__ == "CurveFilledB"]
    finally:
        plt.close(fig)
    drawn = [e for e in pic.edges if not e.get("hidden")]
    assert len(arrows) == len(drawn) and len(heads) == len(drawn)


@pytest.mark.parametrize("view", VIEWS)
def test_png_is_an_image_and_byte_identical_on_repeat(small, view):
    from PIL import Image

    pic = picture(small, view)
    first, second = static_image(pic, "png"), static_image(pic, "png")
    assert first == second and first[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = Image.open(io.BytesIO(first)).size
    assert width > 600 and height > 300


def test_changetheory_image_is_wider_than_tall_like_its_columns(shipped):
    from PIL import Image

    width, height = Image.open(io.BytesIO(static_image(picture(shipped, "changetheory"), "png"))).size
    assert width > height


@pytest.mark.parametrize("view", ["changetheory", "actors"])
def test_print_size_fits_a_landscape_page_with_no_text_below_seven_points(shipped, view):
    svg = static_image(picture(shipped, view), "svg", size=PRINT_PICTURE, titled=False)
    root = ET.fromstring(svg)
    width, height = (float(root.get(k).removesuffix("pt")) / 72 for k in ("width", "height"))
    assert width <= PRINT_PICTURE[0] + 0.01 and height <= PRINT_PICTURE[1] + 0.01
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)px", svg.decode("utf-8"))]
    assert sizes and min(sizes) >= MIN_POINTS - 0.01
    assert "Forandringsteori" not in svg.decode("utf-8")  # the report prints the title itself


def test_static_image_refuses_unknown_kinds(small):
    with pytest.raises(UsageError, match="unknown image kind 'gif'"):
        static_image(picture(small, "coverage"), "gif")


def test_svg_differs_when_the_data_differs(small):
    a = static_image(picture(small, "changetheory", year=2024), "svg")
    b = static_image(picture(small, "changetheory", year=2023), "svg")
    assert a != b
