"""Findings looked up by where they point: a section, a row, a field."""

from __future__ import annotations

from collections import defaultdict

from parkdesk.validation.findings import ERROR, WARNING, Finding

_RANK = {ERROR: 2, WARNING: 1}


class FindingIndex:
    def __init__(self, findings: list[Finding] = ()):
        self.findings = list(findings)
        self._by_cell: dict[tuple, list[Finding]] = defaultdict(list)
        self._by_section: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            where = finding.location
            self._by_cell[(where.record, where.record_id, where.field)].append(finding)
            self._by_cell[(where.record, where.record_id, None)].append(finding) if where.field else None
            self._by_section[where.section].append(finding)

    def at(self, record: str, record_id: int | None, field: str | None) -> list[Finding]:
        return self._by_cell.get((record, record_id, field), [])

    def in_section(self, section: str) -> list[Finding]:
        return self._by_section.get(section, [])

    @staticmethod
    def worst(findings: list[Finding]) -> str | None:
        ranked = [f.severity for f in findings if f.severity in _RANK]
        return max(ranked, key=_RANK.get) if ranked else None
