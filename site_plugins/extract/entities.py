"""Who and what: names found by the NER model (and model-like product names), canonicalized
(genitive merged, compounds counted, registry applied, places named in English from CLDR) and
ordered by salience."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from babel import Locale

from ..model import Entity
from ..registry import Registry
from .ner.name_forms import citation_form
from .ner import find_names
from .ner.words import BODY_WORDS
from .ner.features import ORG_SUFFIXES
from .quote_words import is_role

NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "OTHER"}
# model names such as R1, o1, o3-mini, GPT-4o, Llama 3: letters and digits in one token
# (a capitalized compound may follow: "R1-Denkmodell" is R1)
PRODUCT_SHAPE = re.compile(r"(?<![\w-])(?:[A-Za-z]{1,4}\d[\w.]*(?:-(?:mini|pro|max|turbo|preview|[a-z]?\d+))*)"
                           r"(?![\w]|-[a-zäöüß0-9])")
# quarters, half-years, calendar weeks and summits (G7, G20) have the same shape
NOT_PRODUCTS = re.compile(r"^(?:\d+|Q[1-4]|H[12]|KW\d+|G\d+)$")


@lru_cache(maxsize=1)
def territory_names() -> dict[str, str]:
    """German CLDR territory name -> English one (Italien -> Italy)."""
    german, english = Locale("de").territories, Locale("en").territories
    # numeric codes are world regions; of those, news names only Europe (150) as a place
    return {name: english[code] for code, name in german.items()
            if code in english and (not code.isdigit() or code == "150")}


def find_entities(text: str, registry: Registry, names: str = "fast") -> list[Entity]:
    """`names`: the name recognizer's mode (see ner.load)."""
    spans = _with_plus(text, _join_ampersands(text, find_names(text, names)))
    surfaces = {text[start:end] for start, end, _ in spans}
    mentions = [_mention(text, start, end, NER_TYPES.get(kind, "OTHER"), registry, surfaces)
                for start, end, kind in spans]
    # the model's "other names" (GermEval OTH) are mostly currencies and generic terms in news
    # text (39 of 40 wrong on our gold articles): kept only where the registry knows the name
    mentions = [m for m in mentions if m is not None and (m.type != "OTHER" or registry.find(m.name))]
    mentions = _quoted_works(text, mentions)
    mentions = _introduced_products(text, mentions)
    mentions += _products(text, registry, {(m.start, m.end) for m in mentions})
    mentions += _compounds(text, mentions, registry)
    return _full_names(text, sorted(mentions, key=lambda m: (m.start, m.end)), registry)


# heads of the nouns that introduce a product by name: "der Lagerroboter Kite 3", "die
# Planungssoftware Ventrax Atlas", "das Sprachmodell Orca", "das Fräszentrum Cerion M5"
# ("Modell" only where it is a product: not "Geschäftsmodell", nor the person "Topmodell")
PRODUCT_WORDS = ("roboter", "software", "sprachmodell", "ki-modell", "denkmodell", "basismodell",
                 "automodell", "app", "chip", "prozessor", "smartphone", "tablet", "laptop", "konsole",
                 "chatbot", "betriebssystem", "medikament", "präparat", "wirkstoff", "impfstoff",
                 "maschine", "fräszentrum", "drohne", "elektroauto", "schutzmittel", "vorgängermodell",
                 "nachfolgemodell", "spitzenmodell", "einstiegsmodell")
# a product noun, then one or two capitalized words and maybe a number or model code:
# "Lieferroboter Pendrix 4", "Smartphone Aurel Fold 2"
_INTRODUCED_PRODUCT = re.compile(
    r"(?<![\w-])([\w-]+)\s+(?=([A-ZÄÖÜ]\w+(?:\s[A-ZÄÖÜ]\w+)?(?:\s(?:\d+|[A-Z]+\d\w*))?)(?![\w-]))")


# a work named in quotation marks after the word for it: "ihr Spielfilm „Die Stille nach dem Sturm“"
_WORK_WORDS = ("film", "dokumentation", "doku", "roman", "buch", "album", "song", "lied", "serie", "stück",
               "oper", "musical", "ausstellung", "gemälde", "bild", "gedicht", "podcast", "sendung",
               "erzählung", "novelle", "hörspiel", "komödie", "drama", "thriller", "krimi", "single")
_QUOTED_WORK = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]*)\s+[„»\"“]([A-ZÄÖÜ0-9][^„“”\"»«\n]{1,100}?)[“”\"«]")


