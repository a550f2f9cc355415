"""Packages encrypted to a district's RSA certificate: parkdesk and `openssl cms -decrypt` both open them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from interop_kit import require, write_certs
from package_kit import build, flip_byte, kit, self_signed_operator, verify  # noqa: F401
from parkdesk.db.workspace import create_workspace, open_workspace
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.certificates import to_pem
from parkdesk.identity.store import NewIdentity, certificate_of, create_identity
from parkdesk.packages.encryption import decrypt, recipients_of
from parkdesk.packages.inspection import inspect_package
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.packages.build import Signer

PASSPHRASE = b"district passphrase"


@pytest.fixture(scope="module")
def sealed(kit, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sealed")
    package = folder / "QLRJY-2023.parkpkg.p7m"
    build(kit.workspace, package, kit.signer, encrypt_to=kit.district.cert)
    return package


def decrypt_with(authority):
    return lambda data, recipients: decrypt(data, authority.cert, authority.key)


def test_an_encrypted_package_is_cms_enveloped_data_for_the_district(kit, sealed):
    data = sealed.read_bytes()
    assert data[:1] == b"\x30" and b"PK\x03\x04" not in data[:4096]
    (recipient,) = recipients_of(data)
    assert recipient.matches(kit.district.cert)


def test_parkdesk_decrypts_and_verifies_it(kit, sealed):
    result = verify(sealed, kit, decrypt=decrypt_with(kit.district))
    assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]
    assert result.metadata["encrypted"] is True
    assert inspect_package(sealed, decrypt_with(kit.district))["report"]["park_code"] == "QLRJY"


@pytest.mark.needs_tool("openssl", "openssl")
def test_openssl_decrypts_it_to_the_same_package(kit, sealed, tmp_path):
    key_file = tmp_path / "district-key.pem"
    key_file.write_bytes(kit.district.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSPHRASE)))
    cert_file = tmp_path / "district.pem"
    cert_file.write_bytes(to_pem([kit.district.cert]))
    out = tmp_path / "opened.parkpkg"
    run = subprocess.run(["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", str(sealed),
                          "-recip", str(cert_file), "-inkey", str(key_file), "-passin", f"pass:{PASSPHRASE.decode()}",
                          "-out", str(out)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == decrypt(sealed.read_bytes(), kit.district.cert, kit.district.key)
    assert verify(out, kit).exit_code == 0


def test_without_the_district_key_it_cannot_be_opened(kit, sealed):
    with pytest.raises(ParkdeskError) as info:
        verify(sealed, kit)
    assert info.value.message_key == "package.encrypted_no_key"
    assert "历下区商务局" in info.value.message("en")


def test_another_districts_key_does_not_open_it(kit, sealed, tmp_path):
    workspace = tmp_path / "other-district.sqlite"
    with create_workspace(workspace) as ws, ws.session() as session, session.begin():
        create_identity(session, ws.actor, NewIdentity("huaiyin", "district", "槐荫区商务局", "济南市槐荫区商务局",
                                                       "370104", "rsa"), PASSPHRASE)
    with open_workspace(workspace) as ws, ws.session() as session:
        with pytest.raises(ParkdeskError) as info:
            verify(sealed, kit, decrypt=workspace_decryptor(session, lambda name: PASSPHRASE))
    assert info.value.message_key == "package.encrypted_no_key"


def test_the_key_of_a_workspace_identity_opens_it(kit, tmp_path):
    """The district identity lives in the reviewer's workspace; its passphrase unlocks it."""
    workspace = tmp_path / "district.sqlite"
    with create_workspace(workspace) as ws, ws.session() as session, session.begin():
        identity = create_identity(session, ws.actor, NewIdentity("lixia", "district", "历下区商务局",
                                                                  "济南市历下区商务局", "370102", "rsa"), PASSPHRASE)
        cert = certificate_of(identity)
    operator = self_signed_operator()
    package = tmp_path / "p.parkpkg.p7m"
    build(kit.workspace, package, Signer(operator.key, operator.cert, []), encrypt_to=cert)
    with open_workspace(workspace) as ws, ws.session() as session:
        opened = verify(package, kit, anchors=[operator.cert],
                        decrypt=workspace_decryptor(session, lambda name: PASSPHRASE))
        assert opened.exit_code == 0
        with pytest.raises(ParkdeskError) as info:
            verify(package, kit, decrypt=workspace_decryptor(session, lambda name: b"wrong passphrase"))
    assert info.value.message_key == "identity.wrong_passphrase"


def test_a_damaged_encrypted_package_is_refused_cleanly(kit, sealed, tmp_path):
    size = sealed.stat().st_size
    for position in (size - 5, size // 2):
        damaged = flip_byte(sealed, tmp_path / "x.parkpkg.p7m", position)
        try:
            result = verify(damaged, kit, decrypt=decrypt_with(kit.district))
        except ParkdeskError as problem:
            assert problem.message_key == "package.decrypt_failed"
        else:
            assert result.exit_code != 0


def test_only_an_rsa_certificate_can_receive(kit, tmp_path):
    ec_operator = self_signed_operator()
    with pytest.raises(InputProblem) as info:
        build(kit.workspace, tmp_path / "x.parkpkg.p7m", kit.signer, encrypt_to=ec_operator.cert)
    assert info.value.message_key == "identity.not_rsa"
    assert not list(tmp_path.glob("*.parkpkg*"))



def openssl_encrypted(kit, tmp_path, cipher_options: list[str]) -> Path:
    """The kit's package encrypted to the district by `openssl cms -encrypt` with the options given."""
    out = tmp_path / "openssl.parkpkg.p7m"
    run = subprocess.run([require("openssl", "openssl"), "cms", "-encrypt", "-binary", "-in", str(kit.package),
                          "-outform", "DER", "-out", str(out), *cipher_options,
                          str(write_certs([kit.district.cert], tmp_path / "district.pem"))],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


@pytest.mark.parametrize("options", [["-aes256", "-stream"], ["-aes128", "-stream"], ["-aes256"]])
def test_an_envelope_openssl_wrote_decrypts_streamed_ber_included(kit, tmp_path, options):
    """`openssl cms -encrypt -stream` writes BER with indefinite lengths; it decrypts like DER."""
    package = openssl_encrypted(kit, tmp_path, options)
    result = verify(package, kit, decrypt=decrypt_with(kit.district))
    assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]


@pytest.mark.parametrize("options, cipher", [(["-aes-256-gcm"], "aes256_gcm (AuthEnvelopedData)"),
                                             (["-des3"], "tripledes_3key")])
def test_an_envelope_cipher_parkdesk_cannot_decrypt_is_named(kit, tmp_path, options, cipher):
    package = openssl_encrypted(kit, tmp_path, options)
    with pytest.raises(ParkdeskError) as info:
        verify(package, kit, decrypt=decrypt_with(kit.district))
    assert info.value.message_key == "package.envelope_unsupported"
    assert cipher in info.value.message("en") and "AES-256-CBC" in info.value.message("en")
