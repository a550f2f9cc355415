"""Every kind of bad package is rejected with its own failure class and reason, never with a traceback."""

from __future__ import annotations

import json
import os
import random
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from package_kit import (  # noqa: F401  (kit is a fixture)
    build, data_offset, district_authority, flip_byte, kit, operator_issued_by, past, read_bag, resign,
    self_signed_operator, verify, write_bag,
)
from interop_kit import openssl_sign, write_certs, write_key
from parkdesk.packages.build import Signer
from parkdesk.packages.safe_zip import ZipLimits
from parkdesk.packages.verify import (
    DAMAGED, EXIT_CODES, FAILED, INVALID, NOT_A_PACKAGE, NOT_RUN, SIGNATURE_BAD, UNTRUSTED, Verification,
)


def failed_with(result: Verification, failure_class: str, reason: str | None = None) -> None:
    assert result.failure == failure_class, [c.to_json("en") for c in result.checks.values()]
    assert result.exit_code == EXIT_CODES[failure_class] != 0
    if reason is not None:
        reasons = [c.key for c in result.checks.values() if c.status == FAILED]
        assert reason in reasons, reasons


def test_exit_codes_are_distinct_per_class():
    assert len(set(EXIT_CODES.values())) == len(EXIT_CODES)
    assert EXIT_CODES[None] == 0


# --- not a package ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"hello, world\n" * 100, b"%PDF-1.7\n" + os.urandom(500),
                                     b"\x30\x82\x01\x00" + os.urandom(300)])
def test_something_else_is_not_a_package(kit, tmp_path, content):
    path = tmp_path / "x.parkpkg"
    path.write_bytes(content)
    failed_with(verify(path, kit), NOT_A_PACKAGE, "package.not_zip")


def test_a_zip_without_a_bag_is_not_a_package(kit, tmp_path):
    path = tmp_path / "other.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("folder/readme.txt", "hello")
    failed_with(verify(path, kit), NOT_A_PACKAGE, "package.not_bag")


def test_a_missing_file_is_not_a_package(kit, tmp_path):
    failed_with(verify(tmp_path / "nowhere.parkpkg", kit), NOT_A_PACKAGE, "package.unreadable")


# --- damaged or tampered ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("keep", [0.3, 0.9, 0.999])
def test_a_truncated_package_is_damaged(kit, tmp_path, keep):
    data = kit.package.read_bytes()
    path = tmp_path / "cut.parkpkg"
    path.write_bytes(data[:int(len(data) * keep)])
    failed_with(verify(path, kit), DAMAGED, "package.truncated")


def test_a_changed_byte_in_a_stored_payload_file_is_found(kit, tmp_path):
    top, _ = read_bag(kit.package)
    name = next(n for n in zipfile.ZipFile(kit.package).namelist() if n.endswith("summary.pdf") or ".txt" in n
                and "/data/" in n)
    position = data_offset(kit.package, name) + 5
    failed_with(verify(flip_byte(kit.package, tmp_path / "x.parkpkg", position), kit), DAMAGED)


@pytest.mark.parametrize("name", ["data/report.json", "data/attachments", "manifest-sha256.txt", "bag-info.txt"])
def test_a_changed_byte_in_any_file_is_found(kit, tmp_path, name):
    top, files = read_bag(kit.package)
    target = next(n for n in files if n.startswith(name))
    files[target] = files[target][:-2] + bytes([files[target][-2] ^ 0x20]) + files[target][-1:]
    result = verify(write_bag(tmp_path / "x.parkpkg", top, files), kit)
    failed_with(result, DAMAGED)
    assert target in result.checks["checksums"].params.get("name", "")


def test_a_changed_tag_manifest_breaks_the_signature(kit, tmp_path):
    top, files = read_bag(kit.package)
    files["tagmanifest-sha256.txt"] = files["tagmanifest-sha256.txt"].replace(b"bagit.txt", b"bagit.TXT")
    result = verify(write_bag(tmp_path / "x.parkpkg", top, files), kit)
    assert result.checks["signature"].key == "signature.digest_mismatch"
    failed_with(result, DAMAGED, "checksum.tag_not_covered")


