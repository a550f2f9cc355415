"""A C-speed check of a long array's items, derived from the schema file itself.

fastjsonschema spends 3–4 µs in Python on each of a report's 10,000
enterprises: most of the time verification takes to check report.json.
msgspec checks the same constraints in C (about 10× faster) when they are
written as a Struct type, which is built here from the item schema of the
shipped JSON Schema — there is no second definition to keep in step.

Only what the translation can say exactly is translated: objects with
`additionalProperties: false` and every property required, the types
string / integer / number / array / null and unions of them, `minimum`,
`pattern`, string `enum`. Anything else and there is no fast check. The
fast check may be stricter than the schema (msgspec reads 1.0 as not an
integer, and wants integers to fit in 64 bits) but never laxer, so the
caller accepts when it accepts and otherwise asks fastjsonschema, whose
answer and message stand.
"""

from __future__ import annotations

import keyword
from typing import Annotated, Any, Literal, Optional

import msgspec

try:  # fastjsonschema turns each unescaped $ into \Z ("2020-01-01\n" does not match ^…$): patterns must too
    from fastjsonschema.draft04 import DOLLAR_FINDER
except ImportError:  # moved in some release: patterns are then left to fastjsonschema
    DOLLAR_FINDER = None

SCALARS = {"string": str, "integer": int, "number": float}
IGNORED = {"description", "title", "$comment"}


class Untranslatable(Exception):
    """The schema uses something the fast check cannot say exactly."""


def item_type(array_schema: dict) -> Any:
    """The msgspec type of one item of an array whose schema is `array_schema`; Untranslatable otherwise."""
    if set(array_schema) - IGNORED != {"type", "items"} or array_schema["type"] != "array":
        raise Untranslatable("array")
    return _type_of(array_schema["items"], "Item")


def items_pass(items, checked_type) -> bool:
    """True when every item of the list `items` has the type; False tells the caller to ask the schema."""
    try:
        msgspec.convert(items, list[checked_type], strict=True)
    except msgspec.ValidationError:
        return False
    return True


def _type_of(schema: dict, name: str) -> Any:
    kinds = schema.get("type")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if not isinstance(kinds, list) or not kinds:
        raise Untranslatable(f"{name}: type")
    nullable = "null" in kinds
    kinds = [kind for kind in kinds if kind != "null"]
    if len(kinds) != 1:
        raise Untranslatable(f"{name}: several types")
    kind = kinds[0]
    if kind == "object":
        base = _struct(schema, name)
    elif kind == "array":
        if set(schema) - IGNORED != {"type", "items"}:
            raise Untranslatable(f"{name}: array keywords")
        base = list[_type_of(schema["items"], name + "Item")]
    elif kind in SCALARS:
        base = _scalar(schema, kind, name)
    else:
        raise Untranslatable(f"{name}: {kind}")
    return Optional[base] if nullable else base


def _scalar(schema: dict, kind: str, name: str) -> Any:
    extra = set(schema) - IGNORED - {"type"}
    if "enum" in schema:
        values = schema["enum"]
        if extra != {"enum"} or kind != "string" or not values or not all(isinstance(v, str) for v in values):
            raise Untranslatable(f"{name}: enum")
        return Literal[tuple(values)]
    allowed = {"string": {"pattern"}, "integer": {"minimum"}, "number": {"minimum"}}[kind]
    if extra - allowed:
        raise Untranslatable(f"{name}: {sorted(extra - allowed)}")
    meta = {}
    if "pattern" in schema:
        if DOLLAR_FINDER is None or not isinstance(schema["pattern"], str):
            raise Untranslatable(f"{name}: pattern")
        meta["pattern"] = DOLLAR_FINDER.sub(r"\\Z", schema["pattern"])
    if "minimum" in schema:
        minimum = schema["minimum"]
        if type(minimum) not in (int, float):
            raise Untranslatable(f"{name}: minimum")
        meta["ge"] = minimum
    return Annotated[SCALARS[kind], msgspec.Meta(**meta)] if meta else SCALARS[kind]


def _struct(schema: dict, name: str) -> Any:
    if set(schema) - IGNORED != {"type", "properties", "required", "additionalProperties"}:
        raise Untranslatable(f"{name}: object keywords")
    properties, required = schema["properties"], schema["required"]
    if schema["additionalProperties"] is not False or set(required) != set(properties) \
            or len(required) != len(set(required)):
        raise Untranslatable(f"{name}: not closed, or a property is optional")
    fields = [(key, _type_of(value, f"{name}_{key}")) for key, value in properties.items()]
    if any(not key.isidentifier() or keyword.iskeyword(key) for key, _ in fields):
        raise Untranslatable(f"{name}: property name")
    return msgspec.defstruct(name, fields, forbid_unknown_fields=True)

