"""Library entry points that wire the stages together. No printing, no typer, no rich."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from factcheck.claims.budget import TooComplexError
from factcheck.claims.build import ClaimBuilder
from factcheck.claims.dataset_load import DatasetFile, load_dataset
from factcheck.claims.entities import default_matcher
from factcheck.claims.kb import default_kb
from factcheck.errors import DataError
from factcheck.model.claim import Claim
from factcheck.model.document import Document, DocumentMeta
from factcheck.model.finding import Finding
from factcheck.model.quantity import QuantityMention
from factcheck.model.report import (
    AuditReport,
    AuditResult,
    DocumentEntry,
    RuleInfo,
    ToolInfo,
)
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.decode import decode_bytes
from factcheck.normalize.pipeline import NormalizedText, normalize
from factcheck.normalize.reading import read_bounded
from factcheck.quantities.extract import find_quantities
from factcheck.reference.table import ReferenceTable, load_reference
from factcheck.rules.checks.complexity import too_complex_finding
from factcheck.rules.checks.drift import drift_findings
from factcheck.rules.engine import finding_order, run_corpus, run_internal
from factcheck.rules.locate import locator
from factcheck.rules.pack import default_tolerances
from factcheck.rules.registry import Rule, RulePack, default_pack
from factcheck.summary import relation_counts, summarize


def document_quantities(
    original: str, tolerances: Tolerances | None = None
) -> list[QuantityMention]:
    """Every quantity and date of an article outside its boilerplate, spans in `original`."""
    norm = normalized(original)
    mentions = find_quantities(
        norm.text,
        tolerances or default_tolerances(),
        offsets=norm.offsets,
        original=original,
    )
    return [q for q in mentions if not norm.is_excluded(q.norm_span.start, q.norm_span.end)]


@lru_cache(maxsize=1)
def normalized(original: str) -> NormalizedText:
    """Normalization of recent texts, shared by metadata reading and claim building."""
    return normalize(original)


def load_document(path: str, data: bytes) -> Document:
    """A document from the bytes of its file: decoded, hashed, with its metadata."""
    text = decode_bytes(data, path=path)
    meta = normalized(text).meta
    return Document(
        id=document_id(path),
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        meta=meta,
    )


def document_id(path: str) -> str:
    """A short stable id from the file name (`seeds/000_x.txt` -> `000_x`)."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


@lru_cache(maxsize=4)
def claim_builder(tolerances: Tolerances) -> ClaimBuilder:
    return ClaimBuilder(default_kb(), default_matcher(), tolerances)


def extract_claims(document: Document, tolerances: Tolerances | None = None) -> list[Claim]:
    builder = claim_builder(tolerances or default_tolerances())
    return builder.build(document, normalized(document.text))


# --- audit ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditOptions:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    show_consistent: bool = False
    pack: RulePack | None = None


def audit_documents(
    documents: Sequence[Document],
    options: AuditOptions,
    checked: Iterable[tuple[list[Claim], list[Finding]]] | None = None,
) -> AuditResult:
    """Extract the claims of each document, run the internal rules over them, and, with
    more than one document, the cross-source rules across them (by key, as `check` does).
    `checked`: each document's claims and internal findings, from worker processes."""
    pack = options.pack or default_pack()
    rules = pack.selected(options.select, options.ignore)
    unique = unique_documents(documents)
    claims, findings = checked_all(unique, pack, rules, checked)
    texts = {d.id: d.text for d in unique}
    if len(unique) > 1:
        consistent = options.show_consistent
        findings.extend(run_corpus(pack, rules, claims, locator(texts), consistent=consistent))
    report = build_report(unique, claims, findings, rules, show_consistent=options.show_consistent)
    return AuditResult(report=report, texts=texts)


def checked_all(
    documents: Sequence[Document],
    pack: RulePack,
    rules: Sequence[Rule],
    checked: Iterable[tuple[list[Claim], list[Finding]]] | None = None,
) -> tuple[list[Claim], list[Finding]]:
    """All documents' claims and internal findings: from `checked` (workers'), else here."""
    if checked is None:
        checked = (check_document(document, pack, rules) for document in documents)
    claims: list[Claim] = []
    findings: list[Finding] = []
    for own, found in checked:
        claims.extend(own)
        findings.extend(found)
    return claims, findings


