"""BagIt (RFC 8493) tag files: bagit.txt, bag-info.txt and the manifests.

Read as RFC 8493 allows them to be written: a digest followed by one or more
spaces or tabs, paths with a leading `./`, any Unicode normalization form of a
name (compared in NFC, as bagit.py does), CR, LF or CRLF line ends. bagit.txt
must not start with a byte-order mark (§2.1.1).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from parkdesk.errors import ParkdeskError

BAGIT_VERSION = "1.0"
BAGIT_TXT = f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n".encode()
MANIFEST_LINE = re.compile(r"([0-9A-Fa-f]+)[ \t]+(.+)")
LINE_END = re.compile(r"\r\n|\r|\n")
# manifest-ALG.txt / tagmanifest-ALG.txt for the fixed-length hashes every Python has (bagit.py's set)
MANIFEST_ALGORITHMS = sorted(name for name in hashlib.algorithms_guaranteed if not name.startswith("shake"))
MANIFEST_NAME = re.compile(r"(tag)?manifest-(" + "|".join(MANIFEST_ALGORITHMS) + r")\.txt")


class TagFileProblem(ParkdeskError):
    """A tag file is malformed (the package is damaged)."""


def encode_path(path: str) -> str:
    """RFC 8493 §2.1.3: percent-encode %, CR and LF in manifest paths."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0a", "\n").replace("%0D", "\r").replace("%0d", "\r").replace("%25", "%")


def manifest_text(entries: list[tuple[str, str]]) -> bytes:
    """Lines of `<sha256> <path>` in path order."""
    return "".join(f"{digest}  {encode_path(path)}\n" for path, digest in sorted(entries)).encode("utf-8")


def manifest_algorithm(name: str) -> tuple[bool, str] | None:
    """(is a tag manifest, hash name) for `manifest-ALG.txt` / `tagmanifest-ALG.txt`, else None."""
    match = MANIFEST_NAME.fullmatch(name)
    return (bool(match.group(1)), match.group(2)) if match else None


def parse_manifest(data: bytes, name: str, algorithm: str = "sha256") -> dict[str, str]:
    """NFC path → lowercase hex digest; duplicates and malformed lines are refused."""
    size = hashlib.new(algorithm).digest_size * 2
    entries: dict[str, str] = {}
    for number, line in enumerate(_lines(data, name), start=1):
        if not line.strip():
            continue
        match = MANIFEST_LINE.fullmatch(line)
        path = manifest_path(match.group(2)) if match else ""
        if match is None or len(match.group(1)) != size or not path:
            raise TagFileProblem("package.bad_tag_file", name=name, line=number, reason=line[:80])
        if path in entries:
            raise TagFileProblem("package.bad_tag_file", name=name, line=number, reason=f"{path} twice")
        entries[path] = match.group(1).lower()
    return entries


def manifest_path(text: str) -> str:
    """A manifest's path as the bag's file is named: percent-decoded, without a leading `./`, in NFC."""
    path = decode_path(text)
    while path.startswith("./"):
        path = path[2:]
    return unicodedata.normalize("NFC", path)


def bag_info_text(fields: list[tuple[str, str]]) -> bytes:
    """`Label: value` lines; values are kept to one line."""
    return "".join(f"{label}: {' '.join(str(value).split())}\n" for label, value in fields).encode("utf-8")


def parse_bag_info(data: bytes, name: str) -> dict[str, str]:
    """label → value (the first of repeated labels); continuation lines are joined."""
    fields: dict[str, str] = {}
    last = None
    for number, line in enumerate(_lines(data, name), start=1):
        if not line.strip():
            continue
        if line[0] in " \t" and last is not None:
            fields[last] += " " + line.strip()
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip():
            raise TagFileProblem("package.bad_tag_file", name=name, line=number, reason=line[:80])
        last = label.strip()
        fields.setdefault(last, value.strip())
    return fields


def check_bagit_txt(data: bytes) -> None:
    if data.startswith(codecs.BOM_UTF8):
        raise TagFileProblem("package.bad_bagit", reason="byte-order mark (RFC 8493 §2.1.1)")
    fields = parse_bag_info(data, "bagit.txt")
    version = fields.get("BagIt-Version")
    if version not in ("0.97", "1.0"):
        raise TagFileProblem("package.bad_bagit", reason=f"BagIt-Version {version}")
    if fields.get("Tag-File-Character-Encoding", "").upper() not in ("UTF-8", "UTF8"):
        raise TagFileProblem("package.bad_bagit", reason="Tag-File-Character-Encoding")


def payload_oxum(sizes: list[int]) -> str:
    return f"{sum(sizes)}.{len(sizes)}"


def _lines(data: bytes, name: str) -> list[str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TagFileProblem("package.bad_tag_file", name=name, line=0, reason=exc.reason) from None
    if text.startswith("\ufeff"):  # tolerated in the other tag files, as bagit.py does
        text = text[1:]
    lines = LINE_END.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines
