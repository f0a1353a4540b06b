"""Key figures in German text: money, percent, counts and quantities, normalized.

``find_figures(text)`` reads every numeral that :mod:`site_plugins.numbers_de` finds and keeps
those that are key figures:

- money: a currency after the number ("40 Milliarden US-Dollar", "2,5 Mio. Euro", "94.000 $",
  "12 500 EUR", "16,4 Millionen kanadischen Dollar") or a symbol or ISO code before it
  ("$5 Mio.", "CHF 12", "US$ 3"). Currency words are CLDR's German names and plurals from babel
  (adjectives declined: "kanadischen Dollar"), the ISO codes, CLDR's symbols and a few colloquial
  names. ``unit_assumed`` is True for a bare "Dollar" or "$" read as USD (not for "US-Dollar",
  "US$", "USD"); other colloquial names are read as their usual currency without the flag:
  "Pfund" GBP, "Franken" CHF, "Yuan"/"Renminbi" CNY, "Yen" and "¥" JPY, "Rupien" INR, "Lira" TRY.
- percent: "3,5 Prozent", "27%" (unit "%"); "15 Prozentpunkte" (unit "pp").
- quantity: a number with a unit of measurement ("5 Mio. Tonnen" -> unit "t", "2 GW",
  "2,11 Meter" -> "m", "130 Kilometer pro Stunde" / "50 km/h" -> "km/h", "5.200
  Milliamperestunden" -> "mAh").
- count: a number with a scale word ("1,2 Billionen", "5 Millionen Nutzer"), or a number
  followed by the noun it counts, with at most two adjectives between ("320'000 Mitarbeitern",
  "1.500 neue Stellen", "85 Gemälde"): from 1000 in any form, from 10 where written in digits
  and not right after a name or noun ("Artikel 20 Grundgesetz", "iPhone 15 Pro" are
  identifiers). A bare four-digit number from 1800 to 2100 is a year, not a count, unless an
  approximation word precedes it ("rund 2000 Beschäftigte"). A bare whole number from 10 later
  in the sentence of a count, with no noun of its own, counts the same thing ("398 Abgeordnete,
  271 votierten dagegen"; not "Platz 12", not "am 15. März"). Other bare numbers, numbers below ten and
  number words below 1000 ("drei Gründer"), ordinals ("31."), dates, versions ("GPT-4",
  "o3-mini"), phone numbers and vague amounts ("Milliardeninvestitionen", "Millionen Nutzer")
  are not figures.

A bare number before "bis", a dash, or in "zwischen ... und", shares the scale and unit of the
figure that follows: "3 bis 5 Milliarden Euro" gives 3e9 EUR and 5e9 EUR; in a tally or a share
("mit 38 zu 11 Stimmen", "900 seiner 4.100 Stellen") both numbers count the same thing.

``approximate`` is True where one of the words in ``_APPROX_RE`` (rund, etwa, circa, ca., knapp,
fast, gut, über, mehr als, bis zu, ...) stands right before the figure: approximations and bounds
alike. The figure's text and offsets leave those words out. For ``label`` see ``_label``.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from babel import Locale
from babel.numbers import get_currency_symbol, list_currencies

from site_plugins.model import Figure
from site_plugins.numbers_de import NumberSpan, find_numbers, scaled

from .sentences import Sentences

__all__ = ["find_figures"]

_SP = "[ \u00a0\u202f]"
_ADJECTIVE_ENDING_RE = re.compile(r"e[mnrs]?$")
_GENDER_SUFFIX_RE = re.compile(r"(?:[:*/_]i|I)nnen$")


def _phrase_lexicon() -> dict[str, tuple[str, str, bool]]:
    """Currency names and percent words (key, see _key) -> (kind, unit, unit_assumed)."""
    de = Locale("de")
    lexicon: dict[str, tuple[str, str, bool]] = {}
    for code in sorted(de.currencies):
        if code.startswith("X") and code not in ("XAF", "XOF", "XCD", "XPF"):
            continue  # metals, test and fund codes
        plural = de._data["currency_names_plural"].get(code)
        for name in (de.currencies[code], *(plural.values() if plural is not None else ())):
            if "(" not in name:  # "(1977–1990)": a former currency of the same name
                lexicon.setdefault(_key(name), ("money", code, False))
    colloquial = {"Dollar": "USD", "Pfund": "GBP", "Pfund Sterling": "GBP", "Franken": "CHF",
                  "Yuan": "CNY", "Renminbi": "CNY", "Yen": "JPY", "Rubel": "RUB", "Rupie": "INR",
                  "Rupien": "INR", "Won": "KRW", "Lira": "TRY"}
    lexicon.update({_key(name): ("money", code, name == "Dollar") for name, code in colloquial.items()})
    lexicon.update({"prozent": ("percent", "%", False), "prozentpunkt": ("percent", "pp", False),
                    "prozentpunkte": ("percent", "pp", False), "prozentpunkten": ("percent", "pp", False)})
    return lexicon


def _key(phrase: str) -> str:
    """Lower case, adjective endings dropped: 'Kanadischer Dollar', 'kanadischen Dollar' ->
    'kanadisch dollar'."""
    words = phrase.lower().split()
    return " ".join([_ADJECTIVE_ENDING_RE.sub("", word) for word in words[:-1]] + words[-1:])


def _currency_symbols() -> dict[str, tuple[str, bool]]:
    symbols: dict[str, tuple[str, bool]] = {}
    for code in list_currencies():
        for locale in ("de", "en"):
            symbol = get_currency_symbol(code, locale)
            if symbol != code and symbol not in ("Cg.", "öS", "¤"):
                symbols.setdefault(symbol, (code, False))
    symbols.update({"$": ("USD", True), "¥": ("JPY", False), "US$": ("USD", False),
                    "₽": ("RUB", False), "₺": ("TRY", False)})
    return symbols


_PHRASES = _phrase_lexicon()
_SYMBOLS = _currency_symbols()
# ISO codes that are also common words or abbreviations are never read as currencies.
_CODES = frozenset(list_currencies()) - {"ALL", "TOP", "CUP", "MOP", "BAM", "ANG", "BOB", "PEN",
                                         "PHP", "SOS", "MAD", "STD", "GEL", "AMD", "XXX", "XTS"}
# Units of measurement, matched as written (KW is not kW); the unit is the symbol.
_UNITS = {"Tonnen": "t", "Tonne": "t", "Kilogramm": "kg", "kg": "kg", "Kilometer": "km", "km": "km",
          "Quadratkilometer": "km²", "km²": "km²", "Quadratmeter": "m²", "m²": "m²", "qm": "m²",
          "Hektar": "ha", "ha": "ha", "Liter": "l", "Barrel": "Barrel", "Kilowatt": "kW", "kW": "kW",
          "Megawatt": "MW", "MW": "MW", "Gigawatt": "GW", "GW": "GW", "Kilowattstunden": "kWh",
          "kWh": "kWh", "Megawattstunden": "MWh", "MWh": "MWh", "Gigawattstunden": "GWh",
          "GWh": "GWh", "Terawattstunden": "TWh", "TWh": "TWh", "Gigabyte": "GB", "GB": "GB",
          "Terabyte": "TB", "TB": "TB", "Petabyte": "PB", "PB": "PB", "Grad Celsius": "°C",
          "Meter": "m", "Metern": "m", "Zentimeter": "cm", "Zentimetern": "cm", "cm": "cm",
          "Millimeter": "mm", "Millimetern": "mm", "mm": "mm", "Kilometern": "km", "Litern": "l",
          "Milliliter": "ml", "ml": "ml", "Kubikmeter": "m³", "Kubikmetern": "m³", "m³": "m³",
          "Gramm": "g", "Milligramm": "mg", "mg": "mg", "Mikrogramm": "µg", "µg": "µg",
          "Megabyte": "MB", "MB": "MB", "Watt": "W", "Kilometer pro Stunde": "km/h",
          "Stundenkilometer": "km/h", "Stundenkilometern": "km/h", "Milliamperestunden": "mAh",
          "mAh": "mAh", "Amperestunden": "Ah", "Ah": "Ah", "Volt": "V", "Kilovolt": "kV", "kV": "kV",
          "Hertz": "Hz", "Megahertz": "MHz", "MHz": "MHz", "Gigahertz": "GHz", "GHz": "GHz"}
_symbol_alt = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_SYMBOL_AFTER_RE = re.compile(
    rf"{_SP}?(?:(?P<percent>%)(?![\w%])|(?P<celsius>°C)|(?P<speed>km/h)|(?P<symbol>{_symbol_alt}))(?![^\W\d_])")
_CURRENCY_BEFORE_RE = re.compile(
    rf"(?<![\w$])(?:(?P<dollar>(?i:[a-z]{{2,3}})\$)|(?P<symbol>{_symbol_alt})|(?P<code>[A-Z]{{3}}))"
    rf"{_SP}?\Z")
_NEXT_WORD_RE = re.compile(rf"(?:{_SP}+|-)(?P<word>[^\W\d_][\w-]*)")
_APPROX_RE = re.compile(
    r"(?<![\w.])(?P<word>(?i:rund|etwa|ungefähr|circa|ca\.|zirka|knapp|fast|beinahe|nahezu|annähernd|gut|"
    r"über|mehr als|weniger als|mindestens|höchstens|bis zu|um die|schätzungsweise|geschätzte?n?))"
    rf"{_SP}+\Z")
# what the word says about the figure: a bound is not an estimate ("bis zu 40 Mrd." is no "rund")
_QUALIFIERS = {"knapp": "almost", "fast": "almost", "beinahe": "almost", "nahezu": "almost",
               "annähernd": "almost", "gut": "more than", "über": "more than", "mehr als": "more than",
               "weniger als": "less than", "mindestens": "at least", "höchstens": "up to",
               "bis zu": "up to"}
_WORD_RE = re.compile(rf"{_SP}+(?P<word>[^\W\d_][\w-]*(?:[:*/_][Ii]nnen)?)")
_RANGE_GAP_RE = re.compile(
    rf"{_SP}*(?:bis|–|—|-){_SP}*|{_SP}+(?:und|zu|auf|von|seiner|ihrer|der|dieser|unserer){_SP}+")
_ZWISCHEN_RE = re.compile(rf"(?<!\w)(?i:zwischen){_SP}+\Z")
_YEAR_RE = re.compile(r"(?:18|19|20)[0-9]{2}|2100")
# the word right before a number, and whether it opens a sentence ("Rund 20 Mitarbeiter")
_WORD_BEFORE_RE = re.compile(rf"(?P<start>(?:^|[.!?:]{_SP}+|\n)[\W]*)?(?P<word>[^\W\d_][\w-]*){_SP}+\Z")
_NOT_COUNTED = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember Montag "
    "Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Uhr Mal Sekunden Minuten Stunden Tage "
    "Tagen Wochen Monate Monaten Jahr Jahre Jahren Jahrzehnte Jahrzehnten Jahrhunderte".split())
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_FUNCTION_WORDS = frozenset(
    "die der den dem des eine einer einen einem eines keine seine ihre diese jene welche sie wie "
    "oder aber über unter wieder später mehr immer weniger vor nach hinter neben zwischen wegen "
    "gegen ohne seit bis je pro zu zur zum und sowie".split())


class _Reading(NamedTuple):
    kind: str
    unit: str | None
    assumed: bool
    start: int
    end: int
    noun: str  # the counted noun, for counts


def find_figures(text: str) -> list[Figure]:
    """The key figures in ``text``, in order of their offsets."""
    spans = find_numbers(text)
    readings = [_read(text, span) for span in spans]
    sentences = Sentences(text)
    figures = []
    last_count: _Reading | None = None  # the count before, for "398 Abgeordnete, 271 dagegen"
    for index, (span, reading) in enumerate(zip(spans, readings)):
        following = readings[index + 1] if index + 1 < len(readings) else None
        value = span.value
        if following is not None and _opens_range(text, span, reading, spans[index + 1], following):
            value = scaled(span.value, spans[index + 1].scale) if span.scale == 1 else span.value
            reading = following._replace(start=span.start, end=span.end)
        if reading is None and last_count is not None:
            reading = _elided_count(text, span, last_count, sentences)
        if reading is None:
            continue
        if reading.kind == "count":
            last_count = reading
        approx = _APPROX_RE.search(text, max(0, reading.start - 20), reading.start)
        approximate = approx is not None
        qualifier = _QUALIFIERS.get(" ".join(approx.group("word").lower().split()), "about") if approx else None
        if reading.kind == "count" and _YEAR_RE.fullmatch(span.text) and not approximate:
            continue
        label = reading.noun or _label(sentences, reading.start, reading.end)
        figures.append(Figure(text[reading.start:reading.end], reading.start, reading.end, reading.kind,
                              value, reading.unit, approximate, reading.assumed, label, qualifier))
    return figures


def _read(text: str, span: NumberSpan) -> _Reading | None:
    """What follows (or precedes) the numeral: percent, currency, unit, or counted noun."""
    start, end = span.start, span.end
    if match := _SYMBOL_AFTER_RE.match(text, end):
        if match.group("symbol"):
            return _Reading("money", *_SYMBOLS[match.group("symbol")], start, match.end(), "")
        unit = "%" if match.group("percent") else match.group("celsius") or match.group("speed")
        return _Reading("percent" if unit == "%" else "quantity", unit, False, start, match.end(), "")
    if found := _unit_after(text, end):
        kind, unit, assumed, unit_end = found
        return _Reading(kind, unit, assumed, start, unit_end, "")
    if match := _CURRENCY_BEFORE_RE.search(text, max(0, start - 5), start):
        if currency := _currency_before(match):
            return _Reading("money", *currency, match.start(), end, "")
    noun = _counted_noun(text, end) or _counted_before(text, start)
    if span.scale >= 1000 or (noun and (span.value >= 1000 or _small_count(text, span))):
        return _Reading("count", None, False, start, end, noun)
    return None


_AFTER_ELIDED_RE = re.compile(rf"{_SP}*(?:[,.;:)“”\"»«]|[a-zäöüß])")


def _elided_count(text: str, span: NumberSpan, count: _Reading, sentences: Sentences) -> _Reading | None:
    """"Für das Gesetz stimmten 398 Abgeordnete, 271 votierten dagegen": a bare whole number
    from 10 in the sentence of a count, followed by no noun of its own, counts the same thing."""
    if not (span.text.replace(".", "").isdigit() and span.value >= 10 and span.scale == 1) \
            or _YEAR_RE.fullmatch(span.text) or not _AFTER_ELIDED_RE.match(text, span.end) \
            or _is_identifier(text, span) or _is_ordinal(text, span.end, sentences):
        return None
    if sentences.around(count.start) != sentences.around(span.start):
        return None
    return _Reading("count", None, False, span.start, span.end, count.noun)


def _is_ordinal(text: str, end: int, sentences: Sentences) -> bool:
    """"am 15. März", "in der 88. Minute", "15.3.": a day or an ordinal, not a count; the period
    after it does not end the sentence ("... dagegen 271. Die Sitzung" does)."""
    if text[end:end + 1] != ".":
        return False
    after = len(text) - len(text[end + 1:].lstrip())
    return after < len(text) and sentences.around(end) == sentences.around(after)


def _small_count(text: str, span: NumberSpan) -> bool:
    """"85 Gemälde", "140 Mitarbeiter": a whole number from 10 written in digits (news writes
    smaller ones as words, and "zwei Gründer" is no key figure), not an identifier after a
    name or noun ("Artikel 20 Grundgesetz", "iPhone 15 Pro", "Linie 12 Richtung Bahnhof")."""
    return span.text.isdigit() and span.value >= 10 and not _is_identifier(text, span)


def _is_identifier(text: str, span: NumberSpan) -> bool:
    """A number right after a capitalized word inside a sentence names something ("Artikel 20",
    "Platz 12"); "Rund 20 Mitarbeiter" at a sentence's start is a count."""
    before = _WORD_BEFORE_RE.search(text, max(0, span.start - 40), span.start)
    if before is None or before.group("start") is not None:
        return False
    return any(ch.isupper() for ch in before.group("word"))


