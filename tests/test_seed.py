"""Reference data is put into a workspace once and kept as this version defines it; opening an up-to-date
workspace skips the ORM work (parkdesk.db.seed.reference_data_current)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.orm import Session

from parkdesk.db.engine import make_engine
from parkdesk.db.seed import reference_data_current
from parkdesk.db.workspace import open_workspace


def test_an_opened_workspace_is_current_and_a_changed_one_is_put_right(workspace_path):
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        assert reference_data_current(session)
    with sqlite3.connect(workspace_path) as connection:  # an older version's name, a zone missing
        connection.execute("UPDATE indicator_definitions SET name_zh = '旧名称' WHERE key = 'industry_scale'")
        connection.execute("DELETE FROM divisions WHERE code = 'Z04'")
    engine = make_engine(workspace_path)
    with Session(engine) as session:
        assert not reference_data_current(session)  # seen as out of date: the open will seed it
    engine.dispose()
    with open_workspace(workspace_path) as workspace, workspace.session() as session:
        assert reference_data_current(session)  # the open put both right
    with sqlite3.connect(workspace_path) as connection:
        assert connection.execute("SELECT name_zh FROM indicator_definitions WHERE key = 'industry_scale'"
                                  ).fetchone() == ("产业规模",)
        assert connection.execute("SELECT name FROM divisions WHERE code = 'Z04'").fetchone() == ("莱芜高新区",)
