"""Identities and the signed package from the GUI: create, export, trust with the fingerprint shown, build, verify."""

from __future__ import annotations

import stat

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
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from parkdesk.app import identities
    from parkdesk.db.workspace import open_workspace
    from parkdesk.ui.app import build_window, create_application
    from parkdesk.ui.jobs import SynchronousRunner
    from tests.gui_walk import DialogScript
    from tests.review_kit import PASSPHRASE as DISTRICT_PASSPHRASE
    from tests.review_kit import make_world

    world = make_world(tmp_path / "world", demo_path)
    request = tmp_path / "QLRJY-new.csr"
    with open_workspace(world.operator) as workspace:
        identities.create_operator_identity(workspace, "QLRJY-new", "QLRJY", PASSPHRASE)
        identities.request_certificate(workspace, "QLRJY-new", PASSPHRASE, request)
    create_application("zh")
    window, controller = build_window(world.reviewer, "zh", SynchronousRunner("zh"))
    qtbot.addWidget(window)
    window.show()
    told = []
    try:
        action = controller.review.identities_action
        assert action.isVisible()
        action.trigger()
        from parkdesk.ui.identity_dialog import IdentityDialog

        dialog = window.findChildren(IdentityDialog)[-1]
        assert dialog.issue_button.isVisible()

        def type_name(path):
            def step(file_dialog):
                assert isinstance(file_dialog, QFileDialog)
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

        issued = tmp_path / "QLRJY-new.pem"
        with DialogScript(qtbot, [type_name(request), passphrase, type_name(issued), read]) as script:
            qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        assert script.done and not script.errors, script.errors
        certificate = read_certificate_file(issued)[0]
        assert "QLRJY" in certificate.subject.rfc4514_string()
        assert certificate.issuer == world.district_certificate().subject
        from cryptography.hazmat.primitives import hashes

        first_bytes = ":".join(f"{b:02X}" for b in certificate.fingerprint(hashes.SHA256())[:4])
        assert first_bytes in told[0] and "电话" in told[0]
        dialog.close()
    finally:
        controller.close()
