"""The entity registry `content/entities.yml`: canonical names, types, aliases, English names,
descriptions and Wikidata ids that editors curate. It corrects and enriches what extraction
finds; it is not how names are found."""
from __future__ import annotations

from dataclasses import dataclass, field

import yaml

TYPES = ("PER", "ORG", "LOC", "PRODUCT", "OTHER")


class RegistryError(Exception):
    pass


@dataclass(frozen=True)
class KnownEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    en: str | None = None
    description: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Registry:
    entities: tuple[KnownEntity, ...] = ()
    by_form: dict = field(default_factory=dict)  # name or alias -> KnownEntity

    def find(self, form: str) -> KnownEntity | None:
        return self.by_form.get(form)

    def english_names(self) -> list[tuple[str, str]]:
        """(German name, English name) where they differ, for the translation checks."""
        return [(e.name, e.en) for e in self.entities if e.en]


def parse_registry(text: str, path: str) -> Registry:
    """Entries are a YAML list of mappings with `name` and `type` (see content/entities.yml)."""
    try:
        nodes = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise RegistryError(f"{path}:{mark.line + 1 if mark else 1}: expected YAML, found a syntax error: "
                            f"{getattr(err, 'problem', err)}") from None
    if nodes is None:
        return Registry()
    if not isinstance(nodes, yaml.SequenceNode):
        raise RegistryError(f"{path}:{nodes.start_mark.line + 1}: expected a list of entities ('- name: ...')")
    entities = [_entity(node, path) for node in nodes.value]
    forms: dict[str, KnownEntity] = {}
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            forms.setdefault(form, entity)
    return Registry(tuple(entities), forms)


def _entity(node, path: str) -> KnownEntity:
    line = node.start_mark.line + 1
    data = yaml.safe_load(yaml.serialize(node))
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise RegistryError(f"{path}:{line}: expected an entity with 'name' and 'type', found {data!r}")
    kind = data.get("type")
    if kind not in TYPES:
        raise RegistryError(f"{path}:{line}: expected 'type' to be one of {', '.join(TYPES)}, found {kind!r}")
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RegistryError(f"{path}:{line}: expected 'aliases' as a list of names, found {aliases!r}")
    unknown = set(data) - {"name", "type", "aliases", "en", "description", "wikidata"}
    if unknown:
        raise RegistryError(f"{path}:{line}: unexpected key(s) {', '.join(sorted(unknown))}; expected name, type, "
                            "aliases, en, description, wikidata")
    return KnownEntity(data["name"], kind, tuple(aliases), data.get("en"), data.get("description"),
                       data.get("wikidata"))
