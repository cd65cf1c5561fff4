"""The views' own sentences about what the analyses found: why an actor is flagged.

The pictures and the report write every word of their own in English through
:func:`theory.i18n.texts` (``t("Legend")``, ``t.plural(...)``) and the Danish catalogue
translates it; this module holds the sentences that put an analysis's result into words
for a reader of a picture or the report, rather than for a table cell.

>>> from theory.i18n import texts
>>> from theory.actors import Flag
>>> flag_words(Flag("overloaded", "budget_share", 0.4253, 0.25), texts("da"))
'overbelastet: er ansvarlig for 42,5 % af årets budget (grænse 25 %)'
"""

from __future__ import annotations

__all__ = ["flag_words"]


def flag_words(flag, t) -> str:
    """Why the load audit flags an actor (a :class:`theory.actors.Flag`), in the language of ``t``."""
    if flag.measure == "budget_share":
        return t("overloaded: leads {value} of the year's budget (limit {limit})",
                 value=t.percent(flag.value), limit=t.percent(flag.limit))
    if flag.measure == "activity_share":
        return t("overloaded: takes part in {value} of the year's activities (limit {limit})",
                 value=t.percent(flag.value), limit=t.percent(flag.limit))
    return t.plural("sole actor of {n} activity: {names}", "sole actor of {n} activities: {names}",
                    len(flag.activities), names=", ".join(flag.activities))
