"""File I/O around the pure modules, shared by the MkDocs plugin and the CLI: where the
content lives, reading it, and writing catalogs atomically."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from .registry import Registry, RegistryError, parse_registry

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Workspace:
    root: Path  # the project directory (where mkdocs.yml is); paths in messages are relative to it
    content: Path

    @classmethod
    def at(cls, root: Path, content_dir: str = "content") -> "Workspace":
        return cls(root, root / content_dir)

    @property
    def articles_dir(self) -> Path:
        return self.content / "articles"

    @property
    def catalogs_dir(self) -> Path:
        return self.content / "translations" / "en"

    @property
    def translations_rel(self) -> str:
        return self.rel(self.content / "translations")

    def rel(self, path: Path) -> str:
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def names_option(self) -> str:
        """The newsroom plugin's `names` option in mkdocs.yml ("auto" where it is not set or the
        file does not read), so the commands extract names as the site does."""
        try:
            config = yaml.load((self.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return "auto"
        plugins = config.get("plugins") if isinstance(config, dict) else None
        entries = plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []
        for entry in entries:
            options = entry.get("newsroom") if isinstance(entry, dict) else None
            if isinstance(options, dict) and isinstance(options.get("names"), str):
                return options["names"]
        return "auto"

    def article_paths(self) -> list[Path]:
        if not self.articles_dir.is_dir():
            return []
        return sorted(p for p in self.articles_dir.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.is_file())

    def sources(self, only: list[Path] | None = None) -> dict[str, bytes]:
        paths = self.article_paths() if only is None else only
        return {self.rel(p): p.read_bytes() for p in paths}

    def catalogs(self) -> dict[str, bytes]:
        return {p.stem: p.read_bytes() for p in sorted(self.catalogs_dir.glob("*.po"))}

    def catalog_path(self, slug: str) -> Path:
        return self.catalogs_dir / f"{slug}.po"

    def write_catalog(self, slug: str, data: bytes) -> Path:
        """Temporary file, then rename: a reader or a crash never leaves half a catalog."""
        target = self.catalog_path(slug)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        return target

    def registry(self) -> tuple[Registry, str | None]:
        """The entity registry and, if it could not be read, why."""
        path = self.content / "entities.yml"
        if not path.is_file():
            return Registry(), None
        try:
            return parse_registry(path.read_text(encoding="utf-8"), self.rel(path)), None
        except RegistryError as err:
            return Registry(), str(err)
        except UnicodeDecodeError:
            return Registry(), f"{self.rel(path)}:1: expected UTF-8 text"

    def glossary(self):
        """The glossary, or None when there is none; raises GlossaryError on bad input."""
        from .translate.glossary import parse_glossary

        path = self.content / "glossary.yml"
        if not path.is_file():
            return None
        return parse_glossary(path.read_text(encoding="utf-8"), self.rel(path))


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags (!!python/name:..., !ENV) as nothing instead of failing."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
