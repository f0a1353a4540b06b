"""Rules over all the names found in one document, after the model has tagged each sentence:
a name keeps one type throughout (the confident mentions vote), is found again where the model
missed it (a surname alone, a company's short form, a genitive), and words around a name or in
the lexicon settle what the model could not ("die Stadt Grauenfurt", "der Investor Alpenblick
Ventures", "das Bundeswirtschaftsministerium").

A mention is a list [sentence index, first token, end token, type, confidence]; every rule
changes the list of mentions in place."""
from __future__ import annotations

import re

from .name_forms import citation_form
from . import features
from .spans import TEAM_WORDS, is_descriptor


CONFIDENT = 0.8   # a mention this sure of its type is looked for in the rest of the document


def _covered(mentions: list[list]) -> set[tuple[int, int]]:
    """(sentence, token) of every token inside a mention."""
    return {(m[0], i) for m in mentions for i in range(m[1], m[2])}


def agree_across_document(words: list[list[str]], mentions: list[list], nouns) -> None:
    """Second pass over a document (in place): one type per name, by the confidence-weighted
    vote of its mentions (a genitive "Deepseeks" votes with "Deepseek"); then untagged
    repetitions of confidently tagged names (also genitives, and a person's surname alone)
    become mentions too."""
    short_forms = _organization_short_forms(words, mentions, nouns)
    for mention in mentions:
        key = tuple(words[mention[0]][mention[1]:mention[2]])
        if key in short_forms:
            mention[3] = "ORG"
    _vote_types(words, mentions)
    known: dict[tuple[str, ...], tuple[str, float]] = {key: ("ORG", 1.0) for key in short_forms}

    def learn(key: tuple[str, ...], kind: str, conf: float) -> None:
        if key not in known or known[key][1] < conf:
            known[key] = (kind, conf)

    for k, first, end, kind, conf in mentions:
        if conf < CONFIDENT or kind == "OTH":
            continue
        key = tuple(words[k][first:end])
        learn(key, kind, conf)
        last = key[-1]
        if last[-1:] not in "sxzß":
            learn(key[:-1] + (last + "s",), kind, conf)
        if kind == "PER" and len(key) > 1 and last[:1].isupper() and len(last) > 2:
            learn((last,), kind, conf * 0.99)
            learn((last + "s",), kind, conf * 0.99)
    if not known:
        return
    longest = max(len(key) for key in known)
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        i = 0
        while i < len(sentence):
            match = 0
            if sentence[i][:1].isupper() and (k, i) not in covered:
                for length in range(min(longest, len(sentence) - i), 0, -1):
                    key = tuple(sentence[i:i + length])
                    if key in known and not any((k, j) in covered for j in range(i, i + length)):
                        match = length
                        break
            common = match == 1 and sentence[i].lower() in nouns and (sentence[i],) not in short_forms
            if match and not common:
                mentions.append([k, i, i + match, known[tuple(sentence[i:i + match])][0], 0.0])
                i += match
            else:
                i += 1


def _organization_short_forms(words: list[list[str]], mentions: list[list], nouns) -> set[tuple[str, ...]]:
    """The short forms ("Ventrax", "Ventraxs") of organizations a document introduces with a
    legal form or descriptor ("Ventrax Software SE") or after an organization word ("der
    Softwarekonzern Quillmont Systems"): news calls a company by its first word afterwards, and
    the CRF alone reads such an unknown word as a surname. A one-word organization introduced so
    ("der Hersteller Norvik") keeps its type everywhere. A team is called by its mascot ("die
    Falken" of "Falken Rothenstein")."""
    out: set[tuple[str, ...]] = set()
    for k, first, end, kind, _ in mentions:
        if kind != "ORG":
            continue
        head = words[k][first]
        before = words[k][first - 1].lower() if first > 0 else ""
        introduced = (words[k][end - 1].lower() in features.ORG_SUFFIXES
                      or words[k][end - 1].lower() in _CORPORATE_HEADS
                      or before in features.ORG_CUES or is_descriptor(before))
        if end - first < 2 and not (introduced and before):
            continue
        if head.lower() in TEAM_WORDS:  # "die Falken" after "Falken Rothenstein"
            out.add((head,))
        elif introduced and head[:1].isupper() and head.isalpha() and head.lower() not in nouns \
                and head.lower() not in _NOT_SHORT_FORMS:
            out.add((head,))
            if head[-1:] not in "sxzß":
                out.add((head + "s",))
    return out


# first words of organization names that are no short form of them ("Deutsche Bank")
_NOT_SHORT_FORMS = frozenset({"der", "die", "das", "deutsche", "deutscher", "deutschen", "erste",
                              "neue", "new", "the", "first", "general", "united", "national",
                              "international", "european", "europäische", "american", "bank",
                              "royal", "st", "san", "saint"})


