"""Options shared by `audit` and `check`: rule selection, the pack, reports, exit codes."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import AuditOptions
from factcheck.cli.config import Config
from factcheck.cli.output import output_target, write_outputs
from factcheck.errors import ConfigError
from factcheck.model.finding import Severity
from factcheck.model.report import AuditReport, AuditResult
from factcheck.model.tolerances import Tolerances
from factcheck.report.formats import FORMAT_NAMES, renderers
from factcheck.report.markdown import MarkdownOptions
from factcheck.rules.registry import RulePack, default_pack, load_pack


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


FormatsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help=(
            f"Output format: {', '.join(FORMAT_NAMES)}; add :FILE to write it to a file "
            "(--format text --format sarif:out.sarif). Repeatable. Default: text."
        ),
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the (single) format here instead of stdout."),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(help="Exit 1 when a finding is at least this severe (default: error)."),
]
SelectOption = Annotated[
    list[str] | None, typer.Option(help="Run only rules whose id starts with this (FC1, FC106).")
]
IgnoreOption = Annotated[
    list[str] | None, typer.Option(help="Skip rules whose id starts with this.")
]
ShowConsistentOption = Annotated[
    bool, typer.Option(help="Also report relations that hold and ones that cannot be checked.")
]
LinkBaseOption = Annotated[
    str | None,
    typer.Option(
        help="Markdown: link each quoted line to URL + path + #L<line> "
        "(e.g. https://github.com/OWNER/REPO/blob/SHA/); without it, lines show as path:line."
    ),
]
MarkdownLimitOption = Annotated[
    int,
    typer.Option(
        min=2000,
        help="Markdown: at most this many characters (a GitHub comment holds 65,536); the "
        "findings that do not fit are counted.",
    ),
]
RulesOption = Annotated[
    Path | None, typer.Option("--rules", help="A rule pack folder instead of the built-in one.")
]


def rule_pack(rules_dir: Path | None, config: Config) -> RulePack:
    folder = rules_dir or config.path(config.rules)
    pack = load_pack(folder.resolve()) if folder else default_pack()
    if not config.tolerances:
        return pack
    unknown = set(config.tolerances) - set(Tolerances.model_fields)
    if unknown:
        raise ConfigError(f"[tool.factcheck.tolerances]: unknown tolerance {sorted(unknown)[0]!r}")
    tolerances = pack.header.tolerances.model_copy(update=config.tolerances)
    header = pack.header.model_copy(update={"tolerances": tolerances})
    return RulePack(header=header, rules=pack.rules, directory=pack.directory)


def audit_options(
    pack: RulePack,
    select: list[str] | None,
    ignore: list[str] | None,
    show_consistent: bool,
    config: Config,
) -> AuditOptions:
    chosen = select if select else config.select
    dropped = ignore if ignore else config.ignore
    if select and not ignore:
        # A rule named on the command line runs even when the config ignores it.
        wanted = [s.upper() for s in select]
        dropped = [i for i in dropped if not any(w.startswith(i.upper()) for w in wanted)]
    return AuditOptions(
        select=tuple(_prefixes(pack, chosen, "--select")),
        ignore=tuple(_prefixes(pack, dropped, "--ignore")),
        show_consistent=show_consistent,
        pack=pack,
    )


def _prefixes(pack: RulePack, values: list[str], option: str) -> list[str]:
    prefixes = [p.strip().upper() for v in values for p in v.split(",") if p.strip()]
    for prefix in prefixes:
        if not pack.matches_any(prefix):
            raise ConfigError(f"{option} {prefix}: no rule has this id; see `factcheck rules`")
    return prefixes


def parse_formats(values: list[str], output: Path | None) -> list[tuple[str, Path | None]]:
    targets: list[tuple[str, Path | None]] = []
    for value in values:
        name, _, path = value.partition(":")
        if name not in FORMAT_NAMES:
            raise ConfigError(f"unknown format {name!r}; choose from {', '.join(FORMAT_NAMES)}")
        targets.append((name, Path(path) if path else None))
    if output is not None and str(output) == "-":
        output = None
        if len([t for t in targets if t[1] is None]) != 1:
            raise ConfigError("-o - needs exactly one --format without its own :FILE")
    to_stdout = [t for t in targets if t[1] is None]
    if output is not None:
        if len(to_stdout) != 1:
            raise ConfigError("-o needs exactly one --format without its own :FILE")
        targets = [(n, p if p is not None else output) for n, p in targets]
    elif len(to_stdout) > 1:
        raise ConfigError("only one format can go to stdout; give the others a :FILE")
    # Every target is checked before the audit runs: a bad one costs nothing.
    return [(name, output_target(path)) for name, path in targets]


def write_reports(
    result: AuditResult,
    targets: list[tuple[str, Path | None]],
    markdown: MarkdownOptions | None = None,
) -> None:
    rendered = []
    for name, path in targets:
        color = name == "text" and path is None and sys.stdout.isatty()
        rendered.append((renderers(color=color, markdown=markdown)[name](result), path))
    write_outputs([(path, content) for content, path in rendered])


def fail_on_level(option: FailOn | None, config: Config) -> FailOn:
    if option is not None:
        return option
    try:
        return FailOn(config.fail_on or "error")
    except ValueError:
        raise ConfigError(
            f"[tool.factcheck] fail-on {config.fail_on!r}: use error, warning or never"
        ) from None


def exit_code(report: AuditReport, fail_on: FailOn) -> int:
    if fail_on is FailOn.never:
        return 0
    threshold = Severity(fail_on.value).rank
    return 1 if any(f.severity.rank >= threshold and f.is_problem for f in report.findings) else 0
