"""Places the model missed or mistyped, settled by the words around them and the lexicon: a
known place read as an organization, a word after "die Stadt", a direction before or after a
place ("Ostalpen", "Kaltenbrunn-Nord"). Mentions are those of document.py."""
from __future__ import annotations

import re

from .document import CONFIDENT, covered


def known_places(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """A name read as an organization that is a known country or place, and no known
    organization, is the place ("im Silicon Valley"; not "Bayern" of FC Bayern)."""
    for mention in mentions:
        k, first, end, kind = mention[:4]
        if kind != "ORG":
            continue
        key = tuple(words[k][first:end])
        name = " ".join(key)
        if (name in lexicon.country or name in lexicon.place or key in lexicon.multi_place) \
                and name not in lexicon.org and key not in lexicon.multi_org:
            mention[3] = "LOC"


_PLACE_WORDS = frozenset(("stadt", "gemeinde", "dorf", "ortschaft", "ortsteil", "kreisstadt", "hauptstadt",
                          "landeshauptstadt", "metropole", "landkreis", "bundesland", "insel", "fluss",
                          "hafenstadt", "großstadt", "kleinstadt", "nachbarstadt", "nachbargemeinde"))


def after_place_words(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Die Stadt Grauenfurt hat angekündigt": an untagged capitalized word that is no common
    noun, right after a word for a kind of place, is a place (and so is the same word elsewhere in
    the document: the mention is confident)."""
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            word = sentence[i]
            if (sentence[i - 1].lower() in _PLACE_WORDS and (k, i) not in taken and word[:1].isupper()
                    and word.replace("-", "").isalpha() and word.lower() not in lexicon.nouns):
                mentions.append([k, i, i + 1, "LOC", CONFIDENT])


_COMPASS = re.compile(r"(Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mittel|Zentral|Ober|Nieder)-?(\w+)")


_COMPASS_STARTS = ("Nord", "Süd", "Ost", "West", "Mittel", "Zentral", "Ober", "Nieder")
_DISTRICT = re.compile(r"(\w+)-(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mitte|Altstadt|Zentrum)")


def compass_places(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Ostalpen", "Nordhessen", "Süd-Tirol": a direction before a known place is a place, and
    "Berlin-Mitte", "Kaltenbrunn-Nord" (a known place, or a place named in the document) one
    after it; the model left them untagged (the same word elsewhere in the document is one too)."""
    taken = covered(mentions)
    places = {" ".join(words[m[0]][m[1]:m[2]]) for m in mentions if m[3] == "LOC"}
    for k, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if not (word.startswith(_COMPASS_STARTS) or "-" in word) or (k, i) in taken:
                continue
            if match := _COMPASS.fullmatch(word):
                rest = match.group(2)
                place = rest[:1].upper() + rest[1:]
            elif match := _DISTRICT.fullmatch(word):
                place = match.group(1)
            else:
                continue
            if place in lexicon.place or place in lexicon.country or place in places:
                mentions.append([k, i, i + 1, "LOC", CONFIDENT])


# the last word of a venue's name: "Mühlbach-Arena", "Olympiahalle", "Weserstadion", "Allianz Arena"
_VENUE = re.compile(r"(?:\w+-)?(?:\w*(?:halle|stadion)|Arena|Halle|Stadion|Sportpark)s?")


def venues(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """A name that ends in a word for a venue is a place, as GermEval annotates them
    ("Osnatel-Arena", "Deutschlandhalle"); the model reads "Mühlbach-Arena" as an organization."""
    for mention in mentions:
        k, first, end, kind = mention[:4]
        last = words[k][end - 1]
        compound = last.rstrip("s") not in ("Halle", "Arena", "Stadion")  # not "Jens Halle"
        if (kind == "ORG" or (kind == "PER" and compound)) and last[:1].isupper() and _VENUE.fullmatch(last):
            mention[3] = "LOC"
