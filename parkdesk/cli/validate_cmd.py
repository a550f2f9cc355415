"""`parkdesk validate`: run the rules over reports; exit 1 when any has errors."""

from __future__ import annotations

import argparse

from parkdesk.cli.options import add_format_option, add_park_option, add_workspace_argument, year_argument


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser(
        "validate", parents=[parent], help="校验年报 / validate annual reports",
        description="按规则校验年报;有错误时退出码为 1。 / Check reports against the rules; exit 1 when any has errors.")
    add_workspace_argument(parser)
    add_park_option(parser, required=False)
    parser.add_argument("--year", type=year_argument, help="年度(默认全部)/ report year (default: all)")
    add_format_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parkdesk.app import reports
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.validation.findings import RULESET_VERSION

    with open_workspace(args.workspace) as workspace:
        if args.park and args.year:  # one report asked for: its absence is a refusal (exit 2), not a clean bill
            reports.report_id_of(workspace, args.park, args.year)
        results = [(r.status, r.result) for r in reports.validate(workspace, park=args.park, year=args.year)]
    if args.format == "json":
        print_json({"ruleset_version": RULESET_VERSION,
                    "reports": [_report_json(status, result, args.lang) for status, result in results]})
    else:
        for status, result in results:
            _print_text(status, result, args.lang)
    return 1 if any(result.errors for _, result in results) else 0


def _report_json(status: str, result, lang: str) -> dict:
    from parkdesk.cli.report_text import findings_json

    return {
        "park": result.park_name, "code": result.park_code, "year": result.year, "status": status,
        "ruleset_version": result.ruleset_version, "errors": len(result.errors), "warnings": len(result.warnings),
        "unjustified_warnings": len(result.unjustified_warnings), "infos": len(result.infos),
        "findings": findings_json(result, lang),
    }


def _print_text(status: str, result, lang: str) -> None:
    from parkdesk.cli.report_text import print_findings
    from parkdesk.reference.choices import REPORT_STATUSES, label_of

    zh = lang != "en"
    counts = (f"{len(result.errors)} 个错误,{len(result.warnings)} 个警告,{len(result.infos)} 个提示" if zh else
              f"{len(result.errors)} errors, {len(result.warnings)} warnings, {len(result.infos)} infos")
    ruleset = f"规则集 {result.ruleset_version}" if zh else f"rule set {result.ruleset_version}"
    print(f"{result.park_name} ({result.park_code}) {result.year} [{label_of(REPORT_STATUSES, status, lang)}] "
          f"— {ruleset}: {counts}")
    print_findings(result, lang)
