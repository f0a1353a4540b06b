"""German named-entity recognizer: people, organizations, places (and other names).

    >>> find_names("Die Halvorsen Logistik AG aus Pirmasens hat Jördis Quandtmeyer ernannt.")
    [(4, 25, 'ORG'), (30, 39, 'LOC'), (44, 61, 'PER')]

A linear-chain CRF (python-crfsuite) over the tokens of each sentence, trained on GermEval 2014
by `training/train_ner.py`, with lexicon features (see `features.py`). Everything it needs ships
in `data/`; nothing is downloaded. The model loads on first use (about 0.3 s) and is shared.

Offsets are character offsets into the given text; types are PER, ORG, LOC and OTH (other
names: works, events, products), which the caller maps as it needs. Hyphenated compounds are
single tokens and come out as they were annotated in GermEval: "OpenAI-Mitarbeiter" and
"US-Exportbeschränkungen" are no name at all (GermEval's ORGpart/LOCpart, which we do not
report); `find_name_parts` returns the name inside such compounds.
"""
from __future__ import annotations

import threading
from pathlib import Path

from . import features
from .tokenize import split_sentences, tokenize

__all__ = ["find_names", "find_name_parts", "load"]

MODEL_PATH = features.DATA_DIR / "ner.crfsuite"
TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})

_lock = threading.Lock()
_recognizer: "_Recognizer | None" = None


class _Recognizer:
    def __init__(self, model_path: Path = MODEL_PATH) -> None:
        import pycrfsuite

        if not model_path.exists():
            raise FileNotFoundError(f"{model_path}: NER model missing; run training/train_ner.py")
        self.lexicon = features.Lexicon()
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))

    def tag(self, text: str) -> list[tuple[list[tuple[int, int]], list[str], list[float]]]:
        """Per sentence: token spans, BIO labels and the labels' marginal probabilities."""
        out = []
        cache: dict = {}
        for sentence in split_sentences(text, tokenize(text)):
            words = [text[a:b] for a, b in sentence]
            xseq = features.sentence_features(words, self.lexicon, cache)
            labels = self.tagger.tag(xseq)
            probs = [self.tagger.marginal(label, i) for i, label in enumerate(labels)]
            out.append((sentence, labels, probs))
        return out


def load() -> _Recognizer:
    """The shared recognizer, loaded on first call."""
    global _recognizer
    if _recognizer is None:
        with _lock:
            if _recognizer is None:
                _recognizer = _Recognizer()
    return _recognizer


def _decode(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, label type) of BIO runs; an I- that does not continue a run
    of the same type starts one."""
    spans = []
    start, kind = None, None
    for i, label in enumerate(labels + ["O"]):
        if label.startswith("I-") and label[2:] == kind:
            continue
        if kind is not None:
            spans.append((start, i, kind))
            start, kind = None, None
        if label != "O":
            start, kind = i, label[2:]
    return spans


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Names in German `text` as (start, end, type), sorted by start; type is PER, ORG, LOC
    or OTH. A genitive stays in the span ("Deepseeks")."""
    result = []
    for sentence, labels, _ in load().tag(text):
        for first, end, kind in _decode(labels):
            if kind in TYPES:
                result.append((sentence[first][0], sentence[end - 1][1], kind))
    return sorted(result)


def find_name_parts(text: str) -> list[tuple[int, int, str]]:
    """Names inside hyphenated compounds ("OpenAI" in "OpenAI-Mitarbeiter") as
    (start, end, type) of the name part, for compounds the model tags as containing a name."""
    result = []
    for sentence, labels, _ in load().tag(text):
        for first, end, kind in _decode(labels):
            base = kind.removesuffix("part")
            if kind.endswith("part") and base in TYPES and end - first == 1:
                start, stop = sentence[first]
                hyphen = text.find("-", start, stop)
                if hyphen > start:
                    result.append((start, hyphen, base))
    return sorted(result)
