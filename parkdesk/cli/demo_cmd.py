"""`parkdesk demo`: build the deterministic demo workspace, then open it."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import positive_int

ROLES = ("operator", "reviewer", "city")  # parkdesk.db.workspace.ROLES
ROLE_OPERATOR, ROLE_REVIEWER, ROLE_CITY = ROLES


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[parent],
        help="生成演示工作区并打开 / build the demo workspace and open it",
        description="生成确定性的演示工作区:12 个园区,2022–2023 年已通过年报和 2024 年草稿。"
                    " / Build a deterministic demo workspace: the 12 parks, accepted 2022-2023 reports "
                    "and a 2024 draft.",
    )
    parser.add_argument("--out", type=Path, help="工作区文件路径(默认在用户数据文件夹)/ workspace file "
                        "(default: in the user's data folder, replaced each time)")
    parser.add_argument("--no-gui", action="store_true", help="只生成,不打开窗口 / build only, open no window")
    parser.add_argument("--enterprises", type=positive_int("--enterprises"), metavar="N",
                        help="每个园区 2024 年名录中的企业数 / enterprises in each park's 2024 list")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的 --out 文件 / replace an existing --out file")
    parser.add_argument("--role", choices=ROLES, default=ROLE_OPERATOR,
                        help="operator: 园区演示工作区;reviewer: 区县收件箱(审核中的数据包、意见、拒收的文件);city: "
                             "市局(各演示区县的签名汇总)。演示身份的口令均为 parkdesk-demo / operator: the parks' demo; "
                             "reviewer: a district's inbox mid-review (packages, comments, rejected files); city: "
                             "the city with every demo district's signed roll-up. Demo identities' passphrase: "
                             "parkdesk-demo")
    parser.add_argument("--district", default="370102", metavar="CODE",
                        help="区县演示的区县(默认 370102 历下区)/ the district of the reviewer demo (default 370102)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parkdesk.app import workspaces
    from parkdesk.texts import text

    path = args.out if args.out is not None else _default_path(args.role)
    overwrite = args.force or args.out is None
    stats = workspaces.create_demo(path, role=args.role, district=args.district, enterprises=args.enterprises,
                                   overwrite=overwrite)
    if args.role == ROLE_OPERATOR:
        print(text("cli.demo_written", args.lang, path=path, parks=stats.parks, reports=stats.reports,
                      enterprises=stats.enterprises))
    else:
        print(text("review.demo_written", args.lang, path=path, packages=stats.packages,
                      rejected=stats.rejected, rollups=stats.rollups))
    if args.no_gui:
        return 0
    from parkdesk.cli.gui_cmd import launch_gui

    return launch_gui(path, args.lang)


def _default_path(role: str) -> Path:
    from parkdesk.places import default_demo_path

    path = default_demo_path()
    return path if role == ROLE_OPERATOR else path.with_name(path.name.replace("demo.", f"demo-{role}.", 1))
