"""The CLI commands: each reads the workspace, calls the pure modules, prints, and returns an
exit code. Errors a user can fix raise CommandError (one line, no traceback)."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TextIO

from .article import ArticleError, extraction_view, parse_article
from .commands_ingest import CommandError
from .extract import ner
from .extract.pipeline import article_facts, extract_text
from .model import Facts
from .site import Problem, SiteResult, catalog_path, check_problems, parse_all, source_segments
from .translate.memory import MemoryError_, count, merge, read_catalog, write_catalog
from .workspace import Workspace

__all__ = ["CommandError", "status", "extract", "translate", "check", "check_batch", "align", "suggest_entities"]


def _articles(workspace: Workspace, only: list[Path] | None = None):
    """Parsed articles with their merged catalogs; bad files are reported on the way."""
    result = SiteResult()
    paths = [p.resolve() for p in only] if only else None
    for path in paths or []:
        if not path.is_file():
            raise CommandError(f"{path}: expected a source article file, found nothing")
    articles = parse_all(workspace.sources(paths), result)
    registry, problem = workspace.registry()
    if problem:
        result.problems.append(Problem(problem, 0, "the registry is ignored"))
    catalogs = workspace.catalogs()
    names, problem = _names_mode(workspace)  # as the site: the same fact strings
    if problem:
        result.problems.append(Problem("mkdocs.yml", 0, problem))
    for article in articles:
        facts = article_facts(article, registry, names)
        path = catalog_path(workspace.translations_rel, article.slug)
        try:
            old = read_catalog(catalogs[article.slug], path) if article.slug in catalogs else None
        except MemoryError_ as err:
            result.problems.append(Problem(path, 0, str(err)))
            continue
        segments = source_segments(article, facts)
        yield article, facts, segments, merge(old, segments, datetime.now().astimezone()), old is not None
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)


def status(workspace: Workspace, out: TextIO) -> int:
    rows = []
    for article, _, segments, catalog, _ in _articles(workspace):
        counts = count(catalog, [(s.text, s.context) for s in segments])
        rows.append((article.slug, counts))
    print(f"{'article':40} {'segments':>8} {'reviewed':>8} {'machine':>8} {'fuzzy':>6} {'missing':>8}", file=out)
    for slug, c in rows:
        print(f"{slug[:40]:40} {c.segments:8} {c.reviewed:8} {c.machine:8} {c.outdated:6} {c.missing:8}", file=out)
    print("machine: engine output (fuzzy, shown marked); fuzzy: an edited sentence's old English, "
          "not shown until reviewed", file=out)
    return 0


def facts_json(facts: Facts) -> dict:
    def plain(item) -> dict:
        data = asdict(item)
        return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}

    entities = [{k: v for k, v in plain(e).items() if v is not None or k not in ("id", "name_en")}
                for e in facts.entities]
    return {"entities": entities, "figures": [plain(f) for f in facts.figures],
            "quotes": [plain(q) for q in facts.quotes], "events": [plain(e) for e in facts.events]}


def extract(workspace: Workspace, path: Path | None, batch: bool, published: str | None,
            stdin: TextIO, out: TextIO, names: str | None = None) -> int:
    """`names`: the name recognizer's option (auto, contextual, fast); None: mkdocs.yml's."""
    names, problem = _names_mode(workspace, names)
    if problem:
        raise CommandError(problem)
    registry, _ = workspace.registry()
    if batch:
        for number, line in enumerate(stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text, ident = item["text"], item.get("id", number)
            except (ValueError, KeyError, TypeError):
                print(json.dumps({"id": None, "error": f"stdin:{number}: expected JSON with 'text'"}), file=out)
                continue
            out.write(json.dumps({"id": ident, **_extract_one(str(text), item.get("published"), registry, names)},
                                 ensure_ascii=False) + "\n")
        return 0
    if path is None:
        raise CommandError("expected a PATH or --batch")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise CommandError(f"{path}: expected a readable UTF-8 file ({err.__class__.__name__})") from None
    print(json.dumps({"id": str(path), **_extract_one(text, published, registry, names, str(path))},
                     ensure_ascii=False, indent=2), file=out)
    return 0


def _names_mode(workspace: Workspace, option: str | None = None) -> tuple[str, str | None]:
    """The name recognizer's mode for `option`, or for the site's option in mkdocs.yml."""
    try:
        return ner.resolve_mode(option or workspace.names_option())
    except ValueError as error:
        raise CommandError(f"mkdocs.yml: {error}") from None


def _extract_one(text: str, published: str | None, registry, names: str, path: str = "<text>") -> dict:
    try:
        view, pub = extraction_view(text, path, published)
    except ArticleError as err:
        return {"entities": [], "figures": [], "quotes": [], "events": [], "error": str(err)}
    return facts_json(extract_text(view, pub, registry, names))


def translate(workspace: Workspace, only: list[Path], engine_name: str, options: dict, now: datetime,
              out: TextIO, err: TextIO) -> int:
    from tqdm import tqdm

    from .translate.engines import EngineError, make_engine
    from .translate.fill import fill_missing, missing_keys
    from .translate.glossary import GlossaryError

    try:
        engine = make_engine(engine_name, _typed(options))
        glossary = workspace.glossary()
    except (EngineError, GlossaryError) as error:
        raise CommandError(str(error)) from None
    failed = 0
    for article, _, segments, catalog, _ in _articles(workspace, only or None):
        todo = missing_keys(catalog, ((s.text, s.context) for s in segments))
        progress = lambda r: tqdm(r, desc=article.slug, unit="batch", file=err, disable=not todo)  # noqa: E731
        filled, error = fill_missing(catalog, todo, engine, engine_name, glossary, now.date().isoformat(), progress)
        if error:
            print(f"{article.path}: {error}", file=err)
            failed = 1
        target = workspace.write_catalog(article.slug, write_catalog(catalog))
        print(f"{workspace.rel(target)}: {filled} segments machine-translated (fuzzy), "
              f"{len(todo) - filled} still missing", file=out)
    return failed


def _typed(options: dict) -> dict:
    """Command-line option values are strings; numbers become numbers."""
    typed = {}
    for key, value in options.items():
        try:
            typed[key] = int(value)
        except ValueError:
            try:
                typed[key] = float(value)
            except ValueError:
                typed[key] = value
    return typed


def check(workspace: Workspace, only: list[Path], out: TextIO) -> int:
    from .translate.checks import check_pair

    glossary = workspace.glossary()
    registry, _ = workspace.registry()
    names = registry.english_names()
    found = 0
    for article, _, segments, catalog, _ in _articles(workspace, only or None):
        po_path = catalog_path(workspace.translations_rel, article.slug)
        problems = check_problems(segments, catalog, lambda de, en: check_pair(de, en, names=names, glossary=glossary),
                                  po_path)
        for problem in problems:
            print(problem, file=out)
        found += len(problems)
    print(f"{found} problem(s)", file=out)
    return 1 if found else 0


def check_batch(stdin: TextIO, out: TextIO) -> int:
    from .translate.checks import check_batch_line

    for number, line in enumerate(stdin, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            item = {"id": None, "de": None, "en": None, "_line": number}
        out.write(json.dumps(check_batch_line(item), ensure_ascii=False) + "\n")
    return 0


def align(workspace: Workspace, de_file: Path, en_file: Path, now: datetime, out: TextIO) -> int:
    from .segment import english_sentences, segment_article
    from .translate.align import align as align_sentences

    try:
        article = parse_article(de_file.read_bytes(), workspace.rel(de_file.resolve()))
        english_text = en_file.read_text(encoding="utf-8")
    except ArticleError as err:
        raise CommandError(str(err)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise CommandError(f"{en_file}: expected a UTF-8 text file ({err.__class__.__name__})") from None
    rows = [row for row in _articles(workspace, [de_file]) if row[0].slug == article.slug]
    if not rows:
        raise CommandError(f"{de_file}: could not be read as an article")
    article, _, segments, catalog, _ = rows[0]
    # in reading order; a title that is also the first heading is that heading
    headings = {b.text for b in article.blocks if b.kind == "heading"}
    german = list(dict.fromkeys(s.text for s in segment_article(article)
                                if not (s.kind == "title" and s.text in headings)))
    english = english_sentences(english_text)
    alignment = align_sentences(german, english)
    stored, kept, report = 0, 0, []
    doubtful = {id(b) for b in alignment.low_confidence}
    for bead in alignment.beads:
        if len(bead.de) != 1 or not bead.en:
            if bead.de and bead.en:
                report.append(f"not stored (several German sentences, one English): "
                              f"{' | '.join(german[i][:50] for i in bead.de)}")
            continue
        text = german[bead.de[0]]
        message = catalog.get(text)
        if message.string and not message.fuzzy:
            kept += 1  # a reviewed translation is never replaced
            continue
        message.string = " ".join(english[j] for j in bead.en)
        message.user_comments = [c for c in message.user_comments if not c.startswith("machine:")]
        message.user_comments.append(f"aligned from {en_file.name} {now.date().isoformat()}")
        if id(bead) in doubtful:
            message.flags.add("fuzzy")
            report.append(f"low confidence, stored as fuzzy: {text[:60]}")
        else:
            message.flags.discard("fuzzy")
        stored += 1
    report += [f"no English for: {german[i][:70]}" for i in alignment.unaligned_de]
    report += [f"English without German: {english[j][:70]}" for j in alignment.unaligned_en]
    target = workspace.write_catalog(article.slug, write_catalog(catalog))
    print(f"{workspace.rel(target)}: {stored} segments aligned, {kept} reviewed ones kept", file=out)
    for line in report:
        print(f"  {line}", file=out)
    return 0


def suggest_entities(workspace: Workspace, out: TextIO) -> int:
    registry, _ = workspace.registry()
    names: dict[tuple[str, str], list] = {}
    for article, facts, _, _, _ in _articles(workspace):
        for entity in facts.entities:
            if registry.find(entity["name"]) is None:
                entry = names.setdefault((entity["name"], entity["type"]), [0, set()])
                entry[0] += entity["mentions"]
                entry[1].add(article.slug)
    print("# names found in articles but missing from content/entities.yml (most mentioned first)", file=out)
    for (name, kind), (mentions, slugs) in sorted(names.items(), key=lambda x: (-x[1][0], x[0])):
        print(f"- name: {json.dumps(name, ensure_ascii=False)}\n  type: {kind}\n"
              f"  # {mentions} mention(s) in {', '.join(sorted(slugs))}", file=out)
    return 0
