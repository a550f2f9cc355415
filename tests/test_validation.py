"""Each kind of rule catches a planted mistake and stays quiet on clean data."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from parkdesk.cli.main import main
from parkdesk.db.engine import has_uncommitted_writes
from parkdesk.db.models import (
    ChainLink, ChainSegment, Enterprise, IndicatorDefinition, IndicatorValue, Milestone, Park, PathStage, Platform,
    Report, RequirementAssessment,
)
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import FLAWED_DRAFT
from parkdesk.validation.engine import validate_report
from parkdesk.validation.findings import RULESET_VERSION


@pytest.fixture
def ws(demo_path):
    with open_workspace(demo_path) as workspace:
        yield workspace


def report_of(session, code="QLRJY", year=2024) -> Report:
    return session.scalars(select(Report).join(Park).where(Park.code == code, Report.year == year)).one()


def findings(session, report, rule_id=None):
    result = validate_report(session, report.id)
    return [f for f in result.findings if rule_id is None or f.rule_id == rule_id]


def indicator(session, report, key) -> IndicatorValue:
    return session.scalars(select(IndicatorValue).join(IndicatorDefinition)
                           .where(IndicatorValue.report_id == report.id, IndicatorDefinition.key == key)).one()


def first_enterprise(session, report) -> Enterprise:
    return session.scalars(select(Enterprise).where(Enterprise.report_id == report.id).order_by(Enterprise.id)).first()


def test_clean_demo_reports_have_no_findings(ws):
    with ws.session() as session:
        for report in session.scalars(select(Report)):
            result = validate_report(session, report.id)
            if (report.park.code, report.year) == FLAWED_DRAFT:
                continue
            assert result.findings == [], (report.park.code, report.year, [f.message() for f in result.findings])
            assert result.ruleset_version == RULESET_VERSION


def test_finalized_demo_reports_validate_without_errors(ws):
    with ws.session() as session:
        accepted = session.scalars(select(Report).where(Report.status == "accepted")).all()
        assert len(accepted) == 24
        for report in accepted:
            assert not validate_report(session, report.id).errors


# --- field rules -----------------------------------------------------------------------------

def test_wrong_final_check_character_is_an_error(ws):
    with ws.session() as session:
        report = report_of(session)
        enterprise = first_enterprise(session, report)
        good = enterprise.uscc
        enterprise.uscc = good[:17] + ("0" if good[17] != "0" else "1")
        session.flush()
        found = findings(session, report, "ENT-USCC-CHECK")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].location.record_id == enterprise.id and found[0].location.field == "uscc"
    assert good[17] in found[0].message("zh") and enterprise.uscc in found[0].message("en")


def test_wrong_organisation_code_check_is_a_warning(ws):
    from parkdesk.uscc import uscc_check_char

    with ws.session() as session:
        report = report_of(session)
        enterprise = first_enterprise(session, report)
        first17 = enterprise.uscc[:16] + ("X" if enterprise.uscc[16] != "X" else "1")
        enterprise.uscc = first17 + uscc_check_char(first17)
        session.flush()
        result = validate_report(session, report.id)
    assert [f.rule_id for f in result.findings] == ["ENT-USCC-ORGCHECK"]
    assert result.findings[0].severity == "warning"


@pytest.mark.parametrize("column,value,rule", [
    ("uscc", "9137010", "ENT-USCC-FORMAT"),
    ("uscc", None, "FIELD-REQUIRED"),
    ("name", "   ", "FIELD-REQUIRED"),
    ("role", "boss", "FIELD-CHOICE"),
    ("employees", -5, "FIELD-RANGE"),
    ("employees", "many", "FIELD-TYPE"),
    ("revenue_wan_yuan", 5e9, "FIELD-RANGE"),
    ("distinctions", 1 << 12, "FIELD-CHOICE"),
    ("contact_phone", "call me", "FIELD-PHONE"),
])
def test_enterprise_field_rules(ws, column, value, rule):
    with ws.session() as session:
        report = report_of(session)
        enterprise = first_enterprise(session, report)
        session.execute(Enterprise.__table__.update().where(Enterprise.id == enterprise.id).values({column: value}))
        found = [f for f in findings(session, report) if f.location.record_id == enterprise.id]
    assert [(f.rule_id, f.location.field) for f in found] == [(rule, column)]


def test_park_and_section_fields(ws):
    with ws.session() as session:
        report = report_of(session)
        report.details.operator_org = ""
        report.details.contact_email = "not-an-address"
        report.positioning = None
        session.flush()
        found = {(f.rule_id, f.location.field) for f in findings(session, report)}
    assert ("FIELD-REQUIRED", "operator_org") in found
    assert ("FIELD-EMAIL", "contact_email") in found
    assert ("FIELD-REQUIRED", "positioning") in found


# --- record rules ----------------------------------------------------------------------------

def test_service_exports_cannot_exceed_foreign_trade_exports(ws):
    with ws.session() as session:
        report = report_of(session)
        exports, total = indicator(session, report, "service_exports"), indicator(session, report, "foreign_trade_exports")
        exports.actual = total.actual + 1
        session.flush()
        found = findings(session, report, "IND-EXPORTS-EXCEED")
    assert len(found) == 1 and found[0].location.field == "actual"


def test_enterprise_founded_after_the_report_year(ws):
    with ws.session() as session:
        report = report_of(session, year=2023)
        enterprise = first_enterprise(session, report)
        enterprise.established = date(2024, 2, 1)
        session.flush()
        found = findings(session, report, "ENT-EST-FUTURE")
    assert len(found) == 1 and "2024-02-01" in found[0].message()


def test_milestone_outside_its_stage_year_and_overdue(ws):
    with ws.session() as session:
        report = report_of(session)
        milestones = session.scalars(select(Milestone).where(Milestone.report_id == report.id)
                                     .order_by(Milestone.sort_order)).all()
        milestones[0].due_date = date(2023, 3, 1)  # a 2022 milestone
        milestones[2].status = "in_progress"  # a 2023 milestone, still open in 2024
        session.flush()
        assert len(findings(session, report, "MS-IN-STAGE")) == 1
        assert len(findings(session, report, "MS-OVERDUE")) == 1


def test_attachment_damage_is_detected(ws):
    from parkdesk.db.models import Attachment

    with ws.session() as session:
        report = report_of(session, year=2023)
        attachment = session.scalars(select(Attachment).where(Attachment.report_id == report.id)).one()
        attachment.content = b"changed"
        attachment.size = len(b"changed")
        session.flush()
        assert [f.rule_id for f in findings(session, report)] == ["ATT-HASH"]


# --- list rules ------------------------------------------------------------------------------

def test_duplicate_credit_codes_and_names(ws):
    with ws.session() as session:
        report = report_of(session)
        first, second, third = session.scalars(select(Enterprise).where(Enterprise.report_id == report.id)
                                               .order_by(Enterprise.id).limit(3)).all()
        second.uscc = first.uscc
        third.name = first.name
        session.flush()
        dup_codes = findings(session, report, "ENT-DUP-USCC")
        dup_names = findings(session, report, "ENT-DUP-NAME")
    assert [f.location.record_id for f in dup_codes] == [second.id]
    assert first.name in dup_codes[0].message()
    assert [f.location.record_id for f in dup_names] == [third.id] and dup_names[0].severity == "warning"


def test_repeats_are_found_whatever_the_names_and_blanks_never_repeat(ws):
    """A repeated credit code counts even where both rows have a blank name; blank codes and names are not repeats."""
    with ws.session() as session:
        report = report_of(session)
        rows = session.scalars(select(Enterprise).where(Enterprise.report_id == report.id)
                               .order_by(Enterprise.id).limit(6)).all()
        rows[0].name = rows[1].name = ""
        rows[1].uscc = rows[0].uscc
        rows[2].uscc = rows[3].uscc = " "
        rows[4].name = rows[5].name = "\u3000"
        rows[4].uscc, rows[5].uscc = None, None
        session.flush()
        dup_codes = findings(session, report, "ENT-DUP-USCC")
        dup_names = findings(session, report, "ENT-DUP-NAME")
    assert [(f.location.record_id, f.params["value"]) for f in dup_codes] == [(rows[1].id, rows[0].uscc)]
    assert dup_names == []


def test_many_problems_are_counted_not_hidden(ws):
    with ws.session() as session:
        report = report_of(session)
        session.execute(Enterprise.__table__.update().where(Enterprise.report_id == report.id).values(role="x"))
        result = validate_report(session, report.id, explain_limit=10)
    listed = [f for f in result.findings if f.rule_id == "FIELD-CHOICE"]
    truncated = [f for f in result.findings if f.rule_id == "LIST-TRUNCATED"]
    assert len(listed) == 10
    assert truncated and truncated[0].severity == "error" and truncated[0].params["count"] == 300 - 10


# --- cross-section rules ---------------------------------------------------------------------

def test_chain_link_must_exist_in_this_reports_chain_map(ws):
    with ws.session() as session:
        report = report_of(session)
        other = report_of(session, code="LKJJQ")
        foreign_link = session.scalars(select(ChainLink.id).join(ChainSegment)
                                       .where(ChainSegment.report_id == other.id)).first()
        enterprise = first_enterprise(session, report)
        enterprise.chain_link_id = foreign_link
        second = session.scalars(select(Enterprise).where(Enterprise.report_id == report.id)
                                 .order_by(Enterprise.id).offset(1)).first()
        second.chain_link_id = None
        session.flush()
        assert [f.location.record_id for f in findings(session, report, "ENT-CHAIN-LINK")] == [enterprise.id]
        unset = findings(session, report, "ENT-CHAIN-UNSET")
        assert [f.location.record_id for f in unset] == [second.id] and unset[0].severity == "warning"


def test_indicator_counts_must_agree_with_the_enterprise_list(ws):
    with ws.session() as session:
        report = report_of(session)
        listed = indicator(session, report, "listed_count")
        listed.actual += 3
        session.flush()
        found = findings(session, report, "IND-DERIVED-MISMATCH")
    assert len(found) == 1 and found[0].location.record_id == listed.id


def test_path_map_covers_the_stages_with_the_categorys_themes(ws):
    with ws.session() as session:
        report = report_of(session)
        stages = session.scalars(select(PathStage).where(PathStage.report_id == report.id)
                                 .order_by(PathStage.stage_year)).all()
        stages[0].theme = "特色打造"  # a 综合提升类 theme on a 争创一流类 park
        session.delete(stages[2])
        session.flush()
        theme = findings(session, report, "PATH-THEME")
        missing = findings(session, report, "PATH-STAGE-MISSING")
    assert len(theme) == 1 and "国际水准" in theme[0].message()
    assert len(missing) == 1 and "2024" in missing[0].message()


def test_every_requirement_is_assessed_and_every_chain_position_filled(ws):
    with ws.session() as session:
        report = report_of(session)
        session.delete(session.scalars(select(RequirementAssessment)
                                       .where(RequirementAssessment.report_id == report.id)).first())
        for segment in session.scalars(select(ChainSegment).where(ChainSegment.report_id == report.id,
                                                                  ChainSegment.position == "upstream")):
            session.delete(segment)
        session.flush()
        assert len(findings(session, report, "REQ-MISSING")) == 1
        assert "上游" in findings(session, report, "CHAIN-POSITION-EMPTY")[0].message()


def test_platform_count_is_derived_from_the_platforms(ws):
    with ws.session() as session:
        report = report_of(session)
        session.delete(session.scalars(select(Platform).where(Platform.report_id == report.id)).first())
        session.flush()
        found = findings(session, report, "IND-DERIVED-MISMATCH")
    assert [f.location.row_label for f in found] == ["公共服务平台数量"]


def test_counts_are_whole_numbers(ws):
    with ws.session() as session:
        report = report_of(session, code="HYSZKJ")
        indicator(session, report, "enterprise_count").actual = 62.3
        indicator(session, report, "industry_scale").actual = 62.3  # an amount may have decimals
        session.flush()
        found = findings(session, report, "IND-WHOLE")
    assert [(f.location.row_label, f.location.field, f.severity) for f in found] == [
        ("园区企业数量", "actual", "error")]
    assert "62.3" in found[0].message("zh") and "whole number" in found[0].message("en")


def test_the_demo_never_types_a_fraction_of_a_count(ws):
    from parkdesk.forms.indicators import COUNT, INDICATOR_BY_KEY

    with ws.session() as session:
        rows = session.execute(select(IndicatorDefinition.key, IndicatorValue.baseline_2021, IndicatorValue.target_2024,
                                      IndicatorValue.actual).join(IndicatorValue)).all()
    counts = [(key, *values) for key, *values in rows if key in INDICATOR_BY_KEY
              and INDICATOR_BY_KEY[key].kind == COUNT]
    assert counts and all(v is None or v == int(v) for _, *values in counts for v in values)


def test_a_computed_share_typed_otherwise_is_flagged(ws):
    with ws.session() as session:
        report = report_of(session, code="LKJJQ", year=2023)
        exports, trade = (indicator(session, report, k).actual for k in ("service_exports", "foreign_trade_exports"))
        indicator(session, report, "service_export_share").actual = 55
        session.flush()
        found = findings(session, report, "IND-COMPUTED-MISMATCH")
    assert [(f.location.field, f.severity) for f in found] == [("actual", "warning")]
    assert f"{round(exports / trade * 100, 2):g}" in found[0].message("zh") and "55" in found[0].message("zh")
    assert "服务出口额 ÷ 外贸出口额 × 100" in found[0].message("zh")


# --- the plan --------------------------------------------------------------------------------

def test_targets_short_of_doubling_cite_the_plans_goal_for_the_park(ws):
    with ws.session() as session:
        report = report_of(session, code="SDSZDS")
        value = indicator(session, report, "enterprise_count")
        value.target_2024 = value.baseline_2021 * 1.5
        session.flush()
        found = findings(session, report, "PLAN-DOUBLING")
    assert len(found) == 1 and "行动计划方案要求本园区" in found[0].message("zh") and found[0].severity == "warning"


@pytest.mark.parametrize("code,asked,not_asked", [
    ("SDZYYDX", "service_exports", "enterprise_count"),  # 中医药服务出口规模实现倍增: exports only
    ("HJT", "industry_scale", "enterprise_count"),  # 宏济堂: 产业规模实现倍增, scale only
    ("QLRJY", None, "enterprise_count"),  # 齐鲁软件园: its own figures, no doubling
    ("BKKG", None, "industry_scale"),  # 博科: "双十", no doubling
])
def test_doubling_is_asked_of_a_park_only_where_the_plan_asks_it(ws, code, asked, not_asked):
    """三个倍增 are city totals (plan lines 31–33): per park, only the plan's own goals for that park."""
    with ws.session() as session:
        report = report_of(session, code=code)
        for key in filter(None, (asked, not_asked)):
            value = indicator(session, report, key)
            value.target_2024 = value.baseline_2021 * 1.5
        session.flush()
        found = [f.params["indicator"].zh for f in findings(session, report, "PLAN-DOUBLING")]
    names = {"service_exports": "服务出口额", "enterprise_count": "园区企业数量", "industry_scale": "产业规模"}
    assert found == ([names[asked]] if asked else [])


