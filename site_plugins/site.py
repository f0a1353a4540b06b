"""The whole site as a pure function: source files and catalogs in; page sources, updated
catalogs and problems out. The MkDocs plugin and the CLI do the file I/O around it."""
from __future__ import annotations

from dataclasses import astuple, dataclass, field
from datetime import datetime
from typing import Callable

from babel.messages.catalog import Catalog

from .article import Article, ArticleError, parse_article
from .extract.pipeline import ArticleFacts, article_facts
from .registry import Registry
from .render.factbox import render_fact_box
from .render.labels import label
from .render.localize import GermanLocalizer, Localizer, MemoryLocalizer, inline_html
from .render.page import HomeEntry, PageView, front_matter, lead_html, render_article, render_home
from .render.timeline import SiteEvent, render_site_timeline, render_timeline
from .segment import segment_article
from .slug import slugify
from .translate.fill import missing_keys
from .translate.memory import MemoryError_, SourceSegment, lookup, merge, read_catalog, write_catalog

LANGS = ("de", "en")
TIMELINE_SLUG = "timeline"


@dataclass(frozen=True)
class Problem:
    """Something a build survives but an editor must fix (a warning: --strict fails on it)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Page:
    src_uri: str  # "slug.md" or "en/slug.md"
    url: str  # "slug/" or "en/slug/"
    lang: str
    other_url: str
    markdown: str


@dataclass
class SiteResult:
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    catalogs: dict[str, bytes] = field(default_factory=dict)  # slug -> PO bytes, only where changed
    articles: list[Article] = field(default_factory=list)


def url_for(slug: str, lang: str) -> str:
    prefix = "" if lang == "de" else f"{lang}/"
    return f"{prefix}{slug}/" if slug else prefix


def catalog_path(translations_dir: str, slug: str) -> str:
    return f"{translations_dir}/en/{slug}.po"


def parse_all(sources: dict[str, bytes], result: SiteResult) -> list[Article]:
    """Parse every source; bad files and duplicate slugs become problems, the rest goes on.
    Of two articles with one slug, the one whose file name gives the slug keeps it, so a new
    file with a `slug:` line never takes over a published URL."""
    parsed: list[Article] = []
    for path in sorted(sources):
        try:
            parsed.append(parse_article(sources[path], path))
        except ArticleError as err:
            result.problems.append(Problem(err.path, err.line, err.message))
    owners: dict[str, Article] = {}
    for article in sorted(parsed, key=lambda a: (not _slug_from_file_name(a), a.path)):
        first = owners.get(article.slug)
        if first is not None or article.slug == TIMELINE_SLUG:
            owner = first.path if first else "the site timeline"
            result.problems.append(Problem(article.path, 1, f"expected a unique slug, found '{article.slug}' "
                                                            f"already used by {owner}; set 'slug:' or rename the file"))
            continue
        owners[article.slug] = article
    return sorted(owners.values(), key=lambda a: a.path)


def _slug_from_file_name(article: Article) -> bool:
    return slugify(article.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) == article.slug


def build_site(sources: dict[str, bytes], catalogs: dict[str, bytes], registry: Registry,
               translations_dir: str, site_url: str, now: datetime,
               fill: Callable[[Catalog, list], str | None] | None = None,
               check: Callable[[str, str], list] | None = None, names: str = "fast") -> SiteResult:
    """`fill(catalog, missing keys)` may add machine English (it returns an error or None);
    `check(german, english)` returns translation problems (objects with kind and detail);
    `names`: the name recognizer's mode (see extract.ner.load)."""
    result = SiteResult()
    result.articles = parse_all(sources, result)
    home: dict[str, list[HomeEntry]] = {lang: [] for lang in LANGS}
    events: dict[str, list[SiteEvent]] = {lang: [] for lang in LANGS}
    for article in result.articles:
        po_path = catalog_path(translations_dir, article.slug)
        facts = article_facts(article, registry, names)
        memory = _memory(article, facts, catalogs.get(article.slug), po_path, now, fill, check, result)
        for lang in LANGS:
            tr = _localizer(lang, memory)
            result.pages.append(_article_page(article, facts, tr, site_url))
            home[lang].append(HomeEntry(article.slug + "/", inline_html(tr(article.title)), lead_html(article, tr),
                                        article.published))
            events[lang] += [SiteEvent(e.earliest, e.latest, inline_html(tr(e.label or e.text, "timeline")),
                                       inline_html(tr(article.title)), f"../{article.slug}/",
                                       tuple(x["name"] for x in facts.entities))
                             for e in facts.events]
            if lang == "en":
                result.problems += _translation_problems(article, po_path, tr, memory)
    for lang in LANGS:
        other = "en" if lang == "de" else "de"
        prefix = "" if lang == "de" else "en/"
        result.pages.append(Page(f"{prefix}index.md", url_for("", lang), lang, url_for("", other),
                                 render_home(home[lang], lang)))
        result.pages.append(Page(f"{prefix}{TIMELINE_SLUG}.md", url_for(TIMELINE_SLUG, lang), lang,
                                 url_for(TIMELINE_SLUG, other), _timeline_page(events[lang], lang)))
    return result


