"""The document model shared by every stage: plain frozen dataclasses, no behaviour beyond
small derived properties. Offsets are character offsets into the text they were found in."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class PubDate:
    """A publication date of year, month or day precision ("2025", "2025-02", "2025-02-01")."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day:
            return self.earliest
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class Entity:
    """One mention of a name. `name` is the canonical form (genitive stripped, registry applied)."""

    text: str
    start: int
    end: int
    type: str  # PER, ORG, LOC, PRODUCT, OTHER
    name: str
    id: str | None = None  # Wikidata id from the registry, if known
    name_en: str | None = None


@dataclass(frozen=True)
class Figure:
    """A key figure: money, percent, count or quantity, normalized."""

    text: str
    start: int
    end: int
    kind: str  # money, percent, count, quantity
    value: float
    unit: str | None  # ISO 4217 for money, "%" for percent, else the unit word
    approximate: bool = False
    unit_assumed: bool = False  # bare "Dollar"/"$" read as USD
    label: str = ""  # what it measures, e.g. "Finanzierungsrunde"
    qualifier: str | None = None  # about, almost, more than, less than, at least, up to


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words, without the quotation marks
    start: int  # offsets of the quoted words including the marks
    end: int
    speaker: str | None


@dataclass(frozen=True)
class Event:
    """A temporal expression normalized to the interval [earliest, latest]."""

    text: str
    start: int
    end: int
    earliest: date
    latest: date
    granularity: str  # day, week, month, quarter, half, year, decade
    sentence: str
    label: str = ""  # the clause around the expression


@dataclass(frozen=True)
class Facts:
    entities: tuple[Entity, ...] = field(default_factory=tuple)
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    events: tuple[Event, ...] = field(default_factory=tuple)
