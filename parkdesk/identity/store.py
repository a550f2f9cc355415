"""Identities kept in the workspace: the encrypted key, the certificate and its issuers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import Identity
from parkdesk.errors import InputProblem, WorkspaceError
from parkdesk.identity.certificates import (
    DISTRICT, DISTRICT_DAYS, OPERATOR, OPERATOR_DAYS, fingerprint, load_certificates, self_signed, subject_name,
    subject_text, to_pem,
)
from parkdesk.identity.keys import PrivateKey, algorithm_of, decrypt_key, encrypt_key, generate_key, public_bytes


@dataclass(frozen=True)
class NewIdentity:
    """What `keys create` asks for."""

    name: str
    kind: str  # operator | district
    common_name: str  # the park's name, or the district office's
    organization: str
    unit: str | None = None  # the park code, or the division code
    algorithm: str = "ec"  # ec | rsa (a district that receives encrypted packages needs rsa)
    days: int | None = None


def create_identity(session: Session, actor: str, spec: NewIdentity, passphrase: bytes,
                    *, now: datetime | None = None) -> Identity:
    """Generate a key pair and a self-signed certificate (a CA for a district); store the key encrypted."""
    name = spec.name.strip()
    if not name:
        raise InputProblem("identity.name_needed")
    if session.scalars(select(Identity).where(Identity.name == name)).first() is not None:
        raise InputProblem("identity.exists", name=name)
    key = generate_key(spec.algorithm)
    ca = spec.kind == DISTRICT
    days = spec.days or (DISTRICT_DAYS if ca else OPERATOR_DAYS)
    cert = self_signed(key, subject_name(spec.common_name, spec.organization, spec.unit), ca=ca, days=days, now=now)
    identity = Identity(
        name=name, kind=spec.kind, key_algorithm=algorithm_of(key), encrypted_key_pem=encrypt_key(key, passphrase),
        certificate_pem=to_pem([cert]), chain_pem=None, fingerprint=fingerprint(cert), subject=subject_text(cert),
        park_code=spec.unit if spec.kind == OPERATOR else None,
        division_code=spec.unit if spec.kind == DISTRICT else None,
    )
    session.add(identity)
    session.flush()
    record_event(session, actor, "identities", identity.id, None,
                 f"identity {name} created ({spec.kind}, {identity.key_algorithm}), certificate {identity.fingerprint}")
    return identity


def get_identity(session: Session, name: str) -> Identity:
    identity = session.scalars(select(Identity).where(Identity.name == name.strip())).first()
    if identity is None:
        raise WorkspaceError("identity.not_found", name=name)
    return identity


def list_identities(session: Session) -> list[Identity]:
    return list(session.scalars(select(Identity).order_by(Identity.kind, Identity.name)))


def operator_identity_for(session: Session, park_code: str) -> Identity:
    """The park's operator identity (the newest, if there are several)."""
    identity = session.scalars(select(Identity).where(Identity.kind == OPERATOR, Identity.park_code == park_code)
                               .order_by(Identity.id.desc())).first()
    if identity is None:
        raise WorkspaceError("identity.none_for_park", park=park_code)
    return identity


def certificate_of(identity: Identity) -> x509.Certificate:
    return load_certificates(identity.certificate_pem)[0]


def chain_of(identity: Identity) -> list[x509.Certificate]:
    """The issuers' certificates, nearest first (empty for a self-signed identity)."""
    return load_certificates(identity.chain_pem) if identity.chain_pem else []


def unlock(identity: Identity, passphrase: bytes) -> PrivateKey:
    return decrypt_key(identity.encrypted_key_pem, passphrase, identity.name)


def install_certificate(session: Session, actor: str, identity: Identity, certs: list[x509.Certificate]) -> None:
    """Replace the identity's certificate with one a district issued (`certs`: that one, then its issuers)."""
    cert, chain = certs[0], certs[1:]
    if public_bytes(cert.public_key()) != public_bytes(certificate_of(identity).public_key()):
        raise InputProblem("identity.key_mismatch", name=identity.name)
    identity.certificate_pem = to_pem([cert])
    identity.chain_pem = to_pem(chain) if chain else None
    identity.fingerprint = fingerprint(cert)
    identity.subject = subject_text(cert)
    record_event(session, actor, "identities", identity.id, None,
                 f"identity {identity.name}: certificate {identity.fingerprint} "
                 f"issued by {cert.issuer.rfc4514_string()}")
