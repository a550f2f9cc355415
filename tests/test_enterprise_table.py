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
