"""`parkdesk package build|verify|inspect` on the command line: outputs, JSON, and the exit code per failure class."""

from __future__ import annotations

import json
import zipfile

import pytest

from parkdesk.cli.main import main
from parkdesk.db.workspace import create_workspace
from parkdesk.identity.passphrase import ENV_VAR

PASSPHRASE = "operator passphrase"


@pytest.fixture(scope="module")
def setup(demo_master, tmp_path_factory):
    """An operator workspace with a district-certified identity, a reviewer workspace trusting the district,
    and one plain and one encrypted package."""
    folder = tmp_path_factory.mktemp("cli")
    operator, district = folder / "operator.sqlite", folder / "district.sqlite"
    operator.write_bytes(demo_master.read_bytes())
    create_workspace(district).close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_VAR, PASSPHRASE)
        for args in (
            ["create", str(district), "--name", "lixia", "--kind", "district", "--division", "370102"],
            ["export-cert", str(district), "lixia", "--out", str(folder / "district.pem")],
            ["trust", str(district), str(folder / "district.pem")],
            ["create", str(operator), "--name", "qlrjy", "--park", "QLRJY"],
            ["request", str(operator), "qlrjy", "--out", str(folder / "q.csr")],
            ["issue", str(district), "lixia", str(folder / "q.csr"), "--out", str(folder / "q.pem")],
            ["import-cert", str(operator), "qlrjy", str(folder / "q.pem")],
        ):
            assert main(["keys", *args]) == 0, args
        for out, extra in (("q.parkpkg", []), ("q.parkpkg.p7m", ["--encrypt-to", str(folder / "district.pem")])):
            assert main(["package", "build", str(operator), "--park", "QLRJY", "--year", "2023",
                         "--out", str(folder / out), *extra]) == 0
    return folder


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_build_says_what_it_wrote(setup, capsys, monkeypatch):
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    code, out, _ = run(capsys, "package", "build", str(setup / "operator.sqlite"), "--park", "QLRJY", "--year", "2022",
                       "--out", str(setup / "2022.parkpkg"), "--lang", "en")
    assert code == 0 and "Package written" in out and "package id" in out
    assert zipfile.is_zipfile(setup / "2022.parkpkg")


def test_verify_passes_with_the_reviewers_workspace(setup, capsys):
    code, out, _ = run(capsys, "package", "verify", str(setup / "q.parkpkg"), "--workspace",
                       str(setup / "district.sqlite"), "--lang", "en")
    assert code == 0
    assert out.count("[passed]") == 6 and "The package verified" in out


