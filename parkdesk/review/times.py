"""Times as the workspace stores them: naive UTC."""

from __future__ import annotations

from datetime import datetime, timezone


def naive_utc(text: str | None) -> datetime | None:
    """An ISO time from a document as naive UTC (None stays None)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


def local_time(moment: datetime | None) -> datetime | None:
    """A stored time (naive UTC) in this computer's local time, for people: a district in Jinan reads 17:05, not
    09:05 (None stays None)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def shown_time(moment: datetime | None) -> str:
    """`2026-12-05 17:05` in local time; "—" for no time."""
    return "—" if moment is None else f"{local_time(moment):%Y-%m-%d %H:%M}"
