"""`factcheck parse`: the quantities in a text, as a table or as JSON lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from factcheck.errors import InputError
from factcheck.model.quantity import QuantityMention
from factcheck.normalize.decode import decode_bytes
from factcheck.normalize.reading import read_bounded
from factcheck.quantities.parse import parse_text
from factcheck.rules.pack import default_tolerances

MAX_LINE_BYTES = 16 * 1024 * 1024


def parse(
    texts: Annotated[list[str] | None, typer.Argument(help="Texts to parse.")] = None,
    files: Annotated[
        list[Path] | None, typer.Option("--file", "-f", help="Parse the lines of these files.")
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help="Read UTF-8 text from stdin, one text per line; write one JSON object per line.",
        ),
    ] = False,
) -> None:
    """Print the quantities in TEXTS (or in --file, or stdin with --jsonl).

    Every number becomes a value, the interval it stands for (from its written precision and
    qualifiers such as 约/近/超过) and a unit of factcheck's registry. Example:

        factcheck parse "约4万~8万颗"
    """
    tolerances = default_tolerances()
    if jsonl:
        _parse_jsonl(tolerances)
        return
    rows: list[tuple[str, list[QuantityMention]]] = []
    for text in texts or []:
        rows.append((text, parse_text(text, tolerances)))
    for path in files or []:
        content = _read_text(path)
        rows.extend(
            (line, parse_text(line, tolerances)) for line in content.splitlines() if line.strip()
        )
    if not rows:
        raise typer.BadParameter("give a text, --file PATH, or --jsonl with stdin")
    from factcheck.report.quantity_table import print_quantity_table

    print_quantity_table(rows)


def _read_text(path: Path) -> str:
    return decode_bytes(read_bounded(path), path=str(path))


def quantity_json(q: QuantityMention) -> dict[str, Any]:
    return {
        "surface": q.surface,
        "start": q.span.start,
        "end": q.span.end,
        "value": None if q.value is None else float(q.value),
        "low": None if q.low is None else float(q.low),
        "high": None if q.high is None else float(q.high),
        "unit": q.unit,
        "approx": q.approx,
        "qualifier": q.qualifier.value,
        "kind": q.kind.value,
    }


def _parse_jsonl(tolerances: Any) -> None:
    stdin = sys.stdin.buffer
    out = sys.stdout
    number = 0
    while True:
        raw = stdin.readline(MAX_LINE_BYTES + 1)
        if not raw:
            break
        number += 1
        if len(raw) > MAX_LINE_BYTES:
            raise InputError(
                f"line {number} is longer than {MAX_LINE_BYTES // (1024 * 1024)} MB", path="<stdin>"
            )
        text = decode_bytes(raw, path=f"<stdin>:{number}").rstrip("\r\n")
        quantities = [quantity_json(q) for q in parse_text(text, tolerances)]
        out.write(
            json.dumps(
                {"text": text, "quantities": quantities}, ensure_ascii=False, allow_nan=False
            )
            + "\n"
        )
    out.flush()