def _quoted_works(text: str, mentions: list[Entity]) -> list[Entity]:
    """Titles of works ("Other") in quotation marks after a word for the work ("Spielfilm",
    "Roman", "Album"); names inside a title are part of it ("Ebbe in Husum" is no place)."""
    works = [Entity(match.group(2), match.start(2), match.end(2), "OTHER", match.group(2))
             for match in _QUOTED_WORK.finditer(text) if match.group(1).lower().endswith(_WORK_WORDS)]
    if not works:
        return mentions
    titles = _Spans((w.start, w.end) for w in works)
    return [m for m in mentions if not titles.overlaps(m.start, m.end)] + works


def _introduced_products(text: str, mentions: list[Entity]) -> list[Entity]:
    """Names a text introduces with a product noun are products, in every mention: those the
    model read as a person, company or place are retyped, those it missed are added. A name
    with a legal form stays a company ("Anbieter von Planungssoftware Ventrax Software SE")."""
    by_start = {m.start: m for m in mentions}
    spans = _Spans((m.start, m.end) for m in mentions)
    lexicon = _lexicon()
    products, widened = set(), set()
    for match in _INTRODUCED_PRODUCT.finditer(text):
        noun = match.group(1)
        if not (noun[:1].isupper() and (noun.lower().endswith(PRODUCT_WORDS) or noun == "Modell")):
            continue
        start, end = match.span(2)
        name = match.group(2)
        if " " in name and _is_common_noun(name.split()[1], lexicon):  # "das Smartphone Aurel Nutzern"
            name = name.split()[0]
            end = start + len(name)
        mention = by_start.get(start)
        if mention is not None and mention.id is None and mention.end < end:
            widened.add(start)  # the model's "Aurel Fold" of "Smartphone Aurel Fold 2"
            products.add(name)
        elif mention is not None:
            if mention.id is None:
                products.add(mention.name)
        elif not spans.overlaps(start, end):
            products.add(name)
    products = {p for p in products
                if p.split()[-1].lower() not in ORG_SUFFIXES and not _is_common_noun(p.split()[0], lexicon)}
    if not products:
        return mentions
    if widened:
        mentions = [m for m in mentions if m.start not in widened]
        spans = _Spans((m.start, m.end) for m in mentions)
    out = [replace(m, type="PRODUCT", name_en=None) if m.id is None and m.name in products else m
           for m in mentions]
    pattern = "|".join(re.escape(p) for p in sorted(products, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w-])", text):
        if not spans.overlaps(*match.span()):
            out.append(Entity(match.group(), match.start(), match.end(), "PRODUCT", match.group()))
    return out


