"""The demo's districts: each a reviewer workspace with its identity, the demo parks' operators it certified,
and the packages those operators sign. Used by the reviewer and city demos (parkdesk.demo.review_demo).

Everything lives in a scratch folder; keys are made afresh each time (so
fingerprints differ between runs), while parks, figures, review states and
comments are always the same.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from cryptography import x509
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo import content
from parkdesk.demo.builder import build_demo
from parkdesk.identity.certificates import OPERATOR
from parkdesk.identity.issued import record_issued
from parkdesk.identity.requests import issue_certificate, make_request
from parkdesk.identity.store import (
    NewIdentity, certificate_of, chain_of, create_identity, install_certificate, operator_identity_for, unlock,
)
from parkdesk.packages.build import Signer, build_package
from parkdesk.reports import status
from parkdesk.review.setup import create_reviewer_workspace, district_identity

DEMO_PASSPHRASE = b"parkdesk-demo"  # every demo identity's; a demo is not for real keys
DEMO_YEAR = 2023


def parks_by_district() -> dict[str, list[str]]:
    result: dict[str, list[str]] = defaultdict(list)
    for code, profile in content.PROFILES.items():
        result[profile.division].append(code)
    return dict(result)


class DemoWorld:
    """The operators' workspace (the demo) and the districts' workspaces, in `folder`."""

    def __init__(self, folder: Path, *, enterprises: int | None = None, with_documents: bool = False):
        self.folder = Path(folder)
        self.with_documents = with_documents  # the rendered workbook and PDF cost most of a package's time
        self.operators = self.folder / "operators.sqlite"
        build_demo(self.operators, enterprises=enterprises)
        self.districts: dict[str, Path] = {}

    def district(self, code: str, *, algorithm: str = "ec") -> Path:
        """The district's reviewer workspace; its parks' operators get their certificates from it."""
        if code not in self.districts:
            path = create_reviewer_workspace(self.folder / f"district-{code}.sqlite", district_code=code,
                                             passphrase=DEMO_PASSPHRASE, algorithm=algorithm, actor="demo")
            self.districts[code] = path
            for park in parks_by_district()[code]:
                self._certify(code, park)
        return self.districts[code]

    def district_signer(self, code: str) -> Signer:
        with open_workspace(self.district(code), backups=None) as ws, ws.session() as session:
            identity = district_identity(session)
            return Signer(unlock(identity, DEMO_PASSPHRASE), certificate_of(identity), chain_of(identity))

    def district_certificate(self, code: str) -> x509.Certificate:
        return self.district_signer(code).certificate

    def package(self, park: str, year: int, name: str, *, encrypt_to: x509.Certificate | None = None) -> Path:
        """The operator of `park` signs its report of `year` into `name` (in the folder)."""
        out = self.folder / name
        with open_workspace(self.operators, backups=None) as ws, ws.session() as session:  # the build commits
            report = session.scalars(select(Report).join(Park).where(Park.code == park, Report.year == year)).one()
            if status.is_editable(report.status):
                status.apply(report, status.FINALIZE)
            identity = operator_identity_for(session, park)
            signer = Signer(unlock(identity, DEMO_PASSPHRASE), certificate_of(identity), chain_of(identity))
            build_package(session, report.id, out, signer, actor="demo", encrypt_to=encrypt_to,
                          with_documents=self.with_documents)
        return out

    def _certify(self, district: str, park: str) -> None:
        signer = self.district_signer(district)
        with open_workspace(self.operators, backups=None) as ws, ws.session() as session, session.begin():
            name = session.scalar(select(Park.name).where(Park.code == park))
            identity = create_identity(session, "demo", NewIdentity(f"{park} 运营机构", OPERATOR, name,
                                                                    content.PROFILES[park].operator, park, "ec"),
                                       DEMO_PASSPHRASE)
            request = x509.load_pem_x509_csr(make_request(unlock(identity, DEMO_PASSPHRASE),
                                                          certificate_of(identity).subject))
            cert = issue_certificate(signer.key, signer.certificate, request)
            install_certificate(session, "demo", identity, [cert, signer.certificate])
        with open_workspace(self.districts[district], backups=None) as ws, ws.session() as session, session.begin():
            record_issued(session, cert, park, district_identity(session).name, "demo")
