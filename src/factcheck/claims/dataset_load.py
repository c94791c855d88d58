"""Reading the curated claims dataset back: every `*.yaml` of a folder (except
`reference/`), validated, with the line of each claim for error messages and findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.datafile import read_yaml, validation_message
from factcheck.errors import DataError
from factcheck.model.claim import Claim

_REFERENCE_FOLDER = "reference"


class DatasetSource(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    """The article, relative to the folder that holds the dataset folder, or a URL."""
    sha256: str
    date: str | None = None
    title: str | None = None
    lang: str = "zh"


@dataclass(frozen=True)
class DatasetFile:
    path: Path
    text: str
    """The YAML file's own text (findings about the file point into it)."""
    source: DatasetSource
    document_id: str
    claims: list[Claim]
    lines: dict[str, int]
    """1-based line of each claim's entry, by claim id."""
    source_line: int | None = None


def dataset_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise DataError("no such claims dataset folder", path=str(folder))
    files = sorted(
        p
        for p in folder.rglob("*.yaml")
        if _REFERENCE_FOLDER not in p.relative_to(folder).parts[:-1]
    )
    if not files:
        raise DataError("no claim files (*.yaml) in this folder", path=str(folder))
    return files


def load_dataset(folder: Path) -> list[DatasetFile]:
    loaded = [load_dataset_file(path) for path in dataset_files(folder)]
    seen: dict[str, str] = {}
    for file in loaded:
        for claim in file.claims:
            if claim.id in seen:
                raise DataError(
                    f"duplicate claim id {claim.id!r} (also in {seen[claim.id]})",
                    path=str(file.path),
                    line=file.lines.get(claim.id),
                )
            seen[claim.id] = str(file.path)
    return loaded


def load_dataset_file(path: Path) -> DatasetFile:
    file = read_yaml(path)
    raw = file.data
    if not isinstance(raw, dict) or "source" not in raw or not isinstance(raw.get("claims"), list):
        raise DataError(
            "a claims file holds `source:` and a `claims:` list", path=str(path), line=1
        )
    lines = file.entry_lines("claims")
    try:
        source = DatasetSource.model_validate(raw["source"])
    except ValidationError as error:
        message = validation_message(error, "source")
        raise DataError(message, path=str(path), line=file.key_line("source")) from None
    document = _document_id(source.path)
    claims: list[Claim] = []
    claim_lines: dict[str, int] = {}
    for index, entry in enumerate(raw["claims"]):
        line = lines[index] if index < len(lines) else None
        if not isinstance(entry, dict):
            raise DataError("a claim is a mapping", path=str(path), line=line)
        try:
            claim = Claim.model_validate({**entry, "document": document})
        except ValidationError as error:
            message = validation_message(error, f"claims[{index}]")
            raise DataError(message, path=str(path), line=line) from None
        claims.append(claim)
        if line is not None:
            claim_lines[claim.id] = line
    return DatasetFile(
        path=path,
        text=file.text,
        source=source,
        document_id=document,
        claims=claims,
        lines=claim_lines,
        source_line=file.key_line("source"),
    )


def _document_id(source_path: str) -> str:
    name = source_path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
