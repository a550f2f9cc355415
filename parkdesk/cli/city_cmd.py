"""`parkdesk city import|dashboard|evaluate|recognize|recognitions|third-party|scheme`: the city bureau's 1234
goals dashboard, yearly evaluation and its own records.

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
from parkdesk.city.city_records import record_recognition_change, record_third_party_result, recognition_changes
from parkdesk.city.labels import category_text, domain_text, grade_text, level_text, status_text
from parkdesk.city.scoring import default_scheme, load_scheme
from parkdesk.city.texts import t
from parkdesk.cli.city_import_cmd import add_import_parser
from parkdesk.cli.common import add_format_option, date_argument, print_json, year_argument
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


def run_recognize(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.writing() as session:
        record_recognition_change(session, args.park, args.date, args.document, category=args.category,
                                  level=args.level, note=args.note, actor=workspace.actor)
    print(message("city.recognition_recorded", args.lang, park=args.park, date=args.date.isoformat(),
                  document=args.document))
    return 0


def run_recognitions(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        rows = [(code, c.effective_date, c.document_number, c.category, c.level, c.note)
                for code, c in recognition_changes(session)]
    if args.format == "json":
        print_json([{"park": code, "date": day.isoformat(), "document_number": document, "category": category,
                     "level": level, "note": note} for code, day, document, category, level, note in rows])
        return 0
    for code, day, document, category, level, note in rows:
        print("\t".join([code, day.isoformat(), document, category_text(category, args.lang) or "—",
                         level_text(level, args.lang) or "—", note or ""]))
    return 0


def run_third_party(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.writing() as session:
        row = record_third_party_result(session, args.year, args.park, args.grade, args.evaluator, score=args.score,
                                        document_number=args.document, actor=workspace.actor)
        grade = row.grade
    print(message("city.third_party_recorded", args.lang, park=args.park, year=args.year,
                  grade=grade_text(grade, args.lang), evaluator=args.evaluator))
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
    for section in dashboard.district_reports:
        print(f"  {t('district_reports', lang)} · {section.district_name}({section.district_code})")
        if section.report.progress:
            print("    " + section.report.progress.replace("\n", "\n    "))
        for planned in section.report.planned_parks:
            print(f"    {t('planned_parks', lang)}: {planned.name}\t{domain_text(planned.domain, lang)}\t"
                  f"{category_text(planned.category, lang)}\t{planned.expected_year}")
    if dashboard.not_filed:
        print("  " + t("not_filed", lang, parks="、".join(f"{p.name}({p.code})" for p in dashboard.not_filed)))
    if dashboard.uncounted:
        print("  " + t("uncounted", lang, parks="、".join(
            f"{p.name}({status_text(p.status, lang) or '—'})" for p in dashboard.uncounted)))


def _print_ranking(evaluation: Evaluation, lang: str) -> None:
    print("\t".join(t(k, lang) for k in ("rank", "code", "park", "score", "grade", "reward")))
    for result in evaluation.parks:
        grade = grade_text(result.grade, lang)
        if result.third_party is not None:
            grade += f"*({grade_text(result.own_grade, lang)})"
        print(f"{result.rank}\t{result.park.code}\t{result.park.name}\t{number(result.score.score)}\t"
              f"{grade}\t{number(result.reward)}")
    if any(r.third_party for r in evaluation.parks):
        print(t("third_party_note", lang))
