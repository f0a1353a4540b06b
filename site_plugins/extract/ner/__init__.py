"""German named-entity recognizer: people, organizations, places (and other names).

    >>> find_names("Die Halvorsen Logistik AG aus Pirmasens hat Jördis Quandtmeyer ernannt.")
    [(4, 25, 'ORG'), (30, 39, 'LOC'), (44, 62, 'PER')]

A linear-chain CRF (python-crfsuite) over the tokens of each sentence, trained on GermEval 2014
by `training/train_ner.py`, with lexicon features (see `features.py`). Everything it needs ships
in `data/`; nothing is downloaded. The model loads on first use (about 0.2 s) and is shared.
Rules after the model: `spans.py` (the names of one sentence), `document.py` (one type per name
in the article, names found again), `organizations.py` and `places.py` (names settled by the
words around them and the lexicon).

Offsets are character offsets into the given text; types are PER, ORG, LOC and OTH (other
names: works, events, products), which the caller maps as it needs. Hyphenated compounds are
single tokens and come out as they were annotated in GermEval: "OpenAI-Mitarbeiter" and
"US-Exportbeschränkungen" are no name at all (GermEval's ORGpart/LOCpart, trained as "O");
the caller counts such compounds as mentions of the name they start with.
"""
from __future__ import annotations

import threading
from pathlib import Path

from . import document, features, organizations, places
from .spans import bilou_labels, bio_labels, name_spans  # the labels also serve training
from .tokenize import split_sentences, tokenize

__all__ = ["find_names", "load", "name_spans", "bio_labels", "bilou_labels"]

MODEL_PATH = features.DATA_DIR / "ner.crfsuite"
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


# The rules over one article's mentions, in order. Before the document pass, so that it finds
# these names again elsewhere in the article:
_BEFORE_AGREEMENT = (
    organizations.corporate_names, organizations.team_names, organizations.known_organizations,
    organizations.after_organization_words, organizations.introduced_organizations,
    places.after_place_words, places.compass_places, organizations.institutes,
    organizations.town_institutions, organizations.town_adjectives_before_companies,
    document.name_particles)
# after it: these settle types (or add one-word institutions) without spreading them
_AFTER_AGREEMENT = (
    places.known_places, organizations.known_organizations_alone, organizations.national_short_forms,
    organizations.one_word_institutions, organizations.bodies_before_names)


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
    lexicon = recognizer.lexicon
    for rule in _BEFORE_AGREEMENT:
        rule(words, mentions, lexicon)
    document.agree_across_document(words, mentions, lexicon.nouns)
    for rule in _AFTER_AGREEMENT:
        rule(words, mentions, lexicon)
    spans = ((tagged[k][0][first][0], tagged[k][0][end - 1][1], kind)
             for k, first, end, kind, _ in mentions)
    return sorted(span for span in spans if _has_letter(text, span[0], span[1]))


def _has_letter(text: str, start: int, end: int) -> bool:
    return any(ch.isalpha() for ch in text[start:end])
