"""One language at a time: every word the tool says is in the Danish catalogue; Babel formats numbers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from theory.catalogue import catalogue
from theory.i18n import catalogue_path, texts

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def danish():
    from babel.messages.pofile import read_po

    with catalogue_path("da").open("rb") as handle:
        return read_po(handle, locale="da")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages the code uses, found by Babel's extractor (as `pybabel extract` does)."""
    from babel.messages.pofile import read_po

    pot = tmp_path_factory.mktemp("pot") / "theory.pot"
    mapping = tmp_path_factory.mktemp("map") / "babel.cfg"
    mapping.write_text("[python: **.py]\n[jinja2: **/templates/**.html]\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "--no-default-keywords",
                    "-k", "t", "-k", "plural:1,2", "-k", "context:1c,2", "-k", "N_", "-k", "NC_:1c,2",
                    "-F", str(mapping), "-o", str(pot), "src/theory", "cli.py"],
                   cwd=ROOT, check=True, capture_output=True)
    with pot.open("rb") as handle:
        return read_po(handle)


def test_every_word_of_the_code_has_a_danish_translation(extracted, danish):
    missing = [(m.context, m.id) for m in extracted if m.id and not (danish.get(m.id, m.context) and
                                                                     danish.get(m.id, m.context).string)]
    assert missing == [], "add these to src/theory/locale/da/LC_MESSAGES/theory.po"


def test_every_question_summary_has_a_danish_translation(danish):
    missing = [q.name for q in catalogue("questions") if not (danish.get(q.summary) and danish.get(q.summary).string)]
    assert missing == []


def test_the_catalogue_holds_no_stale_words(extracted, danish):
    used = {(m.context, m.id) for m in extracted if m.id} | {(None, q.summary) for q in catalogue("questions")}
    stale = [(m.context, m.id) for m in danish if m.id and (m.context, m.id) not in used]
    assert stale == [], "remove these from the catalogue (or use them)"


def test_placeholders_survive_translation(danish):
    import re

    for message in danish:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"\{(\w+)\}", " ".join(ids)))
        for string in strings:
            assert set(re.findall(r"\{(\w+)\}", string)) <= wanted | {"n"}, message.id


@pytest.mark.parametrize("lang, money, negative, share, whole", [
    ("da", "1.246.000 kr.", "-249.750 kr.", "42,5 %", "25 %"),
    ("en", "DKK 1,246,000", "-DKK 249,750", "42.5%", "25%"),
])
def test_money_and_shares_as_the_language_writes_them(lang, money, negative, share, whole):
    t = texts(lang)
    assert (t.money(1246000), t.money(-249750), t.percent(0.425), t.percent(0.25)) == (money, negative, share, whole)
    assert t.money(630833.33) == t.money(630833)  # whole kroner


def test_plural_forms():
    da = texts("da")
    assert da.plural("{activity}: {n} line of its own table", "{activity}: {n} lines of its own table", 1,
                     activity="Fælleshaven") == "Fælleshaven: 1 post i dens egen tabel"
    assert texts("en").plural("{activity}: {n} line of its own table", "{activity}: {n} lines of its own table", 2,
                              activity="X") == "X: 2 lines of its own table"
