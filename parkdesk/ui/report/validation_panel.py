"""The findings of the last validation, listed; activating one opens its page at its field or row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from parkdesk.ui.report.findings_style import MARK_COLOUR
from parkdesk.validation.findings import ERROR, WARNING

ORDER = {ERROR: 0, WARNING: 1}


class ValidationPanel(QWidget):
    finding_activated = Signal(object)  # Finding

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.summary = QLabel(self.tr("Validating…"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("findings")
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Where"), self.tr("Problem"), self.tr("Rule")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnWidth(1, 260)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.result = None

    def show_result(self, result) -> None:
        self.result = result
        self.tree.clear()
        names = {ERROR: self.tr("Error"), WARNING: self.tr("Warning")}
        findings = sorted(result.findings, key=lambda f: (ORDER.get(f.severity, 2), f.location.section))
        for finding in findings:
            justified = result.justification(finding) if finding.severity == WARNING else None
            severity = names.get(finding.severity, self.tr("Note"))
            if justified:
                severity += self.tr(" (justified)")
            item = QTreeWidgetItem([severity, finding.location_text(self.lang), finding.message(self.lang),
                                    finding.rule_id])
            item.setData(0, Qt.ItemDataRole.UserRole, finding)
            item.setToolTip(2, finding.message(self.lang) + (f"\n\n{justified}" if justified else ""))
            colour = MARK_COLOUR.get(finding.severity)
            if colour is not None and not justified:
                item.setForeground(0, colour)
            self.tree.addTopLevelItem(item)
        errors, warnings = len(result.errors), len(result.unjustified_warnings)
        if not result.findings:
            self.summary.setText(self.tr("No problems found."))
        else:
            self.summary.setText(self.tr("%1 errors, %2 warnings without a justification")
                                 .replace("%1", str(errors)).replace("%2", str(warnings)))

    def _activated(self, item, _column=0) -> None:
        self.finding_activated.emit(item.data(0, Qt.ItemDataRole.UserRole))
