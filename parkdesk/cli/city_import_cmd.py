"""`parkdesk city import`: the city bureau takes in the districts' signed roll-ups (registered by city_cmd)."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import add_format_option, add_workspace_argument


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
