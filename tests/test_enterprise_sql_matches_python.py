"""The SQL that finds suspect enterprise rows never misses a row the Python rules would flag,
and counts exactly what they report."""

from __future__ import annotations

import random
from collections import Counter

from sqlalchemy import select

from parkdesk.db.models import ChainLink, ChainSegment, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.uscc import ALPHABET, make_uscc
from parkdesk.validation.enterprise_scan import scan_enterprises

WEIRD = [None, "", "  ", "\u3000", "abc", "ＡＢＣ", 0, -1, 1.5, 10**12, "2024-02-30", "2019/5/3", "2019-05-03",
         "2031-01-01", "key", "supporting", "settled", "planned", "13800138000", "+86 (531) 8888-8888", "x" * 300]


def random_code(rng):
    body = "".join(rng.choice(ALPHABET) for _ in range(8))
    code = make_uscc("91", "370102", body)
    mutation = rng.random()
    if mutation < 0.2:
        code = code[:17] + rng.choice(ALPHABET)
    elif mutation < 0.3:
        code = code[:16] + rng.choice("0123456789X") + code[17]
    elif mutation < 0.35:
        code = code.lower()
    elif mutation < 0.4:
        code = code[:10]
    return code


def test_random_rows_sql_prefilter_agrees_with_python(demo_path):
    rng = random.Random(7)
    with open_workspace(demo_path) as ws, ws.session() as session:
        report = session.scalars(select(Report).join(Park).where(Park.code == "QLRJY", Report.year == 2024)).one()
        links = session.scalars(select(ChainLink.id).join(ChainSegment)
                                .where(ChainSegment.report_id == report.id)).all()
        foreign = session.scalars(select(ChainLink.id).join(ChainSegment)
                                  .where(ChainSegment.report_id != report.id)).first()
        rows = []
        for i in range(1500):
            rows.append({
                "report_id": report.id, "name": rng.choice([f"企业{i}", *WEIRD[1:4]]),  # NOT NULL columns take no None
                "uscc": random_code(rng) if rng.random() < 0.8 else rng.choice(WEIRD),
                "role": rng.choice(["key", "supporting", "boss", "", " "]),
                "chain_link_id": rng.choice([*links, None, foreign]),
                "status": rng.choice(["settled", "planned", "gone", ""]),
                "established": rng.choice(WEIRD[8:14] + [None]),
                "employees": rng.choice([5, 0, -3, 2.5, "many", None, 2_000_000]),
                "revenue_wan_yuan": rng.choice([100.0, 0, -1.0, None, "lots", 2e9]),
                "service_exports_wan_usd": rng.choice([1.0, 50.0, None, -2.0, 1e9]),
                "distinctions": rng.choice([0, 3, 63, 64, -1, "x"]),
                "contact_name": rng.choice(["王伟", None, "x" * 80]),
                "contact_phone": rng.choice(["13800138000", "+86 (531) 8888-8888", "call", "123", None]),
            })
        columns = list(rows[0])
        session.connection().exec_driver_sql(  # raw values, as a careless import might have written them
            f"INSERT INTO enterprises ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [tuple(row[c] for c in columns) for row in rows])
        findings = scan_enterprises(session, report.id, report.year, set(links), limit=100_000)
    per_rule = Counter((f.rule_id, f.location.field) for f in findings if f.rule_id != "LIST-TRUNCATED")
    truncated = [f for f in findings if f.rule_id == "LIST-TRUNCATED"]
    assert truncated == [], "SQL counted rows that Python did not flag (or the reverse)"
    assert per_rule[("ENT-USCC-CHECK", "uscc")] > 50 and per_rule[("FIELD-TYPE", "established")] > 50
    assert len(per_rule) >= 15
