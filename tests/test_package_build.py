"""Building packages from the demo workspace, and checking them with parkdesk, bagit.py and openssl."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from package_kit import (  # noqa: F401  (kit is a fixture)
    PARK, YEAR, build, kit, read_bag, report_id_of, self_signed_operator, verify,
)
from parkdesk.db.models import Attachment, SignedPackage
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.certificates import to_pem
from parkdesk.packages.build import Signer
from parkdesk.packages.documents import SUMMARY_WRITER, WORKBOOK_WRITER, writer
from parkdesk.packages.schema import check_document
from parkdesk.packages.verify import CHECKS, PASSED

BAGIT = Path(sys.executable).with_name("bagit.py")


def unzip(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    (top,) = list(folder.iterdir())
    return top


def test_the_package_verifies_in_parkdesk(kit):
    result = verify(kit.package, kit)
    assert result.failure is None and result.exit_code == 0
    assert [check.status for check in result.checks.values()] == [PASSED] * len(CHECKS)
    assert result.metadata["park_code"] == PARK and result.metadata["year"] == str(YEAR)
    assert "齐鲁软件园" in result.metadata["signer"]


def test_the_package_is_a_bag_with_the_documented_files(kit):
    top, files = read_bag(kit.package)
    assert top.startswith(f"{PARK}-{YEAR}-")
    for name in ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt",
                 "tagmanifest-sha256.txt.p7s", "data/report.json"):
        assert name in files
    assert any(name.startswith("data/attachments/") and name.endswith(".txt") for name in files)
    info = files["bag-info.txt"].decode()
    document = json.loads(files["data/report.json"])
    for line in (f"External-Identifier: {document['package']['id']}", f"Park-Code: {PARK}",
                 f"Report-Year: {YEAR}", "Source-Organization: 济南高新区齐鲁软件园发展中心", "Bagging-Date: ",
                 "Payload-Oxum: "):
        assert line in info
    assert check_document(document) == 1
    assert document["ruleset_version"] and document["package"]["supersedes"] is None
    assert len(document["enterprises"]) > 100


@pytest.mark.parametrize("path, writer_spec", [("data/report.xlsx", WORKBOOK_WRITER),
                                                ("data/summary.pdf", SUMMARY_WRITER)])
def test_the_rendered_documents_are_in_the_package(kit, path, writer_spec):
    if writer(*writer_spec) is None:
        pytest.skip(f"skipped until {writer_spec[0]} exists: this parkdesk cannot render {path} yet")
    _, files = read_bag(kit.package)
    assert path in files and len(files[path]) > 1000
    assert path in json.loads(files["data/report.json"])["package"]["documents"]
    magic = b"PK\x03\x04" if path.endswith(".xlsx") else b"%PDF"
    assert files[path].startswith(magic)


def test_bagit_py_validates_the_unzipped_package(kit, tmp_path):
    bag = unzip(kit.package, tmp_path)
    run = subprocess.run([sys.executable, str(BAGIT), "--validate", str(bag)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "is valid" in run.stderr


@pytest.mark.needs_tool("openssl", "openssl")
def test_openssl_verifies_the_signature_against_the_district_certificate(kit, tmp_path):
    bag = unzip(kit.package, tmp_path / "bag")
    ca_file = tmp_path / "district.pem"
    ca_file.write_bytes(to_pem([kit.district.cert]))
    command = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(bag / "tagmanifest-sha256.txt.p7s"),
               "-content", str(bag / "tagmanifest-sha256.txt"), "-CAfile", str(ca_file), "-out", "/dev/null"]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Verification successful" in run.stderr
    (bag / "tagmanifest-sha256.txt").write_text((bag / "tagmanifest-sha256.txt").read_text() + "\n")
    assert subprocess.run(command, capture_output=True).returncode != 0


@pytest.mark.needs_tool("openssl", "openssl")
def test_openssl_verifies_a_self_signed_operator_registered_individually(kit, tmp_path):
    operator = self_signed_operator()
    package = tmp_path / "self.parkpkg"
    build(kit.workspace, package, Signer(operator.key, operator.cert, []))
    assert verify(package, kit, anchors=[operator.cert]).exit_code == 0
    bag = unzip(package, tmp_path / "bag")
    (tmp_path / "op.pem").write_bytes(to_pem([operator.cert]))
    run = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                          str(bag / "tagmanifest-sha256.txt.p7s"), "-content", str(bag / "tagmanifest-sha256.txt"),
                          "-CAfile", str(tmp_path / "op.pem"), "-out", "/dev/null"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


ODD_NAMES = ("100% 完成率.txt", "营业执照副本(2023).txt", "说明%0A第二行.txt", "Résumé of the park.txt")


def add_attachments(workspace: Path, report_id: int, names=ODD_NAMES) -> None:
    with open_workspace(workspace) as ws, ws.session() as session, session.begin():
        for name in names:
            content = f"附件 {name}".encode()
            session.add(Attachment(report_id=report_id, filename=name, media_type="text/plain", size=len(content),
                                   sha256=hashlib.sha256(content).hexdigest(), content=content))


def test_attachments_are_stored_under_names_every_tool_reads_the_same(kit, tmp_path):
    """A `%` in a name broke bagit.py (it does not decode %25); names are ASCII-safe in the bag, and report.json
    keeps each original name."""
    workspace = tmp_path / "ws.sqlite"
    shutil.copy2(kit.workspace, workspace)
    add_attachments(workspace, kit.report_id)
    built = build(workspace, tmp_path / "odd.parkpkg", kit.signer)
    _, files = read_bag(built.path)
    stored = [name for name in files if name.startswith("data/attachments/")]
    assert stored and all(re.fullmatch(r"data/attachments/[A-Za-z0-9_-]+(\.[a-z0-9]+)?", name) for name in stored)
    document = json.loads(files["data/report.json"])
    assert set(ODD_NAMES) <= {attachment["filename"] for attachment in document["attachments"]}
    assert {attachment["path"] for attachment in document["attachments"]} == set(stored)
    run = subprocess.run([sys.executable, str(BAGIT), "--validate", str(unzip(built.path, tmp_path / "bag"))],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert verify(built.path, kit).exit_code == 0


def test_no_private_key_travels_in_the_package(kit):
    raw = kit.package.read_bytes()
    _, files = read_bag(kit.package)
    private = kit.operator.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption())
    scalar = kit.operator.key.private_numbers().private_value.to_bytes(32, "big")
    for blob in [raw, *files.values()]:
        assert b"PRIVATE KEY" not in blob and private not in blob and scalar not in blob


def test_a_second_package_supersedes_the_first(kit, tmp_path):
    workspace = tmp_path / "ws.sqlite"
    shutil.copy2(kit.workspace, workspace)
    first = build(workspace, tmp_path / "first.parkpkg", kit.signer).package_id
    second = build(workspace, tmp_path / "again.parkpkg", kit.signer)
    assert second.supersedes == first
    document = json.loads(read_bag(second.path)[1]["data/report.json"])
    assert document["package"]["supersedes"] == first
    assert f"Supersedes: {first}" in read_bag(second.path)[1]["bag-info.txt"].decode()
    with open_workspace(workspace) as ws, ws.session() as session:
        recorded = {row.package_id: row for row in session.query(SignedPackage)}
    assert recorded[second.package_id].supersedes == first
    assert recorded[second.package_id].file_sha256 == second.sha256


def test_only_a_finalized_report_is_packaged(kit, tmp_path):
    out = tmp_path / "draft.parkpkg"
    with pytest.raises(InputProblem) as info:
        build(kit.workspace, out, kit.signer, year=2024)
    assert info.value.message_key == "package.not_finalized"
    assert "Draft" in info.value.message("en")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_build_leaves_no_file_behind(kit, tmp_path, monkeypatch):
    out = tmp_path / "broken.parkpkg"

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("parkdesk.packages.signed_bag.sign_detached", broken)
    with pytest.raises(RuntimeError):
        build(kit.workspace, out, kit.signer)
    assert list(tmp_path.iterdir()) == []


def test_a_certificate_of_another_park_cannot_sign(kit, tmp_path):
    other = self_signed_operator(park="SDYYFW")
    with pytest.raises(ParkdeskError) as info:
        build(kit.workspace, tmp_path / "x.parkpkg", Signer(other.key, other.cert, []))
    assert info.value.message_key == "package.signer_other_park"


def test_an_attachment_changed_in_the_workspace_is_refused(kit, tmp_path):
    workspace = tmp_path / "ws.sqlite"
    shutil.copy2(kit.workspace, workspace)
    with open_workspace(workspace) as ws, ws.session() as session, session.begin():
        session.connection().exec_driver_sql(
            "UPDATE attachments SET content = CAST('changed' AS BLOB) WHERE report_id = ?", (kit.report_id,))
    with pytest.raises(ParkdeskError) as info:
        build(workspace, tmp_path / "x.parkpkg", kit.signer)
    assert info.value.message_key == "package.attachment_damaged"
    assert not (tmp_path / "x.parkpkg").exists()


def test_report_id_helper_finds_the_accepted_report(kit):
    assert report_id_of(kit.workspace) == kit.report_id
