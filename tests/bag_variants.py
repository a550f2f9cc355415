"""Bags as other BagIt tools write them: what RFC 8493 allows, what it forbids, and tampering — each built from a
signed package's files and signed again, so only the bag rule under test differs."""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

from package_kit import resign, sign_tags
from parkdesk.packages.build import Signer
from parkdesk.packages.layout import BAG_INFO, MANIFEST

ACCENTED = "data/attachments/Résumé du parc.txt"  # a name with NFC and NFD forms that differ
TAG_FILES = ("bagit.txt", BAG_INFO, MANIFEST)

# name → does RFC 8493 allow it
ALLOWED = {
    "digest and path separated by a TAB": True,
    "digest and path separated by several spaces": True,
    "paths written ./data/…": True,
    "an extra tag manifest (tagmanifest-sha512.txt)": True,
    "an extra payload manifest (manifest-sha512.txt), listed in the tag manifest": True,
    "ZIP names in NFD, manifest in NFC": True,
    "manifest in NFD, ZIP names in NFC": True,
    "CRLF line ends in the manifests": True,
    "bagit.txt starting with a byte-order mark": False,
    "an extra tag manifest with a wrong digest": False,
    "an extra payload manifest with a wrong digest": False,
}


def base_files(files: dict[str, bytes], signer: Signer) -> dict[str, bytes]:
    """The package's files with an attachment whose name has two Unicode forms, signed again."""
    return resign({**files, ACCENTED: "附件".encode()}, signer)


def variant(name: str, files: dict[str, bytes], signer: Signer) -> dict[str, bytes]:
    """`files` (from base_files) rewritten the way `name` says, tag manifest and signature made again."""
    files = dict(files)
    manifest = files[MANIFEST].decode()
    if name == "digest and path separated by a TAB":
        files[MANIFEST] = manifest.replace("  ", "\t").encode()
    elif name == "digest and path separated by several spaces":
        files[MANIFEST] = manifest.replace("  ", "     ").encode()
    elif name == "paths written ./data/…":
        files[MANIFEST] = manifest.replace("  data/", "  ./data/").encode()
    elif name == "CRLF line ends in the manifests":
        files[MANIFEST] = manifest.replace("\n", "\r\n").encode()
    elif name == "ZIP names in NFD, manifest in NFC":
        files[unicodedata.normalize("NFD", ACCENTED)] = files.pop(ACCENTED)
    elif name == "manifest in NFD, ZIP names in NFC":
        files[MANIFEST] = manifest.replace(ACCENTED, unicodedata.normalize("NFD", ACCENTED)).encode()
    elif name == "bagit.txt starting with a byte-order mark":
        files["bagit.txt"] = codecs.BOM_UTF8 + files["bagit.txt"]
    elif name.startswith("an extra tag manifest"):
        signed = sign_tags(files, signer)
        signed["tagmanifest-sha512.txt"] = _manifest(signed, TAG_FILES, "sha512", wrong="wrong" in name)
        return signed
    elif name.startswith("an extra payload manifest"):
        payload = sorted(n for n in files if n.startswith("data/"))
        files["manifest-sha512.txt"] = _manifest(files, payload, "sha512", wrong="wrong" in name)
        return sign_tags(files, signer, (*TAG_FILES, "manifest-sha512.txt"))
    else:
        raise ValueError(name)
    return sign_tags(files, signer)


def _manifest(files: dict[str, bytes], names, algorithm: str, *, wrong: bool) -> bytes:
    lines = [f"{hashlib.new(algorithm, files[n]).hexdigest()}  {n}\n" for n in names]
    if wrong:
        lines[-1] = "0" + lines[-1][1:] if not lines[-1].startswith("0") else "1" + lines[-1][1:]
    return "".join(lines).encode()

