"""The review history in words, for the window and the command line: who did what, when, where."""

from __future__ import annotations

from dataclasses import replace

from parkdesk.errors import ParkdeskError
from parkdesk.reference.choices import label_of
from parkdesk.review.comments import EDITED, TAKEN_BACK, parse_location
from parkdesk.review.states import ACTION_COMMENT, REVIEW_STATES
from parkdesk.texts import text
from parkdesk.validation.location_text import describe
from parkdesk.review.times import shown_time



def event_line(event, lang: str = "zh", rows: dict[str, str] | None = None) -> str:
    """`2026-12-05 09:22  高新区商务局  提出意见  指标 › 产业规模: 请核实`; `rows` names the rows of comments
    (location key → row label, from the entry's comments)."""
    state = label_of(REVIEW_STATES, event.state, lang) if event.state and event.action != ACTION_COMMENT else ""
    words = text(f"review.action.{event.action}", lang) + (f" → {state}" if state else "")
    note = comment_note(event.note, lang, rows) if event.action == ACTION_COMMENT else (event.note or "")
    return f"{shown_time(event.at)}  {event.actor}  {words}" + (f"  {note}" if note else "")


def comment_note(note: str | None, lang: str, rows: dict[str, str] | None = None) -> str:
    """A comment event's note (`[removed |edited ]section/record/id/field: text`) with the place in words, the
    row named when `rows` (location key → row label) knows it."""
    if not note:
        return ""
    prefix = ""
    for marker, key in ((TAKEN_BACK, "review.history.taken_back"), (EDITED, "review.history.edited")):
        if note.startswith(marker):
            note, prefix = note[len(marker):], text(key, lang) + " "
    where, _, said = note.partition(": ")
    try:
        location = parse_location(where)
        where = describe(replace(location, row_label=(rows or {}).get(where) or location.row_label), lang)
    except (ParkdeskError, KeyError):
        pass  # an older note: shown as it was written
    return f"{prefix}{where}: {said}"
