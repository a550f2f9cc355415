"""Entry point of the `parkdesk` command.

    parkdesk [WORKSPACE]           open the GUI on WORKSPACE (else the last one used)
    parkdesk SUBCOMMAND ...        see `parkdesk --help`

Exit codes: 0 success, 1 the input was read but has problems,
2 the input could not be read or used.

Start-up is kept short: the subcommand modules build their parsers from the
standard library alone and import what they do when they run (see
benchmarks/bench_cli.py); `--version` answers before any parser is built.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from importlib import import_module

from parkdesk import __version__
from parkdesk.cli.options import lang_parent

# the modules that add the subcommands, in the order `parkdesk --help` lists them
SUBCOMMANDS = ("demo_cmd", "init_cmd", "parks_cmd", "park_cmd", "validate_cmd", "report_cmds", "report_pdf_cmd", "keys_cmd",
               "package_cmd", "backup_cmd", "excel_cmd", "city_cmd", "review_cmd", "comments_cmd", "receipt_cmd", "rollup_cmd")

DESCRIPTION = (
    "parkdesk — 济南市服务贸易(外包)园区(基地)年报桌面工具 / "
    "offline desktop tool for Jinan's service-trade (outsourcing) park reports.\n\n"
    "  parkdesk [WORKSPACE]     打开图形界面 / open the GUI on WORKSPACE (else the last one used)\n"
    "  parkdesk COMMAND --help  各子命令的帮助 / help on a command\n\n"
    "退出码 / exit codes: 0 成功 success; 1 输入有问题 input read but has problems; "
    "2 输入无法读取或使用 input could not be read or used."
)


def build_parser() -> argparse.ArgumentParser:
    parent = lang_parent(top_level=False)
    parser = argparse.ArgumentParser(
        prog="parkdesk", description=DESCRIPTION, parents=[lang_parent()],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"parkdesk {__version__}")
    parser.add_argument("--selftest", action="store_true",
                        help="自检:在临时文件夹中建工作区、校验、定稿、生成并验证数据包、生成 PDF、离屏显示窗口;"
                             "全部成功时退出码为 0 / self-test in a temporary folder: workspace, validation, "
                             "finalizing, a package built and verified, a PDF, the window drawn offscreen; "
                             "exit 0 if all worked")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        import_module(f"parkdesk.cli.{name}").add_parser(subparsers, parent)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parkdesk", parents=[lang_parent()],
                                     description="打开图形界面 / open the GUI")
    parser.add_argument("workspace", nargs="?", type=Path, metavar="WORKSPACE")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="显示窗口后截图保存并退出 / save a screenshot of the window, then quit")
    parser.add_argument("--new-workspace", action="store_true",
                        help="启动后立即打开新建工作区向导(菜单项“新建工作区”)/ open the new-workspace wizard at "
                             "once (the menu entry's \"New workspace\" action)")
    return parser


def _first_word(argv: list[str]) -> str | None:
    """The first argument that is not an option value: a subcommand, a workspace or a help flag."""
    skip_value = False
    for arg in argv:
        if skip_value:
            skip_value = False
        elif arg == "--lang":
            skip_value = True
        elif arg in ("-h", "--help", "--version") or not arg.startswith("-"):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = _first_word(argv)
    if first == "--version":
        print(f"parkdesk {__version__}")
        return 0
    from parkdesk.atomic_files import sweep_leftovers

    sweep_leftovers()  # temporary files of parkdesk processes that were killed: report data never lingers
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices)
    if first is None and "--selftest" in argv:
        args = parser.parse_args(argv)
        from parkdesk.selftest import run_selftest

        return _guarded(lambda: run_selftest(args.lang), args.lang)
    if first is None or (first not in commands and first not in ("-h", "--help", "--version")):
        args = build_gui_parser().parse_args(argv)
        from parkdesk.cli.gui_cmd import launch_gui

        lang = args.lang if "--lang" in argv or "PARKDESK_LANG" in os.environ else _saved_language(args.lang)
        return _guarded(lambda: launch_gui(args.workspace, lang, args.screenshot, args.new_workspace), lang)
    args = parser.parse_args(argv)
    return _guarded(lambda: args.run(args), args.lang, getattr(args, "workspace", None))


def _saved_language(fallback: str) -> str:
    """The GUI speaks the language chosen in it last time (Language menu or first-run wizard)."""
    from parkdesk.settings import load_settings

    saved = load_settings().language
    return saved if saved in ("zh", "en") else fallback


def _guarded(action, lang: str, workspace: Path | None = None) -> int:
    from parkdesk.cli.common import report_error
    from parkdesk.errors import ParkdeskError

    try:
        return action()
    except ParkdeskError as error:
        return report_error(error, lang)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        from parkdesk.db.sqlite_files import failed_write

        storage = failed_write(error, Path(workspace or "?"))  # locked past the timeout, disk full...
        if storage is not None:
            return report_error(storage, lang)
        from parkdesk.crashlog import one_line, write_crash_log
        from parkdesk.texts import text

        log = write_crash_log(error)  # a bug: say so plainly, keep the details in the log
        print(text("cli.internal_error", lang, error=one_line(error), log=log), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
