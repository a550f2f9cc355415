"""Signing identities, the reviewer's trust store, and the packages an identity signed.

A private key is kept only as encrypted PKCS#8 (PEM, passphrase-protected);
it leaves the workspace only through an explicit export.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from parkdesk.db.models.base import Base, utcnow


class Identity(Base):
    """A key pair with its certificate: a park operator's, or a district's (a small CA)."""

    __tablename__ = "identities"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # operator | district
    key_algorithm: Mapped[str] = mapped_column(String(16))  # ec-p256 | rsa-3072 ...
    encrypted_key_pem: Mapped[bytes] = mapped_column(LargeBinary)  # PKCS#8, encrypted with the passphrase
    certificate_pem: Mapped[bytes] = mapped_column(LargeBinary)
    chain_pem: Mapped[bytes | None] = mapped_column(LargeBinary)  # the issuers' certificates, when issued by a CA
    fingerprint: Mapped[str] = mapped_column(String(95), index=True)  # SHA-256 of the certificate, AA:BB:…
    subject: Mapped[str] = mapped_column(Text)
    park_code: Mapped[str | None] = mapped_column(String(32))
    division_code: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class TrustedCertificate(Base):
    """A certificate the reviewer trusts: a district CA, or one operator's own certificate."""

    __tablename__ = "trusted_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(95), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # ca | signer
    subject: Mapped[str] = mapped_column(Text)
    not_before: Mapped[datetime] = mapped_column(DateTime)
    not_after: Mapped[datetime] = mapped_column(DateTime)
    certificate_pem: Mapped[bytes] = mapped_column(LargeBinary)
    note: Mapped[str | None] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(128))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SignedPackage(Base):
    """A package built and signed here; the next package of the same report supersedes it."""

    __tablename__ = "signed_packages"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[str] = mapped_column(String(36), unique=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    identity_fingerprint: Mapped[str] = mapped_column(String(95))
    supersedes: Mapped[str | None] = mapped_column(String(36))
    file_name: Mapped[str] = mapped_column(String(260))
    file_sha256: Mapped[str] = mapped_column(String(64))
    # the digest of the report's content it carried (parkdesk.packages.report_export.content_digest):
    # a receipt decides on that content only; None for packages built before parkdesk kept it
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    built_by: Mapped[str] = mapped_column(String(128))
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class IssuedCertificate(Base):
    """An operator certificate this district issued (签发): the district's list, and its parks."""

    __tablename__ = "issued_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(40), unique=True)  # hexadecimal
    park_code: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(95))
    not_after: Mapped[datetime] = mapped_column(DateTime)
    issuer: Mapped[str] = mapped_column(String(100))  # the district identity's name
    issued_by: Mapped[str] = mapped_column(String(128))
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
