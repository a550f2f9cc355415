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
    parser.add_argument("--rule", required=True, help="规则编号,如 PLAN-DOUBLING / rule id")
    parser.add_argument("--location", default=WHOLE_RULE,
                        help="问题位置键(validate --format json 中的 location.key),默认 * 表示该规则的全部问题 / "
                             "the finding's location key; * (default) covers every finding of the rule")
    parser.add_argument("--text", required=True, help="说明理由 / the justification")
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

    with open_workspace(args.workspace) as workspace:
        reports.justify(workspace, reports.report_id_of(workspace, args.park, args.year), args.rule, args.text,
                        args.location)
    return 0


def run_finalize(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.db.workspace import open_workspace
    from parkdesk.reports.lifecycle import CannotFinalize
    from parkdesk.validation.findings import SEVERITY_LABELS

    with open_workspace(args.workspace) as workspace:
        try:
            reports.finalize(workspace, reports.report_id_of(workspace, args.park, args.year))
        except CannotFinalize as problem:
            print(problem.message(args.lang), file=sys.stderr)
            for finding in problem.result.errors + problem.result.unjustified_warnings:
                print(f"  [{SEVERITY_LABELS[finding.severity].text(args.lang)}] {finding.rule_id} "
                      f"{finding.location.key()}  {finding.message(args.lang)}", file=sys.stderr)
            return problem.exit_code
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.db.workspace import open_workspace

    with open_workspace(args.workspace) as workspace:
        reports.reopen(workspace, reports.report_id_of(workspace, args.park, args.year), args.reason)
    return 0