def test_plan_parks_are_matched_by_code_and_a_new_name_is_a_warning(ws):
    with ws.session() as session:
        report = report_of(session, code="SDSZDS")
        report.details.name = "山东数字经济产业大厦"  # renamed: still the plan's park of code SDSZDS
        value = indicator(session, report, "industry_scale")
        value.target_2024 = value.baseline_2021 * 1.5
        session.flush()
        rules = [f.rule_id for f in findings(session, report)]
        renamed = findings(session, report, "PLAN-NAME")[0]
    assert rules.count("PLAN-DOUBLING") == 1  # the plan's goal still applies
    assert renamed.severity == "warning" and "山东数字产业大厦" in renamed.message("zh")
    assert "renamed" in renamed.message("en")


def test_lowering_a_stated_target_is_flagged(ws):
    with ws.session() as session:
        report = report_of(session, code="QLRJY")
        value = indicator(session, report, "industry_scale")
        value.target_2024 = 4000
        session.flush()
        found = findings(session, report, "PLAN-STATED-TARGET")
    assert len(found) == 1 and "5,000" in found[0].message() and "产业规模达到5000亿元" in found[0].message()


# --- year over year --------------------------------------------------------------------------

def test_a_jump_against_last_year_asks_for_an_explanation(ws):
    with ws.session() as session:
        report = report_of(session)
        value = indicator(session, report, "employees")
        value.actual = value.actual * 3
        value.baseline_2021 = value.baseline_2021 + 1
        session.flush()
        rules = [f.rule_id for f in findings(session, report)]
    assert rules.count("YOY-CHANGE") == 1 and rules.count("YOY-BASELINE") == 1


