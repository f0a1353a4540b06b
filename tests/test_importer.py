import datetime
import functools
import http.server
import io
import threading
from pathlib import Path

import pytest
import yaml

from site_plugins.commands_ingest import decode_html, run_import, run_new
from site_plugins.importer import (
    PLACEHOLDER_BODY,
    ImportedArticle,
    ImportFailure,
    check_german,
    html_to_article,
    normalize_date,
    remove_clutter,
    render_article_markdown,
    scaffold_article,
)

HTML_DIR = Path(__file__).parent / "data" / "html"


def load(name: str) -> str:
    return (HTML_DIR / f"{name}.html").read_text(encoding="utf-8")


def headings(article: ImportedArticle) -> list[str]:
    return [b for b in article.body_markdown.split("\n\n") if b.startswith("## ")]


def paragraphs(article: ImportedArticle) -> list[str]:
    return [b for b in article.body_markdown.split("\n\n") if not b.startswith("## ")]


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


# name, title, date, author, source, headings, first paragraph start, paragraph count
EXPECTED = [
    ("jsonld_newsarticle", "Stadtwerke planen Solarpark am Stadtrand", "2025-03-14",
     "Katrin Vogelsang", "https://rheinkurier.example/wirtschaft/solarpark-stadtwerke", [],
     "Die Stadtwerke wollen auf einer ehemaligen Deponie", 4),
    ("og_meta_only", "Bahn streicht Nachtzug nach Wien", "2024-11-02", "Jonas Peters",
     "https://nordblick.example/verkehr/nachtzug-wien", [],
     "Ab dem Fahrplanwechsel im Dezember fährt kein direkter Nachtzug", 4),
    ("no_date", "Bibliothek verlängert Öffnungszeiten", None, None, None, [],
     "Die Gemeindebibliothek hat künftig auch am Samstagnachmittag geöffnet.", 3),
    ("subheadings", "Chipfabrik: Was der Baustopp für die Region bedeutet", "2025-02",
     "Dr. Leonie Brandt", "https://tageswelt.example/analyse/chipfabrik-baustopp",
     ["## Warum der Bau ruht", "## Was die Zulieferer sagen", "## Hilfe vom Land",
      "## Wie es weitergeht"],
     "Der Bau der Chipfabrik ruht seit Wochen.", 7),
    ("ads_and_trailers", "Hitzewelle: Städte öffnen kühle Räume", "2025-07-03",
     "Miriam Özdemir", None, [], "Angesichts der anhaltenden Hitze öffnen mehrere Städte", 4),
    ("lists_and_time", "Neue Regeln für E-Scooter ab Mai", "2025-04-28", "Timo Krause", None,
     [], "Wer in der Innenstadt einen E-Scooter leiht", 4),
]


@pytest.mark.parametrize(
    ("name", "title", "date", "author", "source", "heads", "first", "count"), EXPECTED)
def test_html_to_article_metadata_and_structure(
        name, title, date, author, source, heads, first, count):
    article = html_to_article(load(name))
    assert (article.title, article.date, article.author, article.source) == (
        title, date, author, source)
    assert article.language == "de"
    assert headings(article) == heads
    assert paragraphs(article)[0].startswith(first)
    assert len(paragraphs(article)) == count


# Text of the page furniture around the articles: none of it may reach the body.
CLUTTER = [
    "Anzeige", "Cookie", "akzeptieren", "Einstellungen", "Impressum", "Datenschutz",
    "Mehr zu diesem Thema", "Lesen Sie auch", "Das könnte dich", "Meistgelesen", "Startseite",
    "Jetzt abonnieren", "Windkraft", "Strompreise", "Zehn Tipps", "Haustier", "Halbleiter:",
    "Fördermittel:", "Sturmflut", "Radwege", "Newsletter", "Alle Rechte", "Verlagsgesellschaft",
    "Gemeindeblatt", "Termine", "Vereine", "Partner", "Lokalnachrichten", "Von Katrin",
]


