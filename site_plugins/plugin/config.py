"""Typed configuration of the `newsroom` plugin (mkdocs.yml: plugins: - newsroom: ...)."""
from mkdocs.config import base
from mkdocs.config import config_options as c


class NewsroomConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # where editors work, relative to mkdocs.yml
    content_dir = c.Type(str, default="content")
    # write merged catalogs back (new segments appear in the PO files for translators);
    # a catalog that does not parse is never rewritten
    update_memory = c.Type(bool, default=True)
