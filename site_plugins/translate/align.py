"""Sentence alignment of a German article and an existing English translation.

In the manner of Gale & Church (1993) and hunalign: dynamic programming over beads of one or
two sentences (1-1, 1-2, 2-1, 1-0, 0-1), each scored by how well the character lengths agree
plus anchors both sides share: numbers (read as values, so "2,5 Mio." meets "2.5 million") and
capitalized words spelled the same in both languages (names). The result lists the beads, the
sentences left without a partner, and the beads the evidence supports only weakly.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .check_values import english_values, german_values

# English characters per German character, and the variance of the difference per German
# character: measured on tests/data/check_pairs.jsonl (0.915 and 1.04); the variance is
# doubled for looser human translations (Gale & Church measured 6.8 for EN-DE/FR).
EN_PER_DE = 0.915
VARIANCE = 2.0
# -log prior of each bead shape (Gale & Church's frequencies), as (German, English) counts.
_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
           (1, 2): 0.089 / 2}
_ANCHOR_BONUS = 2.0  # per anchor shared by the two sides of a bead
_ANCHOR_MISS = 0.75  # per anchor on one side only
_LOW_CONFIDENCE_DELTA = 2.0  # lengths this many deviations apart, with no anchor, are doubtful
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass(frozen=True)
class Bead:
    """German sentences `de` correspond to English sentences `en` (index ranges)."""

    de: range
    en: range
    cost: float
    confident: bool


@dataclass(frozen=True)
class Alignment:
    beads: tuple[Bead, ...]

    @property
    def unaligned_de(self) -> tuple[int, ...]:
        """German sentences that have no English translation."""
        return tuple(i for bead in self.beads if not bead.en for i in bead.de)

    @property
    def unaligned_en(self) -> tuple[int, ...]:
        """English sentences that translate no German sentence."""
        return tuple(j for bead in self.beads if not bead.de for j in bead.en)

    @property
    def low_confidence(self) -> tuple[Bead, ...]:
        """Paired beads a person should look at before they enter the memory."""
        return tuple(b for b in self.beads if b.de and b.en and not b.confident)


@dataclass(frozen=True)
class _Sentence:
    length: int
    anchors: Counter


def align(de_sentences: list[str], en_sentences: list[str]) -> Alignment:
    """Align two lists of sentences; every sentence is in exactly one bead, in order."""
    de_anchors = [_anchors(s, german_values) for s in de_sentences]
    en_anchors = [_anchors(s, english_values) for s in en_sentences]
    # an anchor is evidence only if both texts have it: German capitalizes every noun
    both = set().union(*de_anchors) & set().union(*en_anchors)
    de = [_Sentence(len(s), _keep(a, both)) for s, a in zip(de_sentences, de_anchors)]
    en = [_Sentence(len(s), _keep(a, both)) for s, a in zip(en_sentences, en_anchors)]
    best = _best_paths(de, en)
    beads = []
    i, j = len(de), len(en)
    while i or j:
        _, (di, dj), bead_cost, confident = best[i][j]
        beads.append(Bead(range(i - di, i), range(j - dj, j), round(bead_cost, 3), confident))
        i, j = i - di, j - dj
    return Alignment(tuple(reversed(beads)))


def aligned_pairs(alignment: Alignment, de_sentences: list[str],
                  en_sentences: list[str]) -> list[tuple[str, str]]:
    """(German, English) text of each bead, sentences of a side joined by a space."""
    return [(" ".join(de_sentences[i] for i in bead.de), " ".join(en_sentences[j] for j in bead.en))
            for bead in alignment.beads]


def _best_paths(de: list[_Sentence], en: list[_Sentence]) -> list[list[tuple]]:
    """best[i][j] = (total cost, step taken, cost of that bead, confident) to align prefixes."""
    best: list[list[tuple]] = [[(math.inf, (0, 0), 0.0, True)] * (len(en) + 1)
                               for _ in range(len(de) + 1)]
    best[0][0] = (0.0, (0, 0), 0.0, True)
    for i in range(len(de) + 1):
        for j in range(len(en) + 1):
            for di, dj in _PRIORS:
                if (di or dj) and i >= di and j >= dj and best[i - di][j - dj][0] < math.inf:
                    cost, confident = _bead_cost(de[i - di:i], en[j - dj:j])
                    total = best[i - di][j - dj][0] + cost
                    if total < best[i][j][0]:
                        best[i][j] = (total, (di, dj), cost, confident)
    return best


def _bead_cost(de: list[_Sentence], en: list[_Sentence]) -> tuple[float, bool]:
    """-log probability of a bead, lowered by shared anchors; and whether it is confident."""
    de_anchors = sum((s.anchors for s in de), Counter())
    en_anchors = sum((s.anchors for s in en), Counter())
    shared = sum((de_anchors & en_anchors).values())
    missed = sum((de_anchors - en_anchors).values()) + sum((en_anchors - de_anchors).values())
    prior = -math.log(_PRIORS[(len(de), len(en))])
    anchor_cost = _ANCHOR_MISS * missed - _ANCHOR_BONUS * shared
    if not de or not en:
        return prior + anchor_cost, True
    delta = _length_delta(sum(s.length for s in de), sum(s.length for s in en))
    length_cost = -math.log(max(2 * (1 - _normal_cdf(abs(delta))), 1e-12))
    confident = shared > 0 and shared >= missed or (abs(delta) < _LOW_CONFIDENCE_DELTA
                                                    and len(de) == len(en))
    return prior + length_cost + anchor_cost, confident


def _length_delta(de_length: int, en_length: int) -> float:
    mean = (de_length + en_length / EN_PER_DE) / 2
    return (en_length - de_length * EN_PER_DE) / math.sqrt(max(mean, 1.0) * VARIANCE)


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def _keep(anchors: Counter, keys: set) -> Counter:
    return Counter({key: n for key, n in anchors.items() if key in keys})


def _anchors(sentence: str, read_values) -> Counter:
    """Numbers (by value) and capitalized words, except the sentence's first word."""
    anchors: Counter = Counter()
    for value in read_values(sentence):
        if value.strong:
            anchors["#" + format(max(value.numbers), "g")] += 1
    words = _WORD.findall(sentence)
    for word in words[1:]:
        if word[0].isupper() and len(word) > 1:
            anchors[word.rstrip("s’'").lower()] += 1
    return anchors