class _Spans:
    """Non-overlapping (start, end) spans, asked whether a range overlaps one (binary search)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before `end`; the last may reach in
        return i > 0 and self.spans[i - 1][1] > start


def _mention(text: str, start: int, end: int, kind: str, registry: Registry, surfaces: set[str]) -> Entity | None:
    surface = text[start:end]
    name = canonical(surface, registry, surfaces)
    known = registry.find(name)
    if known:
        return _registered(surface, start, end, known)
    product = PRODUCT_SHAPE.search(surface)
    if product and kind == "PER" and product.end() < len(surface):
        return None  # "Deepseeks R1-Denkmodell": no person has a model number in the name
    if product and kind in ("PER", "ORG", "OTHER") and not NOT_PRODUCTS.match(product.group()):
        # people and companies have no digits in their names: "V3", "Denkmodell R1" are models
        product_name = _without_leading_nouns(name)
        if surface.endswith(product_name):
            start, surface = end - len(product_name), product_name
        return Entity(surface, start, end, "PRODUCT", product_name)
    if kind == "PER" and " " not in name and _is_role_noun(name):
        return None  # "sagte Europachefin Dana Whitlock-Reyes": the job is no second person
    if kind in ("PER", "ORG"):
        # "Maschinenbauer Brenntaler Präzisionswerke AG", "Ministerin Anna Berg": the job or
        # trade in front is a description; "Universität Tübingen" keeps its head noun
        name = _without_leading_nouns(name, keep=2)
        if surface.endswith(name) and surface != name:  # the mention is the name, not its description
            start, surface = end - len(name), name
    if kind in ("ORG", "LOC"):  # "vom Deutschen Städtetag": listed as "Deutscher Städtetag"
        lexicon = _lexicon()
        name = citation_form(name, lexicon.is_adjective)
        if known := registry.find(name):
            return _registered(surface, start, end, known)
    name_en = territory_names().get(name) if kind == "LOC" else None
    return Entity(surface, start, end, kind, name, None, name_en)


def canonical(surface: str, registry: Registry, surfaces: set[str]) -> str:
    """The registry's form; else a genitive ("Deepseeks", "OpenAIs", "Brundages'") merged into
    its base form when the base occurs too, is registered, or is a known country or place that
    the surface is not ("Deutschlands", "Schleswig-Holsteins"): "Reuters" and "Paris" stay."""
    known = registry.find(surface)
    if known:
        return known.name
    if len(surface) > 3 and surface[-1] in "s'’":
        base = surface[:-1]
        if base in surfaces:
            return base
        known = registry.find(base)
        if known:
            return known.name
        lexicon = _lexicon()
        if surface[-1] == "s" and (base in lexicon.country or base in lexicon.place):
            return base
    return surface


def _registered(surface: str, start: int, end: int, known) -> Entity:
    return Entity(surface, start, end, known.type, known.name, known.wikidata, known.en)


def _products(text: str, registry: Registry, taken: set[tuple[int, int]]) -> list[Entity]:
    found = []
    for match in PRODUCT_SHAPE.finditer(text):
        span = (match.start(), match.end())
        if span in taken or NOT_PRODUCTS.match(match.group()) or not re.search(r"[A-Za-z]", match.group()):
            continue
        surface = match.group()
        known = registry.find(surface)
        found.append(_registered(surface, *span, known) if known else Entity(surface, *span, "PRODUCT", surface))
    return found


def _compounds(text: str, mentions: list[Entity], registry: Registry) -> list[Entity]:
    """"OpenAI-Mitarbeiter", "CDU-Landtagsabgeordnete": a hyphen compound led by a name counts as
    a mention of that name (the model tags such compounds as parts, not as names), if the name
    is found in the text too or is registered. (Not every well-known name: GermEval, like the
    independent check, reads "SPD-Vizefraktionschef" as no mention of the SPD.)"""
    names = {m.name: m for m in mentions}
    taken = {m.start for m in mentions}
    found = []
    for match in _COMPOUND.finditer(text):
        if match.start() in taken:
            continue
        name = match.group(1)
        if name not in names and name.endswith("s") and name[:-1] in names:
            name = name[:-1]  # "Deepseeks-Modell"
        first = names.get(name)
        if first is not None:
            found.append(Entity(name, match.start(), match.start() + len(name), first.type, name,
                                first.id, first.name_en))
        elif known := registry.find(name):
            found.append(_registered(name, match.start(), match.start() + len(name), known))
    return found


# the first part of a hyphen compound whose next part is a capitalized word ("OpenAI-Mitarbeiter")
_COMPOUND = re.compile(r"(?<![\w-])([A-ZÄÖÜa-zäöüß0-9][\w.&]*?)-(?=[A-ZÄÖÜ][a-zäöüß])")


def _lexicon():
    from .ner import load

    return load().lexicon


def _without_leading_nouns(name: str, keep: int = 1) -> str:
    """"Denkmodell R1" -> "R1"; "Nexaro X2" stays: a leading German common noun (or compound
    ending in one) describes the thing named, it is not part of the name. At least `keep`
    words remain."""
    lexicon = _lexicon()
    words = name.split()
    while (len(words) > keep and words[0][:1].isupper() and words[1][:1].isupper()
           and _is_common_noun(words[0], lexicon) and not lexicon.is_adjective(words[0])
           and words[0].lower() not in BODY_WORDS):
        # not "Instituts" of "Instituts für Agrarökologie" ("für" carries the name on), nor the
        # adjective of "Mitteldeutschen Verlag" (also a noun form), nor
        # "Verband", "Stiftung" of a body named by its kind ("Verband Deutscher Maschinen- und
        # Anlagenbau", "Stiftung Warentest"; but "Beteiligungsgesellschaft" of "Corvanta Capital"
        # describes)
        words.pop(0)
    return " ".join(words)


def _is_role_noun(word: str) -> bool:
    """A common noun naming a job or role ("Europachefin", "Landesenergieminister"); surnames
    that are also nouns ("Richter") are in the surname list and stay names."""
    return is_role(word) and _is_common_noun(word, _lexicon())


def _is_common_noun(word: str, lexicon) -> bool:
    """In the noun list, or a compound ending in a noun of six letters or more ("Denkmodell"),
    and not a known first name, surname or other proper name ("Hellmann", "Brenntaler")."""
    if word in lexicon.first or word in lexicon.last or word in lexicon.proper:
        return False
    lower = word.lower()
    return lower in lexicon.nouns or any(lower[i:] in lexicon.nouns for i in range(3, len(lower) - 5))


# what follows "&" in a firm's name without being a name: "Hanselmann & Söhne", "Berger & Co."
_FIRM_ENDINGS = re.compile(r"\s*&\s*(?:Söhne|Sohn|Töchter|Co\.|Cie\.|Partner|Partners|Company)(?![\w])")


def _join_ampersands(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Hellmann & Lutz", "Procter & Gamble": two names joined by '&' are one organization, and so
    is a name with "& Söhne" or "& Co." after it."""
    joined: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if joined and text[joined[-1][1]:start].strip() == "&":
            joined[-1] = (joined[-1][0], end, "ORG")
        else:
            joined.append((start, end, kind))
    for index, (start, end, kind) in enumerate(joined):
        if (firm := _FIRM_ENDINGS.match(text, end)) and kind != "LOC":
            joined[index] = (start, firm.end(), "ORG")
    return joined


