"""Time and memory of building the pages of many articles (the pure `build_site`, which is what
`mkdocs build` and every `mkdocs serve` rebuild spend their time on), printed as figures.

    python benchmarks/bench_build.py [--articles N]

The articles are variants of the demo article with a different company name each, so no two
paragraphs are equal; the second run shows what a `mkdocs serve` rebuild costs when nothing
changed (sentence spans are memoized per paragraph).
"""
from __future__ import annotations

import argparse
import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

from site_plugins.registry import Registry
from site_plugins.site import build_site

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=40)
    args = parser.parse_args()
    demo = (ROOT / "content/articles/deepseek-r1-openai-unter-druck.txt").read_text(encoding="utf-8")
    sources = {f"content/articles/variante-{i}.txt": demo.replace("Deepseek", f"Kalmberg{i}").encode()
               for i in range(args.articles)}
    now = datetime(2025, 2, 1, tzinfo=timezone.utc)
    build_site({"content/articles/warm-up.txt": demo.encode()}, {}, Registry(), "t", "https://x/", now)
    tracemalloc.start()
    for run in ("first build", "rebuild, nothing changed"):
        start = time.perf_counter()
        result = build_site(sources, {}, Registry(), "t", "https://x/", now)
        elapsed = time.perf_counter() - start
        print(f"{run}: {args.articles} articles, {len(result.pages)} pages in {elapsed:.2f} s "
              f"({elapsed * 1000 / args.articles:.0f} ms per article)")
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak Python memory: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
