"""Entity aliases: exact table first, fuzzy only within identical digit groups and suffixes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.entities import _alias_tokens, default_matcher


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("H20", "nvidia-h20"),
        ("HGX H20", "nvidia-h20"),
        ("H200", "nvidia-h200"),
        ("H-200", "nvidia-h200"),
        ("英伟达", "nvidia"),
        ("輝達", "nvidia"),
        ("Nvidia", "nvidia"),
        ("昇腾910C", "huawei-ascend-910c"),
        ("昇騰910C", "huawei-ascend-910c"),
        ("Ascend 910C", "huawei-ascend-910c"),
        ("Ascend910B", "huawei-ascend-910b"),
        ("MI308", "amd-mi308x"),
        ("MI-308X", "amd-mi308x"),
        ("思元590", "cambricon-mlu590"),
        ("MLU590", "cambricon-mlu590"),
        ("沐曦", "metax"),
        ("MetaX", "metax"),
        ("摩尔线程", "moore-threads"),
        ("Moore Threads", "moore-threads"),
        ("TPU v5p", "google-tpu-v5p"),
        ("Ironwood", "google-tpu-ironwood"),
        ("TPU7x", "google-tpu-ironwood"),
        ("MTT S4000", "moore-threads-mtt-s4000"),
    ],
)
def test_exact_aliases(name: str, entity: str) -> None:
    assert default_matcher().resolve(name) == (entity, 1.0)


@pytest.mark.parametrize("name", ["H10", "H2000", "910", "MI300", "B1000", "H2O", "X9000"])
def test_traps_stay_unknown(name: str) -> None:
    assert default_matcher().resolve(name) is None


def test_fuzzy_matching_fixes_a_typo_but_keeps_the_model_number() -> None:
    assert default_matcher().resolve("Acsend 910C") == ("huawei-ascend-910c", 0.9)
    resolved = default_matcher().resolve("Acsend 910B")
    assert resolved is not None and resolved[0] == "huawei-ascend-910b"


def test_siblings_never_merge_in_text() -> None:
    text = "H20与H200、910B与910C、MI308与MI300X"
    found = [m.entity for m in default_matcher().find(text)]
    assert found == [
        "nvidia-h20",
        "nvidia-h200",
        "huawei-ascend-910b",
        "huawei-ascend-910c",
        "amd-mi308x",
        "amd-mi300x",
    ]


_ALIASES = sorted(default_matcher().kb.aliases)


@given(
    st.lists(
        st.one_of(st.sampled_from(_ALIASES), st.sampled_from([" ", "的", "X", "-", "5", "架构"])),
        max_size=12,
    )
)
def test_alias_trie_finds_the_longest_alias_like_a_plain_alternation(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = re.compile(
        "|".join(_alias_regex(a) for a in sorted(_ALIASES, key=len, reverse=True)), re.I
    )
    expected = [(m.start(), m.end()) for m in plain.finditer(text)]
    found = [(m.start(), m.end()) for m in default_matcher()._pattern.finditer(text)]
    assert found == expected


def _alias_regex(alias: str) -> str:
    return "".join(_alias_tokens(alias))
