"""What a German temporal expression denotes: `Spec` (the parsed meaning) and `resolve` (its
interval for one anchor day). Pure calendar arithmetic, no text.

Rules (see timex.py for the whole contract):
- weeks run Monday to Sunday; a weekend is Saturday and Sunday of a week;
- seasons are meteorological: spring March-May, summer June-August, autumn September-November,
  winter December to February; "Winter 2024" is the winter that begins in December 2024;
- parts: "Anfang/Mitte/Ende" of a week = Mon-Wed / Tue-Thu / Fri-Sun; of a month = days
  1-10 / 11-20 / 21-end; of a quarter = its first / second / third month; of a half = months
  1-2 / 3-4 / 5-6; of a season = its months one by one; of a year = Jan-Apr / May-Aug / Sep-Dec;
  of a decade = years 0-3 / 4-6 / 7-9; of a century = years 0-32 / 33-65 / 66-99;
  "Rest" = from the anchor day to the end of the unit;
- a day of the month alone ("am 15.") is in the anchor's month, or with a clear tense the
  nearest such day that has passed (past) or not yet come (future);
- an instance without a year (a day and month, a month, a quarter, a half, a season, a day of
  the month) is chosen among neighbouring years by `mode`: "this" the one around the anchor,
  "last"/"next" the nearest one strictly before/after the anchor, "past"/"future" (from the
  tense of the sentence) the nearest one that has begun by / has not ended before the anchor,
  and "auto" without a clear tense the one nearest to the anchor;
- a weekday: "past" (the default in news) the nearest one on or before the anchor, "future" on
  or after it, "last"/"next" strictly before/after, "this" the one in the anchor's week. The
  publication day itself counts: "am Freitag" written on a Friday is that Friday.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .timex_calendar import (NeedsAnchor, add_months, apply_part, choose, divmod_index, month_span,
                             unit_span, week_span)

GRANULARITY_ORDER = ("day", "weekend", "week", "month", "season", "quarter", "half", "year",
                     "decade", "century")


@dataclass(frozen=True)
class Spec:
    """The meaning of one expression. `kind` selects which fields count:

    date (year?, month, day) | dom (day, month?, year?) | month/quarter/half/season (year?,
    index, part, mode) | year (year, part) | decade (year = first year, part) | century (index,
    part) | isoweek (year?, index) | week_of_month (year?, month?, index: 1..5 or -1 for the last)
    | days (shift) | rel (unit, shift, part) | weekday (weekday, mode) | weekend (mode, shift)
    | night (inner: a weekday or days spec; the night before that day) | within (outer, inner:
    the inner expression inside the period of the outer one) | range (outer = first, inner =
    last) | sibling (inner takes the month and year from outer but denotes itself) | fixed
    (span: days already placed, a single day or a weekend).
    """

    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    index: int | None = None
    weekday: int | None = None
    shift: int = 0
    unit: str = ""
    part: str | None = None
    mode: str = "auto"
    outer: "Spec | None" = None
    inner: "Spec | None" = None
    span: tuple[date, date] | None = None  # kind "fixed": an already resolved day or days

    @property
    def yearless(self) -> bool:
        return self.kind in ("date", "month", "quarter", "half", "season", "isoweek",
                             "week_of_month") and self.year is None


Resolved = tuple[date, date, str]


def _yearly(spec: Spec, anchor: date | None, make) -> tuple[date, date]:
    """The instance of a yearly-recurring period: fixed year, or chosen around the anchor."""
    if spec.year is not None:
        return make(spec.year)
    if anchor is None:
        raise NeedsAnchor
    instances = []
    for year in range(anchor.year - 2, anchor.year + 3):
        try:
            instances.append(make(year))
        except ValueError:  # 29 February in a common year
            continue
    return choose(instances, anchor, spec.mode)


def _weekday(spec: Spec, anchor: date | None) -> date:
    if anchor is None:
        raise NeedsAnchor
    if spec.mode == "this":
        return week_span(anchor)[0] + timedelta(days=spec.weekday)
    mode = spec.mode if spec.mode in ("past", "future", "last", "next") else "past"
    back = (anchor.weekday() - spec.weekday) % 7
    forward = (spec.weekday - anchor.weekday()) % 7
    if mode == "past":
        return anchor - timedelta(days=back)
    if mode == "future":
        return anchor + timedelta(days=forward)
    if mode == "last":
        return anchor - timedelta(days=back or 7)
    return anchor + timedelta(days=forward or 7)


def _relative(spec: Spec, anchor: date | None) -> tuple[date, date]:
    if anchor is None:
        raise NeedsAnchor
    unit, shift = spec.unit, spec.shift
    if unit == "day":
        day = anchor + timedelta(days=shift)
        return day, day
    if unit == "week":
        return week_span(anchor + timedelta(days=7 * shift))
    if unit == "month":
        return month_span(*add_months(anchor.year, anchor.month, shift))
    if unit == "quarter":
        return unit_span("quarter", *divmod_index(anchor.year, (anchor.month - 1) // 3 + shift, 4))
    if unit == "half":
        return unit_span("half", *divmod_index(anchor.year, (anchor.month - 1) // 6 + shift, 2))
    if unit == "year":
        return date(anchor.year + shift, 1, 1), date(anchor.year + shift, 12, 31)
    raise ValueError(unit)


def _week_of_month(spec: Spec, anchor: date | None) -> tuple[date, date]:
    """Weeks belong to the month that holds at least four of their days (as ISO weeks do)."""
    def make(year: int) -> tuple[date, date]:
        first, last = month_span(year, spec.month)
        weeks = []
        monday = week_span(first)[0]
        while monday <= last:
            inside = sum(1 for d in range(7) if (monday + timedelta(days=d)).month == spec.month)
            if inside >= 4:
                weeks.append((monday, monday + timedelta(days=6)))
            monday += timedelta(days=7)
        return weeks[spec.index - 1] if spec.index > 0 else weeks[-1]
    if spec.month is None:
        if anchor is None:
            raise NeedsAnchor
        return _week_of_month(replace(spec, year=anchor.year, month=anchor.month), anchor)
    return _yearly(spec, anchor, make)


def _fill_from(inner: Spec, frame: tuple[date, date], frame_unit: str) -> Spec | tuple[date, date]:
    """The inner expression placed inside a resolved outer period."""
    first = frame[0]
    if inner.kind == "weekday" and frame_unit == "week":
        day = first + timedelta(days=inner.weekday)
        return day, day
    if inner.kind == "weekend" and frame_unit == "week":
        return first + timedelta(days=5), first + timedelta(days=6)
    if inner.kind == "dom":
        return replace(inner, kind="date", year=first.year, month=first.month)
    if inner.kind == "range":
        return replace(inner, outer=_as_spec(_fill_from(inner.outer, frame, frame_unit)),
                       inner=_as_spec(_fill_from(inner.inner, frame, frame_unit)))
    if inner.yearless:
        return replace(inner, year=first.year)
    return inner


def _as_spec(value: Spec | tuple[date, date]) -> Spec:
    if isinstance(value, Spec):
        return value
    return Spec("fixed", span=value)


def resolve(spec: Spec, anchor: date | None) -> Resolved:
    """(earliest, latest, granularity) of the spec for one anchor day (None: no anchor)."""
    kind = spec.kind
    if kind == "fixed":
        return spec.span[0], spec.span[1], "weekend" if spec.span[0] != spec.span[1] else "day"
    if kind == "date":
        day = _yearly(spec, anchor, lambda y: (date(y, spec.month, spec.day),) * 2)
        return day[0], day[1], "day"
    if kind == "dom":
        if anchor is None:
            raise NeedsAnchor
        if spec.mode in ("auto", "this") and spec.day <= calendar.monthrange(anchor.year, anchor.month)[1]:
            day = date(anchor.year, anchor.month, spec.day)  # "am 15.": this month's 15th
            return day, day, "day"
        instances = []
        for offset in range(-3, 4):
            year, month = add_months(anchor.year, anchor.month, offset)
            if spec.day <= calendar.monthrange(year, month)[1]:
                instances.append((date(year, month, spec.day),) * 2)
        first, last = choose(instances, anchor, spec.mode)
        return first, last, "day"
    if kind in ("month", "quarter", "half", "season"):
        span = _yearly(spec, anchor, lambda y: unit_span(kind, y, spec.index))
        return (*apply_part(span, kind, spec.part, anchor), kind)
    if kind == "year":
        return (*apply_part((date(spec.year, 1, 1), date(spec.year, 12, 31)), "year", spec.part, anchor), "year")
    if kind == "decade":
        span = date(spec.year, 1, 1), date(spec.year + 9, 12, 31)
        return (*apply_part(span, "decade", spec.part, anchor), "decade")
    if kind == "century":
        if spec.index is None and anchor is None:
            raise NeedsAnchor
        index = spec.index or anchor.year // 100 + 1  # "des Jahrhunderts": the current one
        span = date(index * 100 - 100, 1, 1), date(index * 100 - 1, 12, 31)
        return (*apply_part(span, "century", spec.part, anchor), "century")
    if kind == "isoweek":
        span = _yearly(spec, anchor, lambda y: week_span(date.fromisocalendar(y, spec.index, 1)))
        return (*span, "week")
    if kind == "week_of_month":
        return (*_week_of_month(spec, anchor), "week")
    if kind == "rel":
        span = apply_part(_relative(spec, anchor), spec.unit, spec.part, anchor)
        return (*span, spec.unit)
    if kind == "weekday":
        day = _weekday(spec, anchor)
        return day, day, "day"
    if kind == "weekend":
        if anchor is None:
            raise NeedsAnchor
        mondays = [week_span(anchor)[0] + timedelta(days=7 * k) for k in range(-3, 4)]
        weekends = [(m + timedelta(days=5), m + timedelta(days=6)) for m in mondays]
        if spec.mode == "this":
            return (*weekends[3], "weekend")
        mode = spec.mode if spec.mode in ("past", "future", "last", "next") else "past"
        return (*choose(weekends, anchor, mode), "weekend")
    return _resolve_composite(spec, anchor)


def _resolve_composite(spec: Spec, anchor: date | None) -> Resolved:
    kind = spec.kind
    if kind == "night":
        _, day, _ = resolve(spec.inner, anchor)
        return day - timedelta(days=1), day, "day"
    if kind == "within":
        first, last, unit = resolve(spec.outer, anchor)
        placed = _fill_from(spec.inner, (first, last), unit)
        if isinstance(placed, tuple):
            return resolve(_as_spec(placed), anchor)
        return resolve(placed, anchor)
    if kind == "sibling":
        first, _, unit = resolve(spec.outer, anchor)
        placed = _fill_from(spec.inner, (first, first), unit)
        return resolve(_as_spec(placed), anchor)
    if kind == "range":
        return _resolve_range(spec.outer, spec.inner, anchor)
    raise ValueError(kind)


def _resolve_range(head: Spec, tail: Spec, anchor: date | None) -> Resolved:
    """'vom 3. bis 12. September 2024': the head takes what it lacks from the tail."""
    last_first, last_last, last_unit = resolve(tail, anchor)
    if head.kind == "dom" and head.month is None:
        head = replace(head, kind="date", year=last_first.year, month=last_first.month)
    elif head.yearless:
        head = replace(head, year=last_first.year)
        if resolve(head, anchor)[0] > last_last:
            head = replace(head, year=last_first.year - 1)
    first, _, head_unit = resolve(head, anchor)
    if first > last_last:
        raise ValueError("range ends before it begins")
    return first, last_last, finer(head_unit, last_unit)


def finer(a: str, b: str) -> str:
    return min(a, b, key=GRANULARITY_ORDER.index)


def resolve_between(spec: Spec, earliest: date, latest: date) -> Resolved:
    """The hull of the spec's interval over every anchor day from earliest to latest. All rules
    are monotone in the anchor, so the two ends of the publication interval suffice."""
    first_a, last_a, unit = resolve(spec, earliest)
    if earliest == latest:
        return first_a, last_a, unit
    first_b, last_b, _ = resolve(spec, latest)
    return min(first_a, first_b), max(last_a, last_b), unit
