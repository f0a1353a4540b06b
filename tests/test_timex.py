"""Tests for site_plugins.extract.timex: gold sentences the team wrote (tests/data/timex_gold.yml),
the seed article read from ../shared (skipped where absent), the direction and part rules, month
precision, sentences and labels, and robustness (hypothesis, 1 MB of text).

Calendar help: 2024-11-14 is a Thursday (its week runs 11-17 November), 2025-01-31 a Friday,
2025-02-01 a Saturday (week 27 January - 2 February), 2025-02-28 a Friday (week 24 February -
2 March)."""
from __future__ import annotations

import importlib.util
import time
from datetime import date
from pathlib import Path

import pytest
import yaml
from babel.dates import get_day_names, get_month_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_plugins.extract import timex_lexicon
from site_plugins.extract.timex import find_events
from site_plugins.model import PubDate

ROOT = Path(__file__).resolve().parents[1]
GOLD = yaml.safe_load((ROOT / "tests" / "data" / "timex_gold.yml").read_text("utf-8"))
SEED = ROOT.parent / "shared" / "seeds" / "000_15f7b36964d19826.txt"
RECOGNIZERS = ROOT.parent / "shared" / "data" / "recognizers-de"
THURSDAY = PubDate(2024, 11, 14)


def pub(value: str | None) -> PubDate | None:
    return None if value is None else PubDate(*(int(part) for part in value.split("-")))


def found(text: str, published: PubDate | None) -> list[tuple[str, str, str, str]]:
    return [(e.text, e.earliest.isoformat(), e.latest.isoformat(), e.granularity)
            for e in find_events(text, published)]


# --- gold -----------------------------------------------------------------------------------

def test_gold_file_is_big_and_varied():
    assert sum(len(case["events"]) for case in GOLD) >= 50
    assert sum(1 for case in GOLD if not case["events"]) >= 10
    assert {case["domain"] for case in GOLD} == {"business", "politics", "tech", "sports"}
    precisions = {pub(case["published"]).precision for case in GOLD if case["published"]}
    assert precisions == {"day", "month"}


@pytest.mark.parametrize("case", GOLD, ids=[case["id"] for case in GOLD])
def test_gold(case):
    expected = [(e["text"], e["earliest"], e["latest"], e["granularity"]) for e in case["events"]]
    assert found(case["text"], pub(case["published"])) == expected


# --- the seed article -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent (the seed lives in ../shared, outside the project)")
    raw = SEED.read_text("utf-8")
    assert raw.split(None, 2)[:2] == ["date", "2025-02"]
    return raw.split(None, 2)[2]


@pytest.mark.parametrize("published, week, friday", [
    # month precision: the interval covers every possible publication day of February 2025
    (PubDate(2025, 2), ("2025-01-27", "2025-02-26"), ("2025-01-31", "2025-02-28")),
    # Saturday 1 February: Monday-Wednesday of that week, and the day before
    (PubDate(2025, 2, 1), ("2025-01-27", "2025-01-29"), ("2025-01-31", "2025-01-31")),
    # Friday 31 January: "am Freitag" written on a Friday is that very day
    (PubDate(2025, 1, 31), ("2025-01-27", "2025-01-29"), ("2025-01-31", "2025-01-31")),
])
def test_seed_events(seed_text, published, week, friday):
    events = find_events(seed_text, published)
    assert [e.text for e in events] == ["Anfang dieser Woche", "am Freitag"]
    anfang, freitag = events
    assert (anfang.earliest.isoformat(), anfang.latest.isoformat(), anfang.granularity) == (*week, "week")
    assert (freitag.earliest.isoformat(), freitag.latest.isoformat(), freitag.granularity) == (*friday, "day")
    for event in events:
        assert seed_text[event.start:event.end] == event.text
        assert event.text in event.sentence and event.sentence in seed_text
        assert event.sentence.endswith(".") and event.text not in event.label
        assert 3 <= len(event.label.replace("…", "").split()) <= 12


def test_seed_without_publication_date_has_no_events(seed_text):
    assert find_events(seed_text, None) == []


