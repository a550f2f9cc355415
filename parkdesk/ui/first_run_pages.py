"""The first-run wizard's page ids, shared page helpers, and the language, workspace and year pages.

Pages only collect and check input; parkdesk.first_run.apply_first_run does the work.
Widget texts are English sources for Qt Linguist; reference data (domains, categories,
stages) shows in the wizard's language and follows it when the user switches.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
    QVBoxLayout, QWizardPage,
)

from parkdesk.first_run import CREATE, OPEN, default_workspace_path
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.stages import PLAN_YEARS, STAGE_BY_YEAR, stage_theme
from parkdesk.reference.stages import default_report_year

PAGE_LANGUAGE, PAGE_WORKSPACE, PAGE_PARK, PAGE_NEW_PARK, PAGE_YEAR = range(5)
LANGUAGES = (("zh", "中文"), ("en", "English"))  # each in its own language, never translated
# the same filter as the main window's Open dialog
WORKSPACE_FILTER = "parkdesk (*.sqlite *.parkdesk *.db);;* (*)"


def fill_combo(combo: QComboBox, items: list[tuple[str, object]], placeholder: str | None = None) -> None:
    """Replace the items (text, data), keeping the current choice by its data."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if placeholder is not None:
        combo.addItem(placeholder, None)
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def hint_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("problem")
    label.setStyleSheet("QLabel#problem { color: #b3261e; }")
    return label


class WizardPage(QWizardPage):
    """A page that sets its texts in `retranslate()` and its reference labels in `set_lang()`."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def set_lang(self, lang: str) -> None:
        self.lang = lang

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(WizardPage):
    language_chosen = Signal(str)

    def __init__(self, lang: str):
        super().__init__(lang)
        self.buttons = {code: QRadioButton(name) for code, name in LANGUAGES}
        self.buttons.get(lang, self.buttons["zh"]).setChecked(True)
        layout = QVBoxLayout(self)
        for code, button in self.buttons.items():
            button.toggled.connect(lambda checked, code=code: checked and self.language_chosen.emit(code))
            layout.addWidget(button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def chosen(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())

    def retranslate(self) -> None:
        self.setTitle("语言 / Language")
        self.setSubTitle(self.tr("Welcome to parkdesk. Choose the language of the program."))
        self.note.setText(self.tr("You can change the language later in the settings."))


class WorkspacePage(WizardPage):
    """Create a new workspace file or open an existing one."""

    def __init__(self, lang: str):
        super().__init__(lang)
        self.create_radio = QRadioButton()
        self.open_radio = QRadioButton()
        self.create_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.create_radio)
        group.addButton(self.open_radio)
        self.path_label = QLabel()
        self.path_edit = QLineEdit(str(default_workspace_path()))
        self.path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton()
        self.replace_check = QCheckBox()
        self.problem = hint_label()
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_radio)
        layout.addWidget(self.open_radio)
        layout.addSpacing(12)
        layout.addWidget(self.path_label)
        layout.addLayout(row)
        layout.addWidget(self.replace_check)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for signal in (self.create_radio.toggled, self.path_edit.textChanged, self.replace_check.toggled):
            signal.connect(self._changed)
        self.browse_button.clicked.connect(self.browse)
        self.retranslate()

    def action(self) -> str:
        return CREATE if self.create_radio.isChecked() else OPEN

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def overwrite(self) -> bool:
        """The user ticked replacing the existing file they chose to create."""
        return self.action() == CREATE and self.path().is_file() and self.replace_check.isChecked()

    def browse(self) -> None:
        start = str(self.path())
        if self.action() == CREATE:  # replacing is confirmed by the check box, not twice
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace file"), start, WORKSPACE_FILTER,
                                                    options=QFileDialog.Option.DontConfirmOverwrite)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), start, WORKSPACE_FILTER)
        if chosen:
            self.path_edit.setText(chosen)

    def problem_text(self) -> str:
        """Why Next is disabled, or "" when the page is complete."""
        if not self.path_edit.text().strip():
            return self.tr("Enter the workspace file.")
        path = self.path()
        if path.is_dir():
            return self.tr("This is a folder; enter a file name.")
        if self.action() == OPEN:
            return "" if path.is_file() else self.tr("The file does not exist.")
        if path.exists() and not self.replace_check.isChecked():
            return self.tr("A file with this name exists. Tick the box to replace it, or choose another name.")
        return ""

    def isComplete(self) -> bool:
        return self.problem_text() == ""

    def nextId(self) -> int:
        return -1 if self.action() == OPEN else PAGE_PARK

    def _changed(self) -> None:
        self.setFinalPage(self.action() == OPEN)  # also makes the wizard swap Next for Finish at once
        self.replace_check.setVisible(self.action() == CREATE and self.path().is_file())
        self.problem.setText(self.problem_text())
        self.completeChanged.emit()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Workspace"))
        self.setSubTitle(self.tr("A workspace is one file that holds your park's annual reports."))
        self.create_radio.setText(self.tr("&Create a new workspace"))
        self.open_radio.setText(self.tr("&Open an existing workspace"))
        self.path_label.setText(self.tr("Workspace f&ile:"))
        self.browse_button.setText(self.tr("Bro&wse…"))
        self.replace_check.setText(self.tr("&Replace the existing file (everything in it will be lost)"))
        self._changed()


class YearPage(WizardPage):
    """The first report's year, and a summary of what will be created."""

    def __init__(self, lang: str):
        super().__init__(lang)
        self.year_label = QLabel()
        self.year_combo = QComboBox()
        self.year_label.setBuddy(self.year_combo)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.year_label)
        row.addWidget(self.year_combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addSpacing(12)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.year_combo.currentIndexChanged.connect(self._update_summary)
        self.set_lang(lang)
        self.year_combo.setCurrentIndex(self.year_combo.findData(default_report_year()))
        self.retranslate()

    def year(self) -> int:
        return self.year_combo.currentData()

    def initializePage(self) -> None:
        self._update_summary()

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        fill_combo(self.year_combo, [(f"{year} — {STAGE_BY_YEAR[year].text(lang)}", year) for year in PLAN_YEARS])
        self._update_summary()

    def _update_summary(self, *_args) -> None:
        wizard = self.wizard()
        workspace, park, category = wizard.summary_parts() if wizard is not None else ("", "", None)
        lines = [self.tr("Workspace file: %1").replace("%1", workspace), self.tr("Park: %1").replace("%1", park)]
        year = self.year_combo.currentData()
        if category and year:
            theme = stage_theme(CATEGORY_BY_KEY[category], year).text(self.lang)
            lines.append(self.tr("Core theme of this stage for the park: %1").replace("%1", theme))
        lines.append(self.tr("The report starts as an empty draft (with the 2024 targets the plan states for "
                             "the park, if any); the program then lists what is still to be entered."))
        self.summary.setText("\n".join(lines))

    def retranslate(self) -> None:
        self.setTitle(self.tr("First annual report"))
        self.setSubTitle(self.tr("The year this report covers. The plan runs from 2022 to 2024."))
        self.year_label.setText(self.tr("Report &year:"))
        self._update_summary()
