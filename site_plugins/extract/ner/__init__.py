"""German named-entity recognizer: people, organizations, places (and other names).

    >>> find_names("Die Halvorsen Logistik AG aus Pirmasens hat Jördis Quandtmeyer ernannt.")
    [(4, 25, 'ORG'), (30, 39, 'LOC'), (44, 62, 'PER')]

A linear-chain CRF (python-crfsuite) over the tokens of each sentence, trained on GermEval 2014
by `training/train_ner.py`, with lexicon features (see `features.py`). Everything it needs ships
in `data/`; nothing is downloaded. The model loads on first use (about 0.2 s) and is shared.

Offsets are character offsets into the given text; types are PER, ORG, LOC and OTH (other
names: works, events, products), which the caller maps as it needs. Hyphenated compounds are
single tokens and come out as they were annotated in GermEval: "OpenAI-Mitarbeiter" and
"US-Exportbeschränkungen" are no name at all (GermEval's ORGpart/LOCpart, trained as "O");
the caller counts such compounds as mentions of the name they start with.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path

from . import features
from .tokenize import split_sentences, tokenize

__all__ = ["find_names", "load"]

MODEL_PATH = features.DATA_DIR / "ner.crfsuite"
TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})
CACHE_SIZE = 200_000

_lock = threading.Lock()
_recognizer: _Recognizer | None = None


class _Recognizer:
    def __init__(self, model_path: Path = MODEL_PATH) -> None:
        import pycrfsuite

        if not model_path.exists():
            raise FileNotFoundError(f"{model_path}: NER model missing; run training/train_ner.py")
        self.lexicon = features.Lexicon()
        self.lexicon.seen = features.load_seen(features.seen_path(model_path))
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        self.cache: dict = {}  # word -> its features, shared by the documents (bounded)

    def tag(self, text: str) -> list[tuple[list[tuple[int, int]], list[str], list[float]]]:
        """Per sentence: token spans, BIO labels and the marginal probabilities of the labels
        of names (1.0 for "O")."""
        out = []
        cache = self.cache
        if len(cache) > CACHE_SIZE:
            cache.clear()
        for sentence in split_sentences(text, tokenize(text)):
            words = [text[a:b] for a, b in sentence]
            xseq = features.sentence_features(words, self.lexicon, cache)
            labels = self.tagger.tag(xseq)
            marginal = self.tagger.marginal
            probs = [1.0 if label == "O" else marginal(label, i) for i, label in enumerate(labels)]
            out.append((sentence, bio_labels(labels), probs))
        return out


def load() -> _Recognizer:
    """The shared recognizer, loaded on first call."""
    global _recognizer
    if _recognizer is None:
        with _lock:
            if _recognizer is None:
                _recognizer = _Recognizer()
    return _recognizer


def bio_labels(labels: list[str]) -> list[str]:
    """BIO labels from the model's BILOU labels (the model also learns where names end:
    L- last token, U- a name of one token)."""
    return [("B-" if label[0] == "U" else "I-") + label[2:] if label[0] in "UL" else label
            for label in labels]


def bilou_labels(labels: list[str]) -> list[str]:
    """BILOU labels for training from BIO labels (the inverse of `bio_labels`)."""
    out = []
    for i, label in enumerate(labels):
        following = labels[i + 1] if i + 1 < len(labels) else "O"
        continues = following == "I-" + label[2:]
        if label.startswith("B-"):
            out.append(("B-" if continues else "U-") + label[2:])
        elif label.startswith("I-"):
            out.append(("I-" if continues else "L-") + label[2:])
        else:
            out.append(label)
    return out


def _decode(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, label type) of BIO runs; an I- that does not continue a run
    of the same type starts one, or, right after a run of another type, takes it over:
    B-PER I-ORG I-ORG for "Kolbinger Antriebstechnik GmbH" is one organization."""
    spans = []
    start, kind = None, None
    for i, label in enumerate(labels + ["O"]):
        if label.startswith("I-") and kind is not None:
            kind = label[2:]
            continue
        if kind is not None:
            spans.append((start, i, kind))
            start, kind = None, None
        if label != "O":
            start, kind = i, label[2:]
    return spans


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Names in German `text` as (start, end, type), sorted by start; type is PER, ORG, LOC
    or OTH. A genitive stays in the span ("Deepseeks").

    Two passes: the CRF tags each sentence; then the names it tagged with confidence are
    looked up in the rest of the document, so a later "Quandtmeyer" or "Quandtmeyers" after
    "Jördis Quandtmeyer" is a person too, a later "Kelmora" after "Kelmora Software SE" an
    organization, and a name keeps its confident type throughout."""
    recognizer = load()
    tagged = recognizer.tag(text)
    mentions: list[list] = []  # [sentence index, first token, end token, type, confidence]
    words = [[text[a:b] for a, b in sentence] for sentence, _, _ in tagged]
    for k, (sentence, labels, probs) in enumerate(tagged):
        for first, end, kind in name_spans(words[k], labels):
            mentions.append([k, first, end, kind, min(probs[first:end])])
    _corporate_names(words, mentions, recognizer.lexicon.nouns)
    _after_place_words(words, mentions, recognizer.lexicon.nouns)
    _agree_across_document(words, mentions, recognizer.lexicon.nouns)
    _known_places(words, mentions, recognizer.lexicon)
    _federal_institutions(words, mentions)
    _after_organization_words(words, mentions, recognizer.lexicon)
    spans = ((tagged[k][0][first][0], tagged[k][0][end - 1][1], kind)
             for k, first, end, kind, _ in mentions)
    return sorted(span for span in spans if _has_letter(text, span[0], span[1]))


def _known_places(words: list[list[str]], mentions: list[list], lexicon) -> None:
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


def _federal_institutions(words: list[list[str]], mentions: list[list]) -> None:
    """Institutions the model left untagged ("Der Bundesrat muss zustimmen", "vom
    Bundeswirtschaftsministerium geprüft") become organizations: they are unique bodies, as
    named in the news, though each is also a word of the noun lexicon."""
    covered = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
    for k, sentence in enumerate(words):
        for i, word in enumerate(sentence):
            if (k, i) not in covered and _INSTITUTION_WORD.fullmatch(word):
                mentions.append([k, i, i + 1, "ORG", 0.0])


# words (and heads of compounds) for a kind of organization, which the name after them is
_ORGANIZATION_WORDS = ("zeitung", "zeitschrift", "magazin", "partei", "verein", "verband", "konzern",
                       "unternehmen", "firma", "hersteller", "startup", "start-up", "gewerkschaft",
                       "agentur", "privatbank", "band", "verlag", "sender", "fonds", "club", "klub")


def _after_organization_words(words: list[list[str]], mentions: list[list], lexicon) -> None:
    """"in der Fachzeitschrift Soil Horizons", "die Band Rainrock": a name right after a word for
    a kind of organization is that organization, though the model read a person or a place (a
    known place stays one: "Sender Freies Berlin" is not meant here)."""
    for mention in mentions:
        k, first, end, kind = mention[:4]
        if kind in ("PER", "LOC") and first > 0 and words[k][first - 1].lower().endswith(_ORGANIZATION_WORDS):
            name = " ".join(words[k][first:end])
            if name not in lexicon.place and name not in lexicon.country:
                mention[3] = "ORG"


_PLACE_WORDS = frozenset(("stadt", "gemeinde", "dorf", "ortschaft", "ortsteil", "kreisstadt", "hauptstadt",
                          "landeshauptstadt", "metropole", "landkreis", "bundesland", "insel", "fluss",
                          "hafenstadt", "großstadt", "kleinstadt", "nachbarstadt", "nachbargemeinde"))


def _after_place_words(words: list[list[str]], mentions: list[list], nouns) -> None:
    """"Die Stadt Grauenfurt hat angekündigt": an untagged capitalized word that is no common
    noun, right after a word for a kind of place, is a place (and so is the same word elsewhere in
    the document: the mention is confident)."""
    covered = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
    for k, sentence in enumerate(words):
        for i in range(1, len(sentence)):
            word = sentence[i]
            if (sentence[i - 1].lower() in _PLACE_WORDS and (k, i) not in covered and word[:1].isupper()
                    and word.replace("-", "").isalpha() and word.lower() not in nouns):
                mentions.append([k, i, i + 1, "LOC", CONFIDENT])


# last words of company names in English ("Ferrowind Capital", "Jato Dynamics", "Lumivia Robotics")
_CORPORATE_HEADS = frozenset(("capital", "ventures", "partners", "labs", "systems", "technologies",
                              "solutions", "robotics", "dynamics", "networks", "industries",
                              "enterprises", "investments", "pharmaceuticals", "therapeutics",
                              "semiconductor", "semiconductors", "airlines", "motors", "studios"))


def _corporate_names(words: list[list[str]], mentions: list[list], nouns) -> None:
    """A name of two or more words that ends in an English company word is a company, whatever
    the model read it as: no person or place is called "Ferrowind Capital". Left untagged after
    a word for a company, a capitalized word that is no common noun and such a company word are
    one too ("der Investor Alpenblick Ventures"; not "von Venture Capital")."""
    for mention in mentions:
        k, first, end, kind = mention[:4]
        if kind in ("PER", "LOC") and end - first > 1 and words[k][end - 1].lower() in _CORPORATE_HEADS:
            mention[3] = "ORG"
    covered = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
    for k, sentence in enumerate(words):
        for i in range(2, len(sentence)):
            head, word, before = sentence[i], sentence[i - 1], sentence[i - 2].lower()
            if (head.lower() in _CORPORATE_HEADS and head[:1].isupper() and word[:1].isupper()
                    and (before in features.ORG_CUES or _is_descriptor(before))
                    and word.isalpha() and word.lower() not in nouns
                    and (k, i) not in covered and (k, i - 1) not in covered):
                mentions.append([k, i - 1, i + 1, "ORG", 1.0])


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in text[start:end])


def name_spans(words: list[str], labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of the names in one tagged sentence: BIO runs of
    PER/ORG/LOC/OTH without punctuation at their ends, coordinations split, an organization
    without the words that describe it, an institution with the place it is named after."""
    spans = []
    for first, end, kind in _decode(labels):
        if kind not in TYPES:
            continue
        if kind in ("LOC", "ORG") and _follows_institution(words, labels, spans, first):
            if spans and spans[-1] == (first - 1, first, "ORG"):
                spans.pop()
            first, kind = first - 1, "ORG"
        while first < end and not any(ch.isalnum() for ch in words[first]):
            first += 1
        while end > first and not any(ch.isalnum() for ch in words[end - 1]):
            end -= 1
        if kind == "ORG":
            first = _after_descriptor(words, first, end)
        if first < end:
            spans.extend((a, b, kind) for a, b in _split_coordination(words, first, end))
    return spans


# institutions named after their place: "Kunstmuseum Halbergen", "Sparkasse Halbergen", "Landtag"
_INSTITUTIONS = ("museum", "theater", "sparkasse", "stadtwerke", "kreistag", "landtag", "stadtrat",
                 "gemeinderat", "universität", "hochschule", "klinikum", "gymnasium", "volksbank",
                 "gericht", "bistum", "philharmonie", "orchester", "kammerspiele", "oper")
# team names of German leagues: a mascot before the town ("Eisbären Berlin", "Falken Rothenstein")
_TEAM_WORDS = frozenset(("falken", "eisbären", "adler", "haie", "löwen", "füchse", "pinguine", "pinguins",
                         "grizzlys", "huskies", "baskets", "towers", "skyliners", "tigers", "panther",
                         "wölfe", "bären", "bulls", "lions", "dragons", "giants", "eagles", "hurricanes"))


def _follows_institution(words: list[str], labels: list[str], spans: list, first: int) -> bool:
    """"Kunstmuseum Halbergen", "Sparkasse Halbergen", "Falken Rothenstein": a place (or a name
    read as an organization) right after an institution word or a team's mascot (untagged, or
    tagged alone as an organization) names the institution or team, not the place."""
    before = words[first - 1] if first > 0 else ""
    low = before.lower()
    team = low in _TEAM_WORDS and not words[first].endswith("s")  # not "die Löwen Afrikas"
    if not (before[:1].isupper() and (low.endswith(_INSTITUTIONS) or team)):
        return False
    return labels[first - 1] == "O" or (bool(spans) and spans[-1] == (first - 1, first, "ORG"))


# words that describe an organization without being part of its name
_DESCRIPTORS = ("konzern", "start-up", "startup", "unternehmen", "firma", "hersteller", "anbieter",
                "entwickler", "zulieferer", "investor", "finanzinvestor")


def _is_descriptor(word: str) -> bool:
    """"Softwarekonzern", "Robotik-Start-up", "Windparkfirma", "Unternehmen", "Maschinenbauer"
    (but not the surname "Bauer")."""
    low = word.lower()
    return low.endswith(_DESCRIPTORS) or (low.endswith("bauer") and len(low) > 5)


def _after_descriptor(words: list[str], first: int, end: int) -> int:
    """The first token of an organization's name inside a tagged span that begins with what
    describes it: "(Münchner Robotik-Start-up) Lumivia Robotics", "(Windparkfirma) Nordvinge"."""
    for j in range(end - 2, first - 1, -1):
        if _is_descriptor(words[j]) and words[j + 1][:1].isupper():
            return j + 1
    return first


_CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
_INSTITUTION_WORDS = frozenset({"für", "der", "des", "von", "zur", "zum"})


def _split_coordination(words: list[str], first: int, end: int) -> list[tuple[int, int]]:
    """"Frankfurt und Karlsruhe", "Allianz und Commerzbank": two names, not one; but
    "Handels- und Gewerbeverein" and "Hochschule für Technik und Wirtschaft" stay whole."""
    span = words[first:end]
    if not _CONJUNCTIONS & set(span) or _INSTITUTION_WORDS & set(span):
        return [(first, end)]
    parts, start = [], first
    for j in range(first + 1, end - 1):
        if words[j] in _CONJUNCTIONS and not words[j - 1].endswith("-") and words[j + 1][:1].isupper():
            parts.append((start, j))
            start = j + 1
    parts.append((start, end))
    return parts


CONFIDENT = 0.8   # a mention this sure of its type is looked for in the rest of the document


def _agree_across_document(words: list[list[str]], mentions: list[list], nouns) -> None:
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
    covered = {(m[0], i) for m in mentions for i in range(m[1], m[2])}
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
    the CRF alone reads such an unknown word as a surname. A team is called by its mascot ("die
    Falken" of "Falken Rothenstein")."""
    out: set[tuple[str, ...]] = set()
    for k, first, end, kind, _ in mentions:
        if kind != "ORG" or end - first < 2:
            continue
        head = words[k][first]
        before = words[k][first - 1].lower() if first > 0 else ""
        introduced = (words[k][end - 1].lower() in features.ORG_SUFFIXES
                      or words[k][end - 1].lower() in _CORPORATE_HEADS
                      or before in features.ORG_CUES or _is_descriptor(before))
        if head.lower() in _TEAM_WORDS:  # "die Falken" after "Falken Rothenstein"
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