# --- what is not a date ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Die neue Version soll bald erscheinen.",
    "Sam Altman sagte, die Firma mit Sitz in San Francisco wachse so schnell wie nie.",
    "Die Sitzung beginnt um 15 Uhr, so der Sprecher.",
    "Das Spiel endete 3:1, der Umsatz stieg um 12,5 Prozent auf 2.023 Millionen Euro.",
    "Jetzt und derzeit ist alles anders als damals.",
    "Die Server waren zwei Wochen lang nicht erreichbar, seit Monaten gibt es Beschwerden.",
    "In den letzten drei Jahren und in den kommenden Wochen wächst der Markt.",
    "Die Firma hat in zwei Jahren ihren Umsatz verdoppelt.",
    "Jeden Freitag, immer am Montag und freitags trifft sich das Team.",
    "Die Messe findet jährlich im Mai statt, die Bilanz jeweils im Januar.",
    "Das Fest beginnt im Januar jeden Jahres.",
    "Die Partei erhielt 2025 Stimmen, das Modell 2000 war ein Erfolg.",
    "Der Audi Q3 und die Version 2.1. sind neu.",
    "Am 31. Februar 2025 und am 31.02.2025 passierte nichts.",
    "Guten Morgen, sagte er am Morgen.",
])
def test_not_events(text):
    assert found(text, THURSDAY) == []


def test_relative_expressions_need_a_publication_date():
    text = "Im Juni 2024 hatte der Rat getagt, gestern und am Freitag wieder."
    assert found(text, None) == [("Im Juni 2024", "2024-06-01", "2024-06-30", "month")]


# --- direction of weekdays and named periods ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Am Freitag hatte die Börse geschlossen.", ("Am Freitag", "2024-11-08", "2024-11-08", "day")),
    ("Die Börse wird am Freitag früher schließen.", ("am Freitag", "2024-11-15", "2024-11-15", "day")),
    ("Am Donnerstag hatte der Rat getagt.", ("Am Donnerstag", "2024-11-14", "2024-11-14", "day")),
    ("Vergangenen Donnerstag hatte der Rat getagt.", ("Vergangenen Donnerstag", "2024-11-07", "2024-11-07", "day")),
    ("Nächsten Donnerstag tagt der Rat.", ("Nächsten Donnerstag", "2024-11-21", "2024-11-21", "day")),
    ("Diesen Montag hatte der Rat getagt.", ("Diesen Montag", "2024-11-11", "2024-11-11", "day")),
    ("Am Freitag vergangener Woche war Schluss.", ("Am Freitag vergangener Woche", "2024-11-08", "2024-11-08", "day")),
    ("Nächste Woche Dienstag beginnt der Prozess.", ("Nächste Woche Dienstag", "2024-11-19", "2024-11-19", "day")),
    ("Der Ausschuss hatte am heutigen Donnerstag getagt.", ("am heutigen Donnerstag", "2024-11-14", "2024-11-14", "day")),
    ("In der Nacht zum Sonntag brannte eine Halle.", ("In der Nacht zum Sonntag", "2024-11-09", "2024-11-10", "day")),
    ("Vorgestern und übermorgen.", ("Vorgestern", "2024-11-12", "2024-11-12", "day")),
    ("Am kommenden Wochenende wird gewählt.", ("Am kommenden Wochenende", "2024-11-16", "2024-11-17", "weekend")),
    ("Übernächste Woche beginnt die Messe.", ("Übernächste Woche", "2024-11-25", "2024-12-01", "week")),
    ("Im vergangenen Monat war der Absatz gesunken.", ("Im vergangenen Monat", "2024-10-01", "2024-10-31", "month")),
    ("Im laufenden Quartal erwartet die Bank Gewinne.", ("Im laufenden Quartal", "2024-10-01", "2024-12-31", "quarter")),
    ("Vor zwei Wochen war der Streik beendet worden.", ("Vor zwei Wochen", "2024-10-28", "2024-11-03", "week")),
    ("Vor einem Monat war er gewählt worden.", ("Vor einem Monat", "2024-10-01", "2024-10-31", "month")),
    ("Im Winter drohen Engpässe beim Gas.", ("Im Winter", "2024-12-01", "2025-02-28", "season")),
    ("Im Dezember hatte es geschneit.", ("Im Dezember", "2023-12-01", "2023-12-31", "month")),
    ("Im Dezember wird es schneien.", ("Im Dezember", "2024-12-01", "2024-12-31", "month")),
    ("Das Treffen findet am 20. statt.", ("am 20.", "2024-11-20", "2024-11-20", "day")),
    ("In der KW 47 beginnt der Umbau.", ("In der KW 47", "2024-11-18", "2024-11-24", "week")),
    ("Nächstes Jahr im Dezember ist Wahl.", ("Nächstes Jahr im Dezember", "2025-12-01", "2025-12-31", "month")),
    # "zu 11 Stimmen" is a score, not "zu" + infinitive (which would make the sentence future)
    ("Der Kreistag stimmte am Dienstagabend mit 38 zu 11 Stimmen zu.", ("am Dienstagabend", "2024-11-12", "2024-11-12", "day")),
    ("Im vergangenen Geschäftsjahr war der Umsatz gesunken.", ("Im vergangenen Geschäftsjahr", "2023-01-01", "2023-12-31", "year")),
])
def test_relative_to_a_thursday(text, expected):
    assert found(text, THURSDAY)[0] == expected


