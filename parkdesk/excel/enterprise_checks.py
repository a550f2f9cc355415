"""Checking imported enterprise rows exactly as validation checks the list, fast.

As in parkdesk.validation.enterprise_scan: SQLite finds the rows that break a
rule, with the conditions generated from the field definitions, and
`check_enterprise_row` explains those rows only. The rows are staged in a
temporary table shaped like `enterprises` (the workspace itself is not
touched); credit codes are screened in Python, which is faster than the same
arithmetic in SQL.
"""

from __future__ import annotations

from concurrent.futures import wait
from datetime import date

from sqlalchemy.orm import Session

from parkdesk.excel.bulk import in_background
from parkdesk.uscc import is_valid_uscc
from parkdesk.validation.enterprise_rules import ENTERPRISE, all_sql_checks, check_enterprise_row

COLUMNS = tuple(field.key for field in ENTERPRISE.fields)
STAGING = "temp.excel_import_enterprises"
CHAIN_RULES = ("ENT-CHAIN-UNSET", "ENT-CHAIN-LINK")

Problem = tuple[str, str, dict]  # (rule id, field key, params), as check_enterprise_row gives them


def enterprise_problems(session: Session, rows: list[tuple], year: int, report_id: int,
                        link_ids: set[int] | None) -> dict[int, list[Problem]]:
    """Index of each row that has problems → its problems; `rows` hold values in COLUMNS order.

    `link_ids` None leaves the chain-link rules out (the sheet has no chain-link column).
    """
    if not rows:  # a header and nothing under it (executemany with no rows would bind nothing)
        return {}
    connection = session.connection()
    _stage(connection, rows)
    # SQLite scans without the GIL while Python checks the credit codes
    screened = in_background(_screen, connection.connection.dbapi_connection, year, report_id, link_ids)
    try:
        uscc = COLUMNS.index("uscc")
        flagged = {index for index, row in enumerate(rows) if row[uscc] is not None and not is_valid_uscc(row[uscc])}
    finally:
        wait([screened])  # the connection is the worker's until its scan is done
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGING}")
    flagged.update(screened.result())
    problems = {}
    for index in sorted(flagged):
        found = check_enterprise_row(dict(zip(COLUMNS, rows[index])), year, link_ids)
        if found:
            problems[index] = found
    return problems


def _stage(connection, rows: list[tuple]) -> None:
    """The rows in a temporary table shaped like `enterprises` (its column types, so typeof() answers alike)."""
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {STAGING}")
    connection.exec_driver_sql(f"CREATE TEMP TABLE {STAGING.split('.')[1]} AS "
                               f"SELECT id, {', '.join(COLUMNS)} FROM enterprises WHERE 0")
    est = COLUMNS.index("established")
    connection.exec_driver_sql(
        f"INSERT INTO {STAGING} (id, {', '.join(COLUMNS)}) VALUES ({', '.join('?' * (len(COLUMNS) + 1))})",
        [(index, *row[:est], _stored(row[est]), *row[est + 1:]) for index, row in enumerate(rows)])


def _screen(dbapi_connection, year: int, report_id: int, with_chain: set[int] | None) -> list[int]:
    """Indexes of the staged rows that break a rule screened in SQL (every rule but the credit-code checks);
    `with_chain`: the chain-link ids rows may name, None when the sheet names none."""
    checks = [check for check in all_sql_checks()
              if (check.field != "uscc" or check.rule_id == "FIELD-REQUIRED")
              and (with_chain is not None or check.rule_id not in CHAIN_RULES)]
    conditions = []
    for check in checks:
        if check.rule_id == "ENT-CHAIN-LINK":  # the links as the workbook leaves them (new ones are negative)
            known = ", ".join(str(int(link)) for link in sorted(with_chain))
            conditions.append(f"(chain_link_id IS NOT NULL AND chain_link_id NOT IN ({known}))" if known else
                              "(chain_link_id IS NOT NULL)")
        else:
            conditions.append(f"({check.condition})")
    condition = " OR ".join(conditions)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"SELECT id FROM {STAGING} WHERE {condition}",
                       {"report_id": report_id, "year_end": f"{year}-12-31"})
        return [row[0] for row in cursor]
    finally:
        cursor.close()


def _stored(value):
    """A value as the workspace stores it (dates as ISO text, as SQLAlchemy's Date does on SQLite)."""
    return value.isoformat() if isinstance(value, date) else value
