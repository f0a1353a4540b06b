"""Everything outside site_plugins/plugin/ stays independent of MkDocs (Material reaches end of
life in 2027; another generator must be able to host the same pipeline)."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "site_plugins"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_the_plugin_imports_mkdocs():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "plugin" in path.relative_to(PACKAGE).parts:
            continue
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in imported_modules(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_the_plugin_does_import_mkdocs():
    assert "mkdocs.plugins" in imported_modules(PACKAGE / "plugin" / "__init__.py")
