"""Opening the GUI: the one place the command line hands over to parkdesk.ui.

The GUI is imported by name, at call time, so every other command runs
without Qt installed or a display present.

`parkdesk FILE` opens FILE as a workspace, unless it is a package (.parkpkg,
.parkpkg.p7m), a review receipt (.parkreview) or a district roll-up (.parkrollup):
a file manager hands those over on a double-click. `route_gui_argument` decides
what to open then.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.messages import message, register
from parkdesk.settings import load_settings

register({
    "gui.file_missing": ("文件不存在:{path}", "The file does not exist: {path}"),
    "gui.package_needs_reviewer": (
        "数据包须导入区县的审核工作区:{path}。上次使用的工作区不是审核工作区({workspace})。"
        "请先打开(或创建)审核工作区,再从中导入该数据包。",
        "A package is imported into a district's reviewer workspace: {path}. The workspace used last is not a "
        "reviewer workspace ({workspace}). Open (or create) a reviewer workspace first, then import the package "
        "there.",
    ),
    "gui.receipt_needs_operator": (
        "审核回执须导入园区运营机构的工作区:{path}。上次使用的工作区不是运营机构工作区({workspace})。"
        "请先打开报送该年报的工作区,再从中导入回执。",
        "A review receipt is imported into the park operator's workspace: {path}. The workspace used last is not an "
        "operator workspace ({workspace}). Open the workspace the report was sent from first, then import the "
        "receipt there.",
    ),
    "gui.rollup_needs_city": (
        "区县汇总包须导入市局的工作区:{path}。上次使用的工作区不是市局工作区({workspace})。"
        "请先打开(或创建)市局工作区,再从中导入该汇总包。",
        "A district roll-up is imported into the city bureau's workspace: {path}. The workspace used last is not a "
        "city workspace ({workspace}). Open (or create) the city workspace first, then import the roll-up there.",
    ),
    "gui.no_last_workspace": ("尚未打开过工作区", "no workspace opened yet"),
})

PACKAGE, RECEIPT, ROLLUP = "package", "receipt", "rollup"
# longest suffix first: an encrypted package is FILE.parkpkg.p7m
INCOMING_SUFFIXES = ((".parkpkg.p7m", PACKAGE), (".parkpkg", PACKAGE), (".parkreview", RECEIPT),
                     (".parkrollup", ROLLUP))
# the workspace role each kind of file is imported into (issue 8: reviewers import packages, operators receipts;
# the city imports the districts' roll-ups)
IMPORTED_BY_ROLE = {PACKAGE: "reviewer", RECEIPT: "operator", ROLLUP: "city"}
NEEDS_ROLE_MESSAGE = {PACKAGE: "gui.package_needs_reviewer", RECEIPT: "gui.receipt_needs_operator",
                      ROLLUP: "gui.rollup_needs_city"}


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
            params["workspace"] = message("gui.no_last_workspace", lang)
        return message(self.notice, lang, **params)


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def incoming_kind(path: Path) -> str | None:
    """PACKAGE, RECEIPT or ROLLUP by the file's name, else None (a workspace)."""
    name = path.name.lower()
    return next((kind for suffix, kind in INCOMING_SUFFIXES if name.endswith(suffix)), None)


def workspace_role(path: Path) -> str | None:
    """The role recorded in a workspace file, read without opening it for writing; None if unreadable."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1)
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


def launch_gui(workspace: Path | None, lang: str, screenshot: Path | None = None, new_workspace: bool = False) -> int:
    if not has_display():
        print(message("cli.no_display", lang), file=sys.stderr)
        return 2
    target = route_gui_argument(workspace)
    notice = target.notice_text(lang)
    if notice:
        print(notice, file=sys.stderr)
    app = importlib.import_module("parkdesk.ui.app")
    return app.run(target.workspace, lang=lang, screenshot=screenshot, new_workspace=new_workspace)
