"""`factcheck audit`, `rules`, `explain`, `test`: the JSON contract, exit codes, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from factcheck.cli.schema_cmd import SchemaName, schema_json
from tests.cli_runner import run_factcheck as run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeds_json() -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    result = run(["audit", "seeds/", "--format", "json"])
    return result, json.loads(result.stdout)


def _quotes(report: dict[str, Any], finding: dict[str, Any]) -> list[str]:
    texts = {d["id"]: (ROOT / d["path"]).read_text(encoding="utf-8") for d in report["documents"]}
    return [texts[loc["document"]][loc["span"][0] : loc["span"][1]] for loc in finding["locations"]]


def test_seeds_report_the_known_problems_on_the_right_quotes(
    seeds_json: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    result, report = seeds_json
    assert result.returncode == 1, result.stderr
    jsonschema.validate(report, json.loads(schema_json(SchemaName.audit)))
    found = {(f["rule"], f["locations"][0]["document"][:3]): f for f in report["findings"]}
    memory = found[("FC110", "000")]
    assert memory["severity"] == "error" and set(_quotes(report, memory)) == {"HBM3", "GDDR6X"}
    smaller = found[("FC106", "001")]
    assert smaller["verdict"] == "contradiction" and "略小" in _quotes(report, smaller)[0]
    # Their subjects are inferred (carried, or by a pronoun): at most a warning, saying why.
    for carried in (found[("FC101", "004")], found[("FC120", "003")]):
        assert carried["verdict"] == "contradiction" and carried["severity"] == "warning"
        assert "was inferred" in carried["capped"]
        assert carried["capped"] in carried["explanation"]
    assert memory["capped"] is None
    assert found[("FC107", "003")]["severity"] == "warning"
    assert all(f["verdict"] in ("stretched", "contradiction") for f in report["findings"])
    first = report["findings"][0]["locations"][0]
    line_start = texts_line_start(report, first)
    assert first["column"] == first["span"][0] - line_start + 1


def texts_line_start(report: dict[str, Any], location: dict[str, Any]) -> int:
    path = next(d["path"] for d in report["documents"] if d["id"] == location["document"])
    text = (ROOT / path).read_text(encoding="utf-8")
    return text.rfind("\n", 0, location["span"][0]) + 1


def test_json_is_byte_identical_run_after_run(
    seeds_json: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    again = run(["audit", "seeds/", "--format", "json"])
    assert again.stdout == seeds_json[0].stdout


def test_committed_audit_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "audit.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(SchemaName.audit), (
        "run: factcheck schema audit > schemas/audit.schema.json"
    )


def test_fail_on_select_and_show_consistent(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("H20配备96GB HBM3显存,比H100的80GB HBM3内存略小。\n", encoding="utf-8")
    assert run(["audit", str(article)]).returncode == 1
    assert run(["audit", str(article), "--fail-on", "never"]).returncode == 0
    assert run(["audit", str(article), "--ignore", "FC106"]).returncode == 0
    shown = run(["audit", str(article), "--select", "FC106", "--show-consistent", "-f", "json"])
    rules = {f["rule"] for f in json.loads(shown.stdout)["findings"]}
    assert rules == {"FC106"}
    text = run(["audit", str(article)])
    assert "1:" in text.stdout and "1 error," in text.stdout


def test_several_formats_in_one_run(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("H200配备141GB显存,容量为H20(96GB)的约1.5倍。\n", encoding="utf-8")
    out = tmp_path / "r.json"
    result = run(["audit", str(article), "-f", "text", "-f", f"json:{out}"])
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == "1"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["audit", "seeds/", "--select", "FC9"], "--select FC9: no rule has this id"),
        (["audit", "EMPTY"], "no articles"),
        (["audit", "seeds/", "--format", "pdf"], "unknown format 'pdf'"),
        (["explain", "FC999"], "no rule 'FC999'"),
        (["audit", "BINARY"], "binary data"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\xff\xfe")
    places = {"EMPTY": str(tmp_path / "empty"), "BINARY": str(tmp_path / "b.txt")}
    args = [places.get(a, a) for a in args]
    result = run(args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("  - id: FC102", "  - id: FC102\n    bogus: [", 1), "internal.yaml:"),
        (
            lambda t: t.replace('formula: "subject / base"', "formula: \"__import__('os')\""),
            "not allowed",
        ),
        (lambda t: t.replace("severity: error", "severity: fatal", 1), "severity"),
    ],
)
def test_a_broken_rule_pack_is_one_line_naming_the_file(
    tmp_path: Path, edit: Any, message: str
) -> None:
    pack = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", pack)
    path = pack / "internal.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(["audit", "seeds/001_0e5e678ab594df34.txt", "--rules", str(pack)])
    assert result.returncode == 2
    assert message in result.stderr and "internal.yaml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_rules_explain_and_test_commands() -> None:
    listed = run(["rules"])
    assert listed.returncode == 0 and "FC101" in listed.stdout and "internal.ratio" in listed.stdout
    explained = run(["explain", "fc106"])
    assert explained.returncode == 0 and "略" in explained.stdout
    tested = run(["test", "rules/"])
    assert tested.returncode == 0, tested.stdout
    assert " 0 failed" in tested.stdout


def test_a_draft_whose_relations_cannot_be_checked_says_so_everywhere(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("H200的带宽约为H20的2倍。H100的显存为80GB。\n", encoding="utf-8")
    text = run(["audit", str(draft), "--fail-on", "never"])
    assert "1 relation: 1 could not be checked" in text.stdout, text.stdout
    outputs = {fmt: tmp_path / f"out.{fmt}" for fmt in ("json", "md", "html")}
    for fmt, path in outputs.items():
        result = run(["audit", str(draft), "-f", fmt, "-o", str(path), "--fail-on", "never"])
        assert result.returncode == 0, result.stderr
    report = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert report["summary"]["relations"] == {
        "total": 1, "hold": 0, "stretched": 0, "contradiction": 0, "unverifiable": 1,
        "unchecked": 0,
    }  # fmt: skip
    shown = run(["audit", str(draft), "--show-consistent", "--fail-on", "never"]).stdout
    assert "could not be checked: the article states no memory bandwidth of NVIDIA H20" in shown
    for fmt in ("md", "html"):
        assert "1 could not be checked" in outputs[fmt].read_text(encoding="utf-8"), fmt
