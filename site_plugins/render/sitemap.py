"""hreflang alternates: the <link> elements of a page's <head> and sitemaps that list them."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Alternate:
    de: str  # absolute URL of the German page
    en: str  # absolute URL of the English page


def render_head_links(alt: Alternate) -> str:
    return "".join(f'<link rel="alternate" hreflang="{lang}" href="{escape(url, quote=True)}">'
                   for lang, url in (("de", alt.de), ("en", alt.en), ("x-default", alt.de)))


def render_sitemap(alternates: list[Alternate]) -> str:
    """Both pages of each pair as <url>, each listing both languages and x-default."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for alt in alternates:
        links = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(url, quote=True)}"/>'
                        for lang, url in (("de", alt.de), ("en", alt.en), ("x-default", alt.de)))
        for url in (alt.de, alt.en):
            lines.append(f"  <url><loc>{escape(url)}</loc>{links}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"
