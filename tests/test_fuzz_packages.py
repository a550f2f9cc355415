"""Fuzzing the package reader: open_package, inspect_package and verify_package (and `parkdesk package
verify|inspect`) on arbitrary bytes and on mutations of a valid signed package, plain and encrypted.

verify_package never raises for a bad package (only an encrypted one it cannot decrypt is refused with a
ParkdeskError); open_package and inspect_package refuse with NotAPackage or Damaged. See fuzz_kit for what
every example checks besides.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fuzz_kit import (  # noqa: F401  (sandbox and tally are fixtures)
    Member, fuzz_settings, json_bytes, mutated_bytes, mutated_json, mutated_members, patched_central_directory,
    CENTRAL, Shown, central_offsets, read_members, sandbox, tally, write_members, zip_landmarks,
)
from package_kit import build, kit, read_bag, resign, write_bag  # noqa: F401  (kit is a fixture)
from parkdesk.cli.main import main
from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import to_pem
from parkdesk.packages.bag import manifest_text
from parkdesk.packages.encryption import decrypt
from parkdesk.packages.inspection import inspect_package
from parkdesk.packages.layout import BAG_INFO, MANIFEST, REPORT_JSON, SIGNATURE, TAGMANIFEST
from parkdesk.packages.opening import open_package
from parkdesk.packages.safe_zip import Damaged, NotAPackage
from parkdesk.packages.signing import sign_detached
from parkdesk.packages.verify import DAMAGED, EXIT_CODES, FAILED, INVALID, verify_package

# what verify_package may still raise: the package is encrypted and this reader cannot open it
# a mutated envelope may name a cipher parkdesk does not decrypt: refused in words (package.envelope_unsupported)
ENCRYPTION_REFUSALS = {"package.encrypted_no_key", "package.decrypt_failed", "identity.wrong_passphrase",
                       "package.envelope_unsupported"}
pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")  # duplicates are the point


@pytest.fixture(scope="module")
def base(kit, tmp_path_factory):
    """The valid package's bytes, its top folder and files, and the same package encrypted to the district."""
    sealed = tmp_path_factory.mktemp("sealed") / "QLRJY-2023.parkpkg.p7m"
    build(kit.workspace, sealed, kit.signer, encrypt_to=kit.district.cert)
    top, files = read_bag(kit.package)
    raw = kit.package.read_bytes()
    return Shown(raw=raw, top=top, files=files, landmarks=zip_landmarks(raw), members=read_members(raw),
                 sealed=sealed.read_bytes(), report=json.loads(files[REPORT_JSON]))


def read_package(tally, path, kit, decrypt_with=None) -> None:
    """Every reader on one file; each may only refuse the way it documents."""
    opened = tally.call("open_package", open_package, path, decrypt_with, allowed=(NotAPackage, Damaged,
                                                                                   ParkdeskError))
    if opened is not None:
        with opened:
            for name in opened.zip.names():
                tally.call("package entries", opened.zip.sha256, name, allowed=(Damaged,))
    info = tally.call("inspect_package", inspect_package, path, decrypt_with,
                      allowed=(NotAPackage, Damaged, ParkdeskError))
    if info is not None:
        json.dumps(info, ensure_ascii=False)  # what `inspect --format json` prints
    try:
        result = verify_package(path, anchors=[kit.district.cert], decrypt=decrypt_with)
    except ParkdeskError as error:
        assert error.message_key in ENCRYPTION_REFUSALS, error.message_key
        tally.count("verify_package", error.message_key)
        return
    tally.count("verify_package", result.failure or "verified")
    for lang in ("zh", "en"):
        json.dumps(result.to_json(lang), ensure_ascii=False)
    for check in result.checks.values():
        if check.status == FAILED:
            assert check.text("zh") and check.text("en") and check.text("zh") != check.text("en")


# --- arbitrary bytes -------------------------------------------------------------------------------------------------

