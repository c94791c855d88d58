"""Sentences and what each is about: its subject, how that was found, and the topic it
carries from the sentences before.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from factcheck.claims.cues import CueSpec
from factcheck.claims.entities import UNKNOWN_MODEL, EntityMatcher, EntityMention
from factcheck.claims.grammar import Grammar
from factcheck.claims.kb import KnowledgeBase, alias_key
from factcheck.model.quantity import QuantityMention
from factcheck.model.span import Span
from factcheck.normalize.pipeline import NormalizedText

TOPIC_KINDS = ("chip", "company", "product", "chip_family", "market", "aggregate")
BLOCKING = (
    "company_reference_without_subject",
    "plural_reference",
    "research_firm_is_the_source",
    "table_row_of_no_entity",
)
"""Subjects no entity stands for: nothing is carried into or past such a sentence."""
_LEADING_LABEL = re.compile(r"[^,，。;；:：]{1,12}[:：]")
_HEADING_MAX = 24


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    damaged: bool
    heading: str | None
    entities: list[EntityMention]
    subject: str | None
    subject_carried: bool
    subject_strategy: str = "subject_of_sentence"
    block: int = 0
    """Which run of lines between blank lines the sentence is in (a paragraph proper)."""
    subject_blocks: bool = False
    """The sentence is about something no entity stands for here (an unknown company named
    by 该公司 in an article without a subject): nothing is carried into it."""


def article_subject(
    title: str | None, matcher: EntityMatcher, kb: KnowledgeBase, title_name: str | None = None
) -> str | None:
    """The company an article is about: the first one its title names (an English title
    counts), or the vendor of the first chip it names, or the unknown company the title
    leads with."""
    if not title:
        return None
    for mention in matcher.find(alias_key(title)):
        kind = kb.kind(mention.entity)
        if kind == "company":
            return mention.entity
        spec = kb.entities.get(mention.entity)
        if spec is not None and spec.vendor and kind in ("chip", "chip_family", "product"):
            return spec.vendor
    if title_name is not None and kb.kind(title_name) == "company":
        return title_name
    return None


@cache
def _subject_pronoun_pattern(
    pronouns: tuple[str, ...], blocked: tuple[str, ...], connectives: tuple[str, ...]
) -> re.Pattern[str]:
    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    not_words = "".join(f"(?!{re.escape(b)})" for b in blocked)
    return re.compile(
        rf"(?:^|(?<=[,，;；:：。\s]))(?:{alternation(connectives)})?\s*{not_words}"
        rf"(?P<pronoun>{alternation(pronouns)})"
    )


def subject_pronoun_pattern(cues: CueSpec) -> re.Pattern[str]:
    """其 / 它 / 该芯片 at the start of a clause, standing for the subject before (其他,
    其中 and the like are other words)."""
    pronouns = tuple(p for p, meaning in cues.pronouns.items() if meaning == "subject")
    return _subject_pronoun_pattern(
        pronouns, tuple(cues.pronoun_false_starts), tuple(cues.clause_connectives)
    )


class SubjectReader:
    """Reads the sentences of one normalized text in order, carrying the topic along."""

    def __init__(
        self,
        norm: NormalizedText,
        entities: list[EntityMention],
        numbers: list[QuantityMention],
        grammar: Grammar,
        company_reference: re.Pattern[str],
        title_subject: str | None,
        sources: list[EntityMention] | tuple[()] = (),
    ) -> None:
        self.norm = norm
        self.text = norm.text
        self.entities = entities
        self.numbers = numbers
        self._number_starts = [q.norm_span.start for q in numbers]
        self.grammar = grammar
        self.kb = grammar.kb
        self.company_reference = company_reference
        self.title_subject = title_subject
        self._source_starts = sorted(e.start for e in sources)
        self.plural_reference = plural_reference_pattern(self.kb.cues)
        self.subject_pronoun = subject_pronoun_pattern(self.kb.cues)
        self._earlier_topic: str | None = None
        """The topic before the current one: what a pronoun names past a compared rival."""

    def sentences(self) -> list[Sentence]:
        norm = self.norm
        line_starts = [line.start for line in norm.lines]
        entity_starts = [e.start for e in self.entities]
        sentences: list[Sentence] = []
        topic: str | None = None
        heading: str | None = None
        paragraph = -1
        block = 0
        for index, span in enumerate(norm.sentences):
            if norm.is_excluded(span.start, span.end):
                continue
            line = bisect_right(line_starts, span.start) - 1
            if line != paragraph:
                if self._blank_line_before(line):
                    block += 1
                    if topic is not None and self._drops_topic(topic):
                        topic = None
                paragraph = line
                heading = self._heading(line)
            lo = bisect_left(entity_starts, span.start)
            hi = bisect_left(entity_starts, span.end)
            ents = self.entities[lo:hi]
            subject, strategy = self._subject_of(span, ents, topic)
            blocks = strategy in BLOCKING
            carried = subject is None and not blocks
            if blocks:
                topic = None  # 该公司… with no company named: nothing to carry on either
            elif subject is None:
                subject = topic
            elif subject == UNKNOWN_MODEL or self.kb.kind(subject) in TOPIC_KINDS:
                if subject != topic:
                    self._earlier_topic = topic
                topic = subject
            sentences.append(
                Sentence(
                    index=index,
                    start=span.start,
                    end=span.end,
                    paragraph=paragraph,
                    damaged=norm.is_damaged(span.start, span.end),
                    heading=heading,
                    entities=ents,
                    subject=subject,
                    subject_carried=carried,
                    subject_strategy=strategy,
                    subject_blocks=blocks,
                    block=block,
                )
            )
        return sentences

    def _drops_topic(self, topic: str) -> bool:
        """A company named in passing does not carry past a blank line: a new paragraph is
        about the article's subject, or names its own."""
        return topic != self.title_subject and self.kb.kind(topic) == "company"

    def _blank_line_before(self, line: int) -> bool:
        if line == 0:
            return False
        between = self.text[self.norm.lines[line - 1].end : self.norm.lines[line].start]
        return between.count("\n") >= 2

    def _heading(self, line_index: int) -> str | None:
        """A label for a paragraph: `显存带宽:` at its start, or a short heading line above."""
        line = self.norm.lines[line_index]
        content = self.text[line.start : line.end].strip()
        m = re.match(r"^([^,，。;；:：]{1,12})[:：]", content)
        if m:
            return m.group(1)
        if line_index > 0:
            previous = self.norm.lines[line_index - 1]
            above = self.text[previous.start : previous.end].strip()
            if 0 < len(above) <= _HEADING_MAX and above[-1] not in "。.;；":
                return above
        return None

    def _subject_of(
        self, span: Span, ents: list[EntityMention], topic: str | None
    ) -> tuple[str | None, str]:
        """The grammatical subject and how it was found: the first entity written before the
        sentence's first number that is not the object of a comparison (比H100, 相比H100,
        对CUDA), or the article's company when a reference (公司, the company) comes first."""
        # 算力提升30%:昇腾910D采用…: the subject comes after a leading label.
        row_label = self._table_row_label(span)
        if row_label is not None:
            # | Combined | ~$226B | …: a table row is about its first cell, or about nobody
            named = [e for e in ents if row_label[0] <= e.start < row_label[1]]
            if not named:
                return None, "table_row_of_no_entity"
            return named[0].entity, "table_row_label"
        label = _LEADING_LABEL.match(self.text, span.start, span.end)
        body = label.end() if label else span.start
        at = bisect_left(self._number_starts, body)
        starts = self._number_starts
        first_number = starts[at] if at < len(starts) and starts[at] < span.end else span.end
        grammar = self.grammar
        candidates = [
            e
            for e in ents
            if e.start < first_number
            and not grammar.is_object(e)
            and not grammar.is_modifier(e, ents)
        ]
        specific = [e for e in candidates if self.kb.kind(e.entity) != "group"]
        chosen = (specific or candidates)[:1]
        reference = self.company_reference.search(self.text, body, first_number)
        # the determiner may hold the first number itself (这三款芯片)
        plural = self.plural_reference.search(self.text, body, span.end)
        first = min(
            [m.start() for m in (reference,) if m] + [e.start for e in chosen], default=span.end
        )
        if plural and plural.start() < first and plural.start() <= first_number:
            return None, "plural_reference"  # 这三款芯片均…: several entities at once
        if reference and (not chosen or reference.start() < chosen[0].start):
            return self._referent(topic, reference.group().strip())
        if chosen:
            return chosen[0].entity, "subject_of_sentence"
        if self._cites_source(body, first_number):
            return None, "research_firm_is_the_source"  # IDC预计全年出货量… is nobody's figure
        pronoun = self.subject_pronoun.search(self.text, body, first_number)
        if pronoun is not None and topic is not None:
            # 同时,其HBM带宽…: the pronoun names the subject of the sentence before, unless
            # this sentence compares with that one (该芯片功耗为450W,高于A100的400W after a
            # sentence about the A100): then it names the topic before.
            word = pronoun.group("pronoun")
            earlier = self._earlier_topic
            if earlier not in (None, topic) and any(
                e.entity == topic and grammar.is_object(e) for e in ents
            ):
                return earlier, f"pronoun:{word}:not_the_compared"
            return topic, f"pronoun:{word}"
        return None, "none"

    def _table_row_label(self, span: Span) -> tuple[int, int] | None:
        """The first cell of a Markdown table row (`| Microsoft | $53B |`)."""
        line = self.text[span.start : span.end]
        first = line.find("|")
        if first == -1 or line[:first].strip():
            return None
        second = line.find("|", first + 1)
        if second == -1:
            return None
        return span.start + first + 1, span.start + second

    def _cites_source(self, start: int, end: int) -> bool:
        at = bisect_left(self._source_starts, start)
        return at < len(self._source_starts) and self._source_starts[at] < end

    def _referent(self, topic: str | None, word: str) -> tuple[str | None, str]:
        """公司 / the company: the company the text is about so far (the topic, or the vendor
        of the chip that is), else the one the title names, else nobody."""
        if topic is not None and self.kb.kind(topic) == "company":
            return topic, f"company_reference:{word}->topic"
        spec = self.kb.entities.get(topic) if topic else None
        if spec is not None and spec.vendor:
            return spec.vendor, f"company_reference:{word}->vendor_of_topic"
        if self.title_subject is not None:
            return self.title_subject, f"company_reference:{word}->title"
        return None, "company_reference_without_subject"


