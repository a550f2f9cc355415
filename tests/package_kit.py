"""Shared by the package tests: identities made without a workspace, one built package, and ways to
rewrite a package (tampering with it, or re-signing changed contents)."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.identity.certificates import build_certificate, self_signed, subject_name, to_pem
from parkdesk.identity.keys import generate_key
from parkdesk.packages.bag import BAGIT_TXT, bag_info_text, manifest_text, parse_bag_info, payload_oxum
from parkdesk.packages.build import Signer, build_package
from parkdesk.packages.layout import BAG_INFO, MANIFEST, SIGNATURE, TAGMANIFEST
from parkdesk.packages.signing import sign_detached
from parkdesk.packages.verify import verify_package

PARK = "QLRJY"
PARK_NAME = "齐鲁软件园"
YEAR = 2023


@dataclass
class Authority:
    key: object
    cert: object


@dataclass
class Kit:
    workspace: Path
    package: Path
    district: Authority
    operator: Authority
    report_id: int

    @property
    def signer(self) -> Signer:
        return Signer(self.operator.key, self.operator.cert, [self.district.cert])


def district_authority(now: datetime | None = None, days: int = 3650, name: str = "历下区") -> Authority:
    key = generate_key("rsa")
    return Authority(key, self_signed(key, subject_name(f"{name}商务局", f"济南市{name}商务局", "370102"), ca=True,
                                      days=days, now=now))


def operator_issued_by(ca: Authority, park: str = PARK, *, now: datetime | None = None, days: int = 365,
                       algorithm: str = "ec") -> Authority:
    key = generate_key(algorithm)
    cert = build_certificate(subject_name(PARK_NAME, "济南高新区齐鲁软件园发展中心", park), key.public_key(),
                             ca.cert.subject, ca.key, ca=False, days=days, now=now)
    return Authority(key, cert)


def self_signed_operator(park: str = PARK, *, now: datetime | None = None, days: int = 365) -> Authority:
    key = generate_key("ec")
    return Authority(key, self_signed(key, subject_name(PARK_NAME, "运营机构", park), ca=False, days=days, now=now))


def report_id_of(workspace: Path, park: str = PARK, year: int = YEAR) -> int:
    with open_workspace(workspace) as ws, ws.session() as session:
        return session.scalar(select(Report.id).join(Park).where(Park.code == park, Report.year == year))


def build(workspace: Path, out: Path, signer: Signer, *, park: str = PARK, year: int = YEAR, **options):
    with open_workspace(workspace) as ws, ws.session() as session:  # the build commits
        return build_package(session, report_id_of(workspace, park, year), out, signer, actor="test", **options)


@pytest.fixture(scope="module")
def kit(demo_master, tmp_path_factory) -> Kit:
    """One signed package of QLRJY 2023, its workspace, a district CA and the operator it certified."""
    folder = tmp_path_factory.mktemp("kit")
    workspace = folder / "operator.sqlite"
    shutil.copy2(demo_master, workspace)
    district = district_authority()
    operator = operator_issued_by(district)
    result = Kit(workspace, folder / "QLRJY-2023.parkpkg", district, operator, report_id_of(workspace))
    build(workspace, result.package, result.signer)
    (folder / "district.pem").write_bytes(to_pem([district.cert]))
    return result


# --- reading and rewriting packages ------------------------------------------------------------------------------

def read_bag(package: Path) -> tuple[str, dict[str, bytes]]:
    """The top folder and every file, by path inside it."""
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        top = names[0].split("/")[0]
        return top, {name[len(top) + 1:]: archive.read(name) for name in names if not name.endswith("/")}


def write_bag(out: Path, top: str, files: dict[str, bytes], extra: list[tuple[zipfile.ZipInfo, bytes]] = ()) -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"{top}/{name}", data, zipfile.ZIP_STORED)
        for info, data in extra:
            archive.writestr(info, data)
    return out


def resign(files: dict[str, bytes], signer: Signer) -> dict[str, bytes]:
    """Recompute manifests, Payload-Oxum and the signature after payload files changed."""
    payload = {name: data for name, data in files.items() if name.startswith("data/")}
    info = parse_bag_info(files[BAG_INFO], BAG_INFO)
    info["Payload-Oxum"] = payload_oxum([len(d) for d in payload.values()])
    result = dict(payload)
    result["bagit.txt"] = BAGIT_TXT
    result[BAG_INFO] = bag_info_text(list(info.items()))
    result[MANIFEST] = manifest_text([(n, hashlib.sha256(d).hexdigest()) for n, d in payload.items()])
    return sign_tags(result, signer)


def sign_tags(files: dict[str, bytes], signer: Signer, tag_files=("bagit.txt", BAG_INFO, MANIFEST)) -> dict[str, bytes]:
    """The tag manifest over `tag_files` as they are now, and its signature (after a tag file was rewritten)."""
    result = dict(files)
    result[TAGMANIFEST] = manifest_text([(n, hashlib.sha256(result[n]).hexdigest()) for n in tag_files])
    result[SIGNATURE] = sign_detached(result[TAGMANIFEST], signer.key, signer.certificate, signer.chain)
    return result


def data_offset(package: Path, name: str) -> int:
    """Where an entry's (stored) bytes begin in the file."""
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo(name)
    with open(package, "rb") as handle:
        handle.seek(info.header_offset + 26)
        lengths = handle.read(4)
    return info.header_offset + 30 + int.from_bytes(lengths[:2], "little") + int.from_bytes(lengths[2:], "little")


def flip_byte(source: Path, out: Path, position: int) -> Path:
    data = bytearray(source.read_bytes())
    data[position] ^= 0x01
    out.write_bytes(bytes(data))
    return out


def verify(package: Path, kit: Kit, **options):
    options.setdefault("anchors", [kit.district.cert])
    return verify_package(package, **options)


def past(days: int) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=days)
