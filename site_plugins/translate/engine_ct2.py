"""A local CTranslate2 model (OPUS-MT or Argos) that the user supplies.

Accepted layouts, found by `locate_model`:
- an Argos package directory: `model/` (model.bin + vocabulary), `sentencepiece.model`,
  `metadata.json`; or a directory holding exactly one such package (an unzipped archive);
- a converted OPUS-MT directory: model.bin + vocabulary with `source.spm` and `target.spm`;
- an `.argosmodel` file (a zip with one package folder inside): read in place from memory, or,
  with the option `cache_dir`, extracted there once and loaded from disk.

Only ctranslate2 and sentencepiece are used: argostranslate would pull in torch and a sentence
splitter that downloads at run time. Inputs are segments (one sentence each) already, so no
sentence splitting is needed here.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .engines import EngineError, Options

ARGOS_SPM = "sentencepiece.model"


@dataclass(frozen=True)
class ModelFiles:
    """Where a model lives: a directory on disk, or its files in memory (`files`)."""

    model_dir: str
    source_spm: bytes
    target_spm: bytes
    files: dict[str, bytes] | None = None


def _fail(path: Path | str, found: str) -> EngineError:
    return EngineError(
        f"engine ctranslate2: option 'path': {path}: {found}; expected a CTranslate2 model "
        "directory (model.bin with source.spm/target.spm, or an Argos package with model/ and "
        "sentencepiece.model) or an .argosmodel file"
    )


def locate_model(path: Path, cache_dir: Path | None) -> ModelFiles:
    if not path.exists():
        raise _fail(path, "does not exist")
    if path.is_file():
        if not zipfile.is_zipfile(path):
            raise _fail(path, "is a file but not a zip archive")
        if cache_dir is None:
            return _read_zip(path)
        return _locate_dir(_extract(path, cache_dir), path)
    return _locate_dir(path, path)


def _locate_dir(directory: Path, shown: Path) -> ModelFiles:
    if (directory / "model" / "model.bin").is_file():  # Argos package
        spm = _read(directory / ARGOS_SPM, shown)
        return ModelFiles(str(directory / "model"), spm, spm)
    if (directory / "model.bin").is_file():  # OPUS-MT conversion, or a bare model/ dir
        for source, target in (("source.spm", "target.spm"), (ARGOS_SPM, ARGOS_SPM)):
            for base in (directory, directory.parent):
                if (base / source).is_file() and (base / target).is_file():
                    return ModelFiles(str(directory), _read(base / source, shown), _read(base / target, shown))
        raise _fail(shown, "has model.bin but no source.spm/target.spm or sentencepiece.model")
    children = [child for child in directory.iterdir() if child.is_dir()]
    if len(children) == 1 and (children[0] / "model" / "model.bin").is_file():
        return _locate_dir(children[0], shown)
    raise _fail(shown, "holds no model.bin")


def _read(path: Path, shown: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise _fail(shown, f"cannot read {path.name}: {error.strerror}") from None


def _package_prefix(names: list[str], archive: Path) -> PurePosixPath:
    prefixes = {PurePosixPath(n).parent.parent for n in names if PurePosixPath(n).match("model/model.bin")}
    if len(prefixes) != 1:
        raise _fail(archive, f"contains {len(prefixes)} model/model.bin entries, not 1")
    return prefixes.pop()


def _read_zip(archive: Path) -> ModelFiles:
    """Read the package straight from the zip: ctranslate2 accepts model files in memory."""
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        prefix = _package_prefix(names, archive)
        model_prefix = prefix / "model"
        files = {
            str(PurePosixPath(n).relative_to(model_prefix)): zipped.read(n)
            for n in names
            if PurePosixPath(n).parent == model_prefix and not n.endswith("/")
        }
        try:
            spm = zipped.read(str(prefix / ARGOS_SPM))
        except KeyError:
            raise _fail(archive, f"has no {prefix / ARGOS_SPM}") from None
    return ModelFiles(f"{archive}#model", spm, spm, files)


def _extract(archive: Path, cache_dir: Path) -> Path:
    """Extract once into cache_dir/<name>-<hash>; a finished extraction is reused."""
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()[:16]
    target = cache_dir / f"{archive.stem}-{digest}"
    if target.is_dir():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".extract-"))
    try:
        with zipfile.ZipFile(archive) as zipped:
            for name in zipped.namelist():  # refuse entries that would escape the cache
                if not (scratch / name).resolve().is_relative_to(scratch.resolve()):
                    raise _fail(archive, f"has an entry outside the archive root: {name!r}")
            zipped.extractall(scratch)
        os.replace(scratch, target)  # atomic: a half-extracted model is never seen
    except OSError as error:
        raise _fail(archive, f"cannot extract to {cache_dir}: {error}") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


@dataclass
class CTranslate2Engine:
    translator: Any  # ctranslate2.Translator
    source: Any  # sentencepiece.SentencePieceProcessor
    target: Any
    batch_size: int
    beam_size: int
    max_decoding_length: int
    name: str = "ctranslate2"

    @classmethod
    def from_options(cls, options: Options) -> CTranslate2Engine:
        import ctranslate2
        import sentencepiece

        path = Path(options.string("path")).expanduser()
        cache = options.optional_string("cache_dir")
        found = locate_model(path, Path(cache).expanduser() if cache else None)
        try:
            translator = ctranslate2.Translator(
                found.model_dir,
                device=options.string("device", "cpu"),
                intra_threads=options.integer("threads", 0, minimum=0),
                files=found.files,
            )
            source = sentencepiece.SentencePieceProcessor(model_proto=found.source_spm)
            target = sentencepiece.SentencePieceProcessor(model_proto=found.target_spm)
        except (RuntimeError, ValueError, OSError) as error:
            raise _fail(path, f"cannot be loaded: {error}") from None
        return cls(
            translator,
            source,
            target,
            batch_size=options.integer("batch_size", 16),
            beam_size=options.integer("beam_size", 2),
            max_decoding_length=options.integer("max_decoding_length", 256),
        )

    def translate(self, texts: list[str]) -> list[str]:
        # Blank segments stay blank: an empty source makes a model invent text.
        wanted = [i for i, text in enumerate(texts) if text.strip()]
        tokens = self.source.encode([texts[i] for i in wanted], out_type=str)
        results = self.translator.translate_batch(
            tokens,
            max_batch_size=self.batch_size,
            beam_size=self.beam_size,
            max_decoding_length=self.max_decoding_length,
            replace_unknowns=True,
        )
        out = [""] * len(texts)
        for index, result in zip(wanted, results):
            out[index] = self.target.decode(result.hypotheses[0]).strip()
        return out