def _unit_after(text: str, pos: int) -> tuple[str, str, bool, int] | None:
    """(kind, unit, assumed, end) of the longest currency, percent or unit phrase of up to three
    words after ``pos``; a hyphenated word also by its first parts ("Dollar-Kredit")."""
    words = []
    for _ in range(3):
        if (match := _NEXT_WORD_RE.match(text, pos)) is None:
            break
        words.append(match)
        pos = match.end()
    for count in range(len(words), 0, -1):
        if found := _lookup(text[words[0].start("word"):words[count - 1].end()]):
            return (*found, words[count - 1].end())
    word = words[0].group("word") if words else ""
    for cut in [index for index, char in enumerate(word) if char == "-"][::-1]:
        if found := _lookup(word[:cut]):
            return (*found, words[0].start("word") + cut)
    return None


def _lookup(phrase: str) -> tuple[str, str, bool] | None:
    if phrase in _UNITS:
        return "quantity", _UNITS[phrase], False
    if phrase in _CODES:
        return "money", phrase, False
    return _PHRASES.get(_key(phrase))


def _currency_before(match: re.Match[str]) -> tuple[str, bool] | None:
    if dollar := match.group("dollar"):
        letters = dollar[:-1].upper()
        code = "USD" if letters == "US" else letters
        return (code, False) if code in _CODES else _SYMBOLS.get(dollar)
    if symbol := match.group("symbol"):
        return _SYMBOLS[symbol]
    code = match.group("code")
    return (code, False) if code in _CODES else None


