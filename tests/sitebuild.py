"""Helpers for tests that run a real `mkdocs build` on a copy of the project."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_project(target: Path, site_url: str | None = None) -> Path:
    """mkdocs.yml and content/ copied into `target` (the real content stays untouched)."""
    shutil.copytree(ROOT / "content", target / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url is not None:
        config = config.replace("site_url: https://newsroom.example.org/", f"site_url: {site_url}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def mkdocs_build(project: Path, strict: bool) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"] + (["--strict"] if strict else [])
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
