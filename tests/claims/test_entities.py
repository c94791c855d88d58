"""Entity aliases: exact table first, fuzzy only within identical digit groups and suffixes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.entities import _alias_tokens, default_matcher
from factcheck.claims.kb import load_kb
from factcheck.errors import DataError

ROOT = Path(__file__).resolve().parents[2]


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


def _plain_alternation() -> re.Pattern[str]:
    return re.compile(
        "|".join(_alias_regex(a) for a in sorted(_ALIASES, key=len, reverse=True)), re.I
    )


@given(
    st.lists(
        st.one_of(st.sampled_from(_ALIASES), st.sampled_from([" ", "的", "X", "-", "5", "架构"])),
        max_size=12,
    )
)
def test_alias_trie_finds_the_longest_alias_like_a_plain_alternation(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = _PLAIN  # compiled once: compiling it inside an example ran past the deadline
    expected = [(m.start(), m.end()) for m in plain.finditer(text)]
    found = [(m.start(), m.end()) for m in default_matcher()._pattern.finditer(text)]
    assert found == expected


def _alias_regex(alias: str) -> str:
    return "".join(_alias_tokens(alias))


def _kb_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "kb"
    shutil.copytree(ROOT / "kb", folder)
    return folder


def test_a_misspelt_entity_kind_is_an_error_naming_its_line(tmp_path: Path) -> None:
    folder = _kb_copy(tmp_path)
    path = folder / "entities.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "id: nvidia," in line)
    lines[index] = lines[index].replace("kind: company", "kind: compnay")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_kb(folder)
    assert caught.value.one_line().startswith(f"{path}:{index + 1}:")


def test_an_unknown_cue_category_is_an_error_naming_its_line(tmp_path: Path) -> None:
    folder = _kb_copy(tmp_path)
    path = folder / "cues.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "contrats: [rather than]\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_kb(folder)
    assert caught.value.one_line().startswith(f"{path}:{len(text.splitlines()) + 1}:")


def test_a_misspelt_direction_is_an_error_naming_its_line(tmp_path: Path) -> None:
    folder = _kb_copy(tmp_path)
    path = folder / "cues.yaml"
    text = path.read_text(encoding="utf-8").replace("  much_less: [", "  much_lesser: [", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_kb(folder)
    line = next(
        i for i, row in enumerate(text.splitlines(), 1) if row.startswith("direction_words")
    )
    assert caught.value.one_line().startswith(f"{path}:{line}:"), caught.value.one_line()


@pytest.mark.parametrize(
    ("text", "name", "entity"),
    [
        ("与龙芯中科相比", "龙芯中科", "loongson"),
        ("星河半导体发布财报", "星河半导体", "local:company:星河半导体"),
        ("Acme Robotics Inc. said", "Acme Robotics Inc.", "local:company:Acme Robotics Inc."),
        ("全球液冷服务器市场规模", "全球液冷服务器市场", "local:market:全球液冷服务器市场"),
        ("如Atlas 970超节点", "Atlas 970超节点", "local:aggregate:Atlas 970超节点"),
        ("BR105芯片", "BR105", "local:chip:BR105"),
    ],
)
def test_names_outside_the_kb_are_entities_by_shape(text: str, name: str, entity: str) -> None:
    found = [(text[e.start : e.end], e.entity) for e in default_matcher().find(text)]
    assert (name, entity) in found


@pytest.mark.parametrize(
    "text", ["FP16算力", "HBM3显存", "中国市场份额", "登陆资本市场", "国产半导体企业"]
)
def test_number_formats_places_and_common_nouns_are_no_names(text: str) -> None:
    assert [text[e.start : e.end] for e in default_matcher().find(text)] == []


def test_fuzzy_matching_keeps_the_letters_before_the_number() -> None:
    assert default_matcher().resolve("BR100") == ("biren-br100", 1.0)
    assert default_matcher().resolve("BR101") is None


def test_a_generation_number_before_a_family_names_its_chip() -> None:
    matcher = default_matcher()
    for text, chip in (
        ("谷歌发布第七代TPU加速器", "google-tpu-ironwood"),
        ("谷歌发布了第六代TPU", "google-tpu-v6e"),
        ("Google's seventh-generation TPU", "google-tpu-ironwood"),
        ("the 4th-gen TPU", "google-tpu-v4"),
    ):
        assert [m.entity for m in matcher.find(text)][-1] == chip, text
    # no chip of that generation in the kb, or two of them: the family stays the family
    assert [m.entity for m in matcher.find("第九代TPU")] == ["google-tpu"]


_PLAIN = _plain_alternation()
