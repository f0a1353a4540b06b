"""Engines that translate over HTTP: DeepL API v2, LibreTranslate, OpenAI-compatible chat.

Standard library only (urllib). Every request has a time-out; 429, 5xx, time-outs and refused
connections are retried with back-off (engines.RetryPolicy); anything else, and any reply that
is not what the API documents, raises EngineError. Messages name the URL and the status, never
a key.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .engines import (
    EngineError,
    Options,
    RetryPolicy,
    TransientError,
    escape_markup,
    has_placeholders,
    translate_in_batches,
    unescape_markup,
)


@dataclass(frozen=True)
class Http:
    """One engine's connection settings: where to post, how long to wait, how to retry."""

    engine: str
    timeout: float
    retry: RetryPolicy

    def post(self, url: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
        return self.retry.call(lambda: self._post_once(url, body, headers))

    def _post_once(self, url: str, body: dict[str, Any], headers: dict[str, str]) -> Any:
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json", **headers},
        )
        where = f"engine {self.engine}: POST {url}"
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as error:
            message = f"{where} answered HTTP {error.code}{_error_detail(error)}"
            if error.code in (408, 429) or error.code >= 500:
                raise TransientError(message, _retry_after(error.headers.get("Retry-After")))
            raise EngineError(message) from None
        except TimeoutError:
            raise TransientError(f"{where} timed out after {self.timeout:g} s") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise TransientError(f"{where} timed out after {self.timeout:g} s") from None
            raise TransientError(f"{where} failed: {error.reason}") from None
        except OSError as error:  # connection reset, remote closed mid-reply
            raise TransientError(f"{where} failed: {error}") from None
        try:
            return json.loads(raw)
        except ValueError:
            raise EngineError(f"{where} answered with something that is not JSON: {raw[:80]!r}") from None


def _error_detail(error: urllib.error.HTTPError) -> str:
    """The API's own error message, if the body carries one (LibreTranslate, DeepL, OpenAI)."""
    try:
        body = json.loads(error.read())
    except (ValueError, OSError):
        return ""
    if isinstance(body, dict):
        detail = body.get("error") or body.get("message") or body.get("detail")
        if isinstance(detail, dict):
            detail = detail.get("message")
        if isinstance(detail, str) and detail:
            return f": {detail[:200]}"
    return ""


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:  # an HTTP date: fall back to our own back-off
        return None


def _http(options: Options, default_timeout: float) -> Http:
    return Http(options.engine, options.number("timeout", default_timeout), options.retry_policy())


def _malformed(engine: str, expected: str, reply: Any) -> EngineError:
    return EngineError(f"engine {engine}: malformed reply, expected {expected}, found {str(reply)[:120]!r}")


@dataclass(frozen=True)
class DeepLEngine:
    """DeepL API v2. Free keys (ending in ':fx') go to api-free.deepl.com."""

    url: str
    key: str = field(repr=False)  # never printed
    target_lang: str
    batch_size: int
    http: Http
    name: str = "deepl"

    @classmethod
    def from_options(cls, options: Options) -> DeepLEngine:
        key = options.secret("api_key_env", "DEEPL_API_KEY", required=True)
        assert key is not None
        default_url = "https://api-free.deepl.com" if key.endswith(":fx") else "https://api.deepl.com"
        # DeepL accepts at most 50 texts per request.
        batch_size = min(options.integer("batch_size", 50), 50)
        return cls(
            url=options.string("url", default_url).rstrip("/"),
            key=key,
            target_lang=options.string("target_lang", "EN-US"),
            batch_size=batch_size,
            http=_http(options, 30.0),
        )

    def translate(self, texts: list[str]) -> list[str]:
        return translate_in_batches(texts, self.batch_size, self._translate_batch, self.name)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        markup = has_placeholders(texts)
        body: dict[str, Any] = {
            "text": [escape_markup(t) for t in texts] if markup else texts,
            "source_lang": "DE",
            "target_lang": self.target_lang,
        }
        if markup:  # DeepL then keeps <x1/> placeholders where they belong
            body["tag_handling"] = "xml"
        headers = {"Authorization": f"DeepL-Auth-Key {self.key}"}
        reply = self.http.post(f"{self.url}/v2/translate", body, headers)
        items = reply.get("translations") if isinstance(reply, dict) else None
        if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("text"), str) for item in items
        ):
            raise _malformed(self.name, '{"translations": [{"text": ...}]}', reply)
        out = [item["text"] for item in items]
        return [unescape_markup(t) for t in out] if markup else out


