"""Certificates made field by field for the trust tests: any key, validity, key usage, EKU, basicConstraints,
and extensions nobody understands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from parkdesk.identity.certificates import subject_name, utc_now

UNKNOWN_CRITICAL = x509.UnrecognizedExtension(x509.ObjectIdentifier("1.3.6.1.4.1.55555.1"), b"\x05\x00")
EKU = {"email": ExtendedKeyUsageOID.EMAIL_PROTECTION, "server": ExtendedKeyUsageOID.SERVER_AUTH,
       "client": ExtendedKeyUsageOID.CLIENT_AUTH, "any": ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE}
SIGNING_USAGE = dict(digital_signature=True, content_commitment=True, key_encipherment=False,
                     data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                     encipher_only=False, decipher_only=False)
CA_USAGE = {**SIGNING_USAGE, "content_commitment": False, "key_cert_sign": True, "crl_sign": True}


@dataclass
class Made:
    key: object
    cert: x509.Certificate


def new_key(kind: str):
    if kind.startswith("rsa"):
        return rsa.generate_private_key(65537, int(kind[3:] or 2048))
    return ec.generate_private_key({"p256": ec.SECP256R1(), "p384": ec.SECP384R1(), "p521": ec.SECP521R1()}[kind])


def make(unit: str, issuer: Made | None = None, *, key: str = "p256", ca: bool = False, starts: int = -1,
         days: int = 30, eku: tuple[str, ...] = (), usage: dict | None | str = "default",
         basic_constraints: bool = True, path_length: int | None = 0, unknown_critical: bool = False,
         name: str | None = None) -> Made:
    """A certificate for OU `unit`, issued by `issuer` (self-signed without), valid from `starts` days from now."""
    private = new_key(key)
    subject = subject_name(name or f"name-{unit}", f"org-{unit}", unit)
    issuer_key, issuer_name = (private, subject) if issuer is None else (issuer.key, issuer.cert.subject)
    now = utc_now()
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer_name)
               .public_key(private.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now + timedelta(days=starts)).not_valid_after(now + timedelta(days=starts + days)))
    if basic_constraints:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=path_length if ca else None),
                                        critical=True)
    if usage == "default":
        usage = CA_USAGE if ca else SIGNING_USAGE
    if usage is not None:
        builder = builder.add_extension(x509.KeyUsage(**usage), critical=True)
    if eku:
        builder = builder.add_extension(x509.ExtendedKeyUsage([EKU[e] for e in eku]), critical=False)
    if unknown_critical:
        builder = builder.add_extension(UNKNOWN_CRITICAL, critical=True)
    builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(private.public_key()), critical=False)
    issuer_public = private.public_key() if issuer is None else issuer.cert.public_key()
    builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), critical=False)
    return Made(private, builder.sign(issuer_key, hashes.SHA256()))
