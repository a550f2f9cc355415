"""The district's inbox: importing 25 packages of 10,000 enterprises each, and opening the district roll-up.

Importing is printed beside verifying the same 25 packages alone (verify_package on each), in the same run:
the import verifies each package, keeps its bytes and loads its report into the workspace, so the
difference is what keeping and loading cost. The packages (12 parks × 2022 and 2023, plus a resubmitted
2023 package that supersedes one of them) are built once into a temporary folder, without the rendered
workbook and PDF (parkdesk.packages.build's with_documents=False), which would only add bytes to hash.
The demo's parks lie in several districts and a district's inbox refuses the parks of others, so the
operators' workspace first places all twelve in the reviewer's district (DISTRICT).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from cryptography import x509
from sqlalchemy import select, update

from benchmarks.common import measure, report, size
from parkdesk.db.models import InboxEntry, Park, ParkDetails, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.identity.certificates import OPERATOR
from parkdesk.identity.requests import issue_certificate, make_request
from parkdesk.identity.store import (
    NewIdentity, certificate_of, chain_of, create_identity, install_certificate, operator_identity_for, unlock,
)
from parkdesk.packages.build import Signer, build_package
from parkdesk.packages.verify import verify_package
from parkdesk.review.decisions import set_state
from parkdesk.review.inbox import import_packages
from parkdesk.review.inbox_rows import entry_of_report
from parkdesk.review.resubmission import resubmission
from parkdesk.review.rollup_build import build_rollup
from parkdesk.review.rollup_table import district_rollup
from parkdesk.review.setup import create_reviewer_workspace, district_identity

ENTERPRISES = size(10_000, 50)
YEARS = (2022, 2023)
PASSPHRASE = b"benchmark-passphrase"
DISTRICT = "370102"  # 历下区, the reviewer's


def district_signer(reviewer: Path) -> Signer:
    with open_workspace(reviewer, backups=None) as ws, ws.session() as session:
        identity = district_identity(session)
        return Signer(unlock(identity, PASSPHRASE), certificate_of(identity), chain_of(identity))


def build_packages(folder: Path, reviewer: Path) -> list[Path]:
    operators = folder / "operators.sqlite"
    build_demo(operators, enterprises=ENTERPRISES)
    district = district_signer(reviewer)
    packages = []
    with open_workspace(operators, backups=None) as ws, ws.session() as session:  # each build commits
        # else the inbox refuses them: it oversees its own district's parks only
        session.execute(update(ParkDetails).values(division_code=DISTRICT))
        parks = list(session.scalars(select(Park).order_by(Park.code)))
        for park in parks:
            identity = create_identity(session, "bench", NewIdentity(park.code, OPERATOR, park.name, park.name,
                                                                     park.code, "ec"), PASSPHRASE)
            key = unlock(identity, PASSPHRASE)
            request = x509.load_pem_x509_csr(make_request(key, certificate_of(identity).subject))
            cert = issue_certificate(district.key, district.certificate, request)
            install_certificate(session, "bench", identity, [cert, district.certificate])
            signer = Signer(key, cert, [district.certificate])
            for year in YEARS:
                report_id = session.scalar(select(Report.id).where(Report.park_id == park.id, Report.year == year))
                out = folder / f"{park.code}-{year}.parkpkg"
                build_package(session, report_id, out, signer, actor="bench", with_documents=False)
                packages.append(out)
        out = folder / f"{parks[0].code}-{YEARS[-1]}-resubmitted.parkpkg"
        report_id = session.scalar(select(Report.id).where(Report.park_id == parks[0].id, Report.year == YEARS[-1]))
        build_package(session, report_id, out, signer_of(session, parks[0].code), actor="bench",
                      with_documents=False)
        packages.append(out)
    return packages


def signer_of(session, park_code: str) -> Signer:
    identity = operator_identity_for(session, park_code)
    return Signer(unlock(identity, PASSPHRASE), certificate_of(identity), chain_of(identity))


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = create_reviewer_workspace(folder / "district-empty.sqlite", district_code=DISTRICT,
                                             passphrase=PASSPHRASE, algorithm="ec", actor="bench")
        start = time.perf_counter()
        packages = build_packages(folder, template)
        size = sum(p.stat().st_size for p in packages)
        print(f"({len(packages)} packages of {ENTERPRISES:,} enterprises (2024 lists; earlier years list 70 % and "
              f"85 %): {size / 1e6:.1f} MB, built in {time.perf_counter() - start:.0f} s)")
        district = district_signer(template)
        anchors = [district.certificate]

        def verify_all():
            for package in packages:
                result = verify_package(package, anchors=anchors)
                assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]

        verify_seconds = measure(verify_all, 1)
        reviewer = folder / "district.sqlite"

        def fresh():
            shutil.copy2(template, reviewer)

        def import_all():
            with open_workspace(reviewer, backups=None) as ws, ws.session() as session:
                results = import_packages(session, packages, actor="bench")
                assert [r.outcome for r in results].count("accepted") == len(packages), results

        import_seconds = measure(import_all, 1, setup=fresh)
        report(f"import {len(packages)} packages into the inbox", import_seconds,
               f"verify the same {len(packages)} packages", verify_seconds)

        with open_workspace(reviewer, backups=None) as ws, ws.session() as session:
            def open_rollup():
                table = district_rollup(session, YEARS[-1])
                assert len(table.rows) == 12

            rollup_seconds = measure(open_rollup, 3)
            report("open the district roll-up (12 parks × indicators)", rollup_seconds,
                   "verify one package", verify_seconds / len(packages))
            resubmitted = next(e for e in session.scalars(select(InboxEntry)) if e.superseded_by_id is None
                               and e.verified and session.scalar(select(InboxEntry.id).where(
                                   InboxEntry.superseded_by_id == e.id)))

            def changes_since_replaced():
                assert resubmission(session, resubmitted.id) is not None

            report(f"changes since the replaced package ({ENTERPRISES:,} enterprises)",
                   measure(changes_since_replaced, 3), "verify one package", verify_seconds / len(packages),
                   "what the review window computes on opening a resubmission")
            for row in district_rollup(session, YEARS[-1]).rows:
                set_state(session, entry_of_report(session, row.park.report_id).id, "approved", actor="bench")
            session.commit()

            def roll_up():
                build_rollup(session, YEARS[-1], folder / "district.parkrollup", district)

            rollup_build_seconds = measure(roll_up, 1)
            report("build the signed roll-up of 12 approved packages", rollup_build_seconds,
                   "verify one package", verify_seconds / len(packages))


if __name__ == "__main__":
    main()
