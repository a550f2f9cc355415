"""The first-run wizard driven with clicks and keys; what it collects, and what applying it creates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from sqlalchemy import select

from parkdesk.db.models import Park, Report
from parkdesk.db.workspace import open_workspace
from parkdesk.errors import WorkspaceError
from parkdesk.first_run import CREATE, OPEN, FirstRunChoice, apply_first_run
from parkdesk.reference.parks import PLAN_PARKS
from parkdesk.settings import load_settings
from parkdesk.ui.first_run_pages import PAGE_NEW_PARK, PAGE_PARK, PAGE_WORKSPACE, PAGE_YEAR
from parkdesk.ui.first_run_wizard import FirstRunWizard

NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton


@pytest.fixture
def wizard(qtbot):
    from PySide6.QtWidgets import QApplication

    from parkdesk.ui.i18n import install_translator

    install_translator(QApplication.instance(), "en")  # no translator left over from other tests: source texts
    wizard = FirstRunWizard(lang="zh")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, widget):
    """Click where the user would: on a check or radio button's indicator, which sits at its left end."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(min(8, widget.width() // 2), widget.height() // 2))


def press(qtbot, wizard, which):
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    click(qtbot, button)


def can_go_on(wizard) -> bool:
    return wizard.button(NEXT).isEnabled()


def type_path(qtbot, wizard, path):
    edit = wizard.workspace_page.path_edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, str(path))