@fuzz_settings(120)
@given(content=st.one_of(
    st.binary(max_size=2048),
    st.binary(max_size=1024).map(lambda tail: b"PK\x03\x04" + tail),
    st.binary(max_size=1024).map(lambda tail: b"PK\x05\x06" + tail),
    st.binary(max_size=1024).map(lambda tail: b"\x30\x82" + tail),
    st.binary(max_size=512).map(lambda tail: b"\x30\x80\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x03" + tail),
))
@example(content=b"")
@example(content=b"PK\x05\x06" + b"\0" * 18)
def test_arbitrary_bytes(sandbox, tally, kit, content):
    with sandbox.example(content, "x.parkpkg") as path:
        read_package(tally, path, kit)


# --- mutations of a valid package ----------------------------------------------------------------------------------

@fuzz_settings(150)
@given(data=st.data())
def test_byte_mutations_of_a_signed_package(sandbox, tally, kit, base, data):
    content = data.draw(mutated_bytes(base["raw"], base["landmarks"]))
    with sandbox.example(content, "x.parkpkg") as path:
        read_package(tally, path, kit)


@fuzz_settings(120)
@given(data=st.data())
def test_entries_added_removed_renamed_swapped_or_lying(sandbox, tally, kit, base, data):
    members = data.draw(mutated_members(base["members"], base["top"]))
    content = write_members(members)
    if data.draw(st.booleans()):
        content = data.draw(patched_central_directory(content))
    with sandbox.example(content, "x.parkpkg") as path:
        read_package(tally, path, kit)


@fuzz_settings(80)
@given(data=st.data())
def test_report_json_changed_and_signed_again(sandbox, tally, kit, base, data):
    """A sender holding a valid certificate signs a crafted report.json: every check up to the rules runs."""
    files = dict(base["files"])
    files[REPORT_JSON] = json_bytes(data.draw(mutated_json(base["report"])))
    content = write_package(base["top"], resign(files, kit.signer))
    with sandbox.example(content, "x.parkpkg") as path:
        read_package(tally, path, kit)


@fuzz_settings(80)
@given(data=st.data())
def test_tag_files_changed_and_signed_again(sandbox, tally, kit, base, data):
    """bagit.txt, bag-info.txt or the manifest rewritten (paths with '..', duplicates, odd encodings), then the
    tag manifest and the signature made to match, so only the bag's own rules can catch it."""
    files = dict(base["files"])
    name = data.draw(st.sampled_from(("bagit.txt", BAG_INFO, MANIFEST)))
    lines = data.draw(st.lists(st.sampled_from([
        "0" * 64 + "  ../../evil.txt", "0" * 64 + "  /etc/passwd", "0" * 64 + "  data/%2e%2e/x", "zz  data/report.json",
        "0" * 64 + "  data/report.json", "BagIt-Version: 9.9", "Tag-File-Character-Encoding: UTF-16", "Payload-Oxum: x",
        "Payload-Oxum: 1.1", "Park-Code: OTHER", "Report-Year: 1900", "  continuation", ":", "no colon here",
        "\ufeffBagIt-Version: 1.0", "External-Identifier: " + "9" * 5000]), max_size=4))
    text = files[name] + "".join(f"{line}\n" for line in lines).encode("utf-8")
    files[name] = data.draw(mutated_bytes(text)) if data.draw(st.booleans()) else text
    content = write_package(base["top"], sign_tags(files, kit.signer))
    with sandbox.example(content, "x.parkpkg") as path:
        read_package(tally, path, kit)


@fuzz_settings(60)
@given(data=st.data())
def test_mutations_of_an_encrypted_package(sandbox, tally, kit, base, data):
    content = data.draw(mutated_bytes(base["sealed"]))
    with sandbox.example(content, "x.parkpkg.p7m") as path:
        read_package(tally, path, kit, lambda envelope, recipients: decrypt(envelope, kit.district.cert,
                                                                            kit.district.key))


