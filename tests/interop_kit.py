"""The reference tools the package tests compare parkdesk with: `openssl cms` and `bagit.py`.

A test that needs a tool gets it through `require` (a file, such as a font, through `require_file`): skipped
where it is missing, but under CI=true it fails naming the Debian package to install (dev.sh installs them all).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from parkdesk.identity.certificates import to_pem

BAGIT = Path(sys.executable).with_name("bagit.py")


def require(tool: str, debian_package: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is missing: install the Debian package {debian_package} (./dev.sh test does)")
        pytest.skip(f"{tool} is not installed (Debian package {debian_package})")
    return path


def require_file(path: Path, debian_package: str) -> Path:
    """A file a package installs (a font): skipped where missing, a failure naming the package under CI=true."""
    if not Path(path).is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: install the Debian package {debian_package} (./dev.sh test does)")
        pytest.skip(f"{path} is missing (Debian package {debian_package})")
    return Path(path)


def write_key(key, path: Path) -> Path:
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return path


def write_certs(certs, path: Path) -> Path:
    path.write_bytes(to_pem(list(certs)))
    return path


def openssl_sign(content: Path, signer_pem: Path, key_pem: Path, out: Path, options: list[str] = (),
                 chain_pem: Path | None = None) -> bytes:
    """A detached DER CMS signature made by `openssl cms -sign` (options as given: -md, -keyopt, -noattr…)."""
    command = [require("openssl", "openssl"), "cms", "-sign", "-binary", "-in", str(content), "-signer",
               str(signer_pem), "-inkey", str(key_pem), "-outform", "DER", "-out", str(out), *options]
    if chain_pem is not None:
        command += ["-certfile", str(chain_pem)]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out.read_bytes()


def openssl_verifies(bag: Path, ca_file: Path, options: list[str] = ()) -> tuple[bool, str]:
    """`openssl cms -verify` of the bag's detached signature over its tag manifest, against `ca_file`."""
    run = subprocess.run([require("openssl", "openssl"), "cms", "-verify", "-binary", "-inform", "DER",
                          "-in", str(bag / "tagmanifest-sha256.txt.p7s"), "-content", str(bag / "tagmanifest-sha256.txt"),
                          "-CAfile", str(ca_file), "-out", os.devnull, *options], capture_output=True, text=True)
    return run.returncode == 0, run.stderr.strip()


def bagit_validates(bag: Path) -> tuple[bool, str]:
    run = subprocess.run([sys.executable, str(BAGIT), "--validate", str(bag)], capture_output=True, text=True)
    return run.returncode == 0, run.stderr.strip()


def unzip(package: Path, folder: Path) -> Path:
    """The bag's top folder, extracted with Python's zipfile (names as the ZIP flags them)."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    (top,) = list(folder.iterdir())
    return top
