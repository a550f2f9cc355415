"""What every subcommand's parser shares: --lang, --format, --park, --year and other checked options.

Light on purpose: `parkdesk --help` builds every subcommand's parser, so this module (and the parsers) import
nothing beyond the standard library; what a command does is imported when it runs.
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

LANGS = ("zh", "en")
FORMATS = ("text", "json")
ENV_PASSPHRASE = "PARKDESK_PASSPHRASE"  # parkdesk.identity.passphrase.ENV_VAR (imported lazily)
PASSPHRASE_HELP = (f"从文件第一行读取口令(否则读取环境变量 {ENV_PASSPHRASE},再否则在终端提示输入)/ read the "
                   f"passphrase from the file's first line (else from {ENV_PASSPHRASE}, else a prompt)")


def default_lang() -> str:
    lang = os.environ.get("PARKDESK_LANG", "zh")
    return lang if lang in LANGS else "zh"


def lang_parent(top_level: bool = True) -> argparse.ArgumentParser:
    """--lang, accepted before or after a subcommand (the subcommand's copy must not reset it)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--lang", choices=LANGS, default=default_lang() if top_level else argparse.SUPPRESS,
                        help="消息语言 / language of messages (default: zh)")
    return parent


def add_format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="输出格式 / output format (default: text)")


def add_park_option(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--park", required=required, metavar="CODE",
                        help="园区代码或完整名称 / the park's short code or its exact name")


def add_workspace_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)


def positive_int(option: str):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = 0
        if number < 1:
            raise argparse.ArgumentTypeError(f"{option}: {value}")
        return number

    return parse


def whole_number_between(low: int, high: int, what_zh: str, what_en: str):
    """An argparse type: a whole number from `low` to `high`, else a bilingual refusal (exit 2)."""
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{what_zh}须为 {low}–{high} 之间的整数 / {what_en} must be a whole "
                                             f"number from {low} to {high}: {value}")
        return number

    return parse


def date_argument(value: str) -> date:
    """An argparse type: a date as YYYY-MM-DD, else a bilingual refusal (exit 2)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期须为 YYYY-MM-DD / a date must be YYYY-MM-DD: {value}") from None


year_argument = whole_number_between(2000, 2100, "年度", "the year")
days_argument = whole_number_between(1, 36500, "有效天数", "the days of validity")
