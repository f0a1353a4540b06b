"""`newsroom import FILE_OR_URL [--force]` and `newsroom new "Titel"`: the I/O around the pure
functions in `importer`. Each command returns an exit code; errors are one line on `err`."""
from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from typing import TextIO

from site_plugins.importer import (
    ImportFailure,
    html_to_article,
    render_article_markdown,
    scaffold_article,
)
from site_plugins.slug import slugify

FETCH_TIMEOUT_SECONDS = 20
MAX_PAGE_BYTES = 10 * 1024 * 1024
USER_AGENT = "newsroom-import/1.0 (site_plugins)"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class CommandError(Exception):
    """A failure the user can fix; the message is printed as one line, without a traceback."""


def _shown(path: Path) -> str:
    """The path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: the HTTP charset, else the page's <meta charset>, else UTF-8, else cp1252
    (the usual encoding of old German pages that declare nothing)."""
    sniffed = _META_CHARSET.search(data[:4096])
    candidates = [declared, sniffed.group(1).decode("ascii") if sniffed else None, "utf-8"]
    for encoding in filter(None, candidates):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def fetch_url(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_PAGE_BYTES + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as error:
        raise CommandError(f"cannot fetch {url}: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise CommandError(f"cannot fetch {url}: {error.reason} "
                           "(no network? save the page as .html and import the file)") from None
    except (TimeoutError, OSError) as error:
        raise CommandError(f"cannot fetch {url}: {error or 'timed out'} "
                           f"(gave up after {timeout:g} s)") from None
    if len(data) > MAX_PAGE_BYTES:
        raise CommandError(f"cannot import {url}: the page is larger than "
                           f"{MAX_PAGE_BYTES // (1024 * 1024)} MiB")
    return decode_html(data, charset)


def read_source(source: str) -> tuple[str, str | None]:
    """(html, url) of a file path or an http(s) URL; url is None for a file."""
    if re.match(r"https?://", source, re.IGNORECASE):
        return fetch_url(source), source
    path = Path(source)
    try:
        return decode_html(path.read_bytes()), None
    except OSError as error:
        raise CommandError(f"cannot read {source}: {error.strerror or error}") from None


def _target(articles_dir: Path, slug: str, force: bool,
            hint: str = "use --force to overwrite it") -> Path:
    """Where the article goes; refuses to replace an existing article unless forced."""
    target = articles_dir / f"{slug}.md"
    twin = articles_dir / f"{slug}.txt"
    if twin.exists():
        raise CommandError(f"{_shown(twin)} already has the slug '{slug}'; "
                           "rename or remove it first")
    if target.exists() and not force:
        raise CommandError(f"{_shown(target)} already exists; {hint}")
    return target


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise CommandError(f"cannot write {_shown(path)}: {error.strerror or error}") from None


def _import(source: str, articles_dir: Path, force: bool, out: TextIO, err: TextIO) -> None:
    html, url = read_source(source)
    try:
        article = html_to_article(html, url=url)
    except ImportFailure as error:
        raise CommandError(f"{source}: {error}") from None
    slug = slugify(article.title)
    target = _target(articles_dir, slug, force)
    _write(target, render_article_markdown(article, slug))
    blocks = article.body_markdown.split("\n\n")
    headings = sum(block.startswith("## ") for block in blocks)
    out.write(f"wrote {_shown(target)}: {article.title!r} ({article.date or 'no date'}, "
              f"{len(blocks) - headings} paragraphs, {headings} subheadings)\n")
    if not article.date:
        err.write(f"warning: {source}: no publication date found; "
                  f"add 'date: YYYY-MM-DD' to {_shown(target)}\n")


def run_import(source: str, articles_dir: Path, force: bool, out: TextIO,
               err: TextIO | None = None) -> int:
    """`newsroom import FILE_OR_URL [--force]`: 0 on success, 1 with a one-line error."""
    err = err or sys.stderr
    try:
        _import(source, Path(articles_dir), force, out, err)
    except CommandError as error:
        err.write(f"error: {error}\n")
        return 1
    return 0


def run_new(title: str, articles_dir: Path, today: date, out: TextIO,
            err: TextIO | None = None) -> int:
    """`newsroom new "Titel"`: writes a scaffold; never overwrites. 0 or 1."""
    err = err or sys.stderr
    try:
        if not title.strip():
            raise CommandError("expected a title, found an empty string")
        try:
            filename, text = scaffold_article(title.strip(), today)
        except ValueError as error:
            raise CommandError(str(error)) from None
        target = _target(Path(articles_dir), filename.removesuffix(".md"), force=False,
                         hint="edit it, or choose another title")
        _write(target, text)
    except CommandError as error:
        err.write(f"error: {error}\n")
        return 1
    out.write(f"created {_shown(target)}\n")
    return 0
