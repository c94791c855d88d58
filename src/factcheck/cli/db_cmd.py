"""`factcheck db`: look into a claim store (`audit --db`) — its size, its rows, any query."""

from __future__ import annotations

import csv
import io
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from factcheck.cli.output import output_target, write_text
from factcheck.errors import ConfigError
from factcheck.report.safe_text import visible_controls
from factcheck.store.claims_store import ClaimStore

db_app = typer.Typer(
    help="Inspect a claim store made by `factcheck audit --db FILE`.", no_args_is_help=True
)
StoreArgument = Annotated[Path, typer.Argument(help="The claim store (a DuckDB file).")]
_TOP = 10


class RowFormat(StrEnum):
    text = "text"
    csv = "csv"
    jsonl = "jsonl"


def open_store(path: Path, *, read_only: bool) -> ClaimStore:
    if path.is_symlink():
        raise ConfigError(f"{path}: a symbolic link; give the claim store's own path")
    if not read_only:
        output_target(path)  # a regular file, in an existing folder
    return ClaimStore(path, read_only=read_only)


@db_app.command("stats")
def stats(store: StoreArgument) -> None:
    """Documents and claims stored, and the commonest entities and attributes."""
    with open_store(store, read_only=True) as db:
        (documents,) = db.query("SELECT count(*) FROM documents")[1][0]
        (claims,) = db.query("SELECT count(*) FROM claims")[1][0]
        lines = [f"{store}: {documents:,} documents, {claims:,} claims"]
        for column, plural in (("entity", "entities"), ("attribute", "attributes")):
            rows = db.query(
                f"SELECT {column}, count(*) AS n FROM claims WHERE {column} IS NOT NULL "
                f"GROUP BY {column} ORDER BY n DESC, {column} LIMIT {_TOP}"
            )[1]
            shown = ", ".join(f"{name} {n:,}" for name, n in rows)
            lines.append(f"top {plural}: {shown or 'none'}")
    typer.echo("\n".join(lines))


@db_app.command("export")
def export(
    store: StoreArgument,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    row_format: Annotated[
        RowFormat, typer.Option("--format", help="jsonl (each claim as JSON) or csv.")
    ] = RowFormat.jsonl,
) -> None:
    """Every stored claim, ordered by document and claim id."""
    with open_store(store, read_only=True) as db:
        if row_format is RowFormat.jsonl:
            rows = db.query("SELECT claim_json FROM claims ORDER BY document, claim")[1]
            content = "".join(f"{row[0]}\n" for row in rows)
        else:
            columns, rows = db.query(
                "SELECT document, claim, entity, attribute, period, condition, kind, value, "
                "word, low, high, unit, quote FROM claims ORDER BY document, claim"
            )
            content = _rows(columns, rows, RowFormat.csv)
    write_text(content, output)


@db_app.command("query")
def query(
    store: StoreArgument,
    sql: Annotated[str, typer.Argument(help="One SQL statement (the store is opened read-only).")],
    row_format: Annotated[RowFormat, typer.Option("--format", help="text, csv or jsonl.")] = (
        RowFormat.text
    ),
) -> None:
    """Run a read-only SQL query: tables `documents` and `claims` (see `db stats`)."""
    with open_store(store, read_only=True) as db:
        columns, rows = db.query(sql)
    shown = _rows(columns, rows, row_format)
    # Stored article text may hold terminal escapes: shown, never obeyed.
    typer.echo(visible_controls(shown) if row_format is RowFormat.text else shown, nl=False)


def _rows(columns: list[str], rows: list[tuple[Any, ...]], row_format: RowFormat) -> str:
    if row_format is RowFormat.jsonl:
        return "".join(
            json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=str) + "\n"
            for row in rows
        )
    buffer = io.StringIO()
    delimiter = "\t" if row_format is RowFormat.text else ","
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()