def test_a_verb_of_saying_does_not_date_what_is_said():
    # published 20 August: the autumn ahead is nearer than the last one; "sagte" dates the saying
    text = "„Im Herbst ist Schluss“, sagte die Landrätin. Im Herbst hatte sie gezögert."
    assert found(text, PubDate(2025, 8, 20)) == [
        ("Im Herbst", "2025-09-01", "2025-11-30", "season"), ("Im Herbst", "2024-09-01", "2024-11-30", "season")]


@pytest.mark.parametrize("text, expected", [
    ("Anfang der Woche", ("2024-11-11", "2024-11-13")),
    ("Mitte der Woche", ("2024-11-12", "2024-11-14")),
    ("Ende der Woche", ("2024-11-15", "2024-11-17")),
    ("Anfang des Monats", ("2024-11-01", "2024-11-10")),
    ("Mitte des Monats", ("2024-11-11", "2024-11-20")),
    ("Ende des Monats", ("2024-11-21", "2024-11-30")),
    ("Anfang nächsten Jahres", ("2025-01-01", "2025-04-30")),
    ("Mitte des Jahres", ("2024-05-01", "2024-08-31")),
    ("Ende dieses Jahres", ("2024-09-01", "2024-12-31")),
    ("Rest des Jahres", ("2024-11-14", "2024-12-31")),
    ("Anfang der 2000er", ("2000-01-01", "2003-12-31")),
    ("Ende des zweiten Quartals 2024", ("2024-06-01", "2024-06-30")),
])
def test_parts_of_periods(text, expected):
    events = find_events(f"Das geschah {text} in Berlin.", THURSDAY)
    assert [(e.text, e.earliest.isoformat(), e.latest.isoformat()) for e in events] == [(text, *expected)]


