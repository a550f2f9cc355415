"""`parkdesk parks`: list a workspace's parks."""

from __future__ import annotations

import argparse

from parkdesk.cli.options import add_format_option, add_workspace_argument


def add_parser(subparsers, parent) -> None:
    parser = subparsers.add_parser("parks", parents=[parent], help="列出工作区中的园区 / list the parks")
    add_workspace_argument(parser)
    add_format_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from parkdesk.app import workspaces
    from parkdesk.cli.common import print_json
    from parkdesk.db.workspace import open_workspace
    from parkdesk.forms.field_values import display_value
    from parkdesk.forms.sections import RECORD_BY_KEY
    from parkdesk.reference.categories import CATEGORY_BY_KEY
    from parkdesk.reference.choices import REPORT_STATUSES, label_of
    from parkdesk.reference.domains import DOMAIN_BY_KEY
    from parkdesk.texts import text

    with open_workspace(args.workspace) as workspace:
        parks = workspaces.parks(workspace)
    lang = args.lang
    if args.format == "json":
        print_json([
            {"code": p.code, "name": p.name, "category": p.category, "domain": p.domain, "level": p.level,
             "district_code": p.division_code, "district": p.division_name,
             "reports": [{"year": y, "status": s} for y, s in p.reports]}
            for p in parks
        ])
        return 0
    print(text("parks.header", lang))
    for p in parks:
        years = " ".join(f"{y}:{label_of(REPORT_STATUSES, s, lang)}" for y, s in p.reports)
        print("\t".join([
            p.code, p.name, CATEGORY_BY_KEY[p.category].text(lang), DOMAIN_BY_KEY[p.domain].text(lang),
            p.division_name or "-", display_value(RECORD_BY_KEY["park"].field("level"), p.level, lang) or "-", years,
        ]))
    return 0
