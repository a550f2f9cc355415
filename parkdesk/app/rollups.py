"""The district's roll-up of a year: the table, its exports, the signed package for the city, and the city's
import of the districts' roll-ups."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from parkdesk.city.received_rollups import ReceivedRollupRow, received_rollups as received
from parkdesk.db.workspace import Workspace
from parkdesk.review.rollup_build import BuiltRollup, build_rollup as build
from parkdesk.review.rollup_import import ImportedRollup, import_rollups as take
from parkdesk.review.rollup_table import DistrictRollup, district_rollup


def rollup_table(workspace: Workspace, year: int, *, approved_only: bool = False) -> DistrictRollup:
    with workspace.session() as session:
        return district_rollup(session, year, approved_only=approved_only)


def export_rollup(workspace: Workspace, year: int, out: Path, *, lang: str = "zh",
                  approved_only: bool = False) -> Path:
    """The roll-up as a workbook, or as the district's PDF when `out` ends in .pdf."""
    from parkdesk.review.rollup_export import export_rollup as write

    with workspace.session() as session:
        return write(session, year, out, lang=lang, approved_only=approved_only)


def build_rollup(workspace: Workspace, year: int, out: Path, identity: str, passphrase: bytes, *,
                 district_report=None) -> BuiltRollup:
    """The signed roll-up of the year's approved packages to `out`, numbered after the district's earlier ones,
    with the district's year-end section (progress, planned new parks) when given."""
    from parkdesk.app.identities import signer_for

    signer = signer_for(workspace, identity, passphrase)
    with workspace.write_session() as session:
        return build(session, year, out, signer, actor=workspace.actor, district_report=district_report)


def import_rollups(workspace: Workspace, paths: list[Path], *,
                   progress: Callable[[int, int], bool] | None = None) -> list[ImportedRollup]:
    """The city takes in districts' roll-ups, each verified against the district certificates it trusts."""
    with workspace.write_session() as session:
        return take(session, paths, actor=workspace.actor, progress=progress)


def received_rollups(workspace: Workspace, year: int | None = None) -> list[ReceivedRollupRow]:
    """The roll-ups the city received, by district and year; a replaced one says so."""
    with workspace.session() as session:
        return received(session, year)