def _counted_noun(text: str, pos: int) -> str:
    """The noun right after a number, past at most two adjectives; "" if there is none."""
    for _ in range(3):
        match = _WORD_RE.match(text, pos)
        if match is None:
            return ""
        word = match.group("word").rstrip("-")
        if word[0].isupper():
            return "" if word in _NOT_COUNTED else _noun_base(word)
        if word in _FUNCTION_WORDS or not word.endswith(_ADJECTIVE_ENDINGS):
            return ""
        pos = match.end()
    return ""


# "die Zahl der Beschäftigten steigt von 1.450 auf 2.100": the counted noun before the number
_COUNTED_BEFORE_RE = re.compile(r"\b(?:Zahl|Anzahl) der (?P<noun>[A-ZÄÖÜ][\w-]+)[^.!?;:]{0,60}$")


def _counted_before(text: str, start: int) -> str:
    """The noun of "die Zahl der X" shortly before `start`, in the same clause; "" if none."""
    match = _COUNTED_BEFORE_RE.search(text, max(0, start - 100), start)
    return _noun_base(match.group("noun")) if match else ""


def _noun_base(word: str) -> str:
    """Drop a gender suffix and the dative plural -n: 'Mitarbeitern' -> 'Mitarbeiter'."""
    word = _GENDER_SUFFIX_RE.sub("", word)
    if word.endswith(("ern", "eln")) and word not in ("Eltern", "Ostern"):
        return word[:-1]
    return word


