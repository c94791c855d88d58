"""Character-level normalization: enclosed/superscript forms, NFKC, traditional->simplified.

Enclosed alphanumerics (`⒅`, `①`) are page debris in our sources; NFKC would turn them
into digits (`⒅` -> `(18)`), so they become U+FFFD first and mark the sentence as damaged.
Superscripts become `^n` so `10²` is not read as 102.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from factcheck.normalize.offsets import Edit
from factcheck.resources import data_file

REPLACEMENT_CHARACTER = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """Lone surrogates (from a `str` built in Python, never from decoded bytes) become U+FFFD
    one for one, so offsets hold and no library (OpenCC, an encoder) sees them."""
    return _SURROGATE.sub(REPLACEMENT_CHARACTER, text) if _SURROGATE.search(text) else text


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_GLYPH = re.compile("[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def glyph_edits(text: str) -> list[Edit]:
    edits = []
    for m in _GLYPH.finditer(text):
        glyph = m.group()
        if glyph[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            edits.append(Edit(m.start(), m.end(), "^" + glyph.translate(_SUPERSCRIPTS)))
        else:
            edits.append(Edit(m.start(), m.end(), REPLACEMENT_CHARACTER))
    return edits


_NFKC_CHUNK = 64


def nfkc_edits(text: str) -> list[Edit]:
    """NFKC one character at a time, so every change is a local, mappable edit."""
    if unicodedata.is_normalized("NFKC", text):
        return []
    edits = []
    for chunk_start in range(0, len(text), _NFKC_CHUNK):
        chunk = text[chunk_start : chunk_start + _NFKC_CHUNK]
        if unicodedata.is_normalized("NFKC", chunk):
            continue  # most chunks are clean; test characters only in the others
        for offset, char in enumerate(chunk):
            if not unicodedata.is_normalized("NFKC", char):
                index = chunk_start + offset
                edits.append(Edit(index, index + 1, unicodedata.normalize("NFKC", char)))
    return edits


class ScriptConverter:
    """Traditional -> simplified with OpenCC `tw2s`, which maps characters one to one.

    A keep-list restores brand spellings every converter gets wrong (昇騰 -> 昇腾, not 升腾).
    """

    def __init__(self) -> None:
        import opencc  # imported lazily: 6 ms to build, and only needed for Chinese text

        self._converter = opencc.OpenCC("tw2s")
        pairs = _keep_list()
        self._keep = pairs
        self._keep_pattern = (
            re.compile("|".join(re.escape(k) for k in sorted(pairs, key=len, reverse=True)))
            if pairs
            else None
        )

    def convert(self, text: str) -> str:
        converted: str = self._converter.convert(text)
        if len(converted) != len(text):
            # tw2s has no length-changing entries; fall back to per-character conversion
            # rather than corrupt every later offset.
            converted = "".join(self._converter.convert(char) or char for char in text)
        if self._keep_pattern is None:
            return converted
        parts = []
        cursor = 0
        for m in self._keep_pattern.finditer(text):
            parts.append(converted[cursor : m.start()])
            parts.append(self._keep[m.group()])
            cursor = m.end()
        parts.append(converted[cursor:])
        return "".join(parts)


@cache
def _keep_list() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for raw in data_file("script_keep.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        source, kept = line.split()
        if len(source) != len(kept):
            raise ValueError(f"script_keep.txt: {source!r} and {kept!r} differ in length")
        pairs[source] = kept
    return pairs


@cache
def script_converter() -> ScriptConverter:
    return ScriptConverter()


_HAN = re.compile(r"[\u4e00-\u9fff]")


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None
