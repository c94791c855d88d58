"""The claims of the seeds and the rule fixtures, pinned: a refactoring of claim building
must leave them byte for byte; a change of behaviour shows here claim by claim and is
accepted with `make golden`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("extract.jsonl")


def test_extract_matches_the_pinned_claims(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["extract", "seeds/", "rules/fixtures/", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    produced = result.stdout.splitlines()
    pinned = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert len(pinned) > 300, "the golden file lost its claims"
    changed = [
        (json.loads(old)["id"], old, new)
        for old, new in zip(pinned, produced, strict=False)
        if old != new
    ]
    first = changed[0] if changed else None
    assert not changed and len(produced) == len(pinned), (
        f"{len(changed)} claims differ from tests/golden/extract.jsonl "
        f"({len(produced)} produced, {len(pinned)} pinned); first: {first}. "
        "If the change is intended, run `make golden` and review the diff."
    )
