"""Bytes to text: a byte-order mark, else UTF-8, else the encoding charset-normalizer is
sure of (GB18030, Big5, Shift-JIS…), else a clear error.

Any legacy Chinese file also decodes as GB18030 without an error, so "it decoded" says
nothing: a Big5 article read as GB18030 is mojibake that looks clean. charset-normalizer
scores each candidate by how much noise its decoding holds, which tells Big5 from GB18030.
"""

from __future__ import annotations

import codecs

from charset_normalizer import CharsetMatch, from_bytes
from charset_normalizer.md import mess_ratio

from factcheck.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/carriage return/form feed mark a binary file.
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}
# charset-normalizer's mess ratio (0 clean … 1 noise) above which no guess is trusted.
MAX_NOISE = 0.2
CHINESE_ENCODINGS = ("gb18030", "big5")
_CLEARLY_CHINESE, _CLEAR_MARGIN = 0.05, 0.1


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = sum(1 for byte in sample if byte in _BINARY_BYTES)
    return control / len(sample) > 0.01


def decode_bytes(data: bytes, *, path: str = "<input>") -> str:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"broken {encoding} text (bad bytes at offset {error.start})", path=path
                ) from None
    if looks_binary(data):
        raise InputError("binary data, not a text article", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        return _detected(data, path, utf8_error.start)


def _detected(data: bytes, path: str, bad_offset: int) -> str:
    chinese = _least_noisy_chinese(data)
    if chinese is not None and chinese[0] <= _CLEARLY_CHINESE:
        return chinese[1]
    best = from_bytes(data).best()
    if chinese is not None and not _clearly_better(best, chinese[0]):
        return chinese[1]
    if best is None or best.chaos > MAX_NOISE:
        guess = "" if best is None else f"; best guess {best.encoding}, too noisy to trust"
        raise InputError(
            f"cannot tell the encoding: not UTF-8 (bad byte at offset {bad_offset}){guess}",
            path=path,
        )
    return str(best)


def _clearly_better(best: CharsetMatch | None, chinese_noise: float) -> bool:
    """Another encoding wins only with a language it recognised and clearly less noise
    (Shift-JIS read as GB18030 decodes, but into rare characters)."""
    if best is None or best.language == "Unknown":
        return False
    return best.chaos < chinese_noise - _CLEAR_MARGIN


def _least_noisy_chinese(data: bytes) -> tuple[float, str] | None:
    """GB18030 or Big5, whichever decodes with less noise (GB18030 on a tie): short
    Chinese texts give a general detector too little to go on (it may call them EUC-KR)."""
    decoded: list[tuple[float, int, str]] = []
    for order, encoding in enumerate(CHINESE_ENCODINGS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        decoded.append((mess_ratio(text, maximum_threshold=1.0), order, text))
    if not decoded:
        return None
    noise, _, text = min(decoded)
    return (noise, text) if noise <= MAX_NOISE else None
