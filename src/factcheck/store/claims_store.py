"""The claim store: every audited document's claims in a DuckDB file, so a new article is
checked against the whole archive without re-reading it.

Two tables: `documents` (id, path, sha256, title, date, language, text) and `claims` (one
row per claim: document, sha256, entity, attribute, period, condition, kind, interval, unit,
quote, and the claim itself as JSON). Adding a document replaces every row of the same id
or sha256 in one transaction: a re-audit never duplicates, and a run killed mid-load leaves
the store as it was before that run. Rows go in as one bulk load from a newline-delimited
JSON file, not row by row.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.model.claim import Claim
from factcheck.model.document import Document, DocumentMeta

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    document TEXT PRIMARY KEY, path TEXT, sha256 TEXT, title TEXT, date TEXT, lang TEXT,
    text TEXT);
CREATE TABLE IF NOT EXISTS claims (
    document TEXT, sha256 TEXT, claim TEXT, entity TEXT, attribute TEXT, period TEXT,
    condition TEXT, kind TEXT, value DOUBLE, word TEXT, low DOUBLE, high DOUBLE, unit TEXT,
    quote TEXT, confidence DOUBLE, claim_json TEXT);
CREATE INDEX IF NOT EXISTS claims_key ON claims (entity, attribute);
"""
_CLAIM_COLUMNS = (
    "document, sha256, claim, entity, attribute, period, condition, kind, value, word, low, "
    "high, unit, quote, confidence, claim_json"
)


