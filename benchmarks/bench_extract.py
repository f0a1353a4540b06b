"""Speed and memory of extraction and of a whole-site build step, printed as figures.

    python benchmarks/bench_extract.py [--repeat N]

Extraction runs on the demo article (our own text, seed-sized) and, where ../shared exists, on
the seed. Timings are medians over N runs after a warm-up (start-up and model loading are
reported separately); compare ratios within one run, these machines are noisy.
"""
from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from pathlib import Path

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
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    start = time.perf_counter()
    from site_plugins.article import extraction_view
    from site_plugins.extract import entities, figures, quotes, timex
    from site_plugins.extract.pipeline import extract_text
    from site_plugins.registry import Registry

    imported = time.perf_counter() - start
    texts = {"demo article": (ROOT / "content/articles/deepseek-r1-openai-unter-druck.txt").read_text(encoding="utf-8")}
    if SEED.is_file():
        texts["seed"] = SEED.read_text(encoding="utf-8")
    else:
        print(f"(seed skipped: {SEED} is absent)")
    first = next(iter(texts.values()))
    view, published = extraction_view(first, "demo")
    start = time.perf_counter()
    extract_text(view, published, Registry())  # loads the NER model and lexicons
    warm_up = time.perf_counter() - start
    print(f"import: {imported * 1000:.0f} ms, first extraction incl. model loading: {warm_up * 1000:.0f} ms")
    for name, text in texts.items():
        view, published = extraction_view(text, name)
        parts = {
            "entities": lambda: entities.find_entities(view, Registry()),
            "figures": lambda: figures.find_figures(view),
            "quotes": lambda: quotes.find_quotes(view),
            "events": lambda: timex.find_events(view, published),
            "all": lambda: extract_text(view, published, Registry()),
        }
        row = ", ".join(f"{part} {median_ms(fn, args.repeat):.1f} ms" for part, fn in parts.items())
        print(f"{name} ({len(text)} chars): {row}")
    tracemalloc.start()
    view, published = extraction_view(first, "demo")
    extract_text(view, published, Registry())
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak Python memory of one extraction after warm-up: {peak / 1024:.0f} KiB")
    big = (view + "\n\n") * (1_000_000 // len(view) + 1)
    start = time.perf_counter()
    extract_text(big[:1_000_000], published, Registry())
    per_mb = time.perf_counter() - start
    print(f"1 MB of text: {per_mb:.2f} s (ratio to one article: {per_mb * 1000 / median_ms(parts['all'], 3):.0f}x "
          f"for {1_000_000 / len(view):.0f}x the text)")


if __name__ == "__main__":
    main()
