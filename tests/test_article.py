from datetime import date

import pytest

from site_plugins.article import ArticleError, extraction_view, parse_article
from site_plugins.model import PubDate

SEED_HEADINGS = [
    "Deepseeks R1-Denkmodell schockiert die Branche – und die Investoren",
    "OpenAI-Mitarbeiter werfen Führung Fehlentscheidungen vor",
    "Wie konnte Deepseek trotz Exportbeschränkungen R1 entwickeln?",
    "US-KI-Unternehmen unter Druck",
]


def test_seed_parses_into_headings_and_paragraphs(seed_bytes):
    article = parse_article(seed_bytes, "content/articles/seed.txt")
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    paragraphs = [b for b in article.blocks if b.kind == "paragraph"]
    assert headings == SEED_HEADINGS
    assert len(paragraphs) == 13
    assert paragraphs[0].text.startswith("Der Verdacht steht im Raum")
    assert paragraphs[0].line == 1
    assert article.published == PubDate(2025, 2)
    assert article.published.precision == "month"
    assert not any("Anzeige" in b.text for b in article.blocks)
    assert not any("Mehr zu diesem Thema" in b.text for b in article.blocks)
    # quotes in every style survive as written
    assert any("„Es hieß: ‚Warum machen wir das" in p.text for p in paragraphs)
    assert article.title == SEED_HEADINGS[0] and article.title_line == 5
    assert article.slug == "seed"


RAW = (
    "date 2025-01-31 Der Stahlkonzern Vendorf meldet einen Rekordgewinn. Die Aktie steigt.\n"
    "\n"
    "AnzeigeAnzeige\n"
    "\n"
    "Was bedeutet das für Anleger?\n"
    "\n"
    "Analysten sind vorsichtig.\n"
    "Sie verweisen auf die Zölle.\n"
    "\n"
    "Anzeige\n"
    "\n"
    "Neue Werke in Sachsen\n"
    "\n"
    "»Wir bauen aus«, sagte der Chef. Ein ‚kleiner‘ Schritt.\n"
    "\n"
    "Lesen Sie auch\n"
    "\n"
    "Ein ganz anderer Artikel.\n"
)


def test_raw_text_rules():
    article = parse_article(RAW.encode(), "content/articles/Größe Übung.txt")
    assert [(b.kind, b.line, b.text) for b in article.blocks] == [
        ("paragraph", 1, "Der Stahlkonzern Vendorf meldet einen Rekordgewinn. Die Aktie steigt."),
        ("heading", 5, "Was bedeutet das für Anleger?"),
        ("paragraph", 7, "Analysten sind vorsichtig. Sie verweisen auf die Zölle."),
        ("heading", 12, "Neue Werke in Sachsen"),
        ("paragraph", 14, "»Wir bauen aus«, sagte der Chef. Ein ‚kleiner‘ Schritt."),
    ]
    assert article.published == PubDate(2025, 1, 31)
    assert article.slug == "groesse-uebung"
    assert article.title == "Was bedeutet das für Anleger?"


def test_title_without_headings_is_the_first_sentence_cut_to_twelve_words():
    text = "date 2024-05 Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn. Zwei.\n"
    article = parse_article(text.encode(), "a.txt")
    assert article.title == "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf …"
    short = parse_article(b"Kurzer Satz hier. Und noch einer.", "b.txt")
    assert short.title == "Kurzer Satz hier."
    assert short.published is None


def test_a_headline_on_the_first_line_is_the_title_and_the_lead_follows():
    text = ("date 2024-11-21\nStadtrat Kaltenbrunn beschließt neues Freibad\n\nDer Stadtrat hat "
            "gestern entschieden. Gebaut wird ab Mai.\n\nKritik aus der Opposition\n\nDie Grünen "
            "sind dagegen.\n")
    article = parse_article(text.encode(), "a.txt")
    assert [(b.kind, b.line) for b in article.blocks] == [
        ("heading", 2), ("paragraph", 4), ("heading", 6), ("paragraph", 8)]
    assert article.title == "Stadtrat Kaltenbrunn beschließt neues Freibad" and article.title_line == 2
    assert article.lead == "Der Stadtrat hat gestern entschieden. Gebaut wird ab Mai."
    # a byline is no headline, and a text of one short line is its own lead
    byline = parse_article(b"Von Jana Berghoff\n\nDer Stadtrat hat entschieden.\n", "b.txt")
    assert [b.kind for b in byline.blocks] == ["paragraph", "paragraph"]
    assert [b.kind for b in parse_article(b"Freibad kommt\n", "c.txt").blocks] == ["paragraph"]


