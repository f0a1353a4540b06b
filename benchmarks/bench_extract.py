"""Speed and memory of extraction and of a whole-site build step, printed as figures.

    python benchmarks/bench_extract.py [--repeat N]

Extraction runs on the demo article (our own text, seed-sized) and, where ../shared exists, on
the seed. Timings are medians over N runs after a warm-up (start-up and model loading are
reported separately); compare ratios within one run, these machines are noisy.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc
from pathlib import Path

# one core, as the speed target says: numpy's BLAS (the contextual encoder) would use them all
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_15f7b36964d19826.txt"


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30, help="runs per timing (contextual: a sixth)")
    parser.add_argument("--names", choices=("fast", "contextual", "both"), default="both",
                        help="the name recognizer's mode(s) to time")
    args = parser.parse_args()

    start = time.perf_counter()
    from site_plugins.article import extraction_view
    from site_plugins.extract import ner

    imported = time.perf_counter() - start
    texts = {"demo article": (ROOT / "content/articles/deepseek-r1-openai-unter-druck.txt").read_text(encoding="utf-8")}
    if SEED.is_file():
        texts["seed"] = SEED.read_text(encoding="utf-8")
    else:
        print(f"(seed skipped: {SEED} is absent)")
    print(f"import: {imported * 1000:.0f} ms")
    for mode in ("fast", "contextual") if args.names == "both" else (args.names,):
        start = time.perf_counter()
        try:
            ner.load(mode)
        except ner.EncoderMissing as error:
            print(f"{mode}: skipped ({error})")
            continue
        print(f"names: {mode}; model loading: {(time.perf_counter() - start) * 1000:.0f} ms")
        repeat = args.repeat if mode == "fast" else max(3, args.repeat // 6)
        bench_mode(mode, texts, repeat, extraction_view)


def bench_mode(mode: str, texts: dict[str, str], repeat: int, extraction_view) -> None:
    from site_plugins.extract import entities, figures, ner, quotes, timex
    from site_plugins.extract.pipeline import extract_text
    from site_plugins.registry import Registry

    first = next(iter(texts.values()))
    view, published = extraction_view(first, "demo")
    start = time.perf_counter()
    extract_text(view, published, Registry(), mode)  # loads the lexicons
    warm_up = time.perf_counter() - start
    print(f"  first extraction: {warm_up * 1000:.0f} ms")
    for name, text in texts.items():
        view, published = extraction_view(text, name)
        forget = ner.load(mode).remembered.clear  # names of a text seen before are remembered
        parts = {
            "entities": lambda: forget() or entities.find_entities(view, Registry(), mode),
            "figures": lambda: figures.find_figures(view),
            "quotes": lambda: quotes.find_quotes(view),
            "events": lambda: timex.find_events(view, published),
            "all": lambda: forget() or extract_text(view, published, Registry(), mode),
        }
        row = ", ".join(f"{part} {median_ms(fn, repeat):.1f} ms" for part, fn in parts.items())
        print(f"  {name} ({len(text)} chars): {row}")
    tracemalloc.start()
    view, published = extraction_view(first, "demo")
    forget()
    extract_text(view, published, Registry(), mode)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak Python memory of one extraction after warm-up: {peak / 1024:.0f} KiB")
    size = 1_000_000 if mode == "fast" else 100_000  # the encoder's time grows the same way
    big = (view + "\n\n") * (size // len(view) + 1)
    start = time.perf_counter()
    extract_text(big[:size], published, Registry(), mode)
    took = time.perf_counter() - start
    print(f"  {size // 1000} KB of text: {took:.2f} s (ratio to one article: "
          f"{took * 1000 / median_ms(parts['all'], 3):.0f}x for {size / len(view):.0f}x the text)")


if __name__ == "__main__":
    main()
