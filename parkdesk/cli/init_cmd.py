"""`parkdesk init`: create an empty workspace, an operator's workspace with its park's first report,
a district's reviewer workspace (its identity and trust store) or the city's workspace."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.db.models import Division
from parkdesk.db.workspace import ROLE_CITY, ROLE_OPERATOR, ROLE_REVIEWER, ROLES, create_workspace, open_workspace
from parkdesk.errors import InputProblem
from parkdesk.identity.passphrase import ENV_VAR, read_passphrase
from parkdesk.messages import message
from parkdesk.reference.stages import PLAN_YEARS
from parkdesk.reports.park_setup import find_plan_park
from parkdesk.reports.start import default_report_year, start_operator_workspace
from parkdesk.review.setup import create_city_workspace, create_reviewer_workspace, district_identity


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "init", parents=[parent], help="创建工作区 / create a workspace",
        description="创建空工作区;指定 --park 时同时添加该园区并创建年报草稿。 / Create an empty workspace; "
                    "with --park, also add that park and start its draft report.")
    parser.add_argument("--out", type=Path, required=True, help="新工作区文件 / the new workspace file")
    parser.add_argument("--role", choices=ROLES, default=ROLE_OPERATOR,
                        help="工作区角色:operator 园区运营机构;reviewer 区县(需 --district);city 市局 / the "
                             "workspace's role: operator, reviewer (a district, needs --district) or city "
                             "(default: operator)")
    parser.add_argument("--district", metavar="CODE",
                        help="区县代码,如 370102(--role reviewer):同时创建区县身份(CA 证书)并加入信任列表 / the "
                             "district's code, e.g. 370102 (--role reviewer): its identity (a CA certificate) is "
                             "created and trusted")
    parser.add_argument("--identity", metavar="NAME", help="区县身份名称(默认“区县名商务局”)/ the district "
                                                           "identity's name (default: the office's name)")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help=f"区县私钥口令取自文件第一行(否则 {ENV_VAR},再否则提示输入)/ the district key's "
                             f"passphrase from the file's first line (else {ENV_VAR}, else a prompt)")
    parser.add_argument("--name", help="工作区名称 / a name shown in the window title")
    parser.add_argument("--park", metavar="CODE",
                        help="方案中 12 个园区之一的代码或名称 / one of the plan's 12 parks, by code or name")
    parser.add_argument("--year", type=int, choices=PLAN_YEARS, default=None,
                        help=f"首份年报的年度(默认 {default_report_year()},即上一年,限于计划年度)/ "
                             f"the first report's year (default {default_report_year()}: last year, "
                             "kept within the plan's years)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.role == ROLE_REVIEWER:
        return _init_reviewer(args)
    if args.role == ROLE_CITY:
        create_city_workspace(args.out, name=args.name)
        print(message("cli.init_written", args.lang, path=args.out))
        return 0
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


def _init_reviewer(args: argparse.Namespace) -> int:
    if not args.district:
        raise InputProblem("init.district_needed")
    name = args.identity or "district"
    passphrase = read_passphrase(name, passphrase_file=args.passphrase_file, new=True, lang=args.lang)
    create_reviewer_workspace(args.out, district_code=args.district, passphrase=passphrase,
                              identity_name=args.identity, name=args.name)
    with open_workspace(args.out) as workspace, workspace.session() as session:
        identity = district_identity(session)
        district = session.get(Division, identity.division_code)
        print(message("init.reviewer_written", args.lang, path=args.out, district=district.name,
                      identity=identity.name, fingerprint=identity.fingerprint))
    return 0
