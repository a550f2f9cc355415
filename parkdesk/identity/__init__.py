"""Signing identities: keys, certificates, requests a district signs, and the reviewer's trust store."""

