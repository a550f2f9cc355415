"""`parkdesk city import` and `parkdesk city rollups`: the city bureau takes in the districts' signed roll-ups and
lists what it received (registered by city_cmd)."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import add_format_option, add_workspace_argument, year_argument


def add_import_parser(commands, parent) -> None:
    parser = commands.add_parser(
        "import", parents=[parent], help="导入区县的签名汇总包 / import the districts' signed roll-ups",
        description="按信任列表中的区县证书验证汇总包,再逐个验证并导入其中的园区数据包(视为区县已通过)。"
                    "退出码:0 全部导入;1 有汇总包或数据包被拒收。 / Verifies each roll-up against the district "
                    "certificates of the trust store, then verifies and imports each park package it carries (as "
                    "approved by the district). Exit codes: 0 all imported; 1 a roll-up or a package was rejected.")
    add_workspace_argument(parser)
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE",
                        help="汇总包,或其中有汇总包的文件夹 / roll-ups, or folders holding them")
    add_format_option(parser)
    parser.set_defaults(run=run_import)

    parser = commands.add_parser(
        "rollups", parents=[parent], help="列出已收到的区县汇总包 / list the roll-ups received",
        description="按区县和年度列出已导入的汇总包:序号、数据包数、签名人、收到时间,及是否已被同年度更新的汇总包取代。"
                    " / The roll-ups imported, by district and year: number, packages, signer, when received, "
                    "and whether a newer roll-up of the year replaced it.")
    add_workspace_argument(parser)
    parser.add_argument("--year", type=year_argument, help="只列此年度 / only this year")
    add_format_option(parser)
    parser.set_defaults(run=run_rollups)


def run_import(args: argparse.Namespace) -> int:
    from parkdesk.app import rollups
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.review.inbox import REJECTED
    from parkdesk.review.rollup_import import rollup_result_text

    with open_workspace(args.workspace) as workspace:
        results = rollups.import_rollups(workspace, args.files)
    problems = any(r.outcome == REJECTED or any(p.outcome == REJECTED for p in r.packages) for r in results)
    if args.format == "json":
        print_json([{"file": str(r.path), "outcome": r.outcome, "rollup_id": r.rollup_id,
                     "district": r.district_code, "district_name": r.district_name, "year": r.year,
                     "reason": r.reason(args.lang),
                     "packages": [{"file": p.path.name, "outcome": p.outcome, "entry": p.entry_id,
                                   "report_id": p.report_id, "reason": p.reason(args.lang)} for p in r.packages]}
                    for r in results])
        return 1 if problems else 0
    for result in results:
        print(rollup_result_text(result, args.lang))
        if result.outcome == REJECTED:
            continue
        for package in result.packages:
            if package.outcome == REJECTED:
                print(f"    {package.path.name}: {package.reason(args.lang)}")
    return 1 if problems else 0


def run_rollups(args: argparse.Namespace) -> int:
    from parkdesk.app import rollups
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.review.times import shown_time
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        rows = rollups.received_rollups(workspace, args.year)
    if args.format == "json":
        print_json([row.to_json() for row in rows])
        return 0
    if not rows:
        print(text("city.no_rollups", args.lang))
        return 0
    for row in rows:
        state = text("city.rollup_replaced" if row.replaced else "city.rollup_in_force", args.lang)
        print(text("city.rollup_line", args.lang, district=row.district_name, code=row.district_code, year=row.year,
                   sequence=row.sequence or "—", packages=row.package_count, signer=row.signer,
                   received=shown_time(row.received_at), state=state, file=row.file_name))
    return 0
