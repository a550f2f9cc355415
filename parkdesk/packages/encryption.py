"""Encrypting a whole package to a district's RSA certificate: CMS EnvelopedData, AES-256 (.parkpkg.p7m).

`openssl cms -decrypt -binary -inform DER -in X.parkpkg.p7m -recip district.pem -inkey district-key.pem`
reads it too. Reading, what openssl writes is accepted where cryptography can decrypt it: AES-128/256-CBC,
in DER or BER (`openssl cms -encrypt -stream` writes indefinite lengths, re-encoded as DER here). Other
ciphers (3DES, AES-192, AES-GCM in AuthEnvelopedData) are named as unsupported.
"""

from __future__ import annotations

from dataclasses import dataclass

from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.serialization import pkcs7

from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.certificates import subject_text


@dataclass(frozen=True)
class Recipient:
    issuer_der: bytes
    issuer_text: str
    serial: int

    def matches(self, cert: x509.Certificate) -> bool:
        return cert.serial_number == self.serial and cert.issuer.public_bytes() == self.issuer_der


def encrypt_to(data: bytes, recipient: x509.Certificate) -> bytes:
    if not isinstance(recipient.public_key(), rsa.RSAPublicKey):
        raise InputProblem("identity.not_rsa", subject=subject_text(recipient))
    return (pkcs7.PKCS7EnvelopeBuilder().set_data(data).add_recipient(recipient)
            .set_content_encryption_algorithm(algorithms.AES256)
            .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary]))


ENVELOPES = ("enveloped_data", "authenticated_enveloped_data")
READABLE_CIPHERS = ("aes128_cbc", "aes256_cbc")
INDEFINITE_LENGTH = 0x80


def recipients_of(data: bytes) -> list[Recipient] | None:
    """The recipients when `data` is CMS EnvelopedData (or AuthEnvelopedData), else None."""
    try:
        info = cms.ContentInfo.load(data)
        if info["content_type"].native not in ENVELOPES:
            return None
        found = []
        for recipient in info["content"]["recipient_infos"]:
            rid = recipient.chosen["rid"]
            if rid.name == "issuer_and_serial_number":
                issuer = rid.chosen["issuer"]
                found.append(Recipient(issuer.dump(), issuer.human_friendly, rid.chosen["serial_number"].native))
        return found
    except Exception:  # not DER, or not CMS at all
        return None


def describe_recipients(recipients: list[Recipient]) -> str:
    return "; ".join(f"{r.issuer_text} #{r.serial:x}" for r in recipients) or "?"


def unsupported_cipher(data: bytes) -> str | None:
    """The name of the envelope's content cipher when parkdesk cannot decrypt it, else None."""
    try:
        info = cms.ContentInfo.load(data)
        if info["content_type"].native == "authenticated_enveloped_data":
            algorithm = info["content"]["auth_encrypted_content_info"]["content_encryption_algorithm"]
            return f"{algorithm['algorithm'].native} (AuthEnvelopedData)"
        cipher = info["content"]["encrypted_content_info"]["content_encryption_algorithm"]["algorithm"].native
    except Exception:  # damaged: decrypting says so
        return None
    return None if cipher in READABLE_CIPHERS else str(cipher)


def decrypt(data: bytes, cert: x509.Certificate, key) -> bytes:
    try:
        return pkcs7.pkcs7_decrypt_der(_as_der(data), cert, key, [])
    except Exception as exc:  # damaged or hostile DER: ValueError, UnsupportedAlgorithm and the like
        raise ParkdeskError("package.decrypt_failed", reason=f"{type(exc).__name__}: {exc}"[:200]) from None


def _as_der(data: bytes) -> bytes:
    """BER with indefinite lengths (a streamed envelope) re-encoded as DER, which cryptography reads."""
    if len(data) > 1 and data[1] == INDEFINITE_LENGTH:
        return cms.ContentInfo.load(data).dump(force=True)
    return data
