"""Every user action is one use case of parkdesk.app, reached alike from the command line and from the window
(issue 18): each catalogued use case exists, its command is in `parkdesk --help`, its action or button is in the
window of the desk it belongs to — or the catalogue says why not, and that list stays short."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from sqlalchemy import select

from parkdesk.app.catalog import USE_CASES
from parkdesk.cli.main import build_parser
from parkdesk.db.models import Park
from parkdesk.ui.app import build_window, create_application
from parkdesk.ui.jobs import SynchronousRunner

MAX_EXCEPTIONS = 9  # a few deliberate command-only (or window-only) actions, each with its reason


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    paths = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths.add(prefix + (name,))
                paths |= command_paths(sub, prefix + (name,))
    return paths


def test_every_use_case_is_a_function_of_the_application_layer():
    for case in USE_CASES:
        function = getattr(importlib.import_module(case.module), case.attribute, None)
        assert callable(function), case.name
    assert len({case.name for case in USE_CASES}) == len(USE_CASES)


def test_every_use_case_has_a_command_or_says_why():
    commands = command_paths(build_parser())
    for case in USE_CASES:
        if case.cli is None:
            assert case.missing, case.name
        else:
            assert case.cli in commands, (case.name, case.cli)


@pytest.fixture(scope="module")
def window_objects(qapp, tmp_path_factory, demo_master) -> set[str]:
    """The object names of every action and button in the operator's window (a report open, its identities
    dialog), a district's window (inbox, a review open) and the city's window."""
    from parkdesk.demo.review_demo import build_city_demo, build_reviewer_demo

    create_application("zh")
    folder = tmp_path_factory.mktemp("catalog")
    names: set[str] = set()

    def collect(*roots) -> None:
        for root in roots:
            names.update(child.objectName() for child in root.findChildren(QObject) if child.objectName())

    operator = folder / "operator.sqlite"
    operator.write_bytes(demo_master.read_bytes())
    window, controller = build_window(operator, "zh", SynchronousRunner("zh"))
    with controller.workspace.session() as session:
        park_id = session.scalar(select(Park.id).where(Park.code == "QLRJY"))
    view = controller.reports.open(park_id, 2024)
    dialog = view.show_identities()
    collect(window, dialog)
    dialog.close()
    controller.reports.close()
    controller.close()

    reviewer = folder / "reviewer.sqlite"
    build_reviewer_demo(reviewer, enterprises=3)
    window, controller = build_window(reviewer, "zh", SynchronousRunner("zh"))
    inbox = controller.review.inbox
    row = next(number for number, entry in enumerate(inbox.rows) if entry.report_id is not None)
    inbox.open_row(row)
    collect(window)
    controller.reports.close()
    controller.close()

    city = folder / "city.sqlite"
    build_city_demo(city, enterprises=3)
    window, controller = build_window(city, "zh", SynchronousRunner("zh"))
    collect(window)
    controller.close()
    return names


def test_every_use_case_has_a_window_action_or_says_why(window_objects):
    for case in USE_CASES:
        if case.gui is None:
            assert case.missing, case.name
        else:
            assert case.gui in window_objects, (case.name, case.gui)


def test_the_list_of_exceptions_is_short_and_each_says_why():
    exceptions = [case for case in USE_CASES if case.cli is None or case.gui is None]
    assert len(exceptions) <= MAX_EXCEPTIONS, [case.name for case in exceptions]
    assert all(len(case.missing) > 20 for case in exceptions)


def test_docs_architecture_lists_every_exception_with_its_reason():
    document = (Path(__file__).parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in document.splitlines() if line.startswith("| `")}
    exceptions = [case for case in USE_CASES if case.cli is None or case.gui is None]
    assert [case.name for case in exceptions if case.name not in rows or case.missing not in rows[case.name]] == []
