"""Build the signed submission package of a finalized report, with progress, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import read_certificate_file
from parkdesk.identity.store import chain_of, certificate_of, operator_identity_for, unlock
from parkdesk.packages.build import Signer, build_package
from parkdesk.reports import status
from parkdesk.ui.background import BackgroundJob
from parkdesk.ui.identity_dialog import PassphraseDialog


def package_job(parent, controller, out: Path, passphrase: bytes, encrypt_to: Path | None = None) -> BackgroundJob:
    workspace, report_id, lang, park_code = controller.workspace, controller.report_id, controller.lang, \
        controller.park_code

    def work(progress):
        recipient = read_certificate_file(encrypt_to)[0] if encrypt_to is not None else None
        with workspace.session() as session:
            identity = operator_identity_for(session, park_code)
            signer = Signer(unlock(identity, passphrase), certificate_of(identity), chain_of(identity))
            built = build_package(session, report_id, out, signer, actor=workspace.actor, encrypt_to=recipient,
                                  lang=lang, progress=progress)  # commits its record
        return built

    return BackgroundJob(parent, parent.tr("Building the signed package…"), work, lang)


def build_package_interactively(parent, controller) -> BackgroundJob | None:
    if controller.status not in status.PACKAGEABLE:
        QMessageBox.information(parent, parent.tr("Signed package"),
                                parent.tr("Only a finalized report is packaged. Finalize it first."))
        return None
    try:
        with controller.workspace.session() as session:
            name = operator_identity_for(session, controller.park_code).name
    except ParkdeskError as error:
        QMessageBox.information(parent, parent.tr("Signed package"),
                                error.message(controller.lang) + "\n\n" +
                                parent.tr("Create one under Identities… first."))
        return None
    dialog = PassphraseDialog(parent, parent.tr("Passphrase of %1").replace("%1", name), confirm=False)
    if not dialog.exec():
        return None
    default = f"{controller.park_code}-{controller.year}.parkpkg"
    chosen, _ = QFileDialog.getSaveFileName(parent, parent.tr("Save the signed package"), default,
                                            "parkdesk (*.parkpkg *.parkpkg.p7m)")
    if not chosen:
        return None
    recipient = None
    answer = QMessageBox.question(parent, parent.tr("Encrypt?"),
                                  parent.tr("Encrypt the package to the district's certificate, so only the "
                                            "district can open it?"))
    if answer == QMessageBox.StandardButton.Yes:
        certificate, _ = QFileDialog.getOpenFileName(parent, parent.tr("District certificate"), "",
                                                     "PEM (*.pem *.crt *.cer)")
        if not certificate:
            return None
        recipient = Path(certificate)
    job = package_job(parent, controller, Path(chosen), dialog.passphrase(), recipient)
    job.finished.connect(lambda built: parent.message.emit(
        parent.tr("Package written: %1 — fingerprint of the signer %2")
        .replace("%1", str(built.path)).replace("%2", built.signer_fingerprint)))
    job.failed.connect(lambda text: QMessageBox.warning(parent, parent.tr("Signed package"), text))
    return job.start()
