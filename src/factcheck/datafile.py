"""Reading factcheck's own YAML data files (rule packs, knowledge base, claims dataset,
reference data) with errors that name the file and line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from factcheck.errors import DataError


@dataclass(frozen=True)
class YamlFile:
    path: Path
    text: str
    data: Any
    """The parsed content."""

    @cached_property
    def node(self) -> Any:
        """The composed node tree, for line numbers; built only when a line is asked for."""
        return yaml.compose(self.text, Loader=yaml.SafeLoader)

    def entry_lines(self, key: str) -> list[int]:
        """1-based line of each item of the top-level list under `key`."""
        if isinstance(self.node, yaml.MappingNode):
            for k, v in self.node.value:
                if k.value == key and isinstance(v, yaml.SequenceNode):
                    return [item.start_mark.line + 1 for item in v.value]
        return []

    def key_line(self, key: str) -> int | None:
        if isinstance(self.node, yaml.MappingNode):
            for k, _ in self.node.value:
                if k.value == key:
                    return int(k.start_mark.line) + 1
        return None


# libyaml's parser when PyYAML was built with it: the knowledge base loads ~10x faster.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    """YAML from our own data files (safe: no Python objects)."""
    return yaml.load(text, Loader=_LOADER)


def read_yaml(path: Path) -> YamlFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"cannot read: {error.strerror or error}", path=str(path)) from None
    except UnicodeDecodeError:
        raise DataError("not UTF-8 text", path=str(path)) from None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DataError(
            f"invalid YAML: {getattr(error, 'problem', None) or error}",
            path=str(path),
            line=None if mark is None else mark.line + 1,
        ) from None
    return YamlFile(path=path, text=text, data=data)


def validation_message(error: ValidationError, prefix: str = "") -> str:
    """The first problem of a pydantic error as `where: what`."""
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    where = f"{prefix}.{where}" if prefix and where else prefix or where
    return f"{where}: {first['msg']}" if where else str(first["msg"])
