"""The Markdown source of the generated pages: one article in one language, and the home page.
Article text is escaped here; MkDocs and Material do the rest (TOC, search, theme)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape, unescape

import yaml

from ..article import Article
from ..model import PubDate
from ..segment import sentences as split_sentences
from .dates import format_pubdate
from .labels import label
from .localize import Localized, Localizer, inline_html

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def markdown_text(html_text: str) -> str:
    """Backslash-escape Markdown syntax in already HTML-escaped text outside tags."""
    parts = re.split(r"(<[^>]*>)", html_text)
    return "".join(p if p.startswith("<") else MARKDOWN_SPECIALS.sub(r"\\\1", p) for p in parts)


@dataclass(frozen=True)
class PageView:
    """What a page shows besides the body, rendered for one language."""

    fact_box_html: str
    timeline_html: str
    url: str  # site-relative URL of this page, "slug/" or "en/slug/"
    other_url: str
    site_url: str  # absolute base, ending in "/", or "" when the config has none


def front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n\n"


def render_article(article: Article, view: PageView, tr: Localizer) -> str:
    lang = tr.lang
    title = tr(article.title, None)
    body: list[str] = []
    lead_index = _lead_index(article)
    lead = lead_html(article, tr)
    for index, block in enumerate(article.blocks):
        if index == lead_index or (block.kind == "heading" and block.line == article.title_line):
            continue  # the lead is shown above the fact box; a heading that became the title is the H1
        if block.kind == "heading":
            body.append("## " + markdown_text(inline_html(tr(block.text, None))))
        else:
            body.append("<p>" + " ".join(inline_html(tr(s, None)) for s in split_sentences(block.text)) + "</p>")
    parts = [
        "# " + markdown_text(inline_html(title)),
        _meta_line(article, lang),
        f'<p class="lead">{lead}</p>',
        view.fact_box_html,
        view.timeline_html,
        *body,
        _json_ld(article, title, view, lang),
    ]
    notice = _notice(getattr(tr, "used", []))
    if notice:
        parts.insert(1, notice)
    meta = {"title": title.text, "newsroom_lang": lang, "hide": ["navigation"],
            "description": _plain(lead)}
    return front_matter(meta) + "\n\n".join(p for p in parts if p) + "\n"


def _lead_index(article: Article) -> int | None:
    """The first paragraph is the lead unless the front matter gives a summary."""
    summary = article.meta.get("summary")
    if isinstance(summary, str) and summary.strip():
        return None
    return next((i for i, b in enumerate(article.blocks) if b.kind == "paragraph"), None)


def lead_html(article: Article, tr: Localizer) -> str:
    """The lead in the page's language, sentence by sentence as `segment_article` splits it
    (the summary's whitespace folded, a paragraph as it is), so each is found in the memory."""
    index = _lead_index(article)
    if index is not None:
        text = article.blocks[index].text
    else:
        text = " ".join(article.lead.split())
    return " ".join(inline_html(tr(s, None)) for s in split_sentences(text)) if text else ""


def _plain(html_text: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html_text))[:300]


def _meta_line(article: Article, lang: str) -> str:
    bits = []
    if article.published:
        bits.append(f'<time datetime="{article.published.isoformat()}">'
                    f'{escape(format_pubdate(article.published, lang))}</time>')
    author = article.meta.get("author")
    if isinstance(author, str) and author.strip():
        bits.append(f'{label("by", lang)} {escape(author.strip())}')
    source = article.meta.get("source")
    if isinstance(source, str) and re.match(r"https?://", source):
        bits.append(f'<a href="{escape(source, quote=True)}" rel="nofollow noopener">{label("source", lang)}</a>')
    return f'<p class="article-meta">{" · ".join(bits)}</p>' if bits else ""


def _notice(used: list[tuple[str, str | None, Localized]]) -> str:
    statuses = {text.status for _, _, text in used}
    notes = []
    if statuses & {"missing", "outdated"}:
        notes.append(label("untranslated_notice", "en"))
    if "machine" in statuses:
        notes.append(label("machine_notice", "en"))
    if not notes:
        return ""
    paragraphs = "".join(f"<p>{n}</p>" for n in notes)
    return f'<div class="admonition warning nr-notice" role="note">{paragraphs}</div>'


def _json_ld(article: Article, title: Localized, view: PageView, lang: str) -> str:
    if not view.site_url:
        return ""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title.text,
        "inLanguage": lang,
        "url": view.site_url + view.url,
        "translationOfWork" if lang == "en" else "workTranslation": {"@id": view.site_url + view.other_url},
        "@id": view.site_url + view.url,
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>'


@dataclass(frozen=True)
class HomeEntry:
    url: str  # relative to the home page
    title_html: str
    lead_html: str
    published: PubDate | None


def render_home(entries: list[HomeEntry], lang: str) -> str:
    """The article list, newest first; articles without a date last, by title."""
    dated = sorted((e for e in entries if e.published), key=lambda e: (e.published.latest, e.published.earliest), reverse=True)
    undated = sorted((e for e in entries if not e.published), key=lambda e: e.title_html)
    items = []
    for e in dated + undated:
        when = (f'<time datetime="{e.published.isoformat()}">{escape(format_pubdate(e.published, lang))}</time>'
                if e.published else "")
        items.append(f'<li class="article-list__item"><h2><a href="{escape(e.url, quote=True)}">{e.title_html}</a></h2>'
                     f'<p class="article-list__meta">{when}</p><p>{e.lead_html}</p></li>')
    meta = {"title": label("home_title", lang), "newsroom_lang": lang, "hide": ["navigation", "toc"]}
    timeline = f'<a href="timeline/">{label("site_timeline", lang)}</a>'
    return (front_matter(meta) + f"# {label('home_title', lang)}\n\n<p>{label('home_intro', lang)} {timeline}</p>\n\n"
            + '<ol class="article-list">\n' + "\n".join(items) + "\n</ol>\n")
