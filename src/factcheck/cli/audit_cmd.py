"""`factcheck audit`: check articles' numbers against each other; report in one or more
formats; exit 0 (clean), 1 (findings at or above --fail-on) or 2 (bad input or usage)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import AuditOptions, audit_documents
from factcheck.cli.inputs import article_paths, read_documents
from factcheck.cli.output import write_atomically
from factcheck.errors import ConfigError
from factcheck.model.finding import Severity
from factcheck.model.report import AuditReport, AuditResult
from factcheck.report.formats import FORMAT_NAMES, renderers
from factcheck.rules.registry import RulePack, default_pack, load_pack


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


def audit(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html).")
    ],
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                f"Output format: {', '.join(FORMAT_NAMES)}; add :FILE to write it to a file "
                "(--format text --format json:out.json). Repeatable. Default: text."
            ),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the (single) format here instead of stdout."),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option(help="Exit 1 when a finding is at least this severe.")
    ] = FailOn.error,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Run only rules whose id starts with this (FC1, FC106)."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip rules whose id starts with this.")
    ] = None,
    show_consistent: Annotated[
        bool, typer.Option(help="Also report relations that hold and ones that cannot be checked.")
    ] = False,
    rules_dir: Annotated[
        Path | None, typer.Option("--rules", help="A rule pack folder instead of the built-in one.")
    ] = None,
) -> None:
    """Audit articles: find the numbers that do not add up, with the arithmetic."""
    pack = load_pack(rules_dir.resolve()) if rules_dir else default_pack()
    options = AuditOptions(
        select=tuple(_rule_prefixes(pack, select or [], "--select")),
        ignore=tuple(_rule_prefixes(pack, ignore or [], "--ignore")),
        show_consistent=show_consistent,
        pack=pack,
    )
    targets = parse_formats(formats or ["text"], output)
    documents = []
    failures = 0
    for loaded in read_documents(article_paths(paths)):
        if loaded.error is not None:
            failures += 1
            print(f"factcheck: error: {loaded.error.one_line()}", file=sys.stderr)
        elif loaded.document is not None:
            documents.append(loaded.document)
    if failures:
        raise ConfigError(
            f"{failures} of {failures + len(documents)} files could not be read; nothing written"
        )
    result = audit_documents(documents, options)
    write_reports(result, targets)
    raise typer.Exit(exit_code(result.report, fail_on))


def parse_formats(values: list[str], output: Path | None) -> list[tuple[str, Path | None]]:
    targets: list[tuple[str, Path | None]] = []
    for value in values:
        name, _, path = value.partition(":")
        if name not in FORMAT_NAMES:
            raise ConfigError(f"unknown format {name!r}; choose from {', '.join(FORMAT_NAMES)}")
        targets.append((name, Path(path) if path else None))
    to_stdout = [t for t in targets if t[1] is None]
    if output is not None:
        if len(to_stdout) != 1:
            raise ConfigError("-o needs exactly one --format without its own :FILE")
        targets = [(n, p if p is not None else output) for n, p in targets]
    elif len(to_stdout) > 1:
        raise ConfigError("only one format can go to stdout; give the others a :FILE")
    return targets


def write_reports(result: AuditResult, targets: list[tuple[str, Path | None]]) -> None:
    rendered = []
    for name, path in targets:
        color = name == "text" and path is None and sys.stdout.isatty()
        rendered.append((renderers(color=color)[name](result), path))
    for content, path in rendered:  # everything rendered first: an error writes nothing
        if path is None:
            sys.stdout.write(content)
            sys.stdout.flush()
        else:
            write_atomically(path, content)


def exit_code(report: AuditReport, fail_on: FailOn) -> int:
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold and f.is_problem for f in report.findings) else 0


def _rule_prefixes(pack: RulePack, values: list[str], option: str) -> list[str]:
    prefixes = [p.strip().upper() for v in values for p in v.split(",") if p.strip()]
    for prefix in prefixes:
        if not pack.matches_any(prefix):
            raise ConfigError(f"{option} {prefix}: no rule has this id; see `factcheck rules`")
    return prefixes
