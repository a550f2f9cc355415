"""The district officer's desk: receive packages into the inbox, review, comment, decide, write the receipt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from parkdesk.db.workspace import Workspace
from parkdesk.errors import InputProblem
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.review.comments import Comment, add_comment, entry_comments, parse_location
from parkdesk.review.decisions import review_history, set_state
from parkdesk.review.inbox import Received, import_packages
from parkdesk.review.inbox_rows import InboxRow, current_entry_for, get_entry, inbox_row, list_inbox
from parkdesk.review.receipt_build import BuiltReceipt, make_receipt as build_receipt
from parkdesk.review.setup import district_identity
from parkdesk.history.year_over_year import Comparison, compare_years

PassphraseOf = Callable[[str], bytes]


@dataclass(frozen=True)
class Receiving:
    """What became of each file given to the inbox, and its row as the inbox lists it."""

    received: tuple[Received, ...]
    rows: dict[int, InboxRow]


@dataclass(frozen=True)
class EntryDetails:
    row: InboxRow
    comments: tuple[Comment, ...]
    history: tuple
    comparison: Comparison | None


def receive_packages(workspace: Workspace, paths: list[Path], *, passphrase_of: PassphraseOf | None = None,
                     progress: Callable[[int, int], bool] | None = None) -> Receiving:
    """Verify and take in packages (files, or folders searched for them); each file is committed on its own.
    An encrypted package is opened with the district's key (`passphrase_of(identity name)` unlocks it)."""
    with workspace.write_session() as session:
        decrypt = workspace_decryptor(session, passphrase_of) if passphrase_of else None
        received = import_packages(session, paths, actor=workspace.actor, decrypt=decrypt, progress=progress)
        return Receiving(tuple(received), {r.entry_id: inbox_row(session, r.entry_id) for r in received})


def inbox(workspace: Workspace, year: int | None = None) -> list[InboxRow]:
    with workspace.session() as session:
        return list_inbox(session, year=year)


def entry_id_of(workspace: Workspace, value: str) -> int:
    """An entry by its number, or PARK:YEAR for the package standing for that park and year."""
    text = value.strip()
    with workspace.session() as session:
        if text.isdigit():
            return get_entry(session, int(text)).id
        park, colon, year = text.rpartition(":")
        if not colon or not park or not year.isdigit():
            raise InputProblem("review.bad_entry", entry=value)
        return current_entry_for(session, park.strip().upper(), int(year)).id


def entry_details(workspace: Workspace, entry_id: int) -> EntryDetails:
    """An entry's row, the comments made on it, its history and the year-over-year comparison of its report."""
    with workspace.session() as session:
        row = inbox_row(session, entry_id)
        return EntryDetails(row, tuple(entry_comments(session, entry_id)), tuple(review_history(session, entry_id)),
                            compare_years(session, row.report_id) if row.report_id else None)


def comment(workspace: Workspace, entry_id: int, location: str, text: str):
    """A comment on a section, a record or a field of the entry's report (location as `validate` prints it)."""
    with workspace.writing() as session:
        return add_comment(session, entry_id, parse_location(location), text, author=workspace.actor)


def decide(workspace: Workspace, entry_id: int, state: str, note: str | None = None) -> InboxRow:
    """Set the review state of the package standing for its park and year; the entry as it now stands."""
    with workspace.writing() as session:
        set_state(session, entry_id, state, actor=workspace.actor, note=note)
    with workspace.session() as session:
        return inbox_row(session, entry_id)


def district_signing_identity(workspace: Workspace, name: str | None = None) -> str:
    """The district identity that signs receipts and roll-ups: `name`, else the district's own."""
    with workspace.session() as session:
        return district_identity(session, name).name


def make_receipt(workspace: Workspace, entry_id: int, out: Path, identity: str, passphrase: bytes) -> BuiltReceipt:
    """The signed receipt of the entry's decision (returned or approved), with its comments, to `out`."""
    from parkdesk.app.identities import signer_for

    signer = signer_for(workspace, identity, passphrase)
    with workspace.writing() as session:
        return build_receipt(session, entry_id, out, signer, actor=workspace.actor)
