"""Token features for the German name recognizer (a linear-chain CRF).

The evidence that a capitalized German word is a name and not a common noun comes from
word shape and affixes, the neighbouring words, and lexicons shipped in `data/` (derived by
`training/train_ner.py --rebuild-lexicons`; sources and their licences):

- `nouns.txt.gz`: lower-cased inflected forms of ~100,000 common nouns (German Wiktionary via
  the `german-nouns` package, CC BY-SA 4.0); a word whose head ("...chefin") is a known noun
  is a compound noun.
- `names.tsv.gz` (kind<TAB>name): first names (Wiktionary; Faker, MIT), surnames
  (Wiktionary; Faker), places (Wiktionary toponyms; CLDR territory and exemplar-city names in
  German and English via babel, Unicode licence), proper names and abbreviations (Wiktionary),
  well-known organizations (our own list), and HanTa's coarse part of speech for the 23,000
  words of its German model lexicon (HanTa, LGPL-3.0): "htNE" marks words its newspaper
  corpus knew as proper nouns.
- `clusters.bin.gz`: Brown clusters and frequency bands of ~740,000 German words from spaCy's
  vocabulary data (`spacy-lookups-data`, MIT), see `clusters.py`: the strongest evidence for
  names the training data never showed.
- `ner-seen.tsv.gz`: words that were (part of) a name in the GermEval 2014 training
  sentences (CC BY 4.0), with their types; written with the model.
- cue words below: organization suffixes ("AG", "GmbH"), words that announce an organization
  ("der Konzern X") or a person (titles, roles, speech verbs).
"""
from __future__ import annotations

import gzip
from pathlib import Path

from .clusters import ClusterTable