def test_verify_with_a_certificate_file_as_json(setup, capsys):
    code, out, _ = run(capsys, "package", "verify", str(setup / "q.parkpkg"), "--trust", str(setup / "district.pem"),
                       "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["verified"] is True and result["failure_class"] is None
    assert [c["check"] for c in result["checks"]] == ["structure", "checksums", "signature", "trust", "schema",
                                                       "validation"]
    assert result["package"]["park_code"] == "QLRJY" and result["package"]["signer_fingerprint"]


def test_an_encrypted_package_is_opened_with_the_district_identity(setup, capsys, monkeypatch):
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    code, out, _ = run(capsys, "package", "verify", str(setup / "q.parkpkg.p7m"), "--workspace",
                       str(setup / "district.sqlite"), "--format", "json")
    assert code == 0 and json.loads(out)["package"]["encrypted"] is True
    monkeypatch.setenv(ENV_VAR, "wrong")
    code, _, err = run(capsys, "package", "verify", str(setup / "q.parkpkg.p7m"), "--workspace",
                       str(setup / "district.sqlite"), "--lang", "en")
    assert code == 2 and "Wrong passphrase" in err
    code, _, err = run(capsys, "package", "verify", str(setup / "q.parkpkg.p7m"), "--lang", "en")
    assert code == 2 and "encrypted to" in err


@pytest.fixture(scope="module")
def other_park(setup):
    """A package of another park (SDYYFW), its operator certified by the same district, and the QLRJY operator's
    certificate as `keys export-cert` writes it: the operator's certificate followed by the district's."""
    operator, district = setup / "operator.sqlite", setup / "district.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(ENV_VAR, PASSPHRASE)
        for args in (
            ["create", str(operator), "--name", "sdyyfw", "--park", "SDYYFW"],
            ["request", str(operator), "sdyyfw", "--out", str(setup / "s.csr")],
            ["issue", str(district), "lixia", str(setup / "s.csr"), "--out", str(setup / "s.pem")],
            ["import-cert", str(operator), "sdyyfw", str(setup / "s.pem")],
            ["export-cert", str(operator), "qlrjy", "--out", str(setup / "qlrjy-exported.pem")],
        ):
            assert main(["keys", *args]) == 0, args
        assert main(["package", "build", str(operator), "--park", "SDYYFW", "--year", "2023",
                     "--out", str(setup / "s.parkpkg")]) == 0
    assert (setup / "qlrjy-exported.pem").read_text().count("BEGIN CERTIFICATE") == 2
    return setup / "s.parkpkg", setup / "qlrjy-exported.pem"


def test_trusting_an_operator_file_trusts_that_operator_only(setup, other_park, capsys):
    """`--trust operator.pem` trusts the file's first certificate (as `keys trust`): another park of the same
    district does not verify; the output names the one certificate trusted and the ones left out."""
    package, operator_pem = other_park
    code, out, err = run(capsys, "package", "verify", str(package), "--trust", str(operator_pem), "--lang", "en")
    assert code == 5 and "did NOT verify" in err
    trusted = [line for line in out.splitlines() if line.startswith("Trusted: ")]
    assert len(trusted) == 1 and "齐鲁软件园" in trusted[0] and str(operator_pem) in trusted[0]
    assert "1 more certificate(s), not trusted" in out and "--trust-chain" in out
    code, out, _ = run(capsys, "package", "verify", str(setup / "q.parkpkg"), "--trust", str(operator_pem),
                       "--format", "json")
    result = json.loads(out)
    assert code == 0 and [entry["subject"].split(",")[0] for entry in result["trusted"]] == ["齐鲁软件园"]


def test_trust_chain_trusts_every_certificate_of_the_file(other_park, capsys):
    package, operator_pem = other_park
    code, out, _ = run(capsys, "package", "verify", str(package), "--trust", str(operator_pem), "--trust-chain",
                       "--lang", "en")
    assert code == 0, out
    trusted = [line for line in out.splitlines() if line.startswith("Trusted: ")]
    assert len(trusted) == 2 and any("历下区" in line for line in trusted)
    assert "not trusted" not in out


@pytest.mark.parametrize("damage, code", [("truncate", 3), ("not_zip", 2), ("untrusted", 5)])
def test_verify_exit_codes(setup, capsys, tmp_path, damage, code):
    package = tmp_path / "x.parkpkg"
    data = (setup / "q.parkpkg").read_bytes()
    trust = ["--trust", str(setup / "district.pem")]
    if damage == "truncate":
        package.write_bytes(data[: len(data) // 2])
    elif damage == "not_zip":
        package.write_text("just text")
    else:
        package.write_bytes(data)
        trust = ["--workspace", str(tmp_path / "empty.sqlite")]  # a workspace with an empty trust store
        create_workspace(tmp_path / "empty.sqlite").close()
    exit_code, out, err = run(capsys, "package", "verify", str(package), *trust, "--lang", "en")
    assert exit_code == code
    assert "did NOT verify" in err and "[FAILED]" in out


def test_inspect_prints_the_metadata(setup, capsys):
    code, out, _ = run(capsys, "package", "inspect", str(setup / "q.parkpkg"), "--format", "json")
    info = json.loads(out)
    assert code == 0 and info["bag_info"]["Park-Code"] == "QLRJY" and info["report"]["year"] == 2023
    assert info["signer"]["issuer"].startswith("历下区商务局")
    assert any(f["path"] == "data/report.json" for f in info["files"])
    code, out, _ = run(capsys, "package", "inspect", str(setup / "q.parkpkg"))
    assert code == 0 and "External-Identifier" in out and "data/report.json" in out
    # words, not Python values: 否 not False, a dash not None, a status by its name, lists joined, a header
    assert "已加密: 否" in out and "替代的数据包: —" in out and "年报状态: 已通过" in out
    assert "随附文档: data/report.xlsx、data/summary.pdf" in out and "  路径\t大小(字节)" in out
    assert not any(word in out for word in ("False", "None", "['", "accepted", "encrypted:"))


def test_inspect_of_something_else(setup, capsys, tmp_path):
    path = tmp_path / "x.parkpkg"
    path.write_text("nope")
    code, _, err = run(capsys, "package", "inspect", str(path), "--lang", "en")
    assert code == 2 and "Not a parkdesk package" in err


def test_a_draft_is_not_packaged(setup, capsys, monkeypatch):
    monkeypatch.setenv(ENV_VAR, PASSPHRASE)
    code, _, err = run(capsys, "package", "build", str(setup / "operator.sqlite"), "--park", "QLRJY", "--year", "2024",
                       "--out", str(setup / "draft.parkpkg"), "--lang", "en")
    assert code == 1 and "only a finalized report" in err
    assert not (setup / "draft.parkpkg").exists()


def test_verify_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["package", "verify", "--help"])
    out = capsys.readouterr().out
    for text in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "damaged", "signature bad", "untrusted", "not a package"):
        assert text in out
