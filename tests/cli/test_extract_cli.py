"""`factcheck extract`: formats, metadata, schemas and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from factcheck.cli.schema_cmd import SchemaName, schema_json
from tests.cli_runner import run_factcheck as run

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "001_0e5e678ab594df34.txt"


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "claim.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(SchemaName.claim), (
        "run: factcheck schema claim > schemas/claim.schema.json"
    )


def test_jsonl_claims_follow_the_schema() -> None:
    result = run(["extract", str(SEED.relative_to(ROOT)), "--format", "jsonl"])
    assert result.returncode == 0, result.stderr
    schema = json.loads(schema_json(SchemaName.claim))
    text = SEED.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) > 20
    for claim in lines:
        jsonschema.validate(claim, schema)
        assert set(claim) == {
            "id",
            "document",
            "span",
            "quote",
            "entity",
            "attribute",
            "scope",
            "kind",
            "value",
            "low",
            "high",
            "unit",
            "qualifier",
            "operands",
            "confidence",
            "binding",
        }
        assert claim["binding"]["entity"] and claim["binding"]["attribute"]
        start, end = claim["span"]
        assert text[start:end] == claim["quote"]
        assert claim["document"] == "seeds/001_0e5e678ab594df34.txt"


def test_yaml_dataset_one_file_per_article(tmp_path: Path) -> None:
    out = tmp_path / "claims"
    out.mkdir()
    result = run(["extract", "seeds/", "--format", "yaml", "-o", str(out)])
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.yaml"))
    assert [f.stem for f in files] == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    data = yaml.safe_load(files[1].read_text(encoding="utf-8"))
    assert data["source"]["path"] == "seeds/001_0e5e678ab594df34.txt"
    assert data["source"]["date"] == "2024-06-20"
    assert len(data["source"]["sha256"]) == 64
    assert data["claims"][0]["span"] and data["claims"][0]["quote"]


def test_front_matter_date_and_date_option(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "---\ntitle: T\ndate: 2025-12-29\n---\n英伟达计划在明年2月中旬交付约4万~8万颗H200芯片。\n",
        encoding="utf-8",
    )
    result = run(["extract", str(article), "--format", "jsonl"])
    claim = json.loads(result.stdout.splitlines()[0])
    assert claim["scope"]["period"] == "2026-02-11..2026-02-20"
    result = run(["extract", str(article), "--format", "jsonl", "--date", "2030-01-05"])
    assert json.loads(result.stdout.splitlines()[0])["scope"]["period"] == "2031-02-11..2031-02-20"


def test_unreadable_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("H200配备141GB显存。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = run(["extract", str(tmp_path), "--format", "jsonl"])
    assert result.returncode == 2
    assert "141" in result.stdout
    assert "bad.txt: binary data" in result.stderr
    assert "1 of 2 files could not be read" in result.stderr


def test_empty_folder_and_missing_file(tmp_path: Path) -> None:
    result = run(["extract", str(tmp_path)])
    assert result.returncode == 2 and "no articles" in result.stderr
    result = run(["extract", str(tmp_path / "nope.txt")])
    assert result.returncode == 2 and "no such file" in result.stderr


def test_why_prints_the_binding_trail_of_every_claim() -> None:
    result = run(["extract", str(SEED.relative_to(ROOT)), "--why"])
    assert result.returncode == 0, result.stderr
    jsonl = run(["extract", str(SEED.relative_to(ROOT)), "--format", "jsonl"])
    claims = [json.loads(line) for line in jsonl.stdout.splitlines()]
    lines = result.stdout.splitlines()
    for claim in claims:
        head = next(i for i, line in enumerate(lines) if line.startswith(claim["id"] + " "))
        trail = lines[head + 1]
        assert f"entity {claim['entity'] or '-'} <- {claim['binding']['entity']};" in trail
        assert f"attribute {claim['attribute'] or '-'} <- {claim['binding']['attribute']};" in trail
        inferred = claim["binding"]["inferred"]
        following = lines[head + 2 : head + 4]
        if inferred:
            assert any(
                line.startswith("    inferred") and all(r in line for r in inferred.values())
                for line in following
            ), (claim["id"], following)
    assert any(claim["binding"]["inferred"] for claim in claims), "no inferred binding to show"
