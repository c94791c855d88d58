"""A terminal table of extracted claims (`factcheck extract --format table`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.model.claim import Claim
from factcheck.report.safe_text import visible_controls


def _shown(value: object) -> str:
    if value is None:
        return ""
    try:
        return f"{float(str(value)):,.6g}"
    except ValueError:
        return str(value)


def print_claim_table(documents: list[tuple[str, list[Claim]]]) -> None:
    console = Console()
    for path, claims in documents:
        table = Table(title=_plain(path), title_justify="left")
        for column in ("id", "kind", "entity", "attribute", "value", "interval", "unit", "quote"):
            table.add_column(column, overflow="fold")
        for c in claims:
            interval = (
                "" if c.low is None and c.high is None else f"{_shown(c.low)}–{_shown(c.high)}"
            )
            table.add_row(
                c.id,
                c.kind.value,
                c.entity or "?",
                c.attribute or "?",
                _shown(c.value),
                interval,
                c.unit or "",
                _plain(c.quote),
            )
        console.print(table)


def _plain(text: str) -> Text:
    """Article text is neither rich markup (`[bold]`) nor terminal escapes."""
    return Text(visible_controls(text))
