"""Which plan is loaded and which years it speaks about.

Every command that takes ``--year`` defaults to :func:`plan_year`: the year of the plan
itself (``th:planYear`` of the ``th:SafetyPlan``), not the current calendar year.

>>> plan_year(load_graph())
2024
>>> plan_years(load_graph())
[2021, 2022, 2023, 2024]
"""

from __future__ import annotations

from rdflib import RDF, Graph, Literal

from .errors import DataError
from .namespaces import TH

__all__ = ["plan_year", "plan_years", "year_of"]


def year_of(literal) -> int | None:
    """The year of an ``xsd:gYear``/``xsd:gYearMonth``/integer literal, else ``None``.

    rdflib gives no Python value for ``xsd:gYear``, so the lexical form is read:
    ``"2024"``, ``"2024Z"`` and ``"2024-01"`` all give 2024.
    """
    if not isinstance(literal, Literal):
        return None
    text = str(literal).strip()
    digits = text[:4]
    if len(digits) == 4 and digits.isdigit():
        return int(digits)
    return None


def _plans(graph: Graph) -> list[tuple[int, str]]:
    found = []
    for plan in graph.subjects(RDF.type, TH.SafetyPlan):
        for value in graph.objects(plan, TH.planYear):
            year = year_of(value)
            if year is not None:
                found.append((year, str(plan)))
    return sorted(found)


def plan_years(graph: Graph) -> list[int]:
    """Every year the loaded plans give a figure or status for, and their plan years (sorted)."""
    years = {year for year, _ in _plans(graph)}
    for value in graph.objects(None, TH.year):
        year = year_of(value)
        if year is not None:
            years.add(year)
    return sorted(years)


def plan_year(graph: Graph) -> int:
    """The plan's own year: ``th:planYear`` of the loaded ``th:SafetyPlan``.

    With several plans loaded, the latest. With none (a bare data file), the latest year
    any amount or status gives. Raises :class:`DataError` when the graph has no year at all.
    """
    plans = _plans(graph)
    if plans:
        return plans[-1][0]
    years = plan_years(graph)
    if years:
        return years[-1]
    raise DataError(
        "the loaded data has no th:SafetyPlan with th:planYear and no th:year; "
        "load a plan (--data) or give --year"
    )
