"""Where things are in a decision receipt (.parkreview) and a district roll-up (.parkrollup)."""

from __future__ import annotations

RECEIPT_SUFFIX = ".parkreview"
ROLLUP_SUFFIX = ".parkrollup"
PACKAGE_SUFFIXES = (".parkpkg", ".parkpkg.p7m")  # what a folder given to the inbox is searched for

RECEIPT_JSON = "data/receipt.json"
ROLLUP_JSON = "data/rollup.json"
ROLLUP_PACKAGES_DIR = "data/packages/"

RECEIPT_SCHEMA = "parkdesk-review-receipt"
ROLLUP_SCHEMA = "parkdesk-district-rollup"
