"""`factcheck schema`: the JSON Schemas of factcheck's outputs, generated from its models."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

import typer

from factcheck.model.claim import Claim
from factcheck.model.report import AuditReport


class SchemaName(StrEnum):
    claim = "claim"
    audit = "audit"


def schema_json(name: SchemaName) -> str:
    schemas: dict[SchemaName, dict[str, Any]] = {
        SchemaName.claim: Claim.model_json_schema(mode="serialization"),
        SchemaName.audit: AuditReport.model_json_schema(mode="serialization"),
    }
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schemas[name]}
    return json.dumps(schema, indent=2, ensure_ascii=False, allow_nan=False, sort_keys=True) + "\n"


def schema(name: Annotated[SchemaName, typer.Argument(help="Which schema.")]) -> None:
    """Print the JSON Schema of a factcheck output (committed under schemas/)."""
    typer.echo(schema_json(name), nl=False)
