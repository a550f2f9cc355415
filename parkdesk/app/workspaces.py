"""Workspaces as a whole: make one (empty, an operator's with its first draft, a district's, the city's, a demo),
back it up, restore it, list its parks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from parkdesk.db.backups import Backup, list_backups, make_backup
from parkdesk.db.models import Division
from parkdesk.db.queries import ParkOverview, park_overviews
from parkdesk.db.workspace import ROLE_OPERATOR, Workspace, create_workspace, open_workspace
from parkdesk.errors import InputProblem

# Creating workspaces and restoring backups import their work when they run: `parkdesk parks` and the other
# everyday commands start without the certificate and set-up code (issue 18: start-up time).


@dataclass(frozen=True)
class NewWorkspace:
    path: Path
    role: str
    park: str | None = None  # an operator's: the park of its first draft
    year: int | None = None
    district: str | None = None  # a reviewer's: its district's name, identity and fingerprint
    identity: str | None = None
    fingerprint: str | None = None
    added: bool = False  # an operator's park (or its new year's draft) added to a workspace that existed


def create_empty(path: Path, *, role: str = ROLE_OPERATOR, name: str | None = None) -> NewWorkspace:
    with create_workspace(path, role=role, name=name):
        pass
    return NewWorkspace(Path(path), role)


def create_operator(path: Path, park: str, year: int, *, name: str | None = None,
                    district: str | None = None) -> NewWorkspace:
    """An operator's workspace holding one of the plan's parks (in `district`, a code or name, when given) and
    its first draft report of `year`. When `path` is already a workspace, the park and its draft are added
    to it instead."""
    from parkdesk.app.parks import add_plan_park_draft, find_district
    from parkdesk.reports.park_setup import find_plan_park
    from parkdesk.reports.start import start_operator_workspace

    plan_park = find_plan_park(park)
    division = find_district(district) if district else None
    if Path(path).is_file():
        with open_workspace(path) as workspace:
            added = add_plan_park_draft(workspace, plan_park.code, year, district=district)
        return NewWorkspace(Path(path), ROLE_OPERATOR, added.name, year, district=added.district, added=True)
    start_operator_workspace(path, park_code=plan_park.code, division_code=division.code if division else None,
                             year=year, name=name)
    return NewWorkspace(Path(path), ROLE_OPERATOR, plan_park.name, year,
                        district=division.name if division else None)


def create_reviewer(path: Path, district: str, passphrase: bytes, *, identity: str | None = None,
                    name: str | None = None) -> NewWorkspace:
    """A district office's workspace with its signing identity (a small CA)."""
    if not district:
        raise InputProblem("init.district_needed")
    from parkdesk.review.setup import create_reviewer_workspace, district_identity

    create_reviewer_workspace(path, district_code=district, passphrase=passphrase, identity_name=identity, name=name)
    with open_workspace(path) as workspace, workspace.session() as session:
        found = district_identity(session)
        return NewWorkspace(Path(path), "reviewer", district=session.get(Division, found.division_code).name,
                            identity=found.name, fingerprint=found.fingerprint)


def create_city(path: Path, *, name: str | None = None) -> NewWorkspace:
    from parkdesk.review.setup import create_city_workspace

    create_city_workspace(path, name=name)
    return NewWorkspace(Path(path), "city")


def create_demo(path: Path, *, role: str = ROLE_OPERATOR, district: str | None = None,
                enterprises: int | None = None, overwrite: bool = False,
                progress: Callable[[int, int], bool] | None = None):
    """The deterministic demo workspace of a role (its stats: parks, reports, enterprises, or packages)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if role == ROLE_OPERATOR:
        from parkdesk.demo.builder import build_demo

        return build_demo(path, enterprises=enterprises, overwrite=overwrite, progress=progress)
    from parkdesk.demo.review_demo import build_city_demo, build_reviewer_demo

    if role == "reviewer":
        return build_reviewer_demo(path, district=district, overwrite=overwrite, enterprises=enterprises)
    return build_city_demo(path, overwrite=overwrite, enterprises=enterprises)


def parks(workspace: Workspace) -> list[ParkOverview]:
    with workspace.session() as session:
        return park_overviews(session)


def backup(workspace: Path, out: Path | None = None) -> Path:
    """A checked copy of the workspace (to `out`, else into its backup folder); refused while a window has it."""
    return make_backup(workspace, out)


def backups(workspace: Path) -> list[Backup]:
    return list_backups(workspace)


def restore(backup_file: Path, target: Path, *, force: bool = False):
    """Put a verified backup at `target` (a RestoreOutcome); an existing workspace is saved first (with
    `force`), never one a window has open."""
    from parkdesk.db.backup_restore import restore_backup

    return restore_backup(backup_file, target, force=force)