def _memory(article: Article, facts: ArticleFacts, data: bytes | None, po_path: str, now: datetime,
            fill, check, result: SiteResult) -> Catalog:
    """The article's catalog merged with its current segments, gaps filled by an engine if one
    is given, checked; its new bytes go to `result.catalogs` when they changed."""
    catalog, writable = _catalog(data, po_path, result)
    segments = source_segments(article, facts)
    merged = merge(catalog, segments, now)
    if fill is not None:
        error = fill(merged, missing_keys(merged, ((s.text, s.context) for s in segments)))
        if error:
            result.problems.append(Problem(po_path, 0, f"{error}; the build uses what the memory has"))
    if check is not None:
        result.problems += check_problems(segments, merged, check, po_path)
    new_bytes = write_catalog(merged)
    if writable and new_bytes != data:
        result.catalogs[article.slug] = new_bytes
    return merged


def _localizer(lang: str, memory: Catalog) -> Localizer:
    if lang == "de":
        return GermanLocalizer()
    return MemoryLocalizer(lambda text, context: astuple(lookup(memory, text, context)))


def _catalog(data: bytes | None, path: str, result: SiteResult) -> tuple[object, bool]:
    """(catalog or None, whether the build may rewrite the file)."""
    if data is None:
        return None, True
    try:
        return read_catalog(data, path), True
    except MemoryError_ as err:
        # never overwrite what a translator wrote, even when it does not parse
        result.problems.append(Problem(path, 0, f"{err}; the build uses no English from it and leaves it as it is"))
        return None, False


def source_segments(article: Article, facts: ArticleFacts) -> list[SourceSegment]:
    segments = [SourceSegment(s.text, article.path, s.line) for s in segment_article(article)]
    return segments + [SourceSegment(text, article.path, line, context) for context, text, line in facts.strings()]


def _article_page(article: Article, facts: ArticleFacts, tr: Localizer, site_url: str) -> Page:
    lang = tr.lang
    other = "en" if lang == "de" else "de"
    url, other_url = url_for(article.slug, lang), url_for(article.slug, other)
    view = PageView(render_fact_box(list(facts.figures), list(facts.entities), list(facts.quotes), tr),
                    render_timeline(list(facts.events), article.published, tr), url, other_url, site_url)
    markdown = render_article(article, view, tr)
    prefix = "" if lang == "de" else f"{lang}/"
    return Page(f"{prefix}{article.slug}.md", url, lang, other_url, markdown)


def check_problems(segments: list[SourceSegment], catalog, check, po_path: str) -> list[Problem]:
    """`check(german, english)` on every segment that shows English, as problems at its line."""
    problems = []
    for segment in dict.fromkeys(segments):
        english = lookup(catalog, segment.text, segment.context).english
        if english is None:
            continue
        for found in check(segment.text, english):
            problems.append(Problem(segment.path, segment.line, f"translation check ({found.kind}): {found.detail} "
                                                                f"for '{_short(segment.text)}' in {po_path}"))
    return problems


def _translation_problems(article: Article, po_path: str, tr: MemoryLocalizer, catalog) -> list[Problem]:
    """One warning per German segment shown on the English page, at its source line."""
    problems, seen = [], set()
    for german, context, shown in tr.used:
        if not shown.is_fallback or (german, context) in seen:
            continue
        seen.add((german, context))
        message = catalog.get(german, context)
        line = message.locations[0][1] if message is not None and message.locations else 0
        what = "no English" if shown.status == "missing" else "an outdated English (fuzzy) that needs review"
        where = f" {context}" if context else ""
        problems.append(Problem(article.path, line, f"{what} for{where} segment '{_short(german)}' in {po_path}"))
    return problems


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _timeline_page(events: list[SiteEvent], lang: str) -> str:
    meta = {"title": label("site_timeline", lang), "newsroom_lang": lang, "hide": ["navigation", "toc"]}
    return (front_matter(meta) + f"# {label('site_timeline', lang)}\n\n<p>{label('site_timeline_intro', lang)}</p>\n\n"
            + render_site_timeline(events, lang) + "\n")
