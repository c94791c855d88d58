"""The `factcheck` command. Thin: parse options, call the library, render, map to an exit code."""

from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType
from typing import NoReturn

import typer
import typer.core

from factcheck.cli import (
    audit_cmd,
    check_cmd,
    db_cmd,
    extract_cmd,
    parse_cmd,
    rules_cmd,
    schema_cmd,
)
from factcheck.errors import FactcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
ISSUES_URL = "https://github.com/factcheck-dev/factcheck/issues"

app = typer.Typer(
    name="factcheck",
    help="Check the numbers in news articles: extract numeric claims, normalize their units, "
    "and report what does not add up — with the arithmetic.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("audit")(audit_cmd.audit)
app.command("check")(check_cmd.check)
app.add_typer(check_cmd.baseline_app, name="baseline")
app.command("rules")(rules_cmd.list_rules)
app.command("explain")(rules_cmd.explain)
app.command("test")(rules_cmd.test)
app.command("parse")(parse_cmd.parse)
app.command("extract")(extract_cmd.extract)
app.command("schema")(schema_cmd.schema)
app.add_typer(db_cmd.db_app, name="db")


@app.callback()
def _root() -> None:
    """Check the numbers in news articles."""


def main() -> None:
    """Entry point: expected failures become one line on stderr and exit code 2."""
    try:
        # Without standalone mode click returns the code of a typer.Exit instead of exiting.
        code = app(standalone_mode=False, prog_name="factcheck")
        if isinstance(code, int) and code:
            sys.exit(code)
    except FactcheckError as error:
        print(f"factcheck: error: {error.one_line()}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        sys.exit(EXIT_ERROR)
    except Exception as error:  # a crash is still exit 2, with one line unless debugging
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        _usage_error_or_crash(error)


def _click_exceptions() -> ModuleType:
    """The click typer runs on: typer >= 0.29 bundles its own (`typer._click`), so
    `import click` may name another copy whose exception classes never match."""
    bundled = getattr(typer.core, "_click", None) or importlib.import_module("click")
    return importlib.import_module(f"{bundled.__name__}.exceptions")


def _usage_error_or_crash(error: Exception) -> NoReturn:
    exceptions = _click_exceptions()
    if isinstance(error, exceptions.ClickException):
        error.show()  # click's own usage line and message
        sys.exit(EXIT_ERROR)
    if isinstance(error, getattr(exceptions, "Abort", typer.Abort)):
        sys.exit(EXIT_ERROR)
    print(
        f"factcheck: internal error: {type(error).__name__}: {error}\n"
        f"This is a bug in factcheck; please report it with the command and input: {ISSUES_URL}"
        " (FACTCHECK_DEBUG=1 shows the traceback)",
        file=sys.stderr,
    )
    sys.exit(EXIT_ERROR)
