"""Identities and the signed package from the GUI: create, export, trust with the fingerprint shown, build, verify."""

from __future__ import annotations

import stat

import pytest

from PySide6.QtWidgets import QMessageBox

from parkdesk.identity.certificates import read_certificate_file
from parkdesk.packages.verify import verify_package
from parkdesk.ui.report.package_actions import package_job
from tests.test_report_view import open_report

PASSPHRASE = b"correct horse battery"


def test_operator_creates_an_identity_builds_a_package_and_it_verifies(qtbot, demo_path, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window, controller, view = open_report(qtbot, demo_path, "QLRJY", 2023)  # accepted in the demo
    try:
        assert view.package_action.isEnabled() and not view.finalize_action.isEnabled()
        dialog = view.show_identities()
        assert dialog.create("QLRJY-operator", PASSPHRASE)
        assert dialog.identities.rowCount() == 1
        shown_fingerprint = dialog.identities.item(0, 3).text()
        certificate = dialog.export_certificate(tmp_path / "operator.pem")
        assert not (certificate.stat().st_mode & stat.S_IWOTH)
        exported = read_certificate_file(certificate)[0]

        assert dialog.trust(certificate, confirmed=True)
        assert dialog.trusted.item(0, 3).text() == shown_fingerprint

        out = tmp_path / "QLRJY-2023.parkpkg"
        job = package_job(view, view.controller, out, "QLRJY-operator", PASSPHRASE).start()
        assert job.done and job.error is None, job.error
        assert job.result.signer_fingerprint == shown_fingerprint.replace("\n", "")  # shown on two lines
        result = verify_package(out, anchors=[exported])
        assert result.exit_code == 0, result.to_json("en")

        wrong = package_job(view, view.controller, tmp_path / "wrong.parkpkg", "QLRJY-operator",
                            b"not the passphrase").start()
        assert wrong.done and wrong.error and "Traceback" not in wrong.error
        assert not (tmp_path / "wrong.parkpkg").exists()
    finally:
        controller.reports.close()
        controller.close()


def test_the_district_issues_an_operator_certificate_from_its_window(qtbot, demo_path, tmp_path):
    from cryptography.hazmat.primitives import hashes

    from tests.review_kit import make_world

    world = make_world(tmp_path / "world", demo_path)
    request = _request(world, tmp_path, "QLRJY")
    controller = _district_window(qtbot, world)
    try:
        assert controller.review.identities_action.isVisible()
        issued = tmp_path / "QLRJY-new.pem"
        dialog, told = _issue_in_window(qtbot, world, request, issued)
        certificate = read_certificate_file(issued)[0]
        assert "QLRJY" in certificate.subject.rfc4514_string()
        assert certificate.issuer == world.district_certificate().subject
        first_bytes = ":".join(f"{b:02X}" for b in certificate.fingerprint(hashes.SHA256())[:4])
        assert first_bytes in told[0] and "电话" in told[0]
        dialog.close()
    finally:
        controller.close()


def _issue_in_window(qtbot, world, request, issued):
    """Press 签发运营机构证书… in the district's identity dialog; returns (dialog, what the boxes said)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from parkdesk.ui.identity_dialog import IdentityDialog
    from tests.gui_walk import DialogScript
    from tests.review_kit import PASSPHRASE as DISTRICT_PASSPHRASE

    told = []

    def type_name(path):
        def step(file_dialog):
            file_dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
            file_dialog.accept()
        return step

    def passphrase(passphrase_dialog):
        for edit in passphrase_dialog.findChildren(QLineEdit):
            edit.setText(DISTRICT_PASSPHRASE.decode())
        passphrase_dialog.accept()

    def read(box):
        told.append(box.text() + box.informativeText())
        box.accept()

    window = qtbot.controller.window
    qtbot.controller.review.identities_action.trigger()
    dialog = window.findChildren(IdentityDialog)[-1]
    assert dialog.issue_button.isVisible()
    with DialogScript(qtbot, [type_name(request), passphrase, type_name(issued), read]) as script:
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert script.done and not script.errors, script.errors
    return dialog, told


def _district_window(qtbot, world):
    from parkdesk.ui.app import build_window, create_application
    from parkdesk.ui.jobs import SynchronousRunner

    create_application("zh")
    window, controller = build_window(world.reviewer, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.show()
    qtbot.controller = controller
    return controller


def _request(world, tmp_path, park):
    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace

    request = tmp_path / f"{park}-new.csr"
    with open_workspace(world.operator) as workspace:
        identities.create_operator_identity(workspace, f"{park}-new", park, PASSPHRASE)
        identities.request_certificate(workspace, f"{park}-new", PASSPHRASE, request)
    return request


def test_the_district_lists_the_certificates_it_issued(qtbot, demo_path, tmp_path):
    import json
    import subprocess
    import sys

    from tests.review_kit import make_world

    world = make_world(tmp_path / "world", demo_path)
    request = _request(world, tmp_path, "QLRJY")
    controller = _district_window(qtbot, world)
    try:
        dialog, told = _issue_in_window(qtbot, world, request, tmp_path / "QLRJY-new.pem")
        assert (tmp_path / "QLRJY-new.pem").exists() and "电话" in told[0]
        assert dialog.issued.isVisible() and dialog.issued.rowCount() == 1
        assert dialog.issued.item(0, 0).text() == "QLRJY"
        fingerprint = read_certificate_file(tmp_path / "QLRJY-new.pem")[0]
        dialog.close()
    finally:
        controller.close()
    run = subprocess.run([sys.executable, "-m", "parkdesk", "keys", "issued", str(world.reviewer), "--format",
                          "json"], capture_output=True, text=True, check=True)
    listed = json.loads(run.stdout)
    assert [item["park"] for item in listed] == ["QLRJY"]
    assert listed[0]["serial"] == f"{fingerprint.serial_number:x}"
    text_run = subprocess.run([sys.executable, "-m", "parkdesk", "keys", "issued", str(world.reviewer)],
                              capture_output=True, text=True, check=True)
    assert "已签发的运营机构证书:1 个" in text_run.stdout and "QLRJY" in text_run.stdout


def test_the_district_refuses_a_park_of_another_district_and_says_why(qtbot, demo_path, tmp_path):
    import subprocess
    import sys

    from tests.review_kit import make_world, misplace_park

    world = make_world(tmp_path / "world", demo_path)
    misplace_park(world, "GJWHCK", "370103")  # the district's workspace knows this park in 市中区
    request = _request(world, tmp_path, "GJWHCK")
    out = tmp_path / "GJWHCK-new.pem"
    controller = _district_window(qtbot, world)
    try:
        dialog, told = _issue_in_window(qtbot, world, request, out)  # the refusal is the box it reads
        assert not out.exists()
        assert "拒绝签发" in told[0] and "市中区" in told[0] and "Traceback" not in told[0]
        assert dialog.issued.rowCount() == 0
        dialog.close()
    finally:
        controller.close()
    from tests.review_kit import PASSPHRASE as DISTRICT_PASSPHRASE

    secret = tmp_path / "secret"
    secret.write_bytes(DISTRICT_PASSPHRASE)
    run = subprocess.run([sys.executable, "-m", "parkdesk", "keys", "issue", str(world.reviewer),
                          district_identity_name(world.reviewer), str(request), "--out", str(out),
                          "--passphrase-file", str(secret)], capture_output=True, text=True)
    assert run.returncode != 0 and "拒绝签发" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()


def district_identity_name(path) -> str:
    from parkdesk.db.workspace import open_workspace
    from parkdesk.review.setup import district_identity

    with open_workspace(path) as workspace, workspace.session() as session:
        return district_identity(session).name


@pytest.mark.parametrize("role", ["reviewer", "city"])
def test_a_district_or_city_workspace_is_made_from_the_file_menu(qtbot, tmp_path, role):
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

    from parkdesk.db.workspace import open_workspace
    from parkdesk.ui.app import build_window, create_application
    from parkdesk.ui.jobs import SynchronousRunner
    from tests.gui_walk import DialogScript

    create_application("zh")
    window, controller = build_window(None, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.show()
    path = tmp_path / f"{role}.parkdesk"
    told = []

    def fill(dialog):
        role_box = dialog.findChild(QComboBox, "new_desk_role")
        role_box.setCurrentIndex(role_box.findData(role))
        if role == "reviewer":
            district = dialog.findChild(QComboBox, "new_desk_district")
            district.setCurrentIndex(district.findData("370112"))
            dialog.findChild(QLineEdit, "new_desk_passphrase").setText("district-secret")
            dialog.findChild(QLineEdit, "new_desk_passphrase_again").setText("district-secret")
        dialog.findChild(QLineEdit, "new_desk_path").setText(str(path))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    def read(box):
        told.append(box.text() + box.informativeText())
        box.accept()

    steps = [fill, read] if role == "reviewer" else [fill]
    try:
        with DialogScript(qtbot, steps) as script:
            window.findChild(type(controller.review.identities_action), "action_new_desk_workspace").trigger()
            qtbot.waitUntil(lambda: script.done, timeout=20000)
        assert not script.errors, script.errors
        with open_workspace(path) as workspace:
            info = workspace.info()
        assert info["role"] == role
        if role == "reviewer":
            assert info["district"] == "370112" and "历城区" in told[0] and "来电核对" in told[0]
            assert window.pages.currentWidget() is controller.review.inbox
        else:
            assert window.pages.currentWidget() is controller.review.city_desk
    finally:
        controller.close()
