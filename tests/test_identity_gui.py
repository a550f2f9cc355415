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
