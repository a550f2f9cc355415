"""`parkdesk backup` and `parkdesk restore`: copies of a workspace taken and put back safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.options import add_format_option


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "backup", parents=[parent], help="备份工作区或列出备份 / back a workspace up, or list its backups",
        description="用 SQLite 在线备份接口复制工作区(打开中的也可以);默认写入工作区旁的 backups 文件夹。 / "
                    "Copy a workspace (open or not) with SQLite's online backup API; by default into the "
                    "backups folder beside it.")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--out", type=Path, metavar="FILE",
                      help="备份文件(不能已存在)/ the backup file to write (must not exist)")
    what.add_argument("--list", action="store_true",
                      help="列出该工作区的备份,最新的在前 / list the workspace's backups, newest first")
    add_format_option(parser)
    parser.set_defaults(run=run_backup)

    parser = subparsers.add_parser(
        "restore", parents=[parent], help="用备份恢复工作区 / restore a workspace from a backup",
        description="先检查备份(integrity_check、foreign_key_check);被替换的工作区会先另存到其 backups 文件夹。"
                    "恢复前请关闭使用该工作区的程序。 / The backup is checked first (integrity_check, "
                    "foreign_key_check); a workspace being replaced is saved to its backups folder first. "
                    "Close any program using the workspace before restoring.")
    parser.add_argument("backup", type=Path, metavar="BACKUP")
    parser.add_argument("--to", type=Path, required=True, metavar="WORKSPACE",
                        help="恢复到的工作区文件 / the workspace file to restore to")
    parser.add_argument("--force", action="store_true",
                        help="替换已存在的工作区(先另存一份)/ replace an existing workspace (saved first)")
    parser.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from parkdesk.app import workspaces
    from parkdesk.texts import text

    if args.list:
        return _print_list(args)
    target = workspaces.backup(args.workspace, args.out)
    print(text("backup.written", args.lang, path=target))
    return 0


def _print_list(args: argparse.Namespace) -> int:
    from parkdesk.app import workspaces
    from parkdesk.cli.common import print_json
    from parkdesk.texts import text

    backups = workspaces.backups(args.workspace)
    if args.format == "json":
        print_json([{"path": str(b.path), "taken": b.taken.isoformat(), "kind": b.kind,
                     "bytes": b.path.stat().st_size} for b in backups])
        return 0
    if not backups:
        print(text("backup.none", args.lang, path=args.workspace), file=sys.stderr)
        return 0
    print(text("backup.list_header", args.lang))
    for backup in backups:
        kind = text(f"backup.kind.{backup.kind}", args.lang)
        size = f"{backup.path.stat().st_size / 2**20:.1f} MB"
        print(f"{backup.taken:%Y-%m-%d %H:%M:%S}\t{kind}\t{size}\t{backup.path}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from parkdesk.app import workspaces
    from parkdesk.texts import text

    outcome = workspaces.restore(args.backup, args.to, force=args.force)
    if outcome.previous is not None:
        print(text("backup.previous_saved", args.lang, path=outcome.previous))
    print(text("backup.restored", args.lang, path=outcome.workspace, backup=args.backup))
    return 0