@pytest.mark.parametrize("name", [row[0] for row in EXPECTED])
def test_no_page_furniture_survives(name):
    body = html_to_article(load(name)).body_markdown
    assert [word for word in CLUTTER if word in body] == []


def test_title_h1_is_not_repeated_in_body():
    article = html_to_article(load("subheadings"))
    assert article.title not in article.body_markdown


def test_ads_and_trailers_body_is_exact_article_text():
    article = html_to_article(load("og_meta_only"))
    assert [p.split(".")[0] for p in paragraphs(article)] == [
        "Ab dem Fahrplanwechsel im Dezember fährt kein direkter Nachtzug mehr von Hamburg "
        "nach Wien",
        "Fahrgastverbände reagierten empört",
        "Wer trotzdem über Nacht reisen will, muss künftig in München umsteigen",
        "Die Bahn schließt nicht aus, die Verbindung in einigen Jahren wieder aufzunehmen, "
        "wenn neue Fahrzeuge zur Verfügung stehen",
    ]


def test_lists_become_markdown_bullets():
    article = html_to_article(load("lists_and_time"))
    assert paragraphs(article)[2] == (
        "- In der Fußgängerzone dürfen die Roller nur noch mit 6 km/h fahren.\n"
        "- Abgestellt werden darf nur auf markierten Flächen.\n"
        "- Nachts zwischen 23 und 5 Uhr ist das Ausleihen am Bahnhof gesperrt.")


def test_blockquote_becomes_a_plain_paragraph():
    article = html_to_article(load("subheadings"))
    assert ("Wir haben uns auf das Versprechen verlassen, und jetzt stehen wir mit leeren "
            "Händen da.") in paragraphs(article)


def test_summary_from_description_meta():
    assert html_to_article(load("subheadings")).summary == (
        "Der Bau der Chipfabrik ruht. Eine Analyse.")
    assert html_to_article(load("no_date")).summary is None


def test_url_argument_becomes_source():
    article = html_to_article(load("no_date"), url="https://gemeinde.example/bibliothek")
    assert article.source == "https://gemeinde.example/bibliothek"


PROSE = ("Die Stadtwerke wollen auf einer ehemaligen Deponie im Norden der Stadt einen "
         "Solarpark mit einer Leistung von 18 Megawatt errichten. Das hat der Aufsichtsrat am "
         "Donnerstagabend einstimmig beschlossen, wie ein Sprecher des Unternehmens mitteilte.")


def test_ad_marker_lines_inside_a_paragraph_and_ad_headings_are_dropped():
    html = (f"<html lang='de'><head><title>T</title></head><body><article><h1>T</h1>"
            f"<p>Anzeige<br>{PROSE}<br>Anzeige Anzeige</p><h2>Anzeige</h2>"
            f"<p>Die Kosten schätzen die Stadtwerke auf etwa 14 Millionen Euro.</p>"
            f"</article></body></html>")
    article = html_to_article(html)
    assert article.body_markdown == (
        PROSE + "\n\nDie Kosten schätzen die Stadtwerke auf etwa 14 Millionen Euro.")


@pytest.mark.parametrize(("og_title", "title"), [
    ("Solarpark kommt | Rheinkurier", "Solarpark kommt"),
    ("Solarpark kommt – Rheinkurier", "Solarpark kommt"),
    ("Rheinkurier: Solarpark kommt", "Rheinkurier: Solarpark kommt"),
])
def test_site_name_is_cut_from_og_title(og_title, title):
    html = (f"<html lang='de'><head><meta property='og:title' content='{og_title}'>"
            f"<meta property='og:site_name' content='Rheinkurier'></head>"
            f"<body><article><p>{PROSE}</p></article></body></html>")
    assert html_to_article(html).title == title


def test_time_element_keeps_month_precision():
    html = (f"<html lang='de'><head><title>Solarpark kommt</title></head><body><article>"
            f"<h1>Solarpark kommt</h1><time datetime='2025-02'>Februar 2025</time>"
            f"<p>{PROSE}</p></article></body></html>")
    assert html_to_article(html).date == "2025-02"  # trafilatura alone says 2025-02-01


