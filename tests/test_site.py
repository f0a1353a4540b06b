"""The whole site as a pure function: pages, problems and catalogs from sources."""
from datetime import datetime, timezone

from site_plugins.registry import Registry
from site_plugins.site import build_site
from site_plugins.translate.memory import SourceSegment, merge, write_catalog

NOW = datetime(2025, 2, 1, tzinfo=timezone.utc)
GOOD = ("date 2025-01-31 Die Reederei Kalmberg meldet 40 Milliarden Euro Umsatz. Am Freitag stieg die Aktie.\n\n"
        "Ein neuer Hafen\n\n"
        "Der Bau beginnt <script>alert(1)</script> im Juni 2025.\n").encode()


def build(sources, catalogs=None):
    return build_site(sources, catalogs or {}, Registry(), "content/translations", "https://example.org/", NOW)


def page(result, src_uri):
    return next(p for p in result.pages if p.src_uri == src_uri)


def test_bad_inputs_are_problems_and_the_rest_builds():
    result = build({
        "content/articles/a-good.txt": GOOD,
        "content/articles/empty.txt": b"",
        "content/articles/binary.txt": b"\x00\x01\x02",
        "content/articles/latin.txt": "Gr\xfc\xdfe".encode("latin-1"),
        "content/articles/baddate.txt": b"date 2025-13 Text.",
        "content/articles/front.md": b"---\ntitle: [oops\n---\nText.\n",
        "content/articles/z-dupe.md": b"---\nslug: a-good\n---\nNoch ein Text.\n",
    })
    assert [str(p) for p in result.problems if p.message.startswith("expected")] == [
        "content/articles/baddate.txt:1: expected a date after 'date' (YYYY-MM or YYYY-MM-DD), found '2025-13'",
        "content/articles/binary.txt:1: expected UTF-8 text, found binary data (a NUL byte)",
        "content/articles/empty.txt:1: expected article text, found an empty file",
        "content/articles/front.md:2: expected YAML front matter, found a syntax error: expected ',' or ']', but got '<stream end>'",
        "content/articles/latin.txt:1: expected UTF-8 text, found byte 0xFC (is the file Latin-1 or Windows-1252? save it as UTF-8)",
        "content/articles/z-dupe.md:1: expected a unique slug, found 'a-good' already used by content/articles/a-good.txt; "
        "set 'slug:' or rename the file",
    ]
    assert sorted(p.src_uri for p in result.pages) == [
        "a-good.md", "en/a-good.md", "en/index.md", "en/timeline.md", "index.md", "timeline.md"]


def test_article_text_is_escaped():
    result = build({"content/articles/a-good.txt": GOOD})
    markdown = page(result, "a-good.md").markdown
    assert "<script>alert(1)</script>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def test_missing_english_is_marked_and_warned_at_the_source_line():
    result = build({"content/articles/a-good.txt": GOOD})
    english = page(result, "en/a-good.md").markdown
    assert '<div class="admonition warning nr-notice" role="note"><p>Parts of this page are not translated yet' in english
    assert ('<span class="nr-untranslated" lang="de" translate="no" data-translation="missing" '
            'title="not translated">Ein neuer Hafen</span>') in english
    warnings = [str(p) for p in result.problems]
    assert ("content/articles/a-good.txt:5: no English for segment 'Der Bau beginnt <script>alert(1)</script> im Juni 2025.' "
            "in content/translations/en/a-good.po") in warnings
    # the build added the new segments to the memory for translators
    assert b'#: content/articles/a-good.txt:3\nmsgid "Ein neuer Hafen"\nmsgstr ""' in result.catalogs["a-good"]


def test_reviewed_and_machine_english():
    first = build({"content/articles/a-good.txt": GOOD})
    from site_plugins.translate.memory import read_catalog

    catalog = read_catalog(first.catalogs["a-good"], "a-good.po")
    for message in catalog:
        if message.id:
            message.string = f"EN({message.id})"
    machine = catalog.get("Der Bau beginnt <script>alert(1)</script> im Juni 2025.")
    machine.flags.add("fuzzy")
    machine.user_comments.append("machine: deepl 2025-02-01")
    result = build({"content/articles/a-good.txt": GOOD}, {"a-good": write_catalog(catalog)})
    english = page(result, "en/a-good.md").markdown
    assert "nr-untranslated" not in english
    assert ('<span class="nr-machine" data-translation="machine" its-annotators-ref="mt|deepl 2025-02-01" '
            'data-engine="deepl 2025-02-01" title="machine-translated, not yet reviewed">EN(Der Bau beginnt &lt;script&gt;alert(1)&lt;/script&gt; im Juni 2025.)</span>') in english
    assert "Parts of this page are machine-translated, not yet reviewed" in english
    assert not [p for p in result.problems if "no English" in p.message]
    assert '"translationOfWork": {"@id": "https://example.org/a-good/"}' in english


def test_an_unreadable_catalog_is_never_rewritten():
    result = build({"content/articles/a-good.txt": GOOD}, {"a-good": b'msgid "x"\nmsgstr "y"\nGARBAGE\n'})
    assert "a-good" not in result.catalogs
    assert any(p.path == "content/translations/en/a-good.po" and "leaves it as it is" in p.message
               for p in result.problems)


def test_home_lists_newest_first_with_localized_dates():
    older = b"date 2024-12-02 Ein aelterer Bericht ueber Kalmberg."
    result = build({"content/articles/a-good.txt": GOOD, "content/articles/b-old.txt": older})
    german, english = page(result, "index.md").markdown, page(result, "en/index.md").markdown
    assert german.index("a-good/") < german.index("b-old/")
    assert '<time datetime="2025-01-31">31. Januar 2025</time>' in german
    assert '<time datetime="2025-01-31">January 31, 2025</time>' in english



def test_fact_box_and_timeline_escape_article_text():
    text = ('date 2025-01-31 Am Freitag sagte Jördis Quandtmeyer: „Wir bauen <b>keine</b> Fabrik & kein Lager in Bremen.“\n'
            ).encode()
    result = build({"content/articles/a-good.txt": text})
    german = page(result, "a-good.md").markdown
    box = german[german.index('<aside class="fact-box"'):german.index("</aside>")]
    assert "Wir bauen &lt;b&gt;keine&lt;/b&gt; Fabrik &amp; kein Lager in Bremen." in box
    assert "<b>" not in box
    timeline = german[german.index('<ol class="timeline">'):]
    assert "<b>" not in timeline[:timeline.index("</ol>")]
