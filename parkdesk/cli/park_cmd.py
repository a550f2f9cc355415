"""`parkdesk park add`: a park outside the plan's 12, with its first draft; `parkdesk districts`: the codes."""

from __future__ import annotations

import argparse

from parkdesk.cli.options import add_format_option, add_workspace_argument, year_argument


def add_parser(subparsers, parent) -> None:
    park = subparsers.add_parser("park", parents=[parent], help="添加方案外的园区 / add a park outside the plan",
                                 description="园区管理 / parks of the workspace.")
    commands = park.add_subparsers(dest="park_command", metavar="COMMAND", required=True)
    add = commands.add_parser(
        "add", parents=[parent], help="添加方案 12 个园区之外的园区并创建年报草稿 / add a park outside the plan's 12 "
                                      "and start its draft report",
        description="添加方案 12 个园区之外的园区(新认定或新建的园区),逐项检查,并创建其年报草稿。类别、领域、认定级别可填"
                    "代码或中文名称;区县可填代码或名称(见 parkdesk districts)。 / Add a park that is not one of the "
                    "plan's 12, every detail checked, with its draft report. Category, domain and level take the "
                    "key or the label; the district its code or name (see parkdesk districts).")
    add_workspace_argument(add)
    add.add_argument("--code", required=True, help="园区代码(字母、数字,2–16 位)/ the park's short code")
    add.add_argument("--name", required=True, help="园区名称 / the park's name")
    add.add_argument("--category", required=True,
                     help="类别:first_class 争创一流类、comprehensive 综合提升类、startup 初创新建类 / the category")
    add.add_argument("--domain", required=True,
                     help="领域,如 digital_trade 数字贸易、culture 文化产品和服务 / the domain")
    add.add_argument("--district", required=True, metavar="CODE",
                     help="所在区县的代码或名称,如 370102 或 历下区 / the district's code or name")
    add.add_argument("--level", help="认定级别:national 国家级、provincial 省级、municipal 市级、county 区县级、none "
                                     "尚未认定 / the recognition level")
    add.add_argument("--operator", dest="operator_org", metavar="ORG",
                     help="运营机构名称(也可在基本信息中填写)/ the operating organisation")
    add.add_argument("--year", type=year_argument, default=None,
                     help="年报草稿的年度(默认上一年)/ the draft report's year (default: last year)")
    add.set_defaults(run=run_add)

    listing = subparsers.add_parser("districts", parents=[parent],
                                    help="列出区县代码和名称 / list the district codes and names")
    add_format_option(listing)
    listing.set_defaults(run=run_districts)


def run_add(args: argparse.Namespace) -> int:
    from parkdesk.app import parks
    from parkdesk.db.workspace import open_workspace
    from parkdesk.reference.stages import default_report_year
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        added = parks.add_park(workspace, code=args.code, name=args.name, category=args.category,
                               domain=args.domain, district=args.district, level=args.level,
                               operator_org=args.operator_org, year=args.year or default_report_year())
    print(text("park.added", args.lang, name=added.name, code=added.code, district=added.district, year=added.year))
    return 0


def run_districts(args: argparse.Namespace) -> int:
    from parkdesk.app import parks
    from parkdesk.cli.common import print_json
    from parkdesk.texts import text

    found = parks.districts()
    if args.format == "json":
        print_json([{"code": d.code, "name": d.name, "kind": d.kind} for d in found])
        return 0
    print(text("park.districts_header", args.lang))
    for division in found:
        print(f"{division.code}\t{division.name}\t{text(f'park.kind.{division.kind}', args.lang)}")
    return 0
