"""Bytes to text: UTF-8 (with or without BOM), else GB18030, else a clear error."""

from __future__ import annotations

from factcheck.errors import InputError

_UTF8_BOM = b"\xef\xbb\xbf"
# Control characters other than tab/newline/carriage return/form feed mark a binary file.
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = sum(1 for byte in sample if byte in _BINARY_BYTES)
    return control / len(sample) > 0.01


def decode_bytes(data: bytes, *, path: str = "<input>") -> str:
    if looks_binary(data):
        raise InputError("binary data, not a text article", path=path)
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(
                f"not UTF-8 or GB18030 text (bad byte at offset {utf8_error.start})", path=path
            ) from None
