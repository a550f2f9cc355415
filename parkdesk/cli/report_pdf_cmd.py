"""`parkdesk report pdf`: a park's annual summary as a printable PDF with the Chinese font embedded;
`parkdesk report show`: the report's content, readably, in the terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.options import add_format_option, add_park_option, add_workspace_argument, year_argument


def add_parser(subparsers, parent) -> None:
    group = subparsers.add_parser("report", parents=[parent],
                                  help="查看年报内容或输出 PDF / show a report's content, or write its PDF")
    commands = group.add_subparsers(dest="report_command", metavar="COMMAND", required=True)
    parser = commands.add_parser(
        "pdf", parents=[parent], help="生成年报摘要 PDF / write the annual report summary as a PDF",
        description="生成园区年报摘要 PDF(嵌入中文字体;宽表附录为横向页)/ write a park's annual report summary as "
                    "a PDF (Chinese font embedded; the wide enterprise appendix on landscape pages). "
                    "字体 / font: PARKDESK_PDF_FONT, or the setting pdf_font, else a system font.")
    add_workspace_argument(parser)
    add_park_option(parser)
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help="输出的 PDF 文件 / the PDF to write")
    parser.add_argument("--no-appendix", dest="appendix", action="store_false",
                        help="不附完整企业名录 / leave out the full enterprise list")
    parser.set_defaults(run=run_pdf)

    show = commands.add_parser(
        "show", parents=[parent], help="按表单顺序显示年报的全部内容 / print the report's content, section by section",
        description="按表单顺序显示年报内容:表单项为“项目: 内容”,表格先列出列名。 / Print the report's content in the "
                    "form's order: form items as 'item: value', tables under a header line naming their columns.")
    add_workspace_argument(show)
    add_park_option(show)
    show.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    show.add_argument("--section", action="append", metavar="S",
                      help="只显示这一部分(编号、键或名称,如 5、enterprises、重点企业、配套企业名录表;可重复)/ only "
                           "this section (number, key or title; may repeat)")
    show.add_argument("--rows", type=int, default=None, metavar="N",
                      help="每张表最多显示 N 行(文本输出)/ at most N rows per table (text output)")
    add_format_option(show)
    show.set_defaults(run=run_show)


def run_pdf(args: argparse.Namespace) -> int:
    from parkdesk.app import exports, reports
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text
    from parkdesk.pdf.undrawable import undrawable_lines

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".pdf",), args.lang)
    with open_workspace(args.workspace) as workspace:
        written = exports.report_pdf(workspace, reports.report_id_of(workspace, args.park, args.year), out,
                                     lang=args.lang, appendix=args.appendix)
    print(text("pdf.written", args.lang, path=written.path))
    for line in undrawable_lines(written.undrawable, args.lang):
        print(line, file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.cli.common import print_json
    from parkdesk.cli.report_text import content_json, print_content
    from parkdesk.db.workspace import open_workspace
    from parkdesk.reference.choices import REPORT_STATUSES, label_of

    sections = [reports.section_key(value) for value in args.section] if args.section else None
    with open_workspace(args.workspace) as workspace:
        report_id = reports.report_id_of(workspace, args.park, args.year)
        code, name, year, status = reports.report_facts(workspace, report_id)
        content = reports.content(workspace, report_id, args.lang, sections)
    if args.format == "json":
        print_json({"park": name, "code": code, "year": year, "status": status, "sections": content_json(content)})
        return 0
    print(f"{name} ({code}) {year} [{label_of(REPORT_STATUSES, status, args.lang)}]")
    print_content(content, args.lang, limit=args.rows)
    return 0
