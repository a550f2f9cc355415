"""The inbox: what the package checks reject is listed with the reason and never imported as data; the same
package twice is recognised; a newer package supersedes an older one, which stays readable; encrypted ones open."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from parkdesk.db.models import Attachment, InboxEntry, Park, Report, StoredFile
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import ParkdeskError
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.review.inbox import ACCEPTED, DUPLICATE, NOT_FOR_US, REJECTED, SUPERSEDED, import_packages
from parkdesk.review.inbox_rows import kept_report, list_inbox, package_bytes
from package_kit import read_bag, resign, write_bag
from review_kit import PARK, YEAR, copy_world, make_world, operator_signer, receive, send


@pytest.fixture(scope="module")
def world(tmp_path_factory, demo_master):
    """A district, an operator it certified, and one good package (QLRJY 2023)."""
    world = make_world(tmp_path_factory.mktemp("inbox"), demo_master)
    world.good, world.built = send(world, "good.parkpkg")
    return world


@pytest.fixture
def fresh(world, tmp_path):
    """The module's world with a reviewer workspace of its own (empty inbox)."""
    copy = copy_world(world, tmp_path)
    copy.good, copy.built = world.good, world.built
    return copy


def reports(path) -> int:
    with open_workspace(path) as ws, ws.session() as session:
        return session.scalar(select(func.count()).select_from(Report))


