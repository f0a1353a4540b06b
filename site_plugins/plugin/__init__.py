"""The MkDocs layer: reads the content directory, hands it to `site_plugins.site`, registers
the generated pages, and adds what only MkDocs can (hreflang in <head>, sitemaps, reload)."""
from __future__ import annotations

import gzip
import logging
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..workspace import Workspace
from ..site import SiteResult, build_site
from ..render.sitemap import Alternate, render_head_links, render_sitemap
from .config import NewsroomConfig

log = logging.getLogger("mkdocs.plugins.newsroom")
HERE = Path(__file__).parent
LANG_NAMES = {"de": "Deutsch", "en": "English"}


class _SwitcherOnly:
    """Truthy but not iterable: Material's header then includes our per-page switcher
    (partials/alternate.html), while base.html skips its site-wide `hreflang` links, which would
    point every page at the other language's home page."""

    def __bool__(self) -> bool:
        return True


def _base_url(config) -> str:
    """`site_url` ending in '/', or "" when the config has none."""
    site_url = config.site_url or ""
    return site_url if not site_url or site_url.endswith("/") else site_url + "/"


class NewsroomPlugin(BasePlugin[NewsroomConfig]):
    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.workspace = Workspace.at(Path(config.config_file_path).parent, self.config.content_dir)
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(HERE / "templates"))
        config.extra_css.append("assets/newsroom.css")
        config.extra_javascript.append("assets/newsroom.js")
        config.extra["alternate"] = _SwitcherOnly()
        self.result: SiteResult | None = None
        self.names = self._names_mode()
        return config

    def _names_mode(self) -> str:
        """The name recognizer's mode; a contextual one that cannot load is a warning."""
        from ..extract import ner

        mode, problem = ner.resolve_mode(self.config.names)
        if problem:
            log.warning(f"newsroom: {problem}")
        return mode

    def on_files(self, files: Files, config) -> Files:
        if not self.config.enabled:
            return files
        self.result = self._build(config)
        self.pages_by_uri = {page.src_uri: page for page in self.result.pages}
        for problem in self.result.problems:
            log.warning(str(problem))
        self._write_catalogs(self.result)
        for page in self.result.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                log.warning(f"{self.config.content_dir}: a generated page replaces docs file '{page.src_uri}'")
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.markdown))
        for asset in ("newsroom.css", "newsroom.js"):
            files.append(File.generated(config, f"assets/{asset}", abs_src_path=str(HERE / "assets" / asset)))
        return files

    def _build(self, config) -> SiteResult:
        registry, problem = self.workspace.registry()
        if problem:
            log.warning(f"{problem}; the build goes on without the registry")
        now = datetime.now(timezone.utc)
        return build_site(self.workspace.sources(), self.workspace.catalogs(), registry,
                          self.workspace.translations_rel, _base_url(config), now,
                          fill=self._filler(now), check=self._checker(registry), names=self.names)

    def _filler(self, now):
        """Engine output for missing segments during the build; a failure is only a warning."""
        if not self.config.translate_on_build:
            return None
        from ..translate.engines import EngineError, make_engine
        from ..translate.fill import fill_missing
        from ..translate.glossary import GlossaryError

        try:
            engine = make_engine(self.config.engine, self.config.engine_options)
            glossary = self.workspace.glossary()
        except (EngineError, GlossaryError) as error:
            log.warning(f"newsroom: engine '{self.config.engine}' unusable ({error}); the build uses the memory only")
            return None
        day = now.date().isoformat()
        return lambda catalog, keys: fill_missing(catalog, keys, engine, self.config.engine, glossary, day)[1]

    def _checker(self, registry):
        if not self.config.check_translations:
            return None
        from ..translate.checks import check_pair
        from ..translate.glossary import GlossaryError

        try:
            glossary = self.workspace.glossary()
        except GlossaryError as error:
            log.warning(f"{error}; translation checks run without the glossary")
            glossary = None
        names = registry.english_names()
        return lambda german, english: check_pair(german, english, names=names, glossary=glossary)

    def _write_catalogs(self, result: SiteResult) -> None:
        if not self.config.update_memory:
            return
        for slug, data in result.catalogs.items():
            target = self.workspace.write_catalog(slug, data)
            log.info(f"newsroom: updated {self.workspace.rel(target)}")

    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled or self.result is None:
            return markdown
        generated = self._page_for(page)
        if generated is not None:
            page.meta["newsroom_switch"] = [
                {"lang": lang, "name": LANG_NAMES[lang], "url": url, "current": lang == generated.lang}
                for lang, url in sorted(((generated.lang, generated.url), (self._other_lang(generated), generated.other_url)))
            ]
        return markdown

    def _page_for(self, page):
        return self.pages_by_uri.get(page.file.src_uri)

    @staticmethod
    def _other_lang(page) -> str:
        return "en" if page.lang == "de" else "de"

    def on_post_page(self, output, page, config):
        if not self.config.enabled or self.result is None or not config.site_url:
            return output
        generated = self._page_for(page)
        if generated is None:
            return output
        links = render_head_links(self._alternate(generated, config), _base_url(config), generated.url)
        return output.replace("</head>", links + "</head>", 1)

    def _alternate(self, page, config) -> Alternate:
        base = _base_url(config)
        urls = {page.lang: page.url, self._other_lang(page): page.other_url}
        return Alternate(base + urls["de"], base + urls["en"])

    def on_post_build(self, config):
        if not self.config.enabled or self.result is None or not config.site_url:
            return
        site_dir = Path(config.site_dir)
        pairs = {}
        for page in self.result.pages:
            alt = self._alternate(page, config)
            pairs[alt.de] = alt
        everything = sorted(pairs.values(), key=lambda a: a.de)
        # Material fetches sitemap.xml next to every hreflang link: one per page directory
        targets = {"": everything, "en/": everything}
        for page in self.result.pages:
            targets.setdefault(page.url, [self._alternate(page, config)])
        for directory, alternates in targets.items():
            xml = render_sitemap(alternates)
            (site_dir / directory).mkdir(parents=True, exist_ok=True)
            (site_dir / directory / "sitemap.xml").write_text(xml, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(render_sitemap(everything).encode(), mtime=0))

    def on_serve(self, server, config, builder):
        if self.config.enabled:
            server.watch(str(self.workspace.content))
        return server