# --- absolute forms, ranges, lists ----------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Am 3. Jänner 2025 begann das Jahr.", None, [("Am 3. Jänner 2025", "2025-01-03", "2025-01-03", "day")]),
    ("Am 3. Jan. 2025 begann es.", None, [("Am 3. Jan. 2025", "2025-01-03", "2025-01-03", "day")]),
    ("Die Zahlen vom Sept. 2024 liegen vor.", None, [("vom Sept. 2024", "2024-09-01", "2024-09-30", "month")]),
    ("Am zweiten Februar 2018 kam er.", None, [("Am zweiten Februar 2018", "2018-02-02", "2018-02-02", "day")]),
    ("Die Frist endet am 2025-03-31.", None, [("am 2025-03-31", "2025-03-31", "2025-03-31", "day")]),
    ("Stand 31.01.25, Version 1.2.25.", None, [("31.01.25", "2025-01-31", "2025-01-31", "day")]),
    ("Die Daten von 05/2016 fehlen.", None, [("von 05/2016", "2016-05-01", "2016-05-31", "month")]),
    ("Im Q3 2024 stieg der Gewinn.", None, [("Im Q3 2024", "2024-07-01", "2024-09-30", "quarter")]),
    ("Der Roman spielt im 19. Jahrhundert.", None, [("im 19. Jahrhundert", "1800-01-01", "1899-12-31", "century")]),
    ("Im Winter 2024/25 fiel viel Schnee.", None, [("Im Winter 2024/25", "2024-12-01", "2025-02-28", "season")]),
    ("Die Bilanz von Januar bis März 2024 war schwach.", None,
     [("von Januar bis März 2024", "2024-01-01", "2024-03-31", "month")]),
    ("Das war zwischen dem 4. und dem 22. Januar 1995.", None,
     [("zwischen dem 4. und dem 22. Januar 1995", "1995-01-04", "1995-01-22", "day")]),
    ("Von 2019 bis 2023 wuchs der Markt.", None, [("Von 2019 bis 2023", "2019-01-01", "2023-12-31", "year")]),
    ("In den Jahren 2019, 2020 und 2021 gab es Verluste.", None,
     [("In den Jahren 2019", "2019-01-01", "2019-12-31", "year"), ("2020", "2020-01-01", "2020-12-31", "year"),
      ("2021", "2021-01-01", "2021-12-31", "year")]),
    ("Am 15. und 16. März 2025 wird gestreikt.", None,
     [("Am 15.", "2025-03-15", "2025-03-15", "day"), ("16. März 2025", "2025-03-16", "2025-03-16", "day")]),
    ("Die Konferenz fand vom 15.11. - 19.12. statt.", PubDate(2025, 2, 1),
     [("vom 15.11. - 19.12.", "2024-11-15", "2024-12-19", "day")]),
    ("Ich bin dann mal von heute bis morgen weg.", THURSDAY,
     [("von heute bis morgen", "2024-11-14", "2024-11-15", "day")]),
    ("Am Montag und Dienstag hatte der Ausschuss beraten.", THURSDAY,
     [("Am Montag", "2024-11-11", "2024-11-11", "day"), ("Dienstag", "2024-11-12", "2024-11-12", "day")]),
    ("Der Rat tagt diesen Monat vom 4. bis zum 22. in Bonn.", THURSDAY,
     [("diesen Monat vom 4. bis zum 22.", "2024-11-04", "2024-11-22", "day")]),
    ("Die Zahl stieg vom ersten Januar an.", PubDate(2025, 2, 1),
     [("vom ersten Januar", "2025-01-01", "2025-01-01", "day")]),
    ("In der ersten Juliwoche ist Pause.", PubDate(2025, 2, 1),
     [("In der ersten Juliwoche", "2025-06-30", "2025-07-06", "week")]),
    ("Am 29. Februar hatte er Geburtstag.", PubDate(2025, 2, 1),
     [("Am 29. Februar", "2024-02-29", "2024-02-29", "day")]),
])
def test_absolute_ranges_and_lists(text, published, expected):
    assert found(text, published) == expected


# --- publication dates of month and year precision ------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Gestern hatte es geregnet.", PubDate(2024), ("Gestern", "2023-12-31", "2024-12-30", "day")),
    ("Der Markt war vergangene Woche eingebrochen.", PubDate(2025, 2), ("vergangene Woche", "2025-01-20", "2025-02-23", "week")),
    # 1 February 2025 is a Saturday: that weekend has begun, so it counts (as the publication day does)
    ("Am Wochenende hatte es geregnet.", PubDate(2025, 2), ("Am Wochenende", "2025-02-01", "2025-02-23", "weekend")),
    ("Kommenden Dienstag wird gewählt.", PubDate(2025, 2), ("Kommenden Dienstag", "2025-02-04", "2025-03-04", "day")),
    ("Im Januar war es kalt gewesen.", PubDate(2025, 2), ("Im Januar", "2025-01-01", "2025-01-31", "month")),
    ("Im vergangenen Jahr war es ruhig.", PubDate(2025, 2), ("Im vergangenen Jahr", "2024-01-01", "2024-12-31", "year")),
    ("Im Juni 2024 war es ruhig.", PubDate(2025, 2), ("Im Juni 2024", "2024-06-01", "2024-06-30", "month")),
])
def test_coarse_publication_dates_give_intervals(text, published, expected):
    assert found(text, published) == [expected]


# --- events carry offsets, sentences and labels ----------------------------------------------

