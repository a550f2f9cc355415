"""The enterprise list's SQL: filters, search, and sorting as a person expects it."""

from __future__ import annotations

from sqlalchemy import select

from parkdesk.db.enterprise_table import NO_LINK, EnterpriseFilter, chain_link_names, enterprise_ids, enterprise_rows
from parkdesk.db.models import Enterprise, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.reference.distinctions import DISTINCTION_BY_KEY


def test_filters_search_and_sorts_agree_with_python(demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session:
        report_id = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        everything = {row.id: row for row in session.execute(
            select(Enterprise.__table__).where(Enterprise.report_id == report_id))}
        session.execute(Enterprise.__table__.update().where(Enterprise.id == min(everything))
                        .values(chain_link_id=None, name="百分之百_公司"))
        everything = {row.id: row for row in session.execute(
            select(Enterprise.__table__).where(Enterprise.report_id == report_id))}

        assert list(enterprise_ids(session, report_id)) == sorted(everything)
        keys = set(enterprise_ids(session, report_id, EnterpriseFilter(role="key")))
        assert keys == {i for i, r in everything.items() if r.role == "key"}
        listed = DISTINCTION_BY_KEY["listed"].bit
        assert set(enterprise_ids(session, report_id, EnterpriseFilter(distinction="listed"))) == \
            {i for i, r in everything.items() if r.distinctions & listed}
        assert list(enterprise_ids(session, report_id, EnterpriseFilter(chain_link_id=NO_LINK))) == [min(everything)]
        # LIKE wildcards typed by the user are literal characters
        assert list(enterprise_ids(session, report_id, EnterpriseFilter(search="百_"))) == [min(everything)]
        assert list(enterprise_ids(session, report_id, EnterpriseFilter(search="%"))) == []

        by_revenue = list(enterprise_ids(session, report_id, sort="revenue_wan_yuan", descending=True))
        revenues = [everything[i].revenue_wan_yuan for i in by_revenue]
        assert revenues == sorted(revenues, reverse=True)

        order = list(chain_link_names(session, report_id))
        by_link = list(enterprise_ids(session, report_id, sort="chain_link_id"))
        ranks = [-1 if everything[i].chain_link_id is None else order.index(everything[i].chain_link_id)
                 for i in by_link]
        assert ranks == sorted(ranks) and ranks[0] == -1  # unplaced first, then upstream → downstream
        reverse = list(enterprise_ids(session, report_id, sort="chain_link_id", descending=True))
        assert reverse == list(reversed(by_link))

        rows = enterprise_rows(session, by_link[:5])
        assert set(rows) == set(by_link[:5]) and rows[by_link[0]]["name"] == everything[by_link[0]].name


def index_names(path) -> set[str]:
    import sqlite3

    with sqlite3.connect(path) as connection:
        return {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'enterprises'")}


def test_a_sort_index_is_built_on_the_first_sort_by_its_column_and_kept(demo_path):
    """The list's sort indexes are not kept up to date by every insert (migration 0010 dropped them)."""
    from parkdesk.db.enterprise_table import has_sort_index

    assert "ix_enterprises_report_revenue_wan_yuan" not in index_names(demo_path)
    with open_workspace(demo_path) as ws, ws.session() as session:
        report_id = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        assert not has_sort_index(session, "revenue_wan_yuan") and has_sort_index(session, "name")
        ids = list(enterprise_ids(session, report_id, sort="revenue_wan_yuan"))
    with open_workspace(demo_path) as ws, ws.session() as session:
        assert has_sort_index(session, "revenue_wan_yuan")
        assert list(enterprise_ids(session, report_id, sort="revenue_wan_yuan")) == ids
        plan = session.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM enterprises WHERE report_id = ? ORDER BY revenue_wan_yuan, id",
            (report_id,)).fetchall()
    assert "ix_enterprises_report_revenue_wan_yuan" in index_names(demo_path)
    assert any("ix_enterprises_report_revenue_wan_yuan" in str(step) for step in plan)


def test_a_bulk_import_drops_the_sort_indexes(demo_path, tmp_path, monkeypatch):
    import openpyxl

    from parkdesk.excel import apply as apply_module
    from parkdesk.excel.apply import apply_import
    from parkdesk.excel.importing import preview_import
    from parkdesk.uscc import make_uscc

    with open_workspace(demo_path) as ws, ws.session() as session:
        report_id = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        for column in ("role", "employees"):
            enterprise_ids(session, report_id, sort=column)
    assert {"ix_enterprises_report_role", "ix_enterprises_report_employees"} <= index_names(demo_path)
    path = tmp_path / "bulk.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["企业名称", "统一社会信用代码", "企业类型", "入驻状态"])
    for n in range(5):
        book.active.append([f"批量{n}有限公司", make_uscc("91", "370100", f"MB0000B{n}"), "配套企业", "已入驻"])
    book.save(path)
    monkeypatch.setattr(apply_module, "BULK_ROWS", 5)  # 10,000 rows in real life
    with open_workspace(demo_path) as ws:
        with ws.session() as session:
            preview = preview_import(session, report_id, path)
        assert apply_import(ws, preview.plans).inserted == 5
    names = index_names(demo_path)
    assert not any(name.endswith(("_role", "_employees")) for name in names)
    assert {"ix_enterprises_report_name", "ix_enterprises_report_uscc", "ix_enterprises_report"} <= names
