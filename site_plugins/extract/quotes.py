"""Direct quotes in German news text and who said them.

`find_quotes(text)` works in three linear passes, no backtracking regex:

1. Spans: the quotation marks are listed once; a small state machine pairs each opener with the
   first closer of its kind („…“ „…” ‚…‘ »…« «…» “…” "…"). A pair must lie in one paragraph (a
   blank line ends it) and be at most MAX_QUOTE_CHARS long, else the opener is dropped. Marks of
   another kind inside a quote (‚…‘ in „…“) belong to the outer quote. Same-kind nesting is not
   tracked: the first matching closer ends the quote.
   A quote that runs over paragraphs (German style: no closing mark at the paragraph end) is
   therefore not found.
2. Speaker: tried in this order, on the quote's sentence with other quotes masked out:
   ", so X" / ", sagte X" / ", hat X gesagt" / ", lässt sich X zitieren" right after the quote
   (the comma is required); "X sagte:" / "wie X erklärt:" / "X, Y, sagte:" before a colon;
   "laut X", "nach Angaben von X", "X zufolge" or a speech verb anywhere in the sentence
   ("X erklärte dem Magazin, dass … „…“"); for a quote that opens its sentence, "Mit diesen
   Worten … X" in the next sentence, else the person of the previous sentence (or paragraph).
   A speaker is a noun phrase that ends at a comma or a lowercase word, so relative clauses,
   "gegenüber Wired" and "von Wired" are cut off. A description with an article that ends in a
   name keeps only the name ("der KI-Experte Miles Brundage" -> "Miles Brundage"); a bare title
   stays ("Ministerin Anna Berg"). Pronouns (er/sie) resolve to the nearest person of the last
   two sentences (a quote's speaker or a sentence subject; where the previous sentence has no
   person as subject, the last person the name recognizer found in it; no gender check); if
   there is none the speaker is None, never the bare pronoun. "es"/"man" ("heißt es") give
   None. A definite role without a name ("der Minister", "die Sozialdemokratin", not "der
   Sprecher") resolves the same way, and stays as written where no one was named before.
3. Filter: a span is a direct quote if it is a full sentence (ends in . ! ? … inside the marks,
   or opens its sentence and has an attribution next to the marks), or a fragment of at least
   MIN_FRAGMENT_WORDS words with an attribution in its own sentence (seed: kümmere „sich die
   Führung nicht um Chat“, lässt sich … zitieren). Terms and scare quotes of one to three words
   („Denkmodell“, „großen Widerstand“), and longer ones nobody is said to have said (titles,
   slogans, „bedauerlichen Einzelfall ohne jede Bedeutung“), are not quotes.
Not covered: headline attributions without a verb ("Scholz: „…“"), gender of pronouns.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from site_plugins.model import Quote

from .sentences import BLANK_LINE, sentence_starts

MAX_QUOTE_CHARS = 1200  # longer "quotes" are unbalanced marks, not speech
MIN_FRAGMENT_WORDS = 4
CONTEXT_CHARS = 300  # attribution is looked for this far around a quote (keeps time linear)
MAX_MASKED = 3  # quotes skipped over on either side when looking for an attribution

# opener -> closers. “ and " and « » are ambiguous; the character before them decides.
PAIRS = {"„": "“”", "‚": "‘’", "»": "«", "«": "»", "“": "”", '"': '"'}
_MARK_RE = re.compile("[„“”‚‘’»«\"]")
_TOKEN_RE = re.compile(r"(?:Dr|Prof)\.|[^\W\d_][\w\-’']*|\d[\w\-]*|[^\w\s]")
_OPEN_AFTER = set(" \t\n([{/–—-:\u00a0") | set(PAIRS)
_QUOTE_TOKEN = "\u0000Q"  # stands for a masked quote inside a token list

from .quote_words import (
    SUBJECT_DETS, ANY_DETS, PRONOUNS, NAME_PARTICLES, SUBORDINATORS, FUNCTION_WORDS,
    NAMING_VERBS, PARTICIPLES, SPEECH_VERBS, PARTICLE_VERBS, STRICT_VERBS, COLON_VERBS,
    SENTENCE_TRIGGERS, is_role,
)


class _Token(NamedTuple):  # a tuple: tokens are made by the million on dense input
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Phrase:
    first: int  # token indices, inclusive
    last: int
    has_det: bool
    pronoun: bool = False


@dataclass
class _Doc:
    """The text with its quote spans and sentence starts, computed once per call."""

    text: str
    spans: list[tuple[int, int]]
    span_starts: list[int]
    span_ends: list[int]
    bounds: list[int]
    found: list[Quote]
    people: list[tuple[int, str]]  # (offset, name) of the people the name recognizer found


def find_quotes(text: str, people: list[tuple[int, str]] = ()) -> list[Quote]:
    """Direct quotes in `text`, in order, with their speaker (or None). `people` are the
    (offset, name) mentions of persons found in `text`, used to resolve "er", "sie" and "der
    Minister" when the previous sentence names a person but not as its subject."""
    spans = _quote_spans(text)
    doc = _Doc(text, spans, [s for s, _ in spans], [e for _, e in spans],
               sentence_starts(text, spans), [], sorted(people))
    for index in range(len(spans)):
        quote = _quote_at(doc, index)
        if quote is not None:
            doc.found.append(quote)
    return doc.found


