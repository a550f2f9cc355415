"""A new workspace for a district commerce office (its inbox, with the district identity that signs receipts,
roll-ups and its parks' certificates) or for the city bureau (its dashboard and evaluation)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget,
)

from parkdesk.db.workspace import ROLE_CITY, ROLE_REVIEWER
from parkdesk.reference.districts import DIVISIONS, FUNCTIONAL_ZONES
from parkdesk.ui.file_dialogs import save_file, start_folder
from parkdesk.ui.identity_dialog import MIN_PASSPHRASE


@dataclass(frozen=True)
class NewDesk:
    role: str  # reviewer | city
    path: Path
    district: str | None  # a district office's division code
    passphrase: bytes | None  # of the district identity's key


class NewDeskDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New district or city workspace"))
        self.choice: NewDesk | None = None
        self.role = QComboBox()
        self.role.setObjectName("new_desk_role")
        self.role.addItem(self.tr("District commerce office (receives and reviews its parks' reports)"),
                          ROLE_REVIEWER)
        self.role.addItem(self.tr("City bureau (goals dashboard and yearly evaluation)"), ROLE_CITY)
        self.district = QComboBox()
        self.district.setObjectName("new_desk_district")
        for division in (*DIVISIONS, *FUNCTIONAL_ZONES):
            self.district.addItem(f"{division.name}({division.code})", division.code)
        self.path = QLineEdit(str(start_folder() / "district.parkdesk"))
        self.path.setObjectName("new_desk_path")
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("button_new_desk_browse")
        browse.clicked.connect(lambda: self.browse())
        where = QWidget()
        row = QHBoxLayout(where)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.first.setObjectName("new_desk_passphrase")
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second.setObjectName("new_desk_passphrase_again")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #c62828")
        self.form = QFormLayout(self)
        self.form.addRow(self.tr("Workspace for:"), self.role)
        self.form.addRow(self.tr("District or zone:"), self.district)
        self.form.addRow(self.tr("File:"), where)
        self.form.addRow(self.tr("Passphrase of the district's key:"), self.first)
        self.form.addRow(self.tr("Again:"), self.second)
        self.form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        self.district.currentIndexChanged.connect(lambda _i: self._suggest_name())
        self._role_changed()
        self.resize(640, self.sizeHint().height())

    def _district_office(self) -> bool:
        return self.role.currentData() == ROLE_REVIEWER

    def _role_changed(self) -> None:
        for widget in (self.district, self.first, self.second):
            self.form.setRowVisible(widget, self._district_office())
        self._suggest_name()

    def _suggest_name(self) -> None:
        name = f"{self.district.currentData()}.parkdesk" if self._district_office() else "city.parkdesk"
        self.path.setText(str(Path(self.path.text()).parent / name))

    def browse(self) -> None:
        chosen = save_file(self, self.tr("New workspace"), Path(self.path.text()).name, "parkdesk (*.parkdesk)")
        if chosen is not None:
            self.path.setText(str(chosen))

    def _check(self) -> None:
        path = Path(self.path.text().strip())
        district = self._district_office()
        if not self.path.text().strip() or not path.parent.is_dir():
            self.note.setText(self.tr("Choose a file in an existing folder."))
        elif path.exists():
            self.note.setText(self.tr("%1 exists already; choose another name.").replace("%1", str(path)))
        elif district and len(self.first.text()) < MIN_PASSPHRASE:
            self.note.setText(self.tr("The passphrase needs at least %1 characters.")
                              .replace("%1", str(MIN_PASSPHRASE)))
        elif district and self.first.text() != self.second.text():
            self.note.setText(self.tr("The two passphrases differ."))
        else:
            self.choice = NewDesk(self.role.currentData(), path, self.district.currentData() if district else None,
                                  self.first.text().encode("utf-8") if district else None)
            self.accept()
