"""Segments: the units of translation. A heading is one segment, a paragraph is split into
sentences with SoMaJo, so that editing one sentence invalidates only that sentence's English."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .article import Article


@dataclass(frozen=True)
class Segment:
    text: str
    line: int  # source line of the block the segment belongs to
    block: int  # index into Article.blocks, -1 for the title and the summary
    kind: str  # title, summary, heading, sentence


@lru_cache(maxsize=1)
def _splitter():
    from somajo import SoMaJo  # loading its data takes ~0.3 s: only when segments are needed

    return SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)


@lru_cache(maxsize=65536)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character spans of the sentences of one paragraph. SoMaJo is the slowest
    step of a build (~5 ms a paragraph) and every page asks again, and so does every rebuild of
    `mkdocs serve`: the spans are remembered per paragraph text."""
    spans = []
    for sentence in _splitter().tokenize_text([text]):
        tokens = [t for t in sentence if t.character_offset]
        if tokens:
            spans.append((tokens[0].character_offset[0], tokens[-1].character_offset[1]))
    return tuple(spans) or ((0, len(text)),)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def segment_article(article: Article) -> list[Segment]:
    """All segments in reading order: title, summary, then each block's sentences."""
    segments = [Segment(article.title, article.title_line, -1, "title")]
    summary = article.meta.get("summary")
    if isinstance(summary, str) and summary.strip():
        segments += [Segment(s, article.title_line, -1, "summary") for s in sentences(" ".join(summary.split()))]
    for index, block in enumerate(article.blocks):
        if block.kind == "heading":
            segments.append(Segment(block.text, block.line, index, "heading"))
        else:
            segments += [Segment(s, block.line, index, "sentence") for s in sentences(block.text)]
    return segments


@lru_cache(maxsize=1)
def _english_splitter():
    from somajo import SoMaJo

    return SoMaJo("en_PTB", split_camel_case=False, character_offsets=True)


def english_sentences(text: str) -> list[str]:
    """Sentences of an English text, paragraph by paragraph (for aligning a human translation)."""
    found = []
    for paragraph in (p.strip() for p in text.replace("\r\n", "\n").split("\n\n")):
        if not paragraph:
            continue
        paragraph = " ".join(paragraph.split())
        for sentence in _english_splitter().tokenize_text([paragraph]):
            tokens = [t for t in sentence if t.character_offset]
            if tokens:
                found.append(paragraph[tokens[0].character_offset[0]:tokens[-1].character_offset[1]])
    return found