def bad_files(world, folder) -> dict[str, tuple]:
    """name → (file, failure class expected)."""
    top, files = read_bag(world.good)
    signer = operator_signer(world)
    cases = {}
    (folder / "notes.parkpkg").write_text("这不是数据包", encoding="utf-8")
    cases["not a package"] = (folder / "notes.parkpkg", "not_a_package")
    with zipfile.ZipFile(folder / "plain.parkpkg", "w") as archive:
        archive.writestr("folder/readme.txt", "hello")
    cases["a zip that is not a bag"] = (folder / "plain.parkpkg", "not_a_package")
    data = world.good.read_bytes()
    (folder / "cut.parkpkg").write_bytes(data[: len(data) // 2])
    cases["truncated"] = (folder / "cut.parkpkg", "damaged")
    changed = dict(files)
    document = json.loads(changed["data/report.json"])
    document["enterprises"][0]["employees"] += 1
    changed["data/report.json"] = json.dumps(document, ensure_ascii=False).encode()
    cases["changed after signing"] = (write_bag(folder / "changed.parkpkg", top, changed), "damaged")
    unsigned = {k: v for k, v in files.items() if k != "tagmanifest-sha256.txt.p7s"}
    cases["no signature"] = (write_bag(folder / "unsigned.parkpkg", top, unsigned), "signature")
    document = json.loads(files["data/report.json"])
    document["report"]["year"] = "二〇二三"
    broken = resign({**files, "data/report.json": json.dumps(document, ensure_ascii=False).encode()}, signer)
    cases["not the schema"] = (write_bag(folder / "schema.parkpkg", top, broken), "invalid")
    return cases


def test_every_bad_package_is_listed_as_rejected_with_its_reason_and_never_imported(fresh, tmp_path):
    cases = bad_files(fresh, tmp_path)
    results = receive(fresh, *(path for path, _ in cases.values()))
    assert [r.outcome for r in results] == [REJECTED] * len(cases)
    with open_workspace(fresh.reviewer) as ws, ws.session() as session:
        rows = {row.file_name: row for row in list_inbox(session)}
        for name, (path, failure) in cases.items():
            row = rows[path.name]
            assert (row.verified, row.failure_class, row.report_id) == (False, failure, None), name
            assert row.reason("zh") and row.reason("en") and row.reason("zh") != row.reason("en"), name
        assert session.scalar(select(func.count()).select_from(Report)) == 0
        assert session.scalar(select(func.count()).select_from(StoredFile)) == 0
    assert "SHA-256" in rows["changed.parkpkg"].reason("en")


def test_a_package_from_a_park_of_another_district_is_untrusted(fresh, tmp_path, demo_master):
    other = make_world(tmp_path / "elsewhere", demo_master, district="370102", parks=("SDSZDS",))
    stranger, _ = send(other, "stranger.parkpkg", park="SDSZDS")
    [result] = receive(fresh, stranger)
    assert result.outcome == REJECTED and "不受信任" in result.reason("zh")
    assert reports(fresh.reviewer) == 0


def test_a_district_refuses_a_park_of_another_district_even_when_it_certified_the_operator(tmp_path, demo_master):
    """历下区 issued 齐鲁软件园's operator a certificate by mistake; the park is 高新区's, so 历下区's inbox refuses it."""
    lixia = make_world(tmp_path / "lixia", demo_master, district="370102", parks=("QLRJY",))
    [result] = receive(lixia, send(lixia, "QLRJY.parkpkg", park="QLRJY")[0])
    assert result.outcome == REJECTED and result.reason_key == "inbox.park_not_ours"
    assert "高新区" in result.reason("zh") and "历下区" in result.reason("zh"), result.reason("zh")
    assert reports(lixia.reviewer) == 0


def test_the_same_package_twice_is_recognised(fresh, tmp_path):
    first = receive(fresh, fresh.good)
    copy = tmp_path / "renamed copy.parkpkg"
    copy.write_bytes(fresh.good.read_bytes())
    again = receive(fresh, fresh.good, copy)
    assert first[0].outcome == ACCEPTED
    assert [r.outcome for r in again] == [DUPLICATE, DUPLICATE]
    assert {r.entry_id for r in again} == {first[0].entry_id}
    with open_workspace(fresh.reviewer) as ws, ws.session() as session:
        assert len(list_inbox(session)) == 1


def test_a_folder_is_searched_and_an_older_package_arriving_late_does_not_replace_the_newer(fresh, tmp_path):
    older, _ = send(fresh, "a-older.parkpkg")
    newer, built = send(fresh, "b-newer.parkpkg")
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "z-newer.parkpkg").write_bytes(newer.read_bytes())
    (folder / "a-older.parkpkg").write_bytes(older.read_bytes())
    (folder / "readme.txt").write_text("not a package")
    results = receive(fresh, folder / "z-newer.parkpkg")  # the newer one first
    results += receive(fresh, folder)  # then the folder: the older one, and the newer one again
    assert [r.outcome for r in results] == [ACCEPTED, SUPERSEDED, DUPLICATE]
    with open_workspace(fresh.reviewer) as ws, ws.session() as session:
        current = session.get(InboxEntry, results[0].entry_id)
        late = session.get(InboxEntry, results[1].entry_id)
        assert current.report_id is not None and current.package_id == built.package_id
        assert late.superseded_by_id == current.id and late.report_id is None
        assert package_bytes(session, late.id) == older.read_bytes()  # kept, readable
        with kept_report(session, late.id) as (scratch, report_id):
            assert scratch.get(Report, report_id).year == YEAR
    assert reports(fresh.reviewer) == 1


def test_encrypted_packages_are_decrypted_on_import_and_kept_readable(tmp_path, demo_master):
    world = make_world(tmp_path, demo_master, algorithm="rsa")
    sealed, built = send(world, "sealed.parkpkg.p7m", encrypt_to=world.district_certificate())
    assert not zipfile.is_zipfile(sealed)
    [without_key] = receive(world, sealed)
    assert without_key.outcome == REJECTED
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        session.execute(InboxEntry.__table__.delete())
        session.commit()
        with pytest.raises(ParkdeskError) as wrong:
            import_packages(session, [sealed], actor="t", decrypt=workspace_decryptor(session, lambda n: b"wrong!!!!"))
        assert wrong.value.message_key == "identity.wrong_passphrase"
    [result] = receive(world, sealed, with_key=True)
    assert result.outcome == ACCEPTED
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        entry = session.get(InboxEntry, result.entry_id)
        assert entry.encrypted and entry.package_id == built.package_id and entry.file_sha256 == built.sha256
        assert zipfile.is_zipfile(io.BytesIO(package_bytes(session, entry.id)))
        assert session.get(Report, entry.report_id).park.code == PARK


def test_a_package_encrypted_to_another_district_is_rejected_as_not_for_us(tmp_path, demo_master):
    world = make_world(tmp_path, demo_master, algorithm="rsa")
    other = make_world(tmp_path / "elsewhere", demo_master, district="370102", parks=(), algorithm="rsa")
    sealed, _ = send(world, "elsewhere.parkpkg.p7m", encrypt_to=other.district_certificate())
    [result] = receive(world, sealed, with_key=True)
    assert result.outcome == REJECTED
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        assert session.get(InboxEntry, result.entry_id).failure_class == NOT_FOR_US


def test_a_different_package_under_a_known_id_is_refused(fresh, tmp_path):
    receive(fresh, fresh.good)
    top, files = read_bag(fresh.good)
    document = json.loads(files["data/report.json"])
    document["report"]["positioning"] = "改过的定位"
    forged = resign({**files, "data/report.json": json.dumps(document, ensure_ascii=False).encode()},
                    operator_signer(fresh))
    [result] = receive(fresh, write_bag(tmp_path / "same-id.parkpkg", top, forged))
    assert result.outcome == REJECTED and result.reason_key == "inbox.same_id_other_content"


def test_the_imported_copy_carries_the_packages_data(fresh):
    [result] = receive(fresh, fresh.good)
    _, files = read_bag(fresh.good)
    document = json.loads(files["data/report.json"])
    with open_workspace(fresh.reviewer) as ws, ws.session() as session:
        report = session.get(Report, result.report_id)
        assert report.positioning == document["report"]["positioning"]
        assert len(report.milestones) == len(document["milestones"])


def test_an_imported_package_restores_the_original_attachment_names(tmp_path, demo_master):
    """Attachments travel under ASCII-safe names; the inbox stores each under the name it had."""
    world = make_world(tmp_path / "world", demo_master)
    names = ("100% 完成率.txt", "营业执照副本(2023).txt")
    with open_workspace(world.operator) as ws, ws.session() as session, session.begin():
        report = session.scalars(select(Report).join(Park).where(Park.code == PARK, Report.year == YEAR)).one()
        for name in names:
            session.add(Attachment(report_id=report.id, filename=name, media_type="text/plain", size=len(name.encode()),
                                   sha256=hashlib.sha256(name.encode()).hexdigest(), content=name.encode()))
    package, _ = send(world, "odd-names.parkpkg")
    (received,) = receive(world, package)
    assert received.outcome == ACCEPTED, received.reason("en")
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        stored = dict(session.execute(select(Attachment.filename, Attachment.content)
                                      .where(Attachment.report_id == received.report_id)).all())
    assert {name: name.encode() for name in names}.items() <= stored.items()


def test_the_pdf_of_a_received_report_gives_the_package_sha256(fresh, tmp_path):
    """The inbox's PDF export: the cover shows the SHA-256 of the package file received, which the sender can
    compare with the file it sent."""
    import subprocess

    from interop_kit import require
    from parkdesk.pdf.report_pdf import write_report_pdf

    (received,) = receive(fresh, fresh.good)
    with open_workspace(fresh.reviewer) as ws, ws.session() as session:
        path = write_report_pdf(session, received.report_id, tmp_path / "received.pdf", appendix=False)
    cover = subprocess.run([require("pdftotext", "poppler-utils"), "-f", "1", "-l", "1", "-enc", "UTF-8", str(path),
                            "-"], capture_output=True, text=True, check=True).stdout.replace("\n", "").replace(" ", "")
    assert "报送包SHA-256" in cover and fresh.built.sha256 in cover
    assert "签名证书指纹" in cover and "尚未打包报送" not in cover


def test_a_file_that_changes_after_it_was_verified_is_not_kept(fresh, tmp_path, monkeypatch):
    """The next package is verified ahead of its turn: bytes that differ from those verified are never stored."""
    import shutil

    from parkdesk.review import inbox

    package = tmp_path / "changing.parkpkg"
    shutil.copy2(fresh.good, package)
    verify_package = inbox.verify_package

    def verify_then_change(path, **options):
        result = verify_package(path, **options)
        with open(path, "ab") as handle:
            handle.write(b"appended after verification")
        return result

    monkeypatch.setattr(inbox, "verify_package", verify_then_change)
    before = reports(fresh.reviewer)
    with pytest.raises(ParkdeskError) as info:
        receive(fresh, package)
    assert info.value.message_key == "inbox.changed_while_reading"
    assert reports(fresh.reviewer) == before
