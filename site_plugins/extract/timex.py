"""German temporal expressions: find them in a text and normalize each to the interval of days it
denotes, relative to the publication date. The data of the timeline.

    find_events(text, published) -> list[Event]

Events are ordered by position; `text` is text[start:end]; earliest/latest bound (inclusive)
what the expression denotes; `sentence` is the sentence around it; `label` a short German label.

What counts as an expression (the patterns are in timex_rules, timex_relative, timex_years):
- calendar dates: "31. Januar 2025", "31.01.2025", "am 20. Januar", "zweiten Februar",
  "Freitag, 31. Januar", "2025-01-31", "den 28.10.", "am 15." (day of the month);
- months, quarters, halves, seasons, years, decades, centuries: "im Juni 2024", "05/2016",
  "im zweiten Quartal", "Q3 2024", "im ersten Halbjahr 2024", "im Herbst", "Mitte 2024",
  "Ende des Jahres", "in den 1990er-Jahren", "im 19. Jahrhundert"; bare years only where the
  words around make them a date (see timex_years);
- relative: "gestern", "heute Abend", "am Freitag", "am Mittwochabend", "kommenden Dienstag",
  "vergangene Woche", "Anfang dieser Woche", "am Wochenende", "im vergangenen Jahr",
  "vor zwei Jahren", "in zwei Wochen", "in der ersten Juliwoche", "KW 5";
- ranges and combinations: "vom 3. bis 7. März", "zwischen 2019 und 2021", "von Januar bis
  März 2024", "nächstes Jahr im Sommer", "diese Woche Dienstag", "am Freitag vergangener Woche".
The governing preposition belongs to the expression ("am Freitag", "im Juni 2024",
"seit 2019", "bis 2030"); "seit X", "bis X", "ab X" normalize to X itself.

Not events: durations ("zwei Tage lang", "innerhalb weniger Monate", "seit drei Jahren", and
"in drei Jahren" in a past-tense clause, where it means "within"), rolling windows ("in den
letzten drei Jahren"), recurring expressions ("jeden Montag", "montags", "jedes Jahr im Juni",
"immer am Freitag"), vague words ("bald", "jetzt", "künftig", "vor wenigen Tagen"), times of
day ("um 15 Uhr": the day is kept, the hour dropped) and holidays.

Direction (news usage): a bare weekday or weekend points back to the nearest one on or before
the publication date (the publication day counts: "am Freitag" written on a Friday is that
day) unless its clause is clearly future ("wird am Freitag ... vorstellen"): then the nearest
on or after. "kommenden"/"nächsten" look strictly forward, "vergangenen"/"letzten" strictly
back, "diesen" means the one in the publication week. A day and month without a year
("am 20. Januar"), a month, quarter or season take the year of the publication date or the
neighbouring one: the instance nearest to the publication date, or with a clear tense the
nearest one that has begun (past) or not yet ended (future). The tense is the clause's, else
the sentence's, where a verb of saying does not count ("„Im Herbst ist Schluss“, sagte sie"
dates the saying); a present-tense verb of a schedule ("Am Mittwoch legt die Agentur ihren
Bericht vor") reads as future. A fiscal year ("im vergangenen Geschäftsjahr") is read as a calendar year.
Parts of periods ("Anfang", "Mitte", "Ende") are defined in timex_resolve.

Granularity is the unit the expression is stated in: day, weekend, week, month, season,
quarter, half, year, decade, century. earliest/latest then give the exact bounds: "Anfang
Februar" is month with 1-10 February; "vom 3. bis 7. März" is day with five days.

Publication date of month (or year) precision: relative expressions are resolved for the first
and for the last possible publication day and the event spans both, so the interval covers every
possible publication day and never invents one: "am Freitag" with PubDate(2025, 2) is
2025-01-31 .. 2025-02-28 with granularity day. An interval wider than one unit of its
granularity thus says "one of these, we do not know which". With `published=None`, expressions
that need an anchor are dropped; absolute ones are kept.

Sentences are split by `sentences`; clause, tense and label rules are in timex_text. In text
without punctuation a "sentence" can be huge: `sentence` then keeps at most 500 characters on
each side of the expression, and tense and label look at most 250 characters to each side. All
patterns only scan the stretches around trigger words (digits, month and weekday names, Woche,
Jahr, ...).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event, PubDate
from . import timex_relative as rel
from . import timex_rules as rules
from . import timex_years as years
from .timex_lexicon import DECADE_WORD_RE, MONTH_ABBR_RE, MONTH_RE, WEEKDAY_RE
from .timex_resolve import NeedsAnchor, Spec, resolve, resolve_between
from .timex_rules import Mention
from .sentences import Sentences
from .timex_text import clause_bounds, label, tense

__all__ = ["find_events"]

RULES = (
    (rules.DATE_TEXT, rules.date_text), (rules.DATE_NUM, rules.date_num), (rules.DOM, rules.dom),
    (rules.MONTH, rules.month), (rules.MONTH_NUM, rules.month_num), (rules.QUARTER, rules.quarter),
    (rules.QUARTER_CODE, rules.quarter_code), (rules.SEASON, rules.season),
    (rules.DECADE, rules.decade), (rules.CENTURY, rules.century), (rules.COMPOUND, rules.compound),
    (rel.DAY_WORD, rel.day_word), (rel.DAY_ADJECTIVE, rel.day_adjective), (rel.WEEKDAY, rel.weekday),
    (rel.RELATIVE, rel.relative), (rel.OFFSET, rel.offset), (rel.WEEK_OF_MONTH, rel.week_of_month),
    (rel.CALENDAR_WEEK, rel.calendar_week), (years.YEAR, years.year), (years.YEAR_PART, years.year_part),
)
SENTENCE_WINDOW = 500  # characters kept on each side of the expression in a very long sentence
TENSE_WINDOW = 250  # characters on each side that decide the tense and the label
TRIGGER = re.compile("|".join(
    [r"\d", MONTH_RE, MONTH_ABBR_RE, WEEKDAY_RE, DECADE_WORD_RE]
    + "Woche woche Monat monat Jahr jahr Quartal quartal Hälfte hälfte Frühling Frühjahr Sommer Herbst"
    " Winter gestern Gestern heute Heute morgen Morgen heutigen gestrigen morgigen KW Kalenderwoche Tag".split()))
REGION_BEFORE, REGION_AFTER = 70, 90  # longer than any prefix before / any rest after a trigger
_RECURRING_BEFORE = re.compile(
    r"(?i:\b(?:jede[nmrs]?|immer|jeweils|stets|alljährlich|jährlich|regelmäßig)\s(?:[A-Za-zÄÖÜäöüß]+\s)?)$")
_RECURRING_AFTER = re.compile(r"\s(?i:jede[ns]|eines\s+jeden)\s(?:Jahres|Monats|Woche)\b")
_RANGE_GAP = re.compile(r"\s*(?:[-–]|bis(?:\s+zum|\s+zur)?|und(?:\s+dem|\s+den)?)?\s*")
_LIST_GAP = re.compile(r"\s*(?:,|und|oder|sowie|bzw\.|bis|[-–/])\s*")


def find_events(text: str, published: PubDate | None) -> list[Event]:
    """Temporal expressions of the text, normalized against the publication date."""
    mentions = _combine(_keep_supported(_select(_collect(text)), text), text)
    sentences = Sentences(text)
    events = []
    for mention in mentions:
        event = _event(text, mention, sentences, published)
        if event is not None:
            events.append(event)
    return events


def _regions(text: str) -> list[tuple[int, int]]:
    """Stretches of the text around words every expression contains (a digit, a month or
    weekday name, Woche, Jahr, gestern, ...): the patterns need not look anywhere else."""
    regions: list[tuple[int, int]] = []
    for match in TRIGGER.finditer(text):
        start, end = max(0, match.start() - REGION_BEFORE), match.end() + REGION_AFTER
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], end))
        else:
            regions.append((start, end))
    return regions


def _collect(text: str) -> list[Mention]:
    found = []
    regions = _regions(text)
    for pattern, handler in RULES:
        for region_start, region_end in regions:
            for match in pattern.finditer(text, region_start, region_end):
                if match.end() == match.start():
                    continue
                mention = handler(match, text)
                if mention is not None and mention.end > mention.start:
                    found.append(mention)
    return found


def _select(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: in each group of overlapping ones, longest first (strong before
    weak, then earlier start)."""
    mentions.sort(key=lambda m: (m.start, -m.end))
    chosen: list[Mention] = []
    group: list[Mention] = []
    group_end = -1
    for mention in mentions + [None]:
        if mention is None or mention.start >= group_end:
            group.sort(key=lambda m: (m.weak, -(m.end - m.start), m.start))
            taken: list[Mention] = []
            for candidate in group:
                if all(candidate.end <= t.start or candidate.start >= t.end for t in taken):
                    taken.append(candidate)
            chosen.extend(sorted(taken, key=lambda m: m.start))
            group, group_end = [], -1
        if mention is not None:
            group.append(mention)
            group_end = max(group_end, mention.end)
    return chosen


