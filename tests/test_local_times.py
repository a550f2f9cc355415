"""Times are stored as naive UTC and shown in the computer's local time: a district in Jinan (UTC+8) reads the
hour it received a package, in the window and on the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from parkdesk.review.times import local_time, shown_time


@pytest.fixture
def in_jinan():
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ")
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_stored_time_is_shown_in_local_time(in_jinan):
    stored = datetime(2026, 12, 5, 9, 5)  # naive UTC, as the workspace keeps it
    assert local_time(stored) == datetime(2026, 12, 5, 17, 5)
    assert shown_time(stored) == "2026-12-05 17:05" and shown_time(None) == "—"


def test_the_inbox_says_when_a_package_came_in_local_time(demo_path, tmp_path):
    from parkdesk.db.workspace import open_workspace
    from parkdesk.review.inbox_rows import list_inbox
    from review_kit import PARK, YEAR, make_world, receive, send, set_status

    world = make_world(tmp_path / "world", demo_path)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _built = send(world, "QLRJY-2023.parkpkg")
    receive(world, package)
    with open_workspace(world.reviewer) as workspace, workspace.session() as session:
        stored = list_inbox(session)[0].received_at
    run = subprocess.run([sys.executable, "-m", "parkdesk", "review", "list", str(world.reviewer)],
                         capture_output=True, text=True, check=True, env={**os.environ, "TZ": "Asia/Shanghai"})
    assert f"{stored + timedelta(hours=8):%Y-%m-%d %H:%M}" in run.stdout
    assert f"{stored:%Y-%m-%d %H:%M}" not in run.stdout  # not the stored UTC hour
