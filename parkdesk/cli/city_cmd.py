"""`parkdesk city import|dashboard|evaluate|scheme`: the city bureau's 1234 goals dashboard and yearly evaluation.

(`city import` of the districts' roll-up packages lives in city_import_cmd.)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from parkdesk.atomic_files import write_atomically
from parkdesk.city.dashboard import GoalsDashboard, goals_dashboard
from parkdesk.city.evaluation import Evaluation, evaluate, store_evaluation
from parkdesk.city.evaluation_workbook import write_evaluation_workbook
from parkdesk.figures.numbers import number
from parkdesk.city.labels import category_text, domain_text, grade_text, status_text
from parkdesk.city.scoring import default_scheme, load_scheme
from parkdesk.city.texts import t
from parkdesk.cli.city_import_cmd import add_import_parser
from parkdesk.cli.common import add_format_option, print_json, year_argument
from parkdesk.db.workspace import open_workspace
from parkdesk.messages import message
from parkdesk.reference.goals import GOAL_BY_KEY


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

    parser = commands.add_parser("scheme", parents=[parent],
                                 help="输出内置考核方案 JSON,可据此修改 / print the built-in scoring scheme as JSON")
    parser.add_argument("--out", type=Path, metavar="FILE", help="写入文件而非屏幕 / write to a file")
    parser.set_defaults(run=run_scheme)


def run_dashboard(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        dashboard = goals_dashboard(session, args.year)
    if args.pdf:
        from parkdesk.city.dashboard_pdf import write_dashboard_pdf

        write_dashboard_pdf(dashboard, args.pdf, lang=args.lang)
    if args.format == "json":
        print_json(dashboard.to_json())
    else:
        _print_dashboard(dashboard, args.lang)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    scheme = load_scheme(args.scheme) if args.scheme else default_scheme()
    with open_workspace(args.workspace) as workspace, workspace.write_session() as session:
        with session.begin():  # stored only when the exports were written
            evaluation = evaluate(session, args.year, scheme)
            record = store_evaluation(session, evaluation, workspace.actor)
            write_evaluation_workbook(evaluation, args.out, lang=args.lang, record=record)
            if args.pdf:
                from parkdesk.city.evaluation_pdf import write_evaluation_pdf

                write_evaluation_pdf(evaluation, args.pdf, lang=args.lang, record=record,
                                     dashboard=goals_dashboard(session, args.year))
            record_id = record.id
    if args.format == "json":
        print_json({"evaluation_id": record_id, **evaluation.to_json()})
        return 0
    _print_ranking(evaluation, args.lang)
    print(message("city.evaluated", args.lang, year=args.year, evaluation_id=record_id, parks=len(evaluation.parks),
                  fingerprint=evaluation.fingerprint[:16], path=args.out))
    return 0


def run_scheme(args: argparse.Namespace) -> int:
    text = json.dumps(default_scheme().to_json(), ensure_ascii=False, indent=2) + "\n"
    if args.out is None:
        sys.stdout.write(text)
        return 0
    write_atomically(args.out, text.encode("utf-8"))
    return 0


def _print_dashboard(dashboard: GoalsDashboard, lang: str) -> None:
    print(t("dashboard_title", lang, year=dashboard.year))
    print(t("counted", lang, statuses=", ".join(status_text(s, lang) for s in dashboard.counted_statuses),
            parks=len(dashboard.parks)))
    for goal in dashboard.goals:
        reference = GOAL_BY_KEY[goal.key]
        target = "" if goal.target is None else f" / {number(goal.target)}"
        met = t("no_target", lang) if goal.met is None else t("yes" if goal.met else "no", lang)
        print(f"  {reference.group.text(lang)}\t{reference.label.text(lang)}\t{number(goal.value)}{target}\t{met}")
    empty = [f"{domain_text(c.domain, lang)} × {category_text(c.category, lang)}" if c.category
             else domain_text(c.domain, lang) for c in dashboard.domains.empty_cells]
    if empty:
        print("  " + t("empty_cells", lang, cells="、".join(empty)))
    if dashboard.districts.missing:
        print("  " + t("without_park", lang, names="、".join(d.name for d in dashboard.districts.missing)))
    if dashboard.uncounted:
        print("  " + t("uncounted", lang, parks="、".join(
            f"{p.name}({status_text(p.status, lang) or '—'})" for p in dashboard.uncounted)))


def _print_ranking(evaluation: Evaluation, lang: str) -> None:
    for result in evaluation.parks:
        print(f"{result.rank}\t{result.park.code}\t{result.park.name}\t{number(result.score.score)}\t"
              f"{grade_text(result.grade, lang)}\t{number(result.reward)}")