def _keep_supported(mentions: list[Mention], text: str) -> list[Mention]:
    """Weak mentions (a bare weekday, month or year) stay only in a list or range with a
    mention of the same family: "am Montag und Dienstag", "Januar bis März 2024". Support
    spreads along a chain, so one sweep each way suffices."""
    keep = [not m.weak for m in mentions]
    order = list(range(len(mentions)))
    for indices, step in ((order, -1), (order[::-1], 1)):
        for i in indices:
            j = i + step
            if keep[i] or not 0 <= j < len(mentions) or not keep[j]:
                continue
            left, right = sorted((mentions[i], mentions[j]), key=lambda m: m.start)
            if _family_match(left, right) and _LIST_GAP.fullmatch(text, left.end, right.start):
                keep[i] = True
    return [m for m, k in zip(mentions, keep) if k]


def _family_match(a: Mention, b: Mention) -> bool:
    day_like = {"day", "weekday"}
    return a.family == b.family or (a.family in day_like and b.family in day_like)


def _combine(mentions: list[Mention], text: str) -> list[Mention]:
    """Join neighbours, first ranges ("vom 3. bis 7. März") and bare days before a date
    ("am 15. und 16. März"), then a period and what lies inside it ("nächstes Jahr im Sommer",
    "nächsten Monat vom 4. bis zum 23.")."""
    for join in (_join_range, _join_frame):
        result: list[Mention] = []
        for mention in mentions:
            joined = _join(result[-1], mention, text, join) if result else None
            if joined is not None:
                result[-1:] = joined
            else:
                result.append(mention)
        mentions = result
    return mentions


