"""One real `mkdocs build --strict` of the demo content, and builds with bad or foreign input."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SEED
from sitebuild import copy_project, mkdocs_build

SLUG = "deepseek-r1-openai-unter-druck"
BASE = "https://newsroom.example.org/"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("demo"))
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING -" not in result.stderr
    return project / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_both_languages_of_an_article(demo):
    german, english = read(demo, f"{SLUG}/index.html"), read(demo, f"en/{SLUG}/index.html")
    assert '<html lang="de"' in german and '<html lang="en"' in english
    assert 'placeholder="Suche"' in german and 'placeholder="Search"' in english
    assert "Inhaltsverzeichnis" in german and "Table of contents" in english
    assert "Deepseek R1 calls the AI industry" in english
    assert "nr-untranslated" not in english and "nr-machine" not in english
    for page in (german, english):
        assert '<aside class="fact-box"' in page
        assert '<ol class="timeline">' in page and "<time datetime=" in page


def test_switcher_leads_to_the_same_article(demo):
    german, english = read(demo, f"{SLUG}/index.html"), read(demo, f"en/{SLUG}/index.html")
    assert re.search(rf'<a href="\.\./en/{SLUG}/" hreflang="en" lang="en" target="_self"', german)
    assert re.search(rf'<a href="\.\./\.\./{SLUG}/" hreflang="de" lang="de" target="_self"', english)


def test_hreflang_alternates_are_absolute(demo):
    expected = (f'<link rel="alternate" hreflang="de" href="{BASE}{SLUG}/">'
                f'<link rel="alternate" hreflang="en" href="{BASE}en/{SLUG}/">'
                f'<link rel="alternate" hreflang="x-default" href="{BASE}{SLUG}/">')
    for path in (f"{SLUG}/index.html", f"en/{SLUG}/index.html"):
        page = read(demo, path)
        assert expected in page
        # no site-wide alternates pointing at the other language's home page
        assert f'hreflang="en" href="{BASE}en/">' not in page or path.startswith("en/index")


def test_sitemaps_list_alternates_where_material_asks_for_them(demo):
    sitemap = read(demo, "sitemap.xml")
    assert (f'<url><loc>{BASE}en/{SLUG}/</loc><xhtml:link rel="alternate" hreflang="de" href="{BASE}{SLUG}/"/>'
            f'<xhtml:link rel="alternate" hreflang="en" href="{BASE}en/{SLUG}/"/>'
            f'<xhtml:link rel="alternate" hreflang="x-default" href="{BASE}{SLUG}/"/></url>') in sitemap
    # Material fetches sitemap.xml next to every hreflang URL
    for path in ("en/sitemap.xml", f"{SLUG}/sitemap.xml", f"en/{SLUG}/sitemap.xml"):
        assert (demo / path).is_file(), path


def test_home_pages_list_articles_newest_first(demo):
    german, english = read(demo, "index.html"), read(demo, "en/index.html")
    assert german.index(f'href="{SLUG}/"') < german.index('href="italien-sperrt-deepseek/"')
    assert "1. Februar 2025" in german and "February 1, 2025" in english
    assert "Has the American AI industry become too expensive?" in english


def test_nothing_is_loaded_from_other_hosts(demo):
    for html in demo.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
                continue  # page addresses, not resources
            for url in re.findall(r'(?:src|href)="(https?:[^"]+)"', tag):
                pytest.fail(f"{html}: loads {url}")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_build_with_the_seed_warns_about_missing_english(tmp_path):
    if not SEED.is_file():
        pytest.skip(f"the seed article {SEED} is absent (it lives in ../shared)")
    project = copy_project(tmp_path)
    shutil.copy(SEED, project / "content" / "articles" / "seed-deepseek.txt")
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert ("WARNING -  content/articles/seed-deepseek.txt:1: no English for segment "
            "'Der Verdacht steht im Raum: Sind US-KI-Unternehmen wie OpenAI überbewertet?' "
            "in content/translations/en/seed-deepseek.po") in result.stderr
    english = (project / "site" / "en" / "seed-deepseek" / "index.html").read_text(encoding="utf-8")
    assert "Parts of this page are not translated yet" in english
    assert (project / "content" / "translations" / "en" / "seed-deepseek.po").is_file()
    strict = mkdocs_build(project, strict=True)
    assert strict.returncode == 1


def test_bad_input_is_reported_and_the_rest_builds(tmp_path):
    project = copy_project(tmp_path)
    articles = project / "content" / "articles"
    (articles / "leer.txt").write_bytes(b"")
    (articles / "kaputt.md").write_text("---\ntitle: [\n---\nText.\n", encoding="utf-8")
    (articles / "doppelt.md").write_text("---\nslug: italien-sperrt-deepseek\n---\nText.\n", encoding="utf-8")
    result = mkdocs_build(project, strict=False)
    assert result.returncode == 0, result.stderr
    assert "content/articles/leer.txt:1: expected article text, found an empty file" in result.stderr
    assert "content/articles/kaputt.md:2: expected YAML front matter" in result.stderr
    # the file named after the slug keeps its URL; the newcomer is reported
    assert ("content/articles/doppelt.md:1: expected a unique slug, found 'italien-sperrt-deepseek' "
            "already used by content/articles/italien-sperrt-deepseek.md") in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / "site" / "en" / SLUG / "index.html").is_file()
    assert mkdocs_build(project, strict=True).returncode == 1


def _with_plugin_options(project: Path, options: str) -> None:
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("      content_dir: content\n", "      content_dir: content\n" + options)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")


def test_an_engine_fills_gaps_during_the_build_and_its_failure_only_warns(tmp_path):
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class OpenAICompatible(BaseHTTPRequestHandler):
        """/v1/chat/completions answering with a fixed English sentence per request."""

        def do_POST(self):
            json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            body = json.dumps({"choices": [{"message": {"content": "Machine English."}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), OpenAICompatible)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        project = copy_project(tmp_path / "up")
        (project / "content/articles/neu.txt").write_text("date 2025-02-03 Ein neuer Satz über Kalmberg.\n", encoding="utf-8")
        _with_plugin_options(project, f"      engine: openai\n      translate_on_build: true\n      engine_options:\n"
                                      f"        url: http://127.0.0.1:{server.server_port}\n        model: tiny\n")
        result = mkdocs_build(project, strict=False)
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr
    english = (project / "site/en/neu/index.html").read_text(encoding="utf-8")
    assert 'data-translation="machine"' in english and "Machine English." in english
    assert "machine-translated, not yet reviewed" in english

    down = copy_project(tmp_path / "down")
    (down / "content/articles/neu.txt").write_text("date 2025-02-03 Ein neuer Satz über Kalmberg.\n", encoding="utf-8")
    _with_plugin_options(down, "      engine: openai\n      translate_on_build: true\n      engine_options:\n"
                               "        url: http://127.0.0.1:9\n        model: tiny\n        retries: 0\n        timeout: 2\n")
    result = mkdocs_build(down, strict=False)
    assert result.returncode == 0, result.stderr
    assert "openai failed after 0 of" in result.stderr and "the build uses what the memory has" in result.stderr
    assert "Deepseek R1 calls the AI industry" in (down / f"site/en/{SLUG}/index.html").read_text(encoding="utf-8")


def test_serve_rebuilds_when_an_article_changes(tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project = copy_project(tmp_path)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def page_text() -> str:
        url = f"http://127.0.0.1:{port}/italien-sperrt-deepseek/"
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()

    def wait_for(predicate, seconds=90):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if predicate():
                    return True
            except OSError:
                pass
            time.sleep(0.5)
        return False

    try:
        assert wait_for(lambda: "Was die Behörde wissen will" in page_text())
        article = project / "content/articles/italien-sperrt-deepseek.md"
        article.write_text(article.read_text(encoding="utf-8").replace(
            "## Was die Behörde wissen will", "## Was die Datenschützer fragen"), encoding="utf-8")
        assert wait_for(lambda: "Was die Datenschützer fragen" in page_text())
    finally:
        server.terminate()
        server.wait(timeout=30)
