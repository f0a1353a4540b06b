"""Names in one tagged sentence: token labels (BIO, and the BILOU the model is trained on)
decoded into spans, with the rules that fix what a sequence labeller gets wrong at the edges of
names: punctuation at the ends, coordinations ("Frankfurt und Karlsruhe"), a description in
front of an organization ("der Softwarekonzern Brovanta"), an institution or team named after
its town ("Sparkasse Halbergen", "Falken Rothenstein")."""
from __future__ import annotations

from .words import TEAM_WORDS, is_descriptor

TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})


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


def decode(labels: list[str]) -> list[tuple[int, int, str]]:
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


def name_spans(words: list[str], labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of the names in one tagged sentence: BIO runs of
    PER/ORG/LOC/OTH without punctuation at their ends, coordinations split, an organization
    without the words that describe it, an institution with the place it is named after."""
    spans = []
    for first, end, kind in decode(labels):
        if kind not in TYPES:
            continue
        if kind in ("LOC", "ORG") and _follows_institution(words, labels, spans, first):
            if spans and spans[-1] == (first - 1, first, "ORG"):
                spans.pop()
            first, kind = first - 1, "ORG"
            if first > 0 and labels[first - 1] == "O" and _is_name_adjective(words[first - 1]):
                first -= 1  # "Freiwillige Feuerwehr Kaltenbrunn", "Evangelische Akademie Tutzing"
        while first < end and not any(ch.isalnum() for ch in words[first]):
            first += 1
        while end > first and not any(ch.isalnum() for ch in words[end - 1]):
            end -= 1
        if end > first and words[end - 1].endswith("-") and end + 1 < len(words) \
                and words[end] in ("und", "oder") and words[end + 1][:1].isupper():
            end += 2  # "Maschinen- und Anlagenbau": a name does not end on a hyphen
        if first >= 2 and words[first - 1] in ("und", "oder") and words[first - 2].endswith("-") \
                and words[first - 2][:1].isupper():
            first -= 2  # nor does it start after one: "Industrie- und Handelskammer Leipzig"
        if kind in ("PER", "LOC") and named_institution(words[end - 1]):
            kind = "ORG"  # "Robert Koch-Institut", "Hans-Böckler-Stiftung": named after a person or place
        if kind in ("ORG", "PER", "LOC"):
            described = _after_descriptor(words, first, end)
            if described > first:  # "(KI-Start-up) Veltora" read as one person: a company
                first, kind = described, "ORG"
        if first < end:
            spans.extend((a, b, kind) for a, b in _split_coordination(words, first, end))
    return spans


# institutions named after their place: "Kunstmuseum Halbergen", "Sparkasse Halbergen",
# "Verbraucherzentrale Hessen", "Staatsanwaltschaft Köln" (not "Polizei": "die US-Bundespolizei FBI"
# describes)
_INSTITUTIONS = ("museum", "theater", "sparkasse", "stadtwerke", "kreistag", "landtag", "stadtrat",
                 "gemeinderat", "universität", "hochschule", "klinikum", "gymnasium", "volksbank",
                 "gericht", "bistum", "philharmonie", "orchester", "kammerspiele", "oper", "zentrale",
                 "staatsanwaltschaft", "feuerwehr", "kammer", "bibliothek", "präsidium", "präsidiums",
                 "direktion", "inspektion", "akademie")
def _follows_institution(words: list[str], labels: list[str], spans: list, first: int) -> bool:
    """"Kunstmuseum Halbergen", "Sparkasse Halbergen", "Falken Rothenstein": a place (or a name
    read as an organization) right after an institution word or a team's mascot (untagged, or
    tagged alone as an organization) names the institution or team, not the place."""
    before = words[first - 1] if first > 0 else ""
    low = before.lower()
    team = low in TEAM_WORDS and not words[first].endswith("s")  # not "die Löwen Afrikas"
    institution = low.endswith(_INSTITUTIONS) or (low.endswith("s") and low.rstrip("es").endswith(_INSTITUTIONS)
                                                  or low[:-1].endswith(_INSTITUTIONS))  # "des Klinikums"
    if not (before[:1].isupper() and (institution or team)):
        return False
    return labels[first - 1] == "O" or (bool(spans) and spans[-1] == (first - 1, first, "ORG"))


_NAMED_AFTER = ("institut", "instituts", "stiftung", "gesellschaft", "klinik", "klinikum", "klinikums",
                "krankenhaus", "krankenhauses", "schule", "gymnasium", "gymnasiums", "universität",
                "hochschule", "zentrum", "zentrums", "museum", "museums")


def named_institution(word: str) -> bool:
    """"Koch-Institut(s)", "Böckler-Stiftung": the last part of a name after a hyphen is an
    institution."""
    return "-" in word and word.rsplit("-", 1)[1].lower().endswith(_NAMED_AFTER)


_ARTICLES = frozenset("die der des dem den das eine einer eines einem einen jede jeder jedes diese dieser "
                      "dieses alle seine ihre unsere eure keine".split())


def _is_name_adjective(word: str) -> bool:
    """A capitalized adjective form that may open an institution's name ("Freiwillige",
    "Städtische"), not an article or pronoun at a sentence start ("Die")."""
    low = word.lower()
    return word[:1].isupper() and word.isalpha() and low.endswith(("e", "en", "er", "es")) and low not in _ARTICLES




def _after_descriptor(words: list[str], first: int, end: int) -> int:
    """The first token of an organization's name inside a tagged span that begins with what
    describes it: "(Münchner Robotik-Start-up) Lumivia Robotics", "(Windparkfirma) Nordvinge"."""
    for j in range(end - 2, first - 1, -1):
        if is_descriptor(words[j]) and words[j + 1][:1].isupper():
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
