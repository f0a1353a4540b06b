"""Source articles: bytes in, an `Article` (blocks with line numbers) out.

Two formats are read:
- raw text as received from a wire or a website (``.txt``): an optional ``date YYYY-MM[-DD]``
  header that may share its line with the first paragraph, ad markers, bare subheadings, a
  trailer;
- Markdown with YAML front matter (``.md``): title, date, author, source, tags, slug, summary,
  and corrections to the extracted facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Mapping

import yaml

from .model import PubDate
from .slug import slugify


class ArticleError(Exception):
    """Bad input in a source article; the message names the file and line."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Block:
    kind: str  # "heading" or "paragraph"
    text: str
    line: int  # 1-based line of the block's first line in the source file


@dataclass(frozen=True)
class Article:
    path: str
    slug: str
    title: str
    title_line: int
    published: PubDate | None
    blocks: tuple[Block, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)  # the front matter as written

    @property
    def lead(self) -> str:
        """The summary from the front matter, else the first paragraph."""
        summary = self.meta.get("summary")
        if isinstance(summary, str) and summary.strip():
            return summary.strip()
        return next((b.text for b in self.blocks if b.kind == "paragraph"), "")

    @property
    def text(self) -> str:
        """The body as plain text, blocks separated by blank lines (what extraction reads)."""
        return "\n\n".join(b.text for b in self.blocks)


AD_MARKER = re.compile(r"(?:Anzeige\s*)+")
TRAILERS = ("Mehr zu diesem Thema", "Mehr zum Thema", "Lesen Sie auch", "Das könnte dich auch interessieren",
            "Das könnte Sie auch interessieren", "Weitere Artikel")
DATE_HEADER = re.compile(r"\s*date\b[ \t]*(\S*)[ \t]*")
DATE_VALUE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
HEADING_MAX_WORDS = 14


def is_trailer(text: str) -> bool:
    """A short line like "Mehr zu diesem Thema": it and everything after it are dropped (a long
    paragraph that merely starts like one is article text)."""
    return len(text) < 60 and text.startswith(TRAILERS)


def parse_article(data: bytes, path: str) -> Article:
    """Parse one source article; raises ArticleError naming `path` and the line."""
    text = decode(data, path)
    stem = re.sub(r"\.[^./]*$", "", path.rsplit("/", 1)[-1])
    if path.endswith(".md"):
        return parse_markdown(text, path, stem)
    return parse_raw(text, path, stem)


def decode(data: bytes, path: str) -> str:
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ArticleError(path, line, "expected UTF-8 text, found binary data (a NUL byte)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ArticleError(path, line, f"expected UTF-8 text, found byte 0x{data[err.start]:02X} "
                           "(is the file Latin-1 or Windows-1252? save it as UTF-8)") from None
    if not text.strip():
        raise ArticleError(path, 1, "expected article text, found an empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_pubdate(value: str, path: str, line: int) -> PubDate:
    match = DATE_VALUE.fullmatch(value)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(g) if g else None for g in match.groups())
        pub = PubDate(year, month, day)
        pub.latest  # validates month and day
        return pub
    except ValueError:
        raise ArticleError(path, line, f"expected a date after 'date' (YYYY-MM or YYYY-MM-DD), "
                           f"found '{value}'") from None


def parse_raw(text: str, path: str, stem: str) -> Article:
    lines = text.split("\n")
    published = None
    first = next(i for i, line in enumerate(lines) if line.strip())
    header = DATE_HEADER.match(lines[first])
    if header:
        published = parse_pubdate(header.group(1), path, first + 1)
        lines[first] = lines[first][header.end():]
    blocks = raw_blocks(lines)
    if not blocks:
        raise ArticleError(path, first + 1, "expected article text after the date header, found none")
    title, title_line = default_title(blocks)
    return Article(path, slugify(stem), title, title_line, published, tuple(blocks))


def raw_blocks(lines: list[str]) -> list[Block]:
    """Paragraphs split at blank lines; ads dropped; the trailer and all after it dropped."""
    blocks: list[Block] = []
    for line_no, text in paragraphs(list(enumerate(lines, 1))):
        if AD_MARKER.fullmatch(text):
            continue
        if is_trailer(text):
            break
        kind = "heading" if looks_like_heading(text) and (blocks or not is_byline(text)) else "paragraph"
        blocks.append(Block(kind, text, line_no))
    if len(blocks) == 1 and blocks[0].kind == "heading":  # a text of one short line is its lead
        blocks[0] = Block("paragraph", blocks[0].text, blocks[0].line)
    return blocks


def is_byline(text: str) -> bool:
    """"Von Jana Berghoff": a first line naming the author is no headline."""
    return text.startswith(("Von ", "von ", "By ")) and len(text.split()) <= 6


def paragraphs(numbered: list[tuple[int, str]]):
    """(line number, text) per run of non-blank lines, lines joined by spaces."""
    start, buffer = 0, []
    for line_no, line in numbered + [(0, "")]:
        if line.strip():
            if not buffer:
                start = line_no
            buffer.append(line.strip())
        elif buffer:
            yield start, " ".join(buffer)
            buffer = []


def looks_like_heading(text: str) -> bool:
    """A short bare line without final punctuation (a question may be a heading)."""
    words = text.split()
    if len(words) > HEADING_MAX_WORDS or text[-1] in ".:;,!\"“”«»'’)":
        return False
    if text[0] in "„»«\"‚'“":
        return False
    # a question heading is one sentence: no sentence end inside it
    return not re.search(r"[.!?]\s", text)


