"""Decrypting an encrypted package with the workspace identity it was encrypted to."""

from __future__ import annotations

from typing import Callable

from sqlalchemy.orm import Session

from parkdesk.errors import ParkdeskError
from parkdesk.identity.store import certificate_of, list_identities, unlock
from parkdesk.packages.encryption import Recipient, decrypt, describe_recipients
from parkdesk.packages.opening import Decrypt


def workspace_decryptor(session: Session, passphrase_for: Callable[[str], bytes]) -> Decrypt:
    """A Decrypt that finds the recipient among the workspace's identities and asks for its passphrase."""

    def decrypt_package(data: bytes, recipients: list[Recipient]) -> bytes:
        for identity in list_identities(session):
            cert = certificate_of(identity)
            if any(recipient.matches(cert) for recipient in recipients):
                return decrypt(data, cert, unlock(identity, passphrase_for(identity.name)))
        raise ParkdeskError("package.encrypted_no_key", recipients=describe_recipients(recipients))

    return decrypt_package
