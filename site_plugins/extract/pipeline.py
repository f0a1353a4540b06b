"""Facts of one article: figures, entities, quotes and events, with the editor's corrections
from the front matter applied. `extract_text` is the extraction contract (character offsets
into the given text); `article_facts` is what the pages show."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..article import Article
from ..model import Entity, Event, Facts, Figure, PubDate, Quote
from ..registry import Registry
from .entities import find_entities, salient
from .figures import find_figures
from .overrides import apply_overrides
from .quotes import find_quotes
from .timex import find_events


def extract_text(text: str, published: PubDate | None, registry: Registry = Registry(),
                 names: str = "fast") -> Facts:
    """`names`: the name recognizer's mode (see ner.load)."""
    entities = find_entities(text, registry, names)
    people = [(e.start, e.name) for e in entities if e.type == "PER"]
    quotes = [replace(q, speaker=speaker_name(q.speaker, entities)) for q in find_quotes(text, people)]
    return Facts(tuple(entities), tuple(find_figures(text)), tuple(quotes), tuple(find_events(text, published)))


def speaker_name(speaker: str | None, entities: list[Entity]) -> str | None:
    """A speaker phrase reduced to the person it names: "der Informatiker Jonas Brettschneider
    von der Universität Tübingen" -> "Jonas Brettschneider"; a surname alone ("Brettschneider")
    -> the full name found elsewhere in the text. Descriptions without a name stay as they are."""
    if not speaker:
        return speaker
    people = [e.name for e in entities if e.type == "PER"]
    # the first person in the phrase is its head: "Katrin Vogelsang von der Bank Hellmann"
    inside = [(speaker.find(name), -len(name), name) for name in people if name in speaker]
    if inside:
        return min(inside)[2]
    if " " not in speaker:
        full = [name for name in people if name.endswith(" " + speaker)]
        if full:
            return full[0]
    return speaker


@dataclass(frozen=True)
class ArticleFacts:
    """What the fact box and timeline of one article show."""

    figures: tuple[Figure, ...]
    entities: tuple[dict, ...]  # salient(): name, type, name_en, id, mentions, first
    quotes: tuple[Quote, ...]
    events: tuple[Event, ...]
    line_of: dict  # character offset of each block start -> source line, for PO references

    def strings(self) -> list[tuple[str, str, int]]:
        """(context, German text, source line) of every fact text the English page needs."""
        names = {e["name"] for e in self.entities}
        found = [("figure", f.label, self._line(f.start)) for f in self.figures if f.label]
        found += [("quote", q.text, self._line(q.start)) for q in self.quotes]
        found += [("speaker", q.speaker, self._line(q.start)) for q in self.quotes
                  if q.speaker and q.speaker not in names]
        found += [("timeline", e.label or e.text, self._line(e.start)) for e in self.events]
        return found

    def _line(self, offset: int) -> int:
        starts = [s for s in self.line_of if s <= offset]
        return self.line_of[max(starts)] if starts else 0


def article_facts(article: Article, registry: Registry, names: str = "fast") -> ArticleFacts:
    text = article.text
    facts = apply_overrides(extract_text(text, article.published, registry, names), article.meta.get("facts"),
                            article.path, article.published)
    line_of, offset = {}, 0
    for block in article.blocks:
        line_of[offset] = block.line
        offset += len(block.text) + 2
    events = tuple(sorted(facts.events, key=lambda e: (e.earliest, e.latest, e.start)))
    return ArticleFacts(facts.figures, tuple(salient(list(facts.entities))), facts.quotes, events, line_of)