def _join(a: Mention, b: Mention, text: str, join) -> list[Mention] | None:
    return join(a, b, text[a.end:b.start])


def _join_range(a: Mention, b: Mention, gap: str) -> list[Mention] | None:
    if _is_range(a, b, gap):
        spec = Spec("range", outer=a.spec, inner=b.spec)
        return [Mention(a.start, b.end, spec, a.prefix, b.family)]
    if a.spec.kind == "dom" and b.spec.kind == "date" and re.fullmatch(r"\s*(?:,|und|oder|sowie)\s*", gap):
        return [replace(a, spec=Spec("sibling", outer=b.spec, inner=a.spec)), b]
    return None


def _join_frame(a: Mention, b: Mention, gap: str) -> list[Mention] | None:
    if gap.strip() == "" and "\n" not in gap and _is_frame(a, b):
        return [Mention(a.start, b.end, Spec("within", outer=a.spec, inner=b.spec), a.prefix, b.family)]
    return None


def _is_range(a: Mention, b: Mention, gap: str) -> bool:
    if a.spec.kind in ("range", "within", "sibling") or b.spec.kind in ("range", "sibling"):
        return False  # a range has two ends, never more
    if not _RANGE_GAP.fullmatch(gap) or "\n" in gap:
        return False
    word = gap.strip().split(" ")[0] if gap.strip() else ""
    if a.prefix.startswith("zwischen"):
        return word == "und" or (word == "" and b.prefix in ("und", "dem", "den", ""))
    if word == "und":
        return False
    starts = a.prefix in ("vom", "von", "") or a.spec.kind == "dom"
    if word in ("-", "–"):
        return starts and b.prefix == "" and (a.family == b.family or a.spec.kind == "dom")
    if word == "" and b.prefix.startswith("bis"):
        return a.prefix in ("vom", "von") or (a.prefix == "" and a.family == b.family) or a.spec.kind == "dom"
    if word.startswith("bis"):
        return starts and b.prefix in ("", "zum", "dem") and (a.prefix in ("vom", "von") or a.family == b.family)
    return False