def test_a_changed_byte_in_the_signature_is_a_bad_signature(kit, tmp_path):
    position = data_offset(kit.package, next(n for n in zipfile.ZipFile(kit.package).namelist() if n.endswith(".p7s")))
    size = zipfile.ZipFile(kit.package).getinfo(
        next(n for n in zipfile.ZipFile(kit.package).namelist() if n.endswith(".p7s"))).file_size
    result = verify(flip_byte(kit.package, tmp_path / "x.parkpkg", position + size - 10), kit)
    failed_with(result, SIGNATURE_BAD, "signature.bad")


def test_a_change_outside_the_signed_parts_of_the_signature_is_found(kit, tmp_path):
    """The district certificate carried in the signature is not signed by the operator; changing it is caught."""
    top, files = read_bag(kit.package)
    carried = files["tagmanifest-sha256.txt.p7s"].find(kit.district.cert.public_bytes(_der()))
    assert carried > 0
    position = data_offset(kit.package, f"{top}/tagmanifest-sha256.txt.p7s") + carried + 100
    result = verify(flip_byte(kit.package, tmp_path / "x.parkpkg", position), kit)
    failed_with(result, SIGNATURE_BAD, "signature.altered")


def test_any_changed_byte_in_the_signature_is_a_signature_failure(kit, tmp_path):
    """Hostile DER surfaces late in asn1crypto and cryptography: every change must still be a clean verdict."""
    name = next(n for n in zipfile.ZipFile(kit.package).namelist() if n.endswith(".p7s"))
    start = data_offset(kit.package, name)
    size = zipfile.ZipFile(kit.package).getinfo(name).file_size
    for position in random.Random(11).sample(range(start, start + size), 40):
        data = bytearray(kit.package.read_bytes())
        data[position] ^= 0x5A
        (tmp_path / "x.parkpkg").write_bytes(bytes(data))
        failed_with(verify(tmp_path / "x.parkpkg", kit), SIGNATURE_BAD)


def test_an_added_file_is_found(kit, tmp_path):
    top, files = read_bag(kit.package)
    files["data/attachments/extra.txt"] = b"smuggled in"
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), DAMAGED, "checksum.not_listed")


def test_an_added_tag_file_is_found(kit, tmp_path):
    top, files = read_bag(kit.package)
    files["notes.txt"] = b"smuggled in"
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), DAMAGED, "checksum.not_listed")


def test_a_removed_file_is_found(kit, tmp_path):
    top, files = read_bag(kit.package)
    del files[next(n for n in files if n.startswith("data/attachments/"))]
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), DAMAGED, "checksum.missing")


def test_a_renamed_file_is_found(kit, tmp_path):
    top, files = read_bag(kit.package)
    name = next(n for n in files if n.startswith("data/attachments/"))
    files["data/attachments/renamed.txt"] = files.pop(name)
    result = verify(write_bag(tmp_path / "x.parkpkg", top, files), kit)
    failed_with(result, DAMAGED)
    assert result.checks["checksums"].key in ("checksum.not_listed", "checksum.missing")


@pytest.mark.parametrize("evil", ["/etc/passwd", "../outside.txt", "{top}/data/../../outside.txt", "C:/outside.txt",
                                  "{top}\\..\\outside.txt", "{top}/./data/x"])
def test_an_entry_escaping_the_folder_is_rejected(kit, tmp_path, evil):
    top, files = read_bag(kit.package)
    name = evil.format(top=top)
    path = write_bag(tmp_path / "x.parkpkg", top, files, [(zipfile.ZipInfo(name), b"owned")])
    before = sorted(p for p in tmp_path.parent.rglob("*"))
    failed_with(verify(path, kit), DAMAGED, "package.unsafe_name")
    assert sorted(p for p in tmp_path.parent.rglob("*")) == before
    assert not Path("/etc/passwd").read_bytes().startswith(b"owned")


def test_a_symlink_is_rejected(kit, tmp_path):
    top, files = read_bag(kit.package)
    link = zipfile.ZipInfo(f"{top}/data/attachments/link")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    path = write_bag(tmp_path / "x.parkpkg", top, files, [(link, b"/etc/passwd")])
    failed_with(verify(path, kit), DAMAGED, "package.symlink")


@pytest.mark.parametrize("same", ["{name}", "{upper}"])
def test_duplicate_names_are_rejected(kit, tmp_path, same):
    top, files = read_bag(kit.package)
    name = f"{top}/data/report.json"
    duplicate = same.format(name=name, upper=f"{top}/data/REPORT.json")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = write_bag(tmp_path / "x.parkpkg", top, files, [(zipfile.ZipInfo(duplicate), b"{}")])
    failed_with(verify(path, kit), DAMAGED, "package.duplicate")


