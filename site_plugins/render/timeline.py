"""Timelines: an article's dated events, and the site-wide merge of all articles' events."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from ..model import Event, PubDate
from .dates import format_pubdate, format_span, iso_span
from .labels import label
from .localize import Localizer, inline_html


def _item(earliest: date, latest: date, text_html: str, lang: str, css: str = "", extra: str = "") -> str:
    shown = escape(format_span(earliest, latest, lang), quote=False)
    attrs = f' class="{css}"' if css else ""
    return (f'<li{attrs} data-earliest="{earliest.isoformat()}" data-latest="{latest.isoformat()}"{extra}>'
            f'<time datetime="{iso_span(earliest, latest)}">{shown}</time> '
            f'<span class="timeline__label">{text_html}</span></li>')


def render_timeline(events: list[Event], published: PubDate | None, tr: Localizer) -> str:
    """Events in date order with the publication date marked; empty string without events."""
    lang = tr.lang
    entries = [(e.earliest, e.latest, 1, _item(e.earliest, e.latest, inline_html(tr(e.label or e.text, "timeline")), lang))
               for e in events]
    if published is not None and entries:
        shown = escape(format_pubdate(published, lang), quote=False)
        entries.append((published.earliest, published.latest, 0,
                        f'<li class="timeline__published" data-earliest="{published.earliest.isoformat()}" '
                        f'data-latest="{published.latest.isoformat()}"><time datetime="{published.isoformat()}">'
                        f'{shown}</time> <span class="timeline__label">{label("published", lang)}</span></li>'))
    if not entries:
        return ""
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    items = "\n".join(e[3] for e in entries)
    return (f'<section class="timeline-box" aria-labelledby="timeline-title">\n'
            f'<p class="timeline-box__title" id="timeline-title">{label("timeline", lang)}</p>\n'
            f'<ol class="timeline">\n{items}\n</ol>\n</section>')


@dataclass(frozen=True)
class SiteEvent:
    """One event of the site-wide timeline, already localized."""

    earliest: date
    latest: date
    label_html: str
    article_title_html: str
    article_url: str  # relative to the timeline page
    names: tuple[str, ...]  # entity names of the article, for filtering


def render_site_timeline(events: list[SiteEvent], lang: str) -> str:
    """All events of all articles, with filters by name and year (progressive enhancement:
    without JavaScript the whole list is shown)."""
    events = sorted(events, key=lambda e: (e.earliest, e.latest, e.article_url))
    years = sorted({str(e.earliest.year) for e in events})
    names = sorted({n for e in events for n in e.names}, key=str.casefold)
    items = []
    for e in events:
        extra = (f' data-year="{e.earliest.year}" data-names="{escape("|".join(e.names), quote=True)}"')
        link = f'<a href="{escape(e.article_url, quote=True)}">{e.article_title_html}</a>'
        items.append(_item(e.earliest, e.latest, f"{e.label_html} — {link}", lang, extra=extra))
    year_options = "".join(f'<option value="{y}">{y}</option>' for y in years)
    name_options = "".join(f'<option value="{escape(n, quote=True)}">{escape(n, quote=False)}</option>' for n in names)
    return (f'<form class="timeline-filter" hidden>'
            f'<label>{label("filter_entity", lang)} <select name="name"><option value="">{label("all", lang)}</option>'
            f'{name_options}</select></label> '
            f'<label>{label("filter_year", lang)} <select name="year"><option value="">{label("all", lang)}</option>'
            f'{year_options}</select></label></form>\n'
            f'<ol class="timeline timeline--site">\n' + "\n".join(items) + "\n</ol>")
