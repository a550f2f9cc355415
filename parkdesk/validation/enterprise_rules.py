"""The enterprise list's rules.

Findings come from one place: `check_enterprise_row`, in Python, row by row
(as you type, on import, and in full validation). For a 100,000-row list,
SQLite first finds the rows that break a rule, with conditions generated from
the same field definitions, and counts them per rule; Python then explains
those rows only. A test holds the SQL conditions to the Python checks on
random rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from parkdesk.forms.model import CHOICE, DATE, DECIMAL, INTEGER, MULTI_CHOICE, PHONE, TEXT, USCC, Field, choice_keys
from parkdesk.forms.sections import RECORD_BY_KEY
from parkdesk.reference.distinctions import ALL_DISTINCTION_BITS
from parkdesk.uscc import ALPHABET
from parkdesk.validation.value_checks import BLANK_CHARS, check_value

ENTERPRISE = RECORD_BY_KEY["enterprise"]
USD_TO_CNY_FLOOR = 6.0  # a conservative exchange rate for the exports-vs-revenue check


# --- row by row ------------------------------------------------------------------------------

def check_enterprise_row(row: dict, year: int, link_ids: set[int] | None) -> list[tuple[str, str, dict]]:
    """Problems of one enterprise row as (rule id, field key, params)."""
    problems: list[tuple[str, str, dict]] = []
    for field in ENTERPRISE.fields:
        problems += [(rule, field.key, params) for rule, params in check_value(field, row.get(field.key))]
    established = row.get("established")
    if established is not None and hasattr(established, "year") and established.year > year:
        problems.append(("ENT-EST-FUTURE", "established", {"value": established.isoformat(), "year": str(year)}))
    exports, revenue = row.get("service_exports_wan_usd"), row.get("revenue_wan_yuan")
    if _is_number(exports) and _is_number(revenue) and exports * USD_TO_CNY_FLOOR > revenue:
        problems.append(("REC-ENT-EXPORTS-REVENUE", "service_exports_wan_usd", _exports_params(exports, revenue)))
    link = row.get("chain_link_id")
    if link_ids is not None:
        if link is None:
            problems.append(("ENT-CHAIN-UNSET", "chain_link_id", {}))
        elif link not in link_ids:
            problems.append(("ENT-CHAIN-LINK", "chain_link_id", {"value": str(link)}))
    return problems


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _exports_params(exports: float, revenue: float) -> dict:
    return {"exports": float(exports), "exports_cny": float(exports) * USD_TO_CNY_FLOOR, "revenue": float(revenue)}


# --- in bulk ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class SqlCheck:
    rule_id: str
    field: str
    condition: str  # true for a row that breaks the rule


def _quoted(values) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


_SQL_BLANK_CHARS = "'" + BLANK_CHARS.replace("'", "''") + "'"  # a literal, not an expression per row


def blank_sql(column: str) -> str:
    """True in SQL where the column is blank, exactly as value_checks.is_empty means it."""
    return f"({column} IS NULL OR trim({column}, {_SQL_BLANK_CHARS}) = '')"


def _field_checks(field: Field) -> list[SqlCheck]:
    c, checks = field.key, []
    if field.required:
        checks.append(SqlCheck("FIELD-REQUIRED", c, blank_sql(c)))
    present = f"NOT {blank_sql(c)}" if field.type in (TEXT, USCC, CHOICE, PHONE, DATE) else f"{c} IS NOT NULL"
    if field.type == TEXT and field.max_length:
        checks.append(SqlCheck("FIELD-LENGTH", c, f"length({c}) > {field.max_length}"))
    if field.type == CHOICE:
        checks.append(SqlCheck("FIELD-CHOICE", c, f"{present} AND {c} NOT IN ({_quoted(choice_keys(field.choices))})"))
    if field.type in (INTEGER, DECIMAL):
        kinds = "('integer')" if field.type == INTEGER else "('integer', 'real')"
        checks.append(SqlCheck("FIELD-TYPE", c, f"{present} AND typeof({c}) NOT IN {kinds}"))
        bounds = [f"{c} < {field.minimum}" if field.minimum is not None else None,
                  f"{c} > {field.maximum}" if field.maximum is not None else None]
        bounds = [b for b in bounds if b]
        if bounds:
            checks.append(SqlCheck("FIELD-RANGE", c, f"typeof({c}) IN {kinds} AND ({' OR '.join(bounds)})"))
    if field.type == DATE:
        checks.append(SqlCheck("FIELD-TYPE", c, f"{present} AND (typeof({c}) != 'text' OR date({c}) IS NOT {c})"))
    if field.type == MULTI_CHOICE and field.stored_as_mask:
        checks.append(SqlCheck("FIELD-CHOICE", c, f"{c} IS NOT NULL AND (typeof({c}) != 'integer' OR {c} < 0 "
                                                  f"OR ({c} & ~{ALL_DISTINCTION_BITS}) != 0)"))
    if field.type == PHONE:
        stripped = c
        for ch in " +()-":
            stripped = f"replace({stripped}, '{ch}', '')"
        checks.append(SqlCheck("FIELD-PHONE", c, f"{present} AND ({c} GLOB '*[^0-9 +()-]*' "
                                                  f"OR length({stripped}) NOT BETWEEN 7 AND 20)"))
    if field.type == USCC:
        checks += _uscc_checks(c, present)
    return checks


def _uscc_checks(c: str, present: str) -> list[SqlCheck]:
    malformed = f"(length({c}) != 18 OR {c} GLOB '*[^0-9A-HJ-NP-RT-UW-Y]*')"
    weighted = " + ".join(f"(instr('{ALPHABET}', substr({c}, {i + 1}, 1)) - 1) * {pow(3, i, 31)}" for i in range(17))
    expected = f"substr('{ALPHABET}', (31 - ({weighted}) % 31) % 31 + 1, 1)"
    digits36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    org_sum = " + ".join(f"(instr('{digits36}', substr({c}, {9 + i}, 1)) - 1) * {w}"
                         for i, w in enumerate((3, 7, 9, 10, 5, 8, 4, 2)))
    org_expected = (f"CASE 11 - ({org_sum}) % 11 WHEN 10 THEN 'X' WHEN 11 THEN '0' "
                    f"ELSE CAST(11 - ({org_sum}) % 11 AS TEXT) END")
    well_formed = f"{present} AND NOT {malformed}"
    return [
        SqlCheck("ENT-USCC-FORMAT", c, f"{present} AND {malformed}"),
        SqlCheck("ENT-USCC-CHECK", c, f"{well_formed} AND substr({c}, 18, 1) != {expected}"),
        SqlCheck("ENT-USCC-ORGCHECK", c, f"{well_formed} AND substr({c}, 17, 1) != {org_expected}"),
    ]


def record_checks() -> list[SqlCheck]:
    exports, revenue = "service_exports_wan_usd", "revenue_wan_yuan"
    numbers = f"typeof({exports}) IN ('integer', 'real') AND typeof({revenue}) IN ('integer', 'real')"
    return [
        SqlCheck("ENT-EST-FUTURE", "established",
                 "typeof(established) = 'text' AND date(established) IS established AND established > :year_end"),
        SqlCheck("REC-ENT-EXPORTS-REVENUE", exports, f"{numbers} AND {exports} * {USD_TO_CNY_FLOOR} > {revenue}"),
        SqlCheck("ENT-CHAIN-UNSET", "chain_link_id", "chain_link_id IS NULL"),
        SqlCheck("ENT-CHAIN-LINK", "chain_link_id", "chain_link_id IS NOT NULL AND chain_link_id NOT IN "
                 "(SELECT l.id FROM chain_links l JOIN chain_segments s ON s.id = l.segment_id "
                 "WHERE s.report_id = :report_id)"),
    ]


def all_sql_checks() -> list[SqlCheck]:
    checks = [check for field in ENTERPRISE.fields for check in _field_checks(field)]
    return checks + record_checks()
