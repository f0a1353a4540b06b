"""Stable ASCII slugs for German titles: "Über Größe & Maß" -> "ueber-groesse-mass".

A slug names the article's file and both of its URLs (`/slug/` and `/en/slug/`), so it must
not change when a title is re-rendered: the rules here are deliberately simple and fixed.
"""
from __future__ import annotations

import re
import unicodedata

MAX_SLUG_LENGTH = 80

# German transliteration comes before NFKD: NFKD would turn "ä" into "a" + combining mark,
# and dropping the mark gives "a", where German readers expect "ae".
_GERMAN = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Return the ASCII slug of `title`.

    Lowercase; ä/ö/ü/ß become ae/oe/ue/ss; other accents are stripped; every run of other
    characters becomes one '-'. A slug longer than `max_length` is cut at the last word
    boundary that fits (or hard-cut when the first word alone is too long).

    >>> slugify("Über Größe & Maß: Ärger für Öl-Konzerne")
    'ueber-groesse-mass-aerger-fuer-oel-konzerne'

    Raises ValueError when nothing of the title survives (e.g. only punctuation), since an
    empty slug would name the file `.md` and the URL `/`.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", title.translate(_GERMAN))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = _NON_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if not slug:
        raise ValueError(f"cannot make a slug from {title!r}: it has no letters or digits")
    return _shorten(slug, max_length)


def _shorten(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    boundary = cut.rfind("-")
    return slug[:boundary] if boundary > 0 else slug[:max_length]
