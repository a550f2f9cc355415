"""`parkdesk report pdf`: a park's annual summary as a printable PDF with the Chinese font embedded."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.options import add_park_option, add_workspace_argument, year_argument


def add_parser(subparsers, parent) -> None:
    group = subparsers.add_parser("report", parents=[parent], help="年报输出(PDF)/ report output (PDF)")
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


def run_pdf(args: argparse.Namespace) -> int:
    from parkdesk.app import exports, reports
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text
    from parkdesk.pdf.undrawable import undrawable_lines

    with open_workspace(args.workspace) as workspace:
        written = exports.report_pdf(workspace, reports.report_id_of(workspace, args.park, args.year), args.out,
                                     lang=args.lang, appendix=args.appendix)
    print(text("pdf.written", args.lang, path=written.path))
    for line in undrawable_lines(written.undrawable, args.lang):
        print(line, file=sys.stderr)
    return 0
