"""Where German sentences begin: one rule for figures, quotes and timex, so that a figure, a
quote and a date in the same text see the same sentence.

A '.', '!', '?' or '…' (closing quotes or brackets may follow) ends a sentence when whitespace
and then an upper-case letter, a digit ("2020 kam der Börsengang") or an opening quote or
bracket follow. A '.' does not end one after
- an abbreviation in ABBREVIATIONS ("Mio. Euro", "Dr. Meier", "Mitglieds-Nr. 5"; as written,
  so "Max." ends a sentence), or "Art." before a number ("Art. 5 GG", but "auf diese Art. Die"),
- a word of single letters and one- or two-digit numbers, each with its dot: initials and
  dotted abbreviations ("F. Kafka", "H.-J.", "z.B.", "z. B.", "i.d.R.") and days and months
  ("3. März", "am 24.12. Abends", "2./3. Jahrhundert", "15.-19. November").
A year ("seit 2020. Der"), a time ("um 13:48. Die"), a page range ("S. 17-26. Die") or a unit
("8 °C. Die") thus ends a sentence. A blank line always ends one, a single line break does not.
A sentence starts at its first non-space character; the first at 0. Linear in the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

# The union of what figures, quotes and timex need; months and weekdays are CLDR's German
# abbreviations (timex_lexicon reads them from babel). Capitalised forms only where a sentence
# may begin with them ("Ca. 300 Gäste").
ABBREVIATIONS = frozenset("""
Dr. Prof. Dipl. Ing. Hr. Fr. Mr. Mrs. St. Str. geb. gest. Hrsg. Co. Inc. Corp. Ltd.
Mio. Mrd. Mia. Md. Bio. Tsd. Nr. Tel. Abs. Bd. Kap. Jh. Chr. Mwst. MwSt.
ca. Ca. rd. Rd. max. min. zzgl. Zzgl. inkl. Inkl. bzw. bzgl. bspw. vgl. Vgl. etc. usw. sog.
evtl. Evtl. ggf. Ggf. ehem. ugs. dt. engl. gem. lt. allg. insb.
Jan. Jän. Feb. Mär. Apr. Jun. Jul. Aug. Sep. Sept. Okt. Nov. Dez.
Mo. Di. Mi. Do. Fr. Sa. So.
""".split())
NUMBER_ABBREVIATIONS = frozenset({"Art."})  # also a word: an abbreviation only before a number

BLANK_LINE = re.compile(r"\n[ \t]*+\n")
# A run of marks (or a line break) with the closers and spaces after it: it never fails once
# started, so each run is read once; the leading character class keeps the scan fast.
_BREAK = re.compile(r"[.!?…\n][.!?…]*+[\"'“”‘’»«)\]]*+\s*+")
_OPENERS = frozenset("\"'„“‚»«([")
_INITIALS_AND_DAYS = re.compile(r"[\"'„“‚»«(\[]*+(?:[^\W\d_]\.-?|\d{1,2}\.[-–/]?)++")
_NOT_ALPHANUMERIC = re.compile(r"[\W_]")
_TOKEN_CHARS = 24  # enough for "(Mitglieds-Nr." and "15.-19."; keeps the look-back short


def sentence_starts(text: str, keep_together: Iterable[tuple[int, int]] = ()) -> list[int]:
    """Sorted offsets where sentences begin. No sentence begins strictly inside a
    `keep_together` span (start, end): a quote of several sentences is one sentence of its text.
    The spans must not overlap."""
    spans = sorted(keep_together)
    span_starts = [start for start, _ in spans]
    starts = [0]
    for match in _BREAK.finditer(text):
        start = match.end()
        if start == len(text) or not _ends_sentence(text, match):
            continue
        inside = bisect_left(span_starts, start) - 1
        if inside < 0 or start >= spans[inside][1]:
            starts.append(start)
    return starts


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if not text[match.end() - 1].isspace():
        return False  # "3.5", "Ver.di"
    if BLANK_LINE.search(text, match.start(), match.end()):
        return True
    mark, following = text[match.start()], text[match.end()]
    if mark == "\n":
        return False  # a line break inside a paragraph
    if not (following.isupper() or following.isdigit() or following in _OPENERS):
        return False
    if mark != ".":
        return True
    token = _token_before(text, match.start())
    word = _NOT_ALPHANUMERIC.split(token[:-1])[-1] + "."
    if word in ABBREVIATIONS or (word in NUMBER_ABBREVIATIONS and following.isdigit()):
        return False
    return not _INITIALS_AND_DAYS.fullmatch(token)


def _token_before(text: str, dot: int) -> str:
    """The non-space characters before `dot` (at most _TOKEN_CHARS), with the dot."""
    start = dot
    while start > max(0, dot - _TOKEN_CHARS) and not text[start - 1].isspace():
        start -= 1
    return text[start:dot + 1]


class Sentences:
    """The sentences of one text, split once; `around(offset)` finds one by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = sentence_starts(text)

    def around(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding the offset, without surrounding whitespace."""
        index = bisect_right(self.starts, offset) - 1
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end
