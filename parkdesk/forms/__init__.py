"""Declarative definitions of the annual report: sections, fields, indicators, rules.

The one source that the GUI, Excel, PDF and validation read. No Qt here.
"""
