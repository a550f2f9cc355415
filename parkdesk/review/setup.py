"""Reviewer (district) and city workspaces: the role, the district, its identity and its trust store."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, Identity, WorkspaceInfo
from parkdesk.db.workspace import ROLE_CITY, ROLE_REVIEWER, create_workspace
from parkdesk.errors import InputProblem, WorkspaceError
from parkdesk.identity.certificates import DISTRICT
from parkdesk.identity.passphrase import MIN_LENGTH
from parkdesk.identity.store import NewIdentity, certificate_of, create_identity
from parkdesk.identity.trust_store import trust_certificate
from parkdesk.reference.districts import DIVISION_BY_CODE

DISTRICT_KEY = "district"  # WorkspaceInfo key: the reviewer's division code


def create_reviewer_workspace(path: Path | str, *, district_code: str, passphrase: bytes,
                              identity_name: str | None = None, name: str | None = None, actor: str | None = None,
                              overwrite: bool = False, algorithm: str = "rsa") -> Path:
    """A district's workspace: its division, its identity (a small CA, RSA so it can receive encrypted
    packages) and a trust store that trusts that CA, i.e. every operator certificate it issues."""
    division = DIVISION_BY_CODE.get(district_code)
    if division is None:
        raise WorkspaceError("cli.division_not_found", division=district_code)
    if len(passphrase) < MIN_LENGTH:
        raise InputProblem("identity.passphrase_short", minimum=MIN_LENGTH)
    office = f"{division.name}商务局"
    with create_workspace(path, role=ROLE_REVIEWER, name=name or office, actor=actor,
                          overwrite=overwrite) as workspace, workspace.session() as session, session.begin():
        session.add(WorkspaceInfo(key=DISTRICT_KEY, value=division.code))
        identity = create_identity(session, workspace.actor, NewIdentity(
            identity_name or office, DISTRICT, office, f"济南市{office}", division.code, algorithm), passphrase)
        trust_certificate(session, workspace.actor, certificate_of(identity), note="本区县 / own district")
    return Path(path)


def create_city_workspace(path: Path | str, *, name: str | None = None, actor: str | None = None,
                          overwrite: bool = False) -> Path:
    """The city bureau's workspace; districts' certificates are added with `parkdesk keys trust`."""
    with create_workspace(path, role=ROLE_CITY, name=name or "济南市商务局", actor=actor, overwrite=overwrite):
        pass
    return Path(path)


def workspace_district(session: Session) -> Division | None:
    """The reviewer workspace's district, None in other workspaces."""
    code = session.scalar(select(WorkspaceInfo.value).where(WorkspaceInfo.key == DISTRICT_KEY))
    return session.get(Division, code) if code else None


def district_identity(session: Session, name: str | None = None) -> Identity:
    """The identity that signs the district's receipts and roll-ups: `name`, else the district's own."""
    query = select(Identity).where(Identity.kind == DISTRICT)
    if name:
        query = query.where(Identity.name == name.strip())
    else:
        district = workspace_district(session)
        if district is not None:
            query = query.where(Identity.division_code == district.code)
    identity = session.scalars(query.order_by(Identity.id.desc())).first()
    if identity is None:
        raise WorkspaceError("review.no_district_identity", name=name or "")
    return identity
