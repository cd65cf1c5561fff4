"""IRIs minted from names and numbers, by the rules of ``docs/curation.md``.

Workbook import and PDF import both mint through :class:`Minter`, so the same plan text
gives the same IRIs every time and git diffs of ``graph/`` stay small.

>>> slug("Café Mors Varme Hænder")
'cafe-mors-varme-haender'
>>> m = Minter.for_partnership("Tingbjerg-Husum Partnerskab")
>>> m.base
'https://w3id.org/theory/data/tingbjerg-husum/'
>>> m.activity("Fælleshaven")
'https://w3id.org/theory/data/tingbjerg-husum/activity-faelleshaven'
>>> m.amount("faelleshaven", 2024, "activity", "salary")
'https://w3id.org/theory/data/tingbjerg-husum/amount-faelleshaven-2024-activity-salary'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "DATA_ROOT",
    "REGISTRY",
    "REGISTRY_GRAPH",
    "ONTOLOGY_GRAPH",
    "ROLE_SLUGS",
    "LINE_SLUGS",
    "TABLE_SLUGS",
    "Minter",
    "slug",
    "registry_actor",
]

#: every partnership's data lives below this IRI: DATA_ROOT + "<partnership-slug>/"
DATA_ROOT = "https://w3id.org/theory/data/"
#: the shared actor registry's namespace (prefix ``actor:``)
REGISTRY = DATA_ROOT + "actors/"
#: the named graph of the shared actor registry
REGISTRY_GRAPH = DATA_ROOT + "actors"
#: the named graph of the ontology (the ontology's own IRI)
ONTOLOGY_GRAPH = "https://w3id.org/theory/ontology"

#: role local name -> slug used in responsibility IRIs
ROLE_SLUGS = {
    "Lead": "lead",
    "CoLead": "colead",
    "Partner": "partner",
    "Operator": "operator",
    "Trainer": "trainer",
    "Funder": "funder",
    "Venue": "venue",
}
#: budget line local name -> slug used in amount IRIs
LINE_SLUGS = {
    "SalaryFunds": "salary",
    "ActivityFunds": "activity-funds",
    "Rent": "rent",
    "OtherCosts": "other",
    "Total": "total",
}
#: budget table local name -> slug used in amount IRIs
TABLE_SLUGS = {"OverviewTable": "overview", "ActivityTable": "activity", "PlanText": "text"}

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa", "ß": "ss"})
# words the partnership's name carries that its slug leaves out ("Tingbjerg-Husum Partnerskab")
_PARTNERSHIP_WORDS = re.compile(r"\b(tryghedspartnerskab(et)?|partnerskab(et)?|partnership)\b", re.I)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: æ→ae, ø→oe, å→aa, é→e, other signs dropped."""
    text = str(text).translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def registry_actor(name_or_slug: str) -> str:
    """The registry IRI of a city-wide actor: ``actor:<slug>``."""
    return REGISTRY + slug(name_or_slug)


@dataclass(frozen=True)
class Minter:
    """Mints the IRIs of one partnership's plans under ``base`` (ends with ``/``)."""

    base: str

    @classmethod
    def for_partnership(cls, name: str) -> "Minter":
        """The minter of a partnership named ``name`` ("Tingbjerg-Husum Partnerskab" -> tingbjerg-husum)."""
        core = slug(_PARTNERSHIP_WORDS.sub(" ", name)) or slug(name)
        return cls(DATA_ROOT + core + "/")

    def iri(self, local: str) -> str:
        """``base`` + ``local``."""
        return self.base + local

    # the partnership and its plan
    def partnership(self) -> str:
        return self.iri("partnership")

    def agreement(self, start: int, end: int) -> str:
        return self.iri(f"agreement-{start}-{end}")

    def plan(self, year: int) -> str:
        return self.iri(f"plan-{year}")

    def change_theory(self) -> str:
        return self.iri("change-theory")

    def body(self, kind: str) -> str:
        """``working-group`` or ``steering-group``."""
        return self.iri(kind)

    def focus_area(self, name: str) -> str:
        return self.iri(f"fa-{slug(name)}")

    def impact(self, name: str) -> str:
        return self.iri(f"impact-{slug(name)}")

    def result(self, focus_area_slug: str, n: int) -> str:
        return self.iri(f"result-{focus_area_slug}-{n}")

    # sections of the plan text
    def section(self, name: str) -> str:
        return self.iri(f"section-{slug(name)}")

    def activity_section(self, number: int, part: str | None = None) -> str:
        """``section-aNN`` (heading and first paragraph) or ``section-aNN-<part>``."""
        return self.iri(f"section-a{int(number):02d}" + (f"-{slug(part)}" if part else ""))

    # activities and what hangs on them
    def activity(self, name: str) -> str:
        return self.iri(f"activity-{slug(name)}")

    def status(self, activity_slug: str, year: int) -> str:
        return self.iri(f"status-{activity_slug}-{year}")

    def support(self, activity_slug: str, focus_area_slug: str) -> str:
        return self.iri(f"support-{activity_slug}-{focus_area_slug}")

    def item(self, kind: str, activity_slug: str, n: int) -> str:
        """``objective``, ``deliverable``, ``targetgroup`` or ``timeline`` number ``n`` of an activity."""
        return self.iri(f"{kind}-{activity_slug}-{n}")

    def responsibility(self, activity_slug: str, actor_slug: str, role: str) -> str:
        """``role``: a role's local name (``Lead``) or its slug (``lead``)."""
        return self.iri(f"resp-{activity_slug}-{actor_slug}-{ROLE_SLUGS.get(role, role)}")

    def amount(self, activity_slug: str, year: int, table: str, line: str, k: int = 1) -> str:
        """``table``/``line``: local names (``ActivityTable``, ``SalaryFunds``) or slugs;
        ``k`` > 1 for a second line of the same kind."""
        table = TABLE_SLUGS.get(table, table)
        line = LINE_SLUGS.get(line, line)
        return self.iri(f"amount-{activity_slug}-{year}-{table}-{line}" + (f"-{k}" if k > 1 else ""))

    def stated_sum(self, year: int) -> str:
        return self.iri(f"sum-{year}-overview")

    def earmark(self, from_slug: str, to_slug: str, year: int) -> str:
        return self.iri(f"earmark-{from_slug}-{to_slug}-{year}")

    def cofinancing(self, activity_slug: str, actor_slug: str, year: int) -> str:
        return self.iri(f"cofinancing-{activity_slug}-{actor_slug}-{year}")

    # actors, places, channels
    def actor(self, name: str) -> str:
        return self.iri(f"actor-{slug(name)}")

    def place(self, name: str) -> str:
        return self.iri(f"place-{slug(name)}")

    def channel(self, name: str) -> str:
        return self.iri(f"channel-{slug(name)}")
