"""Pinyin-in-parentheses artifacts: `行業(yè)` -> `行業`, `F(xiàn)P8` -> `FP8`, `?shù)` -> ``.

Some pages render ruby annotations inline. An artifact is one pinyin syllable with at least
one tone mark, inside `(...)` or after a `?` left by a lost character. Real parentheses
such as `(TPP)` or `(96GB HBM3)` carry no tone marks and are never touched.
"""

from __future__ import annotations

import re

from factcheck.normalize.offsets import Edit

_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü{_TONE_VOWELS}]{{1,3}}(?:ng|n|r)?"
_ARTIFACT = re.compile(rf"[(?](?=[a-zü{_TONE_VOWELS}]*[{_TONE_VOWELS}]){_SYLLABLE}\)")
_HAS_TONE = re.compile(f"[{_TONE_VOWELS}]")


def pinyin_edits(text: str) -> list[Edit]:
    if not _HAS_TONE.search(text):
        return []
    return [Edit(m.start(), m.end(), "") for m in _ARTIFACT.finditer(text)]
