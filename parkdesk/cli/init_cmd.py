"""`parkdesk init`: create an empty workspace."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.db.workspace import ROLE_OPERATOR, create_workspace
from parkdesk.messages import message


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser("init", parents=[parent], help="创建空工作区 / create an empty workspace")
    parser.add_argument("--out", type=Path, required=True, help="新工作区文件 / the new workspace file")
    parser.add_argument("--role", choices=(ROLE_OPERATOR,), default=ROLE_OPERATOR,
                        help="工作区角色 / the workspace's role (default: operator)")
    parser.add_argument("--name", help="工作区名称 / a name shown in the window title")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with create_workspace(args.out, role=args.role, name=args.name):
        pass
    print(message("cli.init_written", args.lang, path=args.out))
    return 0
