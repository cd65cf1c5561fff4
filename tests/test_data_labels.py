"""Labels in graph/ are clean text, not PDF extraction artefacts.

The plan's text comes out of a PDF with backslashes for slashes ("Tingbjerg
Bibliotek\\Kulturhus"), words split at line ends ("ind- satsområder") and stray spaces.
Quotes (``th:quote``) keep those verbatim; the names people read and search for do not.
Compound ellipsis is correct Danish and stays: "Bylivs- og tryghedspuljen",
"praktik- eller afklaringsforløb".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal
from rdflib.namespace import SKOS

from theory.namespaces import TH

ROOT = Path(__file__).resolve().parents[1]
GRAPH_FILES = sorted((ROOT / "graph").rglob("*.ttl"))

LABELS = (RDFS.label, SKOS.altLabel, SKOS.prefLabel, TH.lineLabel, TH.unit, TH.formerName, TH.when)

#: a hyphen ending a word, then a space, then not a word that completes a compound ellipsis
_BROKEN_HYPHEN = re.compile(r"\w-\s+(?!(?:og|eller|samt|til|&)\b)\S")


def artefacts(text: str) -> list[str]:
    """What is wrong with ``text`` as a label (empty if it is clean)."""
    found = []
    if "\\" in text:
        found.append("stray backslash")
    if text != text.strip():
        found.append("leading or trailing space")
    if re.search(r"\s{2,}", text.strip()) or re.search(r"[\t\n\r]", text):
        found.append("doubled space or line break")
    if _BROKEN_HYPHEN.search(text) or re.search(r"\w-$", text.strip()):
        found.append("broken hyphenation")
    if "\u00ad" in text:
        found.append("soft hyphen")
    return found


def label_problems(graph: Graph) -> list[str]:
    """One line per label with an artefact: node, property, label, what is wrong."""
    problems = []
    for prop in LABELS:
        for node, label in sorted(graph.subject_objects(prop)):
            if isinstance(label, Literal) and (wrong := artefacts(str(label))):
                name = graph.namespace_manager.normalizeUri(prop)
                problems.append(f"{node} {name} {str(label)!r}: {', '.join(wrong)}")
    return problems


def test_graph_has_files():
    assert any(path.parent.name == "registry" for path in GRAPH_FILES)
    assert len(GRAPH_FILES) > 10


@pytest.mark.parametrize("path", GRAPH_FILES, ids=lambda p: str(p.relative_to(ROOT / "graph")))
def test_labels_have_no_extraction_artefacts(path):
    problems = label_problems(Graph().parse(path))
    assert problems == [], f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Tingbjerg Bibliotek\\Kulturhus", ["stray backslash"]),
        ("Tingbjerg Bibliotek\\ Kulturhus", ["stray backslash"]),
        ("tre ind- satsområder", ["broken hyphenation"]),
        ("Oktober 2024- februar 2025", ["broken hyphenation"]),
        ("Lommepenge- og fritids-", ["broken hyphenation"]),
        ("Husum  for alle", ["doubled space or line break"]),
        ("Husum for\nalle", ["doubled space or line break"]),
        (" Husum for alle", ["leading or trailing space"]),
        ("Husum for alle ", ["leading or trailing space"]),
        ("ind\u00adsatsområder", ["soft hyphen"]),
    ],
)
def test_each_artefact_is_caught(text, wrong):
    assert artefacts(text) == wrong


@pytest.mark.parametrize(
    "text",
    [
        "Bylivs- og tryghedspuljen",
        "praktik- eller afklaringsforløb",
        "Leg med lyd – Kreative musikaktiviteter",
        "Tingbjerg Bibliotek/Kulturhus",
        "Partnerskabsaftale Tingbjerg-Husum 2021-2024",
        "Oktober 2024-februar 2025",
    ],
)
def test_correct_danish_is_left_alone(text):
    assert artefacts(text) == []


def test_problems_name_the_node_and_the_label():
    graph = Graph().parse(
        data='@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
        '<https://example.org/tbk> rdfs:label "Tingbjerg Bibliotek\\\\Kulturhus"@da ;\n'
        '    <https://w3id.org/theory/ontology#quote> "Tingbjerg Bibliotek\\\\Kulturhus"@da .\n',
        format="turtle",
    )
    assert label_problems(graph) == [
        "https://example.org/tbk rdfs:label 'Tingbjerg Bibliotek\\\\Kulturhus': stray backslash"
    ]
