"""OWL consistency of ontology + data, checked by HermiT through owlready2.

What is handed to the reasoner, and why:

- owlready2 reads N-Triples or RDF/XML, not Turtle, so the graph goes to a temporary
  N-Triples file;
- ``owl:imports`` are dropped first: owlready2 would try to download them;
- HermiT only knows the OWL 2 datatype map; ``xsd:gYear`` and ``xsd:gYearMonth`` are not
  in it and make it stop ("UnsupportedDatatypeException"). Their literals are handed over
  as plain strings and ranges of those types as ``rdfs:Literal``. SHACL (``theory
  validate``) checks those values instead. ``xsd:decimal`` and ``xsd:integer`` stay;
- rdfs:comment/skos labels sub-properties (``th:description``, ``th:note``,
  ``th:formerName``) are data properties under annotation properties, which OWL 2 DL
  does not allow; those ``rdfs:subPropertyOf`` links are left out.

Java comes from ``shutil.which("java")``; without it :class:`ReasonerError` (exit 4).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDFS, XSD, Graph, Literal, URIRef

from .errors import ReasonerError

__all__ = ["ConsistencyReport", "check_consistency", "reasoner_input", "java_path"]

#: datatypes HermiT rejects, handed over as plain strings
_UNSUPPORTED_DATATYPES = {XSD.gYear, XSD.gYearMonth, XSD.gMonth, XSD.gDay, XSD.gMonthDay, XSD.date, XSD.time, XSD.duration}
#: annotation properties that data properties may not specialise in OWL 2 DL
_ANNOTATION_PROPERTIES = {
    RDFS.comment,
    RDFS.label,
    URIRef("http://www.w3.org/2004/02/skos/core#hiddenLabel"),
    URIRef("http://www.w3.org/2004/02/skos/core#altLabel"),
    URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
}


@dataclass
class ConsistencyReport:
    """``consistent`` and, when not, the reasoner's explanation (one line)."""

    consistent: bool
    detail: str
    triples: int

    def rows(self) -> list[dict]:
        return [
            {
                "severity": "Info" if self.consistent else "Violation",
                "focus_node": "(ontology + data)",
                "path": "",
                "message": ("consistent under HermiT" if self.consistent else f"inconsistent under HermiT: {self.detail}"),
                "shape": "owl:Ontology",
                "value": "",
            }
        ]


def java_path() -> str | None:
    """The ``java`` executable on PATH, or ``None``."""
    return shutil.which("java")


def reasoner_input(graph: Graph) -> Graph:
    """``graph`` made safe for owlready2 + HermiT (see the module docstring)."""
    out = Graph()
    for s, p, o in graph:
        if p == OWL.imports:
            continue
        if p == RDFS.subPropertyOf and o in _ANNOTATION_PROPERTIES:
            continue
        if p == RDFS.range and o in _UNSUPPORTED_DATATYPES:
            o = RDFS.Literal
        if isinstance(o, Literal) and o.datatype in _UNSUPPORTED_DATATYPES:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def check_consistency(graph: Graph) -> ConsistencyReport:
    """Run HermiT on ``graph`` (ontology + data). Never touches the network."""
    java = java_path()
    if java is None:
        raise ReasonerError(
            "no Java found on PATH: the HermiT reasoner needs it; install a JRE "
            "(apt-get install -y default-jre-headless) or run without --reason"
        )
    import owlready2
    from owlready2.base import OwlReadyInconsistentOntologyError

    owlready2.JAVA_EXE = java
    prepared = reasoner_input(graph)
    with tempfile.TemporaryDirectory(prefix="theory-reason-") as tmp:
        path = Path(tmp) / "graph.nt"
        prepared.serialize(destination=str(path), format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            ontology = world.get_ontology(path.as_uri()).load(
                fileobj=open(path, "rb"), format="ntriples", only_local=True
            )
        except Exception as err:  # owlready2 parse errors
            raise ReasonerError(f"owlready2 could not read the graph: {_first_line(err)}") from None
        try:
            cwd = os.getcwd()
            os.chdir(tmp)  # HermiT may leave files behind; keep them in the temp folder
            try:
                with ontology:
                    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
            finally:
                os.chdir(cwd)
        except OwlReadyInconsistentOntologyError:
            return ConsistencyReport(False, "the ontology and data contradict each other (HermiT: inconsistent)", len(prepared))
        except Exception as err:
            raise ReasonerError(f"HermiT could not run: {_first_line(err)}") from None
        finally:
            world.close()
    return ConsistencyReport(True, "", len(prepared))


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    interesting = [line for line in lines if "Exception" in line or "Error" in line]
    return (interesting or lines or [type(err).__name__])[0][:300]
