"""Building and verifying a package with 200 MB of attachments and a 10,000-enterprise report.

Verification is printed beside hashlib.sha256 over the same package bytes (target: at most 1.5× it) and
beside `bagit.py --validate` plus `openssl cms -verify` on the same package, unzipped (target: faster).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from sqlalchemy import select

from benchmarks.common import alternating, report, size
from parkdesk.db.models import Attachment, Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.demo.builder import build_demo
from parkdesk.identity.certificates import self_signed, subject_name, to_pem
from parkdesk.identity.keys import generate_key
from parkdesk.packages.build import Signer, build_package
from parkdesk.packages.verify import verify_package
from parkdesk.reports.lifecycle import finalize

ENTERPRISES = size(10_000, 200)
ATTACHMENTS = size(4, 2)
ATTACHMENT_SIZE = size(50 << 20, 64 << 10)  # 4 × 50 MB = 200 MB, random: nothing compresses
ROUNDS = 9  # verification and its baseline in turns, medians compared
PARK = "QLRJY"
YEAR = 2024


def prepare(folder: Path) -> tuple[Path, int]:
    workspace = folder / "big.sqlite"
    build_demo(workspace, enterprises=ENTERPRISES, only_parks=(PARK,))
    with open_workspace(workspace) as ws, ws.session() as session, session.begin():
        report_ = session.scalars(select(Report).join(Park).where(Park.code == PARK, Report.year == YEAR)).one()
        for number in range(ATTACHMENTS):
            content = os.urandom(ATTACHMENT_SIZE)
            session.add(Attachment(report_id=report_.id, filename=f"证明材料-{number + 1}.bin",
                                   media_type="application/octet-stream", size=len(content),
                                   sha256=hashlib.sha256(content).hexdigest(), content=content))
        session.flush()
        finalize(session, report_, ws.actor)
        return workspace, report_.id


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        workspace, report_id = prepare(folder)
        key = generate_key("ec")
        cert = self_signed(key, subject_name("齐鲁软件园", "济南高新区齐鲁软件园发展中心", PARK), ca=False, days=30)
        (folder / "signer.pem").write_bytes(to_pem([cert]))
        package = folder / "big.parkpkg"
        with open_workspace(workspace) as ws, ws.session() as session:  # the build commits its record
            start = time.perf_counter()
            built = build_package(session, report_id, package, Signer(key, cert, []), actor="bench")
            build_seconds = time.perf_counter() - start
        print(f"(package: {built.size / 1e6:.1f} MB, {ENTERPRISES:,} enterprises, documents: {built.documents})")

        def sha256_of_package():
            with open(package, "rb") as handle:
                hashlib.file_digest(handle, "sha256")

        def verify():
            result = verify_package(package, anchors=[cert])
            assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]

        start = time.perf_counter()
        verify()  # the first in a process also builds the schema validators and the scratch workspace template
        first_seconds = time.perf_counter() - start
        verify_seconds, sha_seconds = alternating(verify, sha256_of_package, ROUNDS)
        report("build the package (documents rendered included)", build_seconds,
               "sha256 of the package", sha_seconds)
        report("verify, the first in a process", first_seconds, "hashlib.sha256 of the same bytes", sha_seconds)
        report("verify in parkdesk (all six checks)", verify_seconds, "hashlib.sha256 of the same bytes",
               sha_seconds, "≤ 1.5×")

        with zipfile.ZipFile(package) as archive:
            archive.extractall(folder / "unzipped")
        (bag,) = list((folder / "unzipped").iterdir())
        bagit = Path(sys.executable).with_name("bagit.py")

        def standard_tools():
            subprocess.run([sys.executable, str(bagit), "--validate", "--quiet", str(bag)], check=True)
            subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER",
                            "-in", str(bag / "tagmanifest-sha256.txt.p7s"), "-content",
                            str(bag / "tagmanifest-sha256.txt"), "-CAfile", str(folder / "signer.pem"),
                            "-out", os.devnull], check=True, capture_output=True)

        verify_seconds, standard_seconds = alternating(verify, standard_tools, 3)
        report("verify in parkdesk (all six checks)", verify_seconds,
               "bagit.py --validate + openssl cms -verify", standard_seconds, "< 1×")


if __name__ == "__main__":
    main()
