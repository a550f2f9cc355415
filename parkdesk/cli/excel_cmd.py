"""`parkdesk excel template|import|export|task-table`: spreadsheets in and out.

`excel import` exits 0 when everything was imported, 1 when rows were
rejected (nothing imported, or only the valid rows with --valid-only),
2 when the file could not be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.app.reports import report_id_of
from parkdesk.cli.common import print_json
from parkdesk.cli.options import add_format_option, add_park_option, year_argument
from parkdesk.db.workspace import open_workspace
from parkdesk.excel.apply import apply_import
from parkdesk.excel.error_workbook import write_error_workbook
from parkdesk.excel.errors import ImportRejected
from parkdesk.excel.importing import ImportPreview, preview_import
from parkdesk.excel.plan_model import ImportPlan
from parkdesk.excel.report_workbook import write_report_workbook
from parkdesk.excel.task_table import write_task_table
from parkdesk.excel.template import write_template
from parkdesk.texts import text
from parkdesk.validation.findings import SEVERITY_LABELS

TEXT_PROBLEM_LIMIT = 50  # problems printed one by one in text output; the error workbook has them all


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser("excel", parents=[parent],
                                   help="Excel 模板、导入与导出 / Excel templates, import, export",
                                   description="Excel 模板、导入与导出 / Excel templates, import and export.")
    commands = parser.add_subparsers(dest="excel_command", metavar="COMMAND", required=True)

    template = commands.add_parser("template", parents=[parent], help="生成导入模板 / write the import template")
    template.add_argument("--out", type=Path, required=True, help="模板文件(.xlsx)/ the template file (.xlsx)")
    template.set_defaults(run=run_template)

    importing = commands.add_parser(
        "import", parents=[parent], help="从表格导入企业名录、指标、里程碑、平台 / import a spreadsheet",
        description="导入 .xlsx/.xls/.ods:自动识别表头和列,逐个单元格检查。退出码:0 全部导入;1 有行未通过检查;"
                    "2 文件无法读取。 / Import .xlsx/.xls/.ods: the header and columns are found, "
                    "every cell is checked. "
                    "Exit 0: everything imported; 1: rows were rejected; 2: the file could not be read.")
    importing.add_argument("workspace", type=Path, metavar="WORKSPACE")
    add_park_option(importing)
    importing.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    importing.add_argument("file", type=Path, metavar="FILE", help="要导入的表格 / the spreadsheet to import")
    importing.add_argument("--sheet", metavar="NAME", help="只导入这张工作表 / import this sheet only")
    importing.add_argument("--valid-only", action="store_true",
                           help="只导入通过检查的行(默认:有任何问题则全部不导入) / import the valid rows only "
                                "(default: nothing when any row is rejected)")
    importing.add_argument("--errors-out", type=Path, metavar="FILE",
                           help="有问题时写出错误报告(.xlsx,问题单元格标色并附批注) / write the error workbook "
                                "(.xlsx, each bad cell highlighted with a comment)")
    add_format_option(importing)
    importing.set_defaults(run=run_import)

    export = commands.add_parser("export", parents=[parent], help="导出整份年报 / export a whole annual report")
    export.add_argument("workspace", type=Path, metavar="WORKSPACE")
    add_park_option(export)
    export.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    export.add_argument("--out", type=Path, required=True, help="输出文件(.xlsx)/ the workbook to write (.xlsx)")
    export.set_defaults(run=run_export)

    tasks = commands.add_parser("task-table", parents=[parent], help="导出任务表 / export the task table")
    tasks.add_argument("workspace", type=Path, metavar="WORKSPACE")
    tasks.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    tasks.add_argument("--out", type=Path, required=True, help="输出文件(.xlsx)/ the workbook to write (.xlsx)")
    tasks.set_defaults(run=run_task_table)


def run_template(args: argparse.Namespace) -> int:
    write_template(args.out, args.lang)
    print(text("excel.template_written", args.lang, path=args.out))
    return 0


def run_export(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        write_report_workbook(session, report_id_of(workspace, args.park, args.year), args.out, args.lang)
    print(text("excel.report_written", args.lang, path=args.out))
    return 0


def run_task_table(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        stats = write_task_table(session, args.year, args.out, args.lang)
    print(text("excel.task_table_written", args.lang, path=args.out, parks=stats.parks, rows=stats.rows))
    return 0


def run_import(args: argparse.Namespace) -> int:
    lang = args.lang
    with open_workspace(args.workspace) as workspace:
        with workspace.session() as session:
            preview = preview_import(session, report_id_of(workspace, args.park, args.year), args.file,
                                     sheet=args.sheet)
        errors_out = None
        if args.errors_out is not None and any(plan.problems() for plan in preview.plans):
            errors_out = write_error_workbook(preview.source, preview.plans, args.errors_out, lang=lang,
                                              grids=preview.grids)
        outcome, refused = None, None
        try:
            outcome = apply_import(workspace, preview.plans, valid_only=args.valid_only)
        except ImportRejected as error:
            refused = error
    if args.format == "json":
        print_json(_json(preview, outcome, errors_out, lang))
    else:
        _print_text(preview, outcome, refused, errors_out, lang)
    return 1 if preview.has_errors else 0


def _json(preview: ImportPreview, outcome, errors_out: Path | None, lang: str) -> dict:
    return {
        "file": str(preview.source), "format": preview.format, "imported": outcome is not None,
        "outcome": None if outcome is None else {"new": outcome.inserted, "changed": outcome.updated,
                                                 "unchanged": outcome.unchanged, "rejected_left_out": outcome.skipped},
        "notices": [notice.message(lang) for notice in preview.notices],
        "sheets": [plan.summary_json(lang) for plan in preview.plans],
        "errors_workbook": str(errors_out) if errors_out else None,
    }


def _print_text(preview: ImportPreview, outcome, refused, errors_out: Path | None, lang: str) -> None:
    for notice in preview.notices:
        print(notice.message(lang))
    shown = 0
    for plan in preview.plans:
        print(_summary(plan, lang))
        for notice in plan.notices[1:]:
            print(f"  {notice.message(lang)}")
        for problem in plan.problems():
            if shown < TEXT_PROBLEM_LIMIT:
                print(f"  {problem.cell():>7} [{SEVERITY_LABELS[problem.severity].text(lang)}] "
                      f"{problem.message(lang)}")
            shown += 1
    if shown > TEXT_PROBLEM_LIMIT:
        print(text("excel.more_problems", lang, count=shown - TEXT_PROBLEM_LIMIT))
    if errors_out is not None:
        print(text("excel.errors_written", lang, path=errors_out))
    if refused is not None:
        print(refused.message(lang), file=sys.stderr)
    elif outcome is not None:
        print(text("excel.imported", lang, new=outcome.inserted, changed=outcome.updated, skipped=outcome.skipped))


def _summary(plan: ImportPlan, lang: str) -> str:
    counts = plan.counts()
    return text("excel.summary", lang, what=plan.what, sheet=plan.mapping.sheet, row=plan.mapping.header_row + 1,
                **counts)
