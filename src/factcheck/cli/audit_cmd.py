"""`factcheck audit`: check articles' numbers against each other (and, with --against,
against a curated dataset and its reference data); exit 0, 1 (findings) or 2 (bad input)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import (
    audit_against,
    audit_documents,
    load_corpus,
    new_documents,
    unique_documents,
)
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
from factcheck.cli.config import load_config
from factcheck.cli.dask_engine import dask_checked
from factcheck.cli.db_cmd import open_store
from factcheck.cli.inputs import article_paths, read_documents
from factcheck.cli.parallel import PARALLEL_FROM, checked_documents, default_jobs
from factcheck.errors import ConfigError
from factcheck.model.document import Document
from factcheck.report.markdown import DEFAULT_LIMIT, MarkdownOptions
from factcheck.store.audit import audit_with_store


class Engine(StrEnum):
    local = "local"
    dask = "dask"


PathsArgument = Annotated[
    list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html).")
]
AgainstOption = Annotated[
    Path | None,
    typer.Option(
        help="A curated claims dataset (e.g. claims/): also check the articles against it "
        "and its reference data."
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes for the articles (default: the number of cores from "
        f"{PARALLEL_FROM} articles on, else 1). The report is the same as with 1.",
    ),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="A claim store (DuckDB file, created on first use): check the articles against "
        "every stored article too, then store them (a re-audited article replaces its old "
        "claims). Inspect it with `factcheck db`.",
    ),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        help="Where each article is checked: `local` (this machine, --jobs processes) or "
        "`dask` (a Dask cluster: --scheduler ADDR, or a local one of --jobs workers; needs "
        "the dask extra). The report is the same either way.",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        help="With --engine dask: the scheduler's address (tcp://host:8786).",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar on the terminal.")
]


def audit(
    paths: PathsArgument,
    formats: FormatsOption = None,
    output: OutputOption = None,
    fail_on: FailOnOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    show_consistent: ShowConsistentOption = False,
    rules_dir: RulesOption = None,
    against: AgainstOption = None,
    jobs: JobsOption = None,
    link_base: LinkBaseOption = None,
    markdown_limit: MarkdownLimitOption = DEFAULT_LIMIT,
    db: DbOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Audit articles: find the numbers that do not add up, with the arithmetic. A folder's
    articles are also compared with each other (cross-source rules)."""
    config = load_config()
    pack = rule_pack(rules_dir, config)
    options = audit_options(pack, select, ignore, show_consistent, config)
    targets = parse_formats(formats or ["text"], output)
    markdown = MarkdownOptions(link_base=link_base, limit=markdown_limit)
    if db is not None and against is not None:
        raise ConfigError("--db and --against: give one (the store or the curated dataset)")
    store = open_store(db, read_only=False) if db is not None else None
    documents = _readable(paths)
    corpus = load_corpus(against) if against is not None else None
    unique = unique_documents(documents) if corpus is None else new_documents(documents, corpus)
    workers = jobs if jobs is not None else default_jobs(len(unique))
    rules = pack.selected(options.select, options.ignore)
    if scheduler is not None and engine is not Engine.dask:
        raise ConfigError("--scheduler is the address of a Dask scheduler: add --engine dask")
    if engine is Engine.dask:
        checked = dask_checked(
            unique, pack, rules, scheduler=scheduler, workers=workers, progress=not quiet
        )
    else:
        checked = checked_documents(unique, pack, rules, workers, progress=not quiet)
    if corpus is not None:
        result = audit_against(documents, corpus, options, checked)
        write_reports(result, targets, markdown)
    elif store is None:
        result = audit_documents(unique, options, checked)
        write_reports(result, targets, markdown)
    else:
        with store:
            audited = audit_with_store(unique, store, options, checked)
            result = audited.result
            write_reports(result, targets, markdown)
            store.add(audited.documents, audited.claims)  # after the reports: all or none
    raise typer.Exit(exit_code(result.report, fail_on_level(fail_on, config)))


def _readable(paths: list[Path]) -> list[Document]:
    """Every article, or one line per file that cannot be read and exit 2, nothing written."""
    documents = []
    errors = []
    for loaded in read_documents(article_paths(paths)):
        if loaded.error is not None:
            errors.append(loaded.error)
        elif loaded.document is not None:
            documents.append(loaded.document)
    if len(errors) == 1 and not documents:
        raise errors[0]
    if errors:
        for error in errors:
            print(f"factcheck: error: {error.one_line()}", file=sys.stderr)
        total = len(errors) + len(documents)
        raise ConfigError(f"{len(errors)} of {total} files could not be read; nothing written")
    return documents
