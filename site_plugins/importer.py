"""Turn a saved or fetched news web page into a source article (`content/articles/<slug>.md`).

Pure functions: HTML text in, `ImportedArticle` / Markdown text out. Trafilatura finds the main
text; title, author and date come from the page's own metadata (JSON-LD, og:/article: meta,
<time>), read here because trafilatura rounds a month ("2025-02") up to a day and drops the
dot in "Dr.". A German stop-word ratio guards against importing a page in another language.
"""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura
import yaml

from site_plugins.slug import slugify


class ImportFailure(Exception):
    """The page cannot become an article; the message says what was expected and found."""


@dataclass(frozen=True)
class ImportedArticle:
    title: str
    date: str | None  # "YYYY-MM-DD" or "YYYY-MM", as precise as the page says, never more
    author: str | None
    source: str | None
    body_markdown: str  # paragraphs separated by blank lines, "## " subheadings, "- " lists
    language: str
    summary: str | None = None


@dataclass(frozen=True)
class PageMetadata:
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    summary: str | None = None
    lang: str | None = None


# --- metadata ---------------------------------------------------------------------------

_DATE = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?")
_GERMAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


def normalize_date(raw: str | None) -> str | None:
    """'2025-03-14T07:30:00+01:00' -> '2025-03-14', '2025-02' -> '2025-02', '14.03.2025' ->
    '2025-03-14'; None for anything that is not a valid calendar date.

    The calendar day is taken as written (no time-zone shift): it is the day the page shows."""
    if not raw:
        return None
    if match := _DATE.match(raw):
        year, month, day = match.group(1), match.group(2), match.group(3)
    elif match := _GERMAN_DATE.match(raw):
        day, month, year = match.group(1).zfill(2), match.group(2).zfill(2), match.group(3)
    else:
        return None
    try:
        datetime.date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    return f"{year}-{month}-{day}" if day else f"{year}-{month}"


def _is_article_type(node: dict) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and (t.endswith("Article") or t in ("BlogPosting", "Report"))
               for t in types)


def _json_ld_article(tree) -> dict:
    """The first schema.org Article-like object in the page's JSON-LD, or {}."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue  # broken JSON-LD is common; the meta tags may still help
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if _is_article_type(node):
                    return node
                stack.extend(node.get("@graph", []))
    return {}


def _names(value) -> str | None:
    """schema.org author: a string, a Person/Organization, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = [i.get("name") if isinstance(i, dict) else i for i in items]
    names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
    return ", ".join(names) or None


def _text(value) -> str | None:
    if isinstance(value, dict):  # mainEntityOfPage may be {"@id": url}
        value = value.get("@id")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _strip_site_name(title: str | None, site_name: str | None) -> str | None:
    """'Bahn streicht Nachtzug | Nordblick' -> 'Bahn streicht Nachtzug' (og:title often
    carries the site's name; the article's title must not)."""
    if title and site_name:
        for separator in (" | ", " - ", " – ", " — ", " · "):
            if title.endswith(separator + site_name):
                return title[: -len(separator + site_name)].strip()
    return title


def _first(values: list) -> str | None:
    # lxml returns str subclasses that yaml.safe_dump refuses: hand on plain, stripped str
    return (str(values[0]).strip() or None) if values else None


def read_metadata(tree) -> PageMetadata:
    """Metadata the page declares, most specific source first: JSON-LD, then meta, then <time>."""
    def meta(*keys: str) -> str | None:
        for key in keys:
            for value in tree.xpath(f'//meta[@property="{key}" or @name="{key}"'
                                    f' or @itemprop="{key}"]/@content'):
                if value.strip():
                    return str(value).strip()
        return None

    ld = _json_ld_article(tree)
    times = tree.xpath("//article//time/@datetime") + tree.xpath("//time/@datetime")
    meta_author = meta("author", "article:author", "og:article:author")
    if meta_author and meta_author.startswith("http"):
        meta_author = None  # article:author is often a profile URL, not a name
    lang = _first(tree.xpath("/html/@lang")) or _text(ld.get("inLanguage")) \
        or meta("og:locale")
    return PageMetadata(
        title=_text(ld.get("headline")) or _strip_site_name(
            meta("og:title", "twitter:title"), meta("og:site_name")),
        date=normalize_date(_text(ld.get("datePublished")) or meta(
            "article:published_time", "og:article:published_time", "datePublished", "date")
            or (times[0] if times else None)),
        author=_names(ld.get("author")) or meta_author,
        source=_first(tree.xpath('//link[@rel="canonical"]/@href')) or meta("og:url")
        or _text(ld.get("url")) or _text(ld.get("mainEntityOfPage")),
        summary=_text(ld.get("description")) or meta("og:description", "description"),
        lang=lang.strip().replace("_", "-") if lang else None,
    )


