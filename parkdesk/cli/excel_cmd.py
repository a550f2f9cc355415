"""`parkdesk excel template|import|export|task-table`: spreadsheets in and out.

`excel import` exits 0 when everything was imported, 1 when rows were
rejected (nothing imported, or only the valid rows with --valid-only),
2 when the file could not be read. `--dry-run` prints the preview (the merge
rules, what each sheet would add, change and, with --mirror, delete) and
writes nothing; it exits as the import would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.options import add_format_option, add_park_option, year_argument

TEXT_PROBLEM_LIMIT = 50  # problems printed one by one in text output; the error workbook has them all


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser("excel", parents=[parent],
                                   help="Excel 模板、导入与导出 / Excel templates, import, export",
                                   description="Excel 模板、导入与导出 / Excel templates, import and export.")
    commands = parser.add_subparsers(dest="excel_command", metavar="COMMAND", required=True)

    template = commands.add_parser(
        "template", parents=[parent], help="生成空白年报工作簿(导入模板) / write the blank report workbook (template)",
        description="空白年报工作簿:与导出的年报格式相同,每部分一张工作表,填好后可整本导入。 / The blank report "
                    "workbook: the same layout as an exported report, a sheet per part; a filled one imports whole.")
    template.add_argument("--out", type=Path, required=True, help="模板文件(.xlsx)/ the template file (.xlsx)")
    template.set_defaults(run=run_template)

    importing = commands.add_parser(
        "import", parents=[parent], help="从表格导入年报的各部分 / import a spreadsheet into a report",
        description="导入 .xlsx/.xls/.ods:年报工作簿的每张工作表(或别的表格),自动识别表头和列,逐个单元格检查。"
                    "企业按信用代码(无则按名称)、带“编号(ID)”的表按编号与已有记录对应:对应上的修改,其余新增;"
                    "空白单元格不修改,#清空 清空;工作簿中没有的行保留(--mirror 则删除)。"
                    "退出码:0 全部导入;1 有行未通过检查(无法读取的单元格等);2 文件无法读取。 / "
                    "Import .xlsx/.xls/.ods: each sheet of a report workbook (or any table); the header and columns "
                    "are found, every cell is checked. Enterprises match by credit code (else name), sheets with an "
                    "ID column by ID: matches are changed, other rows added; a blank cell changes nothing, #clear "
                    "clears; rows missing from the workbook are kept (--mirror deletes them). "
                    "Exit 0: everything imported; 1: rows were rejected (cells that cannot be read…); "
                    "2: the file could not be read.")
    importing.add_argument("workspace", type=Path, metavar="WORKSPACE")
    add_park_option(importing)
    importing.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    importing.add_argument("file", type=Path, metavar="FILE", help="要导入的表格 / the spreadsheet to import")
    importing.add_argument("--sheet", metavar="NAME", help="只导入这张工作表 / import this sheet only")
    importing.add_argument("--valid-only", action="store_true",
                           help="只导入未被拒绝的行(默认:有任何行无法读取则全部不导入) / import the rows that are "
                                "not rejected (default: nothing when any row is rejected)")
    importing.add_argument("--mirror", action="store_true",
                           help="删除工作簿中没有的行(企业、产业链、里程碑、平台;预览先列出数量) / delete the rows "
                                "the workbook leaves out (enterprises, chain map, milestones, platforms; the preview "
                                "counts them first)")
    importing.add_argument("--dry-run", action="store_true",
                           help="只打印预览,不写入工作区 / print the preview only, write nothing")
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
    from parkdesk.excel.template import write_template
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".xlsx",), args.lang)
    write_template(out, args.lang)
    print(text("excel.template_written", args.lang, path=out))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from parkdesk.app.reports import report_id_of
    from parkdesk.db.workspace import open_workspace
    from parkdesk.excel.report_workbook import write_report_workbook
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".xlsx",), args.lang)
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        write_report_workbook(session, report_id_of(workspace, args.park, args.year), out, args.lang)
    print(text("excel.report_written", args.lang, path=out))
    return 0


def run_task_table(args: argparse.Namespace) -> int:
    from parkdesk.db.workspace import open_workspace
    from parkdesk.excel.task_table import write_task_table
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".xlsx",), args.lang)
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        stats = write_task_table(session, args.year, out, args.lang)
    print(text("excel.task_table_written", args.lang, path=out, parks=stats.parks, rows=stats.rows))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from parkdesk.app import workbooks
    from parkdesk.app.reports import report_id_of
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.excel.error_workbook import write_error_workbook
    from parkdesk.excel.errors import ImportRejected

    lang = args.lang
    with open_workspace(args.workspace) as workspace:
        report_id = report_id_of(workspace, args.park, args.year)
        preview = workbooks.preview(workspace, report_id, args.file, sheet=args.sheet, mirror=args.mirror)
        errors_out = None
        if args.errors_out is not None and any(plan.problems() for plan in preview.plans):
            errors_out = write_error_workbook(preview.source, preview.plans, args.errors_out, lang=lang,
                                              grids=preview.grids)
        outcome, refused = None, None
        if not args.dry_run:
            try:
                outcome = workbooks.apply(workspace, preview.plans, valid_only=args.valid_only)
            except ImportRejected as error:
                refused = error
    if args.format == "json":
        print_json(_json(preview, outcome, errors_out, lang))
    else:
        _print_text(preview, outcome, refused, errors_out, lang, args.dry_run)
    return 1 if preview.has_errors else 0


def _json(preview, outcome, errors_out: Path | None, lang: str) -> dict:
    from parkdesk.excel.instructions import MERGE_RULES

    return {
        "file": str(preview.source), "format": preview.format, "imported": outcome is not None,
        "mirror": preview.mirror, "merge_rules": [rule.text(lang) for rule in MERGE_RULES],
        "outcome": None if outcome is None else {"new": outcome.inserted, "changed": outcome.updated,
                                                 "unchanged": outcome.unchanged, "rejected_left_out": outcome.skipped,
                                                 "deleted": outcome.deleted},
        "notices": [notice.message(lang) for notice in preview.notices],
        "sheets": [plan.summary_json(lang) for plan in preview.plans],
        "errors_workbook": str(errors_out) if errors_out else None,
    }


def _print_text(preview, outcome, refused, errors_out: Path | None, lang: str, dry_run: bool) -> None:
    from parkdesk.excel.instructions import MERGE_RULES
    from parkdesk.texts import text
    from parkdesk.validation.findings import SEVERITY_LABELS

    if dry_run:
        print(text("excel.merge_rules", lang))
        for rule in MERGE_RULES:
            print(f"  - {rule.text(lang)}")
    for notice in preview.notices:
        print(notice.message(lang))
    shown = 0
    for plan in preview.plans:
        print(_summary(plan, lang))
        for notice in plan.notices[1:]:
            print(f"  {notice.message(lang)}")
        if plan.deleted:
            print(f"  {plan.deletion_message(lang)}")
        for problem in plan.problems():
            if shown < TEXT_PROBLEM_LIMIT:
                rejected = f" {text('excel.row_rejected', lang)}" if problem.blocking else ""
                print(f"  {problem.cell():>7} [{SEVERITY_LABELS[problem.severity].text(lang)}] "
                      f"{problem.message(lang)}{rejected}")
            shown += 1
    if shown > TEXT_PROBLEM_LIMIT:
        print(text("excel.more_problems", lang, count=shown - TEXT_PROBLEM_LIMIT))
    if not preview.mirror:
        print(text("excel.mirror_off", lang))
    if errors_out is not None:
        print(text("excel.errors_written", lang, path=errors_out))
    if dry_run:
        print(text("excel.dry_run", lang))
    elif refused is not None:
        print(refused.message(lang), file=sys.stderr)
    elif outcome is not None:
        print(text("excel.imported", lang, new=outcome.inserted, changed=outcome.updated, deleted=outcome.deleted,
                   skipped=outcome.skipped))


def _summary(plan, lang: str) -> str:
    from parkdesk.texts import text

    counts = plan.counts()
    return text("excel.summary", lang, what=plan.what, sheet=plan.mapping.sheet, row=plan.mapping.header_row + 1,
                **counts)
