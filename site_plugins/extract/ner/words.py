"""Word lists that the rules for one sentence's spans and for the whole document share."""
from __future__ import annotations


# team names of German leagues: a mascot or a club word before the town ("Eisbären Berlin",
# "Falken Rothenstein", "Eintracht Wolfsfelde"), which alone names the team later ("die Eintracht")
TEAM_WORDS = frozenset(("falken", "eisbären", "adler", "haie", "löwen", "füchse", "pinguine", "pinguins",
                         "grizzlys", "huskies", "baskets", "towers", "skyliners", "tigers", "panther",
                         "wölfe", "bären", "bulls", "lions", "dragons", "giants", "eagles", "hurricanes",
                         "eintracht", "borussia", "fortuna", "alemannia", "arminia", "hansa", "dynamo",
                         "werder", "preußen", "viktoria", "germania", "kickers"))


# words that describe an organization without being part of its name
_DESCRIPTORS = ("konzern", "start-up", "startup", "unternehmen", "firma", "hersteller", "anbieter",
                "entwickler", "zulieferer", "investor", "finanzinvestor", "mittelständler", "händler",
                "discounter", "betreiber", "produzent", "versicherer", "versorger", "dienstleister")


def seated(sentence: list[str], j: int) -> bool:
    """"mit Sitz" starts at word j: the words before it name an organization ("Nordkai
    Frischetransporte mit Sitz in Hamburg")."""
    return sentence[j:j + 2] == ["mit", "Sitz"]


def is_descriptor(word: str) -> bool:
    """"Softwarekonzern", "Robotik-Start-up", "Windparkfirma", "Unternehmen", "Maschinenbauer"
    (but not the surname "Bauer")."""
    low = word.lower()
    return low.endswith(_DESCRIPTORS) or (low.endswith("bauer") and len(low) > 5)


# last words of company names in English ("Ferrowind Capital", "Jato Dynamics", "Lumivia Robotics")
CORPORATE_HEADS = frozenset(("capital", "ventures", "partners", "labs", "systems", "technologies",
                              "solutions", "robotics", "dynamics", "networks", "industries",
                              "enterprises", "investments", "pharmaceuticals", "therapeutics",
                              "semiconductor", "semiconductors", "airlines", "motors", "studios",
                              "institute", "foundation", "council", "association", "university", "college"))
# of those, the ones that also follow a name the model read alone ("vom Peterson Institute")
INSTITUTION_HEADS = frozenset(("institute", "foundation", "council", "association", "university", "college"))

# words for the kind of a body named with an adjective after them: "Verband Deutscher Maschinen-
# und Anlagenbau", "Bund Deutscher Architekten", "Stiftung Deutsche Krebshilfe"
BODY_WORDS = ("verband", "verein", "bund", "institut", "stiftung", "akademie", "gesellschaft",
               "vereinigung", "arbeitsgemeinschaft", "zentrum", "kammer")