def _opens_range(text: str, span: NumberSpan, reading: _Reading | None, nxt: NumberSpan,
                 following: _Reading) -> bool:
    """True if ``span`` is the bare lower end of a range whose upper end is ``nxt``, or the
    first of a tally, a share or a change of counts ("mit 38 zu 11 Stimmen", "900 seiner 4.100
    Stellen", "von 180 auf 400 Leute")."""
    if reading is not None and (reading.kind != "count" or reading.noun or span.scale == 1):
        return False
    gap = _RANGE_GAP_RE.fullmatch(text, span.end, nxt.start)
    if gap is None:
        return False
    if gap.group().strip() not in ("bis", "–", "—", "-", "und"):  # "38 zu 11", "900 seiner 4.100 Stellen"
        return following.kind == "count" and span.scale == 1 == nxt.scale
    if "und" in gap.group():
        return _ZWISCHEN_RE.search(text, max(0, span.start - 12), span.start) is not None
    return not _YEAR_RE.fullmatch(span.text)


# --- label -------------------------------------------------------------------------------------

_MEASURE_HEADS = tuple(
    "finanzierungsrunde finanzierung bewertung wert umsatz erlös gewinn verlust ergebnis "
    "investition preis kosten budget etat haushalt schulden defizit dividende gehalt vergütung lohn "
    "miete strafe bußgeld auftrag volumen einnahmen ausgaben kapital vermögen förderung subvention "
    "zuschuss kredit darlehen anleihe schaden rendite summe betrag zahlung übernahme vertrag "
    "transaktion spende steuer gebühr anteil wachstum zuwachs rückgang inflation quote rate zinsen "
    "zinssatz leitzins steigerung beteiligung mehrheit produktion kapazität leistung verbrauch "
    "ausstoß emission fläche reichweite speicher".split())
