"""What every output of an adversarial input must satisfy, shared by the hypothesis suite
and `make fuzz`: no exception, strict JSON, parseable XML, one script in HTML, spans that
match their quotes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from factcheck.api import AuditOptions, audit_documents, load_document
from factcheck.errors import InputError
from factcheck.model.report import AuditResult
from factcheck.normalize.characters import encodable
from factcheck.quantities.parse import parse_text
from factcheck.report.formats import renderers
from factcheck.rules.pack import default_tolerances
from factcheck.rules.registry import default_pack


def _strict(name: str) -> object:
    raise ValueError(f"{name} in JSON output")


def check_parse(text: str) -> None:
    given = encodable(text)  # surrogates are replaced one for one: offsets still hold
    for q in parse_text(text, default_tolerances()):
        shown = given[q.span.start : q.span.end]
        if shown != q.surface:
            raise AssertionError(f"span {q.span} is {shown!r}, surface {q.surface!r}")


def check_strict_audit(text: str, *, render_json: bool = True) -> AuditResult | None:
    """Load (refusal with an InputError is a fine outcome), audit, check quotes and JSON."""
    try:
        document = load_document("fuzz.txt", text.encode("utf-8", "surrogatepass"))
    except InputError:
        return None
    result = audit_documents([document], AuditOptions(pack=default_pack()))
    for claim in result.report.claims:
        quoted = document.text[claim.span[0] : claim.span[1]]
        if claim.quote != quoted:
            raise AssertionError(f"claim {claim.id} quotes {claim.quote!r}, span is {quoted!r}")
    if render_json:
        json.loads(renderers(color=False)["json"](result), parse_constant=_strict)
    return result


def check_audit(text: str) -> None:
    """check_strict_audit, then every renderer's output validated."""
    result = check_strict_audit(text)
    if result is None:
        return
    shown = renderers(color=False)
    json.loads(shown["sarif"](result), parse_constant=_strict)
    ET.fromstring(shown["junit"](result).encode("utf-8"))
    html = shown["html"](result)
    if html.count("<script") != 1:
        raise AssertionError(f"{html.count('<script')} <script> elements in the HTML report")
    shown["text"](result)
    shown["md"](result)
