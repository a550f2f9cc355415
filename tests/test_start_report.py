"""Starting a report, adding parks, and `parkdesk init --park`: a fresh report is a skeleton open for input."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from parkdesk.cli.main import main
from parkdesk.db.models import IndicatorDefinition, IndicatorValue, Park, Report
from parkdesk.db.workspace import create_workspace, open_workspace
from parkdesk.errors import InputProblem, ParkdeskError, WorkspaceError
from parkdesk.forms.indicators import INDICATORS
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reports import start as start_module
from parkdesk.reports.park_setup import ParkProblem, add_new_park, add_plan_park, check_new_park
from parkdesk.reference.stages import default_report_year
from parkdesk.reports.start import start_operator_workspace, start_report

NEW_PARK = {"name": "济南新园区", "code": "jnxyq", "division_code": "370104", "domain": "human_resources",
            "category": "startup", "level": None, "operator_org": None}


@pytest.fixture
def workspace(tmp_path):
    with create_workspace(tmp_path / "w.sqlite") as ws:
        yield ws


def values_by_key(session, report_id: int) -> dict[str, IndicatorValue]:
    rows = session.execute(select(IndicatorDefinition.key, IndicatorValue)
                           .join(IndicatorValue, IndicatorValue.indicator_id == IndicatorDefinition.id)
                           .where(IndicatorValue.report_id == report_id)).all()
    return {key: value for key, value in rows}


def test_a_started_report_is_an_empty_skeleton_of_every_section(workspace):
    with workspace.session() as session, session.begin():
        park = add_plan_park(session, "QLRJY")
        report = start_report(session, park.id, 2024)
        assert report.status == "draft" and report.positioning is None
        assert sorted(a.requirement_key for a in report.assessments) == sorted(r.key for r in REQUIREMENTS)
        assert all(a.rating is None and a.description is None for a in report.assessments)
        assert [(s.stage_year, s.theme, s.goals, s.measures) for s in report.path_stages] == [
            (2022, "国际水准", None, None), (2023, "创新示范", None, None), (2024, "品牌突破", None, None)]
        values = values_by_key(session, report.id)
        assert set(values) == {i.key for i in INDICATORS}
        assert all(v.actual is None and v.baseline_2021 is None for v in values.values())
        assert report.chain_segments == [] and report.milestones == [] and report.platforms == []


def test_plan_parks_get_the_plans_stated_targets_and_nothing_made_up(workspace):
    with workspace.session() as session, session.begin():
        qlrjy = start_report(session, add_plan_park(session, "qlrjy").id, 2023)
        targets = {k: v.target_2024 for k, v in values_by_key(session, qlrjy.id).items() if v.target_2024 is not None}
        assert targets == {"core_enterprise_count": 10000, "industry_scale": 5000, "service_exports": 150000,
                           "service_export_share": 55}
        # a plan park the plan gives no figures for, and a new park: no targets at all
        sdszds = start_report(session, add_plan_park(session, "山东数字产业大厦").id, 2023)
        new = start_report(session, add_new_park(session, **NEW_PARK).id, 2023)
        for report in (sdszds, new):
            assert all(v.target_2024 is None for v in values_by_key(session, report.id).values())
        assert [s.theme for s in new.path_stages] == ["顶层设计", "环境完善", "规模突破"]


def test_baseline_and_targets_carry_over_from_the_latest_earlier_report(workspace):
    with workspace.session() as session, session.begin():
        park = add_plan_park(session, "QLRJY")
        first = values_by_key(session, start_report(session, park.id, 2022).id)
        first["industry_scale"].baseline_2021, first["industry_scale"].target_2024 = 2000, 6000
        first["enterprise_count"].baseline_2021, first["enterprise_count"].actual = 300, 350
        first["core_enterprise_count"].target_2024 = None  # cleared: the plan's figure comes back
        second = values_by_key(session, start_report(session, park.id, 2023).id)
        second["enterprise_count"].target_2024 = 700
        third = values_by_key(session, start_report(session, park.id, 2024).id)
    assert (second["industry_scale"].baseline_2021, second["industry_scale"].target_2024) == (2000, 6000)
    assert second["enterprise_count"].baseline_2021 == 300 and second["enterprise_count"].actual is None
    assert second["core_enterprise_count"].target_2024 == 10000
    assert third["enterprise_count"].target_2024 == 700  # from 2023, the latest earlier report
    assert third["industry_scale"].target_2024 == 6000


def test_a_second_report_for_the_same_year_is_refused(workspace):
    with workspace.session() as session, session.begin():
        park = add_plan_park(session, "SDYYFW")
        start_report(session, park.id, 2024)
        with pytest.raises(InputProblem) as info:
            start_report(session, park.id, 2024)
        assert session.scalar(select(func.count()).select_from(Report)) == 1
    assert info.value.exit_code == 1
    assert info.value.message("zh") == "山东语言服务出口基地 已有 2024 年的年报,不能重复创建"
    assert "already has a report for 2024" in info.value.message("en")


def test_years_outside_the_plan_are_refused(workspace):
    with workspace.session() as session, session.begin():
        park = add_plan_park(session, "HJT")
        with pytest.raises(InputProblem) as info:
            start_report(session, park.id, 2025)
    assert "2022–2024" in info.value.message("en")


@pytest.mark.parametrize("today, expected", [
    (date(2026, 11, 26), 2024), (date(2025, 1, 5), 2024), (date(2024, 3, 1), 2023), (date(2022, 6, 1), 2022),
])
def test_default_year_is_last_year_within_the_plan(today, expected):
    assert default_report_year(today) == expected


def test_a_new_park_with_an_unknown_district_is_refused(workspace):
    with workspace.session() as session, session.begin():
        with pytest.raises(ParkProblem) as info:
            add_new_park(session, **{**NEW_PARK, "division_code": "370199"})
        assert session.scalar(select(func.count()).select_from(Park)) == 0
    assert info.value.field == "division_code"
    assert "370199" in info.value.message("zh") and "历下区" in info.value.message("zh")
    assert info.value.message("en").startswith("The park's details are wrong: 'District or functional zone'")


@pytest.mark.parametrize("change, field, words", [
    ({"name": "  "}, "name", "'Park name' is required"),
    ({"code": "JN XY"}, "code", "invalid"),
    ({"code": "qlrjy"}, "code", "belongs to the plan's park '齐鲁软件园'"),
    ({"name": "齐鲁软件园"}, "name", "one of the plan's parks (QLRJY)"),
    ({"domain": "tourism"}, "domain", "'tourism' is not one of"),
    ({"category": None}, "category", "'Category' is required"),
    ({"category": "first_class"}, "level", "'Recognition level' is required"),
    ({"level": "galactic"}, "level", "'galactic' is not one of"),
])
def test_new_park_details_are_checked_against_the_form_definition(change, field, words):
    with pytest.raises(ParkProblem) as info:
        check_new_park({**NEW_PARK, **change})
    assert info.value.field == field
    assert words in info.value.message("en")


def test_a_valid_new_park_is_stored_cleaned_and_only_once(workspace):
    with workspace.session() as session, session.begin():
        park = add_new_park(session, **{**NEW_PARK, "name": " 济南新园区\u3000", "operator_org": "某运营公司"})
        assert (park.name, park.code, park.division_code, park.is_plan_park) == ("济南新园区", "JNXYQ", "370104", False)
        with pytest.raises(ParkProblem) as info:
            add_new_park(session, **{**NEW_PARK, "name": "另一个园区"})
        assert info.value.field == "code"
        add_plan_park(session, "QLRJY")
        with pytest.raises(ParkProblem):
            add_plan_park(session, "qlrjy")


def test_plan_parks_are_found_by_code_or_name_and_get_an_optional_district(workspace):
    with workspace.session() as session, session.begin():
        park = add_plan_park(session, "齐鲁软件园", division_code="Z01")
        first = start_report(session, park.id, 2022).details  # what its first report starts from
        assert (first.code, first.domain, first.category, first.division.name, park.is_plan_park) == (
            "QLRJY", "digital_trade", "first_class", "高新区", True)
        with pytest.raises(ParkdeskError) as info:
            add_plan_park(session, "XYZ")
        assert "QLRJY, SDSZDS" in info.value.message("en")
        with pytest.raises(ParkProblem):
            add_plan_park(session, "HJT", division_code="999999")


def test_operator_workspace_is_created_whole(tmp_path):
    path = tmp_path / "op.sqlite"
    assert start_operator_workspace(path, new_park=NEW_PARK, year=2023) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["op.sqlite"]  # no temporary file or WAL left
    with open_workspace(path) as workspace, workspace.session() as session:
        assert workspace.name == "济南新园区"
        assert [(r.park.code, r.year, r.status) for r in session.scalars(select(Report))] == [("JNXYQ", 2023, "draft")]


def test_operator_workspace_leaves_nothing_behind_on_failure(tmp_path, monkeypatch):
    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(start_module, "start_report", broken)
    with pytest.raises(RuntimeError):
        start_operator_workspace(tmp_path / "op.sqlite", park_code="QLRJY", year=2024)
    assert list(tmp_path.iterdir()) == []


def test_operator_workspace_replaces_a_file_only_when_asked(tmp_path):
    path = tmp_path / "op.sqlite"
    path.write_text("keep me")
    with pytest.raises(WorkspaceError):
        start_operator_workspace(path, park_code="QLRJY", year=2024)
    with pytest.raises(ParkProblem):  # bad input is refused before the old file is touched
        start_operator_workspace(path, new_park={**NEW_PARK, "code": "?"}, year=2024, overwrite=True)
    assert path.read_text() == "keep me"
    start_operator_workspace(path, park_code="QLRJY", year=2024, name="我的工作区", overwrite=True)
    with open_workspace(path) as workspace:
        assert workspace.name == "我的工作区"


def test_cli_init_park_gives_a_report_open_for_input(tmp_path, capsys):
    path = tmp_path / "op.sqlite"
    assert main(["init", "--out", str(path), "--park", "QLRJY", "--year", "2024"]) == 0
    assert "齐鲁软件园 2024 年报草稿已就绪" in capsys.readouterr().out
    assert main(["validate", str(path), "--format", "json"]) == 1
    [report] = json.loads(capsys.readouterr().out)["reports"]
    assert (report["code"], report["year"], report["status"]) == ("QLRJY", 2024, "draft")
    rules = {f["rule"] for f in report["findings"]}
    assert {"FIELD-REQUIRED", "IND-MISSING"} <= rules
    where = {f["location"]["field"] for f in report["findings"] if f["rule"] == "FIELD-REQUIRED"}
    assert {"division_code", "operator_org", "positioning", "goals", "rating"} <= where
    assert not any(f["location"]["field"] == "target_2024" and "产业规模" in f["where"] for f in report["findings"])


def test_cli_init_keeps_its_old_behaviour_and_defaults_the_year(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite"
    assert main(["init", "--out", str(empty)]) == 0
    with open_workspace(empty) as workspace, workspace.session() as session:
        assert session.scalar(select(func.count()).select_from(Park)) == 0
    assert main(["init", "--out", str(tmp_path / "x.sqlite"), "--year", "2023"]) == 2
    assert main(["init", "--out", str(tmp_path / "y.sqlite"), "--park", "nope", "--lang", "en"]) == 2
    assert "The plan has no park 'nope'" in capsys.readouterr().err
    assert not (tmp_path / "y.sqlite").exists()
    assert main(["init", "--out", str(tmp_path / "z.sqlite"), "--park", "sdyyfw"]) == 0
    with open_workspace(tmp_path / "z.sqlite") as workspace, workspace.session() as session:
        assert session.scalars(select(Report.year)).all() == [default_report_year()]
