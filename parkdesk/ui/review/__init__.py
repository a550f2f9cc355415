"""The district officer's side of the GUI: the inbox, the review panel, comments and receipts."""