@fuzz_settings(25)
@given(data=st.data())
def test_the_command_line_reports_every_bad_package_plainly(sandbox, tally, kit, base, data, capsys):
    content = data.draw(st.one_of(mutated_bytes(base["raw"], base["landmarks"]),
                                  mutated_members(base["members"], base["top"]).map(write_members)))
    trust = sandbox.cwd.parent / "district.pem"
    if not trust.exists():
        trust.write_bytes(to_pem([kit.district.cert]))
    with sandbox.example(content, "x.parkpkg") as path:
        for command in (["package", "verify", str(path), "--trust", str(trust)],
                        ["package", "inspect", str(path)], ["package", "inspect", str(path), "--format", "json"]):
            code = main(command + ["--lang", data.draw(st.sampled_from(("zh", "en")))])
            out, err = capsys.readouterr()
            assert code in set(EXIT_CODES.values()), (command, code, err)
            assert "Traceback" not in out + err and "内部错误" not in err and "internal error" not in err, err
            tally.count("cli " + command[1], str(code))


def write_package(top: str, files: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"{top}/{name}", data, zipfile.ZIP_STORED)
    return out.getvalue()


def sign_tags(files: dict[str, bytes], signer) -> dict[str, bytes]:
    """The tag manifest and signature recomputed over the tag files as they now are (payload untouched)."""
    import hashlib

    result = dict(files)
    result[TAGMANIFEST] = manifest_text([(name, hashlib.sha256(files[name]).hexdigest())
                                         for name in ("bagit.txt", BAG_INFO, MANIFEST)])
    result[SIGNATURE] = sign_detached(result[TAGMANIFEST], signer.key, signer.certificate, signer.chain)
    return result


# --- regressions: failures the fuzzing found, kept as they were found ---------------------------------------------

def test_member_helper_round_trips(base):
    assert read_members(write_members(base["members"])) == [Member(m.name, m.data, m.method) for m in base["members"]]


def signed_with_report(kit, base, tmp_path, report_json: bytes):
    files = dict(base["files"])
    files[REPORT_JSON] = report_json
    path = tmp_path / "crafted.parkpkg"
    path.write_bytes(write_package(base["top"], resign(files, kit.signer)))
    return path


def test_report_json_nested_a_hundred_thousand_deep_is_invalid_not_a_crash(kit, base, tmp_path):
    """Found by test_report_json_changed_and_signed_again: json.loads raised RecursionError out of
    verify_package and inspect_package (both caught ValueError only)."""
    path = signed_with_report(kit, base, tmp_path, b"[" * 100_000 + b"]" * 100_000)
    result = verify_package(path, anchors=[kit.district.cert])
    assert result.failure == INVALID and result.checks["schema"].key == "schema.not_json"
    assert result.checks["signature"].status == "passed"  # the sender signed it: it is the content that is bad
    assert inspect_package(path)["report"]["unreadable"].startswith("report.json is not valid JSON")



def test_a_signed_report_json_with_schema_version_1_0_is_invalid_not_a_crash(kit, base, tmp_path):
    """Found by test_fuzz_schema's test_arbitrary_json: FileNotFoundError (report-v1.0.schema.json) came out of
    verify_package."""
    text = base["files"][REPORT_JSON].replace(b'"schema_version": 1,', b'"schema_version": 1.0,', 1)
    assert text != base["files"][REPORT_JSON]
    result = verify_package(signed_with_report(kit, base, tmp_path, text), anchors=[kit.district.cert])
    assert result.failure == INVALID and result.checks["schema"].key == "schema.version"


def test_a_zip_asking_for_a_newer_zip_version_is_damaged_not_a_crash(base, kit, tmp_path):
    """Found by atheris (coverage-guided, on PackageZip): a central directory entry whose "version needed to
    extract" is 13.1 makes zipfile raise NotImplementedError, which PackageZip did not expect, so it came out of
    open_package, inspect_package and verify_package."""
    data = bytearray(base["raw"])
    position = central_offsets(bytes(data))[0]
    fields = list(CENTRAL.unpack_from(data, position))
    fields[2] = 131  # version needed to extract: 13.1
    CENTRAL.pack_into(data, position, *fields)
    path = tmp_path / "version.parkpkg"
    path.write_bytes(bytes(data))
    result = verify_package(path, anchors=[kit.district.cert])
    assert result.failure == DAMAGED and "13.1" in result.checks["structure"].text("en")
    with pytest.raises(Damaged):
        inspect_package(path)
