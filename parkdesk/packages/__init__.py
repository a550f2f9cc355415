"""Signed submission packages (.parkpkg): a BagIt bag in a ZIP, signed with detached CMS, optionally encrypted."""

