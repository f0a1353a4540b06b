"""Years written as bare numbers: "2023" is a date only where the words around it say so.

A four-digit number is a year when
- "Jahr" (im Jahr, des Jahres, in den Jahren) stands before it: part of the expression, 1000-2999;
- a preposition stands before it (seit, bis, ab, von, zwischen, nach, vor, für, in) and what
  follows is not a noun, a number, a unit or a currency ("seit 2019 leitet", not "ab 2000 Euro",
  not "von 1990 auf 2024"): the preposition is part of the expression, 1500-2099;
- a noun of dated events stands before it (Geschäftsjahr, Wahl, Saison, WM, Olympia, Stand):
  not part of the expression ("Weltmeisterschaft 2026" -> "2026"), 1500-2099;
- an adverb of time stands before it (bereits, schon, erst, damals, ...) and what follows is not
  a noun, a number, a unit or a currency ("begann bereits 1889."), 1500-2099;
- otherwise, when a lower-case word follows that is not an adjective before a noun and not a
  quantity word ("1985 gegründet", "2023 stieg der Umsatz", not "2023 neue Mitarbeiter",
  not "2023 Mitarbeiter"), 1500-2099;
- or, failing all that, as a weak mention kept only in a list or range of years ("2019, 2020");
- never after a word that makes it a name or a number ("Modell 2000", "Agenda 2030", "Nr. 2023").
"2023/24" and "2023/2024" are the two years together.
"""
from __future__ import annotations

import re

from .timex_lexicon import PART_RE
from .timex_resolve import Spec
from .timex_rules import Mention, _part, _prefix, _year

YEAR = re.compile(r"(?<![\w.,/-])(?P<y>\d{4})(?:/(?P<y2>\d{4}|\d{2}))?(?![\w]|[.,]\d|/\d|-\d)")

_YEAR_WORDS = frozenset("Jahr Jahre Jahres Jahren Jahrs".split())
_YEAR_WORD_LEADS = frozenset("im in den dem seit bis zum ab vom des das".split())
_PREPOSITIONS = frozenset("seit bis ab von vom zwischen nach vor für in".split())
_EVENT_NOUN_ENDINGS = ("wahl", "Wahl", "jahr", "jahres", "jahrs", "Saison", "Spielzeit", "WM", "EM",
                       "meisterschaft", "Meisterschaft", "Olympia", "Spiele", "Spielen", "Jahrgang",
                       "Jahrgangs", "Haushalt", "Stand", "Stand:")
# adverbs that place the number after them in time ("bereits 1889", "erst 2019"), unless what
# follows makes it an amount ("bereits 1500 Mitarbeiter")
_TIME_ADVERBS = frozenset("bereits schon erst noch zuletzt damals spätestens frühestens".split())
_NAME_WORDS = frozenset("Modell Version Typ Serie Nr. Nummer Platz Rang Zimmer Artikel Paragraf §"
                        " Windows Office Vision Agenda Tel. Postfach".split())
_NEXT_TOKEN = re.compile(r"\s*(\S*)")
_NEXT_WORDS = re.compile(r"\s+([a-zäöüß]+)(?:\s+(\S))?")

UNIT_WORDS = {"prozent", "euro", "dollar", "franken", "pfund", "mal", "stück", "mio", "mrd", "km",
              "kilometer", "meter", "tonnen", "millionen", "milliarden", "tausend", "x"}
QUANTITY_WORDS = UNIT_WORDS | {"mehr", "weniger", "rund", "etwa", "ca", "knapp", "fast", "über",
                               "unter", "neue", "neuen", "weitere", "weiteren", "zusätzliche",
                               "andere", "anderen", "pro", "je"}
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _weak_context_ok(text: str, end: int, preposition: str) -> bool:
    token = _NEXT_TOKEN.match(text, end).group(1)
    if not token or token[0] in ".,;:!?)»«“\"'–-":
        return True
    if token[0].isupper() or token[0].isdigit() or token[0] in "%€$£":
        return False
    word = token.rstrip(".,;:!?").lower()
    if word in UNIT_WORDS:
        return False
    return not (preposition == "von" and word == "auf")


def _free_context_ok(text: str, end: int) -> bool:
    words = _NEXT_WORDS.match(text, end)
    if not words:
        return False
    word, following = words.group(1), words.group(2) or ""
    if word in QUANTITY_WORDS:
        return False
    return not (word.endswith(_ADJECTIVE_ENDINGS) and following[:1].isupper())


_TOKEN = re.compile(r"\S+")


def year(m: re.Match, text: str) -> Mention | None:
    value = _year(m.group("y"))
    if value is None:
        return None
    end = m.end("y")
    second = m.group("y2")
    modulus = 100 if second and len(second) == 2 else 10000
    if second and int(second) % modulus == (value + 1) % modulus:
        end = m.end()
        spec = Spec("range", outer=Spec("year", year=value), inner=Spec("year", year=value + 1))
    else:
        spec = Spec("year", year=value)
    base = max(0, m.start() - 40)
    before = text[base:m.start()]
    if before and not before[-1].isspace():
        return None  # glued to what precedes it
    tokens = [(t.start() + base, t.group()) for t in _TOKEN.finditer(before)]
    if tokens:
        found = _context(tokens, text, m.start(), end, spec, value)
        if found is not False:
            return found
    if not 1500 <= value <= 2099:
        return None
    if _free_context_ok(text, end):
        return Mention(m.start(), end, spec, "", "year")
    return Mention(m.start(), end, spec, "", "year", weak=True)


def _context(tokens: list[tuple[int, str]], text: str, start: int, end: int, spec: Spec, value: int):
    """The mention the words before the year make; None: rejected; False: no such context."""
    last_start, last = tokens[-1]
    if last in _YEAR_WORDS:  # "im Jahr 2023", "in den Jahren 2019": part of the expression
        first, lead = last_start, ""
        if len(tokens) > 1 and tokens[-2][1].lower() in _YEAR_WORD_LEADS:
            first, lead = tokens[-2][0], tokens[-2][1].lower()
            if lead in ("den", "dem") and len(tokens) > 2 and tokens[-3][1].lower() == "in":
                first, lead = tokens[-3][0], "in " + lead
        return Mention(first, end, spec, lead, "year")
    if not 1500 <= value <= 2099 or last in _NAME_WORDS:
        return None  # "Modell 2000", "Agenda 2030": names and numbers, not years
    if last.lower() in _PREPOSITIONS:  # "seit 2019": the preposition is part of it
        if not _weak_context_ok(text, end, last.lower()):
            return None
        return Mention(last_start, end, spec, last.lower(), "year")
    if last.endswith(_EVENT_NOUN_ENDINGS):  # "Weltmeisterschaft 2026": the noun is not
        return Mention(start, end, spec, "", "year")
    if last.lower() in _TIME_ADVERBS and _weak_context_ok(text, end, ""):  # "begann bereits 1889."
        return Mention(start, end, spec, "", "year")
    return False


YEAR_PART = re.compile(rf"""
    (?<![\w])(?P<pre>(?i:bis\s+zum|bis|seit|ab|von|vom|zum|gegen|zu)\s+)?
    (?P<part>{PART_RE})\s+(?:(?i:des\s+Jahres)\s+)?(?<![\w.,])(?P<y>\d{{4}})(?![\w]|[.,]\d)
""", re.VERBOSE)


def year_part(m: re.Match, text: str) -> Mention | None:
    value = _year(m.group("y"))
    if value is None:
        return None
    return Mention(m.start(), m.end(), Spec("year", year=value, part=_part(m)), _prefix(m), "year")
