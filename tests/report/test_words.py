"""Counts in the editor's words have correct plurals."""

from __future__ import annotations

from factcheck.api import AuditOptions, audit_documents, load_document
from factcheck.report.formats import renderers
from factcheck.report.words import counted
from factcheck.rules.registry import default_pack


def test_counted_nouns() -> None:
    assert [counted(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]


def test_one_article_with_one_warning_is_singular_in_text_and_markdown() -> None:
    text = "H200的带宽为4.8TB/s,几乎是H100(3.35TB/s)的两倍。"
    result = audit_documents(
        [load_document("a.txt", text.encode("utf-8"))], AuditOptions(pack=default_pack())
    )
    shown = renderers(color=False)
    assert "1 article," in shown["text"](result) and "1 articles" not in shown["text"](result)
    assert "in 1 article (" in shown["md"](result)
