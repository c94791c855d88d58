"""Page furniture (link lists, footers, bylines) marked as not-article."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from factcheck.datafile import parse_yaml
from factcheck.model.span import Span
from factcheck.resources import data_file


@dataclass(frozen=True)
class BoilerplateRules:
    sentence_phrases: re.Pattern[str]
    line_patterns: re.Pattern[str]
    link_min_items: int
    link_max_average_length: int

    def is_boilerplate_line(self, line: str) -> bool:
        if self.line_patterns.search(line):
            return True
        items = [item.strip() for item in line.split("|")]
        items = [item for item in items if item]
        if sum(any(c.isdigit() for c in item) for item in items) * 2 >= len(items):
            return False  # | Microsoft | $53B | ~$80B | +51% |: a table's row of figures
        if len(items) >= self.link_min_items:
            average = sum(len(item) for item in items) / len(items)
            return average <= self.link_max_average_length
        return False

    def is_boilerplate_sentence(self, sentence: str) -> bool:
        return self.sentence_phrases.search(sentence) is not None


@cache
def boilerplate_rules() -> BoilerplateRules:
    raw = parse_yaml(data_file("boilerplate.yaml").read_text(encoding="utf-8"))
    return BoilerplateRules(
        sentence_phrases=re.compile("|".join(re.escape(p) for p in raw["sentence_phrases"])),
        line_patterns=re.compile("|".join(f"(?:{p})" for p in raw["line_patterns"])),
        link_min_items=int(raw["link_list"]["min_items"]),
        link_max_average_length=int(raw["link_list"]["max_average_length"]),
    )


def boilerplate_spans(text: str, sentences: list[Span], lines: list[Span]) -> list[Span]:
    rules = boilerplate_rules()
    spans = [line for line in lines if rules.is_boilerplate_line(text[line.start : line.end])]
    # One pass over the text for footer phrases, then the sentences that hold a hit.
    starts = [s.start for s in sentences]
    hits = {bisect_right(starts, m.start()) - 1 for m in rules.sentence_phrases.finditer(text)}
    spans.extend(sentences[i] for i in sorted(hits) if i >= 0)
    return sorted(spans, key=lambda s: s.start)
