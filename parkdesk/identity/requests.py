"""Certificate requests: an operator asks, a district (a small CA) signs."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.certificates import OPERATOR_DAYS, build_certificate, utc_now, valid_until


def make_request(key, subject: x509.Name) -> bytes:
    """A PEM certificate signing request for `subject`, signed by `key`."""
    request = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return request.public_bytes(serialization.Encoding.PEM)


def read_request(path: Path) -> x509.CertificateSigningRequest:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ParkdeskError("csr.unreadable", path=path, reason=exc.strerror or exc) from exc
    try:
        request = (x509.load_pem_x509_csr(data) if b"-----BEGIN" in data else x509.load_der_x509_csr(data))
    except ValueError as exc:
        raise ParkdeskError("csr.unreadable", path=path, reason=exc) from None
    if not request.is_signature_valid:
        raise InputProblem("csr.bad_signature", path=path)
    return request


def issue_certificate(ca_key, ca_cert: x509.Certificate, request: x509.CertificateSigningRequest, *,
                      days: int = OPERATOR_DAYS, now: datetime | None = None) -> x509.Certificate:
    """An operator certificate for the request's subject and key, signed by the district CA.

    Only the subject and the public key are taken from the request; the
    extensions are parkdesk's own, so a request cannot ask to become a CA.
    """
    now = now or utc_now()
    days = max(0, min(days, (valid_until(ca_cert) - now).days))  # never outlive the issuer
    return build_certificate(request.subject, request.public_key(), ca_cert.subject, ca_key, ca=False,
                             days=days, now=now, issuer_public_key=ca_cert.public_key())
