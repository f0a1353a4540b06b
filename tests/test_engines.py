"""HTTP engines against local servers that speak each API's documented format, plus make_engine.

Every server runs on 127.0.0.1 on a random port in a thread; it records what it received so the
tests can assert the exact requests (auth header, body fields).
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from site_plugins.translate.engines import EngineError, make_engine
from site_plugins.translate.engines_http import parse_numbered

Reply = tuple[int, Any]  # (status, JSON-able body or raw bytes)
Responder = Callable[[dict], Reply]


class FakeApi:
    """Scripted replies first (status, body, delay, headers), then `default(request_body)`."""

    def __init__(self, default: Responder):
        self.default = default
        self.script: list[tuple[int, Any, float, dict[str, str]]] = []
        self.requests: list[dict[str, Any]] = []
        self.url = ""

    def then(self, status: int, body: Any, delay: float = 0.0, headers: dict[str, str] | None = None) -> FakeApi:
        self.script.append((status, body, delay, headers or {}))
        return self

    def handle(self, path: str, headers: dict[str, str], raw: bytes) -> tuple[int, bytes, float, dict[str, str]]:
        body = json.loads(raw)
        self.requests.append({"path": path, "auth": headers.get("Authorization"), "type": headers.get("Content-Type"), "body": body})
        status, reply, delay, extra = self.script.pop(0) if self.script else (*self.default(body), 0.0, {})
        data = reply if isinstance(reply, bytes) else json.dumps(reply).encode()
        return status, data, delay, extra


@pytest.fixture
def serve() -> Iterator[Callable[[Responder], FakeApi]]:
    servers: list[ThreadingHTTPServer] = []

    def start(default: Responder) -> FakeApi:
        api = FakeApi(default)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                status, data, delay, extra = api.handle(self.path, dict(self.headers), raw)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    for key, value in {"Content-Type": "application/json", **extra}.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client timed out and left
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        # A short poll interval keeps shutdown() at teardown fast.
        threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()
        servers.append(server)
        api.url = f"http://127.0.0.1:{server.server_address[1]}"
        return api

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def deepl_reply(body: dict) -> Reply:
    return 200, {"translations": [{"detected_source_language": "DE", "text": f"EN {t}"} for t in body["text"]]}


def libre_reply(body: dict) -> Reply:
    q = body["q"]
    return 200, {"translatedText": [f"EN {t}" for t in q] if isinstance(q, list) else f"EN {q}"}


def openai_reply(body: dict) -> Reply:
    user = body["messages"][1]["content"]
    lines = [line.replace(". ", ". EN ", 1) for line in user.splitlines()] if body["messages"][0]["content"].find("numbered") >= 0 else [f"EN {user}"]
    return 200, {"choices": [{"message": {"role": "assistant", "content": "\n".join(lines)}}]}


SECRET = "s3cr3t-key:fx"


def deepl(api: FakeApi, **options: Any) -> Any:
    sleeps: list[float] = []
    engine = make_engine("deepl", {"url": api.url, "env": {"DEEPL_API_KEY": SECRET}, "sleep": sleeps.append, **options})
    return engine, sleeps


# --- make_engine and options -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name, options, message",
    [
        ("google", {}, "unknown engine 'google': expected one of ctranslate2, deepl, libretranslate, openai"),
        ("deepl", {"env": {}}, "engine deepl: environment variable DEEPL_API_KEY (option 'api_key_env') is empty or unset: expected an API key"),
        ("deepl", {"env": {"MY_KEY": "k"}, "api_key_env": "MY_KEY", "timeout": "fast"}, "engine deepl: option 'timeout': expected a number > 0, found 'fast'"),
        ("deepl", {"env": {"DEEPL_API_KEY": "k"}, "retries": -1}, "engine deepl: option 'retries': expected an integer >= 0, found -1"),
        ("deepl", {"env": {"DEEPL_API_KEY": "k"}, "batch_size": True}, "engine deepl: option 'batch_size': expected an integer >= 1, found True"),
        ("libretranslate", {}, "engine libretranslate: missing option 'url': expected a string"),
        ("libretranslate", {"url": "http://x", "api_key_env": "LT_KEY", "env": {}}, "engine libretranslate: environment variable LT_KEY (option 'api_key_env') is empty or unset: expected an API key"),
        ("openai", {"url": "http://localhost:11434"}, "engine openai: missing option 'model': expected a string"),
        ("openai", {"model": "gpt-4o-mini", "env": {}}, "engine openai: environment variable OPENAI_API_KEY (option 'api_key_env') is empty or unset: expected an API key"),
        ("ctranslate2", {}, "engine ctranslate2: missing option 'path': expected a string"),
        ("deepl", {"env": {"DEEPL_API_KEY": "k"}, "timout": 5}, "engine deepl: unknown option 'timout': expected one of api_key_env, backoff, batch_size, max_backoff, retries, target_lang, timeout, url"),
        ("openai", {"model": "m", "url": "http://localhost:11434", "env": {}, "path": "x"}, "engine openai: unknown option 'path': expected one of api_key_env, backoff, batch_size, max_backoff, model, retries, timeout, url"),
    ],
)
def test_make_engine_rejects_bad_options(name, options, message):
    with pytest.raises(EngineError) as caught:
        make_engine(name, options)
    assert str(caught.value) == message


def test_deepl_picks_free_or_pro_endpoint_from_key_and_caps_batches():
    free = make_engine("deepl", {"env": {"DEEPL_API_KEY": "abc:fx"}, "batch_size": 80})
    pro = make_engine("deepl", {"env": {"DEEPL_API_KEY": "abc"}})
    assert (free.url, free.batch_size) == ("https://api-free.deepl.com", 50)
    assert (pro.url, pro.batch_size) == ("https://api.deepl.com", 50)


# --- DeepL -----------------------------------------------------------------------------------


def test_engines_do_not_show_keys_in_repr():
    deepl_engine = make_engine("deepl", {"env": {"DEEPL_API_KEY": SECRET}})
    openai_engine = make_engine("openai", {"model": "gpt-4o-mini", "env": {"OPENAI_API_KEY": SECRET}})
    libre_engine = make_engine("libretranslate", {"url": "http://127.0.0.1:5000", "env": {"LIBRETRANSLATE_API_KEY": SECRET}})
    assert (deepl_engine.key, openai_engine.key, libre_engine.key) == (SECRET, SECRET, SECRET)
    assert all(SECRET not in repr(e) for e in (deepl_engine, openai_engine, libre_engine))


def test_deepl_request_and_batching(serve):
    api = serve(deepl_reply)
    engine, sleeps = deepl(api, batch_size=2)
    texts = ["Hallo Welt.", "Die KI rechnet.", "Drei.", "Vier.", "Fünf."]
    assert engine.translate(texts) == [f"EN {t}" for t in texts]
    assert [r["body"] for r in api.requests] == [
        {"text": ["Hallo Welt.", "Die KI rechnet."], "source_lang": "DE", "target_lang": "EN-US"},
        {"text": ["Drei.", "Vier."], "source_lang": "DE", "target_lang": "EN-US"},
        {"text": ["Fünf."], "source_lang": "DE", "target_lang": "EN-US"},
    ]
    assert {(r["path"], r["auth"], r["type"]) for r in api.requests} == {
        ("/v2/translate", f"DeepL-Auth-Key {SECRET}", "application/json")
    }
    assert sleeps == []


def test_blank_texts_are_not_sent(serve):
    api = serve(deepl_reply)
    engine, _ = deepl(api)
    assert engine.translate(["", "Eins.", "  ", "Zwei."]) == ["", "EN Eins.", "", "EN Zwei."]
    assert engine.translate(["", " "]) == ["", ""]
    assert [r["body"]["text"] for r in api.requests] == [["Eins.", "Zwei."]]


def test_deepl_sends_placeholders_as_xml_and_unescapes_reply(serve):
    api = serve(lambda body: (200, {"translations": [{"text": "<x1/> &amp; <x2/> &lt;3"}]}))
    engine, _ = deepl(api)
    assert engine.translate(["<x1/> & <x2/> <3"]) == ["<x1/> & <x2/> <3"]
    assert api.requests[0]["body"] == {
        "text": ["<x1/> &amp; <x2/> &lt;3"], "source_lang": "DE", "target_lang": "EN-US", "tag_handling": "xml",
    }


def test_deepl_403_is_not_retried_and_hides_the_key(serve):
    api = serve(deepl_reply).then(403, {"message": "Wrong endpoint. Use https://api.deepl.com"})
    engine, sleeps = deepl(api)
    with pytest.raises(EngineError) as caught:
        engine.translate(["Hallo."])
    assert str(caught.value) == (
        f"engine deepl: POST {api.url}/v2/translate answered HTTP 403: Wrong endpoint. Use https://api.deepl.com"
    )
    assert SECRET not in str(caught.value)
    assert (len(api.requests), sleeps) == (1, [])


def test_deepl_500_then_success_retries_with_backoff(serve):
    api = serve(deepl_reply).then(500, b"Internal Server Error").then(503, {"message": "busy"})
    engine, sleeps = deepl(api, backoff=0.5)
    assert engine.translate(["Hallo."]) == ["EN Hallo."]
    assert (len(api.requests), sleeps) == (3, [0.5, 1.0])


def test_deepl_429_honours_retry_after_then_gives_up(serve):
    api = serve(deepl_reply)
    for _ in range(3):
        api.then(429, {"message": "Too many requests"}, headers={"Retry-After": "3"})
    engine, sleeps = deepl(api, retries=2)
    with pytest.raises(EngineError) as caught:
        engine.translate(["Hallo."])
    assert str(caught.value) == (
        f"engine deepl: POST {api.url}/v2/translate answered HTTP 429: Too many requests (gave up after 3 tries)"
    )
    assert (len(api.requests), sleeps) == (3, [3.0, 3.0])


def test_deepl_time_out_is_retried_then_succeeds(serve):
    api = serve(deepl_reply).then(200, {"translations": [{"text": "late"}]}, delay=0.6)
    engine, sleeps = deepl(api, timeout=0.2, retries=1)
    assert engine.translate(["Hallo."]) == ["EN Hallo."]
    assert (len(api.requests), sleeps) == (2, [1.0])


def test_deepl_time_out_without_retries_fails(serve):
    api = serve(deepl_reply).then(200, {"translations": [{"text": "late"}]}, delay=0.6)
    engine, sleeps = deepl(api, timeout=0.2, retries=0)
    started = time.monotonic()
    with pytest.raises(EngineError) as caught:
        engine.translate(["Hallo."])
    assert time.monotonic() - started < 0.5
    assert str(caught.value) == f"engine deepl: POST {api.url}/v2/translate timed out after 0.2 s (gave up after 1 try)"


@pytest.mark.parametrize(
    "reply, message",
    [
        (b"<html>Bad Gateway</html>", "engine deepl: POST {url}/v2/translate answered with something that is not JSON: b'<html>Bad Gateway</html>'"),
        ({"translations": [{"text": "one"}]}, "engine deepl: sent 2 texts, got 1 translations back"),
        ({"result": []}, "engine deepl: malformed reply, expected {{\"translations\": [{{\"text\": ...}}]}}, found \"{{'result': []}}\""),
        ({"translations": [{"text": 1}, {"text": "b"}]}, "engine deepl: malformed reply, expected {{\"translations\": [{{\"text\": ...}}]}}, found \"{{'translations': [{{'text': 1}}, {{'text': 'b'}}]}}\""),
    ],
)
def test_deepl_malformed_replies(serve, reply, message):
    api = serve(deepl_reply).then(200, reply)
    engine, _ = deepl(api)
    with pytest.raises(EngineError) as caught:
        engine.translate(["Eins.", "Zwei."])
    assert str(caught.value) == message.format(url=api.url)


def test_refused_connection_is_transient_and_reported(serve):
    api = serve(deepl_reply)
    engine, sleeps = deepl(api, url="http://127.0.0.1:9", retries=1)  # port 9 (discard): nobody listens
    with pytest.raises(EngineError, match=r"^engine deepl: POST http://127\.0\.0\.1:9/v2/translate failed: .*\(gave up after 2 tries\)$"):
        engine.translate(["Hallo."])
    assert sleeps == [1.0]


# --- LibreTranslate --------------------------------------------------------------------------


def test_libretranslate_request_with_and_without_key(serve):
    api = serve(libre_reply)
    plain = make_engine("libretranslate", {"url": api.url + "/", "env": {}})
    keyed = make_engine("libretranslate", {"url": api.url, "env": {"LIBRETRANSLATE_API_KEY": "lt-key"}})
    assert plain.translate(["Guten Morgen.", "Tschüss."]) == ["EN Guten Morgen.", "EN Tschüss."]
    assert keyed.translate(["Hallo."]) == ["EN Hallo."]
    assert [(r["path"], r["auth"], r["body"]) for r in api.requests] == [
        ("/translate", None, {"q": ["Guten Morgen.", "Tschüss."], "source": "de", "target": "en", "format": "text"}),
        ("/translate", None, {"q": ["Hallo."], "source": "de", "target": "en", "format": "text", "api_key": "lt-key"}),
    ]


def test_libretranslate_placeholders_use_html_format(serve):
    api = serve(libre_reply)
    engine = make_engine("libretranslate", {"url": api.url, "env": {}})
    assert engine.translate(["<x1/> & Co"]) == ["EN <x1/> & Co"]
    assert api.requests[0]["body"]["q"] == ["<x1/> &amp; Co"]
    assert api.requests[0]["body"]["format"] == "html"


def test_libretranslate_accepts_a_single_string_reply(serve):
    api = serve(libre_reply).then(200, {"translatedText": "Hello."})
    engine = make_engine("libretranslate", {"url": api.url, "env": {}})
    assert engine.translate(["Hallo."]) == ["Hello."]


def test_libretranslate_error_message_is_passed_on(serve):
    api = serve(libre_reply).then(400, {"error": "de is not supported"})
    engine = make_engine("libretranslate", {"url": api.url, "env": {}, "sleep": lambda s: None})
    with pytest.raises(EngineError) as caught:
        engine.translate(["Hallo."])
    assert str(caught.value) == f"engine libretranslate: POST {api.url}/translate answered HTTP 400: de is not supported"


# --- OpenAI-compatible -----------------------------------------------------------------------


def openai(api: FakeApi, **options: Any) -> Any:
    return make_engine("openai", {"url": api.url + "/v1", "model": "qwen2.5:7b", "env": {}, **options})


def test_openai_numbered_batch_request(serve):
    api = serve(openai_reply)
    engine = openai(api, env={"OPENAI_API_KEY": "sk-local"})
    assert engine.translate(["Eins.", "Zwei."]) == ["EN Eins.", "EN Zwei."]
    request = api.requests[0]
    assert (request["path"], request["auth"]) == ("/v1/chat/completions", "Bearer sk-local")
    assert request["body"] == {
        "model": "qwen2.5:7b",
        "messages": [
            {"role": "system", "content": "You translate German news text into English. The user sends numbered segments, one per line, like '1. text'. Reply with the same numbered lines in English, in the same order, one per line, and nothing else. Keep tags like <x1/> exactly as they are."},
            {"role": "user", "content": "1. Eins.\n2. Zwei."},
        ],
        "temperature": 0,
    }


def test_openai_wrong_count_falls_back_to_one_request_per_segment(serve):
    api = serve(openai_reply).then(200, {"choices": [{"message": {"content": "1. One.\n2. Two and three."}}]})
    engine = openai(api)
    assert engine.translate(["Eins.", "Zwei.", "Drei."]) == ["EN Eins.", "EN Zwei.", "EN Drei."]
    assert [r["body"]["messages"][1]["content"] for r in api.requests] == [
        "1. Eins.\n2. Zwei.\n3. Drei.", "Eins.", "Zwei.", "Drei.",
    ]
    assert api.requests[1]["body"]["messages"][0]["content"].startswith("You translate German news text into English. Reply with")
    assert api.requests[0]["auth"] is None


def test_openai_strips_thinking_and_sends_multiline_segments_alone(serve):
    api = serve(openai_reply)
    api.then(200, {"choices": [{"message": {"content": "<think>\nDer Nutzer will...\n</think>\nLine one\nline two"}}]})
    engine = openai(api)
    assert engine.translate(["Zeile eins\nZeile zwei"]) == ["Line one\nline two"]
    assert len(api.requests) == 1


@pytest.mark.parametrize(
    "reply, message",
    [
        ({"choices": []}, "engine openai: malformed reply, expected {\"choices\": [{\"message\": {\"content\": \"...\"}}]}, found \"{'choices': []}\""),
        ({"choices": [{"message": {"content": "  "}}]}, "engine openai: empty translation for 'Hallo.'"),
    ],
)
def test_openai_malformed_replies(serve, reply, message):
    api = serve(openai_reply).then(200, reply)
    with pytest.raises(EngineError) as caught:
        openai(api).translate(["Hallo."])
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "content, count, expected",
    [
        ("1. One\n2) Two\n", 2, ["One", "Two"]),
        ("<think>1. no</think>\n1. One\n\n2. Two", 2, ["One", "Two"]),
        ("1. One\n3. Three", 2, None),
        ("1. One\nTwo", 2, None),
        ("2. Two\n1. One", 2, None),
        ("1. One", 2, None),
    ],
)
def test_parse_numbered(content, count, expected):
    assert parse_numbered(content, count) == expected
