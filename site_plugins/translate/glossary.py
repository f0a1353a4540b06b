"""The glossary: terms that stay as they are, and German terms with one fixed English rendering.

Three jobs, all pure: read `glossary.yml` (`parse_glossary`), translate through an engine so
that glossary terms come out right (`translate_with_glossary`), and check any German/English
pair against the glossary (`glossary_problems`).

How terms are matched (case-sensitive, German nouns and names are capitalised):
- Protection replaces a term only where it stands as a whole word: not inside a longer word
  and not joined by a hyphen ("OpenAI" in "OpenAI-Chef" or "OpenAIs" is left to the engine),
  because a placeholder inside a compound or before an inflection ending breaks the grammar.
  Do-not-translate terms become placeholders `<x1/>` that are restored to the term; German
  terms of fixed pairs become placeholders restored to the English term: that is the one safe
  post-edit (the engine never sees the word, so there is nothing of its own to replace).
- The check is wider: a German term counts at the start of any word ("Denkmodelle",
  "KI-Modell"), an English term as a word with an optional plural s/es; all-capital terms
  ("AI") are matched case-sensitively, others ignoring case.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import yaml

if TYPE_CHECKING:
    from .engines import Engine

from .engines import PLACEHOLDER, EngineError


class GlossaryError(ValueError):
    """glossary.yml is not what `parse_glossary` expects; the message names path and line."""


@dataclass(frozen=True)
class Glossary:
    keep: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()


# --- parsing ---------------------------------------------------------------------------------


def parse_glossary(text: str, path: str) -> Glossary:
    """Read glossary YAML: a mapping with `keep` (a list of terms) and `pairs` (German: English)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise GlossaryError(f"{path}:{line}: not valid YAML: {error.problem}") from None
    if root is None or _is_null(root):
        return Glossary()
    if not isinstance(root, yaml.MappingNode):
        raise _error(path, root, "a mapping with 'keep' and 'pairs'", _describe(root))
    sections: dict[str, yaml.Node] = {}
    for key, value in root.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in ("keep", "pairs"):
            raise _error(path, key, "'keep' or 'pairs'", repr(name) if name else _describe(key))
        if name in sections:
            raise _error(path, key, f"'{name}' once", "it a second time")
        sections[name] = value
    keep = _parse_keep(sections.get("keep"), path)
    pairs = _parse_pairs(sections.get("pairs"), path)
    both = set(keep) & {german for german, _ in pairs}
    if both:
        term = sorted(both)[0]
        raise GlossaryError(f"{path}: expected '{term}' under 'keep' or 'pairs', found it in both")
    return Glossary(keep=tuple(keep), pairs=tuple(pairs))


def _parse_keep(node: yaml.Node | None, path: str) -> list[str]:
    if node is None or _is_null(node):
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise _error(path, node, "a list of terms under 'keep'", _describe(node))
    terms: dict[str, int] = {}
    for item in node.value:
        term = _term(item, path, "a term under 'keep'")
        if term in terms:
            raise _error(path, item, f"'{term}' once under 'keep'", f"it again (first on line {terms[term]})")
        terms[term] = item.start_mark.line + 1
    return list(terms)


def _parse_pairs(node: yaml.Node | None, path: str) -> list[tuple[str, str]]:
    if node is None or _is_null(node):
        return []
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, "a mapping 'German: English' under 'pairs'", _describe(node))
    pairs: dict[str, tuple[str, int]] = {}
    for key, value in node.value:
        german = _term(key, path, "a German term under 'pairs'")
        english = _term(value, path, f"the English for '{german}'")
        if german in pairs:
            first = pairs[german][1]
            raise _error(path, key, f"'{german}' once under 'pairs'", f"it again (first on line {first})")
        pairs[german] = (english, key.start_mark.line + 1)
    return [(german, english) for german, (english, _) in pairs.items()]