# --- body -------------------------------------------------------------------------------

_AD_MARKER = re.compile(r"(?:anzeige|werbung)(?:\s*(?:anzeige|werbung))*", re.IGNORECASE)
_TRAILERS = (
    "mehr zu diesem thema", "mehr zum thema", "lesen sie auch", "lesen sie mehr",
    "das könnte dich auch interessieren", "das könnte sie auch interessieren",
    "auch interessant", "weitere artikel", "verwandte artikel", "empfehlungen der redaktion",
    "mehr aus dem ressort", "zum weiterlesen",
)
_CONSENT = re.compile(r"\bcookies?\b.*\b(akzeptier|zustimm|stimmen sie|einverstanden|einwillig)",
                      re.IGNORECASE | re.DOTALL)


def _is_ad_marker(text: str) -> bool:
    return bool(_AD_MARKER.fullmatch(text.lstrip("#-*> ").strip()))


def _inline(element) -> str:
    """The element's text on one line; lines (<lb/>) that are only an ad marker are dropped."""
    for line_break in element.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    lines = (" ".join(line.split()) for line in "".join(element.itertext()).split("\n"))
    return " ".join(line for line in lines if line and not _is_ad_marker(line))


def _xml_blocks(main, title: str) -> list[tuple[str, str]]:
    """(kind, markdown) per block of trafilatura's XML; kind is 'heading', 'list' or 'text'."""
    blocks: list[tuple[str, str]] = []
    for element in main:
        text = _inline(element)
        if element.tag == "head":
            # the page's h1 repeats the title, which lives in the front matter
            if text and element.get("rend") != "h1" and text != title:
                blocks.append(("heading", f"## {text}"))
        elif element.tag == "list":
            items = [_inline(item) for item in element.iter("item")]
            marker = "1." if element.get("rend") == "ol" else "-"
            lines = [f"{marker} {item}" for item in items if item]
            if lines:
                blocks.append(("list", "\n".join(lines)))
        elif element.tag == "quote":
            # the article format has no blockquotes: a quote becomes its own paragraph
            blocks.extend(("text", _inline(p)) for p in element if _inline(p))
        elif text:
            blocks.append(("text", text))
    return blocks


def _is_trailer(text: str) -> bool:
    plain = text.lstrip("#-*> ").casefold()
    return any(plain.startswith(phrase) for phrase in _TRAILERS)


def _looks_like_prose(kind: str, text: str) -> bool:
    # related-article titles are short and end without a full stop
    return kind == "heading" or text.endswith(".") or len(text.split()) >= 15


