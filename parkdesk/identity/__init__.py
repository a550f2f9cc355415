"""Signing identities: keys, certificates, requests a district signs, and the reviewer's trust store."""

from parkdesk.identity import messages  # noqa: F401  (registers the messages)
