from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.translate.memory import (
    SourceSegment, count, lookup, mark_machine, merge, read_catalog, write_catalog,
)

NOW = datetime(2025, 2, 1, tzinfo=timezone.utc)
PATH = "content/articles/vendorf.txt"


def segments(*texts):
    return [SourceSegment(t, PATH, i + 1) for i, t in enumerate(texts)]


def reviewed(catalog, text, english):
    catalog[text].string = english
    return catalog


def test_round_trip_is_byte_stable_and_keeps_references():
    catalog = merge(None, segments("Der Umsatz stieg um 3,5 Prozent.", "Vendorf baut ein Werk in Sachsen."), NOW)
    reviewed(catalog, "Der Umsatz stieg um 3,5 Prozent.", "Revenue rose by 3.5 percent.")
    data = write_catalog(catalog)
    assert b'#: content/articles/vendorf.txt:1\nmsgid "Der Umsatz stieg um 3,5 Prozent."\nmsgstr "Revenue rose by 3.5 percent."' in data
    again = merge(read_catalog(data, "x.po"), segments("Der Umsatz stieg um 3,5 Prozent.", "Vendorf baut ein Werk in Sachsen."), NOW)
    assert write_catalog(again) == data


def test_msgmerge_semantics_for_a_changed_and_a_removed_sentence():
    old = merge(None, segments("Der Umsatz stieg um 3,5 Prozent.", "Vendorf baut ein Werk in Sachsen.",
                               "Der Chef tritt zurück."), NOW)
    reviewed(old, "Der Umsatz stieg um 3,5 Prozent.", "Revenue rose by 3.5 percent.")
    reviewed(old, "Vendorf baut ein Werk in Sachsen.", "Vendorf is building a plant in Saxony.")
    reviewed(old, "Der Chef tritt zurück.", "The CEO resigns.")
    new = merge(read_catalog(write_catalog(old), "x.po"),
                segments("Der Umsatz stieg um 4,5 Prozent.", "Vendorf baut ein Werk in Sachsen."), NOW)
    changed = new.get("Der Umsatz stieg um 4,5 Prozent.")
    assert changed.string == "Revenue rose by 3.5 percent." and changed.fuzzy
    assert changed.previous_id == ["Der Umsatz stieg um 3,5 Prozent."]
    assert lookup(new, "Der Umsatz stieg um 4,5 Prozent.").status == "outdated"
    assert lookup(new, "Vendorf baut ein Werk in Sachsen.").english == "Vendorf is building a plant in Saxony."
    assert new.obsolete["Der Chef tritt zurück."].string == "The CEO resigns."
    assert b'#~ msgid "Der Chef tritt zur\xc3\xbcck."' in write_catalog(new)
    # the sentence comes back: its English comes back from the obsolete entry, for review
    # (PO files do not keep an obsolete entry's flags, so msgmerge revives it as fuzzy too)
    back = merge(read_catalog(write_catalog(new), "x.po"), segments("Der Chef tritt zurück."), NOW)
    message = back.get("Der Chef tritt zurück.")
    assert (message.string, message.fuzzy) == ("The CEO resigns.", True)


def test_a_machine_never_overwrites_a_person():
    catalog = merge(None, segments("Der Chef tritt zurück.", "Die Aktie fällt."), NOW)
    reviewed(catalog, "Der Chef tritt zurück.", "The CEO resigns.")
    assert not mark_machine(catalog, "Der Chef tritt zurück.", None, "The boss steps back.", "deepl", "2025-02-01")
    assert mark_machine(catalog, "Die Aktie fällt.", None, "The share falls.", "deepl", "2025-02-01")
    assert lookup(catalog, "Der Chef tritt zurück.").english == "The CEO resigns."
    machine = lookup(catalog, "Die Aktie fällt.")
    assert (machine.english, machine.status, machine.provenance) == ("The share falls.", "machine", "deepl 2025-02-01")
    assert b'# machine: deepl 2025-02-01\n#: content/articles/vendorf.txt:2\n#, fuzzy\nmsgid "Die Aktie f\xc3\xa4llt."' in write_catalog(catalog)
    counts = count(catalog, [("Der Chef tritt zurück.", None), ("Die Aktie fällt.", None), ("Neu.", None)])
    assert (counts.segments, counts.reviewed, counts.machine, counts.missing) == (3, 1, 1, 1)


def test_context_separates_a_quote_from_the_same_sentence():
    catalog = merge(None, [SourceSegment("Wir bauen aus", PATH, 3), SourceSegment("Wir bauen aus", PATH, 3, "quote")], NOW)
    catalog.get("Wir bauen aus", "quote").string = "We are expanding"
    assert lookup(catalog, "Wir bauen aus", "quote").english == "We are expanding"
    assert lookup(catalog, "Wir bauen aus").status == "missing"


WORDS = ["Vendorf", "baut", "ein", "Werk", "in", "Sachsen", "der", "Umsatz", "stieg", "fiel", "stark", "heute"]
sentence = st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(lambda w: " ".join(w) + ".")
edit = st.lists(sentence, min_size=0, max_size=5, unique=True)


@settings(max_examples=60, deadline=None)
@given(first=st.lists(sentence, min_size=1, max_size=5, unique=True), edits=st.lists(edit, min_size=1, max_size=4))
def test_no_reviewed_translation_ever_disappears(first, edits):
    catalog = merge(None, segments(*first), NOW)
    translations = {}
    for text in first:
        catalog[text].string = f"EN {text}"
        translations[text] = f"EN {text}"
    for version in edits:
        catalog = read_catalog(write_catalog(merge(catalog, segments(*version), NOW)), "x.po")
        kept = {m.string for m in catalog if m.id} | {m.string for m in catalog.obsolete.values()}
        assert set(translations.values()) <= kept
        for text in version:
            message = catalog.get(text)
            if message.string and text not in translations:
                assert message.fuzzy  # a suggestion from another sentence is never published as reviewed
