"""Editors have the last word: the front matter key `facts` suppresses, corrects or adds
figures, entities, quotes and events.

    facts:
      suppress: [Wired, "113 US-Dollar", bald]     # by text (or entity name)
      figures:  [{text: "40 Milliarden US-Dollar", label: Finanzierungsrunde}]
      entities: [{name: Deepseek, type: ORG, en: DeepSeek}, {name: Liang Wenfeng, type: PER}]
      quotes:   [{text: "Man braucht zwar", speaker: Miles Brundage}]
      events:   [{text: am Freitag, earliest: 2025-01-31, latest: 2025-01-31, label: o3-mini für alle}]

An item whose `text` (entities: `name`) matches an extracted one corrects it (quotes match by
their beginning); any other item is added.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model import Entity, Event, Facts, Figure, PubDate, Quote

KINDS = {"figures": Figure, "entities": Entity, "quotes": Quote, "events": Event}
ALLOWED = {
    "figures": {"text", "kind", "value", "unit", "approximate", "unit_assumed", "label"},
    "entities": {"name", "type", "en", "id"},
    "quotes": {"text", "speaker"},
    "events": {"text", "earliest", "latest", "granularity", "label"},
}


def validate(spec) -> str | None:
    """None if `spec` is a valid `facts` mapping, else what is wrong."""
    if not isinstance(spec, dict):
        return f"expected 'facts' as a mapping (suppress, figures, entities, quotes, events), found {spec!r}"
    unknown = set(spec) - {"suppress", *KINDS}
    if unknown:
        return f"expected keys suppress, figures, entities, quotes, events under 'facts', found {', '.join(sorted(unknown))}"
    if not isinstance(spec.get("suppress", []), list):
        return "expected 'facts: suppress' as a list of texts"
    for kind, allowed in ALLOWED.items():
        items = spec.get(kind, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return f"expected 'facts: {kind}' as a list of mappings"
        for item in items:
            extra = set(item) - allowed
            if extra:
                return f"expected only {', '.join(sorted(allowed))} in 'facts: {kind}', found {', '.join(sorted(extra))}"
            if kind == "events" and not all(isinstance(item.get(k), date) for k in ("earliest", "latest")):
                return "expected 'earliest' and 'latest' as YYYY-MM-DD dates in 'facts: events'"
            if kind == "entities" and "name" not in item:
                return "expected a 'name' in each 'facts: entities' item"
    return None


def apply_overrides(facts: Facts, spec, path: str, published: PubDate | None) -> Facts:
    if not spec:
        return facts
    suppressed = {str(s) for s in spec.get("suppress", [])}
    figures = [f for f in facts.figures if f.text not in suppressed]
    entities = [e for e in facts.entities if e.name not in suppressed and e.text not in suppressed]
    quotes = [q for q in facts.quotes if q.text not in suppressed]
    events = [e for e in facts.events if e.text not in suppressed]
    for item in spec.get("figures", []):
        figures = _correct(figures, item, lambda f: f.text == item.get("text"), _new_figure)
    for item in spec.get("entities", []):
        fields = {"name": item["name"], **{k: item[k] for k in ("type", "id") if k in item}}
        if "en" in item:
            fields["name_en"] = item["en"]
        entities = _correct(entities, fields, lambda e: e.name == item["name"], _new_entity)
    for item in spec.get("quotes", []):
        quotes = _correct(quotes, item, lambda q: q.text.startswith(str(item.get("text", "\0"))), _new_quote)
    for item in spec.get("events", []):
        events = _correct(events, item, lambda e: e.text == item.get("text"), _new_event)
    return Facts(tuple(entities), tuple(figures), tuple(quotes), tuple(events))


def _correct(found: list, item: dict, matches, make) -> list:
    if any(matches(x) for x in found):
        fields = {k: v for k, v in item.items() if k != "text" or make is not _new_quote}
        return [replace(x, **fields) if matches(x) else x for x in found]
    return found + [make(item)]


def _new_figure(item: dict) -> Figure:
    return Figure(str(item.get("text", "")), 0, 0, item.get("kind", "money"), float(item.get("value", 0)),
                  item.get("unit"), bool(item.get("approximate", False)), bool(item.get("unit_assumed", False)),
                  str(item.get("label", "")))


def _new_entity(item: dict) -> Entity:
    return Entity(item["name"], 0, 0, item.get("type", "OTHER"), item["name"], item.get("id"), item.get("name_en"))


def _new_quote(item: dict) -> Quote:
    return Quote(str(item.get("text", "")), 0, 0, item.get("speaker"))


def _new_event(item: dict) -> Event:
    return Event(str(item.get("text", "")), 0, 0, item["earliest"], item["latest"],
                 item.get("granularity", "day"), "", str(item.get("label", item.get("text", ""))))