# --- CLI -------------------------------------------------------------------------------------

def test_validate_cli_exit_codes_and_json(demo_path, capsys):
    assert main(["validate", str(demo_path), "--park", "QLRJY"]) == 0
    capsys.readouterr()
    assert main(["validate", str(demo_path), "--park", "山东语言服务出口基地", "--year", "2024",
                 "--format", "json", "--lang", "en"]) == 1
    data = json.loads(capsys.readouterr().out)
    report = data["reports"][0]
    assert data["ruleset_version"] == RULESET_VERSION and report["code"] == "SDYYFW"
    rules = {f["rule"] for f in report["findings"]}
    assert {"ENT-USCC-CHECK", "ENT-DUP-USCC", "ENT-EST-FUTURE", "MS-IN-STAGE", "PLAN-DOUBLING"} <= rules
    for finding in report["findings"]:
        assert finding["location"]["section"] and finding["message"] and finding["where"]
    assert main(["validate", str(demo_path)]) == 1  # the whole workspace holds the flawed draft
    out = capsys.readouterr().out
    assert "ENT-USCC-CHECK" in out and "重点企业、配套企业名录表 ›" in out


def test_validate_cli_unreadable_input_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "none.sqlite")]) == 2
    assert main(["validate", str(tmp_path / "none.sqlite"), "--park", "X"]) == 2


@pytest.mark.parametrize("commit", [True, False], ids=["committed-second-connection", "uncommitted-same-session"])
def test_rule_scan_sees_committed_and_uncommitted_edits(ws, commit):
    """The SQL rule pass runs on a second connection only when that sees the same data."""
    with ws.session() as session:
        report = report_of(session)
        enterprise = first_enterprise(session, report)
        session.execute(Enterprise.__table__.update().where(Enterprise.id == enterprise.id).values(role="boss"))
        if commit:
            session.commit()
        assert has_uncommitted_writes(session.connection()) is not commit
        found = [(f.rule_id, f.location.record_id) for f in findings(session, report)]
    assert found == [("FIELD-CHOICE", enterprise.id)]
