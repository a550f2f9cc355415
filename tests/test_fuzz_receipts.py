"""Fuzzing the receipt reader (parkdesk.review.receipt_import.import_receipt, and verify_signed_bag with the
ReceiptVerifier under it) on arbitrary bytes, on mutations of a real decision receipt, and on receipt.json
documents changed and signed again by the trusted district itself.

import_receipt refuses with a ParkdeskError (ReceiptRefused, or "receipt.unreadable"); verify_signed_bag never
raises. Each example runs in a transaction that is rolled back, so the operator's workspace stays as it was.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz_kit import (  # noqa: F401  (sandbox and tally are fixtures)
    Shown, fuzz_settings, json_bytes, mutated_bytes, mutated_json, mutated_members, patched_central_directory,
    read_members, sandbox, tally, write_members, zip_landmarks,
)
from package_kit import read_bag, resign
from parkdesk.db.workspace import open_workspace
from parkdesk.packages.verify import verify_signed_bag
from parkdesk.review.comments import add_comment
from parkdesk.review.decisions import set_state
from parkdesk.review.layout import RECEIPT_JSON
from parkdesk.review.receipt_build import make_receipt
from parkdesk.review.receipt_import import ReceiptRefused, import_receipt
from parkdesk.review.signed_documents import ReceiptVerifier
from parkdesk.validation.findings import Location
from review_kit import PARK, YEAR, make_world, receive, send, set_status

pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")  # duplicates are the point



@pytest.fixture(scope="module")
def world(tmp_path_factory, demo_master):
    """A package the district returned with two comments: the receipt, its parts, the district's signer, and the
    operator's workspace (which built the package) opened once."""
    world = make_world(tmp_path_factory.mktemp("receipt-fuzz"), demo_master)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _ = send(world, "sent.parkpkg")
    [result] = receive(world, package)
    signer = world.district_signer()
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        add_comment(session, result.entry_id, Location("basic", "park", None, None), "请补充联系人", author="审核员")
        add_comment(session, result.entry_id, Location("basic", "park", None, "contact_phone"), "电话有误",
                    author="审核员")
        set_state(session, result.entry_id, "returned", actor="审核员")
        receipt = make_receipt(session, result.entry_id, world.folder / "r.parkreview", signer, actor="审核员")
        session.commit()
    raw = receipt.path.read_bytes()
    top, files = read_bag(receipt.path)
    operator = open_workspace(world.operator)
    yield Shown(raw=raw, top=top, files=files, members=read_members(raw), landmarks=zip_landmarks(raw),
                document=json.loads(files[RECEIPT_JSON]), signer=signer, anchors=[world.district_certificate()],
                operator=operator)
    operator.close()


def read_receipt(tally, path, world) -> None:
    result = verify_signed_bag(path, ReceiptVerifier, anchors=world["anchors"])  # never raises
    tally.count("verify_signed_bag (receipt)", result.failure or "verified")
    with world["operator"].session() as session:
        try:
            tally.call("import_receipt", import_receipt, session, path, world["anchors"], actor="fuzz")
        finally:
            session.rollback()


def zipped(top: str, files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"{top}/{name}", data, zipfile.ZIP_STORED)
    return out.getvalue()


@fuzz_settings(40)
@given(content=st.one_of(st.binary(max_size=1024), st.binary(max_size=512).map(lambda tail: b"PK\x03\x04" + tail)))
def test_arbitrary_bytes(sandbox, tally, world, content):
    with sandbox.example(content, "x.parkreview") as path:
        read_receipt(tally, path, world)


@fuzz_settings(60)
@given(data=st.data())
def test_byte_and_entry_mutations_of_a_real_receipt(sandbox, tally, world, data):
    if data.draw(st.booleans()):
        content = data.draw(mutated_bytes(world["raw"], world["landmarks"]))
    else:
        content = write_members(data.draw(mutated_members(world["members"], world["top"])))
        if data.draw(st.booleans()):
            content = data.draw(patched_central_directory(content))
    with sandbox.example(content, "x.parkreview") as path:
        read_receipt(tally, path, world)


@fuzz_settings(100)
@given(data=st.data())
def test_receipt_json_changed_and_signed_by_the_trusted_district(sandbox, tally, world, data):
    """The district's own key signs a crafted receipt.json: everything up to storing the comments runs."""
    files = dict(world["files"])
    files[RECEIPT_JSON] = json_bytes(data.draw(mutated_json(world["document"])))
    content = zipped(world["top"], resign(files, world["signer"]))
    with sandbox.example(content, "x.parkreview") as path:
        read_receipt(tally, path, world)


def test_the_real_receipt_is_imported(world, tally, tmp_path):
    path = tmp_path / "r.parkreview"
    path.write_bytes(world["raw"])
    read_receipt(tally, path, world)
    assert tally.outcomes["import_receipt"]["ok"] >= 1


@pytest.mark.parametrize("path,value", [
    (("decision", "decided_at"), "2026-11-26T08:09:07.3281322026-11-26T08:09:07.328132"),
    (("comments", 0, "created_at"), "not a time"),
    (("comments", 0, "record_id"), 2 ** 63),
])
def test_a_trusted_receipt_that_cannot_be_stored_is_refused_not_a_crash(world, tmp_path, path, value):
    """Found by test_receipt_json_changed_and_signed_by_the_trusted_district: the schema's "time" is any string
    of ten characters, so datetime.fromisoformat raised ValueError out of import_receipt (and, the same way,
    OverflowError or UnicodeEncodeError for the other values)."""
    document = json.loads(world["files"][RECEIPT_JSON])
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    files = dict(world["files"], **{RECEIPT_JSON: json_bytes(json.dumps(document))})
    receipt = tmp_path / "crafted.parkreview"
    receipt.write_bytes(zipped(world["top"], resign(files, world["signer"])))
    assert verify_signed_bag(receipt, ReceiptVerifier, anchors=world["anchors"]).failure is None
    with world["operator"].session() as session:
        with pytest.raises(ReceiptRefused) as info:
            import_receipt(session, receipt, world["anchors"], actor="fuzz")
        session.rollback()
    assert info.value.message_key == "receipt.refused" and "cannot be stored" in info.value.message("en")
    assert "无法保存" in info.value.message("zh")


def test_a_trusted_receipt_with_a_lone_surrogate_fails_verification_as_invalid_json(world, tmp_path):
    """A lone surrogate ("\\ud800") is not UTF-8: the strict parser refuses the document before anything is stored."""
    document = json.loads(world["files"][RECEIPT_JSON])
    document["comments"][0]["text"] = "\ud800"
    files = dict(world["files"], **{RECEIPT_JSON: json_bytes(json.dumps(document))})
    receipt = tmp_path / "crafted.parkreview"
    receipt.write_bytes(zipped(world["top"], resign(files, world["signer"])))
    result = verify_signed_bag(receipt, ReceiptVerifier, anchors=world["anchors"])
    assert result.failure == "invalid" and result.checks["schema"].key == "schema.not_json"
    with world["operator"].session() as session:
        with pytest.raises(ReceiptRefused):
            import_receipt(session, receipt, world["anchors"], actor="fuzz")
        session.rollback()