def test_a_zip_bomb_is_rejected_by_its_ratio(kit, tmp_path):
    top, files = read_bag(kit.package)
    bomb = zipfile.ZipInfo(f"{top}/data/attachments/bomb.bin")
    bomb.compress_type = zipfile.ZIP_DEFLATED
    path = write_bag(tmp_path / "x.parkpkg", top, files, [(bomb, bytes(8 << 20))])
    failed_with(verify(path, kit), DAMAGED, "package.ratio")


def test_a_package_unpacking_to_too_much_is_rejected(kit, tmp_path):
    failed_with(verify(kit.package, kit, limits=ZipLimits(max_total_size=100_000)), DAMAGED, "package.too_large")
    failed_with(verify(kit.package, kit, limits=ZipLimits(max_entries=3)), DAMAGED, "package.too_many_files")


def test_an_entry_lying_about_its_size_is_damaged(kit, tmp_path):
    """The central directory says report.json is half its size: reading stops there and the CRC fails."""
    top, files = read_bag(kit.package)
    path = tmp_path / "x.parkpkg"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"{top}/{name}", data, zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    name = f"{top}/data/report.json".encode()
    header = data.find(name, data.find(b"PK\x01\x02")) - 46  # its central directory record
    assert data[header:header + 4] == b"PK\x01\x02"
    size = int.from_bytes(data[header + 24:header + 28], "little")
    data[header + 24:header + 28] = (size // 2).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    failed_with(verify(path, kit), DAMAGED)


def test_random_byte_changes_never_pass_unnoticed_or_crash(kit, tmp_path):
    """A flipped byte is reported, or it sits in ZIP metadata (timestamps) and every file is unchanged."""
    original = read_bag(kit.package)
    size = kit.package.stat().st_size
    rng = random.Random(7)
    for position in sorted(rng.sample(range(size), 40)):
        path = flip_byte(kit.package, tmp_path / "x.parkpkg", position)
        result = verify(path, kit)
        if result.exit_code == 0:
            assert read_bag(path) == original, position


# --- signature ----------------------------------------------------------------------------------------------------

def test_a_missing_signature_is_reported(kit, tmp_path):
    top, files = read_bag(kit.package)
    del files["tagmanifest-sha256.txt.p7s"]
    result = verify(write_bag(tmp_path / "x.parkpkg", top, files), kit)
    failed_with(result, SIGNATURE_BAD, "signature.missing")
    assert result.checks["trust"].status == NOT_RUN


def test_a_signature_swapped_from_another_package_is_bad(kit, tmp_path):
    other = build(kit.workspace, tmp_path / "other.parkpkg", kit.signer)
    top, files = read_bag(kit.package)
    files["tagmanifest-sha256.txt.p7s"] = read_bag(other.path)[1]["tagmanifest-sha256.txt.p7s"]
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), SIGNATURE_BAD,
                "signature.digest_mismatch")


def test_a_swapped_certificate_makes_the_signature_bad(kit, tmp_path):
    """The certificate inside the signature replaced by another with the same name and serial."""
    from asn1crypto import cms, x509 as asn1_x509

    top, files = read_bag(kit.package)
    impostor = operator_issued_by(kit.district)
    info = cms.ContentInfo.load(files["tagmanifest-sha256.txt.p7s"])
    original = kit.operator.cert
    forged_tbs = asn1_x509.Certificate.load(impostor.cert.public_bytes(_der()))
    forged_tbs["tbs_certificate"]["serial_number"] = asn1_x509.Integer(original.serial_number)
    certificates = info["content"]["certificates"]
    replaced = []
    for choice in certificates:
        if choice.chosen["tbs_certificate"]["serial_number"].native == original.serial_number:
            replaced.append(cms.CertificateChoices(name="certificate", value=forged_tbs))
        else:
            replaced.append(choice)
    info["content"]["certificates"] = cms.CertificateSet(replaced)
    files["tagmanifest-sha256.txt.p7s"] = info.dump(force=True)
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), SIGNATURE_BAD, "signature.bad")


