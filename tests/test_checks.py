"""Translation checks: exact problems on pairs the team wrote; the benchmark data passes."""
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.translate.checks import Problem, check_batch_line, check_pair
from site_plugins.translate.glossary import Glossary

PAIRS = Path(__file__).parent / "data" / "check_pairs.jsonl"
SHORT_BY = "English is {:.2f} times the German length, shorter than expected (0.62-1.45): a clause may be lost or added"


def test_matching_numbers_in_every_notation_pass():
    assert check_pair("Der Umsatz stieg um 3,5 Prozent auf 40 Milliarden US-Dollar.",
                      "Revenue rose 3.5% to $40bn.") == []
    assert check_pair("Die Schulden liegen bei 36 Billionen Dollar, 2,5 Mio. mehr als am 31. Januar 2025.",
                      "The debt stands at $36 trillion, 2.5 million more than on January 31, 2025.") == []
    assert check_pair("Zehn Menschen wurden verletzt, die Hälfte davon schwer.",
                      "10 people were injured, half of them seriously.") == []
    assert check_pair("Um 14.30 Uhr am 31.01.2025 begann die Sitzung.",
                      "The meeting began at 2:30 p.m. on January 31, 2025.") == []


def test_changed_number_is_reported_on_both_sides():
    assert check_pair("Der Umsatz stieg um 3,5 Prozent auf 40 Milliarden Euro.",
                      "Revenue rose 4.5% to 40 billion euros.") == [
        Problem("number", "German '3,5' (3.5) has no match in English"),
        Problem("number", "English '4.5' (4.5) has no match in German")]


def test_german_billion_is_english_trillion():
    assert check_pair("Die Staatsschulden betragen 36 Billionen Dollar.",
                      "The national debt is 36 billion dollars.") == [
        Problem("number", "German '36 Billionen' (36,000,000,000,000) has no match in English"),
        Problem("number", "English '36 billion' (36,000,000,000) has no match in German")]


def test_number_words_count_only_against_another_mismatch():
    assert check_pair("Sie wurde zum ersten Mal gewählt.", "She was elected for the first time.") == []
    assert check_pair("Zehn Menschen wurden verletzt.", "Eleven people were injured.") == [
        Problem("number", "German 'Zehn' (10) has no match in English"),
        Problem("number", "English 'Eleven' (11) has no match in German")]


def test_dropped_names_are_reported():
    assert check_pair("Bundeskanzler Olaf Scholz traf sich am Montag in Rom mit Giorgia Meloni.",
                      "Chancellor Olaf Scholz met Giorgia Meloni on Monday.") == [
        Problem("name", "'Rom' (English: 'Rome') is missing in English")]
    assert check_pair("Der Apple-Chef Tim Cook besuchte Wien.", "The Apple boss visited Vienna.") == [
        Problem("name", "'Tim' is missing in English"), Problem("name", "'Cook' is missing in English")]
    assert check_pair("Italien ist der wichtigste Partner.", "Spain is the most important partner.") == [
        Problem("name", "'Italien' (English: 'Italy') is missing in English")]


def test_common_nouns_and_genitives_are_not_names():
    assert check_pair("Deutschlands Wirtschaft wächst, sagte Siemens-Chef Roland Busch.",
                      "Germany's economy is growing, said Siemens CEO Roland Busch.") == []
    assert check_pair("Die Kosten für den Versicherer sind gestiegen.",
                      "Costs for the insurer have risen.") == []


def test_registry_names_are_used():
    names = [("Deutschlandfunk", "Deutschlandradio")]
    assert check_pair("Der Deutschlandfunk berichtet.", "Deutschlandradio reports.", names=names) == []
    assert check_pair("Der Deutschlandfunk berichtet.", "The radio reports.", names=names) == [
        Problem("name", "'Deutschlandfunk' (English: 'Deutschlandradio') is missing in English")]


def test_lost_quotation_is_reported():
    assert check_pair("„Wir sind zufrieden“, sagte Busch.", "\"We are satisfied,\" said Busch.") == []
    assert check_pair("„Wir sind zufrieden“, sagte Busch.", "We are satisfied, said Busch.") == [
        Problem("quote", "quotations: German 1, English 0")]
    assert check_pair("Er sprach von einem »Wendepunkt«.", "He spoke of a “turning point”, it's said.") == []


def test_empty_and_untranslated_english():
    assert check_pair("Ein Satz.", "  ") == [Problem("empty", "English is empty")]
    assert check_pair("", "") == []
    german = "Die Regierung hat das Gesetz nicht beschlossen."
    assert check_pair(german, german) == [
        Problem("untranslated", "English looks German (4 German function words, 0 English)")]


def test_lost_clause_is_reported_by_length():
    de = "Die Regierung hat das Gesetz am Freitag nach langer Debatte im Bundestag beschlossen."
    en = "The government passed the law on Friday."
    assert check_pair(de, en) == [Problem("length", SHORT_BY.format(len(en) / len(de)))]


def test_glossary_problems_come_from_the_glossary_module():
    glossary = Glossary(pairs=(("Bundesrat", "Federal Council"),))
    assert check_pair("Der Bundesrat stimmte zu.", "The Bundesrat agreed.", glossary=glossary) == [
        Problem("glossary", "'Bundesrat' should be 'Federal Council'")]


def test_batch_line():
    assert check_batch_line({"id": "a", "de": "Zehn Menschen.", "en": "Ten people."}) == {
        "id": "a", "problems": []}
    assert check_batch_line({"id": 7, "de": "Ein Satz."}) == {"id": 7, "problems": [
        {"kind": "input", "detail": "expected a string in 'en', found nothing"}]}
    assert check_batch_line(["de", "en"]) == {"id": None, "problems": [
        {"kind": "input", "detail": "expected a JSON object, found list"}]}
    assert check_batch_line({"id": "b", "de": 3, "en": "x"})["problems"][0]["kind"] == "input"


def test_correct_pairs_of_the_benchmark_pass():
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    assert len(pairs) >= 120
    alarms = {p["id"]: check_pair(p["de"], p["en"]) for p in pairs}
    assert {k: v for k, v in alarms.items() if v} == {}


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), st.lists(st.tuples(st.text(), st.text()), max_size=3))
def test_never_raises(de, en, names):
    assert all(isinstance(p, Problem) for p in check_pair(de, en, names=names))
    assert isinstance(check_batch_line({"id": 1, "de": de, "en": en})["problems"], list)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789,. MilardenBiouxProzent%$€„“\"»«-", max_size=40),
       st.text(alphabet="0123456789,. millionbtr%$€\"“”'-", max_size=40))
def test_never_raises_on_number_soup(de, en):
    check_pair(de, en)


def test_weekdays_and_months_are_translated_not_kept():
    de = "Am Montag verlor Nvidia im Januar fast 17 Prozent."
    assert check_pair(de, "On Monday, Nvidia lost almost 17 percent in January.") == []
    assert check_pair(de, "On Tuesday, Nvidia lost almost 17 percent in January.") == [
        Problem("name", "'Montag' (English: 'Monday') is missing in English")]


def test_a_registry_name_adds_an_english_form_and_keeps_the_built_in_ones():
    names = [("USA", "United States")]
    assert check_pair("Die App führt in den USA.", "The app leads in the US.", names=names) == []
    assert check_pair("Die App führt in den USA.", "The app leads in the United States.", names=names) == []
    assert check_pair("Die App führt in den USA.", "The app leads in Canada.", names=names) == [
        Problem("name", "'USA' (English: 'United States') is missing in English")]