MARKDOWN = """---
title: "Ein Titel"
date: 2025-02-03
author: Redaktion
tags: [KI]
summary: Kurz gesagt.
---
Erster Absatz
mit zwei Zeilen.
## Zwischentitel
Zweiter Absatz.
"""


def test_markdown_front_matter_and_blocks():
    article = parse_article(MARKDOWN.encode(), "content/articles/x.md")
    assert article.title == "Ein Titel" and article.title_line == 2
    assert article.published == PubDate(2025, 2, 3)
    assert article.meta["author"] == "Redaktion"
    assert article.lead == "Kurz gesagt."
    assert [(b.kind, b.line, b.text) for b in article.blocks] == [
        ("paragraph", 8, "Erster Absatz mit zwei Zeilen."),
        ("heading", 10, "Zwischentitel"),
        ("paragraph", 11, "Zweiter Absatz."),
    ]


def test_editing_the_title_keeps_the_slug():
    first = parse_article(MARKDOWN.encode(), "content/articles/mein-artikel.md")
    edited = parse_article(MARKDOWN.replace("Ein Titel", "Ganz neuer Titel").encode(), "content/articles/mein-artikel.md")
    assert first.slug == edited.slug == "mein-artikel"
    pinned = parse_article(MARKDOWN.replace("tags:", "slug: Über Maß\ntags:").encode(), "content/articles/a.md")
    assert pinned.slug == "ueber-mass"


@pytest.mark.parametrize("data, expected", [
    (b"", "a.txt:1: expected article text, found an empty file"),
    (b"  \n\n \n", "a.txt:1: expected article text, found an empty file"),
    (b"Text\n\x89PNG\x00\x01", "a.txt:2: expected UTF-8 text, found binary data (a NUL byte)"),
    ("Erste Zeile\nGr\xfc\xdfe aus K\xf6ln".encode("latin-1"),
     "a.txt:2: expected UTF-8 text, found byte 0xFC (is the file Latin-1 or Windows-1252? save it as UTF-8)"),
    (b"\ndate 2025-13 Text.", "a.txt:2: expected a date after 'date' (YYYY-MM or YYYY-MM-DD), found '2025-13'"),
    (b"date 2025-02-30 Text.", "a.txt:1: expected a date after 'date' (YYYY-MM or YYYY-MM-DD), found '2025-02-30'"),
])
def test_bad_raw_input_names_file_and_line(data, expected):
    with pytest.raises(ArticleError) as err:
        parse_article(data, "a.txt")
    assert str(err.value) == expected


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: [unclosed\n---\nText.\n", "a.md:2: expected YAML front matter, found a syntax error: expected ',' or ']'"),
    ("---\ntitle: Gut\ndate: 2025-13\n---\nText.\n",
     "a.md:3: expected a date after 'date' (YYYY-MM or YYYY-MM-DD), found '2025-13'"),
    ("---\ntitle: Gut\nText ohne Ende\n", "a.md:1: expected front matter closed by a line '---', found no closing line"),
    ("---\n- eins\n- zwei\n---\nText.\n", "a.md:2: expected front matter as 'key: value' lines, found list"),
    ("---\ntitle: Gut\nfacts: [1]\n---\nText.\n", "a.md:3: expected 'facts' as a mapping"),
    ("---\ntitle: Gut\n---\n\n", "a.md:4: expected article text after the front matter, found none"),
])
def test_bad_front_matter_names_file_and_line(text, expected):
    with pytest.raises(ArticleError) as err:
        parse_article(text.encode(), "a.md")
    assert str(err.value).startswith(expected)


def test_extraction_view_keeps_offsets_and_blanks_what_is_not_text(seed_bytes):
    text = seed_bytes.decode()
    view, published = extraction_view(text, "seed.txt")
    assert len(view) == len(text) and published == PubDate(2025, 2)
    assert "Anzeige" not in view and "Mehr zu diesem Thema" not in view and "date 2025" not in view
    start = text.index("Der Verdacht")
    assert view[start:start + 12] == "Der Verdacht"
    _, overridden = extraction_view(text, "seed.txt", "2025-01-31")
    assert overridden.earliest == date(2025, 1, 31)
