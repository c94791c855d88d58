"""`factcheck extract`: the claims of articles, as dataset YAML, JSON lines or a table."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import extract_claims
from factcheck.claims.budget import TooComplexError
from factcheck.claims.dataset import claim_record, dataset_yaml
from factcheck.cli.inputs import article_paths, read_documents
from factcheck.cli.output import output_target, write_outputs, write_text
from factcheck.errors import ConfigError
from factcheck.model.claim import Claim
from factcheck.model.document import Document
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
    str | None,
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
    output_path: _Output = None,
    date: _Date = None,
    why: _Why = False,
) -> None:
    """Extract the claims of articles: entity, attribute, scope, value or relation, with spans
    into the original text. A file that cannot be read is reported; the others go on."""
    if date is not None and (len(date) != 10 or iso_date(*date.split("-")) is None):
        raise ConfigError(f"--date {date!r} is not a date like 2025-12-29")
    files = article_paths(paths)
    # A str, not a Path: Path("out/") would drop the slash that says "a folder".
    to_folder = output_format is ExtractFormat.yaml and _is_folder(output_path)
    output = Path(output_path) if output_path is not None else None
    if not to_folder:
        output = output_target(output)
    rendered = _Rendered(output_format, why)
    failures = 0
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
        try:
            claims = extract_claims(document)
        except TooComplexError as error:  # a note, not a failure: the text was read
            print(f"factcheck: note: {document.path}: {error.message}; no claims", file=sys.stderr)
            claims = []
        rendered.add(loaded.path, document, claims)
    if to_folder and output is not None:
        names = _folder_names(files)
        _write_folder([(output / names[path], text) for path, text in rendered.yaml])
    else:
        rendered.write(output)
    if failures:
        print(f"factcheck: {failures} of {len(files)} files could not be read", file=sys.stderr)
        raise typer.Exit(2)


class _Rendered:
    """What `extract` prints, gathered per article and written once at the end."""

    def __init__(self, output_format: ExtractFormat, why: bool) -> None:
        self.output_format = output_format
        self.why = why
        self.yaml: list[tuple[Path, str]] = []
        self.lines: list[str] = []
        self.tables: list[tuple[str, list[Claim]]] = []

    def add(self, path: Path, document: Document, claims: list[Claim]) -> None:
        if self.output_format is ExtractFormat.yaml:
            self.yaml.append((path, dataset_yaml(document, claims)))
        elif self.output_format is ExtractFormat.jsonl:
            self.lines.extend(
                json.dumps(claim_record(c), ensure_ascii=False, allow_nan=False, default=str)
                for c in claims
            )
        elif self.why:
            self.lines.append(why_trail(claims))
        else:
            self.tables.append((document.path, claims))

    def write(self, output: Path | None) -> None:
        if self.output_format is ExtractFormat.yaml:
            write_text("---\n".join(text for _, text in self.yaml), output)
        elif self.output_format is ExtractFormat.jsonl or self.why:
            write_text("".join(line + "\n" for line in self.lines), output)
        else:
            from factcheck.report.claim_table import print_claim_table

            print_claim_table(self.tables)


def _is_folder(output: str | None) -> bool:
    """`-o out/` (or an existing folder): one YAML file per article, the folder created."""
    if output is None or output == "-":
        return False
    return Path(output).is_dir() or output.endswith(("/", os.sep))


def _folder_names(files: list[Path]) -> dict[Path, Path]:
    """Each article's path below the folder the inputs share, so `a/x.txt` and `b/x.txt`
    become `a/x.yaml` and `b/x.yaml` instead of one overwriting the other."""
    parents = [str(f.resolve().parent) for f in files]
    common = Path(os.path.commonpath(parents)) if parents else Path()
    return {f: f.resolve().relative_to(common).with_suffix(".yaml") for f in files}


def _write_folder(outputs: list[tuple[Path, str]]) -> None:
    for path, _ in outputs:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigError(
                f"cannot create folder: {error.strerror}", path=str(path.parent)
            ) from None
    write_outputs(list(outputs))
