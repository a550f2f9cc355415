"""Signing identities: create, request a certificate, issue one (a district), install, trust, export, list.

`signer_for` is the one way an identity's key is unlocked to sign something.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from parkdesk.atomic_files import write_atomically
from parkdesk.db.models import Division
from parkdesk.db.queries import details_as_of, find_park
from parkdesk.db.workspace import Workspace
from parkdesk.errors import WorkspaceError
from parkdesk.identity.certificates import DISTRICT, OPERATOR, read_certificate_file, to_pem
from parkdesk.identity.requests import issue_certificate, make_request, read_request
from parkdesk.identity.store import (
    NewIdentity, certificate_of, chain_of, create_identity as store_identity, get_identity, install_certificate,
    list_identities, unlock,
)
from parkdesk.db.models import TrustedCertificate
from parkdesk.identity.trust_store import trust_certificate, trust_entries
from parkdesk.packages.build import Signer


@dataclass(frozen=True)
class IdentityInfo:
    name: str
    kind: str
    key_algorithm: str
    subject: str
    fingerprint: str
    park: str | None
    division: str | None
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


def _info(identity) -> IdentityInfo:
    return IdentityInfo(identity.name, identity.kind, identity.key_algorithm, identity.subject, identity.fingerprint,
                        identity.park_code, identity.division_code, certificate_of(identity),
                        tuple(chain_of(identity)))


def signer_for(workspace: Workspace, name: str, passphrase: bytes) -> Signer:
    """The identity's key (unlocked with `passphrase`), certificate and issuers: what signs a package,
    a receipt or a roll-up. A wrong passphrase is refused in words."""
    with workspace.session() as session:
        identity = get_identity(session, name)
        return Signer(unlock(identity, passphrase), certificate_of(identity), chain_of(identity))


def create_operator_identity(workspace: Workspace, name: str, park: str, passphrase: bytes, *,
                             organization: str | None = None, common_name: str | None = None,
                             algorithm: str = "ec", days: int | None = None) -> IdentityInfo:
    """A park operator's identity: a key pair and a self-signed certificate until its district issues one."""
    with workspace.writing() as session:
        found = find_park(session, park)
        if found is None:
            raise WorkspaceError("cli.park_not_found", park=park)
        stated = details_as_of(session, [found.id]).get(found.id)  # the operator its newest report names
        operator = stated.operator_org if stated is not None else None
        spec = NewIdentity(name, OPERATOR, common_name or found.name, organization or operator or found.name,
                           found.code, algorithm, days)
        return _info(store_identity(session, workspace.actor, spec, passphrase))


def create_district_identity(workspace: Workspace, name: str, division: str, passphrase: bytes, *,
                             organization: str | None = None, common_name: str | None = None,
                             algorithm: str = "rsa", days: int | None = None) -> IdentityInfo:
    """A district office's identity: a small CA (RSA by default, so it can receive encrypted packages)."""
    with workspace.writing() as session:
        found = session.get(Division, division) if division else None
        if found is None:
            raise WorkspaceError("cli.division_not_found", division=division or "--division")
        spec = NewIdentity(name, DISTRICT, common_name or f"{found.name}商务局", organization or f"济南市{found.name}商务局",
                           found.code, algorithm, days)
        return _info(store_identity(session, workspace.actor, spec, passphrase))


def identities(workspace: Workspace) -> list[IdentityInfo]:
    with workspace.session() as session:
        return [_info(identity) for identity in list_identities(session)]


def trusted(workspace: Workspace) -> list[TrustedCertificate]:
    with workspace.session() as session:
        return list(trust_entries(session))


def export_certificate(workspace: Workspace, name: str, out: Path, *, der: bool = False) -> x509.Certificate:
    """The identity's certificate (PEM with its issuers, or DER alone) to `out`."""
    with workspace.session() as session:
        identity = get_identity(session, name)
        cert = certificate_of(identity)
        data = cert.public_bytes(serialization.Encoding.DER) if der else to_pem([cert] + chain_of(identity))
    write_atomically(out, data)
    return cert


def export_key(workspace: Workspace, name: str, out: Path) -> Path:
    """The identity's key, still encrypted with its passphrase, to `out` (readable by its owner only)."""
    with workspace.session() as session:
        data = get_identity(session, name).encrypted_key_pem
    return write_atomically(out, data, private=True)


def request_certificate(workspace: Workspace, name: str, passphrase: bytes, out: Path) -> Path:
    """A certificate request (CSR) of the identity, for its district to sign."""
    with workspace.session() as session:
        identity = get_identity(session, name)
        data = make_request(unlock(identity, passphrase), certificate_of(identity).subject)
    return write_atomically(out, data)


def issue_operator_certificate(workspace: Workspace, name: str, passphrase: bytes, request: Path, out: Path, *,
                               days: int = 1095) -> x509.Certificate:
    """A district identity signs an operator's request; the certificate, followed by the district's, to `out`.
    A request for a park this workspace knows in another district is refused; each certificate issued is
    recorded (issued_certificates), in the transaction that writes the file."""
    from parkdesk.identity.issued import check_own_park, record_issued

    csr = read_request(request)
    with workspace.writing() as session:
        identity = get_identity(session, name)
        if identity.kind != DISTRICT:
            raise WorkspaceError("identity.not_district", name=identity.name)
        park_code = check_own_park(session, csr, identity.division_code)
        key = unlock(identity, passphrase)
        ca_cert = certificate_of(identity)
        cert = issue_certificate(key, ca_cert, csr, days=days)
        record_issued(session, cert, park_code, identity.name, workspace.actor)
        session.flush()
        write_atomically(out, to_pem([cert, ca_cert]))
    return cert


def issued_certificates(workspace: Workspace):
    """The operator certificates this district issued, by park."""
    from parkdesk.identity.issued import issued_certificates as issued

    with workspace.session() as session:
        return issued(session)


def install_issued_certificate(workspace: Workspace, name: str, certificate: Path) -> tuple[IdentityInfo, x509.Certificate]:
    """Install the certificate a district issued (with the district's) into one's own identity."""
    certs = read_certificate_file(certificate)
    with workspace.writing() as session:
        identity = get_identity(session, name)
        install_certificate(session, workspace.actor, identity, certs)
        return _info(identity), certs[0]


def trust(workspace: Workspace, certificate: Path, note: str | None = None) -> TrustedCertificate:
    """Add the first certificate of the file (a district CA, or one operator's) to the trust store."""
    cert = read_certificate_file(certificate)[0]
    with workspace.writing() as session:
        return trust_certificate(session, workspace.actor, cert, note)