def test_sentences_respect_ordinals_abbreviations_and_years():
    text = ("Die Sitzung begann am 31. Januar z. B. mit Dr. Meier um 9 Uhr. Die Firma wurde im Jahr 2019 "
            "gegründet. 2020 kam der Börsengang.\n\nÜberschrift ohne Punkt\n\nAm 3. März 2025 endete es.")
    sentences = [e.sentence for e in find_events(text, PubDate(2025, 2, 1))]
    assert sentences == [
        "Die Sitzung begann am 31. Januar z. B. mit Dr. Meier um 9 Uhr.",
        "Die Firma wurde im Jahr 2019 gegründet.",
        "2020 kam der Börsengang.",
        "Am 3. März 2025 endete es.",
    ]


def test_sentence_after_a_closing_quote():
    text = "Er sagte: „Wir kommen am Freitag.“ Dann ging er am Samstag nach Hause."
    events = find_events(text, PubDate(2025, 2, 5))
    assert [e.sentence for e in events] == ["Er sagte: „Wir kommen am Freitag.“",
                                           "Dann ging er am Samstag nach Hause."]


@pytest.mark.parametrize("text, label", [
    ("Die Firma hatte am 31. Januar 2025 ihre Zahlen vorgelegt.", "Die Firma hatte ihre Zahlen vorgelegt"),
    ("Die Abstimmung ist für den 28.10. angesetzt.", "Die Abstimmung ist angesetzt"),
    ("Das Rückspiel findet am Mittwoch, 12. März, in Mailand statt.", "Das Rückspiel findet in Mailand statt"),
    ("Seit dem 1. Januar, wie berichtet, gilt die neue Regel für alle Mieter.",
     "gilt die neue Regel für alle Mieter"),
    ("Der Umsatz stieg im Jahr 2023 um 4,2 Prozent.", "Der Umsatz stieg um 4,2 Prozent"),
    ("Aus Sicht der Aufsicht hatte die kleine Bank aus Bremen am Freitag ihre gesamten Kredite an "
     "Unternehmen aus der Region neu bewertet.",
     "… aus Bremen ihre gesamten Kredite an Unternehmen aus der Region neu bewertet"),  # the last 12 words
    ("Nach Angaben des Verbandes ist die Zahl der Insolvenzen in der Baubranche deutlich gestiegen, "
     "und zwar im Jahr 2024.",  # "und zwar" is too short: the previous clause, its last 12 words
     "… des Verbandes ist die Zahl der Insolvenzen in der Baubranche deutlich gestiegen"),
])
def test_labels(text, label):
    (event,) = find_events(text, PubDate(2025, 2, 1))
    assert event.label == label


def test_offsets_and_order():
    text = "Am 3. März 2025 und im Juni 2024, dann gestern und Ende des Jahres."
    events = find_events(text, PubDate(2025, 2, 1))
    assert [e.text for e in events] == ["Am 3. März 2025", "im Juni 2024", "gestern", "Ende des Jahres"]
    for event in events:
        assert text[event.start:event.end] == event.text


# --- vocabulary and robustness --------------------------------------------------------------

def test_names_come_from_cldr():
    months = set(get_month_names("wide", locale="de").values()) | {"Jänner"}
    assert months <= set(timex_lexicon.MONTHS)
    assert set(get_day_names("wide", locale="de").values()) == set(timex_lexicon.WEEKDAYS)
    assert {"Jan.", "Sept.", "Okt."} <= set(timex_lexicon.MONTH_ABBREVIATIONS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300),
       published=st.sampled_from([None, PubDate(2025), PubDate(2025, 2), PubDate(2025, 2, 1), PubDate(1, 1, 1),
                                  PubDate(9999, 12, 31)]))
def test_never_raises_on_arbitrary_text(text, published):
    events = find_events(text, published)
    for event in events:
        assert text[event.start:event.end] == event.text
        assert event.earliest <= event.latest
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert all(a.end <= b.start for a, b in zip(events, events[1:]))


WORDS = ("am", "im", "vom", "bis", "zum", "Freitag", "Januar", "März", "2024", "31.", "12.", "1.", "-", "und",
         "zwischen", "dem", "Ende", "Anfang", "Mitte", "des", "Jahres", "Woche", "vergangene", "nächsten",
         "vor", "in", "zwei", "Jahren", "seit", "Q3", "KW", "7", ",", ".", "gestern", "heute", "der", "Sommer")


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=40), published=st.sampled_from([None, PubDate(2025, 2)]))
def test_never_raises_on_date_like_word_salad(words, published):
    text = " ".join(words)
    for event in find_events(text, published):
        assert text[event.start:event.end] == event.text
        assert event.earliest <= event.latest


