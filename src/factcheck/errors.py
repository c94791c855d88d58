"""Expected failures. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class FactcheckError(Exception):
    """A failure the user can fix: bad input, bad configuration, bad rule pack."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.message}"


class InputError(FactcheckError):
    """An article or data file that cannot be read or decoded."""


class ConfigError(FactcheckError):
    """Invalid options or configuration."""


class DataError(FactcheckError):
    """A broken data table: rule pack, knowledge base, claims dataset, reference data."""