def test_a_signature_without_the_signer_certificate_is_bad(kit, tmp_path):
    from asn1crypto import cms

    top, files = read_bag(kit.package)
    info = cms.ContentInfo.load(files["tagmanifest-sha256.txt.p7s"])
    info["content"]["certificates"] = cms.CertificateSet([
        c for c in info["content"]["certificates"]
        if c.chosen["tbs_certificate"]["serial_number"].native != kit.operator.cert.serial_number])
    files["tagmanifest-sha256.txt.p7s"] = info.dump(force=True)
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), SIGNATURE_BAD, "signature.no_certificate")


@pytest.mark.parametrize("options, verdict", [
    (["-md", "sha256", "-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_mgf1_md:sha512"], None),
    (["-md", "sha384", "-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:max"], None),
    (["-md", "sha1"], "signature.weak_digest"),
])
def test_rsa_pss_parameters_are_read_from_the_signer_info(kit, tmp_path, options, verdict):
    """openssl's RSA-PSS signatures (MGF1-SHA512 over a SHA-256 digest, the largest salt) verify; SHA-1 is refused
    by name (openssl accepts it: docs/security.md lists the difference)."""
    operator = operator_issued_by(kit.district, algorithm="rsa")
    top, files = read_bag(kit.package)
    (tmp_path / "tagmanifest").write_bytes(files["tagmanifest-sha256.txt"])
    files["tagmanifest-sha256.txt.p7s"] = openssl_sign(
        tmp_path / "tagmanifest", write_certs([operator.cert], tmp_path / "op.pem"),
        write_key(operator.key, tmp_path / "op-key.pem"), tmp_path / "sig.der", options,
        chain_pem=write_certs([kit.district.cert], tmp_path / "district.pem"))
    result = verify(write_bag(tmp_path / "x.parkpkg", top, files), kit)
    if verdict is None:
        assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]
    else:
        failed_with(result, SIGNATURE_BAD, verdict)


def test_garbage_instead_of_a_signature_is_unreadable(kit, tmp_path):
    top, files = read_bag(kit.package)
    files["tagmanifest-sha256.txt.p7s"] = b"-----BEGIN PKCS7-----\nnot really\n"
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, files), kit), SIGNATURE_BAD, "signature.unreadable")


# --- signer -------------------------------------------------------------------------------------------------------

def test_a_signer_nobody_trusts_is_untrusted(kit, tmp_path):
    stranger = self_signed_operator()
    top, files = read_bag(kit.package)
    path = write_bag(tmp_path / "x.parkpkg", top, resign(files, Signer(stranger.key, stranger.cert, [])))
    result = verify(path, kit)
    failed_with(result, UNTRUSTED, "chain.untrusted")
    assert result.checks["signature"].status == "passed"


def test_a_certificate_from_another_district_is_untrusted(kit, tmp_path):
    other_district = district_authority(name="槐荫区")
    operator = operator_issued_by(other_district)
    top, files = read_bag(kit.package)
    path = write_bag(tmp_path / "x.parkpkg", top, resign(files, Signer(operator.key, operator.cert,
                                                                       [other_district.cert])))
    failed_with(verify(path, kit), UNTRUSTED, "chain.untrusted")


def test_a_forged_district_with_the_same_name_is_caught(kit, tmp_path):
    """An attacker's CA named like the real district: its signature on the operator does not verify."""
    forged = district_authority()
    operator = operator_issued_by(forged)
    top, files = read_bag(kit.package)
    path = write_bag(tmp_path / "x.parkpkg", top, resign(files, Signer(operator.key, operator.cert, [forged.cert])))
    failed_with(verify(path, kit), UNTRUSTED, "chain.bad_issuer_signature")


def test_an_expired_signer_certificate_is_untrusted(kit, tmp_path):
    operator = operator_issued_by(kit.district, now=past(400), days=30)
    package = tmp_path / "old.parkpkg"
    build(kit.workspace, package, Signer(operator.key, operator.cert, [kit.district.cert]), now=past(390))
    failed_with(verify(package, kit), UNTRUSTED, "chain.expired")


def test_an_expired_district_certificate_is_untrusted(kit, tmp_path):
    district = district_authority(now=past(400), days=30)
    operator = operator_issued_by(district, now=past(395), days=3650)
    top, files = read_bag(kit.package)
    path = write_bag(tmp_path / "x.parkpkg", top, resign(files, Signer(operator.key, operator.cert, [district.cert])))
    failed_with(verify(path, kit, anchors=[district.cert]), UNTRUSTED, "chain.expired")