def choose(qtbot, combo, steps: int):
    """Move a closed combo box down `steps` entries with the arrow key, as a keyboard user does."""
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def click_park_row(qtbot, table, row: int):
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_create_a_workspace_for_a_plan_park(qtbot, wizard, tmp_path):
    target = tmp_path / "sub" / "hjt.sqlite"
    press(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_WORKSPACE
    type_path(qtbot, wizard, target)
    press(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_PARK
    assert not can_go_on(wizard)  # no park chosen yet
    hjt = next(i for i, p in enumerate(PLAN_PARKS) if p.code == "HJT")
    click_park_row(qtbot, wizard.park_page.table, hjt)
    assert wizard.park_page.park_code() == "HJT" and can_go_on(wizard)
    choose(qtbot, wizard.park_page.division_combo, 2)  # Set it later → 历下区 → 市中区
    assert wizard.park_page.division_combo.currentText() == "市中区"
    press(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_YEAR
    assert "山东宏济堂制药集团股份有限公司 (HJT)" in wizard.year_page.summary.text()
    qtbot.keyClick(wizard.year_page.year_combo, Qt.Key.Key_Up)  # the default 2024 → 2023
    assert "创新示范" in wizard.year_page.summary.text()  # 2023's theme for a first-class park
    press(qtbot, wizard, FINISH)

    assert wizard.choice == FirstRunChoice(lang="zh", action=CREATE, path=target, park_code="HJT",
                                           division_code="370103", year=2023)
    assert apply_first_run(wizard.choice) == target
    with open_workspace(target) as workspace, workspace.session() as session:
        report = session.scalars(select(Report)).one()
        assert (report.park.code, report.park.division_code, report.year) == ("HJT", "370103", 2023)
    settings = load_settings()
    assert (settings.language, settings.last_workspace) == ("zh", str(target))


def test_a_new_park_in_english_cannot_go_on_until_its_details_are_valid(qtbot, wizard, tmp_path):
    with qtbot.waitSignal(wizard.language_changed) as signal:
        click(qtbot, wizard.language_page.buttons["en"])
    assert signal.args == ["en"]
    assert wizard.park_page.table.item(0, 2).text() == "Striving for first-class"  # reference data follows
    press(qtbot, wizard, NEXT)
    type_path(qtbot, wizard, tmp_path / "new.sqlite")
    press(qtbot, wizard, NEXT)
    click(qtbot, wizard.park_page.new_radio)
    assert not wizard.park_page.table.isEnabled()
    press(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_NEW_PARK
    page = wizard.new_park_page
    assert not can_go_on(wizard) and page.problem.text() == ""  # nothing typed: no scolding yet

    qtbot.keyClicks(page.name_edit, "Jinan Test Park")
    assert not can_go_on(wizard)
    assert "'Short code' is required" in page.problem.text()
    qtbot.keyClicks(page.code_edit, "qlrjy")
    assert page.code_edit.text() == "QLRJY"  # capitals as you type
    assert "belongs to the plan's park" in page.problem.text() and not can_go_on(wizard)
    page.code_edit.clear()
    qtbot.keyClicks(page.code_edit, "jntp")
    assert "'District or functional zone' is required" in page.problem.text()
    choose(qtbot, page.division_combo, 13)  # past the 12 districts and counties: the first zone
    assert page.division_combo.currentText() == "高新区 (functional zone)"
    choose(qtbot, page.domain_combo, 6)
    assert page.domain_combo.currentText() == "Human resources" and not can_go_on(wizard)
    choose(qtbot, page.category_combo, 1)  # its level defaults to "not yet recognised"; validation warns later
    assert page.category_combo.currentText() == "Striving for first-class"
    assert can_go_on(wizard) and page.problem.text() == ""
    page.name_edit.clear()  # a blank name stops the user again
    assert not can_go_on(wizard) and "'Park name' is required" in page.problem.text()
    qtbot.keyClicks(page.name_edit, "Jinan Test Park ")
    assert can_go_on(wizard)
    press(qtbot, wizard, NEXT)
    assert "Jinan Test Park (JNTP)" in wizard.year_page.summary.text()
    assert "Brand breakthrough" in wizard.year_page.summary.text()
    press(qtbot, wizard, FINISH)

    choice = wizard.choice
    assert (choice.lang, choice.action, choice.park_code, choice.year) == ("en", CREATE, None, 2024)
    assert choice.new_park == {"name": "Jinan Test Park", "code": "JNTP", "division_code": "Z01",
                               "domain": "human_resources", "category": "first_class", "level": "none",
                               "operator_org": None}
    apply_first_run(choice)
    with open_workspace(choice.path) as workspace, workspace.session() as session:
        park = session.scalars(select(Park)).one()
        assert (park.name, park.code, park.is_plan_park, len(park.reports)) == ("Jinan Test Park", "JNTP", False, 1)
    assert load_settings().language == "en"


def test_an_existing_file_needs_confirmation_and_a_folder_is_refused(qtbot, wizard, tmp_path):
    existing = tmp_path / "old.sqlite"
    existing.write_text("old")
    press(qtbot, wizard, NEXT)
    page = wizard.workspace_page
    type_path(qtbot, wizard, tmp_path)
    assert not can_go_on(wizard) and page.problem.text() in ("This is a folder; enter a file name.",
                                                             "这是一个文件夹,请填写文件名。")
    type_path(qtbot, wizard, existing)
    assert not can_go_on(wizard) and page.replace_check.isVisible()
    click(qtbot, page.replace_check)
    assert can_go_on(wizard) and page.overwrite()
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Backspace)  # another name: nothing to confirm
    assert can_go_on(wizard) and not page.replace_check.isVisible() and not page.overwrite()
    page.path_edit.selectAll()
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Delete)
    assert not can_go_on(wizard) and page.problem.text()


def test_open_an_existing_workspace_finishes_on_the_workspace_page(qtbot, wizard, workspace_path, tmp_path):
    press(qtbot, wizard, NEXT)
    click(qtbot, wizard.workspace_page.open_radio)
    type_path(qtbot, wizard, tmp_path / "missing.sqlite")
    assert not wizard.button(FINISH).isEnabled()
    type_path(qtbot, wizard, workspace_path)
    assert not wizard.button(NEXT).isVisible()
    press(qtbot, wizard, FINISH)
    assert wizard.choice == FirstRunChoice(lang="zh", action=OPEN, path=workspace_path)
    assert apply_first_run(wizard.choice) == workspace_path
    assert load_settings().last_workspace == str(workspace_path)


def test_opening_a_file_that_is_not_a_workspace_is_refused_and_not_remembered(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    with pytest.raises(WorkspaceError):
        apply_first_run(FirstRunChoice(lang="en", action=OPEN, path=junk))
    assert load_settings().last_workspace is None


def test_browse_fills_in_the_chosen_file(qtbot, wizard, tmp_path, monkeypatch):
    chosen = tmp_path / "picked.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(chosen), ""))
    press(qtbot, wizard, NEXT)
    click(qtbot, wizard.workspace_page.browse_button)
    assert wizard.workspace_page.path() == chosen and can_go_on(wizard)



def test_keyboard_only(qtbot, wizard, tmp_path):
    def key(k, times=1, modifier=Qt.KeyboardModifier.NoModifier):
        for _ in range(times):
            qtbot.keyClick(wizard.focusWidget(), k, modifier)

    key(Qt.Key.Key_Down)  # 中文 → English
    assert wizard.lang == "en"
    key(Qt.Key.Key_Return)  # Next, the default button
    key(Qt.Key.Key_Tab)  # from the radio buttons to the file
    assert wizard.focusWidget() is wizard.workspace_page.path_edit
    key(Qt.Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(wizard.focusWidget(), str(tmp_path / "keys.sqlite"))
    key(Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_PARK
    key(Qt.Key.Key_Down)  # the plan's parks → a new park
    assert wizard.park_page.is_new_park()
    key(Qt.Key.Key_Return)
    assert wizard.focusWidget() is wizard.new_park_page.name_edit
    qtbot.keyClicks(wizard.focusWidget(), "Keyboard Park")
    key(Qt.Key.Key_Tab)
    qtbot.keyClicks(wizard.focusWidget(), "kbp")
    for steps in (1, 1, 3):  # district, domain, category: Tab to each, arrow down
        key(Qt.Key.Key_Tab)
        key(Qt.Key.Key_Down, steps)
    key(Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_YEAR
    key(Qt.Key.Key_Return)  # Finish
    assert wizard.choice.new_park == {"name": "Keyboard Park", "code": "KBP", "division_code": "370102",
                                      "domain": "digital_trade", "category": "startup", "level": "none",
                                      "operator_org": None}
    assert (wizard.choice.lang, wizard.choice.path.name) == ("en", "keys.sqlite")


def test_the_new_park_page_is_built_from_the_park_form(wizard):
    from parkdesk.forms.model import CHOICE
    from parkdesk.forms.sections import RECORD_BY_KEY
    from parkdesk.ui.first_run_park_pages import NEW_PARK_FIELDS

    page, record = wizard.new_park_page, RECORD_BY_KEY["park"]
    for key, letter in NEW_PARK_FIELDS:
        field = record.field(key)
        assert page.labels[key].text() == f"{field.text('zh')}(&{letter.upper()}):"  # the form's label, in zh
        assert page.labels[key].buddy() is page.editors[key]
        if field.type == CHOICE:
            combo = page.editors[key]
            shown = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count()) if combo.itemData(i)]
            assert shown == [(label.zh, choice) for choice, label in field.choices]
    assert page.name_edit.maxLength() == record.field("name").max_length
    assert page.level_combo.currentData() == "none" and page.domain_combo.currentData() is None
    wizard.set_language("en")
    assert page.labels["code"].text() == "Short &code:" and page.domain_combo.itemText(1) == "Digital trade"
