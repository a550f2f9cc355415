"""`parkdesk init`: create an empty workspace, an operator's workspace with its park's first report,
a district's reviewer workspace (its identity and trust store) or the city's workspace."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.options import PASSPHRASE_HELP

from parkdesk.reference.stages import PLAN_YEARS, default_report_year

ROLES = ("operator", "reviewer", "city")  # parkdesk.db.workspace.ROLES
ROLE_OPERATOR, ROLE_REVIEWER, ROLE_CITY = ROLES


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "init", parents=[parent], help="创建工作区 / create a workspace",
        description="创建空工作区;指定 --park 时同时添加该园区并创建年报草稿(文件已是工作区时,在其中添加该园区或其年报"
                    "草稿)。 / Create an empty workspace; with --park, also add that park and start its draft report "
                    "(when the file is a workspace already, the park or its draft is added to it).")
    parser.add_argument("--out", type=Path, required=True, help="新工作区文件 / the new workspace file")
    parser.add_argument("--role", choices=ROLES, default=ROLE_OPERATOR,
                        help="工作区角色:operator 园区运营机构;reviewer 区县(需 --district);city 市局 / the "
                             "workspace's role: operator, reviewer (a district, needs --district) or city "
                             "(default: operator)")
    parser.add_argument("--district", metavar="CODE",
                        help="区县代码或名称,如 370102 或 历下区(见 parkdesk districts)。--role reviewer:同时创建区县"
                             "身份(CA 证书)并加入信任列表;园区工作区(--park):园区所在区县 / the district's code "
                             "or name, e.g. 370102 (see parkdesk districts). --role reviewer: its identity (a CA "
                             "certificate) is created and trusted; with --park: the park's district")
    parser.add_argument("--identity", metavar="NAME", help="区县身份名称(默认“区县名商务局”)/ the district "
                                                           "identity's name (default: the office's name)")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)
    parser.add_argument("--name", help="工作区名称 / a name shown in the window title")
    parser.add_argument("--park", metavar="CODE",
                        help="方案中 12 个园区之一的代码或名称 / one of the plan's 12 parks, by code or name")
    parser.add_argument("--year", type=int, choices=PLAN_YEARS, default=None,
                        help=f"首份年报的年度(默认 {default_report_year()},即上一年,限于计划年度)/ "
                             f"the first report's year (default {default_report_year()}: last year, "
                             "kept within the plan's years)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parkdesk.app import workspaces
    from parkdesk.texts import text

    if args.role == ROLE_REVIEWER:
        from parkdesk.identity.passphrase import read_passphrase

        if not args.district:
            from parkdesk.errors import InputProblem

            raise InputProblem("init.district_needed")
        name = args.identity or "district"
        passphrase = read_passphrase(name, passphrase_file=args.passphrase_file, new=True, lang=args.lang)
        from parkdesk.app.parks import find_district

        district = find_district(args.district).code
        made = workspaces.create_reviewer(args.out, district, passphrase, identity=args.identity, name=args.name)
        print(text("init.reviewer_written", args.lang, path=args.out, district=made.district,
                      identity=made.identity, fingerprint=made.fingerprint))
        return 0
    if args.role == ROLE_CITY:
        workspaces.create_city(args.out, name=args.name)
        print(text("cli.init_written", args.lang, path=args.out))
        return 0
    if args.park is None:
        if args.district is not None:
            print(text("init.district_needs_park", args.lang), file=sys.stderr)
            return 2
        if args.year is not None:
            print(text("start.year_needs_park", args.lang), file=sys.stderr)
            return 2
        workspaces.create_empty(args.out, role=args.role, name=args.name)
        print(text("cli.init_written", args.lang, path=args.out))
        return 0
    made = workspaces.create_operator(args.out, args.park, args.year or default_report_year(), name=args.name,
                                      district=args.district)
    key = "start.draft_added" if made.added else "start.workspace_written"
    print(text(key, args.lang, path=args.out, park=made.park, year=made.year))
    if made.district:
        print(text("start.in_district", args.lang, district=made.district))
    return 0
