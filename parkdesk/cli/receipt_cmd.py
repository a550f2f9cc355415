"""`parkdesk receipt import`: the operator takes in a district's signed decision on one of its packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import add_format_option, add_workspace_argument


def add_parser(subparsers, parent) -> None:
    group = subparsers.add_parser("receipt", parents=[parent],
                                  help="园区:导入区县的审核回执 / operator: import a district's decision receipt")
    commands = group.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    parser = commands.add_parser(
        "import", parents=[parent], help="导入审核回执(.parkreview)/ import a decision receipt (.parkreview)",
        description="验证回执的签名(区县须受信任:在信任列表中,或是为本工作区签发证书的区县),核对它答复的数据包,"
                    "把每条意见放到对应的栏目、记录或字段旁;退回的年报重新开放编辑。退出码:0 已导入;1 被拒绝(签名者不受信任、"
                    "无对应数据包、签名无效);2 文件无法读取。 / Verifies the receipt's signature (the district must be "
                    "trusted: in the trust store, or the one that issued this workspace's certificates), matches the "
                    "package it answers, and keeps each comment beside its section, record or field; a returned "
                    "report opens for editing again. Exit codes: 0 imported; 1 refused (untrusted signer, no such "
                    "package, bad signature); 2 the file cannot be read.")
    add_workspace_argument(parser)
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--trust", type=Path, action="append", default=[], metavar="CERT",
                        help="另外信任该文件中的第一个证书(区县证书,可多次指定)/ trust the first certificate of this "
                             "file as well (a district's; repeatable)")
    add_format_option(parser)
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from parkdesk.app.receipts import import_receipt
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text
    from parkdesk.reference.choices import REPORT_STATUSES, label_of
    from parkdesk.review.states import REVIEW_STATES

    with open_workspace(args.workspace) as workspace:
        result = import_receipt(workspace, args.file, trust_files=args.trust)
    if args.format == "json":
        print_json(result.__dict__)
        return 0
    lang = args.lang
    if result.already:
        print(text("receipt.already", lang))
        return 0
    print(text("receipt.imported", lang, district=result.district_name, park=result.park_name, year=result.year,
                  decision=label_of(REVIEW_STATES, result.decision, lang), comments=result.comments,
                  before=label_of(REPORT_STATUSES, result.status_before, lang),
                  after=label_of(REPORT_STATUSES, result.status_after, lang)))
    if not result.applied:
        print(text("receipt.not_applied", lang))
    return 0