_MEASURE_WORDS = frozenset({"plus", "minus", "deal", "ebit", "ebitda"})
_VERB_LABELS = {
    **dict.fromkeys("einsammeln einsammelt eingesammelt sammeln sammelt sammelte gesammelt "
                    "einwerben eingeworben".split(), "Finanzierung"),
    **dict.fromkeys("investieren investiert investierte investierten".split(), "Investition"),
    **dict.fromkeys("kosten kostet kostete kosteten".split(), "Preis"),
    **dict.fromkeys("zahlen zahlt zahlte zahlten gezahlt bezahlt bezahlen".split(), "Zahlung"),
    **dict.fromkeys("verdienen verdient verdiente verdienten".split(), "Gewinn"),
    **dict.fromkeys("kaufen kauft kaufte gekauft übernehmen übernimmt übernahm übernommen "
                    "erwerben erwirbt erwarb erworben".split(), "Kaufpreis"),
    **dict.fromkeys("wert bewertet bewerten".split(), "Bewertung"),
    **dict.fromkeys("spenden spendet spendete gespendet".split(), "Spende"),
    **dict.fromkeys("fördern fördert förderte gefördert".split(), "Förderung"),
}
_CLAUSE_RE = re.compile(r"[,;:](?=\s)|[()–—]| - ")
_LABEL_WORD_RE = re.compile(r"[^\W\d_][\w-]*")
_PRO_RE = re.compile(rf"{_SP}+(?:pro|je){_SP}+[A-ZÄÖÜ][\w-]*")
_CONTEXT = 200  # characters of a long sentence kept on each side of the figure
_NEAR = 120  # characters of the clause looked at on each side of the figure


