"""The workspace: one SQLite file behind typed SQLAlchemy 2 models."""
