"""The document pass over all the names the model found in one article: a name keeps one type
throughout (its confident mentions vote), and is found again where the model missed it (a
surname alone, a company's short form, a genitive); a person's name goes on through its
particles ("Ursula von der Leyen"). Rules that settle names from the words around them are in
`organizations.py` and `places.py`.

A mention is a list [sentence index, first token, end token, type, confidence]; every rule
changes the list of mentions in place."""
from __future__ import annotations

from . import features
from .words import CORPORATE_HEADS, TEAM_WORDS, is_descriptor, seated

CONFIDENT = 0.8   # a mention this sure of its type is looked for in the rest of the document


def covered(mentions: list[list]) -> set[tuple[int, int]]:
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
    taken = covered(mentions)
    for k, sentence in enumerate(words):
        i = 0
        while i < len(sentence):
            match = 0
            if sentence[i][:1].isupper() and (k, i) not in taken:
                for length in range(min(longest, len(sentence) - i), 0, -1):
                    key = tuple(sentence[i:i + length])
                    if key in known and not any((k, j) in taken for j in range(i, i + length)):
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
    Softwarekonzern Quillmont Systems") or with its seat ("Nordkai Frischetransporte mit Sitz in
    Hamburg"): news calls a company by its first word afterwards, and
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
                      or words[k][end - 1].lower() in CORPORATE_HEADS
                      or before in features.ORG_CUES or is_descriptor(before)
                      or seated(words[k], end))
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


_NAME_PARTICLES = frozenset("von van de da di del der den bin ibn bint ben al el zu ter ten dos du le la".split())


def name_particles(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"Abdulaziz bin Salman", "Ursula von der Leyen": a person's name goes on through a particle
    to a second part the model read as another person or left untagged (a surname, or a word
    that is no common noun: not "Meier von der Feuerwehr")."""
    taken = covered(mentions)
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
            elif rest is None and (k, j) not in taken and word[:1].isupper() and word.isalpha() \
                    and (word in lexicon.last or word.lower() not in lexicon.nouns
                         and features.noun_head(word.lower(), lexicon.nouns) < 4):  # not "Investmentbank"
                person[2] = j + 1
            else:
                continue
            break
    if merged:
        mentions[:] = [m for m in mentions if id(m) not in merged]