_FRAMES = {"year": {"month", "season", "quarter", "half", "day", "weekday", "week"},
           "month": {"day"}, "week": {"weekday", "day"}}


def _is_frame(a: Mention, b: Mention) -> bool:
    """a names a period, b something inside it that lacks what a gives ("Nächstes Jahr im
    Dezember", "Im November zwischen dem 19. und dem 20.", "diese Woche am Dienstag")."""
    unit = a.spec.unit if a.spec.kind == "rel" else a.spec.kind
    if unit not in _FRAMES or a.spec.part or b.family not in _FRAMES[unit]:
        return False
    inner = b.spec.outer if b.spec.kind == "range" else b.spec
    if unit == "week":
        return inner.kind in ("weekday", "weekend") and inner.mode == "auto"
    if unit == "month":
        return inner.kind == "dom"
    return inner.yearless and inner.kind != "week_of_month"


def _with_tense(spec: Spec, found: str | None) -> Spec:
    if spec is None or found is None:
        return spec
    changes = {}
    if spec.mode == "auto":
        changes["mode"] = found
    if spec.outer is not None:
        changes["outer"] = _with_tense(spec.outer, found)
    if spec.inner is not None:
        changes["inner"] = _with_tense(spec.inner, found)
    return replace(spec, **changes) if changes else spec


def _event(text: str, mention: Mention, sentences: Sentences, published: PubDate | None) -> Event | None:
    start, end = mention.start, mention.end
    sentence = sentences.around(start)
    sentence = (max(sentence[0], start - SENTENCE_WINDOW), min(sentence[1], end + SENTENCE_WINDOW))
    if _RECURRING_BEFORE.search(text, max(sentence[0], start - 30), start) or \
            _RECURRING_AFTER.match(text, end):
        return None
    near = (max(sentence[0], start - TENSE_WINDOW), min(sentence[1], end + TENSE_WINDOW))
    clause = clause_bounds(text, near, start, end)
    found_tense = tense(text, near, clause)
    if text[start:end].lower().startswith("seit"):
        found_tense = "past"  # "seit Mittwoch": a point already passed, whatever the verb
    if mention.point_in_future and found_tense == "past":
        return None  # "hat in drei Jahren ... verdoppelt": a duration
    spec = _with_tense(mention.spec, found_tense)
    try:
        if published is None:
            earliest, latest, granularity = resolve(spec, None)
        else:
            earliest, latest, granularity = resolve_between(spec, published.earliest, published.latest)
    except (NeedsAnchor, ValueError, OverflowError, StopIteration, IndexError):
        return None
    return Event(text=text[start:end], start=start, end=end, earliest=earliest, latest=latest,
                 granularity=granularity, sentence=text[sentence[0]:sentence[1]].strip(),
                 label=label(text, near, start, end, clause))
