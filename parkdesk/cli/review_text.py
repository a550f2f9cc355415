"""The text (not JSON) output of `parkdesk review show`: one inbox entry in words, in the user's language."""

from __future__ import annotations

from parkdesk.review.history_words import event_line
from parkdesk.texts import text
from parkdesk.cli.report_text import print_findings
from parkdesk.forms.sections import SECTION_BY_KEY
from parkdesk.validation.location_text import describe
from parkdesk.review.times import shown_time


def print_entry(details, lang: str) -> None:
    row = details.row
    yes_no = lambda flag: text("review.show.yes" if flag else "review.show.no", lang)  # noqa: E731
    lines = [
        ("entry", f"#{row.entry_id}"), ("file", row.file_name), ("park", f"{row.park_name}({row.park_code})"),
        ("year", row.year), ("signer", row.signer or "—"), ("fingerprint", row.signer_fingerprint or "—"),
        ("verified", yes_no(row.verified) + (f"({row.reason(lang)})" if row.reason(lang) else "")),
        ("state", row.state_text(lang)),
        ("findings", text("review.show.counts", lang, errors=row.errors, warnings=row.warnings, infos=row.infos)),
        ("encrypted", yes_no(row.encrypted)), ("package", row.package_id or "—"),
        ("received", f"{shown_time(row.received_at)}  {row.received_by}"),
    ]
    if row.supersedes_package_id:
        lines.append(("supersedes", row.supersedes_package_id))
    if row.superseded_by_id:
        lines.append(("superseded_by", f"#{row.superseded_by_id}"))
    if row.stands_approved:
        lines.append(("standing", text("review.show.stands_approved", lang)))
    elif row.replaces_approved:
        lines.append(("standing", text("review.show.replaces_approved", lang)))
    for name, value in lines:
        print(f"{text(f'review.show.{name}', lang)}: {value}")
    validation = details.validation
    if validation is not None:
        print(text("review.show.findings_heading", lang, count=len(validation.findings)))
        print_findings(validation, lang)
    print(text("review.comments", lang, count=len(details.comments)))
    for comment in details.comments:
        sent = f" ({text('review.sent_with_receipt', lang)})" if comment.sent else ""
        print(f"  #{comment.id}  {describe(comment.location, lang)}  [{comment.key}]  {comment.author}: "
              f"{comment.text}{sent}")
    print(text("review.history", lang))
    rows = {c.key: c.location.row_label for c in details.comments if c.location.row_label}
    for event in details.history:
        print("  " + event_line(event, lang, rows))
    if details.resubmission is not None:
        print_resubmission(details.resubmission, lang)
    comparison = details.comparison
    if comparison is not None and comparison.has_previous:
        print(text("review.yoy_summary", lang, previous=comparison.previous_year,
                   added=len(comparison.enterprises.added), removed=len(comparison.enterprises.removed),
                   changed=len(comparison.enterprises.changed), moved=len(comparison.milestones_moved)))


def print_resubmission(resubmission, lang: str) -> None:
    """What the park changed since the package it replaced, and what the district had said on that one."""
    from parkdesk.reference.choices import label_of
    from parkdesk.review.states import REVIEW_STATES

    print(text("review.resubmitted", lang, file=resubmission.previous_file,
               state=label_of(REVIEW_STATES, resubmission.previous_state, lang), count=len(resubmission.changes)))
    for change in resubmission.changes:
        where = " › ".join(part for part in (SECTION_BY_KEY[change.section].text(lang), change.row) if part)
        print(f"  {text(f'review.change.{change.kind}', lang)}  {where}")
        for field in change.fields:
            print(f"      {field.label}: {field.before or '—'} → {field.after or '—'}")
    if resubmission.previous_comments:
        print(text("review.previous_comments", lang))
        for comment in resubmission.previous_comments:
            print(f"  {describe(comment.location, lang)}  {comment.author}: {comment.text}")
