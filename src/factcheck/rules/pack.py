"""The rule pack header (`pack.yaml`): name, description and tolerances."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import DataError
from factcheck.model.tolerances import Tolerances
from factcheck.resources import bundled_dir


class PackHeader(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str
    tolerances: Tolerances


def default_pack_dir() -> Path:
    return bundled_dir("rules")


@cache
def load_pack_header(directory: Path | None = None) -> PackHeader:
    path = (directory or default_pack_dir()) / "pack.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataError(f"cannot read rule pack header: {error.strerror}", path=str(path)) from None
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise DataError(
            f"invalid YAML: {getattr(error, 'problem', error)}",
            path=str(path),
            line=None if line is None else line + 1,
        ) from None
    try:
        return PackHeader.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataError(f"{where}: {first['msg']}", path=str(path)) from None


def default_tolerances() -> Tolerances:
    return load_pack_header().tolerances
