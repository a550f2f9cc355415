"""The key and supporting enterprise list (重点企业、配套企业名录表).

Lists run to 100,000 rows: read them as Core rows, filter and sort in SQLite.
The (report_id, column) indexes the list is sorted by are not part of the
schema: each is built the first time the list is sorted by its column
(parkdesk.db.enterprise_table.ensure_sort_index), and a bulk import drops them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from parkdesk.db.models.base import Base


class Enterprise(Base):
    __tablename__ = "enterprises"
    __table_args__ = (
        Index("ix_enterprises_report_name", "report_id", "name"),
        Index("ix_enterprises_report_uscc", "report_id", "uscc"),
        # (report_id) alone keeps a report's ids in order; the sort indexes come and go (see above)
        Index("ix_enterprises_report", "report_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    uscc: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    role: Mapped[str] = mapped_column(String(16))  # key | supporting
    chain_link_id: Mapped[int | None] = mapped_column(
        ForeignKey("chain_links.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))  # settled | planned
    established: Mapped[date | None] = mapped_column(Date)
    employees: Mapped[int | None] = mapped_column(Integer)
    revenue_wan_yuan: Mapped[float | None] = mapped_column(Float)  # 营业收入 万元
    service_exports_wan_usd: Mapped[float | None] = mapped_column(Float)  # 服务出口 万美元
    distinctions: Mapped[int] = mapped_column(Integer, default=0)  # bit mask, see reference.distinctions
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_phone: Mapped[str | None] = mapped_column(String(64))
