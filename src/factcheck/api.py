"""Library entry points that wire the stages together. No printing, no typer, no rich."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from factcheck.claims.build import ClaimBuilder
from factcheck.claims.entities import default_matcher
from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim
from factcheck.model.document import Document
from factcheck.model.quantity import QuantityMention
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.decode import decode_bytes
from factcheck.normalize.pipeline import NormalizedText, normalize
from factcheck.quantities.extract import find_quantities
from factcheck.rules.pack import default_tolerances


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