def check_articles(
    documents: Sequence[Document], pack: RulePack, reference: ReferenceTable
) -> list[Finding]:
    """Every finding over a few articles: each internally, then all of them against each
    other and the reference (the rule fixtures' harness)."""
    unique = unique_documents(documents)
    claims: list[Claim] = []
    findings: list[Finding] = []
    for document in unique:
        own, found = check_document(document, pack)
        claims.extend(own)
        findings.extend(found)
    texts = {d.id: d.text for d in unique}
    findings.extend(run_corpus(pack, pack.rules, claims, locator(texts), reference=reference))
    return findings


def check_document(
    document: Document, pack: RulePack, rules: Sequence[Rule] | None = None
) -> tuple[list[Claim], list[Finding]]:
    """The claims of one document (with its id as their `document`) and every finding of the
    internal rules, consistent ones included. A document past its work budget has no claims
    and one FC004 note."""
    selected = pack.rules if rules is None else rules
    try:
        extracted = extract_claims(document, pack.tolerances)
    except TooComplexError as error:
        note = _rule(selected, "FC004")
        return [], [] if note is None else [
            too_complex_finding(note, document.id, document.text, error)
        ]
    claims = [c.model_copy(update={"document": document.id}) for c in extracted]
    locate = locator({document.id: document.text})
    date = document.meta.date or document.meta.stated_year
    assumed = frozenset() if document.meta.date else frozenset({document.id})
    findings = run_internal(pack, selected, claims, locate, {document.id: date}, assumed)
    return claims, findings


def build_report(
    documents: Sequence[Document],
    claims: list[Claim],
    findings: list[Finding],
    rules: Sequence[Rule],
    *,
    show_consistent: bool,
) -> AuditReport:
    # A note about a whole document (FC004: not checked at all) is shown like a problem.
    shown = sorted(
        (f for f in findings if show_consistent or f.is_problem or not f.claims),
        key=finding_order,
    )
    return AuditReport(
        tool=ToolInfo(name="factcheck", version=tool_version()),
        documents=[document_entry(d) for d in documents],
        claims=claims,
        findings=shown,
        rules=[rule_info(r) for r in rules],
        summary=summarize(documents, claims, shown, rules, relation_counts(claims, findings)),
    )


def rule_info(rule: Rule) -> RuleInfo:
    return RuleInfo(
        id=rule.id,
        name=rule.name,
        title=rule.title,
        severity=rule.severity.value,
        summary=rule.docs.summary,
        help=f"{rule.docs.rationale}\n\nFlagged: {rule.docs.bad}\nFine: {rule.docs.good}",
    )


def document_entry(document: Document) -> DocumentEntry:
    return DocumentEntry(
        id=document.id,
        path=document.path,
        title=document.meta.title,
        date=document.meta.date,
        lang=document.meta.lang,
        sha256=document.sha256,
    )


def unique_documents(documents: Sequence[Document]) -> list[Document]:
    """Two files may share a name in different folders: their ids get a ~2, ~3 suffix."""
    seen: Counter[str] = Counter()
    unique = []
    for document in documents:
        seen[document.id] += 1
        if seen[document.id] > 1:
            document = document.model_copy(update={"id": f"{document.id}~{seen[document.id]}"})
        unique.append(document)
    return unique


@lru_cache(maxsize=1)
def tool_version() -> str:
    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "0+unknown"


# --- the curated dataset, cross-source and reference checks -----------------------------

REFERENCE_FOLDER = "reference"


@dataclass(frozen=True)
class Corpus:
    """The curated dataset as the checks see it: claims, their articles, their files."""

    files: list[DatasetFile]
    documents: list[Document]
    """The source articles that could be read."""
    root: Path
    """Articles' `source.path` is relative to this folder (the one holding the dataset)."""
    reference: ReferenceTable


def load_corpus(folder: Path, reference_dir: Path | None = None) -> Corpus:
    files = load_dataset(folder)
    root = (folder if folder.is_dir() else folder.parent).resolve().parent
    documents = []
    for file in files:
        source = source_article(root, file)
        if not source.is_file():
            continue  # missing (or not a regular file): reported as FC002 by check_corpus
        data = read_bounded(source)
        document = load_document(_shown_path(source), data)
        meta = document.meta.model_copy(update={"date": file.source.date or document.meta.date})
        documents.append(document.model_copy(update={"id": file.document_id, "meta": meta}))
    reference_folder = (
        reference_dir or (folder if folder.is_dir() else folder.parent) / REFERENCE_FOLDER
    )
    return Corpus(
        files=files,
        documents=documents,
        root=root,
        reference=load_reference(reference_folder.resolve()),
    )


