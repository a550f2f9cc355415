"""`parkdesk comments`: the district's comments on a report, each beside the field or row it is about.

In an operator's workspace: the comments of every decision receipt received for the report, with the
receipt's decision; in a district's workspace: the comments made on the packages of that park and year."""

from __future__ import annotations

import argparse

from parkdesk.cli.options import add_format_option, add_park_option, add_workspace_argument, year_argument


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "comments", parents=[parent], help="查看区县对年报的审核意见 / the district's comments on a report",
        description="按位置列出区县的审核意见(运营机构工作区:已导入回执中的意见及其审核决定;区县工作区:对该园区该年度"
                    "数据包的意见)。 / The district's comments on a report, each with where it is (an operator's "
                    "workspace: the comments of the imported receipts, with their decision; a district's: those "
                    "made on the park's packages of the year).")
    add_workspace_argument(parser)
    add_park_option(parser)
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / report year")
    add_format_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.reference.choices import label_of
    from parkdesk.review.states import REVIEW_STATES
    from parkdesk.review.times import shown_time
    from parkdesk.texts import text

    lang = args.lang
    with open_workspace(args.workspace) as workspace:
        report_id = reports.report_id_of(workspace, args.park, args.year)
        found = reports.comments(workspace, report_id, lang)
    if args.format == "json":
        print_json([{**item.comment.to_json(), "where": item.where} for item in found])
        return 0
    if not found:
        print(text("comments.none", lang))
        return 0
    print(text("comments.header", lang))
    for item in found:
        comment = item.comment
        decision = label_of(REVIEW_STATES, comment.decision, lang) if comment.decision else "—"
        earlier = "" if comment.current else " " + text("comments.earlier", lang)
        print("\t".join([item.where, " ".join(comment.text.split()), comment.author,
                         shown_time(comment.created_at), decision + earlier]))
    return 0
