"""The words of the pictures and the report, in one language, from the message catalogue.

The views write their words in English and look them up in the Danish catalogue under the
message context ``views`` (``msgctxt "views"`` in ``theory.po``), so a heading of the
report never collides with a word of the command-line tables that happens to be spelt the
same. Numbers, money and shares are Babel's, through :func:`theory.i18n.texts`; code words
of the analyses (a check's name in a CSV column) stay with the analyses' own catalogue.

>>> w = words("da")
>>> w("Legend"), w.plural("{n} activity", "{n} activities", 16), w.money(2210000)
('Signaturforklaring', '16 aktiviteter', '2.210.000 kr.')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["Words", "words", "flag_words", "CONTEXT"]

CONTEXT = "views"


class Words:
    """``w("Budget {year}", year=2024)`` in the language of :class:`theory.i18n.Texts` ``t``."""

    def __init__(self, lang: str):
        from ..i18n import texts

        self.lang = lang
        self.t = texts(lang)

    def __call__(self, message: str, **values: Any) -> str:
        text = self.t.context(CONTEXT, message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, **values: Any) -> str:
        """``singular`` for one, ``plural`` otherwise (the rule of both Danish and English)."""
        return self(singular if n == 1 else plural, n=self.t.number(n), **values)

    def money(self, value: Any) -> str:
        return self.t.money(value)

    def percent(self, share: Any) -> str:
        return self.t.percent(share)

    def number(self, value: Any) -> str:
        return self.t.number(value)

    def join(self, items) -> str:
        return self.t.join(items)


@lru_cache(maxsize=None)
def words(lang: str = "da") -> Words:
    """The :class:`Words` of ``lang`` (cached)."""
    return Words(lang)


def flag_words(flag, w: Words) -> str:
    """Why the load audit flags an actor (a :class:`theory.actors.Flag`), in the words of ``w``."""
    if flag.measure == "budget_share":
        return w("overloaded: leads {value} of the year's budget (limit {limit})",
                 value=w.percent(flag.value), limit=w.percent(flag.limit))
    if flag.measure == "activity_share":
        return w("overloaded: takes part in {value} of the year's activities (limit {limit})",
                 value=w.percent(flag.value), limit=w.percent(flag.limit))
    return w.plural("sole actor of {n} activity: {names}", "sole actor of {n} activities: {names}",
                    len(flag.activities), names=", ".join(flag.activities))