def test_author_profile_url_is_not_taken_for_a_name():
    html = (f"<html lang='de'><head><title>Solarpark kommt</title>"
            f"<meta property='article:author' content='https://rheinkurier.example/autor/kv'>"
            f"</head><body><article><p>{PROSE}</p></article></body></html>")
    assert html_to_article(html).author is None


def test_empty_input_is_rejected():
    with pytest.raises(ImportFailure, match="expected an HTML page"):
        html_to_article("")


def test_english_page_is_rejected():
    with pytest.raises(ImportFailure) as failure:
        html_to_article(load("english"))
    assert str(failure.value) == (
        "expected a German article, found English (lang=en; 0 of 92 common German words)")


GERMAN = ("Die Stadt hat sich mit den Anbietern auf neue Regeln geeinigt. Wer einen Roller "
          "leiht, muss ihn auf einer markierten Fläche abstellen, sonst wird eine Gebühr "
          "fällig. Das gilt ab Mai für das gesamte Stadtgebiet und wird von der Verwaltung kontrolliert.")
ENGLISH = ("The city has agreed new rules with the providers. Anyone who rents a scooter must "
           "park it in a marked area, otherwise a fee is charged. This applies from May for the "
           "entire city area and is checked by the administration, a spokesperson said.")


@pytest.mark.parametrize("lang", ["de", "de-DE", "en", None])
def test_german_text_passes_whatever_the_lang_attribute_says(lang):
    check_german(GERMAN, lang)  # raises on failure


@pytest.mark.parametrize(("lang", "message"), [
    ("de", "expected a German article, found text that does not read as German "
           "(lang=de; 0 of 44 common German words)"),
    (None, "expected a German article, found text that does not read as German "
           "(lang=missing; 0 of 44 common German words)"),
    ("fr-FR", "expected a German article, found French (lang=fr-FR; 0 of 44 common German words)"),
])
def test_non_german_text_fails_with_counts(lang, message):
    with pytest.raises(ImportFailure) as failure:
        check_german(ENGLISH, lang)
    assert str(failure.value) == message


def test_lang_de_lowers_the_bar_for_name_heavy_text():
    text = "und " * 6 + "Quartalsbericht " * 34  # 6 of 40 words German: ratio 0.15
    check_german(text, "de")
    with pytest.raises(ImportFailure) as failure:
        check_german(text, None)
    assert str(failure.value).endswith("(lang=missing; 6 of 40 common German words)")


def test_too_little_text_is_rejected():
    with pytest.raises(ImportFailure, match="found only 5 words of article text"):
        check_german("Die Bahn streicht den Nachtzug.", "de")


def test_page_without_article_text_is_rejected():
    with pytest.raises(ImportFailure, match="found no main text"):
        html_to_article("<html lang='de'><head><title>Leer</title></head><body></body></html>")


@pytest.mark.parametrize(("raw", "expected"), [
    ("2025-03-14T07:30:00+01:00", "2025-03-14"),
    ("2025-02", "2025-02"),
    ("14.3.2025", "2025-03-14"),
    ("2025-13-01", None),
    ("2025-02-30", None),
    ("gestern", None),
    ("", None),
])
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


def test_remove_clutter_keeps_prose_after_inline_trailer_and_cookie_words_mid_text():
    blocks = [
        ("text", "Wir verwenden Cookies. Bitte stimmen Sie zu oder lehnen Sie ab."),
        ("text", "Erster Absatz."),
        ("text", "AnzeigeAnzeige"),
        ("text", "Lesen Sie auch: Was Cookies wirklich speichern"),
        ("text", "Kurze Frage ohne Punkt?"),
        ("text", "Die EU will Cookies strenger regeln, Nutzer sollen ausdrücklich zustimmen."),
        ("heading", "## Mehr zum Thema"),
        ("list", "- Link eins\n- Link zwei"),
        ("heading", "## Wie es weitergeht"),
        ("text", "Letzter Absatz."),
    ]
    assert remove_clutter(blocks) == [
        ("text", "Erster Absatz."),
        ("text", "Die EU will Cookies strenger regeln, Nutzer sollen ausdrücklich zustimmen."),
        ("heading", "## Wie es weitergeht"),
        ("text", "Letzter Absatz."),
    ]