def default_title(blocks: list[Block]) -> tuple[str, int]:
    """The documented rule for articles without a title: the first subheading; without
    subheadings, the lead's first sentence cut to twelve words."""
    heading = next((b for b in blocks if b.kind == "heading"), None)
    if heading:
        return heading.text, heading.line
    first = blocks[0]
    sentence = re.split(r"(?<=[.!?])\s", first.text, maxsplit=1)[0]
    words = sentence.split()
    return (" ".join(words[:12]) + " …" if len(words) > 12 else sentence), first.line


def parse_markdown(text: str, path: str, stem: str) -> Article:
    meta, body_start = front_matter(text, path)
    lines = text.split("\n")[body_start:]
    blocks = markdown_blocks(lines, body_start + 1)
    if not blocks:
        raise ArticleError(path, body_start + 1, "expected article text after the front matter, found none")
    published = None
    if "date" in meta:
        published = meta_date(meta["date"], path, key_line(text, "date"))
    title = meta.get("title")
    if title is not None and not (isinstance(title, str) and title.strip()):
        raise ArticleError(path, key_line(text, "title"), f"expected a title as text, found {title!r}")
    if title:
        title_text, title_line = " ".join(title.split()), key_line(text, "title")
    else:
        title_text, title_line = default_title(blocks)
    if "facts" in meta:
        from .extract.overrides import validate  # the rules live with the code that applies them

        problem = validate(meta["facts"])
        if problem:
            raise ArticleError(path, key_line(text, "facts"), problem)
    slug_value = meta.get("slug")
    slug = slugify(str(slug_value)) if slug_value else slugify(stem)
    if not slug:
        raise ArticleError(path, key_line(text, "slug"), f"expected a slug with letters or digits, found {slug_value!r}")
    return Article(path, slug, title_text, title_line, published, tuple(blocks), meta)


def front_matter(text: str, path: str) -> tuple[dict, int]:
    """The YAML mapping between the '---' lines and the index of the first body line."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, 0
    end = front_matter_end(lines)
    if end is None:
        raise ArticleError(path, 1, "expected front matter closed by a line '---', found no closing line")
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        raise ArticleError(path, line, f"expected YAML front matter, found a syntax error: {problem}") from None
    if not isinstance(meta, dict):
        raise ArticleError(path, 2, f"expected front matter as 'key: value' lines, found {type(meta).__name__}")
    return meta, end + 1


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the line that closes the front matter opened by `lines[0]`, if any."""
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def key_line(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.M)
    return text[: match.start()].count("\n") + 1 if match else 1


def meta_date(value: Any, path: str, line: int) -> PubDate:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return PubDate(value.year, value.month, value.day)
    return parse_pubdate(str(value).strip(), path, line)


def markdown_blocks(lines: list[str], first_line: int) -> list[Block]:
    """Paragraphs and '#' headings; a heading line ends the paragraph before it."""
    numbered: list[tuple[int, str]] = []
    for line_no, line in enumerate(lines, first_line):
        is_heading = HEADING_LINE.match(line)
        numbered.extend([(0, ""), (line_no, line), (0, "")] if is_heading else [(line_no, line)])
    blocks = []
    for line_no, text in paragraphs(numbered):
        heading = HEADING_LINE.match(text)
        if heading:
            blocks.append(Block("heading", heading.group(1), line_no))
        elif not AD_MARKER.fullmatch(text):
            blocks.append(Block("paragraph", text, line_no))
    return blocks


HEADING_LINE = re.compile(r"#{1,6}[ \t]+(\S.*?)[ \t#]*$")


def extraction_view(text: str, path: str, published: str | None = None) -> tuple[str, PubDate | None]:
    """The text extraction reads, with offsets into `text` kept: what is not article text (a
    date header, front matter, ad markers, '#' marks, the trailer and what follows it) is
    blanked out with spaces. `published` (YYYY-MM[-DD]) overrides the date in the text."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = [c if c == "\n" else " " for c in text[start:end]]

    pub = None
    lines = text.split("\n")
    end = front_matter_end(lines) if lines[0].strip() == "---" else None
    if end is not None:
        try:
            meta = yaml.safe_load("\n".join(lines[1:end])) or {}
            pub = meta_date(meta["date"], path, key_line(text, "date")) if isinstance(meta, dict) and "date" in meta else None
        except (yaml.YAMLError, ArticleError):
            pub = None  # a broken front matter is still not article text
        blank(0, len("\n".join(lines[:end + 1])))
    else:
        header = DATE_HEADER.match(text)
        if header and DATE_VALUE.fullmatch(header.group(1)):
            pub = parse_pubdate(header.group(1), path, 1)
            blank(0, header.end())
    offset = 0
    for line in lines:
        stripped = line.strip()
        if stripped and AD_MARKER.fullmatch(stripped):
            blank(offset, offset + len(line))
        elif stripped and is_trailer(stripped):
            blank(offset, len(text))
            break
        elif HEADING_LINE.match(line):
            blank(offset, offset + len(line) - len(line.lstrip("# \t")))
        offset += len(line) + 1
    if published:
        pub = parse_pubdate(published.strip()[:10], path, 1)
    return "".join(chars), pub
