from __future__ import annotations

import pytest

from factcheck.errors import InputError
from factcheck.normalize.decode import decode_bytes


def test_utf8_with_and_without_bom() -> None:
    text = "英伟达H200显存141GB"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text


def test_gb18030_fallback() -> None:
    text = "預交付8萬顆,傳阿里砸數億"
    assert decode_bytes(text.encode("gb18030")) == text


def test_binary_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputError, match=r"^a\.bin: binary data"):
        decode_bytes(b"\x00\x01\x02PNG\x00" * 10, path="a.bin")


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(InputError, match="not UTF-8 or GB18030"):
        decode_bytes(b"ok \x81\x30\x81 then \xff\xfe\xfd", path="x.txt")
