"""The reviewer's trust store: district CA certificates and individually registered operator certificates."""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import TrustedCertificate
from parkdesk.errors import InputProblem
from parkdesk.identity.certificates import (
    fingerprint, is_ca, load_certificates, subject_text, to_pem, utc_now, valid_from, valid_until,
)

CA = "ca"
SIGNER = "signer"


class AlreadyTrusted(InputProblem):
    pass


def trust_certificate(session: Session, actor: str, cert: x509.Certificate, note: str | None = None,
                      *, now: datetime | None = None) -> TrustedCertificate:
    """Add `cert` to the trust store; a CA certificate vouches for every certificate it issues."""
    print_ = fingerprint(cert)
    existing = session.scalars(select(TrustedCertificate).where(TrustedCertificate.fingerprint == print_)).first()
    if existing is not None:
        raise AlreadyTrusted("trust.already", subject=existing.subject, fingerprint=print_)
    now = now or utc_now()
    if not valid_from(cert) <= now <= valid_until(cert):
        raise InputProblem("trust.expired", subject=subject_text(cert), start=valid_from(cert).date(),
                           end=valid_until(cert).date())
    entry = TrustedCertificate(
        fingerprint=print_, kind=CA if is_ca(cert) else SIGNER, subject=subject_text(cert),
        not_before=valid_from(cert).replace(tzinfo=None), not_after=valid_until(cert).replace(tzinfo=None),
        certificate_pem=to_pem([cert]), note=note, added_by=actor,
    )
    session.add(entry)
    session.flush()
    record_event(session, actor, "trusted_certificates", entry.id, None,
                 f"trusted {entry.kind} {entry.subject} {print_}")
    return entry


def trust_entries(session: Session) -> list[TrustedCertificate]:
    return list(session.scalars(select(TrustedCertificate).order_by(TrustedCertificate.kind,
                                                                    TrustedCertificate.subject)))


def trusted_certificates(session: Session) -> list[x509.Certificate]:
    return [load_certificates(entry.certificate_pem)[0] for entry in trust_entries(session)]


def workspace_anchors(session: Session) -> list[x509.Certificate]:
    """The workspace's trusted certificates for receiving files; an empty trust store is refused up front with
    the command that fills it (nothing could be verified against it)."""
    from parkdesk.identity.chain import Untrusted

    anchors = trusted_certificates(session)
    if not anchors:
        raise Untrusted("chain.no_anchor_in_workspace")
    return anchors