# --- pass 1: pairing the marks -------------------------------------------------------------


def _can_open(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return before in _OPEN_AFTER and not after.isspace()


def _can_close(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each balanced pair of quotation marks; linear in the number of marks."""
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    breaks = [m.start() for m in BLANK_LINE.finditer(text)]
    closers: dict[str, list[int]] = {}
    for index, pos in enumerate(marks):
        if _can_close(text, pos):
            closers.setdefault(text[pos], []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(marks):
        pos = marks[index]
        close = _closer_for(text, pos, index, closers) if _can_open(text, pos) else None
        if close is not None:
            end = marks[close]
            same_paragraph = bisect_left(breaks, pos) == bisect_left(breaks, end)
            if same_paragraph and end - pos <= MAX_QUOTE_CHARS:
                spans.append((pos, end + 1))
                index = close + 1
                continue
        index += 1
    return spans


def _closer_for(text: str, pos: int, index: int, closers: dict[str, list[int]]) -> int | None:
    best = None
    for char in PAIRS.get(text[pos], ""):
        candidates = closers.get(char, [])
        at = bisect_right(candidates, index)
        if at < len(candidates) and (best is None or candidates[at] < best):
            best = candidates[at]
    return best


# --- tokens --------------------------------------------------------------------------------


def _tokens(doc: _Doc, begin: int, end: int) -> list[_Token]:
    """Tokens of text[begin:end]; each quote in it becomes one placeholder token."""
    text, tokens, cursor = doc.text, [], begin
    for index in range(bisect_right(doc.span_ends, begin), len(doc.spans)):  # no list copy
        start, stop = doc.spans[index]
        if start >= end:
            break
        tokens += _word_tokens(text, cursor, max(cursor, start))
        tokens.append(_Token(_QUOTE_TOKEN, start, stop))
        cursor = max(cursor, stop)
    tokens += _word_tokens(text, cursor, end)
    return _drop_parentheses(tokens)


def _drop_parentheses(tokens: list[_Token]) -> list[_Token]:
    """Remove short asides like "(SPD)" or "(45)" that sit between a name and its verb."""
    kept: list[_Token] = []
    opened = None
    for token in tokens:
        if token.text == "(":
            opened = len(kept)
        elif token.text == ")" and opened is not None and len(kept) - opened <= 8:
            del kept[opened:]
            opened = None
            continue
        kept.append(token)
    return kept


def _word_tokens(text: str, begin: int, end: int) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, begin, end)]


# --- pass 2: who said it -------------------------------------------------------------------

_ADVERBS = {"dazu", "gestern", "heute", "damals", "später", "auch", "zudem", "nun", "jetzt",
            "bereits", "schon", "kürzlich", "einmal", "außerdem", "jedoch", "aber", "etwa",
            "denn", "weiter", "ebenfalls", "zuletzt", "bislang", "sich"}
_CLAUSE_BREAKS = {",", ";", "–", "—", "-", "(", ")", _QUOTE_TOKEN}


def _attribute(doc: _Doc, index: int) -> tuple[str | None, str | None]:
    """The speaker of the quote at [start, end) and how it was found: "adjacent" (next to the
    marks), "sentence" (elsewhere in the sentence), "context" (previous sentence) or None."""
    start, end = doc.spans[index]
    k = bisect_right(doc.bounds, start) - 1
    sentence_end = doc.bounds[k + 1] if k + 1 < len(doc.bounds) else len(doc.text)
    # at most MAX_MASKED quotes on either side: keeps dense text fast, real sentences have fewer
    far_left = doc.spans[index - MAX_MASKED][1] if index >= MAX_MASKED else 0
    far_right = (doc.spans[index + MAX_MASKED][0] if index + MAX_MASKED < len(doc.spans)
                 else len(doc.text))
    right = _tokens(doc, end, min(sentence_end, end + CONTEXT_CHARS, far_right))
    phrase = _after_quote(right)
    if phrase is not None:
        return _speaker_text(doc, right, phrase, k, start), "adjacent"
    left = _tokens(doc, max(doc.bounds[k], start - CONTEXT_CHARS, far_left), start)
    phrase = _before_colon(left)
    if phrase is not None:
        return _speaker_text(doc, left, phrase, k, start), "adjacent"
    naming = doc.text[start + 1:start + 2].islower()
    for tokens in (left, right):
        phrase = _in_sentence(tokens, naming)
        if phrase is not None:
            return _speaker_text(doc, tokens, phrase, k, start), "sentence"
    if _verb_follows(right):  # „…“, sagte die Frau mit dem Hut: no parsable speaker
        return None, "adjacent"
    if all(t.text in _CLAUSE_BREAKS for t in left):  # the quote opens its sentence
        if not right and k + 1 < len(doc.bounds):  # „…“ Mit diesen Worten eröffnete X …
            stop = doc.bounds[k + 2] if k + 2 < len(doc.bounds) else len(doc.text)
            following = _tokens(doc, doc.bounds[k + 1], min(stop, doc.bounds[k + 1] + 200))
            words = [t.text for t in following[:3]]
            if len(words) == 3 and words[0] == "Mit" and words[2] == "Worten":
                phrase = _in_sentence(following) or _clause_speaker(following, 3)
                if phrase is not None:
                    return _speaker_text(doc, following, phrase, k + 1, start), "sentence"
        person = _recent_person(doc, k, start)
        return person, "context" if person else None
    return None, None


def _verb_follows(tokens: list[_Token]) -> bool:
    return len(tokens) > 1 and tokens[0].text == "," and tokens[1].text.lower() in SPEECH_VERBS


def _after_quote(tokens: list[_Token]) -> _Phrase | None:
    """„…“, so X / „…“, sagte X (gegenüber Y) / „…“, lässt sich X (von Y) zitieren.
    The comma is required: „Insight“ gibt es nicht mehr / „Chip Shop“ heißt die Firma."""
    if len(tokens) < 2 or tokens[0].text != ",":
        return None
    i, word = 1, tokens[1].text.lower()
    if word == "so":
        return _noun_phrase(tokens, i + 1)
    if word in ("lässt", "ließ") and _lets_quote(tokens, i):
        return _noun_phrase(tokens, i + 2)
    if word in ("hat", "hatte") and any(t.text in PARTICIPLES for t in tokens[i + 2:i + 12]):
        return _noun_phrase(tokens, _skip_adverbs(tokens, i + 1))  # ", hat X gesagt"
    if word in SPEECH_VERBS or _looks_finite(word):  # ", beteuerte X": the position says it
        return _named_apposition(tokens, _noun_phrase(tokens, _skip_adverbs(tokens, i + 1)))
    return None


def _named_apposition(tokens: list[_Token], phrase: _Phrase | None) -> _Phrase | None:
    """"die Sprecherin des Versorgers, Imke Lasthaus." -> the name after the comma."""
    if phrase is None or not phrase.has_det or phrase.last + 2 >= len(tokens):
        return phrase
    name = _noun_phrase(tokens, phrase.last + 2) if tokens[phrase.last + 1].text == "," else None
    if name is None or name.has_det or name.pronoun:
        return phrase
    after = tokens[name.last + 1].text if name.last + 1 < len(tokens) else "."
    return name if after in (".", ",", "!", "?", ";") else phrase


def _looks_finite(word: str) -> bool:
    return (len(word) > 3 and word.isalpha() and word.islower() and word.endswith(("t", "te"))
            and word not in FUNCTION_WORDS)


def _lets_quote(tokens: list[_Token], verb: int) -> bool:
    window = [t.text for t in tokens[verb + 1:verb + 25]]
    return bool(window) and window[0] == "sich" and "zitieren" in window


def _skip_adverbs(tokens: list[_Token], i: int) -> int:
    while i < len(tokens) and tokens[i].text.lower() in _ADVERBS:
        i += 1
    return i


def _before_colon(tokens: list[_Token]) -> _Phrase | None:
    """X sagte: „…“ / X erklärte dem Magazin: „…“ / wie X gegenüber Wired erklärt: „…“."""
    if not tokens or tokens[-1].text != ":":
        return None
    begin = _clause_begin(tokens, len(tokens) - 1)
    clause = tokens[begin:-1]
    verb = next((i for i, t in enumerate(clause) if t.text.lower() in COLON_VERBS), None)
    phrase = _shift(_clause_speaker(clause, verb), begin) if verb is not None else None
    if phrase is None and begin + 1 < len(tokens) and tokens[begin].text.lower() in SPEECH_VERBS:
        phrase = _apposition(tokens, begin)  # "Die Sprecherin, Hedda Lomberg, sagte:"
    if phrase is None:  # "Die Ministerin Adele Strunzberg hielt dagegen:" (a verb must follow)
        subject = _noun_phrase(tokens, _skip_adverbs(tokens, begin))
        verb = tokens[subject.last + 1].text if subject and subject.last + 2 < len(tokens) else ""
        if (subject is not None and _is_person(tokens, subject) and not subject.pronoun
                and verb.islower() and verb not in FUNCTION_WORDS):
            phrase = subject
    return phrase


def _apposition(tokens: list[_Token], verb: int) -> _Phrase | None:
    """Of "X, Y, sagte" the name among X and Y (the phrase without article), else X."""
    found: list[_Phrase] = []
    end = verb - 1  # the comma before the verb
    while end > 0 and len(found) < 2 and tokens[end].text == ",":
        begin = _clause_begin(tokens, end)
        phrase = _shift(_noun_phrase(tokens[begin:end], 0), begin)
        if phrase is None or phrase.last != end - 1:
            break
        found.append(phrase)
        end = begin - 1
    names = [p for p in found if not p.has_det and not p.pronoun]
    return names[0] if names else (found[-1] if found else None)


def _in_sentence(tokens: list[_Token], naming: bool = False) -> _Phrase | None:
    """laut X … „…“ / X erklärte dem Magazin, dass … „…“ (first speech verb of the sentence).
    naming: the quote starts lowercase, so "X nannte es „…“" attributes rather than names."""
    lows = [t.text.lower() for t in tokens]
    if SENTENCE_TRIGGERS.isdisjoint(lows):
        return None  # the common case, and fast on dense quotes
    for i, low in enumerate(lows[:-1]):
        after_von = low == "angaben" and lows[i + 1] == "von"  # nach Angaben von X
        if low == "laut" or after_von:
            phrase = _noun_phrase(tokens, i + 1 + after_von, ANY_DETS)
            if phrase is not None:
                return phrase
        if lows[i + 1] == "zufolge":  # "X zufolge"
            phrase = _noun_phrase(tokens[:i + 1], _clause_begin(tokens, i), ANY_DETS)
            if phrase is not None and phrase.last == i:
                return phrase
    for i, low in enumerate(lows):
        if (low in STRICT_VERBS or naming and low in NAMING_VERBS
                or low in PARTICLE_VERBS and _has_particle(tokens, i)):
            begin = _clause_begin(tokens, i)
            phrase = _shift(_clause_speaker(tokens[begin:], i - begin), begin)
            if phrase is not None:
                return phrase
    return None


def _has_particle(tokens: list[_Token], verb: int) -> bool:
    """A weak verb with its particle is a speech verb: "teilte mit", "stellte klar"."""
    particle = PARTICLE_VERBS.get(tokens[verb].text.lower())
    return particle is not None and any(t.text == particle for t in tokens[verb + 1:verb + 8])


def _clause_begin(tokens: list[_Token], stop: int) -> int:
    """Index of the first token after the last clause break before `stop`."""
    return max((j + 1 for j in range(stop) if tokens[j].text in _CLAUSE_BREAKS), default=0)


def _shift(phrase: _Phrase | None, by: int) -> _Phrase | None:
    if phrase is None:
        return None
    return _Phrase(phrase.first + by, phrase.last + by, phrase.has_det, phrase.pronoun)


def _clause_speaker(clause: list[_Token], verb: int) -> _Phrase | None:
    """The subject of a clause around its speech verb: before it, after it, or after 'wie'."""
    subject = _noun_phrase(clause, _skip_adverbs(clause, 0))  # "Auch X äußerte sich:"
    if subject is not None and subject.last == verb - 1:
        return subject
    if verb > 0 and clause[0].text.lower() in SUBORDINATORS:
        return _noun_phrase(clause, 1)
    return _noun_phrase(clause, _skip_adverbs(clause, verb + 1))


def _recent_person(doc: _Doc, k: int, before: int) -> str | None:
    """The nearest speaker of an earlier quote or person subject within the last two sentences;
    where the previous sentence has no person as its subject, the last person it names ("Für
    die Restaurierung war Konstantin Ebermayer zuständig. Er erklärte: …")."""
    horizon = doc.bounds[max(0, k - 2)]
    candidates: list[tuple[int, str]] = []
    for quote in reversed(doc.found[-5:]):  # bounded: linear time on dense quotes
        if quote.start < horizon:
            break
        if quote.speaker is not None and quote.start < before:
            candidates.append((quote.start, quote.speaker))
            break
    for j in (k - 1, k - 2):
        if j >= 0:
            tokens = _tokens(doc, doc.bounds[j], min(doc.bounds[j + 1], doc.bounds[j] + 600))
            phrase = _in_sentence(tokens) or _noun_phrase(tokens, 0)
            if phrase is not None and not phrase.pronoun and _is_person(tokens, phrase):
                at = tokens[phrase.first].start
                candidates.append((at, _reduce(doc.text, tokens, phrase)))
            elif j == k - 1:
                i = bisect_left(doc.people, (doc.bounds[k],)) - 1
                if i >= 0 and doc.people[i][0] >= doc.bounds[j]:
                    candidates.append(doc.people[i])
    return max(candidates)[1] if candidates else None


def _speaker_text(doc: _Doc, tokens: list[_Token], phrase: _Phrase, k: int,
                  start: int) -> str | None:
    if phrase.pronoun:
        word = tokens[phrase.first].text.lower()
        return _recent_person(doc, k, start) if word in ("er", "sie") else None
    if _refers_back(tokens, phrase):
        return _recent_person(doc, k, start) or _reduce(doc.text, tokens, phrase)
    return _reduce(doc.text, tokens, phrase)


def _refers_back(tokens: list[_Token], phrase: _Phrase) -> bool:
    """"der Minister", "die Sozialdemokratin", "der 54-Jährige": a definite article and one
    noun for a person, naming no one, points back to the person named just before. Not "der
    Sprecher": spokespeople are new people, mostly unnamed."""
    words = [t.text for t in tokens[phrase.first:phrase.last + 1]]
    if not phrase.has_det or words[0].lower() not in ("der", "die") or len(words) < 2:
        return False
    noun = words[-1]
    if not all(_is_adjective(w) for w in words[1:-1]) or not _is_capitalised(noun):
        return False
    low = noun.lower()
    if "sprecher" in low:
        return False
    return is_role(noun) or low.endswith(("in", "jährige", "jähriger"))


# --- noun phrases --------------------------------------------------------------------------


def _is_capitalised(word: str) -> bool:
    """A noun or name: capitalised, not a function word; "54-Jährige" counts."""
    head = word.rsplit("-", 1)[-1] if word[:1].isdigit() else word
    return head[:1].isupper() and word.lower() not in FUNCTION_WORDS


def _is_adjective(word: str) -> bool:
    return ((word[:1].islower() or word[:1].isdigit()) and not _is_capitalised(word)
            and word.lower() not in FUNCTION_WORDS and word.endswith(("e", "en", "er", "es", "em")))


def _noun_phrase(tokens: list[_Token], i: int, dets: set[str] = SUBJECT_DETS) -> _Phrase | None:
    """A subject noun phrase starting at token i: pronoun, or (article adjectives) nouns/names,
    with 'und' between nouns, name particles (von der) and a genitive (des Ministeriums)."""
    if i >= len(tokens):
        return None
    word = tokens[i].text
    if word.lower() in PRONOUNS:
        return _Phrase(i, i, False, pronoun=True)
    has_det = word.lower() in dets
    first, i = i, i + 1 if has_det else i
    while has_det and i < len(tokens) and _is_adjective(tokens[i].text):
        i += 1
    last = _noun_run(tokens, i)
    if last is None:
        return None
    if last + 1 < len(tokens) and tokens[last + 1].text in ("des", "der") and (
            tokens[last + 1].text == "des" or is_role(tokens[last].text)):
        genitive = _noun_phrase(tokens, last + 1, {"des", "der"})
        last = genitive.last if genitive is not None else last
    return _Phrase(first, last, has_det)


def _noun_run(tokens: list[_Token], i: int) -> int | None:
    """Index of the last token of a run of nouns and names starting at i, or None."""
    last = None
    while i < len(tokens):
        word = tokens[i].text
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if _is_capitalised(word):
            last, i = i, i + 1
        elif last is not None and word == "und" and _is_capitalised(following):
            i += 1
        elif (last is not None and word in NAME_PARTICLES and not is_role(tokens[last].text)
              and (_is_capitalised(following) or following in ("der", "den"))):
            i += 1 if _is_capitalised(following) else 2
        else:
            break
    return last


def _is_person(tokens: list[_Token], phrase: _Phrase) -> bool:
    words = [t.text for t in tokens[phrase.first:phrase.last + 1]]
    return not phrase.has_det or any(is_role(w) for w in words)


def _reduce(text: str, tokens: list[_Token], phrase: _Phrase) -> str:
    """A described person keeps only the name at the end; a bare title keeps title and name."""
    first = phrase.first
    if phrase.has_det:
        words = tokens[phrase.first:phrase.last + 1]
        for r in range(len(words) - 2, -1, -1):
            tail = words[r + 1:]
            if is_role(words[r].text) and all(_is_capitalised(t.text) for t in tail):
                first = phrase.first + r + 1
                break
        else:  # "die Schatzmeisterin Roswitha Engelke": a noun and a name of two or more words
            nouns = [r for r, t in enumerate(words) if r and _is_capitalised(t.text)]
            tail = words[nouns[0] + 1:] if nouns else []
            if len(tail) >= 2 and all(_is_capitalised(t.text) for t in tail):
                first = phrase.first + nouns[0] + 1
    return text[tokens[first].start:tokens[phrase.last].end]


# --- pass 3: quote or scare quote ----------------------------------------------------------


def _quote_at(doc: _Doc, index: int) -> Quote | None:
    """The quote of span `index` if it is a direct quote, not a term or scare quote."""
    start, end = doc.spans[index]
    inner = doc.text[start + 1:end - 1].strip()
    words = sum(1 for w in inner.split() if any(c.isalnum() for c in w))
    if not words:
        return None
    sentence = inner.rstrip("“”\"»«’‘') ").endswith((".", "!", "?", "…"))
    before = doc.text[max(0, start - 3):start].rstrip()
    opens_sentence = doc.bounds[bisect_right(doc.bounds, start) - 1] == start or before[-1:] == ":"
    if not sentence and not opens_sentence and words < MIN_FRAGMENT_WORDS:
        return None  # a term: skip the attribution work
    speaker, how = _attribute(doc, index)
    attributed = how in ("adjacent", "sentence")
    if (sentence or (opens_sentence and how == "adjacent")
            or (words >= MIN_FRAGMENT_WORDS and attributed)):
        return Quote(inner, start, end, speaker)
    return None
