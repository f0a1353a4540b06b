"""Organizations the model missed or mistyped, settled by the words around them and the
lexicon: institutions ("Bundesrat", "Institut für Hochgebirgsforschung", "Frankfurter Börse"),
companies introduced by what they are ("der Hersteller Norvik", "der Investor Alpenblick
Ventures"), teams ("Eintracht Wolfsfelde"), well-known organizations in any case ("Das
Europäische Parlament"). Mentions are those of document.py; every rule changes them in place."""
from __future__ import annotations

import re

from . import features
from .document import CONFIDENT, covered
from .name_forms import citation_form
from .spans import named_institution
from .words import BODY_WORDS, CORPORATE_HEADS, INSTITUTION_HEADS, TEAM_WORDS, is_descriptor, seated


_ARTICLES = frozenset("die der den dem".split())


def national_short_forms(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """After "Deutsche Bahn" (or Post, Telekom, Bank), "die Bahn" is the company: news calls a
    "Deutsche ..." by its noun with the article."""
    nouns = {words[m[0]][m[2] - 1] for m in mentions
             if m[3] == "ORG" and m[2] - m[1] == 2 and words[m[0]][m[1]] in ("Deutsche", "Deutschen", "Deutscher")}
    if not nouns:
        return
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            if sentence[i] in nouns and sentence[i - 1].lower() in _ARTICLES and (k, i) not in taken:
                mentions.append([k, i, i + 1, "ORG", 0.0])


def known_organizations_alone(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Nach Informationen von Bloomberg": a well-known organization read as a person is the
    organization, unless the article names a person of that surname ("Michael Bloomberg")."""
    surnames = {words[m[0]][m[2] - 1] for m in mentions if m[3] == "PER" and m[2] - m[1] > 1}
    for mention in mentions:
        k, first, end, kind = mention[:4]
        word = words[k][first]
        if kind == "PER" and end - first == 1 and word in lexicon.org and word not in surnames \
                and word not in lexicon.first:
            mention[3] = "ORG"


# institutions written as one word: federal and state ones ("Bundeswirtschaftsministerium",
# "Bundeskartellamt", "Landtag"; not "Bundesregierung": GermEval, like most style guides, reads
# "the government" as a description, and not titles: "Landesrat", "Stadtrat" are also people),
# and bodies of the EU, the US and the UN with their prefix ("US-Senat", "EU-Kommission";
# GermEval calls most such compounds a part of a name, "US-Präsident", "EU-Mitgliedstaaten")
_INSTITUTION_WORD = re.compile(
    r"(?:(?:Bundes|Landes)[a-zäöüß]*(?:ministerium|amt|agentur|behörde|gericht|gerichtshof|kammer|"
    r"bank|tag|wehr|anstalt)|Bundesrat|Landtag|Welt[a-zäöüß]*organisation"
    r"|(?:US|EU|UN|UNO)-(?:Senat|Kongress|Repräsentantenhaus|Parlament|Kommission|Notenbank|Zentralbank"
    r"|Sicherheitsrat|Menschenrechtsrat|Generalversammlung|Gerichtshof))(?:e?s)?")


def one_word_institutions(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """Institutions the model left untagged ("Der Bundesrat muss zustimmen", "vom
    Bundeswirtschaftsministerium geprüft", "Der US-Senat hat gestimmt") become organizations:
    they are unique bodies, as named in the news, though each is also a word of the noun lexicon.
    So do institutions named after people in one hyphenated word ("Hans-Böckler-Stiftung",
    "Max-Planck-Institut"; not "Privat-Klinik")."""
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if not (word[:1] in "BLWUE" or "-" in word) or (k, i) in taken:
                continue  # a quick test first: the names start so or are hyphenated
            if _INSTITUTION_WORD.fullmatch(word) or _named_after(word, lexicon):
                mentions.append([k, i, i + 1, "ORG", 0.0])


def _named_after(word: str, lexicon) -> bool:
    *names, head = word.split("-")
    return bool(names) and named_institution(word) and all(
        n[:1].isupper() and (n in lexicon.first or n in lexicon.last or n.lower() not in lexicon.nouns)
        and lexicon.hanta.get(n.lower()) not in ("htADJ", "htNN") for n in names)  # not "Uni-Klinik"


# words (and heads of compounds) for a kind of organization, which the name after them is
_ORGANIZATION_WORDS = ("zeitung", "zeitschrift", "magazin", "partei", "verein", "verband", "konzern",
                       "unternehmen", "firma", "hersteller", "startup", "start-up", "gewerkschaft",
                       "agentur", "privatbank", "band", "verlag", "sender", "fonds", "club", "klub")


def introduced_organizations(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"das Berliner KI-Start-up Veltora", "der Hersteller Norvik": a capitalized word that is
    no common noun and no known place, right after a word for a company, is that company where
    the model found nothing (and so is the same word elsewhere in the document)."""
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            before, word = sentence[i - 1], sentence[i]
            if not (word[:1].isupper() and before[:1].isupper()):  # a capitalized word after a noun
                continue
            if ((k, i) not in taken and word.isalpha()
                    and (before.lower() in features.ORG_CUES or is_descriptor(before))
                    and word.lower() not in lexicon.nouns and word not in lexicon.place
                    and word not in lexicon.country):
                mentions.append([k, i, i + 1, "ORG", CONFIDENT])


def after_organization_words(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"in der Fachzeitschrift Soil Horizons", "die Band Rainrock": a name right after a word for
    a kind of organization is that organization, though the model read a person or a place (a
    known place stays one: "Sender Freies Berlin" is not meant here)."""
    for mention in mentions:
        k, first, end, kind = mention[:4]
        if kind in ("PER", "LOC", "OTH") and first > 0 and words[k][first - 1].lower().endswith(_ORGANIZATION_WORDS):
            name = " ".join(words[k][first:end])
            if name not in lexicon.place and name not in lexicon.country:
                mention[3] = "ORG"


def team_names(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Eintracht Wolfsfelde", "Falken Rothenstein": a club word or mascot before a capitalized
    word that is no common noun is a team, whether the model read it as another name ("other"),
    a place, two names, or nothing (the team is then looked for in the rest of the document,
    and so is its short form "die Eintracht"). A person stays one: "Viktoria Brandt"."""
    starts = {(m[0], m[1]): m for m in mentions}
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(len(sentence) - 1):
            club, town = sentence[i], sentence[i + 1]
            if not (club.lower() in TEAM_WORDS and club[:1].isupper() and town[:1].isupper()):
                continue
            team, rest = starts.get((k, i)), starts.get((k, i + 1))
            if team is not None and team[2] > i + 1:
                if team[3] in ("OTH", "LOC"):
                    team[3] = "ORG"
            elif town.endswith("s"):
                continue  # "die Löwen Afrikas"
            elif rest is not None and (team is not None or (k, i) not in taken):
                if rest[3] == "PER" and team is None and club in lexicon.first:
                    continue  # "Viktoria Brandt"
                if team is not None:
                    mentions.remove(team)
                rest[1], rest[3] = i, "ORG"
            elif (team is None and (k, i) not in taken and (k, i + 1) not in taken
                  and town.replace("-", "").isalpha() and town.lower() not in lexicon.nouns):
                mentions.append([k, i, i + 2, "ORG", CONFIDENT])


def known_organizations(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """Well-known organizations of several words that the model left untagged, in whatever case
    the sentence puts them: "Das Europäische Parlament", "der Europäischen Zentralbank" (the
    list has them in their citation form, see name_forms)."""
    taken = covered(mentions)
    longest = lexicon.max_multi
    heads = {name[-1] for name in lexicon.multi_org}

    def may_end_one(word: str) -> bool:  # a quick test before the citation form ("Parlaments")
        return word in heads or word[:-1] in heads or word[:-2] in heads

    for k, sentence in enumerate(words):
        if not any(may_end_one(w) for w in sentence):
            continue
        i = 0
        while i < len(sentence) - 1:
            found = 0
            if sentence[i][:1].isupper() and (k, i) not in taken:
                for length in range(min(longest, len(sentence) - i), 1, -1):
                    candidate = sentence[i:i + length]
                    if not may_end_one(candidate[-1]) or any((k, j) in taken for j in range(i, i + length)):
                        continue
                    cited = citation_form(" ".join(candidate), lexicon.is_adjective)
                    if tuple(cited.split()) in lexicon.multi_org:
                        found = length
                        break
            if found:
                mentions.append([k, i, i + found, "ORG", CONFIDENT])
                i += found
            else:
                i += 1


# institutions named for what they do: "Institut für Hochgebirgsforschung", "Gesellschaft für
# Konsumforschung", "Zentrum für Europäische Wirtschaftsforschung"
_INSTITUTE_HEADS = ("institut", "instituts", "zentrum", "zentrums", "gesellschaft", "amt", "amts",
                    "amtes", "stiftung", "akademie", "anstalt", "hochschule", "universität", "zentrale",
                    "agentur", "ministerium", "ministeriums")
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es")


def institutes(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """An institution word, "für" and what it studies or does ("des Instituts für
    Hochgebirgsforschung in Innsbruck"; also "für angewandte Ökologie", and a known place right
    after: "Institut für Handelsforschung Köln") is one organization, where the model found
    nothing or only a part of it."""
    for k, sentence in enumerate(words):
        for i in range(len(sentence) - 2):
            head = sentence[i]
            if not (head[:1].isupper() and head.lower().endswith(_INSTITUTE_HEADS) and sentence[i + 1] == "für"):
                continue
            end, j = 0, i + 2
            while j < len(sentence):
                word = sentence[j]
                if word[:1].isupper() and word.replace("-", "").isalpha():
                    end = j = j + 1
                elif (word == "und" or word.endswith(_ADJECTIVE_ENDINGS) and word.isalpha() and word.islower()) \
                        and j + 1 < len(sentence) and sentence[j + 1][:1].isupper():
                    j += 1
                else:
                    break
            if not end:
                continue
            if end < len(sentence) and sentence[end] in lexicon.place:
                end += 1
            inside = [m for m in mentions if m[0] == k and m[1] < end and m[2] > i]
            if all(i <= m[1] and m[2] <= end for m in inside) and not any(m[1] == i and m[2] == end for m in inside):
                for m in inside:
                    mentions.remove(m)
                mentions.append([k, i, end, "ORG", CONFIDENT])


# "Frankfurter Börse", "Kölner Stadtwerke": a town's adjective before a word for an institution
_TOWN_INSTITUTIONS = ("börse", "messe", "zeitung", "rundschau", "nachrichten", "stadtwerke",
                      "verkehrsbetriebe", "sparkasse", "volksbank", "bank", "philharmoniker", "oper",
                      "zoo", "tafel", "versicherung", "verlag", "universität", "hochschule", "klinik",
                      "klinikum", "kunsthalle", "museum")


def town_adjectives_before_companies(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Die Bremer Weserbank … der Weserbank": a town's adjective before a company's own name,
    which the article also uses alone, describes it (the company is "Weserbank", and is found so
    in the rest of the article). Otherwise it stays: before a word for an institution it is part
    of the name ("Frankfurter Börse", "Hamburger Hochbahn"), and "Krautheimer Fördertechnik" may
    be named after a family."""
    for mention in mentions:
        k, first, end, kind = mention[:4]
        if kind != "ORG" or end - first != 2:
            continue
        town, name = words[k][first], words[k][first + 1]
        if (_town_adjective(town, lexicon) and name.lower() not in lexicon.nouns
                and lexicon.hanta.get(name.lower()) not in ("htNN", "htADJ")
                and _used_alone(words, town, name)):
            mention[1] = first + 1
            mention[4] = max(mention[4], CONFIDENT)  # a company's own name: look for it again


def _used_alone(words: list[list[str]], town: str, name: str) -> bool:
    return any(word == name and (i == 0 or sentence[i - 1] != town)
               for sentence in words for i, word in enumerate(sentence))


def _town_adjective(word: str, lexicon) -> bool:
    """"Frankfurter" (Frankfurt), "Schalker" (Schalke), "Bremer" (Bremen)."""
    return word.endswith("er") and any(
        place in lexicon.place for place in (word[:-2], word[:-1], word[:-1] + "n"))


def town_institutions(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"An der Frankfurter Börse", "die Kölner Verkehrsbetriebe": the adjective of a known town
    and a word for an institution are one organization where the model found nothing."""
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(len(sentence) - 1):
            town, head = sentence[i], sentence[i + 1]
            if (head[:1].isupper() and head.lower().endswith(_TOWN_INSTITUTIONS) and _town_adjective(town, lexicon)
                    and (k, i) not in taken and (k, i + 1) not in taken):
                mentions.append([k, i, i + 2, "ORG", CONFIDENT])


def bodies_before_names(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """An organization the model found from its adjective on ("Deutscher Maschinen- und
    Anlagenbau"), or after the bare word for its kind ("Stiftung Warentest"), starts with that
    word ("Verband", "Stiftung")."""
    taken = covered(mentions)
    for mention in mentions:
        k, first, _, kind = mention[:4]
        if kind != "ORG" or first == 0 or (k, first - 1) in taken:
            continue
        before, word = words[k][first - 1], words[k][first]
        low = before.lower()
        if before[:1].isupper() and (low in BODY_WORDS or low.endswith(BODY_WORDS) and word.endswith(("er", "e", "en"))):
            mention[1] = first - 1


def corporate_names(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """A name of two or more words that ends in an English company word is a company, whatever
    the model read it as: no person, place or work is called "Ferrowind Capital". Left untagged after
    a word for a company, a capitalized word that is no common noun and such a company word are
    one too ("der Investor Alpenblick Ventures"; not "von Venture Capital")."""
    taken = covered(mentions)
    for mention in mentions:
        k, first, end, kind = mention[:4]
        sentence = words[k]
        if kind in ("PER", "LOC") and end < len(sentence) and (k, end) not in taken \
                and sentence[end][:1].isupper() and sentence[end].lower() in INSTITUTION_HEADS:
            mention[2] = end = end + 1  # "Peterson" of "vom Peterson Institute"
            taken.add((k, end - 1))
        if kind in ("PER", "LOC", "OTH") and end - first > 1 and sentence[end - 1].lower() in CORPORATE_HEADS:
            mention[3] = "ORG"
    for k, sentence in enumerate(words):
        for i in range(2, len(sentence)):
            head, word, before = sentence[i], sentence[i - 1], sentence[i - 2].lower()
            if (head.lower() in CORPORATE_HEADS and head[:1].isupper() and word[:1].isupper()
                    and (before in features.ORG_CUES or is_descriptor(before))
                    and word.isalpha() and word.lower() not in lexicon.nouns
                    and (k, i) not in taken and (k, i - 1) not in taken):
                mentions.append([k, i - 1, i + 1, "ORG", 1.0])


def seated_organizations(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"den Tiefkühlspezialisten Nordkai Frischetransporte mit Sitz in Hamburg": the capitalized
    words before "mit Sitz" name an organization (without the article, and without a word for
    what it is right after the article) where the model found no organization ending there;
    mentions inside them give way."""
    for k, sentence in enumerate(words):
        for j in range(1, len(sentence) - 1):
            if not seated(sentence, j) or any(m[0] == k and m[2] == j and m[3] == "ORG" for m in mentions):
                continue  # (the model's organization stays as it is: "Royal P & O Nedlloyd NV")
            first = j
            while first > 0 and sentence[first - 1][:1].isupper() and sentence[first - 1].replace("-", "").isalnum() \
                    and sentence[first - 1].lower() not in _DETERMINERS:
                first -= 1
            if j - first > 1 and _common_word(sentence[first], lexicon):
                first += 1  # "den Tiefkühlspezialisten ..."
            if first == j or (j - first == 1 and _common_word(sentence[first], lexicon)):
                continue  # "Das Unternehmen mit Sitz in Berlin"
            mentions[:] = [m for m in mentions if not (m[0] == k and m[1] < j and m[2] > first)]
            mentions.append([k, first, j, "ORG", CONFIDENT])


_DETERMINERS = frozenset("der die das den dem des ein eine einen einem einer eines".split())


def _common_word(word: str, lexicon) -> bool:
    """A common noun, also as the head of a compound ("Tiefkühlspezialisten")."""
    return is_descriptor(word) or any(c in ("NOUN", "CMPD", "HN_NOUN") for c in features.word_classes(word, lexicon))
