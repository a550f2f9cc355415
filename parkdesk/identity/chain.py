"""Is a signer's certificate trusted? RFC 5280 path validation by `cryptography.x509.verification`.

There are two ways to trust a signer, and they are kept apart:

- **pinned**: the signer's own certificate is one of the trusted certificates (an operator registered
  on its own with `keys trust`, or a district signing its receipts with its CA certificate). The path is
  that one certificate; its dates, key usage, extended key usage and critical extensions are checked
  by the same verifier, and nothing is asked of its issuer.
- **through a CA**: cryptography's verifier builds a path from the signer through the certificates the
  signature carries to a trusted certificate, and checks every certificate on it: validity at the time
  of verification, signatures, basicConstraints (cA, path length), key usage, name constraints, and
  RFC 5280 §4.2's rule that a critical extension it does not understand fails the path. CA
  certificates must meet cryptography's CA profile (basicConstraints critical, keyCertSign); the signer
  must be allowed to sign documents (what `openssl cms -verify` asks: keyUsage digitalSignature or
  nonRepudiation when present, extendedKeyUsage emailProtection when present — RFC 5280 §4.2.1.12 lets an
  application refuse anyExtendedKeyUsage alone, and openssl does).

A failure becomes Untrusted with a message naming the certificate and the reason.
"""

from __future__ import annotations

import re
from datetime import datetime

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import Criticality, ExtensionPolicy, PolicyBuilder, Store, VerificationError

from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import (
    fingerprint, name_text, path_length_of, subject_text, utc_now, valid_from, valid_until,
)

MAX_DEPTH = 5
SIGNING_PURPOSES = (ExtendedKeyUsageOID.EMAIL_PROTECTION,)  # as openssl's smimesign: anyExtendedKeyUsage alone is not
USAGE_REFUSED = "parkdesk: not allowed to sign documents"


class Untrusted(ParkdeskError):
    """The signer's certificate does not lead to the trust store, or one in its path is not usable."""


def trusted_path(signer: x509.Certificate, pool: list[x509.Certificate], anchors: list[x509.Certificate],
                 at: datetime | None = None) -> list[x509.Certificate]:
    """The validated path from `signer` to a trusted certificate, signer first; raises Untrusted.

    `pool` holds the certificates the signature carries (the signer's issuers); `anchors` the trusted ones.
    """
    at = at or utc_now()
    if not anchors:
        raise Untrusted("chain.no_anchor")
    if is_pinned(signer, anchors):
        store, intermediates = [signer], []
    else:
        store = anchors
        # a self-issued certificate can only be a trust anchor, and anchors come from the trust store alone
        intermediates = [cert for cert in pool if cert != signer and cert.subject != cert.issuer]
    try:
        return _verifier(store, at).verify(signer, intermediates).chain
    except VerificationError as error:
        raise _explained(str(error), signer, store + intermediates, at) from None


def is_pinned(signer: x509.Certificate, anchors: list[x509.Certificate]) -> bool:
    """The signer's own certificate is trusted (compared by fingerprint)."""
    return fingerprint(signer) in {fingerprint(cert) for cert in anchors}


def _verifier(store: list[x509.Certificate], at: datetime):
    signer_policy = (ExtensionPolicy.permit_all()
                     .may_be_present(x509.KeyUsage, Criticality.AGNOSTIC, _usage_allows_signing)
                     .may_be_present(x509.ExtendedKeyUsage, Criticality.AGNOSTIC, _purpose_allows_signing))
    return (PolicyBuilder().store(Store(store)).time(at).max_chain_depth(MAX_DEPTH)
            .extension_policies(ca_policy=ExtensionPolicy.webpki_defaults_ca(), ee_policy=signer_policy)
            .build_client_verifier())


def _usage_allows_signing(policy, cert: x509.Certificate, usage: x509.KeyUsage | None) -> None:
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise ValueError(USAGE_REFUSED)


def _purpose_allows_signing(policy, cert: x509.Certificate, purposes: x509.ExtendedKeyUsage | None) -> None:
    if purposes is not None and not any(purpose in purposes for purpose in SIGNING_PURPOSES):
        raise ValueError(USAGE_REFUSED)


def _explained(reason: str, signer: x509.Certificate, candidates: list[x509.Certificate], at: datetime) -> Untrusted:
    """cryptography's reason as one of our messages, naming the certificate concerned."""
    subject, issuer = subject_text(signer), name_text(signer.issuer)
    about_signer = "candidates exhausted" not in reason
    if USAGE_REFUSED in reason:
        return Untrusted("chain.usage", subject=subject)
    if "not valid at validation time" in reason:
        cert = signer if about_signer else _out_of_date(signer, candidates, at)
        if cert is None:
            return Untrusted("chain.invalid", subject=subject, reason=_short(reason))
        if at < valid_from(cert):
            return Untrusted("chain.not_yet_valid", subject=subject_text(cert),
                             start=valid_from(cert).strftime("%Y-%m-%d %H:%M"))
        return Untrusted("chain.expired", subject=subject_text(cert),
                         end=valid_until(cert).strftime("%Y-%m-%d %H:%M"))
    critical = re.search(r"invalid extension: ([0-9.]+): certificate contains unaccounted-for critical", reason)
    if critical:
        return Untrusted("chain.critical_extension", subject=subject if about_signer else issuer,
                         oid=critical.group(1))
    if "basicConstraints" in reason:
        return Untrusted("chain.not_ca", issuer=issuer, subject=subject)
    if "path length constraint" in reason:
        limited = next((cert for cert in _up_from(signer, candidates) if path_length_of(cert) is not None), None)
        if limited is not None:
            return Untrusted("chain.path_length", issuer=subject_text(limited), limit=path_length_of(limited))
    if "signature does not match" in reason:
        return Untrusted("chain.bad_issuer_signature", subject=subject, issuer=issuer)
    if "no interior errors" in reason:
        return Untrusted("chain.untrusted", subject=subject, issuer=issuer)
    return Untrusted("chain.invalid", subject=subject, reason=_short(reason))


def _out_of_date(signer: x509.Certificate, candidates: list[x509.Certificate], at: datetime) -> x509.Certificate | None:
    """The issuer above `signer` whose validity does not cover `at` (for the message only)."""
    return next((cert for cert in _up_from(signer, candidates) if not valid_from(cert) <= at <= valid_until(cert)),
                None)


def _up_from(signer: x509.Certificate, candidates: list[x509.Certificate]):
    """The certificates named as issuers above `signer`, nearest first (by name only: for messages)."""
    current, seen = signer, set()
    while current.issuer not in seen:
        seen.add(current.issuer)
        named = [cert for cert in candidates if cert.subject == current.issuer and cert != current]
        yield from named
        if not named:
            return
        current = named[0]


def _short(reason: str) -> str:
    return reason.split(" (encountered processing")[0][:200]
