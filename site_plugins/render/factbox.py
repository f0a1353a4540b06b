"""The fact box: key figures, who and what, quotes; semantic HTML, every text escaped."""
from __future__ import annotations

from html import escape

from ..model import Figure, Quote
from .figure_text import format_figure
from .labels import label
from .localize import Localizer, inline_html

ENTITY_TYPES = ("PER", "ORG", "LOC", "PRODUCT")


def render_fact_box(figures: list[Figure], entities: list[dict], quotes: list[Quote], tr: Localizer) -> str:
    """`entities`: dicts with name, type, name_en, id, mentions, ordered by salience."""
    lang = tr.lang
    sections = [_figures(figures, tr), _entities(entities, lang), _quotes(quotes, entities, tr)]
    body = "\n".join(s for s in sections if s) or f'<p class="fact-box__empty">{label("no_facts", lang)}</p>'
    return (f'<aside class="fact-box" aria-labelledby="fact-box-title">\n'
            f'<p class="fact-box__title" id="fact-box-title">{label("fact_box", lang)}</p>\n{body}\n</aside>')


def distinct_figures(figures: list[Figure]) -> list[Figure]:
    """Each figure once: an amount the article repeats ("600 Millionen Dollar" in the headline,
    "600 Millionen US-Dollar" below) is shown where it first appears, in its most exact
    mention (with a label, the currency not assumed)."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in figures:
        key = (figure.kind, figure.value, figure.unit, figure.label if figure.kind == "count" else None)
        groups.setdefault(key, []).append(figure)
    return [min(group, key=lambda f: (f.unit_assumed, not f.label)) for group in groups.values()]


def _figures(figures: list[Figure], tr: Localizer) -> str:
    if not figures:
        return ""
    items = []
    for figure in distinct_figures(figures):
        shown = escape(format_figure(figure, tr.lang), quote=False)
        # no label in the text ("weitere 150.000 Euro kommen von …"): say what kind of figure it is
        name = (inline_html(tr(figure.label, "figure")) if figure.label
                else f'<span class="fact-box__kind">{label("figure_" + figure.kind, tr.lang)}</span>')
        note = f' title="{label("assumed_usd", tr.lang)}"' if figure.unit_assumed else ""
        value = f'<data value="{figure.value:g}" data-unit="{escape(figure.unit or "", quote=True)}"{note}>{shown}</data>'
        items.append(f"<dt>{name}</dt><dd>{value}</dd>")
    return (f'<section class="fact-box__figures"><h3>{label("figures", tr.lang)}</h3>\n'
            f'<dl>{"".join(items)}</dl></section>')


def _entities(entities: list[dict], lang: str) -> str:
    parts = []
    for kind in ENTITY_TYPES:
        names = [e for e in entities if e["type"] == kind]
        if not names:
            continue
        items = "".join(_entity_item(e, lang) for e in names)
        parts.append(f'<section class="fact-box__entities" data-type="{kind}"><h3>{label(kind, lang)}</h3>'
                     f'<ul>{items}</ul></section>')
    return "\n".join(parts)


def _entity_item(entity: dict, lang: str) -> str:
    name = entity["name_en"] if lang == "en" and entity.get("name_en") else entity["name"]
    wikidata = f' data-wikidata="{escape(entity["id"], quote=True)}"' if entity.get("id") else ""
    return f'<li{wikidata} data-mentions="{entity["mentions"]}">{escape(name, quote=False)}</li>'


def _quotes(quotes: list[Quote], entities: list[dict], tr: Localizer) -> str:
    if not quotes:
        return ""
    names = {e["name"] for e in entities}
    items = []
    for quote in quotes:
        words = inline_html(tr(quote.text, "quote"))
        speaker = ""
        if quote.speaker:
            shown = (escape(quote.speaker, quote=False) if quote.speaker in names
                     else inline_html(tr(quote.speaker, "speaker")))
            speaker = f"<figcaption>— {shown}</figcaption>"
        items.append(f"<figure><blockquote><p>{words}</p></blockquote>{speaker}</figure>")
    return f'<section class="fact-box__quotes"><h3>{label("quotes", tr.lang)}</h3>\n{"".join(items)}</section>'
