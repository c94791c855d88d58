"""Every input ends in a result or one clear line with exit code 2 (issue: reliability)."""

from __future__ import annotations

import json
import math
import subprocess
from pathlib import Path

import pytest

from factcheck.api import load_document
from factcheck.normalize.pipeline import normalize
from factcheck.quantities.parse import parse_text
from factcheck.rules.pack import default_tolerances
from tests.cli_runner import run_factcheck as run

ROOT = Path(__file__).resolve().parents[2]


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("factcheck: error: "), lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["audit", "a.txt", "--bogus"], "No such option: --bogus"),
        (["audit"], "Missing argument"),
        (["extract", "a.txt", "--format", "xml"], "Invalid value"),
        (["parse"], "give a text"),
    ],
)
def test_usage_errors_go_through_click_with_the_usage_line(
    tmp_path: Path, args: list[str], said: str
) -> None:
    (tmp_path / "a.txt").write_text("显存80GB", encoding="utf-8")
    result = run(args, tmp_path)
    stderr = result.stderr
    assert result.returncode == 2
    assert stderr.startswith("Usage: factcheck") and said in stderr
    assert "internal error" not in stderr


def test_a_device_as_article_is_read_only_up_to_the_cap(tmp_path: Path) -> None:
    line = one_error_line(run(["audit", "/dev/zero"], tmp_path))
    assert "/dev/zero: larger than 64 MB" in line
    line = one_error_line(run(["parse", "--file", "/dev/zero"], tmp_path))
    assert "/dev/zero: larger than 64 MB" in line


def test_stdin_is_an_article_and_its_size_is_bounded(tmp_path: Path) -> None:
    result = run(["extract", "-", "--format", "jsonl"], tmp_path, stdin="显存为80GB。")
    assert result.returncode == 0 and '"quote"' in result.stdout
    huge = "a" * (64 * 2**20 + 1)
    assert "<stdin>: larger than 64 MB" in one_error_line(run(["audit", "-"], tmp_path, stdin=huge))


def _dataset(tmp_path: Path, source_path: str) -> Path:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "x.yaml").write_text(
        f"source:\n  path: {source_path}\n  sha256: '{'0' * 64}'\nclaims: []\n", encoding="utf-8"
    )
    return claims


@pytest.mark.parametrize("source_path", ["/etc/passwd", "../../etc/passwd", "../outside.txt"])
def test_a_dataset_source_outside_its_root_is_refused_with_the_line(
    tmp_path: Path, source_path: str
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    _dataset(root, source_path)
    line = one_error_line(run(["check", "claims"], root))
    assert "claims/x.yaml:1: source.path" in line and "relative path inside" in line


def test_lone_surrogates_are_replaced_before_any_library_sees_them() -> None:
    text = "中\ud800国 显存80GB\udfff。"
    normalized = normalize(text)
    assert "\ud800" not in normalized.text and len(normalized.original) == len(text)
    quantities = parse_text(text, default_tolerances())
    assert [q.surface for q in quantities] == ["80GB"]
    assert text[quantities[0].span.start : quantities[0].span.end] == "80GB"


def test_a_number_too_large_for_a_float_is_not_a_quantity(tmp_path: Path) -> None:
    quantities = parse_text("1" * 309 + "元,另有5个", default_tolerances())
    assert [q.surface for q in quantities] == ["5个"]
    assert all(math.isfinite(float(q.value or 0)) for q in quantities)
    (tmp_path / "big.txt").write_text("营收" + "9" * 400 + "亿元,增长50%。", encoding="utf-8")
    result = run(["audit", "big.txt", "--format", "json"], tmp_path)
    assert result.returncode == 0
    json.loads(result.stdout, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))


def test_a_big5_article_is_decoded_as_big5() -> None:
    text = "輝達H100的顯存為80GB，售價約3萬美元。"
    document = load_document("tw.txt", text.encode("big5"))
    assert document.text == text
