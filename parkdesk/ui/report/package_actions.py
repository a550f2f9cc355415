"""Build the signed submission package of a finalized report, with progress, as a job off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from parkdesk.app import packages
from parkdesk.errors import ParkdeskError
from parkdesk.reports import status
from parkdesk.ui.file_dialogs import open_file, save_file
from parkdesk.ui.i18n import TranslationContext
from parkdesk.ui.identity_dialog import PassphraseDialog
from parkdesk.ui.jobs import Job


class PackageActions(TranslationContext):
    """The translation context of this module's texts."""


def package_job(parent, controller, out: Path, identity: str, passphrase: bytes,
                encrypt_to: Path | None = None) -> Job:
    workspace, report_id, lang = controller.workspace, controller.report_id, controller.lang
    return controller.runner.job(parent, PackageActions.tr("Building the signed package…"), lambda progress: (
        packages.build_package(workspace, report_id, out, identity, passphrase, encrypt_to=encrypt_to, lang=lang,
                               progress=progress)))


def build_package_interactively(parent, controller) -> Job | None:
    if controller.status not in status.PACKAGEABLE:
        QMessageBox.information(parent, PackageActions.tr("Signed package"),
                                PackageActions.tr("Only a finalized report is packaged. Finalize it first."))
        return None
    try:
        name = packages.signing_identity(controller.workspace, controller.report_id)
    except ParkdeskError:  # the core's message names the command line's way; the window offers its own
        answer = QMessageBox.question(
            parent, PackageActions.tr("Signed package"),
            PackageActions.tr("A package is signed with the park operator's identity, and this workspace has none "
                              "for %1 yet. Create it now under Identities…?").replace("%1", controller.park_name))
        if answer == QMessageBox.StandardButton.Yes and hasattr(parent, "show_identities"):
            parent.show_identities()
        return None
    dialog = PassphraseDialog(parent, PackageActions.tr("Passphrase of %1").replace("%1", name), confirm=False)
    if not dialog.exec():
        return None
    default = f"{controller.park_code}-{controller.year}.parkpkg"
    chosen = save_file(parent, PackageActions.tr("Save the signed package"), default,
                       "parkdesk (*.parkpkg *.parkpkg.p7m)")
    if not chosen:
        return None
    recipient = None
    answer = QMessageBox.question(parent, PackageActions.tr("Encrypt?"),
                                  PackageActions.tr("Encrypt the package to the district's certificate, so only the "
                                            "district can open it?"))
    if answer == QMessageBox.StandardButton.Yes:
        certificate = open_file(parent, PackageActions.tr("District certificate"),
                                "PEM (*.pem *.crt *.cer)")
        if not certificate:
            return None
        recipient = Path(certificate)
    job = package_job(parent, controller, chosen, name, dialog.passphrase(), recipient)
    job.finished.connect(lambda built: parent.message.emit(
        PackageActions.tr("Package written: %1 — fingerprint of the signer %2")
        .replace("%1", str(built.path)).replace("%2", built.signer_fingerprint)))
    job.failed.connect(lambda text: QMessageBox.warning(parent, PackageActions.tr("Signed package"), text))
    return job.start()
