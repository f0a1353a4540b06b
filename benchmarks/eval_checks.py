"""Measure the translation checks on tests/data/check_pairs.jsonl.

Correct pairs give the false-alarm rate; broken copies derived here (one number changed, one
name dropped, the last clause dropped) give the share of each fault that the checks catch.

    python benchmarks/eval_checks.py [--show]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
from site_plugins.translate.checks import check_pair

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "check_pairs.jsonl"
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAP_RUN = re.compile(r"(?<![\w.])[A-Z][\w'’.-]*(?:\s+(?:of\s+|von\s+der\s+)?[A-Z][\w'’.-]*)*")
_NOT_NAMES = set("January February March April May June July August September October November "
                 "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday I".split())
_CLAUSE = re.compile(r", | and | but | who | which | where |; ")


def load_pairs(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def changed_numbers(pair: dict) -> list[str]:
    """One copy per number in the English, its last digit changed (7 -> 8, 9 -> 0)."""
    copies = []
    for m in _NUMBER.finditer(pair["en"]):
        digits = m.group(0)
        changed = digits[:-1] + str((int(digits[-1]) + 1) % 10)
        copies.append(pair["en"][: m.start()] + changed + pair["en"][m.end():])
    return copies


def dropped_names(pair: dict) -> list[str]:
    """One copy per English name (a capitalized run, not sentence-initial) that comes from
    the German: one of its words is in the German, or it is a territory named in the German."""
    de_words = {w.lower() for w in re.findall(r"\w+", pair["de"])}
    territories = {en: Locale("de").territories.get(code, "")
                   for code, en in Locale("en").territories.items()}
    copies = []
    for m in _CAP_RUN.finditer(pair["en"]):
        run = m.group(0).rstrip(".'’")
        words = [w.lower() for w in re.findall(r"\w+", run)]
        if m.start() == 0 or run in _NOT_NAMES:
            continue
        german_name = territories.get(run, "")
        if any(w in de_words for w in words) or (german_name and german_name in pair["de"]):
            copies.append(re.sub(r"\s{2,}", " ", pair["en"][: m.start()] + pair["en"][m.start() + len(run):]))
    return copies


def dropped_clause(pair: dict) -> list[str]:
    """The English without its last clause, if that clause is at least a fifth of it."""
    en = pair["en"].rstrip()
    bounds = list(_CLAUSE.finditer(en))
    if not bounds:
        return []
    cut = bounds[-1].start()
    if len(en) - cut < max(15, len(en) // 5):
        return []
    return [en[:cut] + en[-1] if en[-1] in ".!?\"" else en[:cut]]


def caught(pair: dict, en: str, kinds: set[str] | None) -> bool:
    problems = check_pair(pair["de"], en)
    return any(kinds is None or p.kind in kinds for p in problems)


def main(show: bool = False) -> None:
    pairs = load_pairs()
    alarms = [p for p in pairs if check_pair(p["de"], p["en"])]
    print(f"correct pairs: {len(pairs)}, false alarms: {len(alarms)} "
          f"({len(alarms) / len(pairs):.1%})")
    for label, derive, kinds in (("changed numbers", changed_numbers, {"number"}),
                                 ("dropped names", dropped_names, {"name"}),
                                 ("dropped clauses", dropped_clause, None)):
        copies = [(p, en) for p in pairs for en in derive(p)]
        missed = [(p, en) for p, en in copies if not caught(p, en, kinds)]
        share = 1 - len(missed) / len(copies) if copies else 0.0
        print(f"{label}: {len(copies) - len(missed)}/{len(copies)} caught ({share:.1%})")
        if show:
            for p, en in missed:
                print(f"  missed {p['id']}: {en}")
    if show:
        for p in alarms:
            print(f"  alarm {p['id']}: {check_pair(p['de'], p['en'])}")


if __name__ == "__main__":
    main(show="--show" in sys.argv)
