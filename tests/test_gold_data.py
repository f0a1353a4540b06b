"""Tests for the gold data of fact extraction (tests/data/gold/*.yml) and for the report
`benchmarks/eval_facts.py` that scores the extractor against it. These check that the gold is
well-formed and that the report runs; they do not assert extraction quality."""
from __future__ import annotations

import calendar
import importlib.util
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "gold"
EVAL = ROOT / "benchmarks" / "eval_facts.py"
ARTICLES = sorted(p for p in GOLD_DIR.glob("*.yml") if "text_file" not in yaml.safe_load(p.read_text("utf-8")))
SEED_GOLD = GOLD_DIR / "seed.yml"

ENTITY_TYPES = {"PER", "ORG", "LOC", "PRODUCT", "OTHER"}
FIGURE_KINDS = {"money", "percent", "count", "quantity"}
PUBLISHED = re.compile(r"\d{4}-\d{2}(-\d{2})?")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def article_text(path: Path, data: dict) -> str:
    if "text_file" not in data:
        return data["text"]
    source = (ROOT / data["text_file"]).resolve()
    if not source.is_file():
        pytest.skip(f"{path.name}: {data['text_file']} is absent (the seed lives in ../shared, outside the project)")
    return source.read_text(encoding="utf-8")


def as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def test_enough_articles_and_items():
    """The brief: at least 9 articles, 150 entity mentions, 40 figures, 25 quotes, 50 events,
    two with a publication date of month precision, and varied domains."""
    data = [load(p) for p in ARTICLES]
    assert len(data) >= 9
    totals = {key: sum(len(d.get(key) or []) for d in data) for key in ("entities", "figures", "quotes", "events")}
    assert totals["entities"] >= 150 and totals["figures"] >= 40
    assert totals["quotes"] >= 25 and totals["events"] >= 50
    assert sum(isinstance(d["published"], str) and len(d["published"]) == 7 for d in data) >= 2
    assert {"business", "politics", "tech", "sports", "culture", "regional", "science"} <= {d["domain"] for d in data}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_article_length_and_keys(path):
    data = load(path)
    assert set(data) <= {"id", "domain", "published", "text", "entities", "figures", "quotes", "events"}, path.name
    words = len(data["text"].split())
    assert 250 <= words <= 450, f"{path.name}: expected 250-450 words, found {words}"


@pytest.mark.parametrize("path", [*ARTICLES, SEED_GOLD], ids=lambda p: p.stem)
def test_every_text_occurs_often_enough(path):
    data = load(path)
    text = article_text(path, data)
    needed = Counter()
    for key in ("entities", "figures", "quotes", "events"):
        for item in data.get(key) or []:
            needed[item.get("text") or item.get("starts")] += 1
    for string, count in needed.items():
        assert string, f"{path.name}: an item without text"
        assert text.count(string) >= count, f"{path.name}: {string!r} listed {count}x, occurs {text.count(string)}x"


@pytest.mark.parametrize("path", [*ARTICLES, SEED_GOLD], ids=lambda p: p.stem)
def test_fields_and_values_are_valid(path):
    data = load(path)
    published = data["published"]
    assert isinstance(published, date) or PUBLISHED.fullmatch(str(published)), f"{path.name}: published {published!r}"
    for entity in data.get("entities") or []:
        assert entity["type"] in ENTITY_TYPES, f"{path.name}: {entity}"
        assert set(entity) <= {"text", "type", "name"}, f"{path.name}: {entity}"
    for figure in data.get("figures") or []:
        assert figure["kind"] in FIGURE_KINDS, f"{path.name}: {figure}"
        assert isinstance(figure["value"], (int, float)) and figure["value"] >= 0, f"{path.name}: {figure}"
        if figure["kind"] == "money":
            assert re.fullmatch(r"[A-Z]{3}", figure["unit"]), f"{path.name}: money needs an ISO 4217 code: {figure}"
        if figure["kind"] == "percent":
            assert figure["unit"] == "%", f"{path.name}: {figure}"
    for quote in data.get("quotes") or []:
        assert ("text" in quote) != ("starts" in quote), f"{path.name}: a quote has text or starts: {quote}"
        assert quote.get("speaker") is None or isinstance(quote["speaker"], str), f"{path.name}: {quote}"
        if "starts" in quote:
            assert len(quote["starts"].split()) <= 5, f"{path.name}: at most five words of a seed quote: {quote}"
    for event in data.get("events") or []:
        earliest, latest = as_date(event["earliest"]), as_date(event["latest"])
        assert earliest <= latest, f"{path.name}: {event}"


def test_seed_gold_keeps_no_seed_text():
    """Only short strings of the seed are stored: names, figures, expressions, quote openings."""
    data = load(SEED_GOLD)
    assert "text" not in data and data["text_file"] == "../shared/seeds/000_15f7b36964d19826.txt"
    assert data["published"] == "2025-02"
    longest = max(len(item.get("text") or item.get("starts"))
                  for key in ("entities", "figures", "quotes", "events") for item in data[key])
    assert longest <= 40


def test_relative_dates_follow_the_conventions():
    """Spot checks of the interval conventions on the gold itself (day and month precision)."""
    def event(name: str, text: str) -> tuple[date, date]:
        found = next(e for e in load(GOLD_DIR / name)["events"] if e["text"] == text)
        return as_date(found["earliest"]), as_date(found["latest"])

    assert event("01_wirtschaft_maschinenbau.yml", "am Freitag") == (date(2025, 3, 14), date(2025, 3, 14))
    # month precision, March 2025: every possible publication day from the 1st to the 31st
    first, last = date(2025, 3, 1), date(2025, 3, calendar.monthrange(2025, 3)[1])
    assert event("08_energie_windkraft_monat.yml", "gestern") == (date(2025, 2, 28), date(2025, 3, 30))
    assert first.weekday() == 5 and last.weekday() == 0  # the Friday before each: Feb 28 .. Mar 28
    assert event("08_energie_windkraft_monat.yml", "am Freitag") == (date(2025, 2, 28), date(2025, 3, 28))
    assert event("09_technik_uebernahme_monat.yml", "Anfang dieser Woche") == (date(2024, 10, 28), date(2024, 11, 27))


def load_eval_module():
    spec = importlib.util.spec_from_file_location("eval_facts", EVAL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_eval_locates_gold_items_in_text_order():
    module = load_eval_module()
    doc = module.load_gold(GOLD_DIR / "01_wirtschaft_maschinenbau.yml")
    for key in ("entities", "figures", "quotes", "events"):
        spans = [item["span"] for item in doc.items[key]]
        assert None not in spans, key
        for item, (start, end) in zip(doc.items[key], spans):
            assert doc.text[start:end] == (item.get("text") or item.get("starts"))
    brenntaler = [item["span"] for item in doc.items["entities"] if item["text"] == "Brenntaler"]
    assert len(brenntaler) == 2  # the short form, not the one inside "Brenntaler Präzisionswerke"
    assert not any(doc.text.startswith(" Präzisionswerke", end) for _, end in brenntaler)


def test_eval_main_returns_zero_on_one_file(capsys):
    module = load_eval_module()
    assert module.main([str(GOLD_DIR / "02_politik_waermenetze.yml"), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "1 gold files" in out and "OVERALL" in out


def test_eval_script_runs_as_a_report():
    result = subprocess.run([sys.executable, str(EVAL)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "OVERALL" in result.stdout
    if not (ROOT.parent / "shared").is_dir():
        assert "seed.yml: skipped" in result.stdout
