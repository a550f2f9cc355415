"""`parkdesk review import|list|show|comment|decide|receipt`: the district officer's inbox and review."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.common import add_format_option, print_json, year_argument
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import InputProblem
from parkdesk.identity.certificates import fingerprint
from parkdesk.identity.passphrase import ENV_VAR, read_passphrase
from parkdesk.identity.store import certificate_of, chain_of, unlock
from parkdesk.messages import message
from parkdesk.packages.build import Signer
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.review.comments import add_comment, entry_comments, parse_location
from parkdesk.review.decisions import review_history, set_state
from parkdesk.review.inbox import REJECTED, import_packages
from parkdesk.review.inbox_rows import current_entry_for, get_entry, inbox_row, list_inbox
from parkdesk.review.receipt_build import make_receipt
from parkdesk.review.setup import district_identity
from parkdesk.review.states import STATE_KEYS
from parkdesk.review.year_over_year import compare_years

PASSPHRASE_HELP = (f"从文件第一行读取口令(否则读取 {ENV_VAR},再否则在终端提示)/ read the passphrase from the "
                   f"file's first line (else {ENV_VAR}, else a prompt)")
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

    parser = _command(commands, parent, "show", "查看一个条目:验证结果、意见、历史、与上一年度对比 / one entry: "
                      "verification, comments, history, year over year")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    add_format_option(parser)
    parser.set_defaults(run=run_show)

    parser = _command(commands, parent, "comment", "对栏目、记录或字段提出意见 / comment on a section, a record or "
                      "a field")
    parser.add_argument("entry", metavar="ENTRY", help=ENTRY_HELP)
    parser.add_argument("--location", required=True, metavar="KEY",
                        help="位置:栏目[/记录/记录编号/字段],与 parkdesk validate 输出的位置相同 / section[/record/"
                             "record_id/field], as parkdesk validate prints them")
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


def _command(commands, parent, name: str, text: str, description: str | None = None) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, parents=[parent], help=text, description=description or text)
    parser.add_argument("workspace", type=Path, metavar="WORKSPACE")
    return parser


def resolve_entry(session, value: str):
    """An entry by number, or PARK:YEAR for the package standing for that park and year."""
    text = value.strip()
    if text.isdigit():
        return get_entry(session, int(text))
    park, colon, year = text.rpartition(":")
    if not colon or not park or not year.isdigit():
        raise InputProblem("review.bad_entry", entry=value)
    return current_entry_for(session, park.strip().upper(), int(year))


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.write_session() as session:
        decrypt = workspace_decryptor(session, lambda name: read_passphrase(
            name, passphrase_file=args.passphrase_file, lang=args.lang))
        results = import_packages(session, args.files, actor=workspace.actor, decrypt=decrypt)
        rows = {r.entry_id: inbox_row(session, r.entry_id) for r in results}
    if args.format == "json":
        print_json([{"file": str(r.path), "outcome": r.outcome, "reason": r.reason(args.lang),
                     **rows[r.entry_id].to_json(args.lang)} for r in results])
    else:
        for result in results:
            row = rows[result.entry_id]
            outcome = message(f"review.outcome_{result.outcome}", args.lang)
            print(f"[{outcome}] {result.path.name}  #{row.entry_id}  {row.park_name or '?'} {row.year or ''}  "
                  f"{row.signer_fingerprint or ''}")
            if result.reason_key:
                print(f"    {result.reason(args.lang)}")
        print(message("review.import_summary", args.lang, files=len(results),
                      rejected=sum(r.outcome == REJECTED for r in results)))
    return 1 if any(r.outcome == REJECTED for r in results) else 0


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        rows = list_inbox(session, year=args.year)
    if args.format == "json":
        print_json([row.to_json(args.lang) for row in rows])
        return 0
    for row in rows:
        state = row.state_text(args.lang) if row.verified else message("review.outcome_rejected", args.lang)
        if row.verified and not row.current:
            state += " / " + message("review.outcome_superseded", args.lang)
        print(f"#{row.entry_id}\t{state}\t{row.park_code or '?'}\t{row.park_name or ''}\t{row.year or ''}\t"
              f"{row.signer or ''}\t{(row.signer_fingerprint or '')[:23]}\t"
              f"E{row.errors}/W{row.warnings}/I{row.infos}\t{row.received_at:%Y-%m-%d %H:%M}\t{row.file_name}")
        if not row.verified:
            print(f"\t{row.reason(args.lang)}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.session() as session:
        entry = resolve_entry(session, args.entry)
        row = inbox_row(session, entry.id)
        comments = entry_comments(session, entry.id)
        history = review_history(session, entry.id)
        comparison = compare_years(session, row.report_id) if row.report_id else None
    if args.format == "json":
        print_json({**row.to_json(args.lang), "comments": [c.to_json() for c in comments],
                    "history": [{"action": e.action, "state": e.state, "actor": e.actor,
                                 "at": e.at.isoformat(timespec="seconds"), "note": e.note} for e in history],
                    "year_over_year": comparison.to_json() if comparison else None})
        return 0
    for key, value in row.to_json(args.lang).items():
        print(f"{key}: {value}")
    print(message("review.comments", args.lang, count=len(comments)))
    for comment in comments:
        print(f"  {comment.key}  {comment.author}: {comment.text}")
    print(message("review.history", args.lang))
    for event in history:
        print(f"  {event.at:%Y-%m-%d %H:%M}  {event.actor}  {event.action} → {event.state}  {event.note or ''}")
    if comparison is not None and comparison.has_previous:
        print(message("review.yoy_summary", args.lang, previous=comparison.previous_year,
                      added=len(comparison.enterprises.added), removed=len(comparison.enterprises.removed),
                      changed=len(comparison.enterprises.changed), moved=len(comparison.milestones_moved)))
    return 0


def run_comment(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.writing() as session:
        entry = resolve_entry(session, args.entry)
        comment = add_comment(session, entry.id, parse_location(args.location), args.text, author=workspace.actor)
        print(message("review.commented", args.lang, entry=entry.id, location=comment.location_key))
    return 0


def run_decide(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.writing() as session:
        entry = resolve_entry(session, args.entry)
        set_state(session, entry.id, args.state, actor=workspace.actor, note=args.note)
        print(message("review.decided", args.lang, entry=entry.id, state=inbox_row(session, entry.id)
                      .state_text(args.lang)))
    return 0


def run_receipt(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace) as workspace, workspace.writing() as session:
        entry = resolve_entry(session, args.entry)
        identity = district_identity(session, args.identity)
        key = unlock(identity, read_passphrase(identity.name, passphrase_file=args.passphrase_file, lang=args.lang))
        cert = certificate_of(identity)
        built = make_receipt(session, entry.id, args.out, Signer(key, cert, chain_of(identity)),
                             actor=workspace.actor)
    print(message("review.receipt_written", args.lang, path=built.path, decision=built.decision,
                  comments=built.comments, fingerprint=fingerprint(cert)))
    return 0