@dataclass(frozen=True)
class LibreTranslateEngine:
    """A LibreTranslate server; the API key is optional (self-hosted servers need none)."""

    url: str
    key: str | None = field(repr=False)  # never printed
    batch_size: int
    http: Http
    name: str = "libretranslate"

    @classmethod
    def from_options(cls, options: Options) -> LibreTranslateEngine:
        return cls(
            url=options.string("url").rstrip("/"),
            key=options.secret("api_key_env", "LIBRETRANSLATE_API_KEY", required=False),
            batch_size=options.integer("batch_size", 16),
            http=_http(options, 60.0),
        )

    def translate(self, texts: list[str]) -> list[str]:
        return translate_in_batches(texts, self.batch_size, self._translate_batch, self.name)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        markup = has_placeholders(texts)
        body: dict[str, Any] = {
            "q": [escape_markup(t) for t in texts] if markup else texts,
            "source": "de",
            "target": "en",
            "format": "html" if markup else "text",  # html keeps <x1/> placeholders
        }
        if self.key:
            body["api_key"] = self.key
        reply = self.http.post(f"{self.url}/translate", body, {})
        out = reply.get("translatedText") if isinstance(reply, dict) else None
        if isinstance(out, str) and len(texts) == 1:
            out = [out]
        if not isinstance(out, list) or not all(isinstance(t, str) for t in out):
            raise _malformed(self.name, '{"translatedText": [...]}', reply)
        return [unescape_markup(t) for t in out] if markup else out


SYSTEM_ONE = (
    "You translate German news text into English. Reply with the English translation only, "
    "without notes or quotation marks. Keep tags like <x1/> exactly as they are."
)
SYSTEM_NUMBERED = (
    "You translate German news text into English. The user sends numbered segments, one per "
    "line, like '1. text'. Reply with the same numbered lines in English, in the same order, one "
    "per line, and nothing else. Keep tags like <x1/> exactly as they are."
)
THINKING = re.compile(r"<think>.*?</think>", re.DOTALL)  # reasoning models (Deepseek R1) think aloud
NUMBERED_LINE = re.compile(r"^\s*(\d+)[.)]\s*(.*?)\s*$")


def parse_numbered(content: str, count: int) -> list[str] | None:
    """Lines '1. ...' to 'count. ...' in order, or None if the reply is anything else."""
    lines = [line for line in THINKING.sub("", content).splitlines() if line.strip()]
    matches = [NUMBERED_LINE.match(line) for line in lines]
    if len(matches) != count or not all(matches):
        return None
    numbers = [int(m.group(1)) for m in matches if m]
    if numbers != list(range(1, count + 1)):
        return None
    return [m.group(2) for m in matches if m]


@dataclass(frozen=True)
class OpenAIEngine:
    """OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server)."""

    url: str
    key: str | None = field(repr=False)  # never printed
    model: str
    batch_size: int
    http: Http
    name: str = "openai"

    @classmethod
    def from_options(cls, options: Options) -> OpenAIEngine:
        url = options.string("url", "https://api.openai.com").rstrip("/")
        url = url.removesuffix("/v1")  # people copy ".../v1" from Ollama's docs
        hosted = urlsplit(url).hostname == "api.openai.com"
        return cls(
            url=url,
            key=options.secret("api_key_env", "OPENAI_API_KEY", required=hosted),
            model=options.string("model"),
            batch_size=options.integer("batch_size", 8),
            http=_http(options, 120.0),
        )

    def translate(self, texts: list[str]) -> list[str]:
        return translate_in_batches(texts, self.batch_size, self._translate_batch, self.name)

    def _translate_batch(self, texts: list[str]) -> list[str]:
        # A numbered batch saves requests; segments with line breaks cannot be numbered lines.
        if len(texts) > 1 and not any("\n" in t for t in texts):
            numbered = "\n".join(f"{i}. {t}" for i, t in enumerate(texts, 1))
            parsed = parse_numbered(self._chat(SYSTEM_NUMBERED, numbered), len(texts))
            if parsed is not None:
                return parsed
        return [self._translate_one(t) for t in texts]

    def _translate_one(self, text: str) -> str:
        translated = THINKING.sub("", self._chat(SYSTEM_ONE, text)).strip()
        if text.strip() and not translated:
            raise EngineError(f"engine {self.name}: empty translation for {text[:60]!r}")
        return translated

    def _chat(self, system: str, user: str) -> str:
        body = {
            "model": self.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "temperature": 0,
        }
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        reply = self.http.post(f"{self.url}/v1/chat/completions", body, headers)
        try:
            content = reply["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            content = None
        if not isinstance(content, str):
            raise _malformed(self.name, '{"choices": [{"message": {"content": "..."}}]}', reply)
        return content


ENGINES = {"deepl": DeepLEngine, "libretranslate": LibreTranslateEngine, "openai": OpenAIEngine}