def _vote_types(words: list[list[str]], mentions: list[list]) -> None:
    """Give all mentions of a name (genitive -s folded) the type with the highest summed
    confidence among them."""
    keys = [tuple(words[k][first:end]) for k, first, end, _, _ in mentions]
    surfaces = set(keys)

    def base(key: tuple[str, ...]) -> tuple[str, ...]:
        last = key[-1]
        if len(last) > 3 and last[-1] == "s" and key[:-1] + (last[:-1],) in surfaces:
            return key[:-1] + (last[:-1],)
        return key

    votes: dict[tuple[str, ...], dict[str, float]] = {}
    for key, (_, _, _, kind, conf) in zip(keys, mentions):
        tally = votes.setdefault(base(key), {})
        tally[kind] = tally.get(kind, 0.0) + conf
    for key, mention in zip(keys, mentions):
        tally = votes[base(key)]
        if len(tally) > 1:
            mention[3] = max(sorted(tally), key=tally.get)


_ARTICLES = frozenset("die der den dem".split())


def national_short_forms(words: list[list[str]], mentions: list[list]) -> None:
    """After "Deutsche Bahn" (or Post, Telekom, Bank), "die Bahn" is the company: news calls a
    "Deutsche ..." by its noun with the article."""
    nouns = {words[m[0]][m[2] - 1] for m in mentions
             if m[3] == "ORG" and m[2] - m[1] == 2 and words[m[0]][m[1]] in ("Deutsche", "Deutschen", "Deutscher")}
    if not nouns:
        return
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            if sentence[i] in nouns and sentence[i - 1].lower() in _ARTICLES and (k, i) not in covered:
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


# federal and state institutions written as one word: "Bundeswirtschaftsministerium",
# "Bundeskartellamt", "Landtag"; not "Bundesregierung" (GermEval, like most style guides, reads
# "the government" as a description) and not titles ("Landesrat", "Stadtrat" are also people)
_INSTITUTION_WORD = re.compile(
    r"(?:(?:Bundes|Landes)[a-zäöüß]*(?:ministerium|amt|agentur|behörde|gericht|gerichtshof|kammer|"
    r"bank|tag|wehr|anstalt)|Bundesrat|Landtag)(?:e?s)?")


def federal_institutions(words: list[list[str]], mentions: list[list]) -> None:
    """Institutions the model left untagged ("Der Bundesrat muss zustimmen", "vom
    Bundeswirtschaftsministerium geprüft") become organizations: they are unique bodies, as
    named in the news, though each is also a word of the noun lexicon."""
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if (k, i) not in covered and _INSTITUTION_WORD.fullmatch(word):
                mentions.append([k, i, i + 1, "ORG", 0.0])


# words (and heads of compounds) for a kind of organization, which the name after them is
_ORGANIZATION_WORDS = ("zeitung", "zeitschrift", "magazin", "partei", "verein", "verband", "konzern",
                       "unternehmen", "firma", "hersteller", "startup", "start-up", "gewerkschaft",
                       "agentur", "privatbank", "band", "verlag", "sender", "fonds", "club", "klub")


