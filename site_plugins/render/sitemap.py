"""hreflang alternates: the <link> elements of a page's <head> and sitemaps that list them."""
from __future__ import annotations

from dataclasses import dataclass
import json
from html import escape


@dataclass(frozen=True)
class Alternate:
    de: str  # absolute URL of the German page
    en: str  # absolute URL of the English page


def render_head_links(alt: Alternate, site_url: str, page_url: str) -> str:
    """The hreflang links (absolute, for search engines) and a small script for previews:
    Material's language switcher fetches `sitemap.xml` next to every hreflang URL, so where the
    site is looked at somewhere else than `site_url` (a local server, a pull-request preview),
    the links are pointed at the same pages on that host. Crawlers do not run it."""
    links = "".join(f'<link rel="alternate" hreflang="{lang}" href="{escape(url, quote=True)}">'
                    for lang, url in (("de", alt.de), ("en", alt.en), ("x-default", alt.de)))
    root = "../" * page_url.count("/")  # from this page to the site's root
    script = ("<script>(function(s,r){var b=new URL(s);"
              "if(location.origin===b.origin&&location.pathname.indexOf(b.pathname)===0)return;"
              "document.querySelectorAll('link[rel=alternate][hreflang]').forEach(function(l){"
              "if(l.href.indexOf(s)===0)l.href=new URL(r+l.href.slice(s.length),location.href).href})})"
              f"({_js(site_url)},{_js(root)})</script>")
    return links + script


def _js(value: str) -> str:
    """A JavaScript string literal that cannot end the <script> element."""
    return json.dumps(value).replace("</", "<\\/")


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