def _label(sentences: Sentences, start: int, end: int) -> str:
    """What a money, percent or quantity figure measures, from its sentence; "" if nothing fits.

    The first that fits: a measure noun right after the figure ("3 Mrd. Euro Umsatz"); the
    nearest one before it in its clause ("Umsatz von 3 Mrd. Euro"); the nearest one after it in
    its clause; a verb in its clause that names the measure ("einsammeln" -> "Finanzierung",
    "investieren" -> "Investition", "kostet" -> "Preis", see _VERB_LABELS); if the clause has no
    noun before the figure ("Der Umsatz, der stark stieg, lag bei 3 Mrd. Euro"), the measure noun
    nearest to it elsewhere in the sentence. A measure noun is a capitalized word whose form without a
    case ending (-es, -s, -en, -n, -e) is in _MEASURE_WORDS or ends with one of _MEASURE_HEADS
    ("Quartalsumsatz"). A "pro/je <Noun>" right after the figure is added ("Dividende pro Aktie")
    or is the label alone ("pro Aktie").
    """
    text = sentences.text
    sentence = (max(sentences.around(start)[0], start - _CONTEXT),
                min(sentences.around(end - 1)[1], end + _CONTEXT))
    clause = _clause_bounds(text, *sentence, start, end)
    before = [word for _, word in _words(text, max(clause[0], start - _NEAR), start)][::-1]
    after = [word for _, word in _words(text, end, min(clause[1], end + _NEAR))]
    label = _clause_label(text, end, before, after)
    if label is None and not any(word[0].isupper() for word in before):
        label = _nearest_measure(text, sentence, clause, start)
    pro = _PRO_RE.match(text, end)
    return f"{label or ''} {pro.group().strip()}".strip() if pro else label or ""


def _clause_label(text: str, end: int, before: list[str], after: list[str]) -> str | None:
    """``before``: the clause's words before the figure, nearest first; ``after``: after it."""
    if after and _is_adjacent(text, end, after[0]) and (label := _measure(after[0])):
        return label
    return (_first(_measure, before) or _first(_measure, after)
            or _first(lambda word: _VERB_LABELS.get(word.lower()), before + after))


def _clause_bounds(text: str, low: int, high: int, start: int, end: int) -> tuple[int, int]:
    clause_start = low
    for match in _CLAUSE_RE.finditer(text, low, start):
        clause_start = match.end()
    following = _CLAUSE_RE.search(text, end, high)
    return clause_start, following.start() if following else high


def _words(text: str, low: int, high: int) -> list[tuple[int, str]]:
    return [(match.start(), match.group()) for match in _LABEL_WORD_RE.finditer(text, low, high)]


def _is_adjacent(text: str, end: int, word: str) -> bool:
    return text[end:end + len(word) + 1].strip() == word


def _first(rule, words: list[str]) -> str | None:
    return next((label for label in map(rule, words) if label), None)


@functools.lru_cache(maxsize=8192)
def _measure(word: str) -> str | None:
    """The measure noun that ``word`` is, without its case ending; None if it is none."""
    if not word[0].isupper():
        return None
    lower = word.lower()
    for ending in ("", "es", "s", "en", "n", "e"):
        if not lower.endswith(ending):
            continue
        base = lower[:len(lower) - len(ending)]
        if base in _MEASURE_WORDS or base.endswith(_MEASURE_HEADS):
            return word[:len(base)]
    return None


def _nearest_measure(text: str, sentence: tuple[int, int], clause: tuple[int, int],
                     anchor: int) -> str | None:
    """The measure noun outside the figure's clause but in its sentence nearest to ``anchor``."""
    candidates = _words(text, sentence[0], clause[0]) + _words(text, clause[1], sentence[1])
    for _, word in sorted(candidates, key=lambda item: abs(item[0] - anchor)):
        if label := _measure(word):
            return label
    return None