def test_rendered_article_parses_back_as_front_matter_and_body():
    article = html_to_article(load("subheadings"))
    text = render_article_markdown(article, "chipfabrik-baustopp")
    front, body = split_front_matter(text)
    assert front == {
        "title": "Chipfabrik: Was der Baustopp für die Region bedeutet",
        "date": "2025-02",
        "author": "Dr. Leonie Brandt",
        "source": "https://tageswelt.example/analyse/chipfabrik-baustopp",
        "tags": [],
        "slug": "chipfabrik-baustopp",
        "summary": "Der Bau der Chipfabrik ruht. Eine Analyse.",
    }
    assert body == "\n" + article.body_markdown + "\n"


def test_render_quotes_yaml_specials_and_keeps_day_dates_bare():
    article = ImportedArticle(
        title='Streit: "Nein" sagt # der Rat', date="2025-01-31", author="@redaktion",
        source=None, body_markdown="Text.", language="de")
    text = render_article_markdown(article, "streit")
    assert "\ndate: 2025-01-31\n" in text
    front, body = split_front_matter(text)
    assert front == {"title": 'Streit: "Nein" sagt # der Rat', "date": datetime.date(2025, 1, 31),
                     "author": "@redaktion", "tags": [], "slug": "streit"}
    assert body == "\nText.\n"


def test_scaffold_article_exact():
    filename, text = scaffold_article("Über Größe & Maß", datetime.date(2025, 5, 1))
    assert filename == "ueber-groesse-mass.md"
    assert text == (
        "---\ntitle: Über Größe & Maß\ndate: 2025-05-01\nslug: ueber-groesse-mass\n"
        "tags: []\nsummary: ''\n---\n\n" + PLACEHOLDER_BODY + "\n")
    front, _ = split_front_matter(text)
    assert front["summary"] == "" and front["tags"] == []


# --- commands ---------------------------------------------------------------------------

def run(source, articles_dir, force=False):
    out, err = io.StringIO(), io.StringIO()
    code = run_import(str(source), articles_dir, force, out, err)
    return code, out.getvalue(), err.getvalue()


def test_run_import_writes_the_article(tmp_path):
    code, out, err = run(HTML_DIR / "og_meta_only.html", tmp_path / "articles")
    target = tmp_path / "articles" / "bahn-streicht-nachtzug-nach-wien.md"
    assert (code, err) == (0, "")
    assert out.startswith("wrote ") and out.endswith(
        "bahn-streicht-nachtzug-nach-wien.md: 'Bahn streicht Nachtzug nach Wien' "
        "(2024-11-02, 4 paragraphs, 0 subheadings)\n")
    front, _ = split_front_matter(target.read_text(encoding="utf-8"))
    assert front["slug"] == "bahn-streicht-nachtzug-nach-wien"
    assert front["date"] == datetime.date(2024, 11, 2)


def test_run_import_never_overwrites_without_force(tmp_path):
    target = tmp_path / "bahn-streicht-nachtzug-nach-wien.md"
    target.write_text("von Hand bearbeitet\n", encoding="utf-8")
    code, out, err = run(HTML_DIR / "og_meta_only.html", tmp_path)
    assert (code, out) == (1, "")
    assert err == f"error: {target} already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "von Hand bearbeitet\n"
    assert run(HTML_DIR / "og_meta_only.html", tmp_path, force=True)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Bahn streicht")


