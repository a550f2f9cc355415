"""`parkdesk justify`, `parkdesk finalize`, `parkdesk reopen`: the report's life on the command line."""

from __future__ import annotations

import argparse
import sys

from parkdesk.cli.options import add_park_option, add_workspace_argument, year_argument

WHOLE_RULE = "*"  # parkdesk.validation.findings.WHOLE_RULE


def _common(parser: argparse.ArgumentParser) -> None:
    add_workspace_argument(parser)
    add_park_option(parser)
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / report year")


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser("justify", parents=[parent],
                                   help="为警告填写说明理由 / write the justification of a warning")
    _common(parser)
    parser.add_argument("--rule", help="规则编号,如 PLAN-DOUBLING / rule id")
    parser.add_argument("--location", default=WHOLE_RULE,
                        help="问题位置:validate 打印的位置(如“指标 › 产业规模 › 2024年目标”)或其键(validate --format "
                             "json 中的 location.key);默认 * 表示该规则的全部警告 / where the warning is: as validate "
                             "prints it, or its key; * (default) covers every warning of the rule")
    parser.add_argument("--text", help="说明理由 / the justification")
    parser.add_argument("--list", action="store_true", help="列出已填写的说明理由 / list the justifications")
    parser.add_argument("--remove", action="store_true",
                        help="删除 --rule(和 --location)的说明理由 / remove the justification of --rule (at --location)")
    parser.set_defaults(run=run_justify)

    parser = subparsers.add_parser("finalize", parents=[parent], help="定稿并锁定年报 / finalize and lock a report")
    _common(parser)
    parser.set_defaults(run=run_finalize)

    parser = subparsers.add_parser("reopen", parents=[parent], help="重新打开已定稿的年报 / reopen a finalized report")
    _common(parser)
    parser.add_argument("--reason", required=True, help="重新打开的原因(记入审计日志)/ reason, kept in the audit log")
    parser.set_defaults(run=run_reopen)


def run_justify(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.db.workspace import open_workspace
    from parkdesk.texts import text

    lang = args.lang
    if not args.list and (not args.rule or (not args.remove and args.text is None)):
        print(text("justify.needs", lang), file=sys.stderr)
        return 2
    with open_workspace(args.workspace) as workspace:
        report_id = reports.report_id_of(workspace, args.park, args.year)
        if args.list:
            stored = reports.justifications(workspace, report_id, lang)
        elif args.remove:
            removed = reports.remove_justification(workspace, report_id, args.rule, args.location, lang)
        else:
            kept = reports.justify(workspace, report_id, args.rule, args.text, args.location, lang)
    if args.list:
        if not stored:
            print(text("justify.none", lang))
            return 0
        print(text("justify.list_header", lang))
        for item in stored:
            when = item.created_at.strftime("%Y-%m-%d %H:%M") if item.created_at else "—"
            print("\t".join([item.rule_id, _where(item, lang), " ".join(item.text.split()), item.actor, when]))
    elif args.remove:
        print(text("justify.removed", lang, rule=removed.rule_id, location=_where(removed, lang)))
    else:
        print(text("justify.stored", lang, rule=kept.rule_id, location=_where(kept, lang), text=kept.text))
    return 0


def _where(item, lang: str) -> str:
    from parkdesk.texts import text

    return text("justify.whole_rule", lang) if item.location_key == WHOLE_RULE else item.location


def run_finalize(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.db.workspace import open_workspace
    from parkdesk.reports.lifecycle import CannotFinalize
    from parkdesk.texts import text
    from parkdesk.validation.findings import SEVERITY_LABELS

    with open_workspace(args.workspace) as workspace:
        report_id = reports.report_id_of(workspace, args.park, args.year)
        try:
            result = reports.finalize(workspace, report_id)
        except CannotFinalize as problem:
            print(problem.message(args.lang), file=sys.stderr)
            for finding in problem.result.errors + problem.result.unjustified_warnings:
                print(f"  [{SEVERITY_LABELS[finding.severity].text(args.lang)}] {finding.rule_id} "
                      f"{finding.location.key()}  {finding.message(args.lang)}", file=sys.stderr)
            return problem.exit_code
        _, name, year, _ = reports.report_facts(workspace, report_id)
    print(text("finalize.done", args.lang, park=name, year=year, warnings=len(result.warnings)))
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.db.workspace import open_workspace

    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        report_id = reports.report_id_of(workspace, args.park, args.year)
        reports.reopen(workspace, report_id, args.reason)
        _, name, year, _ = reports.report_facts(workspace, report_id)
    print(text("reopen.done", args.lang, park=name, year=year))
    return 0
