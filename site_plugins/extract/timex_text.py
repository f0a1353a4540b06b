"""Clauses, tense and labels for timex; sentences are split by `sentences`.

Clause: the stretch of the sentence between ',' (not in "4,2"), ';', ': ', brackets or dashes
('–', '—', ' - ') around the expression; a comma right after the expression does not end it
("am Mittwoch, 12. März, in Mailand statt").

Tense of a clause: future when it has a future marker (wird, werden, will, soll, plant,
geplant, künftig, voraussichtlich, "zu" + infinitive, ...) and no past marker; past when it has
a past marker (hatte, war, wurde, worden, gewesen, common preterites such as stieg, sagte,
meldete, or "hat/haben/ist/sind" before a participle "ge-/ver-/be-/er-/ent-...t/en", "...iert")
and no future marker. A clause
with neither asks the whole sentence the same question; both at once means no clear tense.

Label: the clause without the expression (and without a preposition left dangling before it).
When that leaves fewer than three words, the next clause of the sentence (else the previous
one, else the clause with the expression) is the label. More than 12 words: the last 12
(German clauses end with their verb), moved left when needed so the word just before the
expression stays in; cuts are marked with '…'.
"""
from __future__ import annotations

import re

# not the comma of "4,2" nor the colon of "Nutzer:innen"
_CLAUSE_SEPARATOR = re.compile(r"(?<!\d),|,(?!\d)|[;()\[\]–—]|:(?=\s)|\s-\s")


