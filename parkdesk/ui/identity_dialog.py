"""Signing identities and the trust store in the GUI: create, export, request, import, trust — fingerprints shown.

Every action calls the same core functions as `parkdesk keys`; fingerprints
are shown in full so they can be read out and confirmed by phone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from parkdesk.app import identities as app_identities
from parkdesk.errors import ParkdeskError
from parkdesk.identity.certificates import fingerprint, read_certificate_file, subject_text
from parkdesk.ui.file_dialogs import open_file, save_file
from parkdesk.ui.jobs import JobRunner

MIN_PASSPHRASE = 8


class PassphraseDialog(QDialog):
    """A passphrase, typed twice for a new key."""

    def __init__(self, parent, title: str, confirm: bool):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.note = QLabel()
        form = QFormLayout(self)
        form.addRow(self.tr("Passphrase:"), self.first)
        if confirm:
            form.addRow(self.tr("Again:"), self.second)
        self.confirm = confirm
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        text = self.first.text()
        if self.confirm and len(text) < MIN_PASSPHRASE:
            self.note.setText(self.tr("At least %1 characters.").replace("%1", str(MIN_PASSPHRASE)))
        elif self.confirm and text != self.second.text():
            self.note.setText(self.tr("The two entries differ."))
        else:
            self.accept()

    def passphrase(self) -> bytes:
        return self.first.text().encode("utf-8")


def two_lines(fingerprint: str) -> str:
    """A colon-separated SHA-256 fingerprint (32 bytes) as two lines of 16, so it fits a narrow screen."""
    parts = fingerprint.split(":")
    if len(parts) < 4:
        return fingerprint
    half = (len(parts) + 1) // 2
    return ":".join(parts[:half]) + ":\n" + ":".join(parts[half:])


class IdentityDialog(QDialog):
    def __init__(self, workspace, lang: str, park=None, parent=None, runner: JobRunner | None = None):
        super().__init__(parent)
        self.workspace, self.lang, self.park = workspace, lang, park
        self.runner = runner or JobRunner(lang, self)
        self.setWindowTitle(self.tr("Signing identities and trusted certificates"))
        self.identities = self._table([self.tr("Name"), self.tr("Kind"), self.tr("Subject"), self.tr("SHA-256 fingerprint")])
        self.trusted = self._table([self.tr("Kind"), self.tr("Subject"), self.tr("Valid until"),
                                    self.tr("SHA-256 fingerprint")])
        self.create_button = QPushButton(self.tr("Create identity…"))
        self.create_button.setObjectName("button_create_identity")
        self.export_button = QPushButton(self.tr("Export certificate…"))
        self.export_button.setObjectName("button_export_certificate")
        self.request_button = QPushButton(self.tr("Certificate request for the district…"))
        self.request_button.setObjectName("button_request_certificate")
        self.install_button = QPushButton(self.tr("Install issued certificate…"))
        self.install_button.setObjectName("button_install_certificate")
        self.issue_button = QPushButton(self.tr("Issue an operator certificate…"))
        self.issue_button.setObjectName("button_issue_certificate")
        self.issue_button.setToolTip(self.tr("Sign a park operator's certificate request (.csr) with the district's "
                                             "identity"))
        self.issue_button.clicked.connect(lambda: self.issue())
        self.issued = self._table([self.tr("Park code"), self.tr("Subject"), self.tr("Valid until"),
                                   self.tr("Issued"), self.tr("SHA-256 fingerprint")])
        self.issued.setObjectName("issued_certificates")
        self.issued_label = QLabel(self.tr("<b>Operator certificates issued</b> — by this district, to its parks"))
        self.trust_button = QPushButton(self.tr("Trust a certificate…"))
        self.trust_button.setObjectName("button_trust_certificate")
        self.create_button.clicked.connect(lambda: self.create())  # clicked(bool) must not become the name
        self.export_button.clicked.connect(lambda: self.export_certificate())
        self.request_button.clicked.connect(lambda: self.make_request())
        self.install_button.clicked.connect(lambda: self.install_issued())
        self.trust_button.clicked.connect(lambda: self.trust())
        identity_buttons = QHBoxLayout()
        for button in (self.create_button, self.export_button, self.request_button, self.install_button,
                       self.issue_button):
            identity_buttons.addWidget(button)
        identity_buttons.addStretch(1)
        trust_buttons = QHBoxLayout()
        trust_buttons.addWidget(self.trust_button)
        trust_buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Your identities</b> — the private key stays in this workspace, "
                                        "encrypted with your passphrase")))
        layout.addWidget(self.identities)
        layout.addLayout(identity_buttons)
        layout.addWidget(self.issued_label)
        layout.addWidget(self.issued)
        layout.addWidget(QLabel(self.tr("<b>Trusted certificates</b> — confirm each fingerprint by phone "
                                        "before trusting it")))
        layout.addWidget(self.trusted)
        layout.addLayout(trust_buttons)
        layout.addWidget(close)
        self.resize(980, 600)  # fits a 1024×768 screen: fingerprints are shown on two lines
        self.reload()

    @staticmethod
    def _table(headers) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(True)
        return table

    def reload(self) -> None:
        identities = [(i.name, i.kind, i.subject, i.fingerprint) for i in app_identities.identities(self.workspace)]
        trusted = [(t.kind, t.subject, t.not_after.date().isoformat(), t.fingerprint)
                   for t in app_identities.trusted(self.workspace)]
        issued = [(i.park_code, i.subject, i.not_after.date().isoformat(), i.issued_at.date().isoformat(),
                   i.fingerprint) for i in app_identities.issued_certificates(self.workspace)]
        kinds = {"operator": self.tr("park operator"), "district": self.tr("district (CA)"),
                 "ca": self.tr("certificate authority"), "signer": self.tr("signer")}
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for table, rows, kind_column in ((self.identities, identities, 1), (self.trusted, trusted, 0),
                                         (self.issued, issued, None)):
            table.setRowCount(len(rows))
            for row, values in enumerate(rows):
                for column, value in enumerate(values):
                    text = kinds.get(value, value) if column == kind_column else str(value)
                    if column == len(values) - 1:  # the fingerprint, to be read out: two lines of 16 bytes
                        text = two_lines(text)
                    item = QTableWidgetItem(text)
                    item.setToolTip(str(value))
                    if column == len(values) - 1:
                        item.setFont(mono)
                    table.setItem(row, column, item)
            table.resizeRowsToContents()
        district = any(i[1] == "district" for i in identities)
        self.issue_button.setVisible(district)
        self.issued_label.setVisible(district)
        self.issued.setVisible(district)
        for button in (self.create_button, self.request_button, self.install_button):  # a park operator's
            button.setVisible(self.park is not None)

    def district_identity(self) -> str | None:
        """The district identity of this workspace (a small CA), if it has one."""
        return next((i.name for i in app_identities.identities(self.workspace) if i.kind == "district"), None)

    def issue(self, request: Path | None = None, out: Path | None = None,
              passphrase: bytes | None = None) -> Path | None:
        """签发: the district signs an operator's request; the new certificate's fingerprint is shown large, to be
        read out to the park on the phone before they install it."""
        district = self.district_identity()
        if district is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("This workspace has no district identity."))
            return None
        request = request or open_file(self, self.tr("The operator's certificate request"), "CSR (*.csr);;* (*)")
        if request is None:
            return None
        if passphrase is None:
            dialog = PassphraseDialog(self, self.tr("Passphrase of %1").replace("%1", district), confirm=False)
            if not dialog.exec():
                return None
            passphrase = dialog.passphrase()
        out = out or save_file(self, self.tr("Save the issued certificate"), f"{request.stem}.pem", "PEM (*.pem)")
        if out is None:
            return None
        try:
            certificate = self.runner.write_now(lambda: app_identities.issue_operator_certificate(
                self.workspace, district, passphrase, request, out))
        except ParkdeskError as error:
            self._fail(error)
            return None
        self.reload()  # the list of certificates issued
        from cryptography.hazmat.primitives import hashes

        fingerprint = two_lines(":".join(f"{b:02X}" for b in certificate.fingerprint(hashes.SHA256())))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Certificate issued"), "", parent=self)
        box.setText(self.tr("Issued to %1, written to %2. Read this fingerprint out to the park on the phone "
                            "before they install it:").replace("%1", certificate.subject.rfc4514_string())
                    .replace("%2", str(out)))
        box.setInformativeText(f"<pre style='font-size:15pt'>{fingerprint}</pre>")
        box.exec()
        return out

    def selected_identity(self) -> str | None:
        row = self.identities.currentRow()
        if row < 0 and self.identities.rowCount() == 1:
            row = 0
        return self.identities.item(row, 0).text() if row >= 0 else None

    def _fail(self, error: ParkdeskError) -> None:
        QMessageBox.warning(self, self.windowTitle(), error.message(self.lang))

    # --- actions (each takes optional arguments so tests and scripts can skip the dialogs) ------------------

    def create(self, name: str | None = None, passphrase: bytes | None = None) -> bool:
        if self.park is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Open a park's report first."))
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Create identity"), self.tr("Name of the identity:"),
                                            text=f"{self.park.code}-operator")
            if not ok:
                return False
        if passphrase is None:
            dialog = PassphraseDialog(self, self.tr("Passphrase for the new key"), confirm=True)
            if not dialog.exec():
                return False
            passphrase = dialog.passphrase()
        try:
            self.runner.write_now(lambda: app_identities.create_operator_identity(
                self.workspace, name, self.park.code, passphrase, organization=self.park.operator_org,
                common_name=self.park.name))
        except ParkdeskError as error:
            self._fail(error)
            return False
        self.reload()
        return True

    def export_certificate(self, path: Path | None = None) -> Path | None:
        name = self.selected_identity()
        if name is None:
            return None
        if path is None:
            chosen = save_file(self, self.tr("Export certificate"), f"{name}.pem", "PEM (*.pem)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            app_identities.export_certificate(self.workspace, name, path)
        except ParkdeskError as error:
            self._fail(error)
            return None
        return path

    def make_request(self, path: Path | None = None, passphrase: bytes | None = None) -> Path | None:
        name = self.selected_identity()
        if name is None:
            return None
        if passphrase is None:
            dialog = PassphraseDialog(self, self.tr("Passphrase of %1").replace("%1", name), confirm=False)
            if not dialog.exec():
                return None
            passphrase = dialog.passphrase()
        if path is None:
            chosen = save_file(self, self.tr("Certificate request"), f"{name}.csr", "CSR (*.csr)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            return app_identities.request_certificate(self.workspace, name, passphrase, path)
        except ParkdeskError as error:
            self._fail(error)
            return None

    def install_issued(self, path: Path | None = None) -> bool:
        name = self.selected_identity()
        if name is None:
            return False
        if path is None:
            chosen = open_file(self, self.tr("Issued certificate"), "PEM (*.pem *.crt *.cer)")
            if not chosen:
                return False
            path = Path(chosen)
        try:
            self.runner.write_now(lambda: app_identities.install_issued_certificate(self.workspace, name, path))
        except ParkdeskError as error:
            self._fail(error)
            return False
        self.reload()
        return True

    def trust(self, path: Path | None = None, confirmed: bool | None = None) -> bool:
        if path is None:
            chosen = open_file(self, self.tr("Trust a certificate"), "PEM (*.pem *.crt *.cer)")
            if not chosen:
                return False
            path = Path(chosen)
        try:
            cert = read_certificate_file(path)[0]
        except ParkdeskError as error:
            self._fail(error)
            return False
        if confirmed is None:
            answer = QMessageBox.question(
                self, self.tr("Trust this certificate?"),
                self.tr("%1\n\nSHA-256 fingerprint:\n%2\n\nConfirm this fingerprint with its owner by phone. "
                        "Trust it?").replace("%1", subject_text(cert)).replace("%2", fingerprint(cert)))
            confirmed = answer == QMessageBox.StandardButton.Yes
        if not confirmed:
            return False
        try:
            self.runner.write_now(lambda: app_identities.trust(self.workspace, path))
        except ParkdeskError as error:
            self._fail(error)
            return False
        self.reload()
        return True