def introduced_organizations(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"das Berliner KI-Start-up Veltora", "der Hersteller Norvik": a capitalized word that is
    no common noun and no known place, right after a word for a company, is that company where
    the model found nothing (and so is the same word elsewhere in the document)."""
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            before, word = sentence[i - 1], sentence[i]
            low = before.lower()
            if ((k, i) not in covered and word[:1].isupper() and word.isalpha()
                    and (low in features.ORG_CUES or is_descriptor(before))
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


_PLACE_WORDS = frozenset(("stadt", "gemeinde", "dorf", "ortschaft", "ortsteil", "kreisstadt", "hauptstadt",
                          "landeshauptstadt", "metropole", "landkreis", "bundesland", "insel", "fluss",
                          "hafenstadt", "großstadt", "kleinstadt", "nachbarstadt", "nachbargemeinde"))


def after_place_words(words: list[list[str]], mentions: list[list], nouns) -> None:
    """"Die Stadt Grauenfurt hat angekündigt": an untagged capitalized word that is no common
    noun, right after a word for a kind of place, is a place (and so is the same word elsewhere in
    the document: the mention is confident)."""
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            word = sentence[i]
            if (sentence[i - 1].lower() in _PLACE_WORDS and (k, i) not in covered and word[:1].isupper()
                    and word.replace("-", "").isalpha() and word.lower() not in nouns):
                mentions.append([k, i, i + 1, "LOC", CONFIDENT])


def team_names(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Eintracht Wolfsfelde", "Falken Rothenstein": a club word or mascot before a capitalized
    word that is no common noun is a team, whether the model read it as another name ("other"),
    a place, two names, or nothing (the team is then looked for in the rest of the document,
    and so is its short form "die Eintracht"). A person stays one: "Viktoria Brandt"."""
    starts = {(m[0], m[1]): m for m in mentions}
    covered = _covered(mentions)
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
            elif rest is not None and (team is not None or (k, i) not in covered):
                if rest[3] == "PER" and team is None and club in lexicon.first:
                    continue  # "Viktoria Brandt"
                if team is not None:
                    mentions.remove(team)
                rest[1], rest[3] = i, "ORG"
            elif (team is None and (k, i) not in covered and (k, i + 1) not in covered
                  and town.replace("-", "").isalpha() and town.lower() not in lexicon.nouns):
                mentions.append([k, i, i + 2, "ORG", CONFIDENT])


def known_organizations(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """Well-known organizations of several words that the model left untagged, in whatever case
    the sentence puts them: "Das Europäische Parlament", "der Europäischen Zentralbank" (the
    list has them in their citation form, see name_forms)."""
    covered = _covered(mentions)
    longest = lexicon.max_multi
    heads = {name[-1] for name in lexicon.multi_org}  # a quick test before the citation form
    for k, sentence in enumerate(words):
        i = 0
        while i < len(sentence) - 1:
            found = 0
            if sentence[i][:1].isupper() and (k, i) not in covered:
                for length in range(min(longest, len(sentence) - i), 1, -1):
                    candidate = sentence[i:i + length]
                    last = candidate[-1]
                    if not (last in heads or last[:-1] in heads or last[:-2] in heads) \
                            or any((k, j) in covered for j in range(i, i + length)):
                        continue
                    cited = citation_form(" ".join(candidate), lambda w: lexicon.hanta.get(w.lower()) == "htADJ")
                    if tuple(cited.split()) in lexicon.multi_org:
                        found = length
                        break
            if found:
                mentions.append([k, i, i + found, "ORG", CONFIDENT])
                i += found
            else:
                i += 1


_COMPASS = re.compile(r"(Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mittel|Zentral|Ober|Nieder)-?(\w+)")


_DISTRICT = re.compile(r"(\w+)-(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Mitte|Altstadt|Zentrum)")


def compass_places(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Ostalpen", "Nordhessen", "Süd-Tirol": a direction before a known place is a place, and
    "Berlin-Mitte", "Kaltenbrunn-Nord" (a known place, or a place named in the document) one
    after it; the model left them untagged (the same word elsewhere in the document is one too)."""
    covered = _covered(mentions)
    places = {" ".join(words[m[0]][m[1]:m[2]]) for m in mentions if m[3] == "LOC"}
    for k, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if (k, i) in covered:
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


_NAME_PARTICLES = frozenset("von van de da di del der den bin ibn bint ben al el zu ter ten dos du le la".split())


def name_particles(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Abdulaziz bin Salman", "Ursula von der Leyen": a person's name goes on through a particle
    to a second part the model read as another person or left untagged (a surname, or a word
    that is no common noun: not "Meier von der Feuerwehr")."""
    covered = _covered(mentions)
    starts = {(m[0], m[1]): m for m in mentions}
    merged: set[int] = set()  # ids of the mentions joined into the one before them
    for person in sorted((m for m in mentions if m[3] == "PER"), key=lambda m: (m[0], m[1])):
        if id(person) in merged:
            continue
        k, end, sentence = person[0], person[2], words[person[0]]
        for gap in (1, 2):
            j = end + gap
            if j >= len(sentence) or not all(w in _NAME_PARTICLES for w in sentence[end:j]):
                continue
            rest = starts.get((k, j))
            word = sentence[j]
            if rest is not None and rest[3] == "PER":
                person[2] = rest[2]
                merged.add(id(rest))
            elif rest is None and (k, j) not in covered and word[:1].isupper() and word.isalpha() \
                    and (word in lexicon.last or word.lower() not in lexicon.nouns
                         and features.noun_head(word.lower(), lexicon.nouns) < 4):  # not "Investmentbank"
                person[2] = j + 1
            else:
                continue
            break
    if merged:
        mentions[:] = [m for m in mentions if id(m) not in merged]


# "Frankfurter Börse", "Kölner Stadtwerke": a town's adjective before a word for an institution
_TOWN_INSTITUTIONS = ("börse", "messe", "zeitung", "rundschau", "nachrichten", "stadtwerke",
                      "verkehrsbetriebe", "sparkasse", "volksbank", "bank", "philharmoniker", "oper",
                      "zoo", "tafel", "versicherung", "verlag", "universität", "hochschule", "klinik",
                      "klinikum", "kunsthalle", "museum")


def town_institutions(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"An der Frankfurter Börse", "die Kölner Verkehrsbetriebe": the adjective of a known town
    and a word for an institution are one organization where the model found nothing."""
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        for i in range(len(sentence) - 1):
            town, head = sentence[i], sentence[i + 1]
            if (town.endswith("er") and head[:1].isupper() and head.lower().endswith(_TOWN_INSTITUTIONS)
                    and (town[:-2] in lexicon.place or town[:-1] in lexicon.place)
                    and (k, i) not in covered and (k, i + 1) not in covered):
                mentions.append([k, i, i + 2, "ORG", CONFIDENT])


# bodies of the EU, the US and the UN written with their prefix: "US-Senat", "EU-Parlament"
_PREFIXED_INSTITUTION = re.compile(
    r"(?:US|EU|UN|UNO)-(?:Senat|Kongress|Repräsentantenhaus|Parlament|Kommission|Notenbank|Zentralbank"
    r"|Sicherheitsrat|Menschenrechtsrat|Generalversammlung|Gerichtshof)(?:e?s)?")


def prefixed_institutions(words: list[list[str]], mentions: list[list]) -> None:
    """"Der US-Senat hat gestimmt": the body is an organization (GermEval calls most compounds
    with "US-" a part of a name, "US-Präsident" or "EU-Mitgliedstaaten"; these few are names)."""
    covered = _covered(mentions)
    for k, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if (k, i) not in covered and _PREFIXED_INSTITUTION.fullmatch(word):
                mentions.append([k, i, i + 1, "ORG", 0.0])


# organizations named with an adjective after a word for their kind: "Verband Deutscher
# Maschinen- und Anlagenbau", "Bund Deutscher Architekten", "Stiftung Deutsche Krebshilfe"
BODY_WORDS = ("verband", "verein", "bund", "institut", "stiftung", "akademie", "gesellschaft",
               "vereinigung", "arbeitsgemeinschaft", "zentrum", "kammer")


def bodies_before_names(words: list[list[str]], mentions: list[list]) -> None:
    """An organization the model found from its adjective on ("Deutscher Maschinen- und
    Anlagenbau") starts with the word for its kind right before it ("Verband")."""
    covered = _covered(mentions)
    for mention in mentions:
        k, first, _, kind = mention[:4]
        if kind != "ORG" or first == 0 or (k, first - 1) in covered:
            continue
        before, word = words[k][first - 1], words[k][first]
        if before[:1].isupper() and before.lower().endswith(BODY_WORDS) and word.endswith(("er", "e", "en")):
            mention[1] = first - 1


# last words of company names in English ("Ferrowind Capital", "Jato Dynamics", "Lumivia Robotics")
_CORPORATE_HEADS = frozenset(("capital", "ventures", "partners", "labs", "systems", "technologies",
                              "solutions", "robotics", "dynamics", "networks", "industries",
                              "enterprises", "investments", "pharmaceuticals", "therapeutics",
                              "semiconductor", "semiconductors", "airlines", "motors", "studios",
                              "institute", "foundation", "council", "association", "university", "college"))
# of those, the ones that also follow a name the model read alone ("vom Peterson Institute")
_INSTITUTION_HEADS = frozenset(("institute", "foundation", "council", "association", "university", "college"))


def corporate_names(words: list[list[str]], mentions: list[list], nouns) -> None:
    """A name of two or more words that ends in an English company word is a company, whatever
    the model read it as: no person, place or work is called "Ferrowind Capital". Left untagged after
    a word for a company, a capitalized word that is no common noun and such a company word are
    one too ("der Investor Alpenblick Ventures"; not "von Venture Capital")."""
    covered = _covered(mentions)
    for mention in mentions:
        k, first, end, kind = mention[:4]
        sentence = words[k]
        if kind in ("PER", "LOC") and end < len(sentence) and (k, end) not in covered \
                and sentence[end][:1].isupper() and sentence[end].lower() in _INSTITUTION_HEADS:
            mention[2] = end = end + 1  # "Peterson" of "vom Peterson Institute"
            covered.add((k, end - 1))
        if kind in ("PER", "LOC", "OTH") and end - first > 1 and sentence[end - 1].lower() in _CORPORATE_HEADS:
            mention[3] = "ORG"
    for k, sentence in enumerate(words):
        for i in range(2, len(sentence)):
            head, word, before = sentence[i], sentence[i - 1], sentence[i - 2].lower()
            if (head.lower() in _CORPORATE_HEADS and head[:1].isupper() and word[:1].isupper()
                    and (before in features.ORG_CUES or is_descriptor(before))
                    and word.isalpha() and word.lower() not in nouns
                    and (k, i) not in covered and (k, i - 1) not in covered):
                mentions.append([k, i - 1, i + 1, "ORG", 1.0])
