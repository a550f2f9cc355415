"""The first-run wizard: choose the language, create or open a workspace, pick the park and the first year.

It only collects a `FirstRunChoice` (in `.choice` once accepted); `parkdesk.first_run.apply_first_run`
carries it out. Choosing a language emits `language_changed(lang)`: connect it to
`parkdesk.ui.i18n.install_translator` and the pages retranslate themselves live.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication

from parkdesk.ui.i18n import install_translator
from PySide6.QtWidgets import QWizard

from parkdesk.first_run import CREATE, FirstRunChoice
from parkdesk.reference.parks import PLAN_PARK_BY_CODE
from parkdesk.ui.first_run_pages import (
    PAGE_LANGUAGE, PAGE_NEW_PARK, PAGE_PARK, PAGE_WORKSPACE, PAGE_YEAR, LanguagePage, WorkspacePage, YearPage,
)
from parkdesk.ui.first_run_park_pages import NewParkPage, ParkPage


class FirstRunWizard(QWizard):
    language_changed = Signal(str)

    def __init__(self, parent=None, lang: str = "zh"):
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.lang = lang
        self.choice: FirstRunChoice | None = None
        self.language_page = LanguagePage(lang)
        self.workspace_page = WorkspacePage(lang)
        self.park_page = ParkPage(lang)
        self.new_park_page = NewParkPage(lang)
        self.year_page = YearPage(lang)
        for page_id, page in self._pages():
            self.setPage(page_id, page)
        self.setStartId(PAGE_LANGUAGE)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page.language_chosen.connect(self.set_language)
        self.setMinimumSize(820, 640)
        self.retranslate()

    def _pages(self):
        return ((PAGE_LANGUAGE, self.language_page), (PAGE_WORKSPACE, self.workspace_page),
                (PAGE_PARK, self.park_page), (PAGE_NEW_PARK, self.new_park_page), (PAGE_YEAR, self.year_page))

    def set_language(self, lang: str) -> None:
        """Show reference data in `lang` and tell the application, which may install its translator."""
        if lang == self.lang:
            return
        self.lang = lang
        install_translator(QApplication.instance(), lang)  # first: the pages' labels are made with tr()
        for _, page in self._pages():
            page.set_lang(lang)
        self.language_changed.emit(lang)

    def summary_parts(self) -> tuple[str, str, str | None]:
        """(workspace file, park, category key) as chosen so far, for the last page's summary."""
        workspace = str(self.workspace_page.path())
        if self.park_page.is_new_park():
            details = self.new_park_page.details()
            return workspace, f"{details['name'].strip()} ({details['code'].strip().upper()})", details["category"]
        code = self.park_page.park_code()
        if code is None:
            return workspace, "", None
        return workspace, f"{PLAN_PARK_BY_CODE[code].name} ({code})", PLAN_PARK_BY_CODE[code].category

    def collect(self) -> FirstRunChoice:
        """The choice the pages hold now."""
        action = self.workspace_page.action()
        path = self.workspace_page.path()
        if action != CREATE:
            return FirstRunChoice(lang=self.lang, action=action, path=path)
        common = {"lang": self.lang, "action": action, "path": path, "year": self.year_page.year(),
                  "overwrite": self.workspace_page.overwrite()}
        if self.park_page.is_new_park():
            return FirstRunChoice(**common, new_park=self.new_park_page.checked_details())
        return FirstRunChoice(**common, park_code=self.park_page.park_code(),
                              division_code=self.park_page.division_code())

    def accept(self) -> None:
        self.choice = self.collect()
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Getting started — parkdesk"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
