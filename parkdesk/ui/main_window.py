"""The main window: a frame of pages, menus and a status bar; the work lives in controllers."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from parkdesk import __version__
from parkdesk.ui.park_list_model import ParkListModel
from parkdesk.ui.park_list_view import ParkListView
from parkdesk.ui.qt_settings import window_settings
from parkdesk.ui.welcome_view import WelcomeView


def default_size() -> tuple[int, int]:
    """1200×760 where the screen has room; on a 1024×768 screen, what fits beside the taskbar."""
    screen = QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is None or room.width() <= 0:
        return 1000, 700
    return min(1200, room.width() - 24), min(760, room.height() - 40)


class MainWindow(QMainWindow):
    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.lang = lang
        self.park_model = ParkListModel(lang, self)
        self.park_list = ParkListView(self.park_model, lang)
        self.welcome = WelcomeView()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.park_list)
        self.setCentralWidget(self.pages)

        self.open_action = QAction(self.tr("&Open workspace…"), self)
        self.open_action.setObjectName("action_open_workspace")
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.new_action = QAction(self.tr("&New workspace…"), self)
        self.new_action.setObjectName("action_new_workspace")
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_desk_action = QAction(self.tr("New district or city workspace…"), self)
        self.new_desk_action.setObjectName("action_new_desk_workspace")
        self.demo_action = QAction(self.tr("Create &demo workspace"), self)
        self.demo_action.setObjectName("action_demo")
        self.chinese_action = QAction("中文", self, checkable=True, checked=lang == "zh")
        self.chinese_action.setObjectName("action_language_zh")
        self.english_action = QAction("English", self, checkable=True, checked=lang == "en")
        self.english_action.setObjectName("action_language_en")
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("action_quit")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self.tr("&About parkdesk"), self)
        self.about_action.setObjectName("action_about")
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action, self.demo_action, self.new_desk_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.report_menu = self.menuBar().addMenu(self.tr("&Report"))  # the open report's actions
        self.report_menu.menuAction().setVisible(False)
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        language_menu.addActions([self.chinese_action, self.english_action])
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

        self.workspace_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.workspace_label, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.show_no_workspace()
        self.resize(*default_size())
        self._restore_geometry()

    def show_no_workspace(self) -> None:
        self.setWindowTitle("parkdesk")
        self.pages.setCurrentWidget(self.welcome)
        self.workspace_label.setText(self.tr("No workspace open"))
        self.counts_label.clear()

    def show_workspace(self, name: str, path: str, parks) -> None:
        self.setWindowTitle(self.tr("%1 — parkdesk").replace("%1", name))
        self.park_model.set_parks(parks)
        self.pages.setCurrentWidget(self.park_list)
        self.workspace_label.setText(path)
        reports = sum(len(p.reports) for p in parks)
        self.counts_label.setText(
            self.tr("%1 parks · %2 annual reports").replace("%1", str(len(parks))).replace("%2", str(reports))
        )

    def show_report(self, view) -> None:
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        self.counts_label.setText("")
        self.statusBar().addPermanentWidget(view.saved_label)
        view.saved_label.show()
        self.report_menu.clear()
        for action in view.menu_actions():
            if action is None:
                self.report_menu.addSeparator()
            else:
                self.report_menu.addAction(action)
        self.report_menu.menuAction().setVisible(True)

    def hide_report(self, view) -> None:
        """The report is closed: its page, its saved/read-only label and its menu go with it."""
        self.pages.removeWidget(view)
        self.statusBar().removeWidget(view.saved_label)
        view.saved_label.deleteLater()
        self.report_menu.clear()
        self.report_menu.menuAction().setVisible(False)

    def about_text(self) -> str:
        return self.tr("parkdesk %1\nAnnual reports of Jinan's service-trade (outsourcing) parks.").replace(
            "%1", __version__
        )

    def _restore_geometry(self) -> None:
        geometry = window_settings().value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:
        window_settings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
