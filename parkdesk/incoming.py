"""Files that come from other people (a package, a receipt, a roll-up): which kind, and which workspace takes them.

A file manager hands such a file to `parkdesk FILE` on a double-click; the
GUI then imports it into a workspace of the right role, or says where it
belongs.
"""

from __future__ import annotations

from pathlib import Path

from parkdesk.messages import register

register({
    "gui.file_missing": ("文件不存在:{path}", "The file does not exist: {path}"),
    "gui.package_needs_reviewer": (
        "数据包须导入区县的审核工作区:{path}。当前工作区不是审核工作区({workspace})。"
        "请先打开(或创建)审核工作区,再从中导入该数据包。",
        "A package is imported into a district's reviewer workspace: {path}. The current workspace is not a "
        "reviewer workspace ({workspace}). Open (or create) a reviewer workspace first, then import the package "
        "there.",
    ),
    "gui.receipt_needs_operator": (
        "审核回执须导入园区运营机构的工作区:{path}。当前工作区不是运营机构工作区({workspace})。"
        "请先打开报送该年报的工作区,再从中导入回执。",
        "A review receipt is imported into the park operator's workspace: {path}. The current workspace is not an "
        "operator workspace ({workspace}). Open the workspace the report was sent from first, then import the "
        "receipt there.",
    ),
    "gui.rollup_needs_city": (
        "区县汇总包须导入市局的工作区:{path}。当前工作区不是市局工作区({workspace})。"
        "请先打开(或创建)市局工作区,再从中导入该汇总包。",
        "A district roll-up is imported into the city bureau's workspace: {path}. The current workspace is not a "
        "city workspace ({workspace}). Open (or create) the city workspace first, then import the roll-up there.",
    ),
    "gui.no_last_workspace": ("尚未打开过工作区", "no workspace opened yet"),
    "gui.handed_over": ("已交给正在运行的 parkdesk 窗口(进程 {pid}):{path}",
                        "Handed to the parkdesk window already running (process {pid}): {path}"),
})

PACKAGE, RECEIPT, ROLLUP = "package", "receipt", "rollup"
# longest suffix first: an encrypted package is FILE.parkpkg.p7m
INCOMING_SUFFIXES = ((".parkpkg.p7m", PACKAGE), (".parkpkg", PACKAGE), (".parkreview", RECEIPT),
                     (".parkrollup", ROLLUP))
# the workspace role each kind of file is imported into: reviewers import packages, operators receipts, the city
# roll-ups
IMPORTED_BY_ROLE = {PACKAGE: "reviewer", RECEIPT: "operator", ROLLUP: "city"}
NEEDS_ROLE_MESSAGE = {PACKAGE: "gui.package_needs_reviewer", RECEIPT: "gui.receipt_needs_operator",
                      ROLLUP: "gui.rollup_needs_city"}


def incoming_kind(path: Path) -> str | None:
    """PACKAGE, RECEIPT or ROLLUP by the file's name, else None (a workspace)."""
    name = Path(path).name.lower()
    return next((kind for suffix, kind in INCOMING_SUFFIXES if name.endswith(suffix)), None)
