"""The citation form of German names that start with adjectives.

News declines such names with their sentence: "vom Deutschen Städtetag", "der Europäischen
Zentralbank", "im Weißen Haus", "des Deutschen Theaters". A fact box lists each name once, in the
form it is cited in, without an article: "Deutscher Städtetag", "Europäische Zentralbank",
"Weißes Haus", "Deutsches Theater". The adjectives then take the strong ending of the head
noun's gender (masculine -er, feminine -e, neuter -es, plural -e), and a masculine or neuter
head loses its genitive -s.

The gender comes from the head noun's last part ("Städtetag" ends in "tag": masculine); a head
whose gender these lists do not know leaves the name as written. Adjectives in -er are left as
they are: place adjectives do not decline ("Hamburger Hafen", "Passauer Neue Presse").
"""
from __future__ import annotations

from typing import Callable

_GENDERS = {
    "f": """ung heit keit schaft ion tät bank kammer partei zeitung presse union agentur behörde
         stiftung kirche landeskirche universität hochschule akademie schule bahn post börse liga
         regierung armee polizei allianz gruppe anstalt küste insel stadt straße allee brücke
         gemeinschaft genossenschaft versammlung kommission organisation""",
    "m": """tag rat verband verein bund dienst verlag konzern hof kreis club klub markt fonds sender
         rundfunk senat kongress ausschuss orden platz osten westen norden süden wald berg fluss
         ozean kanal weg park dom flughafen bahnhof hafen gipfel staat gerichtshof""",
    "n": """amt institut museum ministerium zentrum gericht haus theater werk kreuz parlament büro
         komitee archiv orchester forum kabinett klinikum krankenhaus studio netzwerk bündnis meer
         tor land gebirge tal schloss reich festival programm""",
    "p": """nationen wähler staaten emirate inseln länder werke""",
}
_HEADS = sorted(((suffix, gender) for gender, words in _GENDERS.items() for suffix in words.split()),
                key=lambda item: -len(item[0]))
_STRONG_ENDING = {"m": "er", "f": "e", "n": "es", "p": "e"}
_DECLINED = ("en", "em", "es", "e")  # endings an adjective may carry before its noun (not "er")


def gender(noun: str) -> str | None:
    """"m", "f", "n" or "p" (plural) of a head noun by its last part; None when unknown."""
    low = noun.lower()
    return next((g for suffix, g in _HEADS if low.endswith(suffix)), None)


def citation_form(name: str, is_adjective: Callable[[str], bool]) -> str:
    """"Deutschen Städtetag" -> "Deutscher Städtetag", "Europäischen Zentralbank" ->
    "Europäische Zentralbank", "Deutschen Theaters Berlin" -> "Deutsches Theater Berlin";
    names without leading adjectives, or with a head of unknown gender, stay as they are."""
    words = name.split()
    count = 0
    while count < len(words) - 1 and words[count][:1].isupper() and (
            is_adjective(words[count]) or words[count].lower().endswith(("ische", "ischen"))):
        count += 1
    if count == 0:
        return name
    head = words[count]
    kind = gender(head)
    if kind is None and head[-1:] == "s":  # genitive: "Städtetages", "Theaters"
        for stem in (head[:-2], head[:-1]) if head.endswith("es") else (head[:-1],):
            if gender(stem) in ("m", "n"):
                head, kind = stem, gender(stem)
                break
    if kind is None and head[-1:] == "n" and gender(head[:-1]) == "p":  # dative plural: "Freien Wählern"
        head, kind = head[:-1], "p"
    if kind is None:
        return name
    adjectives = [_strong(word, kind) for word in words[:count]]
    return " ".join(adjectives + [head] + words[count + 1:])


def _strong(adjective: str, kind: str) -> str:
    low = adjective.lower()
    if low.endswith("er") or not low.endswith(_DECLINED):
        return adjective  # "Hamburger", "Passauer": place adjectives do not decline
    ending = next(e for e in _DECLINED if low.endswith(e))
    return adjective[: len(adjective) - len(ending)] + _STRONG_ENDING[kind]
