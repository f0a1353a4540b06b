"""What the sentence says about each word: a small classifier over the encoder's contextual
vectors (`encoder.py`) guesses each word's name label, and its guesses, at the word and its
neighbours, become features of the contextual CRF.

The classifier alone is a poor tagger (F1 about 0.6 on GermEval: it knows nothing of spellings,
lexicons or label order); as evidence for the CRF it raises held-out F1 from 0.78 to 0.80.
Its weights (`data/context-head.npz`) are trained by `training/train_context.py`.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .features import DATA_DIR

HEAD_PATH = DATA_DIR / "context-head.npz"
LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-OTH", "I-OTH")
TYPES = ("PER", "ORG", "LOC", "OTH")


class Head:
    """A one-hidden-layer network: standardized vector -> ReLU -> softmax over LABELS."""

    def __init__(self, weights: dict[str, np.ndarray]) -> None:
        self.mean, self.scale = weights["mean"], weights["scale"]
        self.w1, self.b1, self.w2, self.b2 = (weights[k] for k in ("w1", "b1", "w2", "b2"))

    @classmethod
    def load(cls, path: Path = HEAD_PATH) -> "Head":
        with np.load(path) as data:
            return cls({k: data[k].astype(np.float32) for k in data.files})

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        x = (vectors - self.mean) / self.scale
        out = np.maximum(0.0, x @ self.w1 + self.b1) @ self.w2 + self.b2
        out = np.exp(out - out.max(axis=1, keepdims=True))
        return out / out.sum(axis=1, keepdims=True)


def context_features(probs: np.ndarray) -> list[list[str]]:
    """CRF features of each word from the label probabilities of it and its neighbours: the
    likeliest label (alone, and with its probability in fifths), and each type's probability
    mass at the word when above 0.1."""
    best = probs.argmax(axis=1)
    fifths = (probs[np.arange(len(probs)), best] * 5).astype(int)
    out = []
    for t in range(len(probs)):
        feats = []
        for offset in (-1, 0, 1):
            i = t + offset
            if 0 <= i < len(probs):
                label = LABELS[best[i]]
                feats.append(f"cx{offset}={label}")
                feats.append(f"cx{offset}={label}|{fifths[i]}")
        for k, kind in enumerate(TYPES):
            mass = probs[t, 1 + 2 * k] + probs[t, 2 + 2 * k]
            if mass > 0.1:
                feats.append(f"cm{kind}={int(mass * 5)}")
        out.append(feats)
    return out