def plural_reference_pattern(cues: CueSpec) -> re.Pattern[str]:
    """这三款芯片, 这些公司, both chips, these new GPUs: a determiner of several, a few
    words at most, and a reference noun."""
    determiners = _alternation(cues.plural_determiners)
    nouns = _alternation(cues.reference_nouns)
    if not determiners or not nouns:
        return re.compile("(?!)")
    return re.compile(
        rf"(?<![A-Za-z])(?:{determiners})\s*[款个颗家种位块张]?\s*"
        rf"(?:[^,，。;；:：!?！？\s]{{0,6}}\s*)?(?:{nouns})|{_group_total_source(cues)}",
        re.I,
    )


def group_total_pattern(cues: CueSpec) -> re.Pattern[str]:
    """三家合计, 前五大厂商共计, the three combined: a count of members (group `zh` or `en`)
    and a word that makes the figure after it all of theirs together."""
    return re.compile(_group_total_source(cues), re.I)


def _group_total_source(cues: CueSpec) -> str:
    nouns = _alternation(cues.reference_nouns) or "(?!)"
    totals = _alternation(cues.group_totals) or "(?!)"
    return (
        rf"(?:前|这|上述)?(?P<zh>[两二三四五六七八九十]+|\d+)\s*[家者款大个位]\s*(?:{nouns})?\s*"
        rf"(?:{totals})"
        rf"|\b(?:the\s+|all\s+)?(?P<en>{_ENGLISH_COUNTS}|\d+)\s+(?:\w+\s+)?(?:{totals})\b"
        # the combined share of Samsung and SK hynix: several members' figure together
        rf"|\b(?:the\s+)?(?:combined|joint)\s+(?:\w+\s+){{0,2}}of\s+(?=(?-i:[A-Z]))"
        # Amazon, Alphabet and Meta combined spent…, 甲和乙合计…: named members, then the word
        rf"|\band\s+(?:\S+\s+){{1,3}}?(?:combined|together)\b|[和与及][^,，;；。]{{1,12}}?(?:{totals})"
    )


_ENGLISH_COUNTS = "two|three|four|five|six|seven|eight|nine|ten|both"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
