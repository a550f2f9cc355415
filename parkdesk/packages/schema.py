"""report.json's JSON Schema (draft-07, shipped as schema/report-v1.schema.json) and checking against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import fastjsonschema

from parkdesk.errors import InputProblem

SUPPORTED_VERSIONS = (1,)


class SchemaProblem(InputProblem):
    pass


def schema_text(version: int = 1) -> str:
    return resources.files("parkdesk.packages").joinpath("schema", f"report-v{version}.schema.json").read_text("utf-8")


@cache
def _validator(version: int):
    return fastjsonschema.compile(json.loads(schema_text(version)))


def load_document(data: bytes):
    """report.json's bytes, parsed; SchemaProblem unless they are JSON that Python can hold.

    Nesting a few thousand levels deep (`[[[[…`) makes the parser raise RecursionError, not ValueError.
    """
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise SchemaProblem("schema.not_json", reason=str(exc)[:200]) from None


def check_document(document) -> int:
    """Raise SchemaProblem unless `document` matches the schema of its own version; returns that version."""
    version = document.get("schema_version") if isinstance(document, dict) else None
    if type(version) is not int or version not in SUPPORTED_VERSIONS:  # 1.0 and True equal 1, but name no schema
        raise SchemaProblem("schema.version", version=version,
                            supported=", ".join(str(v) for v in SUPPORTED_VERSIONS))
    try:
        _validator(version)(document)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise SchemaProblem("schema.invalid", reason=exc.message[:300]) from None
    return version