def clause_bounds(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause around text[start:end] inside the sentence. An expression set
    off by a comma ("am Mittwoch, 12. März, in Mailand") does not end its clause there."""
    sentence_start, sentence_end = sentence
    left = sentence_start
    for m in _CLAUSE_SEPARATOR.finditer(text, sentence_start, start):
        left = m.end()
    right_match = _CLAUSE_SEPARATOR.search(text, end, sentence_end)
    if right_match and right_match.group(0) == "," and not text[end:right_match.start()].strip():
        right_match = _CLAUSE_SEPARATOR.search(text, right_match.end(), sentence_end)
    right = right_match.start() if right_match else sentence_end
    return left, right


def clauses(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    sentence_start, sentence_end = sentence
    bounds, left = [], sentence_start
    for m in _CLAUSE_SEPARATOR.finditer(text, sentence_start, sentence_end):
        bounds.append((left, m.start()))
        left = m.end()
    bounds.append((left, sentence_end))
    return bounds


_FUTURE_WORDS = frozenset(
    "wird werden wirst werdet würde würden will wollen soll sollen plant planen geplant künftig"
    " voraussichtlich demnächst bevorstehend bevorstehende bevorstehenden bevorstehender"
    " bevorstehendes anstehende anstehenden".split())
# verbs in the present tense that news uses for what is scheduled ("Am Mittwoch legt die Agentur
# ihren Bericht vor", "Am Freitag empfängt Brückenhagen den Tabellenführer"): read as future
_SCHEDULED_WORDS = frozenset(
    "legt legen stellt stellen beginnt beginnen startet starten tagt tagen trifft treffen empfängt"
    " empfangen spielt spielen eröffnet eröffnen entscheidet entscheiden berät beraten reist reisen"
    " besucht besuchen veröffentlicht veröffentlichen präsentiert präsentieren wählt wählen"
    " öffnet öffnen endet enden folgt folgen".split())
# verbs that report speech: the time of saying, not of what is said (see `tense`)
_REPORTING_WORDS = frozenset(
    "sagte sagten erklärte erklärten teilte teilten kündigte kündigten berichtete berichteten"
    " meldete meldeten nannte nannten sprach sprachen forderte forderten".split())
_PAST_WORDS = frozenset(
    "hatte hatten hattest war waren warst wurde wurden worden gewesen sagte sagten erklärte"
    " erklärten teilte teilten kündigte kündigten berichtete berichteten meldete meldeten gab"
    " gaben kam kamen ging gingen lag lagen stieg stiegen sank sanken fiel fielen schloss"
    " schlossen übernahm übernahmen verlor verloren gewann gewannen stellte stellten zeigte"
    " zeigten machte machten brachte brachten hieß blieb blieben begann begannen endete endeten"
    " startete starteten präsentierte präsentierten veröffentlichte veröffentlichten legte legten"
    " nannte nannten traf trafen sprach sprachen forderte forderten entschied beschloss"
    " beschlossen einigten wählte wählten starb erreichte erreichten verkaufte verkauften".split())
_AUXILIARIES = frozenset("hat haben hast habe ist sind bin".split())
_PARTICIPLE_PREFIXES = ("ge", "ver", "be", "er", "ent", "zer", "über")
_SEPARABLE_ZU = re.compile(r"(?:an|auf|aus|bei|ein|mit|nach|vor|vorbei|weiter|zurück)zu[a-zäöüß]+en")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+|[0-9]+")


def _is_participle(word: str) -> bool:
    return (len(word) > 5 and word.startswith(_PARTICIPLE_PREFIXES) and word.endswith(("t", "en"))) \
        or (len(word) > 6 and word.endswith("iert"))


def _tense_of(span: str, reporting: bool = True) -> str | None:
    tokens = _WORD.findall(span)
    words = [w.lower() for w in tokens]
    future = past = False
    auxiliary_seen = False
    for index, word in enumerate(words):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if word in _FUTURE_WORDS or word in _SCHEDULED_WORDS or _SEPARABLE_ZU.fullmatch(word) or \
                (word == "zu" and following.islower() and following.endswith("en")):  # not "38 zu 11 Stimmen"
            future = True
        elif (word in _PAST_WORDS and (reporting or word not in _REPORTING_WORDS)) or \
                (auxiliary_seen and _is_participle(word)):
            past = True
        auxiliary_seen = auxiliary_seen or word in _AUXILIARIES
    if future and past:
        return "mixed"
    return "future" if future else "past" if past else None


def tense(text: str, sentence: tuple[int, int], clause: tuple[int, int]) -> str | None:
    """'past', 'future' or None for the clause, falling back to the rest of the sentence; there a
    verb of saying does not count: in "„... im Herbst schließen müssen“, sagte sie" it dates the
    saying, not the closing."""
    found = _tense_of(text[clause[0]:clause[1]])
    if found is None:
        found = _tense_of(text[sentence[0]:sentence[1]], reporting=False)
    return None if found == "mixed" else found


_DANGLING = {"für", "an", "auf", "in", "im", "am", "um", "bis", "seit", "vor", "nach", "ab", "von",
             "vom", "zum", "zur", "gegen", "zwischen", "den", "dem", "der", "die", "das", "des"}
_TRIM = " \t\n„“\"»«‚‘’'.,;:!?-–—()[]"
MAX_LABEL_WORDS = 12


def label(text: str, sentence: tuple[int, int], start: int, end: int,
          clause: tuple[int, int] | None = None) -> str:
    """The label of the expression text[start:end] (rule in the module docstring)."""
    clause = clause or clause_bounds(text, sentence, start, end)
    before = _words(text[clause[0]:start])
    after = _words(text[end:clause[1]])
    if before and before[-1].lower() in _DANGLING:
        before = before[:-1]
    words, gap = before + after, len(before)
    if len(words) < 3:
        words, gap = _neighbour_words(text, sentence, clause, start, end)
    return _shorten(words, gap)


def _words(span: str) -> list[str]:
    return [word for word in span.split() if word.strip(_TRIM)]


def _neighbour_words(text, sentence, clause, start, end) -> tuple[list[str], int]:
    parts = clauses(text, sentence)
    for left, right in parts:
        if left >= clause[1] and len(_words(text[left:right])) >= 3:
            return _words(text[left:right]), 0
    for left, right in reversed(parts):
        if right <= clause[0] and len(_words(text[left:right])) >= 3:
            words = _words(text[left:right])
            return words, len(words)
    return _words(text[clause[0]:clause[1]]), len(_words(text[clause[0]:start]))


def _shorten(words: list[str], gap: int) -> str:
    if len(words) <= MAX_LABEL_WORDS:
        return " ".join(words).strip(_TRIM)
    first = len(words) - MAX_LABEL_WORDS
    if gap > 0 and first > gap - 1:
        first = gap - 1
    chosen = words[first:first + MAX_LABEL_WORDS]
    shown = " ".join(chosen).strip(_TRIM)
    if first > 0:
        shown = "… " + shown
    if first + MAX_LABEL_WORDS < len(words):
        shown += " …"
    return shown
