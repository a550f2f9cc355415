"""`parkdesk demo`: build the deterministic demo workspace, then open it."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.common import positive_int
from parkdesk.demo.builder import build_demo
from parkdesk.messages import message
from parkdesk.settings import default_demo_path


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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = args.out if args.out is not None else default_demo_path()
    overwrite = args.force or args.out is None
    path.parent.mkdir(parents=True, exist_ok=True)
    stats = build_demo(path, enterprises=args.enterprises, overwrite=overwrite)
    print(message("cli.demo_written", args.lang, path=path, parks=stats.parks, reports=stats.reports,
             enterprises=stats.enterprises))
    if args.no_gui:
        return 0
    from parkdesk.cli.gui_cmd import launch_gui

    return launch_gui(path, args.lang)
