"""Quality of fact extraction (entities, figures, quotes, events) against hand-written gold data.

    python benchmarks/eval_facts.py [--verbose] [--registry content/entities.yml] [--names MODE] [GOLD.yml ...]

Runs `site_plugins.extract.pipeline.extract_text` on every gold file in tests/data/gold/ (or the
files given) and prints precision, recall and F1 per category, then one overall line. If the
pipeline cannot be imported, each extractor module is imported on its own; a category whose module
fails is reported as not evaluated and the others go on. `--verbose` lists, per file, what gold
items were missed and what was found that the gold does not have. It is a report: it exits 0.

Gold files (YAML, one article each):
    published: 2025-03-14 or "2025-03"         the publication date (day or month precision)
    text: |                                     the German article, or instead
    text_file: ../shared/seeds/....txt          a file relative to the project root (the seed,
                                                skipped with a message where ../shared is absent)
    entities: [{text, type, name?}]             every name mention in text order: surface text
                                                (genitive kept: "Deepseeks"), PER/ORG/LOC/PRODUCT/
                                                OTHER, optional canonical name
    figures:  [{text, kind, value, unit, approximate?}]  money (ISO 4217), percent ("%"), count
                                                (unit = the counted noun), quantity (unit symbol)
    quotes:   [{text | starts, speaker}]        the words inside the outer marks (or their first
                                                words), speaker = the full name or description
    events:   [{text, earliest, latest}]        the temporal expression and its interval
Every `text` is a substring of the article; repeated strings are located by occurrence order.

Matching (a prediction is used at most once; same-position matches are preferred):
- entities: same surface text (or same canonical name at an overlapping position) and same
  type; "all but OTHER" leaves out OTHER on both sides (currency words and the like), "type
  ignored" shows how many mentions were found at all.
- figures: same text, or overlapping spans where one text contains the other ("320.000" for
  "320.000 Mitarbeitern"); "exact text" counts only identical spans. Value accuracy: share of
  matched figures with the right value (relative error < 1e-6) and unit (for counts the counted
  noun, compared by stem, with the figure's label standing in when its unit is empty).
- quotes: equal, or one contains the other and the shorter has >= 80 % of the longer's length
  (`starts`: the found quote begins with those words). Speaker: exact string, and lenient (one
  contains the other, case-insensitive).
- events: found = same text; normalized = found and earliest/latest equal; "overlap" accepts
  spans where one text contains the other.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_plugins.model import PubDate  # noqa: E402  (after the path fix for running as a script)

GOLD_DIR = ROOT / "tests" / "data" / "gold"
CATEGORIES = ("entities", "figures", "quotes", "events")
MODULES = {  # category -> (module under site_plugins.extract, function)
    "entities": ("entities", "find_entities"),
    "figures": ("figures", "find_figures"),
    "quotes": ("quotes", "find_quotes"),
    "events": ("timex", "find_events"),
}
UNIT_ALIASES = {"kilometer": "km", "meter": "m", "tonnen": "t", "tonne": "t", "megawatt": "mw",
                "prozent": "%", "dollar": "usd", "us-dollar": "usd", "euro": "eur", "franken": "chf"}
QUOTE_MARKS = "„“”\"»«›‹‚‘’'"


# --- gold ---------------------------------------------------------------------------------------

@dataclass
class Gold:
    path: Path
    text: str
    published: PubDate | None
    items: dict[str, list[dict]]  # category -> gold items, each with "span" (start, end) added


def parse_published(value) -> PubDate | None:
    """A YAML date, datetime or string (YYYY, YYYY-MM, YYYY-MM-DD, optionally with a time)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return PubDate(value.year, value.month, value.day)
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?", str(value).strip())
    if not match:
        raise ValueError(f"expected a publication date YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    return PubDate(year, month, day)


def as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def load_gold(path: Path) -> Gold | str:
    """The gold document, or the reason it is skipped (its text file is absent)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "text_file" in data:
        source = (ROOT / data["text_file"]).resolve()
        if not source.is_file():
            return f"{path.name}: skipped, {data['text_file']} is absent (../shared is not beside the project)"
        text = article_view(source.read_text(encoding="utf-8"), str(source))
    else:
        text = data["text"]
    items = {category: [dict(item) for item in data.get(category) or []] for category in CATEGORIES}
    for category, entries in items.items():
        locate(text, entries, key="text" if category != "quotes" else None)
    return Gold(path, text, parse_published(data.get("published")), items)


def article_view(raw: str, path: str) -> str:
    """A source file as extraction reads it: the date header, ad markers and the trailer blanked
    out with spaces (offsets kept), by site_plugins.article.extraction_view where it imports."""
    try:
        from site_plugins.article import extraction_view
        return extraction_view(raw, path)[0]
    except Exception as err:
        print(f"{path}: read as raw text (extraction_view unavailable: {type(err).__name__}: {err})")
        return raw


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while needle and start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def bounded(text: str, span: tuple[int, int]) -> bool:
    """The occurrence is not part of a longer word ("Berlin" in "Berliner" is not)."""
    start, end = span
    return not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def locate(text: str, entries: list[dict], key: str | None) -> None:
    """Give each entry a "span": the k-th entry with a string takes its k-th occurrence, preferring
    whole words and occurrences that no longer entry of the same category has taken."""
    def needle(entry: dict) -> str:
        return entry.get(key) if key else (entry.get("text") or entry.get("starts") or "")

    claimed: list[tuple[int, int]] = []
    by_needle: dict[str, list[dict]] = {}
    for entry in entries:
        by_needle.setdefault(needle(entry), []).append(entry)
    for string in sorted(by_needle, key=len, reverse=True):
        spans = occurrences(text, string)
        free = [s for s in spans if not any(s[0] < c[1] and c[0] < s[1] for c in claimed)]
        ranked = ([s for s in free if bounded(text, s)] + [s for s in free if not bounded(text, s)]
                  + [s for s in spans if s not in free])
        chosen = sorted(ranked[:len(by_needle[string])])
        for entry, span in zip(by_needle[string], chosen):
            entry["span"] = span
            claimed.append(span)
        for entry in by_needle[string][len(chosen):]:
            entry["span"] = None  # not in the text: tests/test_gold_data.py reports it


# --- extraction ---------------------------------------------------------------------------------

class Extractor:
    """extract_text from the pipeline, or each category's own function where the pipeline fails."""

    def __init__(self, registry, names: str = "fast") -> None:
        self.registry = registry
        self.names = names
        self.problems: list[str] = []
        self.pipeline = self._import("site_plugins.extract.pipeline", "extract_text")
        self.parts = {category: self._import(f"site_plugins.extract.{module}", name)
                      for category, (module, name) in MODULES.items()}
        self.available = {category: self.pipeline is not None or self.parts[category] is not None
                          for category in CATEGORIES}

    def _import(self, module: str, name: str):
        try:
            return getattr(importlib.import_module(module), name)
        except Exception as err:  # a module being rewritten by a colleague must not stop the report
            self.problems.append(f"{module}.{name} not importable: {type(err).__name__}: {err}")
            return None

    def run(self, text: str, published: PubDate | None) -> tuple[dict[str, list | None], list[str]]:
        """Found items per category (None where that extractor failed) and the errors."""
        errors: list[str] = []
        if self.pipeline is not None:
            try:
                facts = self.pipeline(text, published, self.registry, self.names)
                return {category: list(getattr(facts, category)) for category in CATEGORIES}, errors
            except Exception as err:
                errors.append(f"extract_text failed ({type(err).__name__}: {err}); running each extractor alone")
        found = {}
        for category in CATEGORIES:
            function = self.parts[category]
            args = {"entities": (text, self.registry, self.names), "events": (text, published)}.get(category, (text,))
            try:
                found[category] = list(function(*args)) if function else None
            except Exception as err:
                errors.append(f"{category} not evaluated on this file: {type(err).__name__}: {err}")
                found[category] = None
        return found, errors


# --- matching -----------------------------------------------------------------------------------

def overlaps(span, item) -> bool:
    return span is not None and span[0] < item.end and item.start < span[1]


def match(gold: list[dict], found: list, rules) -> list[tuple[dict, object]]:
    """Pairs (gold item, prediction). `rules` is a list of (compatible(g, p), needs_overlap),
    tried in order over all gold items, so strict same-position matches are made first."""
    pairs, unused, open_gold = [], list(found), list(gold)
    for compatible, needs_overlap in rules:
        for item in list(open_gold):
            candidates = [p for p in unused if compatible(item, p)
                          and (not needs_overlap or overlaps(item.get("span"), p))]
            if not candidates:
                continue
            span = item.get("span") or (0, 0)
            best = min(candidates, key=lambda p: (not overlaps(item.get("span"), p), abs(p.start - span[0])))
            pairs.append((item, best))
            unused.remove(best)
            open_gold.remove(item)
    return pairs


def contains_either(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def entity_rules(typed: bool):
    def same_type(g, p):
        return not typed or p.type == g["type"]
    return [(lambda g, p: same_type(g, p) and p.text == g["text"], True),
            (lambda g, p: same_type(g, p) and p.name == g.get("name", g["text"]), True),
            (lambda g, p: same_type(g, p) and p.text == g["text"], False)]


FIGURE_EXACT = [(lambda g, p: p.text == g["text"], True), (lambda g, p: p.text == g["text"], False)]
FIGURE_RULES = FIGURE_EXACT + [(lambda g, p: contains_either(p.text, g["text"]), True)]
EVENT_EXACT = [(lambda g, p: p.text == g["text"], True), (lambda g, p: p.text == g["text"], False)]
EVENT_OVERLAP = EVENT_EXACT + [(lambda g, p: contains_either(p.text.lower(), g["text"].lower()), True)]


def normalize_quote(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(QUOTE_MARKS + " ")


def same_quote(g: dict, p) -> bool:
    found = normalize_quote(p.text)
    if "starts" in g:
        return found.startswith(normalize_quote(g["starts"]))
    gold = normalize_quote(g["text"])
    if not contains_either(found, gold):
        return False
    return min(len(found), len(gold)) >= 0.8 * max(len(found), len(gold))


QUOTE_RULES = [(same_quote, True), (same_quote, False)]


def unit_key(unit) -> str:
    word = str(unit or "").strip().lower()
    return UNIT_ALIASES.get(word, word)


def same_unit(g: dict, p) -> bool:
    gold, found = unit_key(g.get("unit")), unit_key(p.unit)
    if g["kind"] == "count":
        found = found or unit_key(getattr(p, "label", ""))
        stem = min(len(gold), len(found), max(len(gold) - 2, 3))
        return bool(gold) and bool(found) and gold[:stem] == found[:stem]
    return gold == found


def value_right(g: dict, p) -> bool:
    value = float(g["value"])
    close = abs(float(p.value) - value) <= 1e-6 * max(1.0, abs(value))
    return close and same_unit(g, p)


def speaker_exact(g: dict, p) -> bool:
    return (p.speaker or None) == (g.get("speaker") or None)


def speaker_lenient(g: dict, p) -> bool:
    gold, found = (g.get("speaker") or "").lower(), (p.speaker or "").lower()
    return gold == found or contains_either(gold, found)


def event_normalized(g: dict, p) -> bool:
    return p.earliest == as_date(g["earliest"]) and p.latest == as_date(g["latest"])


# --- scoring ------------------------------------------------------------------------------------

@dataclass
class Score:
    gold: int = 0
    found: int = 0
    hits: int = 0
    extra: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, of]

    def add(self, gold: int, found: int, hits: int) -> None:
        self.gold, self.found, self.hits = self.gold + gold, self.found + found, self.hits + hits

    def count(self, name: str, right: int, of: int) -> None:
        tally = self.extra.setdefault(name, [0, 0])
        tally[0], tally[1] = tally[0] + right, tally[1] + of

    def prf(self) -> tuple[float, float, float]:
        precision = self.hits / self.found if self.found else 0.0
        recall = self.hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    evaluated: dict[str, int] = field(default_factory=dict)  # category -> files evaluated

    def score(self, row: str) -> Score:
        return self.scores.setdefault(row, Score())


def evaluate(doc: Gold, found: dict[str, list | None], report: Report) -> None:
    """Score every category whose extractor ran on this document."""
    scorers = {"entities": _entities, "figures": _figures, "quotes": _quotes, "events": _events}
    for category, scorer in scorers.items():
        if found[category] is not None:
            report.evaluated[category] = report.evaluated.get(category, 0) + 1
            scorer(doc, found[category], report)


def _entities(doc: Gold, found: list, report: Report) -> None:
    gold = doc.items["entities"]
    pairs = match(gold, found, entity_rules(typed=True))
    types = sorted({g["type"] for g in gold} | {p.type for p in found})
    for kind in types:
        report.score(f"entities {kind}").add(sum(g["type"] == kind for g in gold),
                                             sum(p.type == kind for p in found),
                                             sum(g["type"] == kind for g, _ in pairs))
    report.score("entities all").add(len(gold), len(found), len(pairs))
    report.score("entities all but OTHER").add(sum(g["type"] != "OTHER" for g in gold),
                                               sum(p.type != "OTHER" for p in found),
                                               sum(g["type"] != "OTHER" for g, _ in pairs))
    report.score("entities, type ignored").add(len(gold), len(found),
                                               len(match(gold, found, entity_rules(typed=False))))
    _note(doc, "entity", gold, found, pairs, lambda g: f"{g['text']} [{g['type']}]",
          lambda p: f"{p.text} [{p.type}]", report)


def _figures(doc: Gold, found: list, report: Report) -> None:
    gold = doc.items["figures"]
    pairs = match(gold, found, FIGURE_RULES)
    score = report.score("figures")
    score.add(len(gold), len(found), len(pairs))
    score.count("value+unit right", sum(value_right(g, p) for g, p in pairs), len(pairs))
    report.score("figures, exact text").add(len(gold), len(found), len(match(gold, found, FIGURE_EXACT)))
    _note(doc, "figure", gold, found, pairs, lambda g: f"{g['text']} = {g['value']} {g.get('unit')}",
          lambda p: f"{p.text} = {p.value} {p.unit} ({p.kind})", report)
    for g, p in pairs:
        if not value_right(g, p):
            report.misses.append(f"{doc.path.name}: figure value: {g['text']!r} gold {g['value']} {g.get('unit')}"
                                 f", found {p.value} {p.unit} (label {getattr(p, 'label', '')!r})")


def _quotes(doc: Gold, found: list, report: Report) -> None:
    gold = doc.items["quotes"]
    pairs = match(gold, found, QUOTE_RULES)
    score = report.score("quotes")
    score.add(len(gold), len(found), len(pairs))
    score.count("speaker exact", sum(speaker_exact(g, p) for g, p in pairs), len(pairs))
    score.count("speaker lenient", sum(speaker_lenient(g, p) for g, p in pairs), len(pairs))
    _note(doc, "quote", gold, found, pairs, lambda g: f"{(g.get('text') or g.get('starts'))[:60]!r} ({g['speaker']})",
          lambda p: f"{p.text[:60]!r} ({p.speaker})", report)
    for g, p in pairs:
        if not speaker_exact(g, p):
            report.misses.append(f"{doc.path.name}: quote speaker: gold {g['speaker']!r}, found {p.speaker!r}")


def _events(doc: Gold, found: list, report: Report) -> None:
    gold = doc.items["events"]
    pairs = match(gold, found, EVENT_EXACT)
    report.score("events found").add(len(gold), len(found), len(pairs))
    report.score("events normalized").add(len(gold), len(found), sum(event_normalized(g, p) for g, p in pairs))
    report.score("events, overlapping span").add(len(gold), len(found), len(match(gold, found, EVENT_OVERLAP)))
    _note(doc, "event", gold, found, pairs, lambda g: f"{g['text']!r} {g['earliest']}..{g['latest']}",
          lambda p: f"{p.text!r} {p.earliest}..{p.latest}", report)
    for g, p in pairs:
        if not event_normalized(g, p):
            report.misses.append(f"{doc.path.name}: event interval: {g['text']!r} gold {g['earliest']}..{g['latest']}"
                                 f", found {p.earliest}..{p.latest}")


def _note(doc: Gold, what: str, gold: list, found: list, pairs: list, show_gold, show_found, report: Report) -> None:
    matched_gold, matched_found = [id(g) for g, _ in pairs], [id(p) for _, p in pairs]
    for g in gold:
        if id(g) not in matched_gold:
            report.misses.append(f"{doc.path.name}: missed {what}: {show_gold(g)}")
    for p in found:
        if id(p) not in matched_found:
            report.misses.append(f"{doc.path.name}: extra {what}: {show_found(p)}")


# --- output -------------------------------------------------------------------------------------

def print_table(report: Report, prefix: str, title: str) -> None:
    rows = [(name, score) for name, score in report.scores.items() if name.startswith(prefix)]
    if not rows:
        return
    print(f"\n{title}")
    print(f"  {'':26} {'gold':>5} {'found':>5} {'hits':>5}  {'P':>5}  {'R':>5}  {'F1':>5}")
    order = {"PER": 0, "ORG": 1, "LOC": 2, "PRODUCT": 3, "OTHER": 4}
    rows.sort(key=lambda row: order.get(row[0].removeprefix("entities "), len(order)))  # stable: others keep their order
    for name, score in rows:
        precision, recall, f1 = score.prf()
        print(f"  {name:26} {score.gold:5} {score.found:5} {score.hits:5}  {precision:5.3f}  {recall:5.3f}  {f1:5.3f}")
        for extra, (right, of) in score.extra.items():
            print(f"  {'':26} {extra}: {right}/{of} = {right / of if of else 0.0:.3f}")


def print_report(report: Report, files: int) -> None:
    for category, title in (("entities", "ENTITIES (surface text + type)"), ("figures", "FIGURES"),
                            ("quotes", "QUOTES"), ("events", "EVENTS")):
        done = report.evaluated.get(category, 0)
        if not done:
            print(f"\n{title}\n  not evaluated: its extractor could not be imported or failed on every file")
            continue
        print_table(report, category, title if done == files else f"{title}  (on {done} of {files} files)")
    overall = Score()
    for row in ("entities all", "figures", "quotes", "events found"):
        if row in report.scores:
            score = report.scores[row]
            overall.add(score.gold, score.found, score.hits)
    precision, recall, f1 = overall.prf()
    print(f"\nOVERALL (micro, evaluated categories)  gold={overall.gold} found={overall.found} hits={overall.hits}"
          f"  P={precision:.3f} R={recall:.3f} F1={f1:.3f}")


def gold_paths(args: list[str]) -> list[Path]:
    return [Path(arg) for arg in args] if args else sorted(GOLD_DIR.glob("*.yml"))


def load_registry(path: str | None):
    from site_plugins.registry import Registry, parse_registry
    if not path:
        return Registry()
    return parse_registry(Path(path).read_text(encoding="utf-8"), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold YAML files (default: tests/data/gold/*.yml)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false positives per file")
    parser.add_argument("--registry", help="an entities.yml to pass to the extractor (default: none)")
    parser.add_argument("--names", choices=("fast", "contextual"), default="fast",
                        help="the name recognizer's mode (default: fast)")
    options = parser.parse_args(argv)
    try:
        run(options)
    except Exception:  # a report never fails the caller; say what went wrong instead
        traceback.print_exc()
        print("eval_facts: the evaluation stopped early (see the traceback above)")
    return 0


def run(options) -> None:
    extractor = Extractor(load_registry(options.registry), options.names)
    for problem in extractor.problems:
        print(f"import: {problem}")
    if extractor.pipeline is None:
        usable = [c for c in CATEGORIES if extractor.available[c]]
        print(f"pipeline unavailable: evaluating each extractor alone ({', '.join(usable) or 'none'})")
    report, seconds, files, errors_seen = Report(), 0.0, 0, {}
    for path in gold_paths(options.gold):
        doc = load_gold(path)
        if isinstance(doc, str):
            print(doc)
            continue
        started = time.perf_counter()
        found, errors = extractor.run(doc.text, doc.published)
        seconds += time.perf_counter() - started
        files += 1
        for error in errors:
            errors_seen.setdefault(error, []).append(path.name)
        evaluate(doc, found, report)
    for error, names in errors_seen.items():
        print(f"{error}  [{len(names)} file(s): {', '.join(names[:3])}{', ...' if len(names) > 3 else ''}]")
    print(f"\n{files} gold files, extraction {seconds:.2f} s in total")
    print_report(report, files)
    if options.verbose and report.misses:
        print("\nDETAILS (misses, extras, wrong values)")
        for line in report.misses:
            print(f"  {line}")


if __name__ == "__main__":
    sys.exit(main())
