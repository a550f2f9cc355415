"""`parkdesk init`: create an empty workspace, or an operator's workspace with its park's first report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.db.workspace import ROLE_OPERATOR, create_workspace
from parkdesk.messages import message
from parkdesk.reference.stages import PLAN_YEARS
from parkdesk.reports.park_setup import find_plan_park
from parkdesk.reports.start import default_report_year, start_operator_workspace


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "init", parents=[parent], help="创建工作区 / create a workspace",
        description="创建空工作区;指定 --park 时同时添加该园区并创建年报草稿。 / Create an empty workspace; "
                    "with --park, also add that park and start its draft report.")
    parser.add_argument("--out", type=Path, required=True, help="新工作区文件 / the new workspace file")
    parser.add_argument("--role", choices=(ROLE_OPERATOR,), default=ROLE_OPERATOR,
                        help="工作区角色 / the workspace's role (default: operator)")
    parser.add_argument("--name", help="工作区名称 / a name shown in the window title")
    parser.add_argument("--park", metavar="CODE",
                        help="方案中 12 个园区之一的代码或名称 / one of the plan's 12 parks, by code or name")
    parser.add_argument("--year", type=int, choices=PLAN_YEARS, default=None,
                        help=f"首份年报的年度(默认 {default_report_year()},即上一年,限于计划年度)/ "
                             f"the first report's year (default {default_report_year()}: last year, "
                             "kept within the plan's years)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.park is None:
        if args.year is not None:
            print(message("start.year_needs_park", args.lang), file=sys.stderr)
            return 2
        with create_workspace(args.out, role=args.role, name=args.name):
            pass
        print(message("cli.init_written", args.lang, path=args.out))
        return 0
    year = args.year or default_report_year()
    park = find_plan_park(args.park)
    start_operator_workspace(args.out, park_code=park.code, year=year, name=args.name)
    print(message("start.workspace_written", args.lang, path=args.out, park=park.name, year=year))
    return 0
