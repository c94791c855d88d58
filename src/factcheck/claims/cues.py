"""The cue-word lexicon (`kb/cues.yaml`): words by category, validated with file:line errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.claims.trie import trie_pattern
from factcheck.datafile import read_yaml, validation_message
from factcheck.errors import DataError

DirectionName = Literal[
    "less", "slightly_less", "much_less", "greater", "slightly_greater", "much_greater"
]


class CueSpec(BaseModel):
    """One list of words per category; `kb/cues.yaml` documents each."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    company_references: list[str]
    reference_blockers: list[str] = []
    org_suffixes: list[str]
    org_stop_prefixes: list[str] = []
    org_weak_suffixes: list[str] = []
    name_lead_words: list[str] = []
    market_suffixes: list[str]
    market_products: list[str] = []
    market_generic: list[str] = []
    aggregate_nouns: list[str]
    name_stop_words: list[str] = []
    benchmark_nouns: list[str] = []
    title_verbs: list[str] = []
    placeholder_nouns: dict[str, str] = {}
    title_stop_words: list[str] = []
    object_markers: list[str]
    object_markers_en: list[str] = []
    comparison_markers: list[str] = []
    pronouns: dict[str, Literal["latter", "former", "subject"]] = {}
    pronoun_false_starts: list[str] = []
    clause_connectives: list[str] = []
    plural_determiners: list[str] = []
    reference_nouns: list[str] = []
    group_totals: list[str] = []
    population_nouns: list[str] = []
    product_figure_nouns_en: list[str] = []
    money_nouns: list[str] = []
    part_nouns: list[str] = []
    band_nouns: list[str] = []
    part_stops: list[str] = []
    part_generic: list[str] = []
    part_anaphora: list[str] = []
    payment_verbs: list[str] = []
    direction_words: dict[
        Literal[
            "less", "slightly_less", "much_less", "greater", "slightly_greater", "much_greater"
        ],
        list[str],
    ] = {}


def load_cues(path: Path) -> CueSpec:
    file = read_yaml(path)
    if not isinstance(file.data, dict):
        raise DataError("expected a mapping of categories to word lists", path=str(path), line=1)
    try:
        return CueSpec.model_validate(file.data)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        raise DataError(
            validation_message(error), path=str(path), line=file.key_line(key) if key else 1
        ) from None


def company_reference_pattern(cues: CueSpec, *, clause_start: bool) -> re.Pattern[str]:
    """公司 / 该公司 / the company, not 可比公司 or 上市公司; with `clause_start`, only at the
    start of a clause (as a sentence's subject)."""
    words = trie_pattern(cues.company_references)
    blockers = "".join(f"(?<!{re.escape(b)})" for b in cues.reference_blockers)
    if not clause_start:
        return re.compile(rf"{blockers}(?:{words})(?![a-z])", re.I)
    boundary = r"(?:^|(?<=[\s,，。;；:：、\-—(（\[【'“]))"
    return re.compile(rf"{boundary}(?:在|据|而)?{blockers}(?:{words})(?![a-z])", re.I)


def common_noun_pattern(cues: CueSpec) -> re.Pattern[str]:
    """可比公司, 上市公司: a blocker before a company reference makes a common noun."""
    nouns = [b + r for b in cues.reference_blockers for r in cues.company_references]
    return re.compile(trie_pattern(nouns), re.I)
