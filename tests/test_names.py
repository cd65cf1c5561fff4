"""Names as people type them: case, accents, aliases, parts of names; one, several or none."""

from __future__ import annotations

import pytest

from theory.errors import UsageError
from theory.names import NameIndex, fold, normal_forms

INDEX = NameIndex("actor", {
    "a": ("Husum for alle", ["Husum for Alle"]),
    "b": ("Fritidscenter Brønshøj-Husum", ["Brønshøj-Husum fritidscenter"]),
    "c": ("Husum Skole", []),
    "d": ("Energicenter Voldparken", ["ECV", "EnergiCenter Voldparken"]),
    "e": ("Københavns Politi", ["det lokale politi"]),
})


def test_fold_drops_case_and_accents():
    assert fold("  Café   Mors ") == "cafe mors" and fold("Fælleshaven") == "falleshaven"
    assert fold("Tingbjerg Bibliotek\\Kulturhus") == "tingbjerg bibliotek/kulturhus"
    assert normal_forms("Brønshøj") == {"bronshoj", "broenshoej"}


@pytest.mark.parametrize("typed, iri", [
    ("husum for alle", "a"), ("HUSUM FOR", "a"), ("husum for", "a"),       # exact, then part of a name
    ("ecv", "d"), ("energicenter", "d"),                                   # an alias; a part
    ("Bronshoj-Husum fritidscenter", "b"), ("broenshoej-husum fritidscenter", "b"),  # ø typed as o or oe
    ("kobenhavns politi", "e"), ("lokale politi", "e"),
    ("c", "c"),                                                            # the IRI itself
])
def test_one_match_is_used(typed, iri):
    assert INDEX.resolve(typed, "--actor") == iri


def test_exact_beats_part():
    index = NameIndex("actor", {"x": ("SSP", []), "y": ("SSP København", [])})
    assert index.resolve("ssp", "--actor") == "x"


def test_several_matches_are_listed_closest_first():
    with pytest.raises(UsageError) as info:
        INDEX.resolve("Husum", "--actor")
    message = info.value.message
    assert message.startswith("--actor 'Husum' matches 3 actors: Husum Skole; Husum for alle; ")
    assert message.endswith("; give more of the name")


def test_at_most_ten_are_listed():
    index = NameIndex("actor", {str(i): (f"Klub {i:02d}", []) for i in range(14)})
    with pytest.raises(UsageError, match=r"matches 14 actors: .*\(and 4 more\)") as info:
        index.resolve("klub", "--actor")
    assert info.value.message.count("Klub ") == 10


def test_no_match_suggests_the_five_most_similar():
    with pytest.raises(UsageError) as info:
        INDEX.resolve("Husum fro alle", "--actor")
    message = info.value.message
    assert message.startswith("--actor 'Husum fro alle': no actor has that name; did you mean: Husum for alle; ")
    assert message.count(";") == 5  # five suggestions
