"""`parkdesk rollup build|show`: the district's roll-up of a year, as a table and as a signed package for the city."""

from __future__ import annotations

import argparse
from pathlib import Path

from parkdesk.cli.options import PASSPHRASE_HELP, add_format_option, add_workspace_argument, year_argument

SHOWN = ("enterprise_count", "industry_scale", "service_exports", "core_enterprise_count", "employees")


def add_parser(subparsers, parent) -> None:
    group = subparsers.add_parser("rollup", parents=[parent],
                                  help="区县:年度汇总 / district: the year's roll-up")
    commands = group.add_subparsers(dest="rollup_command", metavar="ACTION", required=True)

    parser = commands.add_parser(
        "build", parents=[parent], help="生成报送市局的签名汇总包(.parkrollup)/ write the signed roll-up for the "
                                        "city (.parkrollup)",
        description="把该年度已通过审核的数据包(原样,含园区签名)打包并以区县证书签名。 / Packs the year's approved "
                    "packages (as the parks signed them) and signs the whole with the district's certificate.")
    add_workspace_argument(parser)
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / year")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.parkrollup")
    parser.add_argument("--identity", metavar="NAME", help="签名的区县身份 / the district identity that signs")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE", help=PASSPHRASE_HELP)
    parser.add_argument("--progress-file", type=Path, metavar="FILE",
                        help="年底报送:园区建设发展情况(UTF-8 文本文件),随汇总包报送市局 / the district's year-end "
                             "report: progress of its parks (a UTF-8 text file), sent with the roll-up")
    parser.add_argument("--planned-park", nargs=4, action="append", default=[],
                        metavar=("NAME", "DOMAIN", "CATEGORY", "YEAR"),
                        help="下一年度新建园区计划,可重复:名称、领域、类别(代码或中文名)、预计年度 / a park planned for "
                             "next year, repeatable: name, domain, category (key or name), expected year")
    parser.set_defaults(run=run_build)

    parser = commands.add_parser("show", parents=[parent],
                                 help="园区 × 指标汇总表、覆盖情况与倍增进度 / parks × indicators, coverage, doubling")
    add_workspace_argument(parser)
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / year")
    parser.add_argument("--approved-only", action="store_true", help="只计已通过的 / approved reports only")
    add_format_option(parser)
    parser.set_defaults(run=run_show)

    parser = commands.add_parser("export", parents=[parent],
                                 help="汇总导出为工作簿(.xlsx)或 PDF / the roll-up as a workbook (.xlsx) or a PDF")
    add_workspace_argument(parser)
    parser.add_argument("--year", type=year_argument, required=True, help="年度 / year")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|FILE.pdf")
    parser.add_argument("--approved-only", action="store_true", help="只计已通过的 / approved reports only")
    parser.set_defaults(run=run_export)


def run_build(args: argparse.Namespace) -> int:
    from parkdesk.app import review, rollups
    from parkdesk.db.workspace import open_workspace
    from parkdesk.identity.passphrase import read_passphrase
    from parkdesk.texts import text
    from parkdesk.review.district_report import DistrictReport, planned_park, read_progress

    section = None
    if args.progress_file is not None or args.planned_park:
        progress = read_progress(args.progress_file) if args.progress_file is not None else ""
        section = DistrictReport(progress, tuple(planned_park(*values) for values in args.planned_park))
    from parkdesk.cli.common import output_path

    out = output_path(args.out, (".parkrollup",), args.lang)
    with open_workspace(args.workspace) as workspace:
        identity = review.district_signing_identity(workspace, args.identity)
        passphrase = read_passphrase(identity, passphrase_file=args.passphrase_file, lang=args.lang)
        built = rollups.build_rollup(workspace, args.year, out, identity, passphrase, district_report=section)
    print(text("rollup.written", args.lang, year=args.year, path=built.path, parks=len(built.parks),
                  fingerprint=built.signer_fingerprint))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from parkdesk.app import rollups
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.forms.indicators import INDICATOR_BY_KEY
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        rollup = rollups.rollup_table(workspace, args.year, approved_only=args.approved_only)
    if args.format == "json":
        print_json(rollup.to_json())
        return 0
    print("\t".join([text("rollup.code", args.lang), text("rollup.park", args.lang)]
                    + [INDICATOR_BY_KEY[key].label.text(args.lang) for key in SHOWN]))
    for row in rollup.rows:
        print("\t".join([row.park.code, row.park.name] + [_cell(row.actual(key)) for key in SHOWN]))
    print("\t".join([text("rollup.total", args.lang), ""] + [_cell(rollup.total(key)) for key in SHOWN]))
    return 0


def _cell(value) -> str:
    from parkdesk.figures.numbers import number

    return "—" if value is None else str(number(value))


def run_export(args: argparse.Namespace) -> int:
    from parkdesk.app import rollups
    from parkdesk.db.workspace import open_workspace

    from parkdesk.cli.common import output_path
    from parkdesk.texts import text

    out = output_path(args.out, (".xlsx", ".pdf"), args.lang)
    with open_workspace(args.workspace) as workspace:
        written = rollups.export_rollup(workspace, args.year, out, lang=args.lang,
                                        approved_only=args.approved_only)
    print(text("rollup.exported", args.lang, path=written))
    return 0
