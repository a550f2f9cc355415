"""A deterministic demo workspace: the plan's 12 parks with three years of reports."""
