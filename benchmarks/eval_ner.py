"""Evaluate the German name recognizer on GermEval 2014 sentences it was not trained or tuned on.

    python benchmarks/eval_ner.py                 # trains the held-out model (about a minute)
    python benchmarks/eval_ner.py --model M.crfsuite   # score an existing held-out model
    python benchmarks/eval_ner.py --names contextual   # the contextual recognizer (about 8 minutes)

Prints, on HELD-OUT (the last 1,000 sentences of NER-de-test-part1.tsv, see
training/train_ner.py): precision, recall and F1 per category (PER, ORG, LOC) and micro overall,
for outer spans with exact match (conlleval-style; -part/-deriv count as no name), from a model
trained with the shipped settings on the other 4,300 sentences only; the recall on names whose
text never occurs as a name in those 4,300; the same scores end to end (our tokenizer, sentence
splitter and document pass on the sentences as plain text), and for the entities
`newsroom extract` reports (the entity rules on top of the recognizer); and the speed of the shipped model: load
time, and milliseconds per ~3,500-character German article after start-up.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training"))

_started = time.perf_counter()
import train_ner as T

NER = T.load_ner_package()
IMPORT_MS = (time.perf_counter() - _started) * 1000
SEED = ROOT.parent / "shared" / "seeds" / "000_15f7b36964d19826.txt"


def held_out_model(pool, path: Path) -> None:
    seconds = T.train(pool, path, T.DEFAULTS["scheme"], T.DEFAULTS["params"],
                      copies=T.DEFAULTS["copies"], rate=T.DEFAULTS["rate"])
    print(f"held-out model trained on {len(pool)} sentences in {seconds:.0f} s")


def token_scores(heldout, model: Path, lex, extra=None) -> tuple[dict, list, list]:
    gold, pred = T.gold_and_predicted(heldout, T.predict(heldout, model, lex, extra))
    return T.prf(gold, pred), gold, pred


def unseen_recall(pool, heldout, gold, pred) -> str:
    """Recall on gold names whose text is no gold name (of any type) in the training sentences,
    and on those none of whose words occurs in the training sentences at all."""
    seen_names = set()
    seen_words = set()
    for tokens, tags in pool:
        seen_words.update(tokens)
        for start, end, _ in T.spans([T.map_tag(t, "base") for t in tags], ("PER", "ORG", "LOC", "OTH")):
            seen_names.add(" ".join(tokens[start:end]))
    rows = []
    for label, test in (("name text unseen", lambda toks: " ".join(toks) not in seen_names),
                        ("all words unseen", lambda toks: not seen_words & set(toks))):
        total = found = 0
        for (tokens, _), g, p in zip(heldout, gold, pred):
            for span in g:
                if test(tokens[span[0]:span[1]]):
                    total += 1
                    found += span in p
        rows.append(f"recall on held-out names, {label}: {found}/{total} = {found / max(total, 1):.3f}")
    return "\n".join(rows)


def end_to_end(heldout, find) -> dict:
    """Scores of `find` (text -> (start, end, type) spans) on each held-out sentence as plain
    text (tokens joined by spaces), gold spans mapped to character offsets."""
    gold_sets, pred_sets = [], []
    for tokens, tags in heldout:
        offsets, position = [], 0
        for token in tokens:
            offsets.append((position, position + len(token)))
            position += len(token) + 1
        text = " ".join(tokens)
        gold_sets.append({(offsets[s][0], offsets[e - 1][1], k)
                          for s, e, k in T.spans([T.map_tag(t, "base") for t in tags])})
        pred_sets.append({span for span in find(text) if span[2] in T.TYPES})
    return T.prf(gold_sets, pred_sets)


def contract_entities(recognizer, mode: str):
    """The entities `newsroom extract` reports (NER plus the entity rules, empty registry),
    with the held-out recognizer in place of the shipped one."""
    sys.path.insert(0, str(ROOT))
    from site_plugins.extract import ner
    from site_plugins.extract.entities import find_entities
    from site_plugins.registry import Registry

    ner._recognizers[mode] = recognizer
    registry = Registry()
    return lambda text: [(e.start, e.end, e.type) for e in find_entities(text, registry, mode)]


def articles(heldout, size: int = 3500) -> list[str]:
    """German articles of about `size` characters: held-out sentences, detokenized roughly."""
    out, current = [], []
    for tokens, _ in heldout:
        sentence = " ".join(tokens)
        for mark in (" ,", " .", " :", " ;", " )", " ?", " !"):
            sentence = sentence.replace(mark, mark[1:])
        current.append(sentence.replace("( ", "("))
        if sum(len(s) + 1 for s in current) >= size:
            out.append(" ".join(current))
            current = []
    return out


def speed(heldout, import_ms: float, mode: str) -> str:
    """Load time and time per article, in this (fresh) process, on one core."""
    started = time.perf_counter()
    NER.load(mode)
    load_ms = (time.perf_counter() - started) * 1000
    texts = articles(heldout)
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        texts.append(seed[:3500])
    for text in texts[:3]:
        NER.find_names(text, mode)  # warm-up
    recognizer = NER.load(mode)
    cold, warm = [], []
    for text in texts:
        recognizer.cache.clear()  # as for the first article: no word seen before
        recognizer.remembered.clear()
        started = time.perf_counter()
        NER.find_names(text, mode)
        cold.append((time.perf_counter() - started) * 1000)
    for _ in range(2 if mode == "fast" else 0):
        for text in texts:  # words' features cached from earlier articles, as in a site build
            recognizer.remembered.clear()  # but not the names of the same text
            started = time.perf_counter()
            NER.find_names(text, mode)
            warm.append((time.perf_counter() - started) * 1000)
    chars = statistics.mean(len(t) for t in texts)
    after = (f", {statistics.median(warm):.1f} ms (max {max(warm):.1f}) after other articles"
             if warm else "")
    return (f"speed ({mode} model, one core, fresh process): import {import_ms:.0f} ms, "
            f"load {load_ms:.0f} ms; per article of {chars:.0f} "
            f"chars ({len(texts)} articles): median {statistics.median(cold):.1f} ms "
            f"(max {max(cold):.1f}) with an empty word cache{after}")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, help="a model trained without HELD-OUT")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--names", choices=("fast", "contextual"), default="fast",
                        help="which recognizer: the CRF alone, or with the encoder's evidence")
    parser.add_argument("--speed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sentences = T.read_germeval()
    if args.speed_only:
        print(speed(T.splits(sentences)[3], IMPORT_MS, args.names))
        return
    _, _, pool, heldout = T.splits(sentences)
    lex = NER.features.Lexicon()
    with tempfile.TemporaryDirectory() as tmp:
        model = args.model or Path(tmp) / "heldout.crfsuite"
        head = Path(tmp) / "heldout-head.npz"
        extra = None
        contextual = args.names == "contextual"
        if contextual:
            import train_context

            extra = train_context.train_contextual(pool, heldout, model, head)
        elif not args.model:
            held_out_model(pool, model)
        result, gold, pred = token_scores(heldout, model, lex, extra)
        print(f"HELD-OUT: {len(heldout)} sentences (GermEval test-part1 sentences 2101-3100), "
              f"outer spans, exact match, gold tokens")
        print(T.report(result))
        print(unseen_recall(pool, heldout, gold, pred))
        print("end to end (our tokenizer, sentence splitter and document pass on plain text):")
        recognizer = NER._Recognizer(model, contextual, head if contextual else None)
        NER._recognizers[args.names] = recognizer
        print(T.report(end_to_end(heldout, lambda text: NER.find_names(text, args.names))))
        print("as `newsroom extract` reports them (entity rules on top; PRODUCT/OTHER not scored):")
        print(T.report(end_to_end(heldout, contract_entities(recognizer, args.names))))
        NER._recognizers.clear()
    if not args.no_speed:  # in a fresh process, free of the training's memory
        import subprocess

        one_core = {v: "1" for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
        subprocess.run([sys.executable, __file__, "--speed-only", "--names", args.names], check=True,
                       env={**os.environ, **one_core})


if __name__ == "__main__":
    main()
