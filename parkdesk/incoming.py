"""Files that come from other people (a package, a receipt, a roll-up): which kind, and which workspace takes them.

A file manager hands such a file to `parkdesk FILE` on a double-click; the
GUI then imports it into a workspace of the right role, or says where it
belongs.
"""

from __future__ import annotations

from pathlib import Path


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
