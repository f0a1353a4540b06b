import pytest

from site_plugins.registry import RegistryError, parse_registry

GOOD = """# comment
- name: Kalmberg Reederei
  type: ORG
  aliases: [Kalmbergs, Kalmberg]
  en: Kalmberg Shipping
  wikidata: Q1
- name: Italien
  type: LOC
  en: Italy
"""


def test_registry_finds_names_and_aliases():
    registry = parse_registry(GOOD, "content/entities.yml")
    assert registry.find("Kalmbergs").name == "Kalmberg Reederei"
    assert registry.find("Kalmberg Reederei").en == "Kalmberg Shipping"
    assert registry.find("Italien").type == "LOC"
    assert registry.find("Frankreich") is None


@pytest.mark.parametrize("text, message", [
    ("- name: X\n  type: FIRM\n", "content/entities.yml:1: expected 'type' to be one of PER, ORG, LOC, PRODUCT, OTHER, found 'FIRM'"),
    ("- name: X\n  type: ORG\n- type: PER\n", "content/entities.yml:3: expected an entity with 'name' and 'type', found {'type': 'PER'}"),
    ("name: X\n", "content/entities.yml:1: expected a list of entities ('- name: ...')"),
    ("- name: X\n  type: ORG\n  colour: red\n", "content/entities.yml:1: unexpected key(s) colour; expected name, type, aliases, en, description, wikidata"),
    ("- name: [\n", "content/entities.yml:2: expected YAML, found a syntax error"),
])
def test_bad_registry_names_file_and_line(text, message):
    with pytest.raises(RegistryError) as err:
        parse_registry(text, "content/entities.yml")
    assert str(err.value).startswith(message)


def test_the_shipped_registry_parses():
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "content" / "entities.yml"
    registry = parse_registry(path.read_text(encoding="utf-8"), "content/entities.yml")
    assert registry.find("Deepseeks").name == "Deepseek"
