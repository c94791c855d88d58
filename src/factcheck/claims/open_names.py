"""Names the knowledge base does not know, recognised by their shape.

An article about 西安奕材, a `BR100` or the `Atlas 950超节点` names things no list can hold
in advance. Such a name is still an entity: it gets a document-local id
(`local:<kind>:<name>`), its figures are its own, and it blocks carry-over, so a figure in
a sentence about an unknown company never goes to the last known one. Shapes (the word
lists live in `kb/cues.yaml`):

- an organisation: a run of Chinese characters ending in an organisation suffix (科技,
  股份, 半导体 …) or Latin words ending in Inc./Corp./Ltd.;
- a market: a noun phrase ending in 市场;
- a model token (`BR100`, `Gaudi 3`'s kin): letters then two to five digits, not a number
  format or unit (FP16, HBM3, DDR5);
- an aggregate: a model token or known chip name followed by a system noun (超节点,
  server, cluster) names a system of many chips, never one chip;
- a placeholder: a letter or 甲/乙/丙 with a noun (公司A, 甲公司, Company B);
- a ranked name: the name a ranking list writes before 以 and its share (比亚迪以17.9%的
  份额排名第二, LG新能源以9.4%位列第三);
- the title's subject: the name a title leads with before one of its verbs (宁德时代发布…,
  Acme Robotics reports…), when the body names it again — a company, or a product when
  the name holds a digit (小米17 Pro发布).
"""

from __future__ import annotations

import re

from factcheck.claims.cues import CueSpec
from factcheck.claims.kb import alias_key, local_entity

BENCHMARK = "benchmark"
"""The kind of a statistic over others (行业平均): it may have any attribute they have."""
_CJK = "\u4e00-\u9fff"
_BOUNDARY = f"[^{_CJK}A-Za-z0-9]"
# Particles and verbs after which a Chinese name may begin: 与寒武纪, 低于西安奕材的.
_LEADS = "与和及跟同由向被对在据从让给将把的是为于比较至到占"
_MODEL = re.compile(
    r"(?<![A-Za-z0-9])((?:[A-Z]{2,}[\s\-]){0,2})([A-Z][A-Za-z]{0,9})[\s\-]?(\d{2,5})([A-Za-z]{0,3})"
    r"(?![A-Za-z0-9.%])"
)

_TITLE_PERIOD = (
    r"(?:(?:20\d\d|\d\d)\s*年度?)?\s*"
    r"(?:[上下]半年|前三季度|第?[一二三四1-4]季度|全年|Q[1-4])?\s*"
)
"""A period between a title's subject and its verb: 北方华创2025年上半年营收…"""
_RANKED = re.compile(
    rf"(?:^|(?<=[，,；;。、\s:：]))(?P<name>[{_CJK}A-Za-z][{_CJK}A-Za-z0-9&\-]{{1,9}}?)以\s*"
    r"(?:约|近|超过|逾)?\s*\d+(?:\.\d+)?\s*%\s*(?:的(?:市场)?(?:份额|市占率|占有率|占比))?\s*"
    r"(?:位居|排名|位列|排在|名列|居于|居|紧随其后|夺得|占据|领跑|稳居|排第)",
    re.M,
)