DATA_DIR = Path(__file__).parent / "data"


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a word list written as a block of text."""
    return text.split()


ORG_SUFFIXES = frozenset(_words(
    """
    ag gmbh se kg kgaa ohg gbr ug e.v. ev e.g. eg mbh co. co cie. cie inc. inc ltd. ltd llc plc corp. corp
    corporation company limited group gruppe holding holdings s.a. sa s.p.a. spa nv n.v. bv b.v.
    ab asa oyj a/s ug gmbh&co. partner partners verlag bank stiftung institut verband verein
    universität university college ministerium
    """
))
ORG_CUES = frozenset(_words(
    """
    unternehmen konzern konzerns firma firmen hersteller herstellers startup start-up start-ups
    startups autobauer chiphersteller chipkonzern softwarekonzern technologiekonzern
    tech-konzern internetkonzern mutterkonzern tochter tochterfirma tochtergesellschaft
    gesellschaft bank partei parteien fraktion verein klub club verband gewerkschaft
    zeitung zeitschrift magazin sender agentur nachrichtenagentur behörde ministerium
    anbieter konkurrent konkurrenten rivale rivalen entwickler dienst plattform marke
    labor labors ki-firma ki-unternehmen ki-labor ki-startup ki-entwickler investor
    mannschaft team teams uni universität hochschule organisation institut stiftung
    """
))
PER_CUES = frozenset(_words(
    """
    herr herrn frau dr. dr prof. prof sir lord graf gräfin papst könig königin kaiser kaiserin
    prinz prinzessin fürst bischof pfarrer kardinal präsident präsidentin kanzler kanzlerin
    minister ministerin bundeskanzler bundeskanzlerin bundespräsident premierminister
    premierministerin ministerpräsident ministerpräsidentin bürgermeister bürgermeisterin
    oberbürgermeister chef chefin ceo gründer gründerin mitgründer vorstand vorstandschef
    vorstandschefin vorsitzende vorsitzender sprecher sprecherin trainer trainerin
    coach direktor direktorin leiter leiterin geschäftsführer geschäftsführerin
    abgeordnete abgeordneter senator senatorin general autor autorin regisseur regisseurin
    sänger sängerin schauspieler schauspielerin spieler spielerin kapitän torwart stürmer
    kollege kollegin analyst analystin experte expertin professor professorin forscher
    forscherin mr. mrs. ms. st. hl. sohn tochter vater mutter bruder schwester ehefrau ehemann
    witwe kommissar kommissarin richter richterin anwalt anwältin
    """
))
SPEECH_VERBS = frozenset(_words(
    """
    sagte sagt sagten erklärte erklärt betonte betont meinte meint schrieb schreibt
    kündigte kündigt teilte teilt sprach spricht warnte warnt forderte fordert kritisierte
    räumte so zufolge laut betont behauptete bestätigte bestätigt
    """
))
# heads of compounds that name institutions ("Bundesärztekammer", "Umweltbundesamt")
ORG_HEADS = frozenset(_words(
    """
    amt ämter bank kammer dienst verband verbands verein vereins partei ministerium gericht
    gerichtshof institut instituts zentrum zentrums konzern konzerns werke verlag verlags zeitung
    gesellschaft agentur behörde stiftung kommission rat rats bund bundes gewerkschaft akademie
    universität hochschule klinikum rundfunk sender fernsehen polizei armee versicherung
    kasse kassen börse fonds anstalt bahn post holding gruppe club klub team liga
    """
))
INSTITUTION_PREFIXES = ("bundes", "landes", "staats", "reichs", "europa", "welt", "deutsch", "stadt")
LOC_PREPS = frozenset(_words("in im aus nach bei von vom nahe nördlich südlich östlich westlich"))

_NAME_KINDS = ("first", "last", "place", "country", "proper", "abbr", "org")


class Lexicon:
    """The word lists the features consult, loaded once from `data/`."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        with gzip.open(data_dir / "nouns.txt.gz", "rt", encoding="utf-8") as handle:
            self.nouns = frozenset(handle.read().split("\n"))
        kinds: dict[str, set[str]] = {kind: set() for kind in _NAME_KINDS}
        self.hanta: dict[str, str] = {}
        with gzip.open(data_dir / "names.tsv.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                kind, _, name = line.rstrip("\n").partition("\t")
                if kind in kinds:
                    kinds[kind].add(name)
                else:
                    self.hanta[name] = kind
        self.first = frozenset(kinds["first"])
        self.last = frozenset(kinds["last"])
        self.place = frozenset(kinds["place"])
        self.country = frozenset(kinds["country"])
        self.proper = frozenset(kinds["proper"])
        self.abbr = frozenset(kinds["abbr"])
        self.org = frozenset(n for n in kinds["org"] if " " not in n)
        self.multi_org = frozenset(tuple(n.split()) for n in kinds["org"] if " " in n)
        # Multi-word names as tuples of tokens, for a longest-match gazetteer.
        self.multi_place = frozenset(tuple(n.split()) for n in self.place | self.country if " " in n)
        self.max_multi = max((len(t) for t in self.multi_place | self.multi_org), default=1)
        self.clusters = ClusterTable(data_dir / "clusters.bin.gz")
        # word -> "PER|O"...: the types it had in the training data (see `seen_table`)
        self.seen: dict[str, str] = {}

    def is_adjective(self, word: str) -> bool:
        """An adjective by HanTa's lexicon ("Mitteldeutschen", "Europäische"), whatever its case."""
        return self.hanta.get(word.lower()) == "htADJ"


def seen_path(model_path: Path) -> Path:
    """The table of words seen as names in training, stored beside its model."""
    return model_path.parent / (model_path.stem + "-seen.tsv.gz")


def seen_table(sentences) -> dict[str, str]:
    """Word -> the types ("PER", "ORG", "LOC", "OTH", and "O") it had in the (tokens, types)
    sentences, for every word that was part of a name at least once."""
    kinds: dict[str, set[str]] = {}
    for tokens, types in sentences:
        for word, kind in zip(tokens, types):
            kinds.setdefault(word, set()).add(kind)
    return {w: "|".join(sorted(k)) for w, k in kinds.items() if k != {"O"}}


def load_seen(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


def shape(word: str) -> str:
    """Compressed character shape: "Müller" -> "Xx", "OpenAI" -> "XxX", "R1" -> "Xd"."""
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


MAX_HEAD = 24  # longest compound head looked up
MAX_WORD = 64  # longer tokens (URLs, garbage) are looked at by their first characters only


def noun_head(low: str, nouns: frozenset[str]) -> int:
    """Length of the longest known noun that ends `low` as a compound head (0 if none)."""
    n = len(low)
    for k in range(max(1, n - MAX_HEAD), n - 3):
        if low[k:] in nouns:
            return n - k
    return 0


CLUSTER_DEPTHS = (4, 8, 12)  # deeper prefixes mostly equal the full path (clusters have <= 16 bits)


def cluster_features(word: str, lex: Lexicon) -> tuple[list[str], str]:
    """The word's Brown cluster at several depths (coarse to fine, then the full path), and
    its frequency band."""
    found = lex.clusters.get(word)
    if found is None:
        return ["cl=none"], "band=none"
    path, band = found
    paths = [f"cl{depth}={path & ((1 << depth) - 1)}" for depth in CLUSTER_DEPTHS]
    return paths + [f"cl={path}"], f"band={band}"


def word_classes(word: str, lex: Lexicon) -> list[str]:
    """Lexicon classes of one word (cached per document by the caller)."""
    low = word.lower()
    out = []
    if low in lex.nouns:
        out.append("NOUN")
    elif word[:1].isupper() and "-" not in word:
        head = noun_head(low, lex.nouns)
        if head >= 4:
            out.append("CMPD")
            out.append("hd=" + low[-head:])
            if low[-head:] in ORG_HEADS:
                out.append("ORGHEAD")
                if low.startswith(INSTITUTION_PREFIXES):
                    out.append("ORGHEAD_INST")
            prefix = low[:-head]
            if prefix in lex.nouns or (prefix[-1:] == "s" and prefix[:-1] in lex.nouns):
                out.append("CMPD2")
    ht = lex.hanta.get(low)
    if ht:
        out.append(ht)
    base = word[:-1] if word.endswith("s") and len(word) > 3 else None
    for kind, names in (("FIRST", lex.first), ("LAST", lex.last), ("PLACE", lex.place),
                        ("COUNTRY", lex.country), ("PROPER", lex.proper), ("ABBR", lex.abbr),
                        ("ORG", lex.org)):
        if word in names:
            out.append(kind)
        elif base and base in names:
            out.append(kind + "_S")
    if "-" in word:
        parts = word.split("-")
        first, last = parts[0], parts[-1]
        if first[:1].isupper():
            if first in lex.country or first in lex.place:
                out.append("H1_PLACE")
            if first.lower() in lex.nouns:
                out.append("H1_NOUN")
            if first.isupper():
                out.append("H1_UPPER")
        if last.lower() in lex.nouns:
            out.append("HN_NOUN")
            out.append("hd=" + last.lower())
        elif last[:1].isupper():
            head = noun_head(last.lower(), lex.nouns)
            if head >= 4:
                out.append("hd=" + last.lower()[-head:])
        if last and last[:1].islower():
            out.append("HN_LOWER")
    if low in ORG_SUFFIXES:
        out.append("ORGSUF")
    if low in ORG_CUES:
        out.append("ORGCUE")
    if low in PER_CUES:
        out.append("PERCUE")
    if low in SPEECH_VERBS:
        out.append("SAY")
    return out


_COMMON = frozenset({"NOUN", "CMPD", "htNN", "htADJ", "htV", "htFUNC", "htCARD", "htTRUNC"})
_NAMES = frozenset({"FIRST", "LAST", "PLACE", "COUNTRY", "PROPER", "ABBR", "ORG", "htNE", "FIRST_S",
                    "LAST_S", "PLACE_S", "COUNTRY_S"})


def sentence_features(words: list[str], lex: Lexicon, cache: dict | None = None) -> list[list[str]]:
    """Features of every token of one sentence, as lists of strings for pycrfsuite.
    `cache` (word -> its features, see `_word_entry`) may be shared by many sentences."""
    if cache is None:
        cache = {}
    words = [w if len(w) <= MAX_WORD else w[:MAX_WORD] for w in words]
    entries = []
    for w in words:
        entry = cache.get(w)
        if entry is None:
            entry = cache[w] = _word_entry(w, lex)
        entries.append(entry)
    gaz = _gazetteer(words, lex)
    starts = _sentence_initial(words)
    n = len(words)
    feats = []
    for i, w in enumerate(words):
        low, own, own_start, _ = entries[i]
        f = list(own_start if starts[i] else own)
        if gaz[i]:
            f.append("gaz=" + gaz[i])
        seen = lex.seen.get(w)
        if seen:
            f.append("seen=" + seen)
            f.extend("seen1=" + kind for kind in seen.split("|"))
        for k, d in enumerate((-2, -1, 1, 2)):
            j = i + d
            if 0 <= j < n:
                f.extend(entries[j][3][k])
            else:
                f.append(_PAD[k])
        if i > 0:
            f.append("-1w|w=" + entries[i - 1][0] + "|" + low)
        if i + 1 < n:
            f.append("w|+1w=" + low + "|" + entries[i + 1][0])
        feats.append(f)
    return feats


_PAD = ("-2w=<pad>", "-1w=<pad>", "1w=<pad>", "2w=<pad>")


def _word_entry(w: str, lex: Lexicon) -> tuple:
    """What a word contributes wherever it stands: (lower case, own features, own features at
    a sentence start, features it gives its neighbours at offsets -2, -1, +1, +2)."""
    classes = word_classes(w, lex)
    clusters, band = cluster_features(w, lex)
    low = w.lower()
    shape_ = shape(w)
    context = tuple([f"{d}w={low}", f"{d}sh={shape_}"] + [f"{d}c={c}" for c in classes]
                    + ([f"{d}{c}" for c in clusters] if d in (-1, 1) else [])
                    for d in (-2, -1, 1, 2))
    own = clusters + [band]
    return (low, _word_features(w, low, shape_, classes, False) + own,
            _word_features(w, low, shape_, classes, True) + own, context)


def _word_features(w: str, low: str, shape_: str, classes: list[str], start: bool) -> list[str]:
    """Features of the word itself: identity, shape, affixes, lexicon classes, position."""
    f = ["b", "w=" + low, "sh=" + shape_, "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:],
         "p3=" + low[:3]]
    if len(w) > 4:
        f.append("s5=" + low[-5:])
    if start:
        f.append("START")
        f.append("START_sh=" + shape_)
    if w.isupper() and len(w) > 1:
        f.append("ALLCAP")
    if len(w) <= 2:
        f.append("SHORT")
    for c in classes:
        f.append("c=" + c)
        if start:
            f.append("c_start=" + c)
    if w[:1].isupper():
        f.append("CAP")
        if not start:
            f.append("CAP_MID")
        # the main evidence for a name: capitalized, yet no known common word
        known = set(classes)
        end = "_START" if start else ""
        if not known & _COMMON:
            f.append("CAP_NOTCOMMON" + end)
            if not known & _NAMES:
                f.append("CAP_UNKNOWN" + end)
        elif known & _NAMES:
            f.append("CAP_AMBIG" + end)
    return f


def _sentence_initial(words: list[str]) -> list[bool]:
    """True for a sentence's first word, also after an opening quote or a colon."""
    out = []
    start = True
    for w in words:
        out.append(start)
        if w in ('"', "„", "“", "»", "«", "(", "'", "‚", "-", "–"):
            continue  # keep `start` across an opening quote or dash
        start = w in (".", "!", "?", ":")
    return out


def _gazetteer(words: list[str], lex: Lexicon) -> list[str]:
    """B-/I- marks of multi-word place and organization names found by longest match."""
    n = len(words)
    out = [""] * n
    i = 0
    while i < n:
        matched, kind = 0, ""
        if words[i][:1].isupper():
            for length in range(min(lex.max_multi, n - i), 1, -1):
                key = tuple(words[i:i + length])
                if key in lex.multi_place:
                    matched, kind = length, "LOC"
                    break
                if key in lex.multi_org:
                    matched, kind = length, "ORG"
                    break
        if matched:
            out[i] = "B" + kind
            for k in range(i + 1, i + matched):
                out[k] = "I" + kind
            i += matched
        else:
            i += 1
    return out
