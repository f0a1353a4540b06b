"""Names in a German sentence that its English translation must keep.

German capitalizes every noun, so a capitalized word is a name only on evidence: HanTa tags it
as a proper noun (NE), it is an acronym, it has inner capitals ("BioNTech", "iPhone"), or it is a
known place or registry name. German common nouns from the `german-nouns` list veto an NE tag
unless the list also knows the word as a proper name. A name passes when the English contains it
verbatim (case-insensitive, genitive -s stripped), or its English form (CLDR territory names,
exonyms, acronyms, the registry's `names` pairs).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")
_EN_TOKEN = re.compile(r"\w+")
_NOUN_SUFFIX = re.compile(r"(er|ung|heit|keit|schaft|ion|tät|ismus|ling|nis|ment|ur|ei)(s|n|en|nen)?$")
_OPENERS = {"„", "»", "\"", "‚", "«", ":", "(", "–", "-"}
# legal forms may be dropped in English; unit abbreviations are checked as numbers
_NOT_NAMES = {"AG", "GmbH", "SE", "KG", "KGaA", "CEO", "CFO", "Co", "e.V", "Inc", "Ltd", "Mio",
              "Mrd", "Tsd", "Bio", "Nr", "Prof"}
_ACRONYMS = {"EZB": ("ECB",), "BIP": ("GDP",), "KI": ("AI",), "IWF": ("IMF",), "UNO": ("UN",),
             "USA": ("US", "U.S", "United States", "America"), "VAE": ("UAE",),
             "EU": ("EU", "European Union", "Europe"), "US": ("US", "U.S", "American", "America")}
_EXONYMS = {"München": "Munich", "Köln": "Cologne", "Nürnberg": "Nuremberg", "Wien": "Vienna",
            "Zürich": "Zurich", "Genf": "Geneva", "Brüssel": "Brussels", "Moskau": "Moscow",
            "Peking": "Beijing", "Warschau": "Warsaw", "Prag": "Prague", "Rom": "Rome",
            "Mailand": "Milan", "Athen": "Athens", "Lissabon": "Lisbon", "Kiew": "Kyiv",
            "Kopenhagen": "Copenhagen", "Den Haag": "The Hague", "Hannover": "Hanover",
            "Bayern": "Bavaria", "Sachsen": "Saxony", "Niedersachsen": "Lower Saxony",
            "Hessen": "Hesse", "Thüringen": "Thuringia", "Antwerpen": "Antwerp",
            "Nordrhein-Westfalen": "North Rhine-Westphalia", "Nordsee": "North Sea",
            "Ostsee": "Baltic", "Marrakesch": "Marrakesh", "Nordamerika": "North America",
            "Südamerika": "South America", "Eurozone": "eurozone"}
# English adjectives that legitimately stand for a country ("deutsche Wirtschaft").
_DEMONYMS = {"FR": ("French",), "NL": ("Dutch",), "CH": ("Swiss",), "ES": ("Spanish",),
             "GB": ("UK", "Britain", "British"), "US": ("US", "U.S", "America", "American"),
             "PL": ("Polish",), "TR": ("Turkish", "Türkiye"), "GR": ("Greek",),
             "DK": ("Danish",), "SE": ("Swedish",), "FI": ("Finnish",)}


@lru_cache(maxsize=1)
def _tagger():
    from HanTa import HanoverTagger  # late: loading the model takes a quarter second

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@lru_cache(maxsize=1)
def _noun_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(common noun forms, proper-name lemmas, first names) from the german-nouns data."""
    from german_nouns.config import CSV_FILE_PATH

    common, proper, first = set(), set(), set()
    with open(CSV_FILE_PATH, encoding="utf-8") as handle:
        for row in csv.reader(handle):
            kinds = set(row[1].split(",")) if len(row) > 1 else set()
            if "Vorname" in kinds:
                first.add(row[0])
            if kinds & {"Vorname", "Nachname", "Eigenname", "Toponym"}:
                proper.add(row[0])
            elif len(row) > 7:
                common.add(row[0])
                common.update(form for form in row[7:] if form)
    return frozenset(common), frozenset(proper), frozenset(first)


@lru_cache(maxsize=1)
def _default_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """German name -> accepted English forms, from CLDR territories, exonyms and acronyms."""
    from babel import Locale

    german, english = Locale("de").territories, Locale("en").territories
    phrases = {}
    for code, name in german.items():
        if code in english and (not code.isdigit() or code in ("150", "419")):  # Europe
            en = english[code]
            phrases[name] = (en, *_DEMONYMS.get(code, ()), en[: max(4, len(en) - 1)])
    phrases.update({de: (en,) for de, en in _EXONYMS.items()})
    # weekdays and months are capitalized in both languages but translated, not kept
    from babel.dates import get_day_names, get_month_names

    for names in (get_day_names, get_month_names):
        german_names, english_names = names("wide", locale="de"), names("wide", locale="en")
        phrases.update({german_names[key]: (english_names[key],) for key in german_names})
    phrases.update(_ACRONYMS)
    phrases["US-Dollar"] = ("$", "USD", "dollar", "US")
    return tuple(sorted(phrases.items(), key=lambda item: -len(item[0])))


