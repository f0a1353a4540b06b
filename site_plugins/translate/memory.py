"""The translation memory: one gettext PO catalog per article, German segment -> English.

A segment's `msgid` is the German sentence, its `msgstr` the English, `#:` names the source
line. Machine output carries the `fuzzy` flag and a translator comment `machine: ENGINE DATE`
until a person removes the flag. Updating a catalog after a source edit works like `msgmerge`:
nothing a person wrote is dropped; changed sentences get their old English as a fuzzy suggestion
and removed ones stay as obsolete entries.
"""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

MACHINE_PREFIX = "machine:"
HEADER = ("# English translation memory of one article (German msgid -> English msgstr).\n"
          "# Remove the 'fuzzy' flag of an entry once a person has reviewed its English.")
SUGGESTION_CUTOFF = 0.6  # difflib ratio from which an old sentence counts as "the same, edited"


class MemoryError_(Exception):
    """A catalog that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class SourceSegment:
    text: str
    path: str
    line: int
    context: str | None = None  # msgctxt: None for article text, "quote", "figure", "timeline", ...


@dataclass(frozen=True)
class Lookup:
    english: str | None  # None: nothing publishable, show the German
    status: str  # reviewed, machine, outdated, missing
    provenance: str = ""  # the machine comment, or the previous German for an outdated entry


def new_catalog(now: datetime) -> Catalog:
    return Catalog(locale="en", domain=None, project="newsroom", version="1", header_comment=HEADER,
                   creation_date=now, revision_date=now, fuzzy=False,
                   language_team="English <en@li.org>", charset="utf-8")


def read_catalog(data: bytes, path: str) -> Catalog:
    try:
        return read_po(io.BytesIO(data), locale="en", abort_invalid=True)
    except PoFileError as err:
        raise MemoryError_(f"{path}: expected a gettext PO catalog: {err}") from None
    except (UnicodeDecodeError, ValueError) as err:
        raise MemoryError_(f"{path}:1: expected a UTF-8 gettext PO catalog: {err}") from None


def write_catalog(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False)
    return buffer.getvalue()


def is_machine(message: Message) -> bool:
    return any(c.startswith(MACHINE_PREFIX) for c in message.auto_comments + message.user_comments)


def lookup(catalog: Catalog | None, text: str, context: str | None = None) -> Lookup:
    message = catalog.get(text, context) if catalog is not None else None
    if message is None or not message.string:
        return Lookup(None, "missing")
    if not message.fuzzy:
        return Lookup(message.string, "reviewed")
    if is_machine(message):
        comment = next(c for c in message.user_comments + message.auto_comments if c.startswith(MACHINE_PREFIX))
        return Lookup(message.string, "machine", comment[len(MACHINE_PREFIX):].strip())
    # a suggestion carried over from an edited sentence: it may now be wrong, so never publish it
    return Lookup(None, "outdated", " ".join(message.previous_id) if message.previous_id else "")


def merge(old: Catalog | None, segments: Iterable[SourceSegment], now: datetime) -> Catalog:
    """The catalog for the current segments, keeping every translation `old` had."""
    merged = new_catalog(now)
    if old is not None:
        merged.creation_date, merged.revision_date = old.creation_date, old.revision_date
    previous = {(m.id, m.context): m for m in _messages(old)}
    revived = {(m.id, m.context) for m in (old.obsolete.values() if old is not None else ())}
    for segment in segments:
        key, location = (segment.text, segment.context), (segment.path, segment.line)
        existing = merged.get(*key)
        if existing is not None:
            if location not in existing.locations:
                existing.locations.append(location)
            continue
        kept = previous.get(key)
        if kept is not None:
            message = _copy(kept, locations=[location])
            if key in revived and message.string:
                message.flags.add("fuzzy")  # as msgmerge does: PO files do not keep an obsolete entry's flags
            merged[segment.text] = message
        else:
            merged[segment.text] = _suggest(key, location, previous)
    # everything with English that is no longer a segment stays, as an obsolete entry
    for key, message in previous.items():
        if merged.get(*key) is None and message.string:
            merged.obsolete[key if key[1] else key[0]] = _copy(message, locations=[])
    return merged


def _messages(catalog: Catalog | None) -> list[Message]:
    if catalog is None:
        return []
    live = [m for m in catalog if m.id]
    return live + list(catalog.obsolete.values())


def _copy(message: Message, locations) -> Message:
    return Message(message.id, message.string, locations=list(locations), flags=set(message.flags),
                   auto_comments=list(message.auto_comments), user_comments=list(message.user_comments),
                   previous_id=message.previous_id, context=message.context)


def _suggest(key, location, previous: dict) -> Message:
    """A new entry; with the old English of the closest other sentence (same context) as a
    fuzzy suggestion. The old entry itself stays (live or obsolete), so nothing is lost."""
    text, context = key
    candidates = {k[0]: m for k, m in previous.items() if m.string and k[1] == context}
    close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=SUGGESTION_CUTOFF)
    if not close:
        return Message(text, "", locations=[location], context=context)
    source = candidates[close[0]]
    # the machine comment stays only if the old English was machine output
    comments = [c for c in source.user_comments if c.startswith(MACHINE_PREFIX)]
    return Message(text, source.string, locations=[location], flags={"fuzzy"},
                   user_comments=comments, previous_id=[source.id], context=context)


def mark_machine(catalog: Catalog, text: str, context: str | None, english: str, engine: str, day: str) -> bool:
    """Store machine output for `text` unless a person's English is there; True if stored."""
    message = catalog.get(text, context)
    if message is None:
        return False
    if message.string and not message.fuzzy:
        return False  # reviewed: a machine never overwrites it
    if message.string and not is_machine(message):
        return False  # an outdated human translation waits for review, not for an engine
    message.string = english
    message.flags.add("fuzzy")
    message.user_comments = [c for c in message.user_comments if not c.startswith(MACHINE_PREFIX)]
    message.user_comments.append(f"{MACHINE_PREFIX} {engine} {day}")
    return True


@dataclass(frozen=True)
class Counts:
    segments: int
    reviewed: int
    machine: int
    outdated: int
    missing: int


def count(catalog: Catalog | None, keys: Iterable[tuple[str, str | None]]) -> Counts:
    statuses = [lookup(catalog, text, context).status for text, context in dict.fromkeys(keys)]
    return Counts(len(statuses), statuses.count("reviewed"), statuses.count("machine"),
                  statuses.count("outdated"), statuses.count("missing"))
