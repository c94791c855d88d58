"""Text as the reader saw it, for showing quotes: tags and inline pinyin annotations
removed, whitespace runs folded; the article keeps its own script (no conversion)."""

from __future__ import annotations

from factcheck.normalize.markup import markup_edits
from factcheck.normalize.offsets import apply_edits
from factcheck.normalize.pinyin import pinyin_edits


def reader_text(text: str) -> str:
    cleaned = apply_edits(text, markup_edits(text))
    cleaned = apply_edits(cleaned, pinyin_edits(cleaned))
    folded = " ".join(cleaned.split())
    if not folded:
        return " " if cleaned else ""
    lead = " " if cleaned[0].isspace() else ""
    trail = " " if cleaned[-1].isspace() else ""
    return f"{lead}{folded}{trail}"
