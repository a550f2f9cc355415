"""The demo workspace: the plan's 12 parks, three years of reports, valid and consistent data."""

from __future__ import annotations

from sqlalchemy import func, select

from parkdesk.cli.main import main
from parkdesk.db.models import ChainLink, ChainSegment, Enterprise, IndicatorDefinition, IndicatorValue, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import FLAWED_DRAFT, build_demo
from parkdesk.reference.parks import PLAN_PARKS
from parkdesk.uscc import is_valid_uscc


def test_cli_demo_builds_a_workspace_with_the_twelve_parks(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    assert main(["demo", "--out", str(path), "--no-gui"]) == 0
    assert str(path) in capsys.readouterr().out
    with open_workspace(path) as workspace, workspace.session() as session:
        parks = session.scalars(select(Park).order_by(Park.id)).all()
        assert [(p.code, p.name) for p in parks] == [(p.code, p.name) for p in PLAN_PARKS]
        assert [(r.details.name, r.details.domain, r.details.category) for p in parks for r in p.reports] == [
            (p.name, p.domain, p.category) for p in PLAN_PARKS for _ in range(3)]  # each report states them
        for park in parks:
            assert [(r.year, r.status) for r in park.reports] == [
                (2022, "accepted"), (2023, "accepted"), (2024, "draft")]


def test_demo_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "w.sqlite"
    path.write_text("keep me")
    assert main(["demo", "--out", str(path), "--no-gui"]) == 2
    assert "不会覆盖" in capsys.readouterr().err
    assert path.read_text() == "keep me"


def test_enterprise_count_option_sets_each_parks_2024_list(tmp_path):
    path = tmp_path / "w.sqlite"
    assert main(["demo", "--out", str(path), "--no-gui", "--enterprises", "25"]) == 0
    with open_workspace(path) as workspace, workspace.session() as session:
        counts = session.execute(
            select(Report.year, func.count(Enterprise.id)).join(Enterprise, Enterprise.report_id == Report.id)
            .group_by(Report.id)
        ).all()
    assert {count for year, count in counts if year == 2024} == {25}
    assert all(count < 25 for year, count in counts if year < 2024)


def test_demo_is_deterministic(tmp_path):
    rows = []
    for name in ("a.sqlite", "b.sqlite"):
        build_demo(tmp_path / name, enterprises=30)
        with open_workspace(tmp_path / name) as workspace, workspace.session() as session:
            rows.append(session.execute(
                select(Enterprise.name, Enterprise.uscc, Enterprise.revenue_wan_yuan).order_by(Enterprise.id)
            ).all())
    assert rows[0] == rows[1] and len(rows[0]) > 0


def test_enterprises_have_valid_unique_jinan_credit_codes_and_chain_links(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        flawed = session.scalar(select(Report.id).join(Park).where(Park.code == FLAWED_DRAFT[0],
                                                                     Report.year == FLAWED_DRAFT[1]))
        rows = session.execute(select(Enterprise.report_id, Enterprise.name, Enterprise.uscc,
                                      Enterprise.chain_link_id).where(Enterprise.report_id != flawed)).all()
        link_report = dict(session.execute(
            select(ChainLink.id, ChainSegment.report_id).join(ChainSegment, ChainLink.segment_id == ChainSegment.id)
        ).all())
    assert rows
    per_report: dict[int, set] = {}
    for report_id, name, code, link_id in rows:
        assert is_valid_uscc(code), code
        assert code[2:6] == "3701", code  # a Jinan division
        assert link_report[link_id] == report_id  # the link belongs to the same report's chain map
        per_report.setdefault(report_id, set()).add(code)
    for report_id, codes in per_report.items():
        assert len(codes) == sum(1 for r in rows if r[0] == report_id)


def test_indicators_honour_the_plans_targets(demo_path):
    with open_workspace(demo_path) as workspace, workspace.session() as session:
        values = session.execute(
            select(Park.code, Report.year, IndicatorDefinition.key, IndicatorValue.baseline_2021,
                   IndicatorValue.target_2024, IndicatorValue.actual)
            .join(Report, Report.park_id == Park.id).join(IndicatorValue, IndicatorValue.report_id == Report.id)
            .join(IndicatorDefinition, IndicatorDefinition.id == IndicatorValue.indicator_id)
        ).all()
    table = {(code, year, key): (base, target, actual) for code, year, key, base, target, actual in values}
    for park in PLAN_PARKS:  # the accepted 2023 reports (the flawed 2024 draft lowers one target on purpose)
        for stated in park.targets:
            base, target, _ = table[(park.code, 2023, stated.indicator)]
            assert abs(target - stated.value) < 0.01 * stated.value or target >= stated.value, (park.code, stated)
        for key in park.doubles:
            base, target, _ = table[(park.code, 2023, key)]
            assert target >= 2 * base, (park.code, key)
        for key in ("enterprise_count", "industry_scale"):
            actuals = [table[(park.code, year, key)][2] for year in (2022, 2023, 2024)]
            assert actuals == sorted(actuals)  # growing toward the target
