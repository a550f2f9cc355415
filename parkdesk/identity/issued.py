"""The operator certificates a district issued: recorded at issue, listed for the district, and the rule that
a district issues certificates only to its own parks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.models import Division, IssuedCertificate, Park
from parkdesk.errors import InputProblem
from parkdesk.identity.certificates import fingerprint, name_text, valid_until


@dataclass(frozen=True)
class Issued:
    park_code: str
    subject: str
    serial: str
    fingerprint: str
    not_after: datetime
    issuer: str
    issued_by: str
    issued_at: datetime

    def to_json(self) -> dict:
        return {"park": self.park_code, "subject": self.subject, "serial": self.serial,
                "fingerprint": self.fingerprint, "not_after": self.not_after.isoformat(), "issuer": self.issuer,
                "issued_by": self.issued_by, "issued_at": self.issued_at.isoformat()}


def check_own_park(session: Session, request: x509.CertificateSigningRequest, district_code: str | None) -> str:
    """The park code the request names; refused (InputProblem) when the request names no park, or a park this
    workspace knows to be in another district or zone."""
    park_code = next((str(a.value) for a in request.subject if a.oid == x509.oid.NameOID.ORGANIZATIONAL_UNIT_NAME),
                     None)
    if not park_code:
        raise InputProblem("identity.request_without_park", subject=name_text(request.subject))
    park = session.scalars(select(Park).where(Park.code == park_code)).first()
    if park is not None and district_code and park.division_code and park.division_code != district_code:
        other = session.get(Division, park.division_code)
        own = session.get(Division, district_code)
        raise InputProblem("identity.park_outside_district", park=park.name, code=park_code,
                           division=other.name if other else park.division_code,
                           district=own.name if own else district_code)
    return park_code


def record_issued(session: Session, certificate: x509.Certificate, park_code: str, issuer: str, actor: str) -> None:
    session.add(IssuedCertificate(serial=f"{certificate.serial_number:x}", park_code=park_code,
                                  subject=name_text(certificate.subject), fingerprint=fingerprint(certificate),
                                  not_after=valid_until(certificate).replace(tzinfo=None), issuer=issuer,
                                  issued_by=actor))


def issued_certificates(session: Session) -> list[Issued]:
    rows = session.scalars(select(IssuedCertificate).order_by(IssuedCertificate.park_code, IssuedCertificate.id))
    return [Issued(r.park_code, r.subject, r.serial, r.fingerprint, r.not_after, r.issuer, r.issued_by, r.issued_at)
            for r in rows]
