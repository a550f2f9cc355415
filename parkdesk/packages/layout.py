"""Where things are inside a package (paths are relative to the bag's top folder)."""

from __future__ import annotations

import unicodedata

PACKAGE_SUFFIX = ".parkpkg"
ENCRYPTED_SUFFIX = ".parkpkg.p7m"

BAGIT_TXT = "bagit.txt"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SIGNATURE = "tagmanifest-sha256.txt.p7s"
TAG_FILES = (BAGIT_TXT, BAG_INFO, MANIFEST)  # what the tag manifest must list
ROOT_FILES = (*TAG_FILES, TAGMANIFEST, SIGNATURE)

PAYLOAD_DIR = "data/"
REPORT_JSON = "data/report.json"
WORKBOOK = "data/report.xlsx"
SUMMARY = "data/summary.pdf"
ATTACHMENTS_DIR = "data/attachments/"

_FORBIDDEN = set('/\\:*?"<>|') | {chr(c) for c in range(32)} | {"\x7f"}
MAX_NAME = 120


def attachment_path(filename: str, taken: set[str]) -> str:
    """A safe, unique path for an attachment: the stored name in NFC with separators and controls replaced."""
    name = "".join("_" if ch in _FORBIDDEN else ch for ch in unicodedata.normalize("NFC", filename)).strip(" .")
    name = name[-MAX_NAME:] or "attachment"
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, number = name, 1
    while (ATTACHMENTS_DIR + candidate).casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){dot}{suffix}"
    path = ATTACHMENTS_DIR + candidate
    taken.add(path.casefold())
    return path
