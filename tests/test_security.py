"""The claims of docs/security.md that no other test shows: keys at rest, key files, passphrases, the audit log,
what packages carry, what a signature and encryption do and do not prove, output that stays inert.

One command-line flow (district and operator identities, certificate request and issue, key export, a plain and
an encrypted package, verification with the district's key) leaves every file it wrote in one folder; the tests
search all of it, unpacked (ZIP members, workbooks inside packages, PDF streams), for the secrets.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import sqlite3
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from asn1crypto import cms
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select, update

from parkdesk.cli.main import main
from parkdesk.db.models import AuditEntry, Identity, Park, ParkDetails, Report
from parkdesk.db.workspace import create_workspace, open_workspace
from parkdesk.identity.certificates import load_certificates
from parkdesk.identity.keys import KDF_ITERATIONS
from parkdesk.identity.passphrase import read_passphrase
from parkdesk.identity.store import get_identity, unlock
from parkdesk.identity.trust_store import trust_certificate, trusted_certificates
from parkdesk.packages.encryption import decrypt
from parkdesk.packages.verify import UNTRUSTED, verify_package

OPERATOR_PASSPHRASE = "operator: 园区 passphrase 1"
DISTRICT_PASSPHRASE = "district: 区县 passphrase 2"
PLAIN_NAME = "济南高新区齐鲁软件园发展中心"  # the operator organisation: in report.json, hence in the package


@dataclass
class Flow:
    folder: Path
    home: Path
    operator: Path
    district: Path
    package: Path
    sealed: Path
    exported_key: Path
    output: str  # everything the commands printed

    def unlock(self, workspace: Path, name: str, passphrase: str):
        with open_workspace(workspace) as ws, ws.session() as session:
            identity = get_identity(session, name)
            return unlock(identity, passphrase.encode()), identity.encrypted_key_pem


@pytest.fixture(scope="module")
def flow(demo_master, tmp_path_factory) -> Flow:
    folder = tmp_path_factory.mktemp("security")
    home = folder / "home"
    operator, district = folder / "operator.sqlite", folder / "district.sqlite"
    shutil.copy2(demo_master, operator)
    create_workspace(district).close()
    (folder / "op.pass").write_text(OPERATOR_PASSPHRASE + "\n", encoding="utf-8")
    (folder / "district.pass").write_text(DISTRICT_PASSPHRASE + "\n", encoding="utf-8")
    op, dist = ["--passphrase-file", str(folder / "op.pass")], ["--passphrase-file", str(folder / "district.pass")]
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARKDESK_DATA_DIR", str(home / "data"))
        patch.setenv("PARKDESK_CONFIG_DIR", str(home / "config"))
        patch.delenv("PARKDESK_PASSPHRASE", raising=False)
        patch.setattr("sys.stdout", printed)
        patch.setattr("sys.stderr", printed)
        for args in (
            ["keys", "create", str(district), "--name", "lixia", "--kind", "district", "--division", "370102", *dist],
            ["keys", "export-cert", str(district), "lixia", "--out", str(folder / "district.pem")],
            ["keys", "trust", str(district), str(folder / "district.pem")],
            ["keys", "create", str(operator), "--name", "qlrjy", "--park", "QLRJY", *op],
            ["keys", "request", str(operator), "qlrjy", "--out", str(folder / "q.csr"), *op],
            ["keys", "issue", str(district), "lixia", str(folder / "q.csr"), "--out", str(folder / "q.pem"), *dist],
            ["keys", "import-cert", str(operator), "qlrjy", str(folder / "q.pem")],
            ["keys", "export-key", str(operator), "qlrjy", "--out", str(folder / "qlrjy-key.pem")],
            ["package", "build", str(operator), "--park", "QLRJY", "--year", "2023", "--out",
             str(folder / "q.parkpkg"), *op],
            ["package", "build", str(operator), "--park", "QLRJY", "--year", "2022", "--out",
             str(folder / "q.parkpkg.p7m"), "--encrypt-to", str(folder / "district.pem"), *op],
            ["package", "verify", str(folder / "q.parkpkg.p7m"), "--workspace", str(district), *dist],
            ["keys", "list", str(operator)],
        ):
            assert main(args) == 0, (args, printed.getvalue()[-500:])
    return Flow(folder, home, operator, district, folder / "q.parkpkg", folder / "q.parkpkg.p7m",
                folder / "qlrjy-key.pem", printed.getvalue())


# --- looking for secrets ---------------------------------------------------------------------------------------------

def unpacked(name: str, data: bytes, depth: int = 0):
    """(name, bytes) of a file and of everything inside it: ZIP members (a workbook in a package), PDF streams."""
    yield name, data
    if depth > 3:
        return
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from unpacked(f"{name}!{member}", archive.read(member), depth + 1)
    elif data[:5] == b"%PDF-":
        for number, match in enumerate(re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S)):
            stream = match[1]
            try:
                if stream.rstrip().endswith(b"~>"):  # reportlab: /ASCII85Decode, then /FlateDecode
                    stream = base64.a85decode(stream.rstrip(), adobe=True)
                yield f"{name}!stream{number}", zlib.decompress(stream)
            except (ValueError, zlib.error):
                pass


def every_file(*folders: Path):
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield from unpacked(str(path), path.read_bytes())


def secrets_of(key) -> dict[str, bytes]:
    """The forms a private key could leak in: PKCS#8 DER, PEM body, and its secret numbers."""
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    numbers = key.private_numbers()
    found = {"PKCS#8 DER": der, "PEM body": base64.b64encode(der)[:48]}
    if hasattr(numbers, "private_value"):  # EC
        found["EC scalar"] = numbers.private_value.to_bytes(32, "big")
    else:  # RSA
        found["RSA d"] = numbers.d.to_bytes((numbers.d.bit_length() + 7) // 8, "big")
        found["RSA p"] = numbers.p.to_bytes((numbers.p.bit_length() + 7) // 8, "big")
    return found


def passphrase_forms(passphrase: str) -> dict[str, bytes]:
    return {"passphrase": passphrase.encode("utf-8"), "passphrase (hex)": passphrase.encode("utf-8").hex().encode(),
            "passphrase (utf-16)": passphrase.encode("utf-16-le")}


def decrypted(flow: Flow) -> bytes:
    district_key, _ = flow.unlock(flow.district, "lixia", DISTRICT_PASSPHRASE)
    cert = load_certificates((flow.folder / "district.pem").read_bytes())[0]
    return decrypt(flow.sealed.read_bytes(), cert, district_key)


# --- keys at rest and on export --------------------------------------------------------------------------------------

def test_private_keys_at_rest_are_pkcs8_pbes2_aes256_with_600000_pbkdf2_rounds(flow):
    """A copied workspace gives an attacker the encrypted key; each passphrase guess then costs 600,000 rounds
    of PBKDF2-HMAC-SHA256 (cryptography's own PKCS#8 encryption uses 2,048)."""
    with open_workspace(flow.operator) as ws, ws.session() as session:
        stored = {i.name: i.encrypted_key_pem for i in session.scalars(select(Identity))}
    for pem_bytes in [*stored.values(), flow.exported_key.read_bytes()]:
        kind, _, der = asn1_pem.unarmor(pem_bytes)
        assert kind == "ENCRYPTED PRIVATE KEY"
        algorithm = asn1_keys.EncryptedPrivateKeyInfo.load(der)["encryption_algorithm"]
        assert (algorithm["algorithm"].native, algorithm.kdf, algorithm.kdf_hmac) == ("pbes2", "pbkdf2", "sha256")
        assert algorithm.kdf_iterations == KDF_ITERATIONS >= 600_000
        assert (algorithm.encryption_cipher, algorithm.key_length) == ("aes", 32)
    assert KDF_ITERATIONS == 600_000


def test_an_exported_key_is_0600_from_its_first_byte_even_over_a_world_readable_file(flow, tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("file modes are a Unix matter")
    target = tmp_path / "key.pem"
    target.write_text("old")
    target.chmod(0o644)
    modes = []
    real_replace = os.replace

    def watched_replace(source, destination):
        modes.append(stat.S_IMODE(os.stat(source).st_mode))  # the temporary file, before it takes the name
        real_replace(source, destination)

    monkeypatch.setattr("parkdesk.atomic_files.os.replace", watched_replace)
    old_umask = os.umask(0)
    try:
        assert main(["keys", "export-key", str(flow.operator), "qlrjy", "--out", str(target)]) == 0
    finally:
        os.umask(old_umask)
    assert modes == [0o600] and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert stat.S_IMODE(os.stat(flow.exported_key).st_mode) == 0o600


def test_certificates_and_requests_are_written_readable_by_all(flow):
    """Only the key file is private; certificates are meant to be handed around."""
    if os.name != "posix":
        pytest.skip("file modes are a Unix matter")
    for name in ("district.pem", "q.csr", "q.pem"):
        assert stat.S_IMODE((flow.folder / name).stat().st_mode) == 0o644


# --- passphrases ------------------------------------------------------------------------------------------------------

def test_no_passphrase_and_no_plain_private_key_anywhere_the_flow_wrote(flow):
    """Workspaces (with their -wal files and backups), packages (unpacked), certificates, the exported key, the
    data and config folders, and everything printed: no passphrase in any form, no private key in the clear."""
    operator_key, _ = flow.unlock(flow.operator, "qlrjy", OPERATOR_PASSPHRASE)
    district_key, _ = flow.unlock(flow.district, "lixia", DISTRICT_PASSPHRASE)
    needles = {**{f"operator {k}": v for k, v in secrets_of(operator_key).items()},
               **{f"district {k}": v for k, v in secrets_of(district_key).items()},
               **passphrase_forms(OPERATOR_PASSPHRASE), **passphrase_forms(DISTRICT_PASSPHRASE)}
    searched = []
    for name, data in [*every_file(flow.folder), *unpacked("q.parkpkg.p7m decrypted", decrypted(flow))]:
        if name.endswith((".pass",)):
            continue  # the passphrase files the flow was given
        searched.append(name)
        for what, needle in needles.items():
            assert needle not in data, f"{what} found in {name}"
    looked_at = "\n".join(searched)
    for expected in ("operator.sqlite", "backups", "q.parkpkg!", "report.json", "report.xlsx!xl/worksheets",
                     "summary.pdf!stream", "qlrjy-key.pem", "district.sqlite", "p7m decrypted!"):
        assert expected in looked_at, expected
    for passphrase in (OPERATOR_PASSPHRASE, DISTRICT_PASSPHRASE):
        assert passphrase not in flow.output


def test_a_crash_after_the_passphrase_was_read_logs_no_passphrase(flow, tmp_path, monkeypatch, capsys):
    workspace = tmp_path / "operator.sqlite"
    shutil.copy2(flow.operator, workspace)
    monkeypatch.setenv("PARKDESK_PASSPHRASE", OPERATOR_PASSPHRASE)

    def broken_build(*args, **kwargs):
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr("parkdesk.app.packages.build", broken_build)
    code = main(["package", "build", str(workspace), "--park", "QLRJY", "--year", "2023", "--out",
                 str(tmp_path / "x.parkpkg")])
    err = capsys.readouterr().err
    log = Path(os.environ["PARKDESK_DATA_DIR"]) / "logs" / "parkdesk.log"
    assert code == 2 and "the disk caught fire" in log.read_text(encoding="utf-8")
    assert OPERATOR_PASSPHRASE not in log.read_text(encoding="utf-8") and OPERATOR_PASSPHRASE not in err


def test_a_wrong_passphrase_is_refused_without_repeating_it(flow, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PARKDESK_PASSPHRASE", "a wrong passphrase 42")
    code = main(["package", "build", str(flow.operator), "--park", "QLRJY", "--year", "2023", "--out",
                 str(tmp_path / "x.parkpkg"), "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 2 and "Wrong passphrase" in err and "a wrong passphrase 42" not in out + err
    assert not (tmp_path / "x.parkpkg").exists()


def test_a_passphrase_typed_at_the_terminal_is_read_without_echo(monkeypatch):
    asked = []
    monkeypatch.delenv("PARKDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("parkdesk.identity.passphrase.getpass.getpass",
                        lambda prompt: asked.append(prompt) or "typed secret")
    monkeypatch.setattr("builtins.input", lambda *a: pytest.fail("input() echoes what is typed"))
    assert read_passphrase("qlrjy", lang="en") == b"typed secret"
    assert len(asked) == 1 and "typed secret" not in asked[0]


# --- the audit log and packages ------------------------------------------------------------------------------------

def test_the_audit_log_holds_no_key_and_no_passphrase(flow):
    with open_workspace(flow.operator) as ws, ws.session() as session:
        rows = session.execute(select(AuditEntry.table_name, AuditEntry.field, AuditEntry.old_value,
                                      AuditEntry.new_value, AuditEntry.detail)).all()
        encrypted = session.scalar(select(Identity.encrypted_key_pem))
    text = "\n".join(str(value) for row in rows for value in row if value is not None)
    body = encrypted.decode().splitlines()[1]  # one line of the encrypted key's base64
    assert "identities" in text and "<" in text  # the identity rows were audited ...
    assert "PRIVATE KEY" not in text and body not in text  # ... with the key shown as "<N bytes>"
    assert re.search(r'"encrypted_key_pem": "<\d+ bytes>"', text)
    assert OPERATOR_PASSPHRASE not in text and DISTRICT_PASSPHRASE not in text


def test_packages_carry_no_key_not_even_encrypted(flow):
    """Plain and encrypted packages, every member unpacked (report.xlsx inside, the PDF's streams)."""
    operator_key, encrypted_pem = flow.unlock(flow.operator, "qlrjy", OPERATOR_PASSPHRASE)
    needles = {**secrets_of(operator_key), "encrypted key": encrypted_pem.decode().splitlines()[1].encode(),
               "PEM armour": b"PRIVATE KEY", **passphrase_forms(OPERATOR_PASSPHRASE)}
    members = list(unpacked("plain", flow.package.read_bytes())) + list(unpacked("sealed", decrypted(flow)))
    assert any(name.endswith("report.json") for name, _ in members) and len(members) > 20
    for name, data in members:
        for what, needle in needles.items():
            assert needle not in data, f"{what} in {name}"


# --- what encryption and signatures do and do not do --------------------------------------------------------------

def test_encryption_hides_the_contents_on_the_way_only(flow):
    """AES-256 EnvelopedData, the key wrapped for the district's RSA certificate: nothing of the report shows in
    the file sent. Once the district has opened it, the report sits in its workspace in the clear."""
    sealed = flow.sealed.read_bytes()
    info = cms.ContentInfo.load(sealed)
    assert info["content_type"].native == "enveloped_data"
    content = info["content"]["encrypted_content_info"]
    assert content["content_encryption_algorithm"]["algorithm"].native == "aes256_cbc"
    [recipient] = info["content"]["recipient_infos"]
    assert recipient.chosen["key_encryption_algorithm"]["algorithm"].native == "rsaes_pkcs1v15"
    for text in (PLAIN_NAME, "齐鲁软件园", "QLRJY", "report.json"):
        assert text.encode() not in sealed
    assert PLAIN_NAME.encode() in decrypted(flow)


def test_a_signature_proves_who_signed_not_that_the_numbers_are_true(flow, tmp_path):
    """Whoever holds the workspace file can change it with any SQLite tool and remove the audit trail; the next
    package is signed over the changed numbers and verifies."""
    workspace = tmp_path / "operator.sqlite"
    shutil.copy2(flow.operator, workspace)
    with sqlite3.connect(workspace) as raw:
        report_id = raw.execute("SELECT reports.id FROM reports JOIN parks ON parks.id = reports.park_id "
                                "WHERE parks.code = 'QLRJY' AND reports.year = 2023").fetchone()[0]
        raw.execute("UPDATE enterprises SET revenue_wan_yuan = 99999999 WHERE report_id = ?", (report_id,))
        raw.execute("DELETE FROM audit_log")
    out = tmp_path / "doctored.parkpkg"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PARKDESK_PASSPHRASE", OPERATOR_PASSPHRASE)
        assert main(["package", "build", str(workspace), "--park", "QLRJY", "--year", "2023", "--out", str(out)]) == 0
    district_ca = load_certificates((flow.folder / "district.pem").read_bytes())
    result = verify_package(out, anchors=district_ca)
    assert result.failure is None and result.checks["signature"].status == "passed"
    with zipfile.ZipFile(out) as archive:
        report_json = next(archive.read(n) for n in archive.namelist() if n.endswith("data/report.json"))
    assert b'"revenue_wan_yuan": 99999999' in report_json


def test_whoever_can_write_the_reviewers_workspace_decides_whom_it_trusts(flow, tmp_path):
    """The trust store is a table in the workspace: adding a certificate to it (with parkdesk or any SQLite tool)
    makes packages signed by that key verify. Keep the district's workspace where only its officers can write."""
    from package_kit import build, self_signed_operator
    from parkdesk.packages.build import Signer

    rogue = self_signed_operator("QLRJY")
    package = tmp_path / "rogue.parkpkg"
    build(flow.operator, package, Signer(rogue.key, rogue.cert, []))
    reviewer = tmp_path / "district.sqlite"
    shutil.copy2(flow.district, reviewer)
    with open_workspace(reviewer) as ws, ws.session() as session:
        assert verify_package(package, anchors=trusted_certificates(session)).failure == UNTRUSTED
    with open_workspace(reviewer) as ws, ws.session() as session, session.begin():
        trust_certificate(session, "someone with the file", rogue.cert)
    with open_workspace(reviewer) as ws, ws.session() as session:
        assert verify_package(package, anchors=trusted_certificates(session)).failure is None


# --- output that stays inert -----------------------------------------------------------------------------------------

FORMULA = '=HYPERLINK("http://example.invalid/x","click")'


def test_text_that_looks_like_a_formula_stays_text_in_the_error_workbook(tmp_path, demo_path):
    """Found while reviewing: an .ods or .xls cell holding '=HYPERLINK(...)' (or '=cmd|...') was written into the
    error workbook as a live formula by openpyxl; the person is told to open that file and fix it."""
    from fuzz_kit import Member, read_members, write_members
    from test_fuzz_excel import minimal_ods
    from parkdesk.excel.error_workbook import write_error_workbook
    from parkdesk.excel.importing import preview_import

    members = [Member(m.name, m.data.replace("济南示例科技有限公司".encode(), FORMULA.replace('"', "&quot;").encode()),
                      m.method) for m in read_members(minimal_ods())]
    source = tmp_path / "list.ods"
    source.write_bytes(write_members(members))
    with open_workspace(demo_path) as ws, ws.session() as session:
        report_id = session.scalar(select(Report.id).join(Park).where(Park.code == "QLRJY", Report.year == 2024))
        preview = preview_import(session, report_id, source)
    errors = write_error_workbook(source, preview.plans, tmp_path / "errors.xlsx", grids=preview.grids)
    cells = [cell for sheet in openpyxl.load_workbook(errors).worksheets for row in sheet.iter_rows() for cell in row
             if cell.value == FORMULA]
    assert cells and all(cell.data_type == "s" for cell in cells)
    with zipfile.ZipFile(errors) as archive:
        assert not any(b"<f>HYPERLINK" in archive.read(name) for name in archive.namelist())


def test_a_park_named_like_a_formula_stays_text_in_the_citys_evaluation_workbook(tmp_path):
    """Found while reviewing: park names come from the parks (new parks name themselves, in the packages they
    send), and openpyxl wrote '=HYPERLINK(...)' into the ranking as a live formula."""
    from city_kit import build_workspace
    from test_city_evaluation import SMALL
    from parkdesk.city.evaluation import evaluate
    from parkdesk.city.evaluation_workbook import write_evaluation_workbook
    from parkdesk.city.scoring import default_scheme

    path = build_workspace(tmp_path / "city.sqlite", SMALL)
    with open_workspace(path) as ws, ws.session() as session:
        with session.begin():
            session.execute(update(ParkDetails).where(ParkDetails.code == "A").values(name=FORMULA))
        evaluation = evaluate(session, 2023, default_scheme())
    out = write_evaluation_workbook(evaluation, tmp_path / "evaluation.xlsx")
    cells = [cell for sheet in openpyxl.load_workbook(out).worksheets for row in sheet.iter_rows() for cell in row
             if cell.value == FORMULA]
    assert len(cells) >= 2 and all(cell.data_type == "s" for cell in cells)


def test_exports_write_text_as_text(tmp_path, monkeypatch):
    """xlsxwriter is told never to turn text into formulas, links or numbers (every export goes through it)."""
    import xlsxwriter

    from parkdesk.excel.writing import new_workbook

    seen = {}

    class Recording(xlsxwriter.Workbook):
        def __init__(self, filename, options=None):
            seen.update(options or {})
            super().__init__(filename, options)

    monkeypatch.setattr("parkdesk.excel.writing.xlsxwriter.Workbook", Recording)
    with new_workbook(tmp_path / "x.xlsx") as book:
        book.add_worksheet().write(0, 0, FORMULA)
    assert seen["strings_to_formulas"] is False and seen["strings_to_urls"] is False
    with zipfile.ZipFile(tmp_path / "x.xlsx") as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")
