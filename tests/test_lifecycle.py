"""Finalize only without errors and with every warning justified; reopen explicitly, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from parkdesk.cli.main import main
from parkdesk.db.models import AuditEntry, IndicatorDefinition, IndicatorValue, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.reports.lifecycle import CannotFinalize, ReportLocked, ensure_editable, finalize, justify, reopen


def report_of(session, code, year=2024) -> Report:
    return session.scalars(select(Report).join(Park).where(Park.code == code, Report.year == year)).one()


def test_errors_block_finalizing(demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session:
        report = report_of(session, "SDYYFW")
        with pytest.raises(CannotFinalize) as info:
            finalize(session, report, "tester")
        assert len(info.value.result.errors) == 4
        assert report.status == "draft"


def test_warnings_need_a_justification_then_the_report_locks(demo_path):
    with open_workspace(demo_path) as ws:
        with ws.session() as session, session.begin():
            report = report_of(session, "SDSZDS")
            value = session.scalars(select(IndicatorValue).join(IndicatorDefinition).where(
                IndicatorValue.report_id == report.id, IndicatorDefinition.key == "industry_scale")).one()
            value.target_2024 = value.baseline_2021 * 1.5
        with ws.session() as session:
            report = report_of(session, "SDSZDS")
            with pytest.raises(CannotFinalize) as info:
                finalize(session, report, "tester")
            warning = info.value.result.unjustified_warnings[0]
            assert warning.rule_id == "PLAN-DOUBLING"
        with ws.session() as session, session.begin():
            report = report_of(session, "SDSZDS")
            justify(session, report, warning.rule_id, warning.location.key(), "受疫情影响,目标经区县商务主管部门同意下调",
                    "tester")
        with ws.session() as session, session.begin():
            result = finalize(session, report_of(session, "SDSZDS"), "tester")
            assert result.justification(warning) == "受疫情影响,目标经区县商务主管部门同意下调"
        with ws.session() as session:
            report = report_of(session, "SDSZDS")
            assert report.status == "finalized" and report.finalized_at is not None
            with pytest.raises(ReportLocked):
                ensure_editable(report)
            with pytest.raises(ReportLocked):
                justify(session, report, "X", "*", "late", "tester")


def test_reopen_is_explicit_and_audited(demo_path):
    with open_workspace(demo_path) as ws:
        with ws.session() as session, session.begin():
            finalize(session, report_of(session, "QLRJY"), "tester")
        with ws.session() as session, session.begin():
            reopen(session, report_of(session, "QLRJY"), "tester", "区县退回,补充企业名录")
        with ws.session() as session:
            report = report_of(session, "QLRJY")
            assert report.status == "draft"
            events = session.scalars(select(AuditEntry.detail).where(AuditEntry.report_id == report.id,
                                                                     AuditEntry.action == "event")).all()
    assert any(e.startswith("finalized") for e in events)
    assert any("reopened: 区县退回,补充企业名录" == e for e in events)


def test_cli_finalize_justify_reopen(demo_path, capsys):
    assert main(["finalize", str(demo_path), "--park", "SDYYFW", "--year", "2024"]) == 1
    err = capsys.readouterr().err
    assert "不能定稿" in err and "ENT-USCC-CHECK" in err
    assert main(["finalize", str(demo_path), "--park", "QLRJY", "--year", "2024"]) == 0
    assert main(["finalize", str(demo_path), "--park", "QLRJY", "--year", "2024"]) == 2  # locked
    assert "已锁定" in capsys.readouterr().err
    assert main(["reopen", str(demo_path), "--park", "QLRJY", "--year", "2024", "--reason", "补充材料"]) == 0
    assert main(["justify", str(demo_path), "--park", "QLRJY", "--year", "2024", "--rule", "YOY-CHANGE",
                 "--text", "新园区并入"]) == 0
    assert main(["reopen", str(demo_path), "--park", "QLRJY", "--year", "2030", "--reason", "x"]) == 2
