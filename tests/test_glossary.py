"""Glossary: parsing with line numbers, protection round trip, problems found."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_plugins.translate.engines import EngineError
from site_plugins.translate.glossary import (
    Glossary,
    GlossaryError,
    Term,
    glossary_problems,
    parse_glossary,
    protect,
    restore,
    translate_with_glossary,
)

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = Glossary(
    keep=("OpenAI", "Deepseek", "R1", "o3-mini", "Sam Altman", "Silicon Valley"),
    pairs=(("Denkmodell", "reasoning model"), ("Rechenzentrum", "data center"), ("KI", "AI")),
)


def test_demo_glossary_parses():
    glossary = parse_glossary((ROOT / "content/glossary.yml").read_text("utf-8"), "content/glossary.yml")
    assert glossary.keep[:10] == (
        "OpenAI", "Deepseek", "ChatGPT", "Wired", "R1", "o1", "o3-mini", "Silicon Valley", "Nvidia", "Sam Altman",
    )
    assert glossary.pairs[:5] == (
        ("Denkmodell", "reasoning model"),
        ("Finanzierungsrunde", "funding round"),
        ("Rechenzentrum", "data center"),
        ("Exportbeschränkungen", "export restrictions"),
        ("KI", "AI"),
    )


def test_parse_keeps_file_order_and_reads_scalars_as_written():
    text = "keep:\n  - R1\n  - 2025\npairs:\n  KI: AI\n  Denkmodell: reasoning model\n"
    assert parse_glossary(text, "g.yml") == Glossary(
        keep=("R1", "2025"), pairs=(("KI", "AI"), ("Denkmodell", "reasoning model"))
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ("", None),
        ("# only a comment\n", None),
        ("keep:\npairs:\n", None),
        ("- OpenAI\n", "g.yml:1: expected a mapping with 'keep' and 'pairs', found a list"),
        ("keep:\n  - OpenAI\nterms:\n  - R1\n", "g.yml:3: expected 'keep' or 'pairs', found 'terms'"),
        ("keep: OpenAI\n", "g.yml:1: expected a list of terms under 'keep', found 'OpenAI'"),
        ("keep:\n  - OpenAI\n  - {a: b}\n", "g.yml:3: expected a term under 'keep', found a mapping"),
        ("keep:\n  - OpenAI\n  - ''\n", "g.yml:3: expected a term under 'keep', found an empty string"),
        ("keep:\n  - OpenAI\n  - R1\n  - OpenAI\n", "g.yml:4: expected 'OpenAI' once under 'keep', found it again (first on line 2)"),
        ("pairs:\n  - KI\n", "g.yml:2: expected a mapping 'German: English' under 'pairs', found a list"),
        ("pairs:\n  KI: AI\n  Denkmodell:\n", "g.yml:3: expected the English for 'Denkmodell', found nothing"),
        ("pairs:\n  KI: AI\n  KI: A.I.\n", "g.yml:3: expected 'KI' once under 'pairs', found it again (first on line 2)"),
        ("keep: [KI]\npairs:\n  KI: AI\n", "g.yml: expected 'KI' under 'keep' or 'pairs', found it in both"),
        ("keep:\n  - OpenAI\n keep: [x]\n", "g.yml:3: not valid YAML: expected <block end>, but found '<block mapping start>'"),
        ("keep: [a]\nkeep: [b]\n", "g.yml:2: expected 'keep' once, found it a second time"),
    ],
)
def test_parse_errors_name_path_and_line(text, message):
    if message is None:
        assert parse_glossary(text, "g.yml") == Glossary()
        return
    with pytest.raises(GlossaryError) as caught:
        parse_glossary(text, "g.yml")
    assert str(caught.value) == message


def test_protect_replaces_whole_words_only():
    text = "Sam Altman nennt das Denkmodell R1 von Deepseek, das OpenAI-Team und die KI-Modelle im Rechenzentrum."
    assert protect(text, GLOSSARY) == (
        "<x1/> nennt das <x2/> <x3/> von <x4/>, das OpenAI-Team und die KI-Modelle im <x5/>.",
        (("Sam Altman", False), ("reasoning model", True), ("R1", False), ("Deepseek", False), ("data center", True)),
    )


def test_protect_leaves_inflected_forms_and_existing_tags_alone():
    assert protect("Die Denkmodelle des Rechenzentrums", GLOSSARY) == ("Die Denkmodelle des Rechenzentrums", ())
    assert protect("<x1/> und OpenAI", GLOSSARY) == ("<x1/> und OpenAI", ())


OPENAI, R1 = Term("OpenAI", False), Term("R1", False)


def test_restore_accepts_spaced_tags_and_rejects_lost_or_doubled_ones():
    assert restore("< x2 / > by <x1/>", (OPENAI, R1)) == "R1 by OpenAI"
    assert restore("<x2></x2> by <x1>", (OPENAI, R1)) == "R1 by OpenAI"
    assert restore("R1 by <x1/>", (OPENAI, R1)) is None
    assert restore("<x1/> <x1/> <x2/>", (OPENAI, R1)) is None
    assert restore("<x1/> <x2/> <x3/>", (OPENAI, R1)) is None


def test_restore_gives_pair_terms_sentence_case_at_a_sentence_start():
    terms = (Term("data center", True), Term("o3-mini", False), Term("data center", True), Term("data center", True))
    assert restore("<x1/> runs <x2/>. “<x3/> too,” says the <x4/>.", terms) == (
        "Data center runs o3-mini. “Data center too,” says the data center."
    )
    assert restore("<x1/> is new.", (Term("o3-mini", False),)) == "o3-mini is new."


@given(st.lists(st.sampled_from(["OpenAI", "Sam Altman", "o3-mini", "R1", "und", "R1-Modell", ",", "Deepseeks", "<", "x1"]), max_size=12))
def test_keep_terms_round_trip(words):
    text = " ".join(words)
    glossary = Glossary(keep=GLOSSARY.keep)
    protected, terms = protect(text, glossary)
    assert restore(protected, terms) == text


class DictEngine:
    """Translates by lookup; records every call. Unknown input is an error in the test."""

    name = "dict"

    def __init__(self, table: dict[str, str]):
        self.table = table
        self.calls: list[list[str]] = []

    def translate(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [self.table[text] for text in texts]


def test_translate_with_glossary_restores_terms_and_sends_duplicates_once():
    engine = DictEngine({
        "<x1/> stellt ein <x2/> vor.": "<x1/> presents a <x2/>.",
        "Die Börse fällt.": "The stock market falls.",
    })
    texts = ["Deepseek stellt ein Denkmodell vor.", "Die Börse fällt.", "Deepseek stellt ein Denkmodell vor."]
    assert translate_with_glossary(engine, texts, GLOSSARY) == [
        "Deepseek presents a reasoning model.",
        "The stock market falls.",
        "Deepseek presents a reasoning model.",
    ]
    assert engine.calls == [["<x1/> stellt ein <x2/> vor.", "Die Börse fällt."]]


def test_lost_placeholder_falls_back_to_unprotected_translation():
    engine = DictEngine({
        "<x1/> baut ein <x2/>.": "Builds a <x2/>.",  # the subject got lost
        "OpenAI baut ein Rechenzentrum.": "OpenAI builds a computing centre.",
    })
    de = "OpenAI baut ein Rechenzentrum."
    assert translate_with_glossary(engine, [de], GLOSSARY) == ["OpenAI builds a computing centre."]
    assert engine.calls == [["<x1/> baut ein <x2/>."], [de]]
    assert glossary_problems(de, "OpenAI builds a computing centre.", GLOSSARY) == [
        ("glossary", "'Rechenzentrum' should be 'data center'")
    ]


def test_engine_returning_wrong_count_is_an_error():
    class Short:
        name = "short"

        def translate(self, texts):
            return texts[:-1]

    with pytest.raises(EngineError, match="^engine short: sent 2 texts, got 1 translations back$"):
        translate_with_glossary(Short(), ["a", "b"], GLOSSARY)


def test_empty_input_makes_no_call():
    engine = DictEngine({})
    assert translate_with_glossary(engine, [], GLOSSARY) == []
    assert engine.calls == []


@pytest.mark.parametrize(
    "de, en, problems",
    [
        ("Deepseek stellt ein Denkmodell vor.", "Deepseek presents a reasoning model.", []),
        ("Die Denkmodelle von OpenAI", "OpenAI's reasoning models", []),
        ("Die KI-Modelle", "The AI models", []),
        ("Die KI-Modelle", "The said models", [("glossary", "'KI' should be 'AI'")]),
        ("Die KI-Modelle", "The ai models", [("glossary", "'KI' should be 'AI'")]),
        ("Im Rechenzentrum", "In the Data Centers", []),
        ("Sam Altman sagte", "Altman said", [("glossary", "'Sam Altman' missing in English")]),
        (
            "OpenAI und das Denkmodell",
            "Open AI and the thinking model <x1/>",
            [
                ("glossary", "placeholder '<x1/>' left in English"),
                ("glossary", "'OpenAI' missing in English"),
                ("glossary", "'Denkmodell' should be 'reasoning model'"),
            ],
        ),
        ("Kinder spielen", "Children play", []),
    ],
)
def test_glossary_problems(de, en, problems):
    assert glossary_problems(de, en, GLOSSARY) == problems
