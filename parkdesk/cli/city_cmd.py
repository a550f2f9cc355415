"""`parkdesk city import|rollups|dashboard|evaluate|recognize|recognitions|third-party|scheme`: the city bureau's
1234 goals dashboard, yearly evaluation and its own records.

(`city import` and `city rollups`, the districts' roll-up packages, live in city_import_cmd; the text output in
city_text.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from parkdesk.cli.city_import_cmd import add_import_parser
from parkdesk.cli.options import add_format_option, date_argument, year_argument


def add_parser(subparsers, parent) -> None:
    group = subparsers.add_parser("city", parents=[parent],
                                  help="市局:1234 目标看板与年度考核评价 / city bureau: 1234 goals and yearly evaluation")
    commands = group.add_subparsers(dest="city_command", metavar="COMMAND", required=True)
    add_import_parser(commands, parent)

    parser = commands.add_parser(
        "dashboard", parents=[parent], help="“1234”发展目标看板 / the 1234 goals dashboard",
        description="按已定稿、已报送、已通过的年报计算当年“1234”目标进展 / the 1234 goals of a year, from the "
                    "finalized, submitted and accepted reports")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / year")
    add_format_option(parser)
    parser.add_argument("--pdf", type=Path, metavar="FILE", help="另存为 PDF / also write it as a PDF")
    parser.set_defaults(run=run_dashboard)

    parser = commands.add_parser(
        "evaluate", parents=[parent], help="年度考核评价(排名、等次、奖励)/ the yearly evaluation",
        description="按考核方案为园区评分、排名、评定等次和奖励,结果存入工作区并导出工作簿 / score, rank, grade and reward "
                    "the parks by a scoring scheme; the result is stored in the workspace and written as a workbook")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / year")
    parser.add_argument("--scheme", type=Path, metavar="FILE",
                        help="考核方案 JSON(默认为内置方案,见 parkdesk city scheme)/ scoring scheme JSON "
                             "(default: the built-in one, see parkdesk city scheme)")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx", help="输出的工作簿 / workbook to write")
    parser.add_argument("--pdf", type=Path, metavar="FILE", help="同时生成 PDF(含目标看板)/ also write a PDF "
                                                                 "(with the goals dashboard)")
    add_format_option(parser)
    parser.set_defaults(run=run_evaluate)

    parser = commands.add_parser(
        "recognize", parents=[parent], help="记录园区类别或认定级别的变更(动态认定)/ record a change of a park's "
                                            "category or level",
        description="记录市局认定的园区新类别和/或认定级别,含生效日期和文号;该日期所在年度及以后的看板和考核评价采用之。 "
                    "/ Records the category and/or recognition level the city recognised a park in, with the date "
                    "and the document number; dashboards and evaluations of that year and later use it.")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--park", required=True, metavar="CODE", help="园区代码 / park code")
    parser.add_argument("--date", required=True, type=date_argument, metavar="YYYY-MM-DD",
                        help="生效日期 / effective date")
    parser.add_argument("--document", required=True, metavar="NUMBER", help="认定文件文号 / document number")
    parser.add_argument("--category", metavar="CATEGORY",
                        help="新类别:first_class|comprehensive|startup 或中文名 / new category (key or name)")
    parser.add_argument("--level", metavar="LEVEL",
                        help="新认定级别:national|provincial|municipal|county|none 或中文名 / new level (key or name)")
    parser.add_argument("--note", metavar="TEXT", help="说明 / note")
    parser.set_defaults(run=run_recognize)

    parser = commands.add_parser("recognitions", parents=[parent],
                                 help="列出记录的认定变更 / list the recorded recognition changes")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    add_format_option(parser)
    parser.set_defaults(run=run_recognitions)

    parser = commands.add_parser(
        "third-party", parents=[parent], help="录入第三方机构的考核评价结果 / record the third party's evaluation "
                                              "result",
        description="录入第三方评价机构给某园区某年度评定的等次(可含得分和文号);考核评价以之为准,parkdesk 得分仅供参考。"
                    "再次录入同一园区同一年度即替换。 / Records the grade the third-party evaluator gave a park for a "
                    "year (with its score and document number if given); the evaluation uses it, parkdesk's own "
                    "score is then for reference. Recording the same park and year again replaces it.")
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / year")
    parser.add_argument("--park", required=True, metavar="CODE", help="园区代码 / park code")
    parser.add_argument("--grade", required=True, metavar="GRADE",
                        help="等次:excellent|good|pass|fail 或 优秀|良好|合格|不合格 / the grade")
    parser.add_argument("--evaluator", required=True, metavar="NAME", help="第三方评价机构 / the evaluator")
    parser.add_argument("--score", metavar="N", help="第三方给出的得分(可选)/ its score, if any")
    parser.add_argument("--document", metavar="NUMBER", help="评价报告或文件编号(可选)/ its document number")
    parser.set_defaults(run=run_third_party)

    parser = commands.add_parser("scheme", parents=[parent],
                                 help="输出内置考核方案 JSON,可据此修改 / print the built-in scoring scheme as JSON")
    parser.add_argument("--out", type=Path, metavar="FILE", help="写入文件而非屏幕 / write to a file")
    parser.set_defaults(run=run_scheme)


def run_dashboard(args: argparse.Namespace) -> int:
    from parkdesk.app import city
    from parkdesk.cli.city_text import print_dashboard
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace

    with open_workspace(args.workspace) as workspace:
        dashboard = city.dashboard(workspace, args.year, pdf=args.pdf, lang=args.lang)
    if args.format == "json":
        print_json(dashboard.to_json())
    else:
        print_dashboard(dashboard, args.lang)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from parkdesk.app import city
    from parkdesk.cli.city_text import print_ranking
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".xlsx",), args.lang)
    pdf = output_path(args.pdf, (".pdf",), args.lang) if args.pdf is not None else None
    scheme = city.scheme(args.scheme)
    with open_workspace(args.workspace) as workspace:
        evaluation, record_id = city.evaluate(workspace, args.year, scheme, out, pdf=pdf, lang=args.lang)
    if args.format == "json":
        print_json({"evaluation_id": record_id, **evaluation.to_json()})
        return 0
    print_ranking(evaluation, args.lang)
    print(text("city.evaluated", args.lang, year=args.year, evaluation_id=record_id, parks=len(evaluation.parks),
                  fingerprint=evaluation.fingerprint[:16], path=out))
    return 0


def run_recognize(args: argparse.Namespace) -> int:
    from parkdesk.app import city
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        city.recognize(workspace, args.park, args.date, args.document, category=args.category, level=args.level,
                       note=args.note)
    print(text("city.recognition_recorded", args.lang, park=args.park, date=args.date.isoformat(),
                  document=args.document))
    return 0


def run_recognitions(args: argparse.Namespace) -> int:
    from parkdesk.app import city
    from parkdesk.cli.city_text import print_recognitions
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace

    with open_workspace(args.workspace) as workspace:
        rows = city.recognitions(workspace)
    if args.format == "json":
        print_json([{"park": r.park_code, "date": r.effective_date.isoformat(), "document_number": r.document_number,
                     "category": r.category, "level": r.level, "note": r.note} for r in rows])
    else:
        print_recognitions(rows, args.lang)
    return 0


def run_third_party(args: argparse.Namespace) -> int:
    from parkdesk.app import city
    from parkdesk.city.labels import grade_text
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        grade = city.record_third_party(workspace, args.year, args.park, args.grade, args.evaluator,
                                        score=args.score, document_number=args.document)
    print(text("city.third_party_recorded", args.lang, park=args.park, year=args.year,
                  grade=grade_text(grade, args.lang), evaluator=args.evaluator))
    return 0


def run_scheme(args: argparse.Namespace) -> int:
    from parkdesk.app import city

    from parkdesk.cli.common import output_path
    from parkdesk.texts import text

    out = output_path(args.out, (".json",), args.lang) if args.out is not None else None
    words = city.write_default_scheme(out)
    if out is None:
        sys.stdout.write(words)
    else:
        print(text("city.scheme_written", args.lang, path=out))
    return 0
