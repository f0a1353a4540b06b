"""The `newsroom` command line on a small workspace of its own."""
from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_plugins.cli import main
from site_plugins.translate.memory import lookup, read_catalog

ARTICLE = ("date 2025-03-14 Die Reederei Kalmberg erweitert ihre Flotte.\n\n"
           "Neue Schiffe\n\n"
           "Der Vorstand bestellt zwei Frachter. Die Werft liegt in Norwegen.\n")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "content" / "articles").mkdir(parents=True)
    (tmp_path / "content" / "articles" / "kalmberg.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def run(workspace: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    import sys

    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    try:
        code = main(["--root", str(workspace), *args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = old
    return code, out.getvalue(), err.getvalue()


def test_status_counts_segments(workspace):
    # four segments: the title is the first heading, "Neue Schiffe", and counts once
    code, out, _ = run(workspace, "status")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["article", "segments", "reviewed", "machine", "fuzzy", "missing"]
    assert lines[1].split() == ["kalmberg", "4", "0", "0", "0", "4"]


class LibreTranslate(BaseHTTPRequestHandler):
    """Speaks LibreTranslate's /translate: {"q": [...]} -> {"translatedText": [...]}."""

    fail = False

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.fail:
            self.send_response(500)
            self.end_headers()
            return
        reply = json.dumps({"translatedText": [f"EN:{q}" for q in body["q"]]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate():
    server = ThreadingHTTPServer(("127.0.0.1", 0), LibreTranslate)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def test_translate_fills_gaps_as_fuzzy_machine_output(workspace, libretranslate):
    url = f"http://127.0.0.1:{libretranslate.server_port}"
    code, out, _ = run(workspace, "translate", "--engine", "libretranslate", "--option", f"url={url}")
    assert code == 0
    assert out.strip() == "content/translations/en/kalmberg.po: 4 segments machine-translated (fuzzy), 0 still missing"
    catalog = read_catalog((workspace / "content/translations/en/kalmberg.po").read_bytes(), "kalmberg.po")
    shown = lookup(catalog, "Die Werft liegt in Norwegen.")
    assert (shown.english, shown.status) == ("EN:Die Werft liegt in Norwegen.", "machine")
    assert shown.provenance.startswith("libretranslate ")
    code, out, _ = run(workspace, "status")
    assert out.splitlines()[1].split() == ["kalmberg", "4", "0", "4", "0", "0"]


def test_an_engine_failure_keeps_the_memory(workspace, libretranslate):
    LibreTranslate.fail = True
    try:
        url = f"http://127.0.0.1:{libretranslate.server_port}"
        code, out, err = run(workspace, "translate", "--engine", "libretranslate",
                             "--option", f"url={url}", "--option", "retries=0")
    finally:
        LibreTranslate.fail = False
    assert code == 1
    assert "content/articles/kalmberg.txt: libretranslate failed after 0 of 4 segments" in err
    assert "HTTP 500" in err
    assert "0 segments machine-translated (fuzzy), 4 still missing" in out


def test_extract_batch_follows_the_contract(workspace):
    text = "Die Reederei Kalmberg aus Bremen investiert 2,5 Milliarden Euro. Am Freitag sagte Jördis Quandtmeyer: „Wir bauen unsere Flotte deutlich aus.“"
    line = json.dumps({"id": "a1", "text": text, "published": "2025-03-14"})
    code, out, _ = run(workspace, "extract", "--batch", stdin=line + "\n")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"id", "entities", "figures", "quotes", "events"}
    assert result["id"] == "a1"
    for kind in ("entities", "figures", "quotes", "events"):
        for item in result[kind]:
            assert text[item["start"]:item["end"]].startswith(item["text"][:3]) or kind == "quotes"
    figure = result["figures"][0]
    assert (figure["text"], figure["value"], figure["unit"], figure["kind"]) == ("2,5 Milliarden Euro", 2.5e9, "EUR", "money")
    event = next(e for e in result["events"] if e["text"] == "Am Freitag")
    assert (event["earliest"], event["latest"]) == ("2025-03-14", "2025-03-14")
    quote = result["quotes"][0]
    assert (quote["text"], quote["speaker"]) == ("Wir bauen unsere Flotte deutlich aus.", "Jördis Quandtmeyer")


def test_check_batch_follows_the_contract(workspace):
    lines = "\n".join(json.dumps(x) for x in [
        {"id": 1, "de": "Der Umsatz stieg um 3,5 Prozent.", "en": "Revenue rose by 3.5 percent."},
        {"id": 2, "de": "Der Umsatz stieg um 3,5 Prozent.", "en": "Revenue rose by 4.5 percent."},
    ])
    code, out, _ = run(workspace, "check", "--batch", stdin=lines + "\n")
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {"id": 1, "problems": []}
    assert second == {"id": 2, "problems": [
        {"kind": "number", "detail": "German '3,5' (3.5) has no match in English"},
        {"kind": "number", "detail": "English '4.5' (4.5) has no match in German"}]}


def test_new_scaffolds_and_never_overwrites(workspace):
    code, out, _ = run(workspace, "new", "Größe zählt")
    assert code == 0
    assert (workspace / "content/articles/groesse-zaehlt.md").is_file()
    code, _, err = run(workspace, "new", "Größe zählt")
    assert code == 1 and "groesse-zaehlt.md" in err


def test_align_imports_a_human_translation(workspace, tmp_path):
    english = tmp_path / "kalmberg-en.txt"
    english.write_text("The shipping company Kalmberg is expanding its fleet.\n\nNew ships\n\n"
                       "The board is ordering two freighters. The shipyard is in Norway.\n", encoding="utf-8")
    code, out, _ = run(workspace, "align", str(workspace / "content/articles/kalmberg.txt"), str(english))
    assert code == 0
    assert out.splitlines()[0] == "content/translations/en/kalmberg.po: 4 segments aligned, 0 reviewed ones kept"
    catalog = read_catalog((workspace / "content/translations/en/kalmberg.po").read_bytes(), "kalmberg.po")
    assert lookup(catalog, "Die Werft liegt in Norwegen.").english == "The shipyard is in Norway."
    assert lookup(catalog, "Neue Schiffe").english == "New ships"


def test_entities_suggest_lists_names_missing_from_the_registry(workspace):
    (workspace / "content/entities.yml").write_text("- name: Norwegen\n  type: LOC\n  en: Norway\n", encoding="utf-8")
    article = workspace / "content/articles/kalmberg.txt"
    article.write_text(ARTICLE + "\nDer Vorstandschef Henrik Solbakken sagte, Norwegen sei ideal.\n", encoding="utf-8")
    code, out, _ = run(workspace, "entities", "--suggest")
    assert code == 0
    assert '- name: "Henrik Solbakken"\n  type: PER\n  # 1 mention(s) in kalmberg' in out
    assert '"Norwegen"' not in out


def test_import_writes_a_markdown_article_and_refuses_to_overwrite(workspace):
    page = Path(__file__).parent / "data" / "html" / "jsonld_newsarticle.html"
    code, out, err = run(workspace, "import", str(page))
    assert code == 0, err
    written = sorted(p.name for p in (workspace / "content/articles").glob("*.md"))
    assert len(written) == 1
    text = (workspace / "content/articles" / written[0]).read_text(encoding="utf-8")
    assert text.startswith("---\n") and "\ntitle: " in text
    code, _, err = run(workspace, "import", str(page))
    assert code == 1 and written[0] in err
    code, _, err = run(workspace, "import", str(page), "--force")
    assert code == 0


def test_check_names_the_line_and_the_problem(workspace, libretranslate):
    url = f"http://127.0.0.1:{libretranslate.server_port}"
    run(workspace, "translate", "--engine", "libretranslate", "--option", f"url={url}")
    code, out, _ = run(workspace, "check")
    # the fake engine echoes German; the sentence with enough German function words is caught
    assert code == 1
    assert out.splitlines() == [
        "content/articles/kalmberg.txt:1: translation check (untranslated): English looks German "
        "(2 German function words, 0 English) for 'Die Reederei Kalmberg erweitert ihre Flotte.' "
        "in content/translations/en/kalmberg.po",
        "1 problem(s)"]
