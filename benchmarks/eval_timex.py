"""Quality and speed of site_plugins.extract.timex.

    python benchmarks/eval_timex.py [--verbose]

Prints
(1) on ../shared/data/recognizers-de/ (DateExtractor, DateParser, DatePeriodExtractor,
    DatePeriodParser; Microsoft Recognizers-Text test cases, MIT licence) the share of in-scope
    expected expressions that were found and, for the parser files, the share normalized to the
    expected date or interval; the out-of-scope cases are counted by category and listed;
(2) the same two shares on tests/data/timex_gold.yml;
(3) milliseconds per ~3,500-character article after start-up.
Targets: >= 95 % found and >= 90 % normalized on in-scope cases.

Found: an event overlaps at least half of the expected span (the data set is not consistent
about including "den", "am" or "Im Monat"; the share of exact spans, ignoring a leading
preposition or article, is printed too). Normalized: the event's earliest/latest equal the
expected start/end (the data's end dates are exclusive) of either the past or the future
resolution: the data gives both because its sentences do not fix the direction, and the timex
rules choose one of them by tense and news usage. Cases without a reference date (the extractor
files) are run with 2016-11-07 as publication date.

Out of scope, by category:
- rolling windows ("in den nächsten 2 Tagen", "die letzten 3 Jahre", "letzten paar Tagen"):
  a duration anchored at the reference date, like "seit drei Jahren", which the timeline does
  not show as an event;
- times of day, sets (recurring), holidays, durations: not dates of events (none of the four
  files has such a case at present; the categories are counted should the data grow).
Disagreements kept on purpose (they show up as misses): "Letzten September" said in November
2016 is September 2016 here (the most recent September; the data says 2015), and "Am Wochenende
bin ich nicht hier!" points back to the last weekend, as a bare weekend does in a news report
unless its clause is clearly future (the data says the coming one). Both data files were used
while writing the rules, so their figures are development figures, not a held-out score.
The case "In zwei Wochen fahr ich in den Urlaub." expects no expression at all (the data set's
own DateExtractor lists "in 2 Wochen" as a date); expressions found where none is expected are
counted as extra, not as misses.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_plugins.extract.timex import find_events  # noqa: E402
from site_plugins.model import PubDate  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "recognizers-de"
FILES = ("DateExtractor.json", "DateParser.json", "DatePeriodExtractor.json", "DatePeriodParser.json")
GOLD = ROOT / "tests" / "data" / "timex_gold.yml"
DEFAULT_REFERENCE = PubDate(2016, 11, 7)
ARTICLE_CHARS = 3_500
TARGET_FOUND, TARGET_NORMALIZED = 0.95, 0.90

OUT_OF_SCOPE = (  # (category, why, test on the expected text and TIMEX)
    ("rolling window", "a duration anchored at the reference date, not an event",
     lambda text, timex: bool(re.search(r"(?i)\b(?:nächsten|letzten|vergangenen|kommenden)\s+(?:\d+|paar|\w+)\s+"
                                        r"(?:Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren)\b", text))),
    ("time of day", "an hour, not a day", lambda text, timex: "T" in (timex or "")),
    ("set", "recurring, not one event", lambda text, timex: (timex or "").startswith("XXXX-WXX-") and "jede" in text.lower()),
    ("holiday", "holiday names are not covered", lambda text, timex: bool(re.search(r"(?i)ostern|weihnacht|pfingsten|silvester|neujahr", text))),
    ("duration", "a length of time, not a point", lambda text, timex: (timex or "").startswith("P")),
)


def _category(text: str, timex: str | None) -> str | None:
    for name, _, test in OUT_OF_SCOPE:
        if test(text, timex):
            return name
    return None


def _reference(case: dict) -> PubDate:
    value = case.get("Context", {}).get("ReferenceDateTime")
    if not value:
        return DEFAULT_REFERENCE
    day = date.fromisoformat(value[:10])
    return PubDate(day.year, day.month, day.day)


_DAY_RANGE = re.compile(r"^\(.*,P\d+D\)$")


def _expected_intervals(value: dict | None) -> list[tuple[date, date]]:
    """Inclusive (earliest, latest) of the past and future resolutions. The data's end date is
    exclusive for a period named as a whole ("2016-05", "Diese Woche", "Die zweitausender");
    for a range between two named days, TIMEX "(start,end,PnD)", it is the last named day
    ("von Montag bis Freitag" ends on Friday), which "bis" includes in German."""
    intervals = []
    inclusive_end = bool(_DAY_RANGE.match((value or {}).get("Timex") or ""))
    for key in ("PastResolution", "FutureResolution"):
        resolution = (value or {}).get(key) or {}
        if "date" in resolution:
            day = date.fromisoformat(resolution["date"])
            intervals.append((day, day))
        elif "startDate" in resolution:
            end = date.fromisoformat(resolution["endDate"])
            intervals.append((date.fromisoformat(resolution["startDate"]),
                              end if inclusive_end else end - timedelta(days=1)))
    return intervals


_LEADING = re.compile(r"(?i)^(?:(?:am|im|den|dem|vom|von|zum|bis|seit|ab|in|für|der|die|das|monat)\s+){1,3}")


def _strip(span: str) -> str:
    return _LEADING.sub("", span.strip()).lower()


def evaluate_recognizers() -> dict:
    counts = {"in_scope": 0, "found": 0, "exact": 0, "with_value": 0, "normalized": 0, "extra": 0}
    out_of_scope: dict[str, list[str]] = {name: [] for name, _, _ in OUT_OF_SCOPE}
    failures: list[str] = []
    details: list[str] = []  # inexact spans and extra expressions, shown with --verbose
    for name in FILES:
        for case in json.loads((DATA / name).read_text("utf-8-sig")):
            sentence = case["Input"]
            events = find_events(sentence, _reference(case))
            used = set()
            for result in case["Results"]:
                value = result.get("Value")
                category = _category(result["Text"], (value or {}).get("Timex"))
                if category:
                    out_of_scope[category].append(f"{name}: {sentence!r} -> {result['Text']!r}")
                    continue
                counts["in_scope"] += 1
                start, end = result["Start"], result["Start"] + result["Length"]
                best = max(events, default=None, key=lambda e: min(e.end, end) - max(e.start, start))
                overlap = min(best.end, end) - max(best.start, start) if best else 0
                found = overlap * 2 >= end - start
                counts["found"] += found
                if found:
                    used.add(best.start)
                    exact = _strip(best.text) == _strip(result["Text"])
                    counts["exact"] += exact
                    if not exact:
                        details.append(f"span {name}: {sentence!r}: want {result['Text']!r}, got {best.text!r}")
                expected = _expected_intervals(value)
                if value is not None:
                    counts["with_value"] += 1
                    right = found and (best.earliest, best.latest) in expected
                    counts["normalized"] += right
                    if not right:
                        got = f"{best.text!r} {best.earliest}..{best.latest}" if found else "nothing"
                        want = " or ".join(f"{a}..{b}" for a, b in expected)
                        failures.append(f"{name}: {sentence!r} ref {_reference(case).isoformat()}: "
                                        f"{result['Text']!r} want {want}, got {got}")
                elif not found:
                    failures.append(f"{name}: {sentence!r}: {result['Text']!r} not found "
                                    f"(got {[e.text for e in events]})")
            extra = [e.text for e in events if e.start not in used]
            counts["extra"] += len(extra)
            details.extend(f"extra {name}: {sentence!r}: {text!r}" for text in extra)
    counts["out_of_scope"] = out_of_scope
    counts["details"] = details
    counts["failures"] = failures
    return counts


def _pubdate(value: str | None) -> PubDate | None:
    return None if value is None else PubDate(*(int(p) for p in value.split("-")))


def evaluate_gold() -> dict:
    cases = yaml.safe_load(GOLD.read_text("utf-8"))
    counts = {"expected": 0, "found": 0, "normalized": 0, "extra": 0, "negatives_clean": 0, "negatives": 0}
    failures = []
    for case in cases:
        events = find_events(case["text"], _pubdate(case["published"]))
        remaining = list(events)
        for want in case["events"]:
            counts["expected"] += 1
            hit = next((e for e in remaining if e.text == want["text"]), None)
            if hit is None:
                failures.append(f"{case['id']}: {want['text']!r} not found")
                continue
            remaining.remove(hit)
            counts["found"] += 1
            got = (hit.earliest.isoformat(), hit.latest.isoformat(), hit.granularity)
            if got == (want["earliest"], want["latest"], want["granularity"]):
                counts["normalized"] += 1
            else:
                failures.append(f"{case['id']}: {want['text']!r} got {got}")
        counts["extra"] += len(remaining)
        if not case["events"]:
            counts["negatives"] += 1
            counts["negatives_clean"] += not events
    counts["failures"] = failures
    return counts


def timing(repeats: int = 50) -> float:
    """Median milliseconds for one ~3,500-character article made of gold sentences."""
    cases = yaml.safe_load(GOLD.read_text("utf-8"))
    article, index = "", 0
    while len(article) < ARTICLE_CHARS:
        article += cases[index % len(cases)]["text"] + (" " if index % 4 else "\n\n")
        index += 1
    published = PubDate(2025, 2)
    find_events(article, published)  # start-up: first call
    times = []
    for _ in range(repeats):
        begin = time.perf_counter()
        find_events(article, published)
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "n/a"


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    if DATA.is_dir():
        result = evaluate_recognizers()
        print("(1) recognizers-de (Date/DatePeriod Extractor+Parser)")
        print(f"    in scope: {result['in_scope']}")
        print(f"    found:      {_share(result['found'], result['in_scope'])}   (target >= {TARGET_FOUND:.0%})")
        print(f"    exact span: {_share(result['exact'], result['in_scope'])}   (leading preposition/article ignored)")
        print(f"    normalized: {_share(result['normalized'], result['with_value'])}   "
              f"(cases with a resolution; target >= {TARGET_NORMALIZED:.0%})")
        print(f"    extra expressions (found where the data expects none): {result['extra']}")
        print("    out of scope:")
        for name, why, _ in OUT_OF_SCOPE:
            listed = result["out_of_scope"][name]
            print(f"      {name}: {len(listed)}  ({why})")
            for line in listed:
                print(f"        {line}")
        if result["failures"]:
            print("    misses:")
            for line in result["failures"]:
                print(f"      {line}")
        if verbose:
            for line in result["details"]:
                print(f"      {line}")
    else:
        print(f"(1) skipped: {DATA} is absent (the recognizers-de data lives in ../shared, outside the project)")
    gold = evaluate_gold()
    print("(2) tests/data/timex_gold.yml")
    print(f"    found:      {_share(gold['found'], gold['expected'])}")
    print(f"    normalized: {_share(gold['normalized'], gold['expected'])}")
    print(f"    extra expressions: {gold['extra']}; negative cases without any event: "
          f"{_share(gold['negatives_clean'], gold['negatives'])}")
    for line in gold["failures"]:
        print(f"      {line}")
    print(f"(3) speed: {timing():.2f} ms per {ARTICLE_CHARS:,}-character article (median, after start-up)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
