"""Every figure traceable: each quote of the shipped plan's data stands in the plan's text.

The plan's text (``tests/data/sources/``, extracted from its PDF) is read as the importer
reads it (running headers, page numbers and footnotes removed, words broken at line ends
joined); a quote must stand in it word for word, spaces aside. A quote that spans something
the plan prints in between (a page break with footnotes) must say so in a ``th:note``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from theory.load import parse_file
from theory.namespaces import TH

ROOT = Path(__file__).resolve().parents[1]
PLAN_TEXT = Path(__file__).parent / "data" / "sources" / "tingbjerg-husum-tryghedsplan-2024.txt"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def plan_texts() -> list[str]:
    """The plan's text as printed (hyphens at line ends kept, then joined), and as the importer cleans it."""
    from theory.importer.source import read_lines

    raw = PLAN_TEXT.read_text(encoding="utf-8")
    kept = _words(re.sub(r"-\s*\n\s*", "-", raw))
    joined = _words(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", raw))
    lines, _ = read_lines(PLAN_TEXT)
    cleaned = _words(" ".join(line.text for line in lines))
    return [kept, joined, cleaned]


@pytest.fixture(scope="module")
def data() -> Graph:
    graph = Graph()
    for path in sorted((ROOT / "graph").rglob("*.ttl")):
        graph += parse_file(path)
    return graph


def test_the_plan_text_is_the_shipped_plan(plan_texts):
    assert "Tingbjerg-Husum tryghedsplan 2024" in plan_texts[0]


def test_every_quote_stands_in_the_plan(data, plan_texts):
    quotes = sorted(set(data.subject_objects(TH.quote)), key=str)
    assert len(quotes) > 350
    missing = [(node, quote) for node, quote in quotes if not any(_words(str(quote)) in text for text in plan_texts)]
    unexplained = [(str(node), str(quote)) for node, quote in missing
                   if not any("sideskift" in str(note) for note in data.objects(node, TH.note))]
    assert unexplained == [], "quote not in the plan's text: fix it, or say in th:note what it leaves out"
    assert len(missing) <= 1
