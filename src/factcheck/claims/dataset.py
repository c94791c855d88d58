"""The curated claims dataset: one YAML file per article, as `factcheck extract` writes it
and a person then reviews. The claims/ CI gate reads the same files."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from factcheck.model.claim import Claim
from factcheck.model.document import Document

SCHEMA_VERSION = 1
HEADER = (
    "# factcheck claims dataset (schema 1): one article's provenance and claims.\n"
    "# Written by `factcheck extract --format yaml`; review each claim against the article.\n"
    "# span: code-point offsets into the article's decoded text; quote: the text at that span.\n"
)


class _FlowList(list[Any]):
    """A short list written on one line (`span: [10, 15]`)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _FlowList, lambda d, data: d.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)
_Dumper.add_representer(Decimal, lambda d, data: d.represent_float(float(data)))


def claim_record(claim: Claim, *, with_document: bool = True) -> dict[str, Any]:
    """A claim as the JSON/YAML contract has it."""
    record = claim.model_dump(mode="json")
    record["span"] = _FlowList(claim.span)
    if not with_document:
        record.pop("document")
    for key in ("value", "low", "high"):
        raw = getattr(claim, key)
        if isinstance(raw, Decimal):
            record[key] = _number(raw)
    return record


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)


def dataset_yaml(document: Document, claims: list[Claim]) -> str:
    body = {
        "schema_version": SCHEMA_VERSION,
        "source": {
            "path": document.path,
            "sha256": document.sha256,
            "date": document.meta.date,
            "title": document.meta.title,
            "lang": document.meta.lang,
        },
        "claims": [claim_record(c, with_document=False) for c in claims],
    }
    return HEADER + yaml.dump(body, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
