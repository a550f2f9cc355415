"""X.509 certificates naming a park (or a district) and its organisation.

Operator certificates carry no extended key usage and allow digitalSignature
and contentCommitment, so `openssl cms -verify` accepts them for S/MIME-style
signatures without `-purpose any`. District certificates are small CAs.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from parkdesk.errors import ParkdeskError
from parkdesk.input_files import check_regular_file

OPERATOR = "operator"
DISTRICT = "district"
KINDS = (OPERATOR, DISTRICT)
OPERATOR_DAYS = 3 * 365
DISTRICT_DAYS = 10 * 365
CLOCK_SKEW = timedelta(minutes=5)
PROVINCE = "山东省"
CITY = "济南市"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def subject_name(common_name: str, organization: str, unit: str | None) -> x509.Name:
    """C=CN, ST=山东省, L=济南市, O=organisation, OU=park or division code, CN=park or office name."""
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, PROVINCE),
        x509.NameAttribute(NameOID.LOCALITY_NAME, CITY),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
    ]
    if unit:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attributes)


def _key_usage(*, sign: bool, encipher: bool, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=sign, content_commitment=sign and not ca, key_encipherment=encipher,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


def build_certificate(subject: x509.Name, public_key, issuer_name: x509.Name, issuer_key, *, ca: bool,
                      days: int, now: datetime | None = None, issuer_public_key=None) -> x509.Certificate:
    """A certificate of `public_key`, signed by `issuer_key` (the same key when self-signed)."""
    start = (now or utc_now()) - CLOCK_SKEW
    issuer_public_key = issuer_public_key or issuer_key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(issuer_name).public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start).not_valid_after(start + CLOCK_SKEW + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), critical=True)
        .add_extension(_key_usage(sign=True, encipher=isinstance(public_key, rsa.RSAPublicKey), ca=ca),
                       critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public_key), critical=False)
    )
    return builder.sign(issuer_key, hashes.SHA256())


def self_signed(key, subject: x509.Name, *, ca: bool, days: int, now: datetime | None = None) -> x509.Certificate:
    return build_certificate(subject, key.public_key(), subject, key, ca=ca, days=days, now=now)


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate as AA:BB:…, the form read aloud to confirm a certificate by phone."""
    return ":".join(f"{b:02X}" for b in cert.fingerprint(hashes.SHA256()))


def fingerprint_of_der(der: bytes) -> str:
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def name_text(name: x509.Name) -> str:
    """A name for people: CN first, then O and OU (RFC 4514 strings escape Chinese poorly)."""
    parts = []
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME, NameOID.ORGANIZATIONAL_UNIT_NAME):
        parts += [str(attr.value) for attr in name.get_attributes_for_oid(oid)]
    return ", ".join(parts) or name.rfc4514_string()


def subject_text(cert: x509.Certificate) -> str:
    return name_text(cert.subject)


def unit_of(cert: x509.Certificate) -> str | None:
    """The OU: the park code of an operator certificate, the division code of a district's."""
    values = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    return str(values[0].value) if values else None


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def path_length_of(cert: x509.Certificate) -> int | None:
    try:
        return cert.extensions.get_extension_for_class(x509.BasicConstraints).value.path_length
    except x509.ExtensionNotFound:
        return None


def key_usage_of(cert: x509.Certificate) -> x509.KeyUsage | None:
    try:
        return cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return None


def valid_from(cert: x509.Certificate) -> datetime:
    return cert.not_valid_before_utc


def valid_until(cert: x509.Certificate) -> datetime:
    return cert.not_valid_after_utc


def to_pem(certs: list[x509.Certificate]) -> bytes:
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in PEM text (one or more) or a single DER certificate; ValueError if none."""
    if b"-----BEGIN CERTIFICATE-----" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def read_certificate_file(path: Path) -> list[x509.Certificate]:
    check_regular_file(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParkdeskError("cert.unreadable", path=path, reason=exc.strerror or exc) from exc
    try:
        return load_certificates(data)
    except ValueError:
        raise ParkdeskError("cert.none_in_file", path=path) from None
