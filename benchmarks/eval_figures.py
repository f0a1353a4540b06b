"""Exact-value accuracy of the German numeral and figure extraction, and its speed.

    python benchmarks/eval_figures.py

Data: Microsoft Recognizers-Text's German cases in ../shared/data/recognizers-de/numbers/ (MIT;
skipped with a message, exit 0, where ../shared is absent). Each file is a JSON list of cases
``{"Input": sentence, "Results": [{"Text", "TypeName", "Resolution": {"value", "unit"?,
"isoCurrency"?}, "Start", "End"}], "NotSupported"?: ...}``. Values are German-formatted strings
("2000,352", "27%"); a result with value null ("try the Dollar") expects no figure.

What is compared (a case is right when the whole list is equal, in order):

- CurrencyModel.json: the money figures of ``find_figures`` as (value, ISO code) against the
  expected (value, unit), the unit names mapped to ISO codes by ``UNIT_ISO`` ("Dollar" -> USD).
- PercentModel.json: the values of the percent figures of ``find_figures``.
- NumberModel.json: the values of ``numbers_de.find_numbers``: the numeral layer, since bare
  numbers are by design no key figures.

Out of scope, counted by category and left out of the accuracy (``out_of_scope``):

- article: an expected number is "ein/eine/einen/einer" read as 1 ("einen Euro", "Ein" in prose);
  we read these as the indefinite article unless a scale word follows ("eine Million").
- fraction: fractions of things ("1/2", "½", "ein halbes Schwein", "zwei drittel",
  "drei Viertel Milliarde"): not key figures in news text.
- spoken decimal: "zwei Komma drei": newspapers write 2,3.
- split amount: units and cents as separate numbers ("zwei Euro fünfzig", "15 Dollar und 15 Cent"):
  newspapers write 2,50 Euro.
- leading zero: "0000" as 0: digit strings with leading zeros are codes or phone numbers to us.

Then the time of ``find_figures`` per seed-sized text (the first 3,500 characters of the seed
article in ../shared/seeds, median of repeated runs).
"""
from __future__ import annotations

import json
import math
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from site_plugins.extract.figures import find_figures  # noqa: E402
from site_plugins.numbers_de import find_numbers  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "recognizers-de" / "numbers"
SEED = ROOT.parent / "shared" / "seeds" / "000_15f7b36964d19826.txt"
ARTICLE_CHARS = 3_500
UNIT_ISO = {"Dollar": "USD", "Euro": "EUR", "United States dollar": "USD", "Pound": "GBP",
            "British pound": "GBP", "Cambodian riel": "KHR", "Finnish markka": "FIM",
            "Canadian dollar": "CAD", "Indian rupee": "INR", "Rupee": "INR", "Mexican peso": "MXN",
            "Australian dollar": "AUD", "New Zealand dollar": "NZD"}
ARTICLES = {"ein", "eine", "einen", "einer", "eines", "einem"}
SCALE_OR_HALF = re.compile(r"(?:halbe[nrs]? )?(?:million|milliarde|billion|dutzend)")
OUT_OF_SCOPE = [  # category, reason, test on an expected result's lower-cased text
    ("fraction", "fractions of things are no key figures",
     lambda t: bool(re.search(r"/|[½⅓-⅞]|drittel|\bviertel\b|halbe[nrs]?$", t))),
    ("article", "'ein/eine/einen/einer' read as the article, not as 1",
     lambda t: t.split()[0] in ARTICLES and not SCALE_OR_HALF.match(" ".join(t.split()[1:]))),
    ("spoken decimal", "'zwei Komma drei': newspapers write 2,3", lambda t: "komma" in t),
    ("split amount", "units and cents apart: newspapers write 2,50 Euro",
     lambda t: bool(re.search(r"(?:euro|dollar) (?:und )?\w", t))),
    ("leading zero", "leading zeros mark codes and phone numbers", lambda t: bool(re.match(r"0\d", t))),
]


def number(text: str) -> float:
    """'2000,352' -> 2000.352, '27%' -> 27.0."""
    return float(text.rstrip("%").replace(",", "."))


def out_of_scope(case: dict) -> tuple[str, str] | None:
    for result in case["Results"]:
        for category, reason, applies in OUT_OF_SCOPE:
            if applies(result["Text"].lower()):
                return category, reason
    return None


def expected(case: dict, model: str) -> list:
    results = [r for r in case["Results"] if r["Resolution"].get("value") is not None]
    if model == "CurrencyModel":
        return [(number(r["Resolution"]["value"]),
                 r["Resolution"].get("isoCurrency") or UNIT_ISO.get(r["Resolution"]["unit"], "?"))
                for r in results]
    return [number(r["Resolution"]["value"]) for r in results]


def found(text: str, model: str) -> list:
    if model == "CurrencyModel":
        return [(f.value, f.unit) for f in find_figures(text) if f.kind == "money"]
    if model == "PercentModel":
        return [f.value for f in find_figures(text) if f.kind == "percent"]
    return [n.value for n in find_numbers(text)]


def same(a: list, b: list) -> bool:
    flat_a = [x for item in a for x in (item if isinstance(item, tuple) else (item,))]
    flat_b = [x for item in b for x in (item if isinstance(item, tuple) else (item,))]
    return len(a) == len(b) and all(
        math.isclose(x, y, rel_tol=1e-9) if isinstance(x, float) and isinstance(y, float) else x == y
        for x, y in zip(flat_a, flat_b))


def evaluate(model: str) -> None:
    cases = json.loads((DATA / f"{model}.json").read_text("utf-8"))
    right, in_scope, skipped, misses = 0, 0, {}, []
    for case in cases:
        category = out_of_scope(case)
        if category:
            skipped[category] = skipped.get(category, 0) + 1
            continue
        in_scope += 1
        want, got = expected(case, model), found(case["Input"], model)
        if same(want, got):
            right += 1
        else:
            misses.append((case["Input"], want, got))
    share = right / in_scope if in_scope else 0.0
    print(f"{model}: {right}/{in_scope} in scope exactly right ({share:.1%}); {len(cases)} cases")
    for (category, reason), count in sorted(skipped.items()):
        print(f"    out of scope, {category}: {count} ({reason})")
    for text, want, got in misses:
        print(f"    MISS {text[:70]!r}: expected {want}, found {got}")


def timing() -> None:
    if not SEED.exists():
        print("timing skipped: ../shared/seeds not present")
        return
    text = SEED.read_text("utf-8")[:ARTICLE_CHARS]
    runs = []
    for _ in range(50):
        started = time.perf_counter()
        find_figures(text)
        runs.append(time.perf_counter() - started)
    print(f"find_figures: {statistics.median(runs) * 1000:.2f} ms per {len(text):,}-character text "
          f"(median of {len(runs)} runs)")


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not present")
        return 0
    for model in ("CurrencyModel", "PercentModel", "NumberModel"):
        evaluate(model)
    timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
