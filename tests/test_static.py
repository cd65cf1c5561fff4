"""Static pictures: SVG and PNG of every view, deterministic, laid out like the page."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from theory.errors import UsageError
from theory.load import load_graph
from theory.render import VIEWS, view_picture
from theory.static import static_image

SMALL = Path(__file__).parent / "data" / "p-small-plan-with-hostile-labels.ttl"


@pytest.fixture(scope="module")
def small():
    return load_graph([SMALL])


@pytest.mark.parametrize("view", VIEWS)
def test_svg_is_valid_and_byte_identical_on_repeat(small, view):
    picture = view_picture(small, view)
    first, second = static_image(picture, "svg"), static_image(picture, "svg")
    assert first == second
    root = ET.fromstring(first)
    assert root.tag.endswith("svg")
    text = first.decode("utf-8")
    assert "<dc:date>" not in text and not re.search(r"20\d\d-\d\d-\d\dT", text)
    assert "<script" not in text  # labels are drawn as paths, never as markup


@pytest.mark.parametrize("view", VIEWS)
def test_png_is_an_image_and_byte_identical_on_repeat(small, view):
    from PIL import Image

    picture = view_picture(small, view)
    first, second = static_image(picture, "png"), static_image(picture, "png")
    assert first == second and first[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = Image.open(io.BytesIO(first)).size
    assert width > 600 and height > 300


def test_changetheory_image_is_wider_than_tall_like_its_layers(small):
    from PIL import Image

    width, height = Image.open(io.BytesIO(static_image(view_picture(small, "changetheory"), "png"))).size
    assert width > height


def test_static_image_refuses_unknown_kinds(small):
    with pytest.raises(UsageError, match="unknown image kind 'gif'"):
        static_image(view_picture(small, "coverage"), "gif")


def test_svg_differs_when_the_data_differs(small):
    a = static_image(view_picture(small, "changetheory", year=2024), "svg")
    b = static_image(view_picture(small, "changetheory", year=2023), "svg")
    assert a != b
