"""Demo workspaces of the review side: a district's inbox mid-review, and the city with every district's roll-up.

    build_reviewer_demo(path, district="370102")   packages of the district's parks (2022 and 2023): approved,
                                                   returned with comments and resubmitted, one with problems,
                                                   one encrypted, and two rejected files (altered; another
                                                   district's park)
    build_city_demo(path)                          the 12 demo parks' 2023 reports, from each demo district's
                                                   signed roll-up

Every identity's passphrase is DEMO_PASSPHRASE ("parkdesk-demo").
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from parkdesk.db.models import Enterprise, IndicatorValue, Milestone, Park, Report
from parkdesk.db.sqlite_files import consistent_copy, remove_with_sidecars
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.review_world import DEMO_PASSPHRASE, DEMO_YEAR, DemoWorld, parks_by_district
from parkdesk.errors import WorkspaceError
from parkdesk.reports import status
from parkdesk.identity.trust_store import trust_certificate
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.review.comments import add_comment
from parkdesk.review.decisions import set_state
from parkdesk.review.district_report import DistrictReport, PlannedPark
from parkdesk.review.inbox import import_packages
from parkdesk.review.inbox_rows import report_id_of_entry
from parkdesk.review.rollup_build import build_rollup
from parkdesk.review.rollup_import import import_rollups
from parkdesk.review.setup import create_city_workspace
from parkdesk.validation.findings import Location

REVIEWER = "区县审核员(演示)"
DEFAULT_DISTRICT = "370102"  # 历下区: 山东数字产业大厦, 宏济堂, 山东语言服务出口基地


@dataclass
class ReviewDemoStats:
    packages: int = 0
    rejected: int = 0
    rollups: int = 0


def build_reviewer_demo(path: Path | str, *, district: str = DEFAULT_DISTRICT, overwrite: bool = False,
                        enterprises: int | None = None) -> ReviewDemoStats:
    path = _target(path, overwrite)
    parks = parks_by_district().get(district)
    if not parks:
        raise WorkspaceError("cli.division_not_found", division=district)
    stats = ReviewDemoStats()
    with tempfile.TemporaryDirectory(prefix="parkdesk-demo-") as folder:
        world = DemoWorld(Path(folder), enterprises=enterprises)
        reviewer = world.district(district, algorithm="rsa")  # RSA: it can receive an encrypted package
        roles = parks[:3]  # approved; returned with comments, then resubmitted; has problems (sent encrypted)
        last_year = [world.package(park, DEMO_YEAR - 1, f"{park}-{DEMO_YEAR - 1}.parkpkg") for park in parks]
        this_year = [world.package(park, DEMO_YEAR, f"{park}-{DEMO_YEAR}.parkpkg" if number < 2 else
                                   f"{park}-{DEMO_YEAR}.parkpkg.p7m",
                                   encrypt_to=world.district_certificate(district) if number == 2 else None)
                     for number, park in enumerate(roles)]
        altered = Path(folder) / f"{roles[0]}-{DEMO_YEAR}-改动.parkpkg"
        data = bytearray(this_year[0].read_bytes())
        data[len(data) // 3] ^= 0x01
        altered.write_bytes(bytes(data))
        other = next(code for code in parks_by_district() if code != district)
        stranger = world.package(parks_by_district()[other][0], DEMO_YEAR, "其他区县的园区.parkpkg") \
            if world.district(other) else None
        with open_workspace(reviewer, backups=None, actor=REVIEWER) as ws, ws.session() as session:
            received = import_packages(session, last_year + this_year + [altered, stranger], actor=REVIEWER,
                                       decrypt=workspace_decryptor(session, lambda name: DEMO_PASSPHRASE))
            entry = {r.path: r.entry_id for r in received}
            for package in last_year:
                set_state(session, entry[package], "approved", actor=REVIEWER)
            set_state(session, entry[this_year[0]], "approved", actor=REVIEWER, note="数据完整,同意")
            if len(roles) > 1:
                _return_with_comments(session, entry[this_year[1]])
            if len(roles) > 2:
                _flag_problem(session, entry[this_year[2]])
            session.commit()
        if len(roles) > 1:
            _answer_comments(world.operators, roles[1])
            resubmitted = world.package(roles[1], DEMO_YEAR, f"{roles[1]}-{DEMO_YEAR}-修改后.parkpkg")
            with open_workspace(reviewer, backups=None, actor=REVIEWER) as ws, ws.session() as session:
                received += import_packages(session, [resubmitted], actor=REVIEWER)
        stats.packages = len(received)
        stats.rejected = sum(r.outcome == "rejected" for r in received)
        consistent_copy(reviewer, path)
    return stats


def build_city_demo(path: Path | str, *, overwrite: bool = False, enterprises: int | None = None) -> ReviewDemoStats:
    path = _target(path, overwrite)
    stats = ReviewDemoStats()
    with tempfile.TemporaryDirectory(prefix="parkdesk-demo-") as folder:
        world = DemoWorld(Path(folder), enterprises=enterprises)
        city = create_city_workspace(Path(folder) / "city.sqlite", actor="demo")
        rollups = []
        for district, parks in sorted(parks_by_district().items()):
            reviewer = world.district(district)
            files = [world.package(park, DEMO_YEAR, f"{park}-{DEMO_YEAR}.parkpkg") for park in parks]
            with open_workspace(reviewer, backups=None, actor=REVIEWER) as ws, ws.session() as session:
                for result in import_packages(session, files, actor=REVIEWER):
                    set_state(session, result.entry_id, "approved", actor=REVIEWER)
                session.commit()
                out = Path(folder) / f"{district}-{DEMO_YEAR}.parkrollup"
                build_rollup(session, DEMO_YEAR, out, world.district_signer(district),
                             district_report=DEMO_YEAR_END.get(district))
            rollups.append(out)
        with open_workspace(city, backups=None, actor="市局(演示)") as ws, ws.session() as session:
            with session.begin():
                for district in sorted(world.districts):
                    trust_certificate(session, ws.actor, world.district_certificate(district),
                                      note="演示区县 / demo district")
            results = import_rollups(session, rollups, actor=ws.actor)
        stats.rollups = len(results)
        stats.packages = sum(len(r.packages) for r in results)
        stats.rejected = sum(p.outcome == "rejected" for r in results for p in r.packages)
        consistent_copy(city, path)
    return stats


# the year-end report (plan 六(一)) of one demo district, carried by its roll-up
DEMO_YEAR_END = {
    "370112": DistrictReport(
        f"{DEMO_YEAR}年,区内博科控股、济南国际创新设计产业园和临空经济区发展中心按计划推进建设:"
        "公共服务平台增至 3 个,招商签约完成年度目标。",
        (PlannedPark("历城区知识产权服务园", "intellectual_property", "startup", DEMO_YEAR + 1),
         PlannedPark("济南人力资源服务产业园", "human_resources", "startup", DEMO_YEAR + 1))),
}


def _target(path: Path | str, overwrite: bool) -> Path:
    path = Path(path)
    if path.exists():
        if not overwrite:
            raise WorkspaceError("ws.exists", path=path)
        remove_with_sidecars(path)
    return path


def _return_with_comments(session, entry_id: int) -> None:
    """Comments on a field, a record and a section, then the report goes back to the park."""
    report_id = report_id_of_entry(session, entry_id)
    enterprise = session.scalars(select(Enterprise).where(Enterprise.report_id == report_id)
                                 .order_by(Enterprise.id)).first()
    add_comment(session, entry_id, Location("enterprises", "enterprise", enterprise.id, "employees", enterprise.name),
                "从业人员数与社保缴纳人数不符,请核实后更正。", author=REVIEWER)
    milestone = session.scalars(select(Milestone).where(Milestone.report_id == report_id,
                                                        Milestone.stage_year == DEMO_YEAR)).first()
    if milestone is not None:
        add_comment(session, entry_id, Location("path", "milestone", milestone.id, None, milestone.title),
                    "请补充该里程碑的佐证材料。", author=REVIEWER)
    add_comment(session, entry_id, Location("positioning"), "发展定位请结合 2024 年目标进一步具体化。", author=REVIEWER)
    set_state(session, entry_id, "returned", actor=REVIEWER, note="请按意见修改后重新报送")


def _answer_comments(operators: Path, park: str) -> None:
    """The park takes its report back (returned) and answers the district's comments before sending it again:
    the enterprise's staff corrected, the milestone's evidence given, the positioning made concrete."""
    with open_workspace(operators, backups=None) as ws, ws.session() as session, session.begin():
        report = session.scalars(select(Report).join(Park).where(Park.code == park, Report.year == DEMO_YEAR)).one()
        report.status = status.RETURNED
        enterprise = session.scalars(select(Enterprise).where(Enterprise.report_id == report.id)
                                     .order_by(Enterprise.id)).first()
        if enterprise is not None and enterprise.employees:
            enterprise.employees -= 7
        milestone = session.scalars(select(Milestone).where(Milestone.report_id == report.id,
                                                            Milestone.stage_year == DEMO_YEAR)).first()
        if milestone is not None:
            milestone.evidence = "阶段验收报告(见附件)"
        said = (report.positioning or "").rstrip("。")
        report.positioning = (said + "。" if said else "") + "到 2024 年,重点企业数量与产业规模较 2021 年翻一番。"


def _flag_problem(session, entry_id: int) -> None:
    value = session.scalars(select(IndicatorValue).where(
        IndicatorValue.report_id == report_id_of_entry(session, entry_id)).order_by(IndicatorValue.id)).first()
    add_comment(session, entry_id, Location("indicators", "indicator_value", value.id, "actual"),
                "本年度实际值较上年增幅较大,请说明依据。", author=REVIEWER)
    set_state(session, entry_id, "has_problems", actor=REVIEWER)


__all__ = ["DEMO_PASSPHRASE", "build_city_demo", "build_reviewer_demo"]