def test_one_megabyte_finishes():
    article = "\n\n".join(case["text"] for case in GOLD)
    text = (article * (1_000_000 // len(article) + 1))[:1_000_000]
    begin = time.perf_counter()
    events = find_events(text, PubDate(2025, 2))
    assert time.perf_counter() - begin < 60
    assert len(events) > 10_000


@pytest.mark.parametrize("text", [
    "." * 200_000, " " * 200_000, "am " * 70_000, "1." * 100_000, "2019 " * 40_000,
    "vom 3. bis 7. März " * 10_000, "Montag, Dienstag und " * 10_000,
])
def test_pathological_texts_finish(text):
    begin = time.perf_counter()
    find_events(text, PubDate(2025, 2))
    assert time.perf_counter() - begin < 30


# --- the recognizers data (development data in ../shared) -----------------------------------

def test_recognizers_targets():
    if not RECOGNIZERS.is_dir():
        pytest.skip(f"{RECOGNIZERS} is absent (development data in ../shared, outside the project)")
    spec = importlib.util.spec_from_file_location("eval_timex", ROOT / "benchmarks" / "eval_timex.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.evaluate_recognizers()
    assert result["found"] / result["in_scope"] >= 0.95
    assert result["normalized"] / result["with_value"] >= 0.90


def test_calendar_help_in_the_docstring():
    assert [date(2024, 11, 14).weekday(), date(2025, 1, 31).weekday(), date(2025, 2, 1).weekday()] == [3, 4, 5]


def test_seit_a_weekday_points_back_even_with_a_modal_infinitive():
    # "ist … zu finden" is present tense, not future: "seit" always looks back
    events = find_events("Die App ist in Italien seit Mittwoch nicht mehr zu finden.", PubDate(2025, 1, 31))
    assert [(e.text, e.earliest, e.latest) for e in events] == [("seit Mittwoch", date(2025, 1, 29), date(2025, 1, 29))]


@pytest.mark.parametrize("text, expected", [
    ("Eine Entscheidung ist für den Herbst angekündigt.", [("für den Herbst", "2025-09-01", "2025-11-30", "season")]),
    ("Die Wahl wurde auf den Herbst verschoben.", [("auf den Herbst", "2025-09-01", "2025-11-30", "season")]),
    ("Bis zum Ende des Jahrhunderts könnte er verschwinden.",
     [("Bis zum Ende des Jahrhunderts", "2066-01-01", "2099-12-31", "century")]),
    ("Die Flut des Jahrhunderts kam im Juli.", [("im Juli", "2025-07-01", "2025-07-31", "month")]),
    ("Seine Vermessung begann bereits 1889.", [("1889", "1889-01-01", "1889-12-31", "year")]),
    ("Er hatte bereits 1500 Mitarbeiter.", []),
])
def test_targets_centuries_and_years_after_adverbs(text, expected):
    assert found(text, PubDate(2025, 8, 28)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Am Mittwoch legt die Agentur ihren neuen Bericht vor.", ("Am Mittwoch", "2025-11-05", "2025-11-05", "day")),
    ("Bereits am Freitag empfängt der Verein den Tabellenführer.", ("am Freitag", "2025-11-07", "2025-11-07", "day")),
    ("Am Montag stellte die Firma ihre Zahlen vor.", ("Am Montag", "2025-11-03", "2025-11-03", "day")),
    ("Seit Montag stellt die Firma keine Leute mehr ein.", ("Seit Montag", "2025-11-03", "2025-11-03", "day")),
    ("Für Freitag ruft die Gewerkschaft zu einer Kundgebung auf.", ("Für Freitag", "2025-11-07", "2025-11-07", "day")),
    ("Lokführer streiken ab Donnerstag", ("ab Donnerstag", "2025-11-06", "2025-11-06", "day")),
])
def test_the_present_tense_of_a_schedule_points_ahead(text, expected):
    assert found(text, PubDate(2025, 11, 4))[0] == expected
