"""Opening the GUI: the one place the command line hands over to parkdesk.ui.

The GUI is imported by name, at call time, so every other command runs
without Qt installed or a display present.

`parkdesk FILE` opens FILE as a workspace, unless it is a package (.parkpkg,
.parkpkg.p7m), a review receipt (.parkreview) or a roll-up (.parkrollup): a file
manager hands those over on a double-click. `route_gui_argument` decides what to
open then. When a parkdesk window already holds that workspace, the file goes to
that window (parkdesk.handover) and this process ends without touching it.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.db import workspace_lock
from parkdesk.db.sqlite_files import connect_file
from parkdesk.handover import hand_over
from parkdesk.incoming import (  # noqa: F401  (PACKAGE, RECEIPT, ROLLUP, INCOMING_SUFFIXES: the kinds routed here)
    IMPORTED_BY_ROLE, INCOMING_SUFFIXES, NEEDS_ROLE_MESSAGE, PACKAGE, RECEIPT, ROLLUP, incoming_kind,
)
from parkdesk.settings import load_settings
from parkdesk.texts import text


@dataclass(frozen=True)
class GuiTarget:
    """What the GUI opens: a workspace, optionally a file to import into it, or a notice to show."""

    workspace: Path | None  # None: the GUI opens the workspace used last (or its welcome page)
    incoming: Path | None = None  # a package or receipt to import into `workspace` once it is open
    incoming_kind: str | None = None  # PACKAGE | RECEIPT | ROLLUP
    notice: str | None = None  # a message key (parkdesk.messages) to show instead of importing
    notice_params: dict = field(default_factory=dict)

    def notice_text(self, lang: str) -> str | None:
        if not self.notice:
            return None
        params = dict(self.notice_params)
        if params.get("workspace", "") is None:
            params["workspace"] = text("gui.no_last_workspace", lang)
        return text(self.notice, lang, **params)


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def workspace_role(path: Path) -> str | None:
    """The role recorded in a workspace file, read without opening it for writing; None if unreadable or held."""
    if workspace_lock.holder_of(path) is not None:
        return None
    try:
        connection = connect_file(path, "ro", timeout=1)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = connection.execute("SELECT value FROM workspace_info WHERE key = 'role'").fetchone()
        return row[0] if row else None
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def route_gui_argument(argument: Path | None) -> GuiTarget:
    """What `parkdesk [FILE]` opens.

    A workspace (or nothing) opens as given. A package goes into the workspace used last when that
    is a reviewer workspace, a receipt when it is an operator workspace, a roll-up when it is the
    city's; otherwise the GUI opens the last workspace as usual and shows the notice, which says
    where the file belongs.
    """
    kind = incoming_kind(argument) if argument is not None else None
    if kind is None:
        return GuiTarget(argument)
    last_text = load_settings().last_workspace
    last = Path(last_text) if last_text and Path(last_text).is_file() else None
    if not argument.is_file():
        return GuiTarget(last, notice="gui.file_missing", notice_params={"path": argument})
    if last is not None and workspace_role(last) == IMPORTED_BY_ROLE[kind]:
        return GuiTarget(last, incoming=argument, incoming_kind=kind)
    return GuiTarget(last, notice=NEEDS_ROLE_MESSAGE[kind], notice_params={"path": argument, "workspace": last})


def held_by_window(argument: Path | None) -> workspace_lock.Holder | None:
    """The window holding the workspace `parkdesk [argument]` would use (the argument, else the last one)."""
    if argument is not None and incoming_kind(argument) is None:
        candidate = argument
    else:
        last_text = load_settings().last_workspace
        candidate = Path(last_text) if last_text else None
    if candidate is None:
        return None
    holder = workspace_lock.holder_of(candidate)
    return holder if holder is not None and holder.kind == workspace_lock.WINDOW else None


def launch_gui(workspace: Path | None, lang: str, screenshot: Path | None = None, new_workspace: bool = False) -> int:
    if not has_display():
        print(text("cli.no_display", lang), file=sys.stderr)
        return 2
    holder = held_by_window(workspace) if screenshot is None else None
    if holder is not None:
        given = workspace or Path(load_settings().last_workspace)
        if holder.channel and hand_over(holder.channel, [given]):
            print(text("gui.handed_over", lang, pid=holder.pid, path=given))
            return 0
        app = importlib.import_module("parkdesk.ui.app")
        return app.show_refusal(workspace_lock.held_error(given, holder).message(lang), lang)
    target = route_gui_argument(workspace)
    notice = target.notice_text(lang)
    if notice:
        print(notice, file=sys.stderr)
    app = importlib.import_module("parkdesk.ui.app")
    incoming = [target.incoming] if target.incoming is not None else None
    return app.run(target.workspace, lang=lang, screenshot=screenshot, incoming=incoming,
                   new_workspace=new_workspace)
