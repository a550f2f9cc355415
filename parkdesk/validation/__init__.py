"""The validation engine: rules with stable ids that explain every problem.

`validate_report(session, report_id)` returns a ValidationResult whose
findings carry the rule id, the severity, a location the GUI can jump to,
and a message in Chinese and English.
"""

from parkdesk.validation.findings import ERROR, INFO, RULESET_VERSION, WARNING, Finding, Location

__all__ = ["ERROR", "INFO", "RULESET_VERSION", "WARNING", "Finding", "Location"]
