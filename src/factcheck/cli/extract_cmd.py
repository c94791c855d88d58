"""`factcheck extract`: the claims of articles, as dataset YAML, JSON lines or a table."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import extract_claims
from factcheck.claims.dataset import claim_record, dataset_yaml
from factcheck.cli.inputs import article_paths, read_documents
from factcheck.cli.output import write_atomically, write_text
from factcheck.errors import ConfigError
from factcheck.normalize.metadata import iso_date
from factcheck.report.why import why_trail


class ExtractFormat(StrEnum):
    yaml = "yaml"
    jsonl = "jsonl"
    table = "table"


_Paths = Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html).")]
_Format = Annotated[
    ExtractFormat,
    typer.Option("--format", "-f", help="yaml (the dataset format), jsonl or table."),
]
_Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write here instead of stdout. With --format yaml and a folder, one file per article.",
    ),
]
_Date = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) for relative dates like 今年.")
]
_Why = Annotated[
    bool,
    typer.Option(
        "--why",
        help=(
            "Print, per claim, the strategy that chose its entity and attribute, the "
            "candidates it passed over and what was inferred, instead of the table."
        ),
    ),
]


def extract(
    paths: _Paths,
    output_format: _Format = ExtractFormat.table,
    output: _Output = None,
    date: _Date = None,
    why: _Why = False,
) -> None:
    """Extract the claims of articles: entity, attribute, scope, value or relation, with spans
    into the original text. A file that cannot be read is reported; the others go on."""
    if date is not None and (len(date) != 10 or iso_date(*date.split("-")) is None):
        raise ConfigError(f"--date {date!r} is not a date like 2025-12-29")
    files = article_paths(paths)
    failures = 0
    yaml_parts: list[str] = []
    json_lines: list[str] = []
    tables = []
    to_folder = output is not None and output_format is ExtractFormat.yaml and output.is_dir()
    for loaded in read_documents(files):
        if loaded.document is None:
            failures += 1
            print(
                f"factcheck: error: {loaded.error.one_line() if loaded.error else loaded.path}",
                file=sys.stderr,
            )
            continue
        document = loaded.document
        if date is not None:
            document = document.model_copy(
                update={"meta": document.meta.model_copy(update={"date": date})}
            )
        claims = extract_claims(document)
        if output_format is ExtractFormat.yaml:
            text = dataset_yaml(document, claims)
            if to_folder and output is not None:
                write_atomically(output / f"{Path(document.path).stem}.yaml", text)
            else:
                yaml_parts.append(text)
        elif output_format is ExtractFormat.jsonl:
            json_lines.extend(
                json.dumps(claim_record(c), ensure_ascii=False, default=str) for c in claims
            )
        elif why:
            json_lines.append(why_trail(claims))
        else:
            tables.append((document.path, claims))
    if output_format is ExtractFormat.yaml and not to_folder:
        write_text("---\n".join(yaml_parts), output)
    elif output_format is ExtractFormat.jsonl or why:
        write_text("".join(line + "\n" for line in json_lines), output)
    elif output_format is ExtractFormat.table:
        from factcheck.report.claim_table import print_claim_table

        print_claim_table(tables)
    if failures:
        print(f"factcheck: {failures} of {len(files)} files could not be read", file=sys.stderr)
        raise typer.Exit(2)
