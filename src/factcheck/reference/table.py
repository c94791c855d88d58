"""Reference values with provenance (`claims/reference/chips.yaml`), indexed by
(entity, attribute)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.datafile import read_yaml, validation_message
from factcheck.errors import DataError


class ReferenceValue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    entity: str
    attribute: str
    value: float | str
    unit: str | None = None
    precision: str | None = None
    """dense, sparse, or None when the source does not say."""
    trusted: bool = True
    source: str | None = None
    source_kind: str | None = None
    quote: str | None = None
    note: str | None = None

    @property
    def label(self) -> str:
        precision = f" {self.precision}" if self.precision else ""
        unit = f" {self.unit}" if self.unit and self.unit != "dimensionless" else ""
        return f"{self.value}{unit}{precision} ({self.source_kind or 'source'}: {self.source})"


class _ReferenceFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: int
    values: list[ReferenceValue]


@dataclass(frozen=True)
class ReferenceTable:
    by_key: dict[tuple[str, str], list[ReferenceValue]]

    def values(self, entity: str | None, attribute: str | None) -> list[ReferenceValue]:
        if entity is None or attribute is None:
            return []
        return self.by_key.get((entity, attribute), [])

    def compute_variants(self, entity: str | None) -> list[ReferenceValue]:
        """Every compute figure of a chip, for a figure whose precision the article omits."""
        if entity is None:
            return []
        return [
            v
            for (e, a), values in self.by_key.items()
            if e == entity and a.startswith("compute_")
            for v in values
        ]


EMPTY = ReferenceTable(by_key={})


@cache
def load_reference(folder: Path) -> ReferenceTable:
    """All `*.yaml` reference files of a folder; a missing folder is an empty table."""
    table: dict[tuple[str, str], list[ReferenceValue]] = defaultdict(list)
    if not folder.is_dir():
        return EMPTY
    for path in sorted(folder.glob("*.yaml")):
        file = read_yaml(path)
        try:
            parsed = _ReferenceFile.model_validate(file.data)
        except ValidationError as error:
            first_line = file.entry_lines("values")
            raise DataError(
                validation_message(error),
                path=str(path),
                line=first_line[0] if first_line else None,
            ) from None
        for value in parsed.values:
            table[(value.entity, value.attribute)].append(value)
    return ReferenceTable(by_key=dict(table))
