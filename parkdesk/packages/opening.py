"""Opening a package file for reading: a ZIP as it is, an encrypted one (.parkpkg.p7m) after decryption."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from parkdesk.errors import ParkdeskError
from parkdesk.input_files import check_regular_file
from parkdesk.packages.encryption import Recipient, describe_recipients, recipients_of, unsupported_cipher
from parkdesk.packages.safe_zip import NotAPackage, PackageZip, ZipLimits, looks_like_zip

Decrypt = Callable[[bytes, list[Recipient]], bytes]  # (EnvelopedData DER, its recipients) → the package ZIP
DER_SEQUENCE = 0x30


@dataclass
class OpenedPackage:
    zip: PackageZip
    encrypted_for: list[Recipient] | None  # the recipients when the file was encrypted

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> "OpenedPackage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_package(path: Path, decrypt: Decrypt | None = None, limits: ZipLimits = ZipLimits()) -> OpenedPackage:
    """Raises NotAPackage, Damaged (see safe_zip), or ParkdeskError when an encrypted package cannot be opened."""
    path = Path(path)
    check_regular_file(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            size = path.stat().st_size
    except OSError as exc:
        raise NotAPackage("package.unreadable", path=path, reason=exc.strerror or exc) from None
    if looks_like_zip(head):
        return OpenedPackage(PackageZip(path, limits), None)
    if not head or head[0] != DER_SEQUENCE or size > limits.max_total_size:
        raise NotAPackage("package.not_zip", path=path)
    data = path.read_bytes()
    recipients = recipients_of(data)
    if recipients is None:
        raise NotAPackage("package.not_zip", path=path)
    cipher = unsupported_cipher(data)
    if cipher is not None:
        raise ParkdeskError("package.envelope_unsupported", cipher=cipher)
    if decrypt is None:
        raise ParkdeskError("package.encrypted_no_key", recipients=describe_recipients(recipients))
    plain = decrypt(data, recipients)
    del data
    if not looks_like_zip(plain[:4]):
        raise NotAPackage("package.not_zip", path=path)
    return OpenedPackage(PackageZip(plain, limits), recipients)
