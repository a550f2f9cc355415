"""Writing a signed bag: payload and BagIt tag files streamed into a ZIP, the tag manifest signed (detached CMS).

Packages (.parkpkg), decision receipts (.parkreview) and district roll-ups
(.parkrollup) are all written here. The ZIP goes to a temporary file beside
the target; payload entries are hashed while they are written, so every byte
is read once.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from parkdesk.atomic_files import writing_atomically
from parkdesk.errors import ParkdeskError
from parkdesk.packages.bag import BAGIT_TXT, bag_info_text, manifest_text, payload_oxum
from parkdesk.packages.layout import BAG_INFO, BAGIT_TXT as BAGIT_NAME, MANIFEST, SIGNATURE, TAGMANIFEST
from parkdesk.packages.signing import sign_detached

if TYPE_CHECKING:
    from parkdesk.packages.build import Signer

DEFLATE_UP_TO = 1 << 20  # larger entries are stored: attachments are mostly compressed already
Progress = Callable[[int, int], None]
Chunks = Callable[[], Iterable[bytes]]
# (path inside the bag, size, the bytes as chunks, the expected SHA-256 or None)
PayloadItem = tuple[str, int, Chunks, "str | None"]


def write_signed_zip(into: Path, top: str, payload: list[PayloadItem], bag_info: list[tuple[str, str]],
                     signer: "Signer", now: datetime, progress: Progress | None = None) -> None:
    """Write the complete signed ZIP into the file `into` (a temporary file the caller puts in place)."""
    total = sum(size for _, size, _, _ in payload)
    done = 0
    stamp = now.astimezone().timetuple()[:6]
    with open(into, "wb") as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as archive:
        manifest = []
        for path, size, chunks, expected in payload:
            digest = hashlib.sha256()
            for chunk in write_entry(archive, f"{top}/{path}", size, chunks(), stamp):
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
            if expected is not None and digest.hexdigest() != expected:
                raise ParkdeskError("package.attachment_damaged", name=path)
            manifest.append((path, digest.hexdigest()))
        tag_files = {
            BAGIT_NAME: BAGIT_TXT,
            BAG_INFO: bag_info_text(bag_info + [("Payload-Oxum", payload_oxum([s for _, s, _, _ in payload]))]),
            MANIFEST: manifest_text(manifest),
        }
        tagmanifest = manifest_text([(name, hashlib.sha256(data).hexdigest()) for name, data in tag_files.items()])
        tag_files[TAGMANIFEST] = tagmanifest
        tag_files[SIGNATURE] = sign_detached(tagmanifest, signer.key, signer.certificate, signer.chain)
        for name, data in tag_files.items():  # stored: a changed byte shows as changed content
            list(write_entry(archive, f"{top}/{name}", len(data), [data], stamp, zipfile.ZIP_STORED))


def write_signed_bag(out: Path, top: str, payload: list[PayloadItem], bag_info: list[tuple[str, str]],
                     signer: "Signer", now: datetime) -> tuple[str, int]:
    """Write the signed ZIP to `out` whole or not at all; returns its SHA-256 and size."""
    with writing_atomically(out) as temp:
        write_signed_zip(temp, top, payload, bag_info, signer, now)
        return file_digest(temp)


def bytes_item(path: str, data: bytes) -> PayloadItem:
    """A payload entry held in memory."""
    return (path, len(data), lambda: [data], None)


def write_entry(archive: zipfile.ZipFile, name: str, size: int, chunks: Iterable[bytes], stamp,
                compression: int | None = None):
    """Write one entry from `chunks`, yielding each chunk as it is written."""
    info = zipfile.ZipInfo(name, date_time=stamp)
    if compression is None:
        compression = zipfile.ZIP_DEFLATED if size <= DEFLATE_UP_TO else zipfile.ZIP_STORED
    info.compress_type = compression
    info.file_size = size
    info.external_attr = 0o644 << 16
    with archive.open(info, "w", force_zip64=size >= zipfile.ZIP64_LIMIT) as entry:
        for chunk in chunks:
            entry.write(chunk)
            yield chunk


def file_digest(path: Path) -> tuple[str, int]:
    """Hex SHA-256 and size of a file."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest(), os.fstat(handle.fileno()).st_size
