"""Running the `factcheck` command in a subprocess, as a user would, for CLI tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_factcheck(
    args: list[str], cwd: Path = ROOT, *, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        timeout=300,
        check=False,
    )
