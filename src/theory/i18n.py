"""One language at a time: the tool's words from message catalogues, numbers and money by Babel.

The words are written in English in the code and translated through gettext catalogues
(``theory/locale/<lang>/LC_MESSAGES/theory.po``, read with Babel); English needs none.
Plan text comes from the graph in the chosen language, falling back to Danish where the
plan has no English label. Numbers, money and shares are formatted by Babel as the
language writes them:

>>> da, en = texts("da"), texts("en")
>>> da.money(1246000), en.money(1246000)
('1.246.000 kr.', 'DKK 1,246,000')
>>> da.percent(0.425), en.percent(0.425)
('42,5 %', '42.5%')
>>> da("Gaps {year}", year=2024)
'Huller 2024'
"""

from __future__ import annotations

import gettext
import io
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["LANGUAGES", "LOCALES", "Texts", "texts", "catalogue_path", "N_", "NC_"]

LANGUAGES = ("da", "en")
#: the Babel locale that formats numbers for each language
LOCALES = {"da": "da_DK", "en": "en_GB"}
_MONEY_FORMAT = {"da": "#,##0 ¤", "en": "¤ #,##0"}


def N_(message: str) -> str:
    """Marks a word for the catalogue where it is defined (a check name, a kind); translated
    where it is shown (``t(word)``)."""
    return message


def NC_(context: str, message: str) -> str:
    """Marks a word with a context (``column`` titles) for the catalogue; see :func:`N_`."""
    return message


def catalogue_path(lang: str):
    """The ``.po`` catalogue of ``lang`` inside the package."""
    return resources.files("theory") / "locale" / lang / "LC_MESSAGES" / "theory.po"


@lru_cache(maxsize=None)
def _translations(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


class Texts:
    """The tool's words and number formats in one language: ``t("Gaps {year}", year=2024)``."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            from .errors import UsageError

            raise UsageError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
        self.lang = lang
        self._translations = _translations(lang)

    def __call__(self, message: str, **values: Any) -> str:
        text = self._translations.gettext(message)
        return text.format(**values) if values else text

    def context(self, context: str, message: str) -> str:
        """``message`` in a context (``column`` titles), untranslated where the catalogue has none."""
        return self._translations.pgettext(context, message)

    def plural(self, singular: str, plural: str, n: int, **values: Any) -> str:
        """The singular or plural form for ``n``; ``{n}`` and ``values`` are filled in."""
        return self._translations.ngettext(singular, plural, n).format(n=n, **values)

    def money(self, value: Any) -> str:
        """Whole kroner as the language writes money: ``1.246.000 kr.`` / ``DKK 1,246,000``."""
        from babel.numbers import format_currency

        if value is None:
            return "–"
        return format_currency(round(float(value)), "DKK", format=_MONEY_FORMAT[self.lang],
                               locale=LOCALES[self.lang], currency_digits=False)

    def percent(self, share: Any) -> str:
        """A share (0.425) as a percentage to one decimal: ``42,5 %`` / ``42.5%``."""
        from babel.numbers import format_percent

        if share is None:
            return "–"
        return format_percent(round(float(share), 3), locale=LOCALES[self.lang],
                              decimal_quantization=False).replace("\xa0", " ")

    def number(self, value: Any) -> str:
        """A number with the language's separators (``1.234,5`` / ``1,234.5``)."""
        from babel.numbers import format_decimal

        if value is None:
            return ""
        return format_decimal(value, locale=LOCALES[self.lang])

    def join(self, items) -> str:
        """``a, b og c`` / ``a, b and c``."""
        from babel.lists import format_list

        items = [str(i) for i in items]
        return format_list(items, locale=LOCALES[self.lang]) if items else ""


@lru_cache(maxsize=None)
def texts(lang: str = "da") -> Texts:
    """The :class:`Texts` of ``lang`` (cached)."""
    return Texts(lang)
