"""Shared fixtures: the project root and the seed article from ../shared (skipped where absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_15f7b36964d19826.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    if not SEED.is_file():
        pytest.skip(f"the seed article {SEED} is absent (it lives in ../shared, outside the project)")
    return SEED.read_bytes()