def _alternation(words: list[str]) -> str:
    keys = sorted({alias_key(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


_LIST_MARKS = "、"


# 三家公司, 第二季度公司, 每家公司, 2024年公司: a count, an ordinal or a time is no part of a
# name (日月光半导体 and 三一重工 are names: only a numeral with its classifier is a count).
_NOT_A_NAME = re.compile(
    r"^(?:第|[各每全]|[一二三四五六七八九十两几数多\d]+\s*[家个位款大])"
    r"|[上下]半年|季度|[\d一二三四五六七八九十]\s*[年月日]"
    # 物联网及车用电子: two things joined, no one name (和 is in names: 融和, 和硕);
    # 归属母公司, 各子公司: a kind of company
    r"|[及与或、]|[母子]公司$"
)
_CLAUSE_MARKS = "。！？；;!?\n"


def _named_as_a_name(text: str, start: int, end: int, name: str) -> bool:
    """A name with a suffix that is also a plain word is a name when the text says it twice,
    lists it beside other names or starts a sentence with it (拓荆科技上半年营收…)."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (
        start == 0
        or before in _CLAUSE_MARKS
        or (before != "" and before in _LIST_MARKS)
        or (after != "" and after in _LIST_MARKS)
        or _said_twice(text, name)
    )


def _said_twice(text: str, name: str) -> bool:
    """Whether the name occurs twice: a search for the second occurrence stops there,
    where counting every occurrence reads the whole text for each name."""
    first = text.find(name)
    return first != -1 and text.find(name, first + 1) != -1


class OpenNameFinder:
    """Finds unknown names in normalized text; `taken` marks text already named by the kb."""

    def __init__(self, cues: CueSpec) -> None:
        # 上市公司, 该公司, 一家科技公司: a determiner or a classifying word starts a common noun
        stops = (*cues.org_stop_prefixes, *cues.reference_blockers, *cues.company_references)
        self._stops = tuple(alias_key(w) for w in stops)
        self._weak = tuple(cues.org_weak_suffixes)
        self._lead_words = sorted(
            (alias_key(w) for w in cues.name_lead_words), key=len, reverse=True
        )
        self._generic = re.compile(
            f"(?:{_alternation(cues.market_generic)})*(?:{_alternation(cues.market_suffixes)})"
        )
        self._name_stops = {w.casefold() for w in cues.name_stop_words}
        chinese = [w for w in cues.org_suffixes if not w.isascii()]
        english = [w.rstrip(".") for w in cues.org_suffixes if w.isascii()]
        self._org = re.compile(
            f"(?:(?<={_BOUNDARY})|^|(?<=[{_LEADS}]))"
            f"([{_CJK}]{{2,6}}?(?:{_alternation(chinese)}))"
            f"|\\b((?:[A-Z][A-Za-z0-9&]+\\s){{1,3}}(?:{_alternation(english)})\\b\\.?)",
            re.M,
        )
        self._market = re.compile(
            f"([{_CJK}A-Za-z0-9]{{2,12}}?(?:{_alternation(cues.market_suffixes)}))"
        )
        self._product = re.compile(_alternation(cues.market_products), re.I)
        self._market_word = re.compile(
            _alternation([*cues.market_generic, *cues.market_products]), re.I
        )
        self._aggregate = re.compile(f"\\s*(?:{_alternation(cues.aggregate_nouns)})", re.I)
        verbs = _alternation(cues.title_verbs) or "(?!)"
        self._title_lead = re.compile(
            rf"^(?:[^!！:：|｜]{{1,8}}[!！:：|｜])?\s*(?:"
            rf"(?P<zh>[{_CJK}A-Za-z0-9][{_CJK}A-Za-z0-9&·\- ]{{1,11}}?)\s*"
            rf"{_TITLE_PERIOD}(?:{verbs})"
            rf"|(?P<en>[A-Z][\w&.\-]*(?: [A-Z0-9][\w&.\-]*){{0,3}})\s+(?:{verbs})\b)",
            re.I,
        )
        nouns = "|".join(
            re.escape(n) for n in sorted(cues.placeholder_nouns, key=len, reverse=True)
        )
        self._placeholder_kinds = {n.casefold(): k for n, k in cues.placeholder_nouns.items()}
        self._placeholder = re.compile(
            rf"(?<![A-Za-z{_CJK}])(?P<pre>[甲乙丙丁戊己庚辛]|[A-Z])(?P<n1>{nouns})"
            rf"|(?P<n2>{nouns})\s?(?P<post>[A-Z]|[甲乙丙丁])(?![A-Za-z股])"
            if nouns
            else "(?!)"
        )
        self._title_stops = {alias_key(w).casefold() for w in cues.title_stop_words}
        self._not_names = self._title_stops | {
            alias_key(w).casefold() for w in (*cues.company_references, *cues.pronouns)
        }
        benchmarks = _alternation(cues.benchmark_nouns)
        self._benchmark = re.compile(benchmarks, re.I) if benchmarks else None

    def title_name(self, title: str | None, text: str) -> str | None:
        """The local id of the name a title leads with, when the body names it again."""
        if not title:
            return None
        title = alias_key(title)
        m = self._title_lead.match(title)
        if m is None:
            return None
        name = (m.group("zh") or m.group("en")).strip()
        folded = name.casefold()
        if (
            len(name) < 2
            or name.isdigit()
            or folded in self._title_stops
            or name.startswith(self._stops)
            or text.count(name) < (2 if title in text else 1)  # the body names it too
        ):
            return None
        kind = "product" if any(c.isdigit() for c in name) else "company"
        return local_entity(kind, name)

    def find(
        self, text: str, taken: bytearray, title_name: str | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, local id) of each unknown name, left to right, never overlapping
        text the kb already names."""
        found: list[tuple[int, int, str]] = []
        named = (
            *self._title_mentions(text, title_name),
            *self._placeholders(text),
            *self._ranked(text),
            *self._benchmarks(text),
            *self._orgs(text),
            *self._markets(text),
            *self._models(text),
        )
        for start, end, entity in named:
            if not any(taken[start:end]):
                found.append((start, end, entity))
                taken[start:end] = b"\x01" * (end - start)
        return sorted(found)

    @staticmethod
    def _title_mentions(text: str, title_name: str | None) -> list[tuple[int, int, str]]:
        if title_name is None:
            return []
        name = title_name.split(":", 2)[2]
        out = []
        start = text.find(name)
        while start != -1:
            out.append((start, start + len(name), title_name))
            start = text.find(name, start + len(name))
        return out

    def _placeholders(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in self._placeholder.finditer(text):
            noun = m.group("n1") or m.group("n2")
            kind = self._placeholder_kinds[noun.casefold()]
            out.append((m.start(), m.end(), local_entity(kind, m.group())))
        return out

    def _ranked(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in _RANKED.finditer(text):
            start, end = m.span("name")
            name = m.group("name")
            if name.casefold() in self._not_names or name.startswith(self._stops):
                continue
            out.append((start, end, local_entity("company", name)))
        return out

    def aggregate_end(self, text: str, end: int) -> int | None:
        """Where a system noun written right after a name ends (Atlas 950超节点, DGX server)."""
        m = self._aggregate.match(text, end)
        return m.end() if m else None

    def _benchmarks(self, text: str) -> list[tuple[int, int, str]]:
        """行业平均, industry average: a statistic that owns the figure written after it."""
        if self._benchmark is None:
            return []
        return [
            (m.start(), m.end(), local_entity(BENCHMARK, m.group()))
            for m in self._benchmark.finditer(text)
        ]

    def _orgs(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in self._org.finditer(text):
            start, end = m.span(1) if m.group(1) else m.span(2)
            name = text[start:end]
            while name and name[0] in _LEADS:
                start, name = start + 1, name[1:]
            lead = next((w for w in self._lead_words if name.startswith(w)), "")
            start, name = start + len(lead), name[len(lead) :]
            if len(name) < 3 or name.startswith(self._stops) or _NOT_A_NAME.search(name):
                continue
            if name.endswith(self._weak) and not _named_as_a_name(text, start, end, name):
                continue
            out.append((start, end, local_entity("company", name.strip())))
        return out

    def _markets(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in self._market.finditer(text):
            start, end = m.span(1)
            # 业内预测其中国AI芯片市场: the name starts at its first place or product word,
            # and a market of nothing (中国市场, 资本市场) is a place, not a market.
            first = self._market_word.search(text, start, end)
            if first is None or not self._product.search(text, start, end):
                continue
            start = first.start()
            if self._generic.fullmatch(text, start, end):
                continue
            out.append((start, end, local_entity("market", text[start:end])))
        return out

    def _models(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for m in _MODEL.finditer(text):
            letters = m.group(2)
            if letters.casefold() in self._name_stops or (letters + m.group(3)).casefold() in (
                self._name_stops
            ):
                continue
            end = m.end()
            aggregate = self.aggregate_end(text, end)
            kind = "aggregate" if aggregate is not None else "chip"
            end = aggregate or end
            out.append((m.start(), end, local_entity(kind, text[m.start() : end])))
        return out
