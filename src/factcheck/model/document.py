"""An article: the text as decoded from its file, and what we know about it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class DocumentMeta(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str | None = None
    date: str | None = None
    """ISO date of publication, when known."""
    source: str | None = None
    stated_year: str | None = None
    """Without a date: the latest year the article mentions outside forecasts."""
    lang: str = "zh"


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    path: str
    text: str
    """The original text, exactly as decoded."""
    sha256: str
    meta: DocumentMeta = DocumentMeta()
