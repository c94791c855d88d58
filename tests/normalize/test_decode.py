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
    with pytest.raises(InputError, match=r"^x\.txt: cannot tell the encoding"):
        decode_bytes(b"ok \x81\x30\x81 then \xff\xfe\xfd", path="x.txt")
    with pytest.raises(InputError, match="cannot tell the encoding"):
        decode_bytes(bytes(range(128, 256)) * 3, path="noise.txt")


def test_big5_is_not_read_as_gb18030() -> None:
    # Big5 bytes also decode as GB18030, into rare characters; the noise score tells them apart.
    text = "輝達H100的顯存為80GB，售價約3萬美元。"
    assert decode_bytes(text.encode("big5")) == text
    assert decode_bytes("英伟达H100的显存为80GB".encode("gb18030")) == "英伟达H100的显存为80GB"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks_name_the_encoding(encoding: str) -> None:
    text = "英伟达H200显存141GB"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_bytes(data) == text


def test_shift_jis_is_recognised_not_read_as_chinese() -> None:
    text = "日本のNVIDIAのH100は80GBです。価格は約3万ドル"
    assert decode_bytes(text.encode("shift_jis")) == text