def test_an_operator_of_another_park_is_untrusted(kit, tmp_path):
    operator = operator_issued_by(kit.district, park="SDYYFW")
    top, files = read_bag(kit.package)
    path = write_bag(tmp_path / "x.parkpkg", top, resign(files, Signer(operator.key, operator.cert,
                                                                       [kit.district.cert])))
    failed_with(verify(path, kit), UNTRUSTED, "chain.other_park")


def test_a_signer_certificate_with_an_unknown_critical_extension_is_untrusted(kit, tmp_path):
    """RFC 5280 §4.2 (and openssl): a critical extension the verifier does not understand fails the path."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    key = kit.operator.key
    cert = (x509.CertificateBuilder().subject_name(kit.operator.cert.subject).issuer_name(kit.district.cert.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(past(1)).not_valid_after(past(-30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.4.1.55555.7"), b"\x05\x00"),
                           critical=True)
            .sign(kit.district.key, hashes.SHA256()))
    top, files = read_bag(kit.package)
    path = write_bag(tmp_path / "x.parkpkg", top, resign(files, Signer(key, cert, [kit.district.cert])))
    result = verify(path, kit)
    failed_with(result, UNTRUSTED, "chain.critical_extension")
    assert "1.3.6.1.4.1.55555.7" in result.checks["trust"].text("en")


def test_without_any_trusted_certificate_the_signer_is_untrusted(kit):
    failed_with(verify(kit.package, kit, anchors=[]), UNTRUSTED, "chain.no_anchor")


def test_an_operator_trusted_on_its_own(kit):
    assert verify(kit.package, kit, anchors=[kit.operator.cert]).exit_code == 0


# --- schema and validation ----------------------------------------------------------------------------------------

def _with_document(kit, tmp_path, change) -> Path:
    top, files = read_bag(kit.package)
    document = json.loads(files["data/report.json"])
    change(document)
    files["data/report.json"] = json.dumps(document, ensure_ascii=False).encode()
    return write_bag(tmp_path / "x.parkpkg", top, resign(files, kit.signer))


def test_a_document_off_its_schema_fails(kit, tmp_path):
    path = _with_document(kit, tmp_path, lambda d: d["enterprises"][0].update(employees="many"))
    result = verify(path, kit)
    failed_with(result, INVALID, "schema.invalid")
    assert "employees" in result.checks["schema"].text("en")
    assert result.checks["validation"].status == NOT_RUN


def test_an_unknown_schema_version_fails(kit, tmp_path):
    failed_with(verify(_with_document(kit, tmp_path, lambda d: d.update(schema_version=2)), kit), INVALID,
                "schema.version")


def test_report_json_that_is_not_json_fails(kit, tmp_path):
    top, files = read_bag(kit.package)
    files["data/report.json"] = b"{not json"
    failed_with(verify(write_bag(tmp_path / "x.parkpkg", top, resign(files, kit.signer)), kit), INVALID,
                "schema.not_json")


def test_report_json_disagreeing_with_bag_info_fails(kit, tmp_path):
    failed_with(verify(_with_document(kit, tmp_path, lambda d: d["report"].update(year=2022)), kit), INVALID,
                "schema.mismatch")


def test_data_breaking_a_rule_fails_validation(kit, tmp_path):
    def break_a_code(document):
        code = document["enterprises"][0]["uscc"]
        document["enterprises"][0]["uscc"] = code[:17] + ("0" if code[17] != "0" else "1")

    result = verify(_with_document(kit, tmp_path, break_a_code), kit)
    failed_with(result, INVALID, "validation.failed")
    assert "ENT-USCC-CHECK" in result.checks["validation"].text("en")


def test_a_package_of_another_rule_set_cannot_be_revalidated(kit, tmp_path):
    result = verify(_with_document(kit, tmp_path, lambda d: d.update(ruleset_version="2020.1.1")), kit)
    failed_with(result, INVALID, "validation.ruleset")


def test_verification_writes_nothing(kit, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = sorted(kit.package.parent.rglob("*"))
    verify(kit.package, kit)
    assert list(tmp_path.iterdir()) == []
    assert sorted(kit.package.parent.rglob("*")) == before


def _der():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER
