"""The CTranslate2 engine on a tiny model the tests build (tests/tiny_ct2_model.py).

The model has random weights: these tests prove loading every supported layout, tokenizing,
batching and detokenizing, not translation quality.
"""
from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from site_plugins.translate.engines import EngineError, make_engine

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiny_ct2_model import build_argos_dir, zip_argos_model  # noqa: E402

EXPECTED = (
    "a CTranslate2 model directory (model.bin with source.spm/target.spm, or an Argos package "
    "with model/ and sentencepiece.model) or an .argosmodel file"
)
TEXTS = [
    "Das Rechenzentrum kostet viel.",
    "",
    "OpenAI stellt ein Denkmodell vor.",
    "Kurz.",
    "Die Exportbeschränkungen gelten ab Freitag.",
]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_argos_dir(tmp_path_factory.mktemp("models") / "translate-de_en-0_1")


@pytest.fixture(scope="module")
def archive(package: Path) -> Path:
    return zip_argos_model(package, package.parent / "translate-de_en-0_1.argosmodel")


def engine(path: Path, **options: object):
    return make_engine("ctranslate2", {"path": str(path), "max_decoding_length": 12, **options})


def test_tiny_model_is_small(package: Path, archive: Path):
    size = sum(p.stat().st_size for p in package.rglob("*") if p.is_file())
    assert size < 100_000
    assert sorted(str(p.relative_to(package)) for p in package.rglob("*")) == [
        "metadata.json", "model", "model/config.json", "model/model.bin",
        "model/shared_vocabulary.json", "sentencepiece.model",
    ]


def test_n_inputs_give_n_strings_and_blanks_stay_blank(package: Path):
    out = engine(package).translate(TEXTS)
    assert len(out) == len(TEXTS)
    assert all(isinstance(text, str) for text in out)
    assert out[1] == ""
    assert engine(package).translate([]) == []


def test_every_layout_loads_the_same_model(package: Path, archive: Path, tmp_path: Path):
    expected = engine(package).translate(TEXTS)
    # An unzipped archive: a folder holding the package folder.
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unzipped)
    # A converted OPUS-MT model: model.bin beside source.spm and target.spm.
    opus = tmp_path / "opus-mt-de-en"
    shutil.copytree(package / "model", opus)
    for name in ("source.spm", "target.spm"):
        shutil.copy(package / "sentencepiece.model", opus / name)
    for path in (archive, unzipped, opus, package / "model"):
        assert engine(path).translate(TEXTS) == expected, path


def test_archive_is_extracted_once_into_the_cache(archive: Path, tmp_path: Path, package: Path):
    cache = tmp_path / "cache"
    first = engine(archive, cache_dir=str(cache)).translate(TEXTS)
    extracted = sorted(p.name for p in cache.iterdir())
    assert len(extracted) == 1 and extracted[0].startswith("translate-de_en-0_1-")
    marker = cache / extracted[0] / "translate-de_en-0_1" / "metadata.json"
    marker.write_text("{}", encoding="utf-8")  # reused, not extracted again
    assert engine(archive, cache_dir=str(cache)).translate(TEXTS) == first
    assert marker.read_text(encoding="utf-8") == "{}"
    assert first == engine(package).translate(TEXTS)


class SpyTranslator:
    """Wraps ctranslate2.Translator and records each translate_batch call."""

    def __init__(self, inner):
        self.inner = inner
        self.calls: list[tuple[int, dict]] = []

    def translate_batch(self, source, **options):
        self.calls.append((len(source), options))
        return self.inner.translate_batch(source, **options)


def test_batch_size_and_decoding_options_reach_ctranslate2(package: Path):
    translator = engine(package, batch_size=2, beam_size=1)
    spy = SpyTranslator(translator.translator)
    translator.translator = spy
    assert len(translator.translate(TEXTS)) == 5
    assert spy.calls == [
        (4, {"max_batch_size": 2, "beam_size": 1, "max_decoding_length": 12, "replace_unknowns": True})
    ]


def test_batching_does_not_change_results(package: Path):
    one_by_one = [engine(package, beam_size=1).translate([text])[0] for text in TEXTS]
    assert engine(package, batch_size=2, beam_size=1).translate(TEXTS) == one_by_one


def test_missing_path_names_the_path(tmp_path: Path):
    missing = tmp_path / "nowhere" / "de_en.argosmodel"
    with pytest.raises(EngineError) as caught:
        engine(missing)
    assert str(caught.value) == f"engine ctranslate2: option 'path': {missing}: does not exist; expected {EXPECTED}"


@pytest.mark.parametrize(
    "make, found",
    [
        (lambda d: (d / "notes.txt", (d / "notes.txt").write_text("x")), "is a file but not a zip archive"),
        (lambda d: (d, (d / "readme.md").write_text("x")), "holds no model.bin"),
        (lambda d: (d, (d / "model.bin").write_bytes(b"x")), "has model.bin but no source.spm/target.spm or sentencepiece.model"),
    ],
)
def test_unusable_paths_are_explained(tmp_path: Path, make, found):
    path, _ = make(tmp_path)
    with pytest.raises(EngineError) as caught:
        engine(path)
    assert str(caught.value) == f"engine ctranslate2: option 'path': {path}: {found}; expected {EXPECTED}"


def test_archive_without_model_is_explained(tmp_path: Path):
    bad = tmp_path / "empty.argosmodel"
    with zipfile.ZipFile(bad, "w") as zipped:
        zipped.writestr("pkg/metadata.json", "{}")
    with pytest.raises(EngineError) as caught:
        engine(bad)
    assert str(caught.value) == (
        f"engine ctranslate2: option 'path': {bad}: contains 0 model/model.bin entries, not 1; expected {EXPECTED}"
    )


def test_corrupt_model_is_reported_not_crashed(package: Path, tmp_path: Path):
    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    (broken / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(EngineError, match=rf"^engine ctranslate2: option 'path': {broken}: cannot be loaded: "):
        engine(broken)
