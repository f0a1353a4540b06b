"""German text in, the text a page in one language shows out, with its translation status.
Everything that reaches HTML goes through `inline_html`, which escapes it."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Callable, Protocol

from .labels import label


@dataclass(frozen=True)
class Localized:
    text: str
    status: str  # source (a German page), reviewed, machine, outdated, missing
    provenance: str = ""  # engine and date for machine text

    @property
    def is_fallback(self) -> bool:
        """True when the German is shown on an English page."""
        return self.status in ("missing", "outdated")


class Localizer(Protocol):
    lang: str

    def __call__(self, german: str, context: str | None = None) -> Localized: ...


class GermanLocalizer:
    lang = "de"

    def __call__(self, german: str, context: str | None = None) -> Localized:
        return Localized(german, "source")


class MemoryLocalizer:
    """English from a translation memory; records what was missing for the build's warnings."""

    lang = "en"

    def __init__(self, lookup: Callable[[str, str | None], tuple[str | None, str, str]]):
        self._lookup = lookup
        self.used: list[tuple[str, str | None, Localized]] = []

    def __call__(self, german: str, context: str | None = None) -> Localized:
        english, status, provenance = self._lookup(german, context)
        result = Localized(english if english is not None else german, status, provenance)
        self.used.append((german, context, result))
        return result


def inline_html(text: Localized) -> str:
    """Escaped text; German fallback and machine output wrapped in a marked span."""
    body = escape(text.text, quote=False)
    if text.is_fallback:
        title = label("untranslated_badge", "en")
        return (f'<span class="nr-untranslated" lang="de" translate="no" data-translation="{text.status}" '
                f'title="{title}">{body}</span>')
    if text.status == "machine":
        engine = escape(text.provenance, quote=True)
        title = label("machine_badge", "en")
        return (f'<span class="nr-machine" data-translation="machine" its-annotators-ref="mt|{engine}" '
                f'data-engine="{engine}" title="{title}">{body}</span>')
    return body
