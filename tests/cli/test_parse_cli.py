"""`factcheck parse`: the JSON-lines contract and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FACTCHECK = [sys.executable, "-m", "factcheck"]


def run(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*FACTCHECK, *args], input=stdin, capture_output=True, timeout=120, check=False
    )


def test_jsonl_contract() -> None:
    result = run(["parse", "--jsonl"], "约4万~8万颗\nH200的141GB\n".encode())
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["text"] for line in lines] == ["约4万~8万颗", "H200的141GB"]
    first = lines[0]["quantities"][0]
    assert set(first) >= {
        "surface",
        "start",
        "end",
        "value",
        "low",
        "high",
        "unit",
        "approx",
        "qualifier",
    }
    assert first["value"] is None and first["low"] == 35000 and first["high"] == 85000
    assert first["unit"] == "count" and first["approx"] is True and first["qualifier"] == "approx"
    second = lines[1]["quantities"][0]
    assert (second["start"], second["end"], second["value"], second["unit"]) == (5, 10, 141.0, "GB")


def test_table_output() -> None:
    result = run(["parse", "H20(96GB HBM3)"])
    assert result.returncode == 0
    assert "96GB" in result.stdout.decode()


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (b"\x00\x01binary\x00\x00" * 4, "binary data"),
        (bytes(range(128, 256)) * 3, "cannot tell the encoding"),
    ],
)
def test_bad_stdin_is_one_line_exit_2(stdin: bytes, message: str) -> None:
    result = run(["parse", "--jsonl"], stdin)
    assert result.returncode == 2
    err = result.stderr.decode().strip()
    assert message in err and "<stdin>" in err
    assert len(err.splitlines()) == 1


def test_huge_line_is_refused_in_bounded_memory() -> None:
    result = run(["parse", "--jsonl"], b"1" * (17 * 1024 * 1024) + b"\n")
    assert result.returncode == 2
    assert "longer than" in result.stderr.decode()


def test_missing_file(tmp_path: Path) -> None:
    result = run(["parse", "--file", str(tmp_path / "nope.txt")])
    assert result.returncode == 2
    assert "nope.txt" in result.stderr.decode()
