"""`factcheck check`: the CI gate of a curated claims dataset, and `factcheck baseline write`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import check_corpus, load_corpus
from factcheck.baseline import apply_baseline, baseline_json, load_baseline
from factcheck.cli.common import (
    FailOnOption,
    FormatsOption,
    IgnoreOption,
    LinkBaseOption,
    MarkdownLimitOption,
    OutputOption,
    RulesOption,
    SelectOption,
    ShowConsistentOption,
    audit_options,
    exit_code,
    fail_on_level,
    parse_formats,
    rule_pack,
    write_reports,
)
from factcheck.cli.config import Config, load_config
from factcheck.cli.output import output_target, write_text
from factcheck.report.markdown import DEFAULT_LIMIT, MarkdownOptions

DatasetArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The claims dataset folder (default: [tool.factcheck] dataset, else claims/)."
    ),
]
ReferenceOption = Annotated[
    Path | None,
    typer.Option(help="Reference data folder (default: the dataset's reference/)."),
]


def _dataset(path: Path | None, config: Config) -> Path:
    return path or config.path(config.dataset) or Path("claims")


def check(
    path: DatasetArgument = None,
    formats: FormatsOption = None,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    show_consistent: ShowConsistentOption = False,
    rules_dir: RulesOption = None,
    reference: ReferenceOption = None,
    link_base: LinkBaseOption = None,
    markdown_limit: MarkdownLimitOption = DEFAULT_LIMIT,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Accept the findings recorded here (see `factcheck baseline write`)."),
    ] = None,
) -> None:
    """Validate a curated claims dataset and check it: every claim still quotes its article,
    and internal, cross-source and reference rules hold. Exit 0, 1 (findings) or 2."""
    config = load_config()
    pack = rule_pack(rules_dir, config)
    options = audit_options(pack, select, ignore, show_consistent, config)
    targets = parse_formats(formats or ["text"], output)
    result = check_corpus(load_corpus(_dataset(path, config), reference), options)
    baseline_path = baseline or config.path(config.baseline)
    if baseline_path is not None:
        result, unused = apply_baseline(result, load_baseline(baseline_path))
        for fingerprint in unused:
            print(
                f"factcheck: note: baseline entry {fingerprint} matches no finding any more; "
                "remove it",
                file=sys.stderr,
            )
    write_reports(result, targets, MarkdownOptions(link_base=link_base, limit=markdown_limit))
    raise typer.Exit(exit_code(result.report, fail_on_level(fail_on, config)))


baseline_app = typer.Typer(help="Record today's findings so that CI fails only on new ones.")


@baseline_app.command("write")
def write_baseline(
    path: DatasetArgument = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The baseline file to write.")
    ] = Path(".factcheck-baseline.json"),
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    rules_dir: RulesOption = None,
    reference: ReferenceOption = None,
) -> None:
    """Write the fingerprints of the dataset's current findings to a baseline file."""
    config = load_config()
    pack = rule_pack(rules_dir, config)
    options = audit_options(pack, select, ignore, False, config)
    output_target(output)
    result = check_corpus(load_corpus(_dataset(path, config), reference), options)
    write_text(baseline_json(result.report), output)
    print(f"{len(result.report.findings)} findings recorded in {output}")