def _term(node: yaml.Node, path: str, expected: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or _is_null(node):
        raise _error(path, node, expected, _describe(node))
    term = node.value.strip()
    if not term:
        raise _error(path, node, expected, "an empty string")
    return term


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "nothing" if _is_null(node) else repr(node.value)


def _error(path: str, node: yaml.Node, expected: str, found: str) -> GlossaryError:
    return GlossaryError(f"{path}:{node.start_mark.line + 1}: expected {expected}, found {found}")


# --- protection ------------------------------------------------------------------------------


class Term(NamedTuple):
    """What a placeholder becomes; English terms of pairs take sentence case at a sentence start."""

    text: str
    sentence_case: bool


@lru_cache(maxsize=32)
def _protect_pattern(glossary: Glossary) -> tuple[re.Pattern[str] | None, dict[str, Term]]:
    targets = {term: Term(term, False) for term in glossary.keep}
    targets |= {german: Term(english, True) for german, english in glossary.pairs}
    if not targets:
        return None, {}
    # Longest first, so "Sam Altman" wins over a shorter term inside it.
    terms = sorted(targets, key=lambda t: (-len(t), t))
    alternation = "|".join(re.escape(t) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), targets


def protect(text: str, glossary: Glossary) -> tuple[str, tuple[Term, ...]]:
    """Replace whole-word glossary terms by <x1/>, <x2/>...; return the text and what each becomes."""
    pattern, targets = _protect_pattern(glossary)
    if pattern is None or PLACEHOLDER.search(text):  # text that already has our tags: hands off
        return text, ()
    terms: list[Term] = []

    def placeholder(match: re.Match[str]) -> str:
        terms.append(targets[match.group(0)])
        return f"<x{len(terms)}/>"

    return pattern.sub(placeholder, text), tuple(terms)


# Engines may add spaces inside a tag ("< x1 / >"), and HTML parsers (LibreTranslate's html
# format) may write it as "<x1></x1>", but the number must survive.
LOOSE_PLACEHOLDER = re.compile(r"<\s*x\s*(\d+)\s*/?\s*>(?:<\s*/\s*x\s*\1\s*>)?")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s)[\s\"'„“‚‘«»(]*$")


def restore(translated: str, terms: Sequence[Term]) -> str | None:
    """Put the terms back; None if any placeholder got lost, doubled or invented."""
    numbers = sorted(int(n) for n in LOOSE_PLACEHOLDER.findall(translated))
    if numbers != list(range(1, len(terms) + 1)):
        return None

    def term(match: re.Match[str]) -> str:
        text, sentence_case = terms[int(match.group(1)) - 1]
        if sentence_case and SENTENCE_START.search(translated, 0, match.start()):
            return text[:1].upper() + text[1:]
        return text

    return LOOSE_PLACEHOLDER.sub(term, translated)


def translate_with_glossary(engine: Engine, texts: list[str], glossary: Glossary) -> list[str]:
    """Translate `texts` with glossary terms protected; one engine call, two if placeholders got lost.

    Identical texts are sent once. A segment whose placeholders did not survive is translated
    again without protection; `glossary_problems` then reports what the engine got wrong.
    """
    unique = list(dict.fromkeys(texts))
    protected = [protect(text, glossary) for text in unique]
    first = _checked(engine, [p for p, _ in protected])
    results: dict[str, str] = {}
    lost: list[str] = []
    for text, (_, terms), translated in zip(unique, protected, first):
        done = restore(translated, terms) if terms else translated
        if done is None:
            lost.append(text)
        else:
            results[text] = done
    if lost:
        results.update(zip(lost, _checked(engine, lost)))
    return [results[text] for text in texts]


def _checked(engine: Engine, texts: list[str]) -> list[str]:
    if not texts:
        return []
    out = engine.translate(texts)
    if len(out) != len(texts):
        raise EngineError(f"engine {engine.name}: sent {len(texts)} texts, got {len(out)} translations back")
    return out


# --- checking --------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _german(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}")


@lru_cache(maxsize=256)
def _english(term: str) -> re.Pattern[str]:
    flags = 0 if term.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!\w){re.escape(term)}(?:s|es)?(?!\w)", flags)


def glossary_problems(de: str, en: str, glossary: Glossary) -> list[tuple[str, str]]:
    """What the English gets wrong against the glossary, as (kind, detail) pairs."""
    problems = [
        ("glossary", f"placeholder '{m.group(0)}' left in English") for m in LOOSE_PLACEHOLDER.finditer(en)
    ]
    for term in glossary.keep:
        if _german(term).search(de) and not _german(term).search(en):
            problems.append(("glossary", f"'{term}' missing in English"))
    for german, english in glossary.pairs:
        if _german(german).search(de) and not _english(english).search(en):
            problems.append(("glossary", f"'{german}' should be '{english}'"))
    return problems
