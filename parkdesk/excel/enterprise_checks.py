"""Checking imported enterprise rows exactly as validation checks the list, fast.

As in parkdesk.validation.enterprise_scan: SQLite finds the rows that break a
rule, with the conditions generated from the field definitions, and
`check_enterprise_row` explains those rows only. The rows are staged in a
table shaped like `enterprises` in a database of their own
(parkdesk.excel.staging: the workspace itself is not touched), from which the
import later inserts them; credit codes are screened in Python, which is
faster than the same arithmetic in SQL; so are phone numbers.
"""

from __future__ import annotations

from concurrent.futures import wait

from sqlalchemy.orm import Session

from parkdesk.excel.bulk import in_background
from parkdesk.excel.staging import StagedRows
from parkdesk.uscc import is_valid_uscc
from parkdesk.validation.enterprise_rules import ENTERPRISE, all_sql_checks, check_enterprise_row

COLUMNS = tuple(field.key for field in ENTERPRISE.fields)
CHAIN_RULES = ("ENT-CHAIN-UNSET", "ENT-CHAIN-LINK")

Problem = tuple[str, str, dict]  # (rule id, field key, params), as check_enterprise_row gives them


# what the parser guarantees of a value it produced (a whole number, a date, a choice's key, a text within its
# length…): for the fields a sheet feeds, SQL need not look again
PARSED_RULES = frozenset({"FIELD-TYPE", "FIELD-CHOICE", "FIELD-LENGTH"})


def enterprise_problems(session: Session, rows: list[tuple], year: int, report_id: int,
                        link_ids: set[int] | None, fed: frozenset[str] = frozenset()
                        ) -> tuple[dict[int, list[Problem]], StagedRows | None]:
    """Index of each row that has problems → its problems, and the rows as staged (None when there are none);
    `rows` hold values in COLUMNS order; `fed`: the fields whose values the parser produced.

    `link_ids` None leaves the chain-link rules out (the sheet has no chain-link column).
    """
    if not rows:  # a header and nothing under it (executemany with no rows would bind nothing)
        return {}, None
    connection = session.connection()
    staged = StagedRows(connection, "enterprises", COLUMNS)
    staged.fill(rows)
    with staged.attached(connection) as table:
        # SQLite scans the staged rows without the GIL while Python checks the credit codes and phone numbers
        screened = in_background(_screen, connection.connection.dbapi_connection, table, year, report_id, link_ids,
                                 fed)
    try:
        uscc, phone = COLUMNS.index("uscc"), COLUMNS.index("contact_phone")
        flagged = {index for index, row in enumerate(rows) if row[uscc] is not None and not is_valid_uscc(row[uscc])}
        flagged.update(index for index, row in enumerate(rows) if row[phone] is not None and not _plain_phone(row[phone]))
    finally:
        wait([screened])  # the connection is the worker's until its scan is done
    flagged.update(screened.result())
    problems = {}
    for index in sorted(flagged):
        found = check_enterprise_row(dict(zip(COLUMNS, rows[index])), year, link_ids)
        if found:
            problems[index] = found
    return problems, staged


_PHONE_SEPARATORS = str.maketrans("", "", " +()-")


def _plain_phone(value) -> bool:
    """A phone number FIELD-PHONE accepts (7-20 digits, + - spaces or brackets), or one to look at closely."""
    if value.__class__ is not str:
        return False
    digits = value.translate(_PHONE_SEPARATORS)
    return digits.isascii() and digits.isdigit() and 7 <= len(digits) <= 20


def _screen(dbapi_connection, staged: str, year: int, report_id: int, with_chain: set[int] | None,
            fed: frozenset[str]) -> list[int]:
    """Indexes of the staged rows that break a rule screened in SQL (every rule but the credit-code and phone
    checks, and what the parser guarantees of the fields it fed); `with_chain`: the chain-link ids rows may
    name, None when the sheet names none."""
    checks = [check for check in all_sql_checks()
              if (check.field != "uscc" or check.rule_id == "FIELD-REQUIRED") and check.rule_id != "FIELD-PHONE"
              and not (check.field in fed and check.rule_id in PARSED_RULES)
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
        cursor.execute(f"SELECT id FROM {staged} WHERE {condition}",
                       {"report_id": report_id, "year_end": f"{year}-12-31"})
        return [row[0] for row in cursor]
    finally:
        cursor.close()

