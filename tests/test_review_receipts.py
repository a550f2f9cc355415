"""Decision receipts: refused when they answer no package here or come from an untrusted district; a decision on
a package since replaced changes nothing; review rules (no receipt without a decision, no comment on old packages)."""

from __future__ import annotations

import json
import shutil

import pytest
from sqlalchemy import func, select

from parkdesk.db.models import ReceiptComment, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import InputProblem, ParkdeskError
from parkdesk.identity.trust_store import trust_certificate
from parkdesk.review.comments import add_comment, parse_location
from parkdesk.review.decisions import set_state
from parkdesk.review.receipt_build import make_receipt
from parkdesk.review.receipt_import import ReceiptRefused, import_receipt
from parkdesk.validation.findings import Location
from package_kit import read_bag, resign, write_bag
from review_kit import PARK, YEAR, make_world, misplace_park, operator_signer, receive, send, set_status


@pytest.fixture(scope="module")
def returned(tmp_path_factory, demo_master):
    """A package returned with one comment; the receipt file, and a snapshot of the operator's workspace."""
    world = make_world(tmp_path_factory.mktemp("receipts"), demo_master)
    set_status(world.operator, PARK, YEAR, "finalized")
    package, _ = send(world, "sent.parkpkg")
    [result] = receive(world, package)
    signer = world.district_signer()
    with open_workspace(world.reviewer) as ws, ws.session() as session:
        add_comment(session, result.entry_id, Location("basic", "park", None, None), "请补充联系人", author="审核员")
        set_state(session, result.entry_id, "returned", actor="审核员")
        world.receipt = make_receipt(session, result.entry_id, world.folder / "r.parkreview", signer, actor="审核员")
        session.commit()
    world.entry = result.entry_id
    return world


def operator_copy(world, tmp_path):
    path = tmp_path / "operator.sqlite"
    shutil.copy2(world.operator, path)
    return path


def test_a_receipt_that_answers_no_package_here_is_refused(returned, tmp_path, demo_path):
    with open_workspace(demo_path) as ws, ws.session() as session, session.begin():
        with pytest.raises(ReceiptRefused) as refused:
            import_receipt(session, returned.receipt.path, [returned.district_certificate()], actor="op")
    assert refused.value.message_key == "receipt.no_package" and refused.value.exit_code == 1
    assert "不是由本工作区生成" in refused.value.message("zh") and "not built in this" in refused.value.message("en")


def test_a_receipt_from_an_untrusted_district_is_refused(returned, tmp_path, demo_master):
    elsewhere = make_world(tmp_path / "elsewhere", demo_master, district="370102", parks=())
    misplace_park(elsewhere, PARK, "370102")  # else its inbox refuses another district's park
    with open_workspace(elsewhere.reviewer) as ws, ws.session() as session, session.begin():
        trust_certificate(session, ws.actor, operator_signer(returned).certificate)  # it trusts that one operator
    [result] = receive(elsewhere, returned.folder / "sent.parkpkg")
    signer = elsewhere.district_signer()
    with open_workspace(elsewhere.reviewer) as ws, ws.session() as session:
        set_state(session, result.entry_id, "approved", actor="别的区县")
        receipt = make_receipt(session, result.entry_id, tmp_path / "other.parkreview", signer, actor="别的区县")
        session.commit()
    operator = operator_copy(returned, tmp_path)
    with open_workspace(operator) as ws, ws.session() as session, session.begin():
        with pytest.raises(ReceiptRefused) as refused:
            import_receipt(session, receipt.path, actor="op")
    assert refused.value.message_key == "receipt.untrusted"
    assert "历下区" in refused.value.message("zh") and "not trusted" in refused.value.message("en")


def test_an_altered_receipt_cannot_be_read(returned, tmp_path):
    top, files = read_bag(returned.receipt.path)
    document = json.loads(files["data/receipt.json"])
    document["decision"]["state"] = "approved"
    files["data/receipt.json"] = json.dumps(document, ensure_ascii=False).encode()
    altered = write_bag(tmp_path / "altered.parkreview", top, files)
    with open_workspace(operator_copy(returned, tmp_path)) as ws, ws.session() as session, session.begin():
        with pytest.raises(ParkdeskError) as refused:
            import_receipt(session, altered, actor="op")
    assert refused.value.message_key == "receipt.unreadable" and refused.value.exit_code == 2


def test_a_receipt_signed_again_by_an_operator_is_refused(returned, tmp_path):
    top, files = read_bag(returned.receipt.path)
    forged = write_bag(tmp_path / "forged.parkreview", top, resign(files, operator_signer(returned)))
    with open_workspace(operator_copy(returned, tmp_path)) as ws, ws.session() as session, session.begin():
        with pytest.raises(ReceiptRefused) as refused:
            import_receipt(session, forged, actor="op")
    assert refused.value.message_key == "receipt.untrusted"


def test_importing_twice_changes_nothing_the_second_time(returned, tmp_path):
    operator = operator_copy(returned, tmp_path)
    with open_workspace(operator) as ws, ws.session() as session, session.begin():
        first = import_receipt(session, returned.receipt.path, actor="op")
    with open_workspace(operator) as ws, ws.session() as session, session.begin():
        second = import_receipt(session, returned.receipt.path, actor="op")
        assert session.scalar(select(func.count()).select_from(ReceiptComment)) == 1
    assert (first.already, first.status_after) == (False, "returned")
    assert second.already and second.comments == 0


def test_a_decision_on_a_package_since_replaced_keeps_its_comments_but_changes_no_status(returned, tmp_path):
    operator = operator_copy(returned, tmp_path)
    newer_world = type(returned)(returned.reviewer, operator, tmp_path)
    send(newer_world, "newer.parkpkg")  # the park sent a newer package before the decision arrived
    with open_workspace(operator) as ws, ws.session() as session, session.begin():
        result = import_receipt(session, returned.receipt.path, actor="op")
        assert not result.applied and result.status_after == result.status_before == "finalized"
        assert session.get(Report, result.report_id).status == "finalized"
        assert session.scalar(select(func.count()).select_from(ReceiptComment)) == 1


def test_review_rules(returned, tmp_path):
    reviewer = tmp_path / "district.sqlite"
    shutil.copy2(returned.reviewer, reviewer)
    signer = returned.district_signer()
    with open_workspace(reviewer) as ws, ws.session() as session:
        set_state(session, returned.entry, "has_problems", actor="审核员")
        with pytest.raises(InputProblem) as no_decision:
            make_receipt(session, returned.entry, tmp_path / "x.parkreview", signer, actor="审核员")
        assert no_decision.value.message_key == "review.no_decision"
        assert not (tmp_path / "x.parkreview").exists()
        for text in ("nowhere", "enterprises/milestone/1/title", "enterprises/enterprise/x/name",
                     "basic/park/-/no_such_field"):
            with pytest.raises(InputProblem) as bad:
                parse_location(text)
            assert bad.value.message_key == "review.bad_location", text
        with pytest.raises(InputProblem) as missing:
            add_comment(session, returned.entry, Location("enterprises", "enterprise", 10**9, "name"), "?",
                        author="审核员")
        assert missing.value.message_key == "review.no_such_record"
        with pytest.raises(InputProblem) as empty:
            add_comment(session, returned.entry, Location("basic"), "  ", author="审核员")
        assert empty.value.message_key == "review.empty_comment"
        with pytest.raises(InputProblem):
            set_state(session, returned.entry, "done", actor="审核员")
