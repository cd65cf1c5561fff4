"""Names of organisations no registry knows, read by how Danish plans write them.

The rules of :mod:`theory.importer.orgnames` on single sentences in the styles of the
shipped plan and the glossary: housing-social master plans by their place, names in
quotes and after a kind noun, "X for alle", "Kultur og Fritid X", elided lists, head
nouns on either side and initials. Each case names what the rule must read, and what it
must leave alone.
"""

from __future__ import annotations

import pytest

from theory.importer.orgnames import introduced, listed_after, new_names, plan_key, variants
from theory.namespaces import TH


def names(text: str) -> list[str]:
    return [name for _, _, name in new_names(text, [])]


@pytest.mark.parametrize("text, expected", [
    ("Husum for alle er hovedansvarlig.", ["Husum for alle"]),
    ("EnergiCenter Voldparken, lokale kulturaktører og Kultur og Fritid Brønshøj-Husum.",
     ["EnergiCenter Voldparken", "Kultur og Fritid Brønshøj-Husum"]),
    # an elided list names several schools, a place of two words too ...
    ("Aktiviteten er gennemført på Tingbjerg, Korsager og Husum Skole.",
     ["Tingbjerg Skole", "Korsager Skole", "Husum Skole"]),
    ("Amager Fælled, Sundby og Holmbladsgade Skole indgår.", ["Amager Fælled Skole", "Sundby Skole", "Holmbladsgade Skole"]),
    # ... but an organisation in the list is not a place of the schools
    ("Fritidscenter Tingbjerg og Husum Skole deltager.", ["Fritidscenter Tingbjerg", "Husum Skole"]),
    # "og" joins two bare nouns before a place, not two names
    ("Københavns Politi og Husum Skole deltager.", ["Politi", "Husum Skole"]),
    ("Copenhagen Cricket Club og Fædregruppen i Tingbjerg er tovholder.",
     ["Copenhagen Cricket Club", "Fædregruppen i Tingbjerg"]),
    ("Din Fritid netværket er åben for alle.", ["Din Fritid netværket"]),
    ("Der kommunikeres via Facebook og beboerbladet.", []),  # after a preposition of place: not an organisation
])
def test_capitalised_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name, kind", [
    ("Den aktivitetsansvarlige er den boligsociale helhedsplan for Tingbjerg/Utterslevhuse.",
     "den boligsociale helhedsplan for Tingbjerg/Utterslevhuse", TH.HousingSocialMasterPlan),
    ("Det boligsociale team i Tingbjerg/Utterslev Huse, lokale kulturaktører.",
     "Det boligsociale team i Tingbjerg/Utterslev Huse", TH.HousingSocialMasterPlan),
    ("I september sammenlægges de to helhedsplaner, Husum for alle og Helhedsplanen for Tingbjerg.",
     "Husum for alle", TH.HousingSocialMasterPlan),
    ("Hovedansvarlig sammen med foreningen Café Mors Varme Hænder.", "Café Mors Varme Hænder", TH.Association),
    ("Udviklingen sker i samarbejde med aktørerne i brobygningsnetværket ”Din Fritid Husum/Tingbjerg”.",
     "Din Fritid Husum/Tingbjerg", TH.Network),
    ("Turneringen blev drevet af de respektive fritidscentre, Fritidscenter Vanløse og Fritidscenter Tingbjerg.",
     "Fritidscenter Vanløse", TH.MunicipalUnit),
])
def test_names_introduced_by_their_kind(text, name, kind):
    assert (name, kind) in {(i.name, i.kind) for i in introduced(text)}


@pytest.mark.parametrize("text", [
    "Den boligsociale helhedsplan er ansvarlig for driften.",             # no name: a reference, not a name
    "i samarbejde med helhedsplanen for Husum og Tingbjerg og KFF",      # two places: no one plan
    "Skoler og daginstitutioner vil blive inddraget.",                  # a plural without names
])
def test_no_name_is_introduced(text):
    assert introduced(text) == []


def test_one_master_plan_however_spelled():
    keys = {plan_key(name) for name in ("den boligsociale helhedsplan for Tingbjerg/Utterslevhuse",
                                        "Boligsociale helhedsplan i Tingbjerg/Utterslevhuse",
                                        "Det boligsociale team i Tingbjerg/Utterslev Huse",
                                        "Helhedsplanen for Tingbjerg/Utterslevhuse")}
    assert keys == {"tingbjerg/utterslevhuse"}
    assert plan_key("Boligsociale helhedsplan Tingbjerg Forum") == "tingbjergforum"
    assert plan_key("Husum for alle") is None


def test_other_ways_of_writing_a_name():
    assert "Brønshøj-Husum fritidscenter" in variants("Fritidscenter Brønshøj-Husum")
    assert "Fritidscenter Brønshøj-Husum" in variants("Brønshøj-Husum fritidscenter")
    assert "TBK" in variants("Tingbjerg Bibliotek/kulturhus")
    assert "ECV" in variants("EnergiCenter Voldparken")
    assert "Idrætsprojektet" in variants("Idræts-projektet")
    assert variants("Husum Skole") == []  # two letters are no abbreviation


def test_a_list_right_after_a_cue():
    text = "Genoptagelse af Suppe og Strik i tæt samarbejde med Igne:oya, som vil finde sted"
    assert [n for _, _, n in listed_after(text, text.index("med") + 3)] == ["Igne:oya"]
    text = "i samarbejde med praktikanter fra jobcenteret, fritidsjobbere og U-klassen på Tingbjerg Skole."
    assert listed_after(text, text.index("med") + 3) == []  # the list starts with a common noun
