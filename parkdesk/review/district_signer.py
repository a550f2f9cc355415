"""The district's signature on what it sends: its own certificate, valid now, naming its division."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from parkdesk.db.models import Division
from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import is_ca, subject_text, unit_of, valid_from, valid_until
from parkdesk.packages.build import Signer
from parkdesk.review.setup import workspace_district


def signing_district(session: Session, signer: Signer, now: datetime) -> Division:
    """The division `signer` signs for; refused when expired, not a district's, or not this workspace's."""
    cert = signer.certificate
    if not valid_from(cert) <= now <= valid_until(cert):
        raise ParkdeskError("package.signer_expired", name=subject_text(cert), start=valid_from(cert).date(),
                            end=valid_until(cert).date())
    code = unit_of(cert)
    division = session.get(Division, code) if code else None
    own = workspace_district(session)
    if division is None or not is_ca(cert) or (own is not None and own.code != code):
        raise ParkdeskError("review.signer_not_district", name=subject_text(cert),
                            district=own.name if own else "—")
    return division