def name_problems(de: str, en: str, names: Iterable[tuple[str, str]] = ()) -> list[str]:
    """Details of German names missing from the English, in order of appearance."""
    en_words = {w.lower() for w in _EN_TOKEN.findall(en)}
    en_lower = en.lower()
    covered: set[int] = set()
    missing: list[str] = []
    # the registry's English name is one more accepted form, next to the built-in ones
    forms: dict[str, tuple[str, ...]] = dict(_default_phrases())
    for de_name, en_name in names:
        if de_name and en_name:
            forms[de_name] = (en_name, *forms.get(de_name, ()))
    pairs = sorted(forms.items(), key=lambda item: -len(item[0]))
    for de_name, en_forms in pairs:
        for m in _phrase_regex(de_name).finditer(de):
            if any(i in covered for i in range(m.start(), m.end())):
                continue
            covered.update(range(m.start(), m.end()))
            if not any(_has_form(form, en_lower, en_words) for form in (*en_forms, de_name)):
                missing.append(f"{m.group(0)!r} (English: {en_forms[0]!r}) is missing in English")
    for start, word in _name_candidates(de):
        if start not in covered and not _found(word, en_words, en_lower):
            missing.append(f"{word!r} is missing in English")
    return missing


@lru_cache(maxsize=4096)
def _phrase_regex(name: str) -> re.Pattern:
    # inflected forms: "Vereinigten Staaten", "Italiens", "Deutschlands"
    words = [re.escape(w) + r"(?:n|en|s|es|’|')?" for w in name.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w])")


def _has_form(form: str, en_lower: str, en_words: set[str]) -> bool:
    form = form.lower()
    if not form.isalnum():
        return form in en_lower
    return form in en_words or any(w.startswith(form) for w in en_words if len(form) >= 4)


def _found(word: str, en_words: set[str], en_lower: str) -> bool:
    variants = {word, word.rstrip("'’")}
    if word.endswith("s") and len(word) > 3:
        variants.add(word[:-1])
    for variant in variants:
        lowered = variant.lower()
        if lowered in en_words or (len(lowered) > 3 and lowered in en_lower):
            return True
        if _ACRONYMS.get(variant) and any(_has_form(f, en_lower, en_words) for f in _ACRONYMS[variant]):
            return True
    return False


def _name_candidates(de: str) -> list[tuple[int, str]]:
    """(offset, word) of each German word that is a name on the evidence described above."""
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(de)]
    if not tokens:
        return []
    tags = [tag for _, _, tag in _tagger().tag_sent([t for _, t in tokens])]
    lists = _noun_lists()
    found = []
    for i, (start, token) in enumerate(tokens):
        before = tokens[i - 1][1] if i else "."
        context = _Context(tags[i], before in _OPENERS or before in ".!?",
                           before in lists[2], i > 0 and tags[i - 1] in ("NN", "NE"))
        offset = start
        for part in token.split("-"):
            if _is_name(part, context, lists, whole=part == token):
                found.append((offset, part))
            offset += len(part) + 1
    return found


@dataclass(frozen=True)
class _Context:
    tag: str  # HanTa's tag of the whole token
    initial: bool  # sentence-initial or after an opening quote: capitalized anyway
    after_first_name: bool  # "Björn Gulden"
    after_noun: bool  # "Versicherer Allianz": a name in apposition


def _is_name(word: str, ctx: _Context, lists, *, whole: bool) -> bool:
    common, proper, _ = lists
    if not word or not word[0].isalpha() or word in _NOT_NAMES:
        return False
    if len(word) >= 2 and word.isupper() or any(c.isupper() for c in word[1:]):
        return True  # acronym or inner capital
    if not word[0].isupper():
        return False
    if ctx.after_first_name and whole:
        return True
    in_proper = word in proper or (word.endswith("s") and word[:-1] in proper)
    in_common = word in common or (word.endswith("s") and word[:-1] in common)
    tagged_name = ctx.tag == "NE" and whole
    if in_common:  # "Busch", "Tesla": a name and a noun; the tagger and context decide
        return tagged_name and (in_proper or ctx.after_noun)
    if in_proper:
        return tagged_name or not ctx.initial
    if ctx.initial and not tagged_name:
        return False
    if _NOUN_SUFFIX.search(word) and not tagged_name:
        return False
    return not _is_compound(word, common, strict=tagged_name)


def _is_compound(word: str, common: frozenset[str], *, strict: bool) -> bool:
    """'Rekordumsatz': ends in a common noun of four letters or more; when the tagger said
    NE, the head must be a noun too ('Standardcontainer' yes, 'Rheinmetall' no)."""
    for i in range(2, len(word) - 3):
        if word[i:].capitalize() in common:
            head = word[:i]
            if not strict or head in common or head.rstrip("s") in common:
                return True
    return False
