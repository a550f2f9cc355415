"""Where things are inside a package (paths are relative to the bag's top folder)."""

from __future__ import annotations

import re
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

UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_-]+")
MAX_STEM = 60
MAX_SUFFIX = 10


def attachment_path(filename: str, taken: set[str]) -> str:
    """A path every tool reads the same way, for the `len(taken) + 1`-th attachment: `data/attachments/NNN-stem.ext`.

    Only ASCII letters, digits, '_', '-' and one '.' appear, so no name needs percent-encoding in a manifest
    (bagit.py does not decode `%25`), no ZIP tool can misread its encoding and no file system refuses it.
    The original name travels in report.json (`filename`) and is what an import restores.
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in unicodedata.normalize("NFKD", base) if not unicodedata.combining(ch))  # é → e
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem.strip():
        stem, suffix = name, ""
    stem = UNSAFE_RUN.sub("_", stem).strip("_-")[:MAX_STEM].strip("_-")
    suffix = UNSAFE_RUN.sub("", suffix)[:MAX_SUFFIX].lower()
    number = len(taken) + 1
    candidate = f"{number:03d}-{stem}" if stem else f"{number:03d}"
    path = ATTACHMENTS_DIR + candidate + (f".{suffix}" if suffix else "")
    while path.casefold() in taken:  # only when `taken` holds paths chosen otherwise
        number += 1
        path = f"{ATTACHMENTS_DIR}{number:03d}" + (f".{suffix}" if suffix else "")
    taken.add(path.casefold())
    return path
