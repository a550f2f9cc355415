"""Validating a whole enterprise list: SQLite finds and counts, Python explains.

Credit codes and phones are screened in Python with table-driven checks,
several times faster than the same arithmetic in SQL; every other rule is
screened by one generated SQL count, and repeated credit codes and names
are found by two GROUP BY queries — all three on second connections, which
run meanwhile (parkdesk.db.side_query). At most
`limit` rows are explained one by one; past that, each rule's remaining
count is reported as a LIST-TRUNCATED finding of the rule's own severity, so
nothing is hidden and a huge broken list stays fast.
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from parkdesk.db.queries import enterprise_rows_of
from parkdesk.db.side_query import rows_beside
from parkdesk.uscc import is_valid_uscc
from parkdesk.validation.enterprise_rules import ENTERPRISE, all_sql_checks, blank_sql, check_enterprise_row
from parkdesk.validation.findings import Finding, Location
from parkdesk.validation.rules import RULES
from parkdesk.validation.value_checks import check_value

COLUMNS = ("id",) + tuple(field.key for field in ENTERPRISE.fields)
EXPLAIN_LIMIT = 2000


PYTHON_SCREENED = ("uscc", "contact_phone")  # checked in Python: several times faster than the same SQL


def scan_enterprises(session: Session, report_id: int, year: int, link_ids: set[int],
                     limit: int = EXPLAIN_LIMIT) -> list[Finding]:
    checks = [check for check in all_sql_checks()
              if check.field not in PYTHON_SCREENED or check.rule_id == "FIELD-REQUIRED"]
    params = {"report_id": report_id, "year_end": f"{year}-12-31"}
    scope = enterprise_rows_of(session, report_id)
    flagged = " OR ".join(f"({check.condition})" for check in checks)
    expected: dict[tuple[str, str], int] = {}
    flagged_count, *repeats = rows_beside(
        session, [(f"SELECT count(*) FROM enterprises WHERE {scope} AND ({flagged})", params)]
        + [(_duplicates_sql(column), {"report_id": report_id}) for column, _ in DUPLICATE_RULES])
    duplicates = {column: rows for (column, _), rows in zip(DUPLICATE_RULES, repeats)}
    screened_out = _screen_in_python(session, scope, params, expected)
    if flagged_count.result()[0][0]:
        sums = ", ".join(f"coalesce(sum({check.condition}), 0)" for check in checks)
        counts = session.execute(text(f"SELECT {sums} FROM enterprises WHERE {scope}"), params).one()
        for check, count in zip(checks, counts):
            expected[(check.rule_id, check.field)] = expected.get((check.rule_id, check.field), 0) + int(count)
    if not any(expected.values()):
        return _list_findings(duplicates, limit)
    rows = session.execute(text(
        f"SELECT {', '.join(COLUMNS)} FROM enterprises WHERE {scope} "
        f"AND ({flagged} OR id IN (SELECT value FROM json_each(:screened_out))) "
        f"ORDER BY id LIMIT :limit"), {**params, "limit": limit, "screened_out": json.dumps(screened_out)}
    ).mappings().all()
    findings: list[Finding] = []
    listed: dict[tuple[str, str], int] = {}
    for raw in rows:
        row = _typed(raw)
        for rule_id, field_key, rule_params in check_enterprise_row(row, year, link_ids):
            findings.append(Finding(rule_id, RULES[rule_id].severity,
                                    Location("enterprises", "enterprise", row["id"], field_key, row.get("name")),
                                    rule_params))
            listed[(rule_id, field_key)] = listed.get((rule_id, field_key), 0) + 1
    for (rule_id, field_key), count in expected.items():
        remaining = count - listed.get((rule_id, field_key), 0)
        if remaining > 0:
            findings.append(Finding("LIST-TRUNCATED", RULES[rule_id].severity,
                                    Location("enterprises", "enterprise", None, field_key),
                                    {"rule": rule_id, "count": remaining}))
    return findings + _list_findings(duplicates, limit)


def _screen_in_python(session: Session, scope: str, params: dict, expected: dict) -> list[int]:
    """Ids of rows whose credit code or phone fails a check; counts per rule added to `expected`.

    Reads through the raw DB-API cursor: building SQLAlchemy rows for 100,000
    pairs would cost more than the checks themselves.
    """
    fields = [ENTERPRISE.field(key) for key in PYTHON_SCREENED]
    cursor = session.connection().connection.dbapi_connection.cursor()
    bad = []
    try:
        cursor.execute(f"SELECT id, {', '.join(PYTHON_SCREENED)} FROM enterprises WHERE {scope}", params)
        for enterprise_id, code, phone in cursor:
            if is_valid_uscc(code) and (phone is None or _plain_phone(phone)):
                continue
            problems = [(rule, field.key) for field, value in zip(fields, (code, phone))
                        for rule, _ in check_value(field, value) if rule != "FIELD-REQUIRED"]
            for key in problems:
                expected[key] = expected.get(key, 0) + 1
            if problems:
                bad.append(enterprise_id)
    finally:
        cursor.close()
    return bad


def _plain_phone(phone) -> bool:
    """The common case decided without a regex: ASCII digits, perhaps one hyphen (0531-88886666)."""
    if not isinstance(phone, str):
        return False
    digits = phone.replace("-", "", 1)
    return digits.isascii() and digits.isdigit() and 7 <= len(digits) <= 20


def _typed(raw) -> dict:
    row = dict(raw)
    value = row.get("established")
    if isinstance(value, str):
        try:
            row["established"] = date.fromisoformat(value)
        except ValueError:
            pass
    return row


DUPLICATE_RULES = (("uscc", "ENT-DUP-USCC"), ("name", "ENT-DUP-NAME"))  # credit codes: error; names: warning


def _duplicates_sql(column: str) -> str:
    """Every row repeating an earlier row's `column` (blank never repeats): id, name, value, the first's name."""
    return (f"SELECT e.id, e.name, e.{column}, first.name FROM enterprises e "
            f"JOIN (SELECT {column} AS value, min(id) AS first_id FROM enterprises "
            f"      WHERE report_id = :report_id AND NOT {blank_sql(column)} "
            f"      GROUP BY {column} HAVING count(*) > 1) d ON e.{column} = d.value AND e.id != d.first_id "
            f"JOIN enterprises first ON first.id = d.first_id "
            f"WHERE e.report_id = :report_id ORDER BY e.id")


def _list_findings(duplicates: dict[str, Future], limit: int) -> list[Finding]:
    """Duplicates within the list, from the queries started in `duplicates` (column → future rows)."""
    findings: list[Finding] = []
    for column, rule_id in DUPLICATE_RULES:
        rows = duplicates[column].result()
        severity = RULES[rule_id].severity
        for enterprise_id, name, value, first_name in rows[:limit]:
            findings.append(Finding(rule_id, severity, Location("enterprises", "enterprise", enterprise_id, column, name),
                                    {"value": value, "other": first_name}))
        if len(rows) > limit:
            findings.append(Finding("LIST-TRUNCATED", severity, Location("enterprises", "enterprise", None, column),
                                    {"rule": rule_id, "count": len(rows) - limit}))
    return findings
