"""The district officer's desk: receive packages into the inbox, review, comment, decide, write the receipt."""

from __future__ import annotations

from dataclasses import dataclass
import tempfile
from pathlib import Path
from typing import Callable

from parkdesk.db.workspace import Workspace
from parkdesk.errors import InputProblem
from parkdesk.history.year_over_year import Comparison, compare_years
from parkdesk.packages.keyring import workspace_decryptor
from parkdesk.review.comments import Comment, add_comment, entry_comments, parse_location
from parkdesk.review.decisions import review_history, set_state
from parkdesk.review.inbox import Received, import_packages
from parkdesk.review.inbox_rows import InboxRow, current_entry_for, get_entry, inbox_row, list_inbox
from parkdesk.review.receipt_build import BuiltReceipt, make_receipt as build_receipt
from parkdesk.review.setup import district_identity
from parkdesk.validation.engine import validate_report
from parkdesk.validation.findings import Location

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
    validation: object | None = None  # the imported report's ValidationResult (findings, justifications)
    resubmission: object | None = None  # parkdesk.review.resubmission.Resubmission: changes since the one replaced


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


def district_overview(workspace: Workspace, rows: list[InboxRow] | None = None):
    """The district's parks × the plan's years: not received, refused only, or the standing package's state;
    `rows` is the inbox when the caller has just read it."""
    from parkdesk.review.district_overview import district_overview as overview

    with workspace.session() as session:
        return overview(session, list_inbox(session) if rows is None else rows)


def review_sheet(workspace: Workspace, entry_id: int, out: Path, lang: str = "zh") -> Path:
    """The entry's review sheet (findings, justifications, comments, history, decision): a PDF when `out` ends
    in .pdf, else a workbook whose 审核意见 sheet is the comments' export."""
    from parkdesk.review.review_sheet import write_review_sheet

    with workspace.session() as session:
        return write_review_sheet(session, entry_id, out, lang)


def inbox_row_of(workspace: Workspace, entry_id: int) -> InboxRow:
    with workspace.session() as session:
        return inbox_row(session, entry_id)


def resubmission(workspace: Workspace, entry_id: int, lang: str = "zh"):
    """What changed since the package this one replaced (fields, rows added/removed/changed), with the comments
    on the replaced one; None when it replaced none."""
    from parkdesk.review.resubmission import resubmission as changes

    with workspace.session() as session:
        return changes(session, entry_id, lang)


def open_kept_package(workspace: Workspace, entry_id: int, path: Path) -> int:
    """A received package as it came (a superseded one included) written as a read-only workspace at `path`;
    the id of its report there."""
    from parkdesk.review.inbox_rows import readable_copy

    with workspace.session() as session:
        return readable_copy(session, entry_id, path)


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


def entry_details(workspace: Workspace, entry_id: int, lang: str = "zh") -> EntryDetails:
    """An entry's row, the comments made on it, its history, the year-over-year comparison of its report and
    what changed since the package it replaced."""
    from parkdesk.review.resubmission import resubmission as changes

    with workspace.session() as session:
        row = inbox_row(session, entry_id)
        return EntryDetails(row, tuple(entry_comments(session, entry_id)), tuple(review_history(session, entry_id)),
                            compare_years(session, row.report_id) if row.report_id else None,
                            validate_report(session, row.report_id) if row.report_id else None,
                            changes(session, entry_id, lang) if row.verified else None)


def comment(workspace: Workspace, entry_id: int, location: "str | Location", text: str):
    """A comment on a section, a record or a field of the entry's report: the location as its key
    (enterprises/enterprise/12/uscc) or in words as `validate` and `review show` print it
    ("重点企业、配套企业名录表 › 某某有限公司 › 统一社会信用代码")."""
    from parkdesk.review.location_words import parse_words

    with workspace.writing() as session:
        if isinstance(location, Location):  # the window's: with the words that name its row
            where = location
        elif "/" in location and "›" not in location and ">" not in location:
            where = parse_location(location)
        else:
            entry = get_entry(session, entry_id)
            if entry.report_id is None:
                raise InputProblem("review.not_current", entry=entry_id)
            where = parse_words(session, entry.report_id, location,
                                validate_report(session, entry.report_id).findings)
        return add_comment(session, entry_id, where, text, author=reviewer_name(workspace))


