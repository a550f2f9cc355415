"""Is a signer's certificate trusted? A short, explicit certification path check.

The signer is trusted when its own certificate is in the trust store, or when
a chain of issuers (taken from the signature's certificates or the trust
store) leads to a trusted CA certificate: every certificate within its dates,
every issuer a CA whose signature verifies and whose path length allows it.
"""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm

from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import (
    can_sign_documents, fingerprint, is_ca, key_usage_of, name_text, path_length_of, subject_text, utc_now,
    valid_from, valid_until,
)

MAX_DEPTH = 5


class Untrusted(ParkdeskError):
    """The signer's certificate does not lead to the trust store, or one in its path is not usable."""


def trusted_path(signer: x509.Certificate, pool: list[x509.Certificate], anchors: list[x509.Certificate],
                 at: datetime | None = None) -> list[x509.Certificate]:
    """The path from `signer` to a trusted certificate, signer first; raises Untrusted."""
    at = at or utc_now()
    if not anchors:
        raise Untrusted("chain.no_anchor")
    trusted = {fingerprint(cert) for cert in anchors}
    if not can_sign_documents(signer):
        raise Untrusted("chain.usage", subject=subject_text(signer))
    path = [signer]
    _check_dates(signer, at)
    for _ in range(MAX_DEPTH):
        current = path[-1]
        if fingerprint(current) in trusted:
            return path
        issuer = _find_issuer(current, anchors + pool)
        _check_issuer(issuer, current, cas_below=len(path) - 1)
        _check_dates(issuer, at)
        path.append(issuer)
    raise Untrusted("chain.untrusted", subject=subject_text(signer), issuer=name_text(signer.issuer))


def _find_issuer(cert: x509.Certificate, candidates: list[x509.Certificate]) -> x509.Certificate:
    """The first candidate whose name and signature match; trust anchors are listed first."""
    named = [c for c in candidates if c.subject == cert.issuer and fingerprint(c) != fingerprint(cert)]
    for candidate in named:
        try:
            cert.verify_directly_issued_by(candidate)
            return candidate
        except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
            continue
    if named:
        raise Untrusted("chain.bad_issuer_signature", subject=subject_text(cert), issuer=name_text(cert.issuer))
    raise Untrusted("chain.untrusted", subject=subject_text(cert), issuer=name_text(cert.issuer))


def _check_issuer(issuer: x509.Certificate, cert: x509.Certificate, cas_below: int) -> None:
    usage = key_usage_of(issuer)
    if not is_ca(issuer) or (usage is not None and not usage.key_cert_sign):
        raise Untrusted("chain.not_ca", issuer=subject_text(issuer), subject=subject_text(cert))
    limit = path_length_of(issuer)
    if limit is not None and cas_below > limit:
        raise Untrusted("chain.path_length", issuer=subject_text(issuer), limit=limit)


def _check_dates(cert: x509.Certificate, at: datetime) -> None:
    if at > valid_until(cert):
        raise Untrusted("chain.expired", subject=subject_text(cert), end=valid_until(cert).strftime("%Y-%m-%d %H:%M"))
    if at < valid_from(cert):
        raise Untrusted("chain.not_yet_valid", subject=subject_text(cert),
                        start=valid_from(cert).strftime("%Y-%m-%d %H:%M"))
