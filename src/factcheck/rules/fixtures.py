"""Rule tests as annotated articles (`rules/fixtures/*.md`), run by `factcheck test` and pytest.

    <!-- date: 2024-02-01 -->          (optional, once: the articles' publication date)
    <!-- ruleid: FC101 -->             the next paragraph must get a problem from FC101
    <!-- ok: FC101 -->                 FC101 must check the next paragraph and find it consistent
    <!-- quiet: FC111 -->              FC111 must raise no problem there (figures it must not
                                       compare: different years, a forecast and a result)
    <!-- todoruleid: FC101 -->         a known gap: FC101 should flag it but does not yet

A processing rule (FC0xx) flags with a note: any finding of it satisfies `ruleid`.

Each annotated paragraph is audited on its own. A line `===` inside it separates articles,
for cross-source rules: the paragraph's articles are checked against each other and against
the reference data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import DataError
from factcheck.model.document import Document
from factcheck.model.finding import Finding, Verdict

_ANNOTATION = re.compile(r"^<!--\s*(ruleid|ok|quiet|todoruleid|date):\s*([^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class Case:
    path: Path
    line: int
    expectation: str
    """ruleid, ok, quiet or todoruleid."""
    rule: str
    text: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    passed: bool
    todo: bool
    detail: str


def read_cases(path: Path) -> tuple[list[Case], str | None]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot read fixture: {error}", path=str(path)) from None
    cases: list[Case] = []
    date: str | None = None
    pending: list[tuple[str, str, int]] = []
    paragraph: list[str] = []
    start = 0

    def flush() -> None:
        if paragraph and pending:
            text = "\n".join(paragraph) + "\n"
            cases.extend(Case(path, start, kind, rule, text) for kind, rule, _ in pending)
            pending.clear()
        paragraph.clear()

    for number, line in enumerate(lines, start=1):
        match = _ANNOTATION.match(line.strip())
        if match:
            flush()
            kind, value = match.groups()
            if kind == "date":
                date = value
                continue
            for rule in re.split(r"[,\s]+", value):
                if rule:
                    pending.append((kind, rule.upper(), number))
        elif not line.strip():
            flush()
        else:
            if not paragraph:
                start = number
            paragraph.append(line)
    flush()
    if pending:
        raise DataError(
            "an annotation is not followed by a paragraph", path=str(path), line=pending[0][2]
        )
    return cases, date


Auditor = Callable[[list[Document]], Sequence[Finding]]
ARTICLE_BREAK = "\n===\n"


def run_case(
    case: Case, date: str | None, audit: Auditor, load: Callable[[str, bytes], Document]
) -> Outcome:
    documents = []
    for number, part in enumerate(case.text.split(ARTICLE_BREAK), start=1):
        document = load(f"{case.path.stem}-{case.line}-{number}.txt", part.encode("utf-8"))
        if date:
            meta = document.meta.model_copy(update={"date": date})
            document = document.model_copy(update={"meta": meta})
        documents.append(document)
    findings = [f for f in audit(documents) if f.rule == case.rule]
    # Processing rules (FC0xx) only ever add notes: any finding of theirs is a flag.
    problems = [f for f in findings if f.is_problem or case.rule.startswith("FC0")]
    if case.expectation == "ruleid":
        detail = problems[0].explanation if problems else _why_not(findings)
        return Outcome(case, bool(problems), False, detail)
    if case.expectation == "todoruleid":
        detail = "now flagged: turn it into ruleid" if problems else "known gap"
        return Outcome(case, True, True, detail)
    consistent = [f for f in findings if f.verdict is Verdict.consistent]
    if case.expectation == "quiet":
        detail = f"flagged: {problems[0].explanation}" if problems else "no problem raised"
        return Outcome(case, not problems, False, detail)
    if problems:
        return Outcome(case, False, False, f"flagged: {problems[0].explanation}")
    if not consistent:
        return Outcome(case, False, False, "the rule did not check it: " + _why_not(findings))
    return Outcome(case, True, False, consistent[0].explanation)


def _why_not(findings: list[Finding]) -> str:
    if not findings:
        return "no finding from this rule"
    return "; ".join(f"{f.verdict.value}: {f.explanation}" for f in findings[:2])


def fixture_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    base = folder / "fixtures" if (folder / "fixtures").is_dir() else folder
    files = sorted(base.rglob("*.md"))
    if not files:
        raise DataError("no rule fixtures (*.md) here", path=str(folder))
    return files
