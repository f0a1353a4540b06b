"""What a reader sees, in Debian's Chromium driven by Playwright (never a downloaded browser)."""
from __future__ import annotations

import functools
import http.server
import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from sitebuild import ROOT, copy_project, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
SLUG = "deepseek-r1-openai-unter-druck"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (make browser-deps)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(project: Path, port: int):
    result = mkdocs_build(project, strict=True)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The demo site built for, and served at, a local address."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = serve(copy_project(tmp_path_factory.mktemp("browser"), site_url=base), port)
    yield base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The demo site built for its public address (mkdocs.yml as shipped) but looked at on a
    local server, as in a pull-request preview."""
    port = free_port()
    server = serve(copy_project(tmp_path_factory.mktemp("preview")), port)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


def open_page(browser, width=1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors, foreign = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None) else None)
    return page, errors, foreign


def test_reader_sees_fact_box_timeline_and_switches_language(served, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page, errors, foreign = open_page(browser)
    page.goto(f"{served}{SLUG}/", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("aside.fact-box").is_visible()
    assert page.locator("ol.timeline time").first.is_visible()
    assert page.locator("aside.fact-box").inner_text().startswith("Auf einen Blick")
    page.screenshot(path=str(ARTIFACTS / "article-de.png"), full_page=True)

    page.locator(".md-header .md-select").hover()
    page.locator("a.newsroom-switch[hreflang=en]").click()
    page.wait_for_url(f"{served}en/{SLUG}/")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("input.md-search__input").get_attribute("placeholder") == "Search"
    assert page.locator("aside.fact-box").inner_text().startswith("At a glance")
    assert "Table of contents" in page.locator(".md-sidebar--secondary").inner_text()
    assert page.locator("h1").inner_text().startswith("Deepseek R1 calls the AI industry")
    page.screenshot(path=str(ARTIFACTS / "article-en.png"), full_page=True)

    page.locator(".md-header .md-select").hover()
    page.locator("a.newsroom-switch[hreflang=de]").click()
    page.wait_for_url(f"{served}{SLUG}/")
    assert errors == []
    assert foreign == []


def test_home_and_timeline_pages_on_a_phone(served, browser):
    page, errors, foreign = open_page(browser, width=375)
    for path, name in (("", "home-de"), ("en/", "home-en"), ("timeline/", "timeline-de"), ("en/timeline/", "timeline-en")):
        page.goto(f"{served}{path}", wait_until="networkidle")
        page.screenshot(path=str(ARTIFACTS / f"{name}-375.png"), full_page=True)
        # nothing wider than the phone screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto(f"{served}en/timeline/", wait_until="networkidle")
    items = page.locator("ol.timeline--site > li")
    total = items.count()
    page.select_option(".timeline-filter select[name=year]", "2023")
    visible = sum(1 for i in range(total) if items.nth(i).is_visible())
    assert 0 < visible < total
    page.select_option(".timeline-filter select[name=year]", "")
    page.select_option(".timeline-filter select[name=name]", "Nvidia")
    by_name = [items.nth(i).inner_text() for i in range(total) if items.nth(i).is_visible()]
    assert 0 < len(by_name) < total
    assert all("Deepseek R1 calls the AI industry" in item for item in by_name)  # only that article names Nvidia
    assert errors == [] and foreign == []


def test_a_preview_of_the_public_build_loads_nothing_from_the_public_host(preview, browser):
    page, errors, foreign = open_page(browser)
    page.goto(f"{preview}en/{SLUG}/", wait_until="networkidle")
    assert page.locator("aside.fact-box").is_visible()
    # the served HTML keeps the public hreflang URLs for search engines
    html = page.evaluate("fetch(location.href).then(r => r.text())")
    assert f'hreflang="de" href="https://newsroom.example.org/{SLUG}/"' in html
    page.locator(".md-header .md-select").hover()
    page.locator("a.newsroom-switch[hreflang=de]").click()
    page.wait_for_url(f"{preview}{SLUG}/")
    page.wait_for_load_state("networkidle")
    assert errors == [] and foreign == []
