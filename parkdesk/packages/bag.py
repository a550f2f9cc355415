"""BagIt (RFC 8493) tag files: bagit.txt, bag-info.txt and the SHA-256 manifests."""

from __future__ import annotations

import re

from parkdesk.errors import ParkdeskError

BAGIT_VERSION = "1.0"
BAGIT_TXT = f"BagIt-Version: {BAGIT_VERSION}\nTag-File-Character-Encoding: UTF-8\n".encode()
HEX64 = re.compile(r"[0-9a-f]{64}")


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


def parse_manifest(data: bytes, name: str) -> dict[str, str]:
    """path → lowercase hex digest; duplicates and malformed lines are refused."""
    entries: dict[str, str] = {}
    for number, line in enumerate(_lines(data, name), start=1):
        if not line.strip():
            continue
        digest, _, path = line.partition(" ")
        path = decode_path(path.lstrip(" \t"))
        digest = digest.lower()
        if not HEX64.fullmatch(digest) or not path:
            raise TagFileProblem("package.bad_tag_file", name=name, line=number, reason=line[:80])
        if path in entries:
            raise TagFileProblem("package.bad_tag_file", name=name, line=number, reason=f"{path} twice")
        entries[path] = digest
    return entries


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
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.splitlines()
