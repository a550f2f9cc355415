"""Signed submission packages (.parkpkg): a BagIt bag in a ZIP, signed with detached CMS, optionally encrypted."""

from parkdesk.packages import messages  # noqa: F401  (registers the messages)
