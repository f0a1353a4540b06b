"""Citation forms of names that start with adjectives: exact forms for declined mentions."""
from __future__ import annotations

import pytest

from site_plugins.extract.ner.name_forms import citation_form, gender

ADJECTIVES = {"Freien", "Deutschen", "Deutsche", "Europäischen", "Europäische", "Vereinigten", "Arabischen",
              "Weißen", "Neuen", "Passauer", "Hamburger", "Allgemeinen", "Nahen", "Roten"}


def cite(name: str) -> str:
    return citation_form(name, ADJECTIVES.__contains__)


@pytest.mark.parametrize(("declined", "cited"), [
    ("Deutschen Städtetag", "Deutscher Städtetag"),          # masculine, dative
    ("Deutschen Städtetages", "Deutscher Städtetag"),        # masculine, genitive
    ("Europäischen Zentralbank", "Europäische Zentralbank"),  # feminine
    ("Weißen Haus", "Weißes Haus"),                          # neuter
    ("Deutschen Theaters Berlin", "Deutsches Theater Berlin"),
    ("Vereinigten Arabischen Emirate", "Vereinigte Arabische Emirate"),  # plural, two adjectives
    ("Freien Wählern", "Freie Wähler"),                      # dative plural
    ("Nahen Osten", "Naher Osten"),
    ("Roten Kreuz", "Rotes Kreuz"),
    ("Allgemeinen Krankenhaus", "Allgemeines Krankenhaus"),
    ("Passauer Neuen Presse", "Passauer Neue Presse"),       # place adjectives do not decline
    ("Hamburger Sparkasse", "Hamburger Sparkasse"),
    ("Lippischen Landeskirche", "Lippische Landeskirche"),   # "-ischen" reads as an adjective
    ("Deutsche Bank", "Deutsche Bank"),
    ("Deutschen Glorbix", "Deutschen Glorbix"),              # head of unknown gender: as written
    ("Halvorsen Logistik AG", "Halvorsen Logistik AG"),      # no adjective in front
    ("Deutschen", "Deutschen"),
])
def test_citation_form(declined, cited):
    assert cite(declined) == cited


def test_gender_by_the_last_part_of_the_head():
    assert [gender(w) for w in ("Städtetag", "Zentralbank", "Umweltbundesamt", "Stadtwerke", "Glorbix")] == [
        "m", "f", "n", "p", None]
