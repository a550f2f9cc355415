"""Check-then-write actions take the write lock before they check (issue 17, A.4).

A finalize beside an import must validate what the import committed, not
what was there before it; an edit beside a finalize must be refused once the
report is locked. The other writer here holds an open write transaction on a
second thread, the way a background import does in the window.
"""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.editing.changes import SetValues
from parkdesk.editing.editor import ReportEditor
from parkdesk.reports.lifecycle import CannotFinalize, ReportLocked, finalize

HOLD_SECONDS = 0.8


def report_id(workspace, code="QLRJY", year=2023) -> int:
    with workspace.session() as session:
        return session.scalar(select(Report.id).join(Park).where(Park.code == code, Report.year == year))


def writer_thread(workspace, work) -> tuple[threading.Thread, threading.Event]:
    """A transaction on another thread that has written and holds the lock for HOLD_SECONDS, then commits."""
    started = threading.Event()

    def run():
        with workspace.writing() as session:
            work(session)
            session.flush()
            started.set()
            time.sleep(HOLD_SECONDS)

    thread = threading.Thread(target=run)
    thread.start()
    assert started.wait(10)
    return thread, started


def test_finalize_beside_an_import_validates_what_the_import_committed(demo_path):
    with open_workspace(demo_path, backups=None) as workspace:
        rid = report_id(workspace)
        with workspace.writing() as session:
            session.get(Report, rid).status = "draft"  # a clean, valid report, ready to be finalized

        def import_a_bad_row(session):
            first = session.scalars(select(Enterprise).where(Enterprise.report_id == rid)).first()
            first.uscc = "91370100MA3C5XXXX0"  # a credit code whose check digit is wrong: an error

        importer, _ = writer_thread(workspace, import_a_bad_row)
        with pytest.raises(CannotFinalize) as refused:
            with workspace.write_session() as session, session.begin():
                finalize(session, session.get(Report, rid), "test")
        importer.join()
        assert any(f.rule_id.startswith("ENT-USCC") for f in refused.value.result.errors)
        with workspace.session() as session:
            assert session.get(Report, rid).status == "draft"


def test_an_edit_beside_a_finalize_is_refused_once_the_report_is_locked(demo_path):
    with open_workspace(demo_path, backups=None) as workspace:
        rid = report_id(workspace)
        with workspace.writing() as session:
            session.get(Report, rid).status = "draft"
            park_id = session.get(Report, rid).park_id

        def finalize_it(session):
            finalize(session, session.get(Report, rid), "test")

        finalizer, _ = writer_thread(workspace, finalize_it)
        with pytest.raises(ReportLocked):
            ReportEditor(workspace, rid).apply(SetValues("reports", rid, {"positioning": "changed"},
                                                         {"positioning": None}))
        finalizer.join()
        with workspace.session() as session:
            report = session.get(Report, rid)
            assert report.status == "finalized" and report.positioning != "changed"
            assert session.get(Park, park_id) is not None
