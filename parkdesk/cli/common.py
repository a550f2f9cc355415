"""Conventions every subcommand shares: --lang, --format, --park, exit codes, output."""

from __future__ import annotations

import argparse
from datetime import date
import json
import os
import sys

from sqlalchemy import select

from parkdesk.db.models import Report
from parkdesk.db.queries import find_park
from parkdesk.errors import ParkdeskError, WorkspaceError
from parkdesk.messages import LANGS

FORMATS = ("text", "json")


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


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def report_error(error: ParkdeskError, lang: str) -> int:
    print(error.message(lang), file=sys.stderr)
    return error.exit_code


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


def resolve_park(session, value: str):
    """The park named by --park (short code or exact name), or a clear error (exit 2)."""
    park = find_park(session, value)
    if park is None:
        raise WorkspaceError("cli.park_not_found", park=value)
    return park


def resolve_report(session, park_value: str, year: int):
    park = resolve_park(session, park_value)
    report = session.scalars(select(Report).where(Report.park_id == park.id, Report.year == year)).first()
    if report is None:
        raise WorkspaceError("report.not_found", park=park.name, year=year)
    return report