def _with_plus(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Opec+", "Disney+": a plus right after a name is part of it."""
    return [(start, end + 1, kind) if text[end:end + 1] == "+" and not text[end + 1:end + 2].isalnum()
            else (start, end, kind) for start, end, kind in spans]


def _full_names(text: str, mentions: list[Entity], registry: Registry) -> list[Entity]:
    """A short mention is a mention of the full name used in the same text, when exactly one
    fits: a person's surname alone ("Brettschneider" of "Jonas Brettschneider"), the first
    words of a company's name ("Kelmora", "Calloway Ridge" of "Calloway Ridge Partners"; not a
    common noun such as "Union" of "Union Investment"). The full name also decides the type,
    where the model typed the short form otherwise ("Weißenbach" of "Ottilie Weißenbach" is
    no place), even where two full names of that type fit; of two people with one surname,
    the surname alone is the one named last before it ("Ottilie Weißenbach … Weißenbach …
    Hedwig Weißenbach"), or stays as written where neither was named before. Known places
    keep their type ("Bayern" beside "Bayern München", "in Washington"), unless a person's
    surname stands where no place would ("sagte Sondershausen"); a person's name is not made
    a company, nor a well-known company a person. A name the registry knows keeps its
    registered form."""
    lexicon = _lexicon()
    full: dict[str, set[tuple[str, str]]] = {}  # short form -> {(type, full name)}
    people: dict[str, list[tuple[int, str]]] = {}  # surname -> (offset, full name), in text order
    for m in mentions:
        words = m.name.split(" ")
        if m.type == "PER" and len(words) > 1:
            full.setdefault(words[-1], set()).add(("PER", m.name))
            people.setdefault(words[-1], []).append((m.start, m.name))
        elif m.type == "ORG" and len(words) > 1 and not _is_common_noun(words[0], lexicon):
            for k in range(1, len(words)):
                full.setdefault(" ".join(words[:k]), set()).add(("ORG", m.name))
    merged = []
    for m in mentions:
        fits = full.get(m.name, set()) if m.id is None and not registry.find(m.name) else set()
        kinds = {kind for kind, _ in fits}
        if len(kinds) == 1:
            kind = kinds.pop()
            if len(fits) == 1:
                name = next(iter(fits))[1]
            else:  # two Weißenbachs: the one named last before this mention
                before = [n for at, n in people.get(m.name, ()) if at < m.start]
                name = before[-1] if kind == "PER" and before else m.name
            if kind == m.type:
                m = replace(m, name=name)
            elif _may_retype(m, kind, lexicon, text):
                m = replace(m, type=kind, name=name, name_en=None)
        merged.append(m)
    return merged


_PLACE_PREPOSITIONS = frozenset("in im nach aus bei von vom nahe um über bis ins am an zwischen".split())


def _may_retype(mention: Entity, kind: str, lexicon, text: str) -> bool:
    name = mention.name
    if mention.type == "PRODUCT":
        return False
    if name in lexicon.place or name in lexicon.country:
        # "Bayern" beside "Bayern München", "in Washington" beside "George Washington"; but
        # "sagte Sondershausen" after "Mareike Sondershausen" is the person
        before = text[max(0, mention.start - 20):mention.start].split()
        return kind == "PER" and not (before and before[-1].lower() in _PLACE_PREPOSITIONS)
    if kind == "ORG":  # "Müller" alone may be a person as well as Müller Milch GmbH
        return mention.type != "PER" or not (name in lexicon.first or name in lexicon.last)
    return name not in lexicon.org


def salient(mentions: list[Entity]) -> list[dict]:
    """One entry per canonical name, most mentioned first, then by first position."""
    summary: dict[tuple[str, str], dict] = {}
    for m in mentions:
        entry = summary.setdefault((m.name, m.type), {"name": m.name, "type": m.type, "name_en": m.name_en,
                                                      "id": m.id, "mentions": 0, "first": m.start})
        entry["mentions"] += 1
    return sorted(summary.values(), key=lambda e: (-e["mentions"], e["first"]))
