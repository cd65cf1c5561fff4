"""A row's ID cell and the IRI it stands for.

The ID column carries an IRI's local name under the plan's namespace
(``activity-faelleshaven``), ``actor:<slug>`` for the shared actor registry, or a full IRI
for anything else. A section's code leaves out ``section-`` (``a01-oekonomi``): it is what
the Source columns name. The partnership's row carries its full IRI: that is where the
plan's namespace is read from when the workbook comes back.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from ..mint import DATA_ROOT, REGISTRY

__all__ = ["IdCodec", "SECTION_PREFIX", "base_of_partnership", "FALLBACK_BASE"]

SECTION_PREFIX = "section-"
#: the namespace of a plan that names no partnership (an empty workbook)
FALLBACK_BASE = DATA_ROOT + "unnamed/"
_LOCAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def base_of_partnership(iri: str) -> str | None:
    """The plan namespace of a partnership IRI that ends in ``/partnership``."""
    if iri.endswith("/partnership"):
        return iri[: -len("partnership")]
    return None


class IdCodec:
    """Writes and reads ID cells relative to the plan namespace ``base``."""

    def __init__(self, base: str):
        self.base = base

    def to_cell(self, iri: URIRef | str, *, section: bool = False, full: bool = False) -> str:
        text = str(iri)
        if full:
            return text
        if text.startswith(self.base) and _LOCAL.match(text[len(self.base):]):
            local = text[len(self.base):]
            if section and local.startswith(SECTION_PREFIX):
                return local[len(SECTION_PREFIX):]
            return local
        if text.startswith(REGISTRY) and _LOCAL.match(text[len(REGISTRY):]):
            return "actor:" + text[len(REGISTRY):]
        return text

    def from_cell(self, text: str, *, section: bool = False) -> URIRef | None:
        """The IRI an ID cell names, or ``None`` when the text cannot be one."""
        text = str(text).strip()
        if re.match(r"^https?://\S+$", text):
            return URIRef(text)
        if text.startswith("actor:") and _LOCAL.match(text[len("actor:"):]):
            return URIRef(REGISTRY + text[len("actor:"):])
        if not _LOCAL.match(text):
            return None
        if section and not text.startswith(SECTION_PREFIX):
            text = SECTION_PREFIX + text
        return URIRef(self.base + text)
