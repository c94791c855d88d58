"""`audit ARTICLES --db store.duckdb`: the articles internally, against each other, and
against every stored article that shares an entity with them; then they join the store."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from factcheck.api import AuditOptions, build_report, checked_all, unique_documents
from factcheck.model.claim import Claim
from factcheck.model.document import Document
from factcheck.model.finding import Finding
from factcheck.model.report import AuditResult
from factcheck.rules.engine import run_corpus
from factcheck.rules.locate import locator
from factcheck.rules.registry import default_pack
from factcheck.store.claims_store import ClaimStore


@dataclass(frozen=True)
class StoreAudit:
    result: AuditResult
    documents: list[Document]
    """The audited articles, to add to the store once the reports are written."""
    claims: list[Claim]


def audit_with_store(
    documents: Sequence[Document],
    store: ClaimStore,
    options: AuditOptions,
    checked: Iterable[tuple[list[Claim], list[Finding]]] | None = None,
) -> StoreAudit:
    pack = options.pack or default_pack()
    rules = pack.selected(options.select, options.ignore)
    unique = unique_documents(documents)
    claims, findings = checked_all(unique, pack, rules, checked)
    related = store.related(claims, exclude=[d.id for d in unique])
    stored = store.documents(c.document for c in related)
    texts = {d.id: d.text for d in [*stored, *unique]}
    known = [c for c in related if c.document in texts]
    findings.extend(
        run_corpus(
            pack,
            rules,
            [*known, *claims],
            locator(texts),
            focus=frozenset(d.id for d in unique),
            consistent=options.show_consistent,
        )
    )
    cited = {loc.document for f in findings for loc in f.locations}
    shown = [*unique, *(d for d in stored if d.id in cited)]
    report = build_report(shown, claims, findings, rules, show_consistent=options.show_consistent)
    return StoreAudit(AuditResult(report=report, texts=texts), unique, claims)
