"""A report over the seeds plus a planted hostile article, built once for the report tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import AuditOptions, audit_documents, load_document
from factcheck.model.report import AuditResult

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = (
    "<script>document.title='pwned';document.body.setAttribute('data-pwned','1')</script>\n"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">\n"
    "H20配备96GB HBM3显存,比H100的80GB HBM3内存略小。| <b>bold</b>\n"
)


@pytest.fixture(scope="session")
def seeds_result() -> AuditResult:
    documents = [
        load_document(f"seeds/{p.name}", p.read_bytes())
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    documents.append(load_document("planted/hostile.txt", HOSTILE.encode("utf-8")))
    return audit_documents(documents, AuditOptions())
