"""`factcheck check`: the curated dataset's CI gate, baselines, config and `audit --against`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli_runner import run_factcheck as run

ROOT = Path(__file__).resolve().parents[2]
CLEAN = "H200配备141GB显存,带宽为4.8TB/s。H20配备96GB HBM3显存。\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh project: one clean article, its extracted claims, the reference data."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "claims").mkdir()
    shutil.copytree(ROOT / "claims" / "reference", tmp_path / "claims" / "reference")
    made = run(["extract", "articles/a.txt", "--format", "yaml", "-o", "claims/"], tmp_path)
    assert made.returncode == 0, made.stderr
    return tmp_path


def test_a_clean_dataset_exits_0(project: Path) -> None:
    result = run(["check", "claims"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


def test_an_edited_number_in_the_article_exits_1_naming_file_and_line(project: Path) -> None:
    article = project / "articles" / "a.txt"
    article.write_text(CLEAN.replace("141GB", "144GB"), encoding="utf-8")
    result = run(["check", "claims", "--format", "json"], project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    rules = {f["rule"] for f in report["findings"]}
    assert {"FC002", "FC003"} <= rules
    mismatch = next(f for f in report["findings"] if f["rule"] == "FC003")
    location = mismatch["locations"][0]
    claims_file = (project / "claims" / "a.yaml").read_text(encoding="utf-8").splitlines()
    assert location["document"] == "claims/a.yaml"
    assert "141GB" in "\n".join(claims_file[location["line"] - 1 : location["line"] + 3])
    text = run(["check", "claims"], project)
    assert "claims/a.yaml" in text.stdout and "FC003" in text.stdout


@pytest.mark.parametrize("name", ["html", "md", "text", "junit", "sarif", "json"])
def test_a_shortened_article_is_reported_in_every_format(project: Path, name: str) -> None:
    # The claims' spans now point past the article's end: FC002/FC003, never IndexError.
    article = project / "articles" / "a.txt"
    article.write_text(CLEAN[:10], encoding="utf-8")
    result = run(["check", "claims", "--format", f"{name}:report.out"], project)
    assert result.returncode == 1, result.stderr
    assert (project / "report.out").stat().st_size > 0 and not result.stderr


def test_a_yaml_syntax_error_exits_2_naming_file_and_line(project: Path) -> None:
    path = project / "claims" / "a.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("span:"))
    lines[number] = lines[number].replace("]", "")  # an unclosed [ ... list
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(["check", "claims"], project)
    assert result.returncode == 2
    assert "claims/a.yaml:" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    line = int(result.stderr.split("claims/a.yaml:")[1].split(":")[0])
    assert abs(line - (number + 1)) <= 2


def test_a_duplicate_claim_id_and_a_schema_error_exit_2(project: Path) -> None:
    path = project / "claims" / "a.yaml"
    shutil.copy(path, project / "claims" / "b.yaml")
    result = run(["check", "claims"], project)
    assert result.returncode == 2 and "duplicate claim id" in result.stderr
    (project / "claims" / "b.yaml").unlink()
    path.write_text(
        path.read_text(encoding="utf-8").replace("kind: value", "kind: guess", 1), encoding="utf-8"
    )
    result = run(["check", "claims"], project)
    assert result.returncode == 2 and "claims/a.yaml:" in result.stderr and "kind" in result.stderr


def test_baseline_round_trip(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert run(["check"], tmp_path).returncode == 1
    wrote = run(["baseline", "write", "-o", "baseline.json"], tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    assert run(["check", "--baseline", "baseline.json"], tmp_path).returncode == 0
    # A new contradiction: another article gives the H200 a different memory type.
    (tmp_path / "seeds" / "005_new.txt").write_text(
        "H200配备141GB的GDDR6X显存。\n", encoding="utf-8"
    )
    made = run(
        ["extract", "seeds/005_new.txt", "--format", "yaml", "-o", "claims/005_new.yaml"], tmp_path
    )
    assert made.returncode == 0, made.stderr
    again = run(["check", "--baseline", "baseline.json"], tmp_path)
    assert again.returncode == 1
    assert "FC201" in again.stdout and "GDDR6X" in again.stdout


def test_unused_baseline_entries_are_reported(project: Path) -> None:
    baseline = project / "baseline.json"
    baseline.write_text(
        json.dumps(
            {"version": 1, "findings": [{"fingerprint": "0123456789abcdef", "rule": "FC101"}]}
        ),
        encoding="utf-8",
    )
    result = run(["check", "claims", "--baseline", "baseline.json"], project)
    assert result.returncode == 0
    assert "0123456789abcdef" in result.stderr


def test_config_in_pyproject_and_flags_override(project: Path) -> None:
    article = project / "articles" / "a.txt"
    article.write_text(CLEAN.replace("HBM3", "GDDR6X"), encoding="utf-8")
    run(["extract", "articles/a.txt", "--format", "yaml", "-o", "claims/"], project)
    assert run(["check"], project).returncode == 1  # FC301: the H20 has HBM3
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\ndataset = "claims"\nignore = ["FC301"]\n', encoding="utf-8"
    )
    assert run(["check"], project).returncode == 0
    assert run(["check", "--select", "FC301"], project).returncode == 1
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "x"\n', encoding="utf-8")
    bad = run(["check"], project)
    assert bad.returncode == 2 and "unknown key 'fail_on'" in bad.stderr


def test_audit_against_the_dataset(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    new = tmp_path / "new.txt"
    new.write_text("据报道,H200的显存为141GB的GDDR6X。\n", encoding="utf-8")
    result = run(["audit", "new.txt", "--against", "claims/", "--format", "json"], tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    found = {f["rule"] for f in report["findings"]}
    assert "FC201" in found and "FC301" in found
    documents = {loc["document"] for f in report["findings"] for loc in f["locations"]}
    assert "new" in documents and len(documents) >= 2
