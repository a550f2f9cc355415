"""Packages as other tools write them: names re-zipped by Info-ZIP or zh-CN Windows tools, and the bag variants
RFC 8493 allows or forbids. The signature and the manifests still decide."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from bag_variants import ALLOWED, base_files, variant
from interop_kit import require
from package_kit import kit, read_bag, resign, verify, write_bag  # noqa: F401  (kit is a fixture)
from parkdesk.packages.inspection import inspect_package
from parkdesk.packages.safe_zip import CP437, GB18030, UNFLAGGED_UTF8, decoded_name
from parkdesk.packages.verify import DAMAGED

CHINESE_ATTACHMENT = "data/attachments/营业执照副本(2023).txt"


class UnflaggedName(zipfile.ZipInfo):
    """An entry whose name is written in `encoding` without the UTF-8 flag, as zh-CN Windows tools write GBK."""

    encoding = "gb18030"

    def _encodeFilenameFlags(self):  # zipfile's hook for the bytes of the name and the flag bits
        return self.filename.encode(self.encoding), self.flag_bits & ~0x800


@pytest.fixture(scope="module")
def chinese_bag(kit):
    """The kit's bag with an attachment named in Chinese, signed again."""
    top, files = read_bag(kit.package)
    files[CHINESE_ATTACHMENT] = "营业执照".encode()
    return top, resign(files, kit.signer)


def non_ascii(files: dict[str, bytes]) -> int:
    return sum(not name.isascii() for name in files)


def write_unflagged(out: Path, top: str, files: dict[str, bytes], encoding: str) -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            info = UnflaggedName(f"{top}/{name}")
            info.encoding = encoding
            archive.writestr(info, data, zipfile.ZIP_DEFLATED)
    return out


def test_a_package_re_zipped_by_info_zip_verifies(chinese_bag, kit, tmp_path):
    """Info-ZIP `zip` writes UTF-8 names without the UTF-8 flag; they were read as CP437 and called unlisted."""
    top, files = chinese_bag
    for name, data in files.items():
        (tmp_path / "bag" / top / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "bag" / top / name).write_bytes(data)
    package = tmp_path / "rezipped.parkpkg"
    run = subprocess.run([require("zip", "zip"), "-qr", str(package), top], cwd=tmp_path / "bag",
                         capture_output=True, text=True, env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert not any(info.flag_bits & 0x800 for info in zipfile.ZipFile(package).infolist())
    result = verify(package, kit)
    assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]
    assert inspect_package(package)["name_encoding"][UNFLAGGED_UTF8] == non_ascii(files)


def test_a_package_re_zipped_with_gbk_names_verifies(chinese_bag, kit, tmp_path):
    """zh-CN Windows tools (Explorer, 7-Zip, WinRAR) write GBK names without the flag."""
    top, files = chinese_bag
    package = write_unflagged(tmp_path / "gbk.parkpkg", top, files, "gbk")
    result = verify(package, kit)
    assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]
    info = inspect_package(package)
    assert info["name_encoding"] == {"ascii": len(files) - non_ascii(files), GB18030: non_ascii(files)}
    assert any(f["path"] == CHINESE_ATTACHMENT for f in info["files"])


def test_a_gbk_name_that_does_not_match_the_manifest_is_still_caught(chinese_bag, kit, tmp_path):
    """Decoding only reads the name: a file renamed on the way is still not the file the manifest lists."""
    top, files = chinese_bag
    files = dict(files)
    files["data/attachments/营业执照副本(2024).txt"] = files.pop(CHINESE_ATTACHMENT)
    result = verify(write_unflagged(tmp_path / "renamed.parkpkg", top, files, "gbk"), kit)
    assert result.failure == DAMAGED


def test_an_unflagged_name_neither_utf8_nor_gb18030_is_read_as_cp437():
    info = zipfile.ZipInfo("top/caf\u00e9.txt")  # what zipfile shows for the CP437 bytes b"caf\x82.txt"
    info.orig_filename = info.filename = b"top/caf\x82.txt".decode("cp437")
    assert decoded_name(info) == ("top/café.txt", CP437)


# --- RFC 8493: what it allows is accepted, what it forbids is refused ---------------------------------------------

@pytest.fixture(scope="module")
def base(kit):
    top, files = read_bag(kit.package)
    return top, base_files(files, kit.signer)


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_bag_variants_follow_rfc_8493(base, kit, tmp_path, name):
    top, files = base
    result = verify(write_bag(tmp_path / "x.parkpkg", top, variant(name, files, kit.signer)), kit)
    if ALLOWED[name]:
        assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]
    else:
        assert result.failure == DAMAGED, [c.to_json("en") for c in result.checks.values()]


def test_a_byte_order_mark_in_bagit_txt_is_named(base, kit, tmp_path):
    top, files = base
    result = verify(write_bag(tmp_path / "x.parkpkg", top,
                              variant("bagit.txt starting with a byte-order mark", files, kit.signer)), kit)
    assert "byte-order mark" in result.checks["structure"].text("en")


def test_a_package_with_attachments_under_their_original_names_still_verifies(kit, tmp_path):
    """Packages built before attachments got ASCII-safe names keep verifying (and importing) as they are."""
    import json

    top, files = read_bag(kit.package)
    document = json.loads(files["data/report.json"])
    attachment = document["attachments"][0]
    old_path = f"data/attachments/{attachment['filename']}"
    assert not old_path.isascii() and attachment["path"] != old_path
    files[old_path] = files.pop(attachment["path"])
    attachment["path"] = old_path
    files["data/report.json"] = json.dumps(document, ensure_ascii=False).encode()
    result = verify(write_bag(tmp_path / "old.parkpkg", top, resign(files, kit.signer)), kit)
    assert result.exit_code == 0, [c.to_json("en") for c in result.checks.values()]
