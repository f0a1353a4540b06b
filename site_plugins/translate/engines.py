"""Machine-translation engines behind one small interface, and the logic they share.

An engine turns German segments into English ones, same length, same order. `make_engine`
builds one from the options a user wrote in mkdocs.yml or passed on the command line; the
engines themselves live in `engines_http` (DeepL, LibreTranslate, OpenAI-compatible) and
`engine_ct2` (a local CTranslate2 model), imported lazily so that choosing DeepL never loads
ctranslate2. Batching, retries with exponential back-off and option checking live here so
every engine behaves the same way.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

ENGINE_NAMES = ("ctranslate2", "deepl", "libretranslate", "openai")

T = TypeVar("T")


class EngineError(Exception):
    """An engine could not be built or could not translate; the message says why."""


class TransientError(EngineError):
    """A failure worth retrying: HTTP 429 or 5xx, a time-out, a refused connection."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class Engine(Protocol):
    name: str

    def translate(self, texts: list[str]) -> list[str]:
        """German -> English, one output per input, same order."""
        ...


def make_engine(name: str, options: Mapping[str, Any]) -> Engine:
    """Build the engine `name` from `options`; unknown names and bad options raise EngineError."""
    if name == "ctranslate2":
        from .engine_ct2 import CTranslate2Engine

        factory: Any = CTranslate2Engine.from_options
    elif name in ("deepl", "libretranslate", "openai"):
        from . import engines_http

        factory = engines_http.ENGINES[name].from_options
    else:
        raise EngineError(f"unknown engine {name!r}: expected one of {', '.join(ENGINE_NAMES)}")
    checked = Options(name, options)
    engine = factory(checked)
    checked.reject_unread()
    return engine


class Options:
    """Typed access to an engine's options; every error names the engine and the option."""

    # Not options of an engine, but of how it is run: accepted by every engine.
    COMMON = frozenset({"env", "sleep"})

    def __init__(self, engine: str, values: Mapping[str, Any]):
        self.engine = engine
        self.values = dict(values)
        self.read: set[str] = set(self.COMMON)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return self.values.get(key, default)

    def reject_unread(self) -> None:
        """A typo in mkdocs.yml ('timout') must not silently fall back to a default."""
        # None is how typed configs spell 'not set': not a typo.
        unknown = sorted(k for k, v in self.values.items() if k not in self.read and v is not None)
        if unknown:
            raise EngineError(
                f"engine {self.engine}: unknown option {unknown[0]!r}: expected one of "
                + ", ".join(sorted(self.read - self.COMMON))
            )

    def _fail(self, key: str, expected: str, found: Any) -> EngineError:
        return EngineError(f"engine {self.engine}: option {key!r}: expected {expected}, found {found!r}")

    def string(self, key: str, default: str | None = None) -> str:
        value = self.get(key, default)
        if value is None:
            raise EngineError(f"engine {self.engine}: missing option {key!r}: expected a string")
        if not isinstance(value, str) or not value.strip():
            raise self._fail(key, "a non-empty string", value)
        return value

    def optional_string(self, key: str) -> str | None:
        return self.string(key) if self.get(key) is not None else None

    def integer(self, key: str, default: int, minimum: int = 1) -> int:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self._fail(key, f"an integer >= {minimum}", value)
        return value

    def number(self, key: str, default: float) -> float:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise self._fail(key, "a number > 0", value)
        return float(value)

    def secret(self, key: str, default_env: str, required: bool) -> str | None:
        """Read a secret from the environment variable named by option `key`.

        The only place that reads the environment: options may carry an `env` mapping
        (tests, the CLI) instead of os.environ. The secret itself never appears in messages.
        """
        env_name = self.string(key, default_env)
        env = self.get("env")
        env = os.environ if env is None else env
        value = env.get(env_name, "").strip()
        if not value and (required or key in self.values):
            raise EngineError(
                f"engine {self.engine}: environment variable {env_name} (option {key!r}) "
                "is empty or unset: expected an API key"
            )
        return value or None

    def retry_policy(self) -> RetryPolicy:
        sleep = self.get("sleep", time.sleep)
        if not callable(sleep):
            raise self._fail("sleep", "a callable", sleep)
        return RetryPolicy(
            retries=self.integer("retries", 3, minimum=0),
            backoff=self.number("backoff", 1.0),
            max_backoff=self.number("max_backoff", 30.0),
            sleep=sleep,
        )


@dataclass(frozen=True)
class RetryPolicy:
    """Retry a call `retries` times after a TransientError, sleeping backoff * 2**attempt."""

    retries: int = 3
    backoff: float = 1.0
    max_backoff: float = 30.0
    sleep: Callable[[float], None] = time.sleep

    def delay(self, attempt: int, retry_after: float | None) -> float:
        delay = self.backoff * 2**attempt
        if retry_after is not None:  # the server knows best when it is ready again
            delay = max(delay, retry_after)
        return min(delay, self.max_backoff)

    def call(self, function: Callable[[], T]) -> T:
        for attempt in range(self.retries + 1):
            try:
                return function()
            except TransientError as error:
                if attempt == self.retries:
                    tries = "try" if self.retries == 0 else "tries"
                    raise EngineError(f"{error} (gave up after {self.retries + 1} {tries})") from error
                self.sleep(self.delay(attempt, error.retry_after))
        raise AssertionError("unreachable")


def batches(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def translate_in_batches(
    texts: Sequence[str], size: int, translate_batch: Callable[[list[str]], list[str]], engine: str
) -> list[str]:
    """Translate `texts` in chunks of `size`, checking that every chunk keeps its length.

    Blank texts are not sent (an empty prompt makes a language model invent text); they stay
    blank.
    """
    wanted = [i for i, text in enumerate(texts) if text.strip()]
    results = [""] * len(texts)
    for batch_indexes in batches(wanted, size):
        batch = [texts[i] for i in batch_indexes]
        translated = translate_batch(batch)
        if len(translated) != len(batch):
            raise EngineError(
                f"engine {engine}: sent {len(batch)} texts, got {len(translated)} translations back"
            )
        for index, text in zip(batch_indexes, translated):
            results[index] = text
    return results


# Placeholders that protect glossary terms look like <x1/>; engines that understand markup
# (DeepL's tag_handling=xml, LibreTranslate's format=html) are told so, which needs the rest
# of the text escaped.
PLACEHOLDER = re.compile(r"<x(\d+)/>")


def has_placeholders(texts: Sequence[str]) -> bool:
    return any(PLACEHOLDER.search(text) for text in texts)


def escape_markup(text: str) -> str:
    """Escape &, <, > except inside placeholders, so the text is valid XML/HTML."""
    parts = PLACEHOLDER.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(f"<x{part}/>")
        else:
            out.append(part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out)


def unescape_markup(text: str) -> str:
    # Order matters: &amp; last, so "&amp;lt;" becomes "&lt;" and not "<".
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace(
        "&#39;", "'"
    ).replace("&apos;", "'").replace("&amp;", "&")


def __getattr__(name: str) -> Any:
    # translate_with_glossary lives with the glossary; offered here too, loaded on demand.
    if name == "translate_with_glossary":
        from .glossary import translate_with_glossary

        return translate_with_glossary
    raise AttributeError(name)