def check_corpus(corpus: Corpus, options: AuditOptions) -> AuditResult:
    """`factcheck check`: drift of the dataset against its articles, then the internal rules
    per file and the cross-source and reference rules over all of it."""
    pack = options.pack or default_pack()
    rules = pack.selected(options.select, options.ignore)
    by_id = {d.id: d for d in corpus.documents}
    texts = {d.id: d.text for d in corpus.documents}
    findings: list[Finding] = []
    claims: list[Claim] = []
    extra_documents: list[Document] = []
    changed, mismatch = _rule(rules, "FC002"), _rule(rules, "FC003")
    for file in corpus.files:
        article = by_id.get(file.document_id)
        file_id = _shown_path(file.path)
        drift = drift_findings(
            changed,
            mismatch,
            file,
            file_id,
            article.text if article else None,
            article.sha256 if article else None,
        )
        if drift:
            findings.extend(drift)
            texts[file_id] = file.text
            extra_documents.append(_file_document(file, file_id))
        claims.extend(file.claims)
        if article is not None and not drift:
            date = article.meta.date or article.meta.stated_year
            findings.extend(
                run_internal(pack, rules, file.claims, locator(texts), {file.document_id: date})
            )
    sound = [c for c in claims if c.document in by_id]
    findings.extend(
        run_corpus(
            pack,
            rules,
            sound,
            locator(texts),
            reference=corpus.reference,
            consistent=options.show_consistent,
        )
    )
    documents = [*corpus.documents, *extra_documents]
    report = build_report(
        documents, claims, findings, rules, show_consistent=options.show_consistent
    )
    return AuditResult(report=report, texts=texts)


def new_documents(documents: Sequence[Document], corpus: Corpus) -> list[Document]:
    """The new articles of `audit --against`, with ids that do not clash with the dataset's."""
    return unique_documents([*corpus.documents, *documents])[len(corpus.documents) :]


def audit_against(
    documents: Sequence[Document],
    corpus: Corpus,
    options: AuditOptions,
    checked: Iterable[tuple[list[Claim], list[Finding]]] | None = None,
) -> AuditResult:
    """`audit NEW --against claims/`: the new articles (`checked`: of `new_documents`) alone
    and against the dataset and its reference; only findings touching them are reported."""
    pack = options.pack or default_pack()
    rules = pack.selected(options.select, options.ignore)
    unique = new_documents(documents, corpus)
    texts = {d.id: d.text for d in [*corpus.documents, *unique]}
    claims, findings = checked_all(unique, pack, rules, checked)
    known = [c for f in corpus.files for c in f.claims]
    focus = frozenset(d.id for d in unique)
    findings.extend(
        run_corpus(
            pack, rules, [*known, *claims], locator(texts), reference=corpus.reference, focus=focus
        )
    )
    cited = {loc.document for f in findings for loc in f.locations}
    shown = [*unique, *(d for d in corpus.documents if d.id in cited)]
    report = build_report(shown, claims, findings, rules, show_consistent=options.show_consistent)
    return AuditResult(report=report, texts=texts)


def source_article(root: Path, file: DatasetFile) -> Path:
    """`source.path` names an article inside the dataset's root; an absolute path or one
    that climbs out of the root (`../..`) is refused, naming the claims file's line."""
    written = file.source.path
    candidate = root / written
    inside = not Path(written).is_absolute() and candidate.resolve().is_relative_to(root)
    if not inside:
        raise DataError(
            f"source.path {written!r} must be a relative path inside {_shown_path(root)}",
            path=str(file.path),
            line=file.source_line,
        )
    return candidate


def _rule(rules: Sequence[Rule], rule_id: str) -> Rule | None:
    return next((r for r in rules if r.id == rule_id), None)


def _file_document(file: DatasetFile, file_id: str) -> Document:
    return Document(
        id=file_id,
        path=file_id,
        text=file.text,
        sha256=hashlib.sha256(file.text.encode("utf-8")).hexdigest(),
        meta=DocumentMeta(title=f"claims file for {file.source.path}", lang="yaml"),
    )


def _shown_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
