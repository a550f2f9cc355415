"""`parkdesk review import|list|show|comment|decide|receipt`: the district officer's inbox and review."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import PASSPHRASE_HELP, add_format_option, add_workspace_argument, year_argument

STATE_KEYS = ("received", "has_problems", "returned", "approved")  # parkdesk.review.states.STATE_KEYS
ENTRY_HELP = "收件箱条目编号,或 园区代码:年度(该园区该年度当前有效的数据包)/ an inbox entry number, or PARK:YEAR " \
             "(the package standing for that park and year)"


def add_parser(subparsers, parent) -> None:
    group = subparsers.add_parser(
        "review", parents=[parent], help="区县:收件箱与审核 / district: the inbox and the review",
        description="接收园区数据包(验证后导入收件箱)、审核、提出意见、作出决定并生成签名回执。 / Receive the parks' "
                    "packages (verified into the inbox), review them, comment, decide, and write signed receipts.")
    commands = group.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    parser = _command(commands, parent, "import", "导入数据包(文件或文件夹)/ import packages (files or folders)",
                      "逐个验证并导入;未通过验证的列为“已拒收”并说明原因,不会作为数据导入。退出码:0 全部接收;1 有被拒收的文件。"
                      " / Each is verified and imported; one that fails is listed as rejected with the reason and "
                      "never imported as data. Exit codes: 0 all received; 1 some were rejected.")
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE|DIR")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)
    add_format_option(parser)
    parser.set_defaults(run=run_import)

    parser = _command(commands, parent, "list", "列出收件箱 / list the inbox")
    parser.add_argument("--year", type=year_argument, help="只列出该年度 / only this year")
    add_format_option(parser)
    parser.set_defaults(run=run_list)

    parser = _command(commands, parent, "overview", "本区县各园区各年度的报送情况 / the district's parks × years: "
                      "who has sent what",
                      "每个已知园区(工作区中属本区县的、已签发证书的、收到过文件的)在行动计划各年度的状态:未收到、只有被拒收的文件,"
                      "或其有效数据包的审核状态。 / Each park the district knows (placed in the district, issued a "
                      "certificate, or heard from) in each year of the plan: not received, refused only, or the "
                      "review state of the package that stands.")
    add_format_option(parser)
    parser.set_defaults(run=run_overview)

    parser = _command(commands, parent, "show", "查看一个条目:验证结果、意见、历史、与上一年度对比 / one entry: "
                      "verification, comments, history, year over year")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--rows", type=int, default=None, metavar="N",
                        help="年报内容中每张表最多显示 N 行(文本输出)/ at most N rows per table of the report's content")
    add_format_option(parser)
    parser.set_defaults(run=run_show)

    parser = _command(commands, parent, "sheet", "审核单:校验结果与说明、意见、历史和结论(PDF 或工作簿)/ the review "
                      "sheet: findings and justifications, comments, history, decision (PDF or workbook)")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE",
                        help="FILE.pdf 或 FILE.xlsx(工作簿的“审核意见”表即意见导出)/ FILE.pdf or FILE.xlsx (its "
                             "Comments sheet is the comments' export)")
    parser.set_defaults(run=run_sheet)

    parser = _command(commands, parent, "comment-edit", "修改尚未随回执发出的意见 / reword a comment not yet sent "
                      "with a receipt")
    parser.add_argument("comment", type=int, metavar="ID", help="意见编号(review show 列出)/ the comment's id "
                                                                 "(review show lists it)")
    parser.add_argument("--text", required=True, help="新的意见内容 / the new words")
    parser.set_defaults(run=run_comment_edit)

    parser = _command(commands, parent, "comment-delete", "撤回尚未随回执发出的意见 / take back a comment not yet "
                      "sent with a receipt")
    parser.add_argument("comment", type=int, metavar="ID", help="意见编号(review show 列出)/ the comment's id "
                                                                 "(review show lists it)")
    parser.set_defaults(run=run_comment_delete)

    parser = _command(commands, parent, "export", "导出条目数据包中的年报摘要 PDF、年报工作簿和附件 / write the "
                      "package's summary PDF, report workbook and attachments")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="写入的文件夹(不存在时创建)/ the folder to write into (made when missing)")
    parser.set_defaults(run=run_export)

    parser = _command(commands, parent, "comment", "对栏目、记录或字段提出意见 / comment on a section, a record or "
                      "a field")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--location", required=True, metavar="WHERE",
                        help="位置:按 review show / validate 打印的写法(如“重点企业、配套企业名录表 › 某某有限公司 › "
                             "统一社会信用代码”),或其键 栏目[/记录/记录编号/字段] / where: as review show and validate "
                             "print it (section › row › field), or its key section[/record/record_id/field]")
    parser.add_argument("--text", required=True, help="意见 / the comment")
    parser.set_defaults(run=run_comment)

    parser = _command(commands, parent, "decide", "设置审核状态 / set the review state")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--state", required=True, choices=STATE_KEYS,
                        help="received 已接收, has_problems 有问题, returned 已退回, approved 已通过")
    parser.add_argument("--note", help="说明 / a note kept in the history")
    parser.set_defaults(run=run_decide)

    parser = _command(commands, parent, "receipt", "生成签名的审核回执(.parkreview)/ write the signed decision "
                      "receipt (.parkreview)")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.parkreview")
    parser.add_argument("--identity", metavar="NAME", help="签名的区县身份(默认本区县)/ the district identity that "
                                                           "signs (default: this district's)")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)
    parser.set_defaults(run=run_receipt)


def _command(commands, parent, name: str, words: str, description: str | None = None) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, parents=[parent], help=words, description=description or words)
    add_workspace_argument(parser)
    return parser


def _passphrase_reader(args: argparse.Namespace):
    def read(name: str) -> bytes:
        from parkdesk.identity.passphrase import read_passphrase

        return read_passphrase(name, passphrase_file=args.passphrase_file, lang=args.lang)

    return read


def run_import(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text
    from parkdesk.review.inbox import REJECTED

    with open_workspace(args.workspace) as workspace:
        receiving = review.receive_packages(workspace, args.files, passphrase_of=_passphrase_reader(args))
    results, rows = receiving.received, receiving.rows
    if args.format == "json":
        print_json([{"file": str(r.path), "outcome": r.outcome, "reason": r.reason(args.lang),
                     **rows[r.entry_id].to_json(args.lang)} for r in results])
    else:
        for result in results:
            row = rows[result.entry_id]
            outcome = text(f"review.outcome_{result.outcome}", args.lang)
            print(f"[{outcome}] {result.path.name}  #{row.entry_id}  {row.park_name or '?'} {row.year or ''}  "
                  f"{row.signer_fingerprint or ''}")
            if result.reason_key:
                print(f"    {result.reason(args.lang)}")
        print(text("review.import_summary", args.lang, files=len(results),
                      rejected=sum(r.outcome == REJECTED for r in results)))
    return 1 if any(r.outcome == REJECTED for r in results) else 0


def run_list(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.review.times import shown_time
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        rows = review.inbox(workspace, args.year)
    if args.format == "json":
        print_json([row.to_json(args.lang) for row in rows])
        return 0
    if rows:
        print(text("review.list_header", args.lang))
    for row in rows:
        state = row.state_text(args.lang) if row.verified else text("review.outcome_rejected", args.lang)
        if row.verified and not row.current:
            state += " / " + text("review.outcome_superseded", args.lang)
        print(f"#{row.entry_id}\t{state}\t{row.park_code or '?'}\t{row.park_name or ''}\t{row.year or ''}\t"
              f"{row.signer or ''}\t{(row.signer_fingerprint or '')[:23]}\t"
              f"E{row.errors}/W{row.warnings}/I{row.infos}\t{shown_time(row.received_at)}\t{row.file_name}")
        if not row.verified:
            print(f"\t{row.reason(args.lang)}")
    return 0


def run_overview(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.review.district_overview import PLAN_YEARS
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        lines = review.district_overview(workspace)
    if args.format == "json":
        print_json([line.to_json(args.lang) for line in lines])
        return 0
    if not lines:
        print(text("review.overview.none", args.lang))
        return 0
    from parkdesk.forms.sections import RECORD_BY_KEY

    print("\t".join([RECORD_BY_KEY["park"].label.text(args.lang), *map(str, PLAN_YEARS)]))
    for line in lines:
        print("\t".join([f"{line.park_name}({line.park_code})", *(cell.words(args.lang) for cell in line.cells)]))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.cli.common import print_json
    from parkdesk.cli.review_text import print_entry
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        details = review.entry_details(workspace, review.entry_id_of(workspace, args.entry), args.lang)
    row, comments, history, comparison = details.row, details.comments, details.history, details.comparison
    if args.format == "json":
        from parkdesk.cli.report_text import findings_json

        findings = [] if details.validation is None else findings_json(details.validation, args.lang)
        print_json({**row.to_json(args.lang), "comments": [c.to_json() for c in comments], "findings": findings,
                    "history": [{"action": e.action, "state": e.state, "actor": e.actor,
                                 "at": e.at.isoformat(timespec="seconds"), "note": e.note} for e in history],
                    "year_over_year": comparison.to_json() if comparison else None,
                    "resubmission": details.resubmission.to_json() if details.resubmission else None})
        return 0
    print_entry(details, args.lang)
    if details.row.report_id is not None:
        from parkdesk.app import reports
        from parkdesk.cli.report_text import print_content

        with open_workspace(args.workspace) as workspace:
            content = reports.content(workspace, details.row.report_id, args.lang)
        print(text("review.show.content", args.lang))
        print_content(content, args.lang, limit=args.rows)
    return 0


def run_comment(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text
    from parkdesk.validation.findings import Location
    from parkdesk.validation.location_text import describe

    with open_workspace(args.workspace) as workspace:
        entry_id = review.entry_id_of(workspace, args.entry)
        comment = review.comment(workspace, entry_id, args.location, args.text)
    where = describe(Location(comment.section, comment.record, comment.record_id, comment.field, comment.row_label),
                      args.lang)
    print(text("review.commented", args.lang, entry=entry_id, location=where))
    return 0


def run_sheet(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.cli.common import output_path
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    out = output_path(args.out, (".pdf", ".xlsx"), args.lang)
    with open_workspace(args.workspace) as workspace:
        written = review.review_sheet(workspace, review.entry_id_of(workspace, args.entry), out, args.lang)
    print(text("sheet.written", args.lang, path=written))
    return 0


def run_comment_edit(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        review.edit_comment(workspace, args.comment, args.text)
    print(text("review.comment_edited", args.lang, comment=args.comment))
    return 0


def run_comment_delete(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        review.remove_comment(workspace, args.comment)
    print(text("review.comment_removed", args.lang, comment=args.comment))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        entry_id = review.entry_id_of(workspace, args.entry)
        exported = review.export_entry(workspace, entry_id, args.out)
    print(text("review.exported", args.lang, entry=entry_id, folder=exported.folder, count=len(exported.files)))
    for path in exported.files:
        print(f"  {path.name}")
    return 0


def run_decide(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        entry_id = review.entry_id_of(workspace, args.entry)
        row = review.decide(workspace, entry_id, args.state, args.note)
    print(text("review.decided", args.lang, entry=entry_id, state=row.state_text(args.lang)))
    return 0


def run_receipt(args: argparse.Namespace) -> int:
    from parkdesk.app import review
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".parkreview",), args.lang)
    with open_workspace(args.workspace) as workspace:
        entry_id = review.entry_id_of(workspace, args.entry)
        identity = review.district_signing_identity(workspace, args.identity)
        built = review.make_receipt(workspace, entry_id, out, identity, _passphrase_reader(args)(identity))
    print(text("review.receipt_written", args.lang, path=built.path, decision=built.decision,
                  comments=built.comments, fingerprint=built.signer_fingerprint))
    return 0