def test_run_import_refuses_slug_of_existing_txt_article_even_with_force(tmp_path):
    twin = tmp_path / "bahn-streicht-nachtzug-nach-wien.txt"
    twin.write_text("Quelle\n", encoding="utf-8")
    code, _, err = run(HTML_DIR / "og_meta_only.html", tmp_path, force=True)
    assert code == 1
    assert err == (f"error: {twin} already has the slug 'bahn-streicht-nachtzug-nach-wien'; "
                   "rename or remove it first\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [twin.name]


def test_run_import_warns_about_missing_date(tmp_path):
    code, _, err = run(HTML_DIR / "no_date.html", tmp_path)
    assert code == 0
    assert err.startswith("warning: ") and "no publication date found" in err


def test_run_import_rejects_english_without_writing(tmp_path):
    code, out, err = run(HTML_DIR / "english.html", tmp_path)
    assert (code, out, list(tmp_path.iterdir())) == (1, "", [])
    assert err == (f"error: {HTML_DIR / 'english.html'}: expected a German article, found "
                   "English (lang=en; 0 of 92 common German words)\n")


def test_run_import_missing_file(tmp_path):
    code, _, err = run(tmp_path / "fehlt.html", tmp_path)
    assert code == 1
    assert err == f"error: cannot read {tmp_path / 'fehlt.html'}: No such file or directory\n"


@pytest.fixture
def html_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(HTML_DIR))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_run_import_from_url(html_server, tmp_path):
    code, _, err = run(f"{html_server}/no_date.html", tmp_path)
    assert (code, err.startswith("warning: ")) == (0, True)
    front, _ = split_front_matter(
        (tmp_path / "bibliothek-verlaengert-oeffnungszeiten.md").read_text(encoding="utf-8"))
    assert front["source"] == f"{html_server}/no_date.html"


def test_run_import_url_errors_are_one_line(html_server, tmp_path):
    code, _, err = run(f"{html_server}/fehlt.html", tmp_path)
    assert (code, err) == (1, f"error: cannot fetch {html_server}/fehlt.html: "
                              "HTTP 404 File not found\n")


def test_run_import_unreachable_host(tmp_path):
    # port 9 (discard) on loopback: nothing listens there, so the connection is refused
    code, _, err = run("http://127.0.0.1:9/artikel", tmp_path)
    assert code == 1
    assert err.startswith("error: cannot fetch http://127.0.0.1:9/artikel: ")
    assert err.endswith("(no network? save the page as .html and import the file)\n")
    assert err.count("\n") == 1


def test_run_new_creates_and_never_overwrites(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    today = datetime.date(2025, 5, 1)
    assert run_new("Über Größe & Maß", tmp_path, today, out, err) == 0
    target = tmp_path / "ueber-groesse-mass.md"
    assert out.getvalue() == f"created {target}\n"
    assert target.read_text(encoding="utf-8") == scaffold_article("Über Größe & Maß", today)[1]
    target.write_text("bearbeitet\n", encoding="utf-8")
    assert run_new("Über Größe & Maß", tmp_path, today, out, err) == 1
    assert err.getvalue() == (f"error: {target} already exists; edit it, or choose another "
                              "title\n")
    assert target.read_text(encoding="utf-8") == "bearbeitet\n"


@pytest.mark.parametrize(("title", "message"), [
    ("   ", "error: expected a title, found an empty string\n"),
    ("?!", "error: cannot make a slug from '?!': it has no letters or digits\n"),
])
def test_run_new_rejects_unusable_titles(tmp_path, title, message):
    err = io.StringIO()
    assert run_new(title, tmp_path, datetime.date(2025, 5, 1), io.StringIO(), err) == 1
    assert err.getvalue() == message


@pytest.mark.parametrize(("data", "declared", "expected"), [
    ("Größe".encode("utf-8"), None, "Größe"),
    ("Größe".encode("cp1252"), None, "Größe"),
    ('<meta charset="iso-8859-1">Maß'.encode("latin-1"), None, '<meta charset="iso-8859-1">Maß'),
    ("Maß".encode("latin-1"), "iso-8859-1", "Maß"),
])
def test_decode_html(data, declared, expected):
    assert decode_html(data, declared) == expected
