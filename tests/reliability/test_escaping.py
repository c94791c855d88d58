"""Article text is never trusted: control characters and markup syntax in every output."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factcheck.api import AuditOptions, audit_documents, load_document
from factcheck.errors import DataError
from factcheck.model.report import AuditResult
from factcheck.report.formats import renderers
from factcheck.report.safe_text import markdown_inline, visible_controls
from factcheck.rules.formula import FormulaError, compile_formula
from factcheck.rules.registry import default_pack, load_pack

# A real contradiction (4.8 / 3.35 = 1.43, called 两倍) wrapped in hostile characters.
HOSTILE = (
    "\x1b[8m隐藏\x0c H200[link](javascript:x)的带宽为4.8TB/s,\x85几乎是"
    "H100(3.35TB/s)的两倍`code`。\x07\n"
)
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def hostile_result() -> AuditResult:
    document = load_document("hostile\x1b.txt", HOSTILE.encode("utf-8"))
    result = audit_documents([document], AuditOptions(pack=default_pack()))
    assert any(f.is_problem for f in result.report.findings), "the fixture must find its error"
    return result


@pytest.mark.parametrize("name", ["text", "md"])
def test_text_and_markdown_show_controls_as_escapes(hostile_result: AuditResult, name: str) -> None:
    rendered = renderers(color=False)[name](hostile_result)
    assert not _RAW_CONTROL.search(rendered.replace("\n", "").replace("\t", ""))
    assert "\\x1b" in rendered


def test_junit_is_parseable_xml(hostile_result: AuditResult) -> None:
    rendered = renderers(color=False)["junit"](hostile_result)
    root = ET.fromstring(rendered.encode("utf-8"))
    assert root.get("failures") != "0"


@pytest.mark.parametrize("name", ["json", "sarif"])
def test_json_outputs_are_strict(hostile_result: AuditResult, name: str) -> None:
    rendered = renderers(color=False)[name](hostile_result)
    json.loads(rendered, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))


def test_markdown_quotes_cannot_open_links_or_code() -> None:
    shown = markdown_inline("[a](javascript:x) `b` <i>|c|")
    assert shown == r"\[a\](javascript:x) \`b\` \<i\>\|c\|"
    assert visible_controls("a\x1bb\u2028c\td") == "a\\x1bb\\u2028c\td"


@pytest.mark.parametrize(
    ("formula", "why"),
    [
        ("9**9**9**9", "power of a power"),
        ("x ** 99", "at most 16"),
        ("x * 1e300", "larger than"),
        ("x ** (y ** 2)", "power of a power"),
    ],
)
def test_formulas_whose_evaluation_would_not_end_are_refused(formula: str, why: str) -> None:
    with pytest.raises(FormulaError, match=why):
        compile_formula(formula)
    assert compile_formula("((end / start) ** (1 / periods) - 1) * 100").variables == (
        "end",
        "periods",
        "start",
    )


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("{quote:>999999999}", "at most 100"),
        ("{quote:.{observed}}", "placeholder inside a format spec"),
        ("{nothing}", "unknown placeholder"),
    ],
)
def test_message_templates_cannot_ask_for_huge_strings(
    tmp_path: Path, message: str, why: str
) -> None:
    pack = tmp_path / "rules"
    shutil.copytree(default_pack().directory, pack)
    internal = pack / "internal.yaml"
    text = internal.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("message:"))
    internal.write_text(text.replace(first, f"    message: {json.dumps(message)}", 1), "utf-8")
    with pytest.raises(DataError, match=why) as raised:
        load_pack(pack)
    assert raised.value.path is not None and raised.value.path.endswith("internal.yaml")
    assert raised.value.line is not None
