"""Shared by the review tests: a district's reviewer workspace, operators it certified, packages they built."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.identity.certificates import OPERATOR
from parkdesk.identity.requests import issue_certificate, make_request
from parkdesk.identity.store import (
    NewIdentity, certificate_of, chain_of, create_identity, install_certificate, operator_identity_for, unlock,
)
from parkdesk.packages.build import BuiltPackage, Signer, build_package
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.review.inbox import import_packages
from parkdesk.review.setup import create_reviewer_workspace, district_identity

PASSPHRASE = b"review-kit-passphrase"
DISTRICT = "Z01"  # 高新区: QLRJY and GJWHCK of the demo
PARK = "QLRJY"
YEAR = 2023


@dataclass
class World:
    reviewer: Path
    operator: Path
    folder: Path

    def district_signer(self) -> Signer:
        with open_workspace(self.reviewer) as ws, ws.session() as session:
            identity = district_identity(session)
            return Signer(unlock(identity, PASSPHRASE), certificate_of(identity), chain_of(identity))

    def district_certificate(self) -> x509.Certificate:
        with open_workspace(self.reviewer) as ws, ws.session() as session:
            return certificate_of(district_identity(session))


def make_world(folder: Path, demo: Path, *, district: str = DISTRICT, parks: tuple[str, ...] = (PARK,),
               algorithm: str = "ec") -> World:
    """A reviewer workspace for `district` and an operator workspace (a demo copy) whose parks it certified."""
    folder.mkdir(parents=True, exist_ok=True)
    reviewer = create_reviewer_workspace(folder / "district.sqlite", district_code=district, passphrase=PASSPHRASE,
                                         algorithm=algorithm)
    operator = folder / "operator.sqlite"
    shutil.copy2(demo, operator)
    world = World(reviewer, operator, folder)
    for park in parks:
        certify(world, park)
    return world


def certify(world: World, park: str) -> None:
    """The operator makes an identity for `park`, the district issues its certificate, the operator installs it."""
    with open_workspace(world.operator) as ws, ws.session() as session, session.begin():
        identity = create_identity(session, ws.actor, NewIdentity(f"{park} 运营", OPERATOR, park, f"{park} 运营机构",
                                                                  park, "ec"), PASSPHRASE)
        request = x509.load_pem_x509_csr(make_request(unlock(identity, PASSPHRASE), certificate_of(identity).subject))
        district = world.district_signer()
        cert = issue_certificate(district.key, district.certificate, request)
        install_certificate(session, ws.actor, identity, [cert, district.certificate])


def copy_world(world: World, folder: Path) -> World:
    """The same world with a reviewer workspace of its own (a copy, with what its inbox held)."""
    reviewer = folder / "district.sqlite"
    shutil.copy2(world.reviewer, reviewer)
    return World(reviewer, world.operator, world.folder)


def set_status(workspace: Path, park: str, year: int, status: str) -> int:
    with open_workspace(workspace) as ws, ws.session() as session, session.begin():
        report = session.scalars(select(Report).join(Park).where(Park.code == park, Report.year == year)).one()
        report.status = status
        return report.id


def send(world: World, out_name: str, *, park: str = PARK, year: int = YEAR,
         encrypt_to: x509.Certificate | None = None) -> tuple[Path, BuiltPackage]:
    """The operator builds the package of `park` `year` (finalized first when it is not locked)."""
    out = world.folder / out_name
    with open_workspace(world.operator) as ws, ws.session() as session:  # the build commits
        report = session.scalars(select(Report).join(Park).where(Park.code == park, Report.year == year)).one()
        if report.status in ("draft", "returned"):
            report.status = "finalized"
        identity = operator_identity_for(session, park)
        signer = Signer(unlock(identity, PASSPHRASE), certificate_of(identity), chain_of(identity))
        built = build_package(session, report.id, out, signer, actor=ws.actor, encrypt_to=encrypt_to)
    return out, built


def operator_signer(world: World, park: str = PARK) -> Signer:
    with open_workspace(world.operator) as ws, ws.session() as session:
        identity = operator_identity_for(session, park)
        return Signer(unlock(identity, PASSPHRASE), certificate_of(identity), chain_of(identity))


def receive(world: World, *paths: Path, with_key: bool = False):
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        decrypt = workspace_decryptor(session, lambda name: PASSPHRASE) if with_key else None
        return import_packages(session, list(paths), actor="区县审核员", decrypt=decrypt)


def misplace_park(world: World, park: str, division: str) -> None:
    """The reviewer workspace records `park` in `division` (wrongly), as if an earlier report had placed it there."""
    with open_workspace(world.operator) as ws, ws.session() as session:
        row = session.scalars(select(Park).where(Park.code == park)).one()
        record = {key: getattr(row, key) for key in ("code", "name")}
    with open_workspace(world.reviewer) as ws, ws.session() as session, session.begin():
        session.add(Park(**record, division_code=division))
