"""The target industry-chain panorama (产业链全景图): segments and their links."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from parkdesk.db.models.base import Base


class ChainSegment(Base):
    """A segment of the chain in one position: 上游, 中游 or 下游."""

    __tablename__ = "chain_segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    position: Mapped[str] = mapped_column(String(16))  # upstream | midstream | downstream
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    ref: Mapped[int | None] = mapped_column(Integer)  # the workbook's 编号(ID) within the report (a trigger numbers it)

    links: Mapped[list["ChainLink"]] = relationship(
        back_populates="segment", cascade="all, delete-orphan", passive_deletes=True,
        order_by="ChainLink.sort_order",
    )


class ChainLink(Base):
    """A chain link (产业链环节), tagged 强链/补链/延链 with its state 已有/薄弱/缺失."""

    __tablename__ = "chain_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("chain_segments.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))  # strengthen | fill | extend
    state: Mapped[str] = mapped_column(String(16))  # existing | weak | missing
    description: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    ref: Mapped[int | None] = mapped_column(Integer)  # the workbook's 编号(ID) within the report (a trigger numbers it)

    segment: Mapped[ChainSegment] = relationship(back_populates="links")
