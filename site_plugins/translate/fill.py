"""Filling gaps in a catalog with a machine-translation engine: only segments without any
English, marked fuzzy with engine and date; a person's English is never touched."""
from __future__ import annotations

from typing import Callable, Iterable

from babel.messages.catalog import Catalog

from .engines import Engine, EngineError
from .glossary import Glossary, translate_with_glossary
from .memory import lookup, mark_machine

BATCH = 16


def missing_keys(catalog: Catalog, keys: Iterable[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    return [k for k in dict.fromkeys(keys) if lookup(catalog, *k).status == "missing"]


def fill_missing(catalog: Catalog, keys: list[tuple[str, str | None]], engine: Engine, engine_name: str,
                 glossary: Glossary | None, day: str,
                 progress: Callable[[Iterable[int]], Iterable[int]] = iter) -> tuple[int, str | None]:
    """(segments filled, the engine's error or None). Batches already done stay done."""
    filled = 0
    for start in progress(range(0, len(keys), BATCH)):
        batch = keys[start:start + BATCH]
        try:
            english = translate_with_glossary(engine, [text for text, _ in batch], glossary or Glossary((), ()))
        except EngineError as error:
            return filled, f"{engine_name} failed after {filled} of {len(keys)} segments: {error}"
        filled += sum(mark_machine(catalog, text, context, en, engine_name, day)
                      for (text, context), en in zip(batch, english) if en.strip())
    return filled, None
