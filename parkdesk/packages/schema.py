"""report.json's JSON Schema (draft-07, shipped as schema/report-v1.schema.json) and checking against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

import fastjsonschema
import orjson

from parkdesk.errors import InputProblem
from parkdesk.packages.fast_items import Untranslatable, item_type, items_pass

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
    except ValueError as exc:  # orjson.JSONDecodeError is one
        raise SchemaProblem("schema.not_json", reason=str(exc)[:200]) from None


def check_document(document, *, parsed_json: bool = False) -> int:
    """Raise SchemaProblem unless `document` matches the schema of its own version; returns that version.

    `parsed_json` says the document came from load_document, so it holds only what JSON holds (no sets,
    no tuples): its long enterprise list may then be checked by the fast item check (fast_items).
    """
    version = document.get("schema_version") if isinstance(document, dict) else None
    if type(version) is not int or version not in SUPPORTED_VERSIONS:  # 1.0 and True equal 1, but name no schema
        raise SchemaProblem("schema.version", version=version,
                            supported=", ".join(str(v) for v in SUPPORTED_VERSIONS))
    validate = _validator(version)
    try:
        fast = _fast_list(version) if parsed_json else None
        if fast is not None and isinstance(document.get(fast[0]), list) and items_pass(document[fast[0]], fast[1]):
            validate({**document, fast[0]: []})  # the rest of the document; the list's items passed
        else:
            validate(document)  # also where the fast check refused: fastjsonschema's answer and message stand
    except fastjsonschema.JsonSchemaValueException as exc:
        raise SchemaProblem("schema.invalid", reason=exc.message[:300]) from None
    return version


FAST_LIST = "enterprises"  # the one list that grows long (100,000 rows and more)


@cache
def _fast_list(version: int) -> tuple[str, object] | None:
    """(property, item type) for the fast check of the long list, or None when its schema cannot be translated."""
    try:
        return FAST_LIST, item_type(json.loads(schema_text(version))["properties"][FAST_LIST])
    except (Untranslatable, KeyError, TypeError):
        return None