def edit_comment(workspace: Workspace, comment_id: int, text: str) -> None:
    """Reword a comment not yet sent with a receipt."""
    from parkdesk.review.comments import edit_comment as edit

    with workspace.writing() as session:
        edit(session, comment_id, text, actor=reviewer_name(workspace))


def remove_comment(workspace: Workspace, comment_id: int) -> None:
    """Take back a comment not yet sent with a receipt."""
    from parkdesk.review.comments import remove_comment as remove

    with workspace.writing() as session:
        remove(session, comment_id, actor=reviewer_name(workspace))


def decide(workspace: Workspace, entry_id: int, state: str, note: str | None = None) -> InboxRow:
    """Set the review state of the package standing for its park and year; the entry as it now stands."""
    with workspace.writing() as session:
        set_state(session, entry_id, state, actor=reviewer_name(workspace), note=note)
    with workspace.session() as session:
        return inbox_row(session, entry_id)


def reviewer_name(workspace: Workspace) -> str:
    """Who comments and decides: the district's identity (its name, as its certificate states it), else the
    workspace's actor (the OS login) where the district has no identity yet."""
    from parkdesk.errors import ParkdeskError

    try:
        with workspace.session() as session:
            return district_identity(session).name
    except ParkdeskError:
        return workspace.actor


def district_signing_identity(workspace: Workspace, name: str | None = None) -> str:
    """The district identity that signs receipts and roll-ups: `name`, else the district's own."""
    with workspace.session() as session:
        return district_identity(session, name).name


def make_receipt(workspace: Workspace, entry_id: int, out: Path, identity: str, passphrase: bytes) -> BuiltReceipt:
    """The signed receipt of the entry's decision (returned or approved), with its comments, to `out`."""
    from parkdesk.app.identities import signer_for

    signer = signer_for(workspace, identity, passphrase)
    with workspace.writing() as session:
        return build_receipt(session, entry_id, out, signer, actor=reviewer_name(workspace))


@dataclass(frozen=True)
class ExportedEntry:
    folder: Path
    files: tuple[Path, ...]  # what was written: the summary PDF, the workbook, the attachments (original names)


def export_entry(workspace: Workspace, entry_id: int, folder: Path) -> ExportedEntry:
    """The documents a received package carries — its summary.pdf, report.xlsx and attachments under their
    original names — written into `folder` (each file whole or not at all). The inbox keeps every package as
    received and already decrypted, so an encrypted one needs no passphrase here."""
    import json

    from parkdesk.atomic_files import write_atomically
    from parkdesk.packages.layout import REPORT_JSON, SUMMARY, WORKBOOK
    from parkdesk.packages.opening import open_package
    from parkdesk.review.stored_files import file_bytes

    with workspace.session() as session:
        entry = get_entry(session, entry_id)
        if entry.file_id is None:
            raise InputProblem("review.nothing_to_export", entry=entry_id)
        data = file_bytes(session, entry.file_id)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="parkdesk-export-") as scratch:
        package = Path(scratch) / "package.zip"
        package.write_bytes(data)
        with open_package(package) as opened:
            names = set(opened.zip.names())
            wanted = [(name, name.rsplit("/", 1)[1]) for name in (SUMMARY, WORKBOOK) if name in names]
            document = json.loads(opened.zip.read(REPORT_JSON)) if REPORT_JSON in names else {}
            taken: set[str] = set()
            for attachment in document.get("attachments", []):
                path, original = attachment.get("path"), _safe_file_name(attachment.get("filename") or "")
                if path in names and original:
                    wanted.append((path, _unique(original, taken)))
            written = []
            for member, name in wanted:
                written.append(write_atomically(folder / name, opened.zip.read(member)))
    return ExportedEntry(folder, tuple(written))


def _safe_file_name(name: str) -> str:
    """An attachment's original name as a file name here: no folders, nothing a file system refuses."""
    name = Path(name.replace("\\", "/")).name.strip().lstrip(".")
    return "".join("_" if ch in '<>:"|?*' or ord(ch) < 32 else ch for ch in name)[:200]


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    candidate, number = name, 2
    while candidate.casefold() in taken or candidate in ("summary.pdf", "report.xlsx"):
        candidate = f"{stem} ({number}){dot}{suffix}" if dot else f"{name} ({number})"
        number += 1
    taken.add(candidate.casefold())
    return candidate
