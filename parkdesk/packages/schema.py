"""report.json's JSON Schema (draft-07, shipped as schema/report-v1.schema.json) and checking against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import fastjsonschema
import orjson

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
    """report.json's bytes, parsed; SchemaProblem unless they are strict JSON (RFC 8259) in UTF-8.

    orjson parses about 3× faster than the standard library and is stricter: it refuses NaN and
    Infinity, lone surrogates, nesting deeper than 1,024 levels, and reads an integer too large for
    64 bits as a float (which the schema's "integer" then refuses).
    """
    try:
        return orjson.loads(data)
    except (ValueError, RecursionError) as exc:  # orjson.JSONDecodeError is a ValueError
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
