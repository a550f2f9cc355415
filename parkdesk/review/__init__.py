"""The district's side and what answers it: inbox, review, decision receipts, year over year, roll-ups.

    reviewer workspace   parkdesk.review.setup.create_reviewer_workspace / create_city_workspace
    inbox                parkdesk.review.inbox.import_packages, parkdesk.review.inbox_rows.list_inbox
    review               parkdesk.review.decisions.set_state, parkdesk.review.comments.add_comment
    receipts             parkdesk.review.receipt_build.make_receipt, parkdesk.review.receipt_import.import_receipt
    year over year       parkdesk.history.year_over_year.compare_years
    roll-ups             parkdesk.review.rollup_build.build_rollup, parkdesk.review.rollup_import.import_rollups
"""

