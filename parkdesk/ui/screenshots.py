"""Render every window, page and dialog of the GUI into PNG files, to look at (./dev.sh screenshots).

    python -m parkdesk.ui.screenshots [--out docs/screenshots] [--size 1024x768]

Builds the three demo workspaces (operator, district, city) in a temporary folder and grabs, in Chinese,
the welcome screen, the park list, each section of a report, the identity dialog, the first-run wizard's
pages, the district's inbox, review, changes since a replaced package, year over year, the replaced package,
roll-up tab and identities, and the city's dashboard (each table), evaluation, roll-ups received and
records; in English, the main screens. Runs
offscreen (no display needed). Nothing is written outside --out and the temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m parkdesk.ui.screenshots",
                                     description="Render the GUI's windows, pages and dialogs into PNG files.")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1024x768", help="window size, WIDTHxHEIGHT (default 1024x768)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    width, height = (int(n) for n in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="parkdesk-shots-") as folder:
        os.environ["PARKDESK_CONFIG_DIR"] = str(Path(folder) / "config")  # the user's settings stay untouched
        os.environ["PARKDESK_DATA_DIR"] = str(Path(folder) / "data")
        written = _render_all(Path(folder), args.out, (width, height))
    for path in written:
        print(path)
    return 0


def _render_all(folder: Path, out: Path, size: tuple[int, int]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from parkdesk.app import workspaces

    out.mkdir(parents=True, exist_ok=True)
    paths = {role: folder / f"demo-{role}.sqlite" for role in ("operator", "reviewer", "city")}
    for role, path in paths.items():
        workspaces.create_demo(path, role=role, district="370102", overwrite=True)  # 历下区, as the CLI's demo
    written: list[Path] = []
    for lang in ("zh", "en"):
        written += _operator(paths["operator"], out, size, lang)
    written += _reviewer(paths["reviewer"], out, size)
    written += _city(paths["city"], out, size)
    QApplication.processEvents()
    return written


def _window(path: Path | None, size: tuple[int, int], lang: str):
    from parkdesk.ui.app import build_window, create_application
    from parkdesk.ui.i18n import install_translator
    from parkdesk.ui.jobs import SynchronousRunner

    app = create_application(lang)
    install_translator(app, lang)
    window, controller = build_window(path, lang, SynchronousRunner(lang))
    window.resize(*size)
    window.show()
    _settle()
    return window, controller


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _grab(widget, out: Path, name: str) -> Path:
    _settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    return path


def _park_id(controller, code: str) -> int:
    from sqlalchemy import select

    from parkdesk.db.models import Park

    with controller.workspace.session() as session:
        return session.scalar(select(Park.id).where(Park.code == code))


def _operator(path: Path, out: Path, size, lang: str) -> list[Path]:
    from parkdesk.forms.sections import SECTIONS

    written = []
    window, controller = _window(None, size, lang)
    written.append(_grab(window, out, f"{lang}-welcome"))
    controller.open_path(path)
    written.append(_grab(window, out, f"{lang}-parks"))
    view = controller.reports.open(_park_id(controller, "QLRJY"), 2024)
    keys = [s.key for s in SECTIONS] if lang == "zh" else ["basic", "chain", "path", "enterprises", "indicators"]
    for number, key in enumerate(keys, start=1):
        view.show_section(key)
        written.append(_grab(window, out, f"{lang}-report-{number}-{key}"))
    if lang == "zh":
        dialog = view.show_identities()
        written.append(_grab(dialog, out, "zh-dialog-identities"))
        dialog.close()
        written += _wizard(window, out, lang)
    controller.reports.close()
    controller.close()
    window.close()
    return written


def _wizard(window, out: Path, lang: str) -> list[Path]:
    from parkdesk.ui.first_run_wizard import FirstRunWizard

    wizard = FirstRunWizard(window, lang)
    wizard.show()
    written = []
    for number in range(1, 6):
        written.append(_grab(wizard, out, f"{lang}-wizard-{number}"))
        if not wizard.button(wizard.WizardButton.NextButton).isEnabled():
            if number == 3:  # the park page: choose the first of the plan's parks to go on
                wizard.park_page.table.selectRow(0)
            if not wizard.button(wizard.WizardButton.NextButton).isEnabled():
                break
        wizard.next()
    wizard.close()
    return written


def _reviewer(path: Path, out: Path, size) -> list[Path]:
    """The district's desk: inbox, a review with its panels, a resubmission's changes, the replaced package,
    the roll-up tab, the identity dialog; the inbox and the review in English too."""
    from parkdesk.ui.review.kept_package_window import KeptPackageWindow

    written = []
    for lang in ("zh", "en"):
        window, controller = _window(path, size, lang)
        inbox = controller.review.inbox
        written.append(_grab(window, out, f"{lang}-district-inbox"))
        rows = [inbox.entry_at(r) for r in range(inbox.table.rowCount())]
        resubmitted = next((r for r, e in enumerate(rows) if e.current and e.supersedes_package_id), None)
        if resubmitted is not None and inbox.open_row(resubmitted):
            view = controller.reports.view
            written.append(_grab(window, out, f"{lang}-district-review"))
            if lang == "zh":
                for name, panel in (("changes", view.resubmission_panel), ("year-over-year",
                                                                           view.year_over_year_panel)):
                    if panel is not None:
                        view.lower.setCurrentWidget(panel)
                        written.append(_grab(window, out, f"zh-district-{name}"))
                if view.resubmission_panel is not None:
                    view.resubmission_panel.open_previous.click()
                    kept = [w for w in window.findChildren(KeptPackageWindow) if w.isVisible()]
                    if kept:
                        kept[0].resize(*size)
                        written.append(_grab(kept[0], out, "zh-district-replaced-package"))
                        kept[0].close()
            controller.review.inbox_action.trigger()
        if lang == "zh":
            inbox = controller.review.inbox
            inbox.tabs.setCurrentIndex(1)
            written.append(_grab(window, out, "zh-district-rollup"))
            dialog = controller.review.show_identities()
            written.append(_grab(dialog, out, "zh-district-identities"))
            dialog.close()
            from parkdesk.ui.new_desk_dialog import NewDeskDialog

            new_desk = NewDeskDialog(window)
            new_desk.show()
            written.append(_grab(new_desk, out, "zh-dialog-new-desk-workspace"))
            new_desk.close()
        controller.reports.close()
        controller.close()
        window.close()
    return written


def _city(path: Path, out: Path, size) -> list[Path]:
    """The city's desk: the dashboard and each of its tables, the evaluation, the roll-ups received; the
    dashboard and the evaluation in English too."""
    written = []
    for lang in ("zh", "en"):
        window, controller = _window(path, size, lang)
        desk = controller.review.city_desk
        written.append(_grab(window, out, f"{lang}-city-dashboard"))
        if lang == "zh":
            lower = desk.dashboard.lower
            for index, name in enumerate(("coverage", "districts", "parks", "year-end")):
                lower.setCurrentIndex(index)
                written.append(_grab(window, out, f"zh-city-dashboard-{name}"))
        desk.setCurrentWidget(desk.evaluation)
        written.append(_grab(window, out, f"{lang}-city-evaluation"))
        if lang == "zh":
            desk.setCurrentWidget(desk.rollups)
            written.append(_grab(window, out, "zh-city-rollups"))
            desk.setCurrentWidget(desk.records)
            written.append(_grab(window, out, "zh-city-records"))
        controller.close()
        window.close()
    return written


if __name__ == "__main__":
    sys.exit(main())