class ClaimStore:
    """One open DuckDB file. Use as a context manager; one writer at a time."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        try:
            import duckdb  # the `corpus` extra: imported only when a store is used
        except ImportError:
            raise ConfigError(
                f"{path}: a claim store needs DuckDB: pip install 'factcheck[corpus]'"
            ) from None

        if path.exists() and not path.is_file():
            raise ConfigError(f"{path}: not a regular file; a claim store is one DuckDB file")
        if read_only and not path.exists():
            raise ConfigError(f"{path}: no claim store here (audit with --db creates one)")
        try:
            self._db = duckdb.connect(str(path), read_only=read_only)
            if not read_only:
                self._db.execute(_SCHEMA)
        except duckdb.Error as error:
            raise ConfigError(f"{path}: cannot open the claim store: {error}") from None
        self.path = path

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *_: object) -> None:
        self._db.close()

    def add(self, documents: Sequence[Document], claims: Iterable[Claim]) -> None:
        """Store the documents and their claims, replacing what was stored for the same
        document id or content."""
        by_id = {d.id: d for d in documents}
        rows = [_claim_row(c, by_id[c.document].sha256) for c in claims if c.document in by_id]
        ids = [d.id for d in documents]
        digests = [d.sha256 for d in documents]
        with (
            _RowsFile([_document_row(d) for d in documents]) as document_file,
            _RowsFile(rows) as claim_file,
        ):
            db = self._db
            db.execute("BEGIN TRANSACTION")
            try:
                for table in ("claims", "documents"):
                    db.execute(
                        f"DELETE FROM {table} WHERE document IN (SELECT unnest(?)) "
                        "OR sha256 IN (SELECT unnest(?))",
                        [ids, digests],
                    )
                db.execute(
                    "INSERT INTO documents SELECT document, path, sha256, title, date, lang, text "
                    "FROM read_json(?, format = 'newline_delimited', columns = "
                    "{document: 'TEXT', path: 'TEXT', sha256: 'TEXT', title: 'TEXT', "
                    "date: 'TEXT', lang: 'TEXT', text: 'TEXT'})",
                    [document_file],
                )
                if rows:
                    db.execute(
                        f"INSERT INTO claims SELECT {_CLAIM_COLUMNS} FROM read_json(?, "
                        f"format = 'newline_delimited', columns = {_CLAIM_TYPES})",
                        [claim_file],
                    )
                db.execute("COMMIT")
            except Exception:
                db.execute("ROLLBACK")
                raise

    def related(self, claims: Sequence[Claim], exclude: Sequence[str]) -> list[Claim]:
        """Stored claims of other documents that the cross-source rules may set against
        `claims`: every claim of the entities they name (or compare with), and for each of
        their attributes the lowest and highest figure stored (an outlier's yardstick)."""
        entities = sorted(
            {c.entity for c in claims if c.entity}
            | {o.entity for c in claims for o in c.operands if o.entity}
        )
        attributes = sorted({c.attribute for c in claims if c.attribute})
        rows = self._db.execute(
            "SELECT claim_json FROM claims WHERE entity IN (SELECT unnest(?)) "
            "AND document NOT IN (SELECT unnest(?)) "
            "UNION SELECT arg_min(claim_json, low) FROM claims "
            "WHERE attribute IN (SELECT unnest(?)) AND document NOT IN (SELECT unnest(?)) "
            "AND low > 0 GROUP BY attribute, unit "
            "UNION SELECT arg_max(claim_json, high) FROM claims "
            "WHERE attribute IN (SELECT unnest(?)) AND document NOT IN (SELECT unnest(?)) "
            "GROUP BY attribute, unit",
            [entities, list(exclude), attributes, list(exclude), attributes, list(exclude)],
        ).fetchall()
        found = [Claim.model_validate_json(row[0]) for row in rows if row[0]]
        return sorted(found, key=lambda c: (c.document, c.span, c.id))

    def documents(self, ids: Iterable[str]) -> list[Document]:
        wanted = sorted(set(ids))
        rows = self._db.execute(
            "SELECT document, path, sha256, title, date, lang, text FROM documents "
            "WHERE document IN (SELECT unnest(?)) ORDER BY document",
            [wanted],
        ).fetchall()
        return [_document(row) for row in rows]

    def query(self, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        import duckdb

        try:
            cursor = self._db.execute(sql)
            columns = [d[0] for d in cursor.description or []]
            return columns, cursor.fetchall()
        except duckdb.Error as error:
            raise ConfigError(f"{self.path}: query failed: {error}") from None


_CLAIM_TYPES = (
    "{document: 'TEXT', sha256: 'TEXT', claim: 'TEXT', entity: 'TEXT', attribute: 'TEXT', "
    "period: 'TEXT', condition: 'TEXT', kind: 'TEXT', value: 'DOUBLE', word: 'TEXT', "
    "low: 'DOUBLE', high: 'DOUBLE', unit: 'TEXT', quote: 'TEXT', confidence: 'DOUBLE', "
    "claim_json: 'TEXT'}"
)


def _claim_row(claim: Claim, sha256: str) -> dict[str, Any]:
    number = claim.value if not isinstance(claim.value, str) else None
    return {
        "document": claim.document,
        "sha256": sha256,
        "claim": claim.id,
        "entity": claim.entity,
        "attribute": claim.attribute,
        "period": claim.scope.period,
        "condition": claim.scope.condition,
        "kind": claim.kind.value,
        "value": float(number) if number is not None else None,
        "word": claim.value if isinstance(claim.value, str) else None,
        "low": float(claim.low) if claim.low is not None else None,
        "high": float(claim.high) if claim.high is not None else None,
        "unit": claim.unit,
        "quote": claim.quote,
        "confidence": claim.confidence,
        "claim_json": claim.model_dump_json(),
    }


def _document_row(document: Document) -> dict[str, Any]:
    return {
        "document": document.id,
        "path": document.path,
        "sha256": document.sha256,
        "title": document.meta.title,
        "date": document.meta.date,
        "lang": document.meta.lang,
        "text": document.text,
    }


def _document(row: tuple[Any, ...]) -> Document:
    document, path, sha256, title, date, lang, text = row
    meta = DocumentMeta(title=title, date=date, lang=lang)
    return Document(id=document, path=path, sha256=sha256, text=text, meta=meta)


class _RowsFile:
    """Rows as a temporary newline-delimited JSON file, removed afterwards."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows
        self._path = ""

    def __enter__(self) -> str:
        handle, self._path = tempfile.mkstemp(suffix=".factcheck.jsonl")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            for row in self._rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        return self._path

    def __exit__(self, *_: object) -> None:
        Path(self._path).unlink()
