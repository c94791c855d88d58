"""A terminal table of parsed quantities (`factcheck parse`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.model.quantity import QuantityKind, QuantityMention
from factcheck.report.safe_text import visible_controls


def _number(value: object) -> str:
    if value is None:
        return "—"
    text = f"{float(str(value)):,.6g}"
    return text


def print_quantity_table(rows: list[tuple[str, list[QuantityMention]]]) -> None:
    console = Console()
    for text, quantities in rows:
        table = Table(
            title=_plain(text if len(text) <= 80 else text[:77] + "…"), title_justify="left"
        )
        for column in ("surface", "span", "value", "low", "high", "unit", "qualifier"):
            table.add_column(column)
        for q in quantities:
            if q.kind is QuantityKind.date and q.date is not None:
                shown = f"{q.date.low or q.date.relative}..{q.date.high or ''}"
                table.add_row(
                    _plain(q.surface), f"{q.span.start}-{q.span.end}", shown, "", "", "date", ""
                )
                continue
            table.add_row(
                _plain(q.surface),
                f"{q.span.start}-{q.span.end}",
                _number(q.value),
                _number(q.low),
                _number(q.high),
                q.unit or "",
                q.qualifier.value,
            )
        console.print(table)


def _plain(text: str) -> Text:
    """Article text is neither rich markup (`[bold]`) nor terminal escapes."""
    return Text(visible_controls(text))
