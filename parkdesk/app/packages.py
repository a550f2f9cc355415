"""Signed packages: build one of a finalized report, verify one offline, look inside one."""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cryptography import x509
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import Workspace, open_workspace
from parkdesk.identity.certificates import fingerprint, read_certificate_file, subject_text
from parkdesk.identity.store import get_identity, operator_identity_for
from parkdesk.identity.trust_store import trusted_certificates
from parkdesk.packages.build import BuiltPackage, build_package as build
from parkdesk.packages.inspection import inspect_package
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.packages.verify import Verification, verify_package

PassphraseOf = Callable[[str], bytes]  # identity name → its passphrase (asked for only when needed)


def signing_identity(workspace: Workspace, report_id: int, identity: str | None = None) -> str:
    """The identity that signs the report's package: the one named, else the park's operator identity."""
    with workspace.session() as session:
        if identity:
            return get_identity(session, identity).name
        code = session.scalar(select(Park.code).join(Report).where(Report.id == report_id))
        return operator_identity_for(session, code).name


def build_package(workspace: Workspace, report_id: int, out: Path, identity: str, passphrase: bytes, *,
                  encrypt_to: Path | None = None, lang: str = "zh",
                  progress: Callable[[int, int], bool] | None = None) -> BuiltPackage:
    """The signed package of a finalized report to `out` (encrypted to the district's certificate in
    `encrypt_to`); its record is committed before the file appears."""
    from parkdesk.app.identities import signer_for

    recipient = read_certificate_file(encrypt_to)[0] if encrypt_to is not None else None
    signer = signer_for(workspace, identity, passphrase)
    with workspace.session() as session:
        return build(session, report_id, out, signer, actor=workspace.actor, encrypt_to=recipient, lang=lang,
                     progress=progress)


@dataclass(frozen=True)
class TrustedCertificate:
    """A certificate verification trusts, and where it came from (a --trust file or a workspace's trust store)."""

    cert: x509.Certificate
    source: str

    @property
    def subject(self) -> str:
        return subject_text(self.cert)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.cert)

    def to_json(self) -> dict:
        return {"subject": self.subject, "fingerprint": self.fingerprint, "source": self.source}


@dataclass(frozen=True)
class VerifiedPackage:
    result: Verification
    trusted: tuple[TrustedCertificate, ...]
    left_out: tuple[tuple[Path, int], ...]  # trust files whose further certificates were not trusted, and how many


def trusted_from_files(paths: list[Path], *, whole_files: bool) -> tuple[list[TrustedCertificate],
                                                                        list[tuple[Path, int]]]:
    """The first certificate of each file (as `keys trust`), or every one of them with `whole_files`; and the
    files whose further certificates were left untrusted, with their count."""
    trusted, left_out = [], []
    for path in paths:
        certs = read_certificate_file(path)
        kept = certs if whole_files else certs[:1]
        trusted += [TrustedCertificate(cert, str(path)) for cert in kept]
        if len(certs) > len(kept):
            left_out.append((path, len(certs) - len(kept)))
    return trusted, left_out


def verify(path: Path, *, trust_files: list[Path] = (), trust_chain: bool = False, workspace: Path | None = None,
           passphrase_of: PassphraseOf | None = None) -> VerifiedPackage:
    """Verify a package offline against the certificates of `trust_files` and the trust store of `workspace`
    (whose district identity also decrypts an encrypted package)."""
    trusted, left_out = trusted_from_files(list(trust_files), whole_files=trust_chain)
    with ExitStack() as stack:
        decrypt = None
        if workspace is not None:
            session = stack.enter_context(stack.enter_context(open_workspace(workspace)).session())
            trusted += [TrustedCertificate(cert, str(workspace)) for cert in trusted_certificates(session)]
            decrypt = workspace_decryptor(session, passphrase_of) if passphrase_of else None
        result = verify_package(path, anchors=[entry.cert for entry in trusted], decrypt=decrypt)
    return VerifiedPackage(result, tuple(trusted), tuple(left_out))


def inspect(path: Path, *, workspace: Path | None = None, passphrase_of: PassphraseOf | None = None) -> dict:
    """What a package says about itself, without verifying it."""
    with ExitStack() as stack:
        decrypt = None
        if workspace is not None:
            session = stack.enter_context(stack.enter_context(open_workspace(workspace)).session())
            decrypt = workspace_decryptor(session, passphrase_of) if passphrase_of else None
        return inspect_package(path, decrypt)
