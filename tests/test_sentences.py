"""Tests for site_plugins.extract.sentences: the one sentence rule figures, quotes and timex
share, its abbreviations, quotes kept together, and robustness."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.extract import timex_lexicon
from site_plugins.extract.sentences import ABBREVIATIONS, Sentences, sentence_starts


def split(text: str, keep_together=()) -> list[str]:
    starts = sentence_starts(text, keep_together) + [len(text)]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:])]


@pytest.mark.parametrize("text", [
    "Der Umsatz stieg auf 2,5 Mio. Euro im Jahr.",
    "Sie sprach mit Dr. Meier und Prof. Kalb.",
    "Das gilt z.B. für Kinder, z. B. Anna, u.a. Tom und i.d.R. Hunde.",
    "Am 3. März und am 24.12. Abends, im 2./3. Jahrhundert, vom 15.-19. November.",
    "Laut Art. 5 GG gilt das, sagte H.-J. Meier (Mitglieds-Nr. 5) von F. Kafka.",
    "Ca. 300 Gäste kamen, vgl. Kap. 3 und Nr. 7.",
    "Er kam am Mo. Abend und im Sept. 2024 wieder.",
    "Zeile eins\nZeile zwei.",
    "Die Rate stieg. danach fiel sie.",
])
def test_one_sentence(text):
    assert split(text) == [text]


@pytest.mark.parametrize("text, sentences", [
    ("Die Firma wurde 2019 gegründet. 2020 kam der Börsengang.",
     ["Die Firma wurde 2019 gegründet.", "2020 kam der Börsengang."]),
    ("Er kam um 13:48. Die Tür war zu.", ["Er kam um 13:48.", "Die Tür war zu."]),
    ("Es waren 8 °C. Die Sonne schien.", ["Es waren 8 °C.", "Die Sonne schien."]),
    ("Siehe S. 17-26. Dort steht es.", ["Siehe S. 17-26.", "Dort steht es."]),
    ("So geht es auf diese Art. Die Folgen sind klar.",
     ["So geht es auf diese Art.", "Die Folgen sind klar."]),
    ("Das sagte Max. Er lachte.", ["Das sagte Max.", "Er lachte."]),
    ("Wirklich? Ja! Gut… Dann los.", ["Wirklich?", "Ja!", "Gut…", "Dann los."]),
    ("Er sagte: „Wir kommen.“ Dann ging er.", ["Er sagte: „Wir kommen.“", "Dann ging er."]),
    ("Es endet. „Wir gehen“, sagte sie. (Mehr dazu später.) Ende.",
     ["Es endet.", "„Wir gehen“, sagte sie.", "(Mehr dazu später.)", "Ende."]),
    ("Überschrift ohne Punkt\n\ndarunter klein", ["Überschrift ohne Punkt", "darunter klein"]),
    ("Die Rate lag bei 3 Mio.\n \nneuer Absatz", ["Die Rate lag bei 3 Mio.", "neuer Absatz"]),
])
def test_sentence_ends(text, sentences):
    assert split(text) == sentences


def test_offsets_are_first_characters():
    text = "  Erster Satz.   Zweiter Satz.\n\n\n  Dritter."
    assert sentence_starts(text) == [0, text.index("Zweiter"), text.index("Dritter")]


def test_no_sentence_starts_inside_kept_spans():
    text = "Er sagte: „Wir kommen. Wir bleiben.“ Dann ging er. „Ja.“ Gut."
    quotes = [(text.index("„Wir"), text.index("“ Dann") + 1),
              (text.index("„Ja"), text.index("“ Gut") + 1)]
    assert split(text, quotes) == ["Er sagte: „Wir kommen. Wir bleiben.“", "Dann ging er.",
                                   "„Ja.“", "Gut."]


def test_around_trims_and_finds_by_offset():
    text = "Erster Satz.  Zweiter Satz am 3. März.\n\n"
    sentences = Sentences(text)
    assert sentences.around(0) == (0, len("Erster Satz."))
    start, end = sentences.around(text.index("März"))
    assert text[start:end] == "Zweiter Satz am 3. März."


def test_month_and_weekday_abbreviations_are_cldrs():
    dotted = {a for a in (*timex_lexicon.MONTH_ABBREVIATIONS, *timex_lexicon.WEEKDAY_ABBREVIATIONS)
              if a.endswith(".")}
    assert dotted <= ABBREVIATIONS


# --- robustness ------------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list(".!?…“”„»«)( \n\t") + ["3", "12", "a", "A", "Nr", "Mio"]),
                max_size=200).map("".join) | st.text(max_size=400))
def test_starts_are_sorted_and_at_text(text):
    starts = sentence_starts(text)
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert all(0 < s < len(text) and not text[s].isspace() for s in starts[1:])
    sentences = Sentences(text)
    for offset in range(len(text)):
        start, end = sentences.around(offset)
        assert 0 <= start <= end <= len(text)


@pytest.mark.parametrize("text", [
    "." * 1_000_000,
    ". " * 500_000,
    "a. A" * 250_000,
    "3. März " * 125_000,
    "\n" * 1_000_000,
    "a\n" * 500_000,
    "x" * 1_000_000 + ". A",
    "(Mitglieds-Nr. A" * 60_000,
    ".!?… \n\n“»)]" * 80_000,
])
def test_one_megabyte_finishes(text):
    """A guard against catastrophic backtracking (about 0.5 s here), not a benchmark: the bound
    is loose so a busy machine does not fail it."""
    began = time.perf_counter()
    Sentences(text).around(len(text) // 2)
    assert time.perf_counter() - began < 30
