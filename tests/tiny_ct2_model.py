"""Build a tiny German->English CTranslate2 model laid out like an Argos package.

No registry ships a usable German-English model, and tests must not download one, so the
tests build their own: a one-layer Transformer with random weights (it translates nothing
well; it proves loading, tokenizing, batching and detokenizing) and a SentencePiece model
trained on a few German and English sentences. About 60 KB, built in a fraction of a second.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece

SENTENCES = [
    "Das chinesische Start-up Deepseek hat ein neues Denkmodell vorgestellt.",
    "OpenAI reagiert mit o3-mini und einer Finanzierungsrunde.",
    "Das Rechenzentrum in Texas kostet mehrere Milliarden Dollar.",
    "Die Exportbeschränkungen der USA betreffen Chips von Nvidia.",
    "Sam Altman sagte am Freitag, die KI werde billiger.",
    "The Chinese start-up Deepseek presented a new reasoning model.",
    "OpenAI responds with o3-mini and a funding round.",
    "The data center in Texas costs several billion dollars.",
    "The export restrictions of the USA affect chips from Nvidia.",
    "Sam Altman said on Friday that AI will become cheaper.",
]
VOCAB_SIZE = 120
DIM, FFN, HEADS = 16, 32, 2


def train_sentencepiece() -> bytes:
    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(SENTENCES),
        model_writer=model,
        vocab_size=VOCAB_SIZE,
        model_type="unigram",
        normalization_rule_name="identity",  # no NFKC table: keeps the model a few KB
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    return model.getvalue()


def _fill(spec: object, rng: np.random.Generator, vocab: int) -> None:
    """Give every weight of the spec a small random array of the right shape."""
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = _rand(rng, vocab, DIM)
    decoder.embeddings.weight = _rand(rng, vocab, DIM)
    decoder.projection.weight = _rand(rng, vocab, DIM)
    decoder.projection.bias = np.zeros(vocab, dtype=np.float32)
    for layer in encoder.layer:
        _attention(layer.self_attention, rng, [3 * DIM, DIM])
        _ffn(layer.ffn, rng)
    for layer in decoder.layer:
        _attention(layer.self_attention, rng, [3 * DIM, DIM])
        _attention(layer.attention, rng, [DIM, 2 * DIM, DIM])
        _ffn(layer.ffn, rng)
    _norm(encoder.layer_norm)
    _norm(decoder.layer_norm)


def _rand(rng: np.random.Generator, *shape: int) -> np.ndarray:
    return rng.normal(0.0, 0.2, size=shape).astype(np.float32)


def _norm(norm: object) -> None:
    norm.gamma = np.ones(DIM, dtype=np.float32)
    norm.beta = np.zeros(DIM, dtype=np.float32)


def _linear(linear: object, rng: np.random.Generator, rows: int, cols: int) -> None:
    linear.weight = _rand(rng, rows, cols)
    linear.bias = np.zeros(rows, dtype=np.float32)


def _attention(attention: object, rng: np.random.Generator, rows: list[int]) -> None:
    # Self-attention: fused QKV + output; cross-attention: Q, fused KV, output.
    for linear, size in zip(attention.linear, rows):
        _linear(linear, rng, size, DIM)
    _norm(attention.layer_norm)


def _ffn(ffn: object, rng: np.random.Generator) -> None:
    _linear(ffn.linear_0, rng, FFN, DIM)
    _linear(ffn.linear_1, rng, DIM, FFN)
    _norm(ffn.layer_norm)


def build_argos_dir(root: Path, seed: int = 0) -> Path:
    """Write an Argos-style package (model/, sentencepiece.model, metadata.json) into root."""
    root.mkdir(parents=True, exist_ok=True)
    spm_bytes = train_sentencepiece()
    (root / "sentencepiece.model").write_bytes(spm_bytes)
    processor = sentencepiece.SentencePieceProcessor(model_proto=spm_bytes)
    tokens = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]

    spec = ctranslate2.specs.TransformerSpec.from_config(1, HEADS)
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    _fill(spec, np.random.default_rng(seed), len(tokens))
    spec.validate()
    spec.optimize()
    (root / "model").mkdir(exist_ok=True)
    spec.save(str(root / "model"))
    metadata = {"package_version": "0.1", "from_code": "de", "to_code": "en", "from_name": "German", "to_name": "English"}
    (root / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
    return root


def zip_argos_model(package_dir: Path, target: Path) -> Path:
    """Zip a package dir the way .argosmodel files are: one top-level folder inside."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(package_dir.rglob("*")):
            archive.write(path, Path(package_dir.name) / path.relative_to(package_dir))
    return target
