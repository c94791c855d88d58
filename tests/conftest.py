from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.model.tolerances import Tolerances
from factcheck.rules.pack import default_tolerances

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def tolerances() -> Tolerances:
    return default_tolerances()


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