def remove_clutter(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop ad markers, "Mehr zu diesem Thema"-style trailers with the link titles that follow
    them, and consent banners at the very start or end of the text."""
    kept: list[tuple[str, str]] = []
    skipping_links = False
    for kind, text in blocks:
        if _is_ad_marker(text):
            continue
        if _is_trailer(text):
            skipping_links = True
            continue
        if skipping_links and not _looks_like_prose(kind, text):
            continue
        skipping_links = False
        kept.append((kind, text))
    while kept and _CONSENT.search(kept[0][1]):
        kept.pop(0)
    while kept and _CONSENT.search(kept[-1][1]):
        kept.pop()
    return kept


# --- language ---------------------------------------------------------------------------

# Frequent German function words that are not also English words ("in", "was", "so", "will"
# are left out), so English text scores near zero.
GERMAN_WORDS = frozenset("""
der die das den dem des ein eine einen einem einer eines und oder aber nicht auch noch nur
ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine ihre ihr ihren
sich mit von zu zum zur auf für über unter nach bei aus vor durch gegen bis seit ohne um
dass wie wenn weil als schon sehr mehr kann können soll sollen muss müssen diese dieser dieses
er sie es wir ich man im vom beim ins zwischen etwa rund sagte heißt nun doch
""".split())
GERMAN_RATIO = 0.20  # German news prose scores 0.3-0.45 on this list, English below 0.05
GERMAN_RATIO_WITH_LANG_DE = 0.10
MIN_WORDS = 30


def _language_name(code: str) -> str:
    try:
        from babel import Locale, UnknownLocaleError
        return Locale.parse(code.replace("-", "_").split("_")[0]).get_language_name("en")
    except (ValueError, UnknownLocaleError, ImportError):
        return code


def check_german(text: str, lang: str | None) -> None:
    """Raise ImportFailure unless `text` reads as German; a lang="de" page needs less proof."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    if len(words) < MIN_WORDS:
        raise ImportFailure(f"found only {len(words)} words of article text; "
                            f"expected an article of at least {MIN_WORDS} words")
    hits = sum(word in GERMAN_WORDS for word in words)
    declared_german = bool(lang) and lang.casefold().split("-")[0] == "de"
    needed = GERMAN_RATIO_WITH_LANG_DE if declared_german else GERMAN_RATIO
    if hits / len(words) >= needed:
        return
    found = _language_name(lang) if lang and not declared_german \
        else "text that does not read as German"
    counts = f"{hits} of {len(words)} common German words"
    raise ImportFailure(f"expected a German article, found {found} "
                        f"(lang={lang or 'missing'}; {counts})")


# --- public API -------------------------------------------------------------------------

# trafilatura 1.x always puts metadata into XML output and warns (PendingDeprecationWarning)
# about `with_metadata`; 2.x needs the flag to add it.
_WITH_METADATA = {} if trafilatura.__version__.startswith("1.") else {"with_metadata": True}


def html_to_article(html: str, url: str | None = None) -> ImportedArticle:
    """Extract the article in `html`; raise ImportFailure when there is none or it is not German."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ImportFailure(f"expected an HTML page, found unparsable input ({error})") from None
    meta = read_metadata(tree)
    xml = trafilatura.extract(
        html, url=url, output_format="xml", include_comments=False, include_tables=False,
        favor_precision=True, **_WITH_METADATA)
    if not xml:
        raise ImportFailure("expected an article, found no main text in the page")
    doc = lxml.etree.fromstring(xml.encode("utf-8"))
    title = meta.title or doc.get("title")
    if not title:
        raise ImportFailure("expected a title (JSON-LD headline, og:title or <title>), found none")
    blocks = remove_clutter(_xml_blocks(doc.find("main"), title))
    body = "\n\n".join(text for _, text in blocks)
    check_german(body, meta.lang)
    return ImportedArticle(
        title=title, date=meta.date or normalize_date(doc.get("date")),
        author=meta.author or doc.get("author"), source=url or meta.source,
        body_markdown=body, language="de", summary=meta.summary)


def _front_matter(fields: dict) -> str:
    # safe_dump quotes whatever YAML would misread; a date object stays a bare 2025-01-31
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False,
                                    default_flow_style=None, width=10_000) + "---\n"


def _yaml_date(value: str) -> datetime.date | str:
    return datetime.date.fromisoformat(value) if len(value) == 10 else value


def render_article_markdown(article: ImportedArticle, slug: str) -> str:
    """The source-article file: front matter (title, date, author, source, tags, slug,
    summary; absent values left out) and the body."""
    fields: dict = {"title": article.title}
    if article.date:
        fields["date"] = _yaml_date(article.date)
    if article.author:
        fields["author"] = article.author
    if article.source:
        fields["source"] = article.source
    fields["tags"] = []
    fields["slug"] = slug
    if article.summary:
        fields["summary"] = article.summary
    return _front_matter(fields) + "\n" + article.body_markdown.strip() + "\n"


PLACEHOLDER_BODY = (
    "Hier steht der Artikeltext auf Deutsch: Absätze durch Leerzeilen trennen, "
    "Zwischenüberschriften als eigene Zeile mit „## “ beginnen "
    "und diesen Absatz danach löschen."
)


def scaffold_article(title: str, today: datetime.date) -> tuple[str, str]:
    """(filename, text) of a new, empty article for `newsroom new "Titel"`."""
    slug = slugify(title)
    fields = {"title": title, "date": today, "slug": slug, "tags": [], "summary": ""}
    return f"{slug}.md", _front_matter(fields) + "\n" + PLACEHOLDER_BODY + "\n"
