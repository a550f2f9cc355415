"""The yearly evaluation (考核评价): score every park with a counted report, rank, grade, reward; store it.

The plan has a third party evaluate the parks each year (六(三)): where the
city recorded the third party's grade of a park (parkdesk.city.city_records),
that grade decides the park's grade and reward cap, and parkdesk's own score
and grade are shown beside it for reference. Rewards are caps (最高不超过).

`evaluate` computes; `store_evaluation` keeps the scheme (canonical JSON),
its fingerprint and the result (canonical JSON, no time stamps) in the
workspace, so `rerun` can evaluate again with the stored scheme and compare.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.city.city_records import third_party_results
from parkdesk.city.grading import GradeRules, assign_grades, competition_ranks, tier_quotas
from parkdesk.city.rewards import reward_wan_yuan
from parkdesk.city.scoring import ParkScore, ScoringScheme, parse_scheme_json, score_park
from parkdesk.city.years import check_plan_year
from parkdesk.db.models import EvaluationRecord
from parkdesk.errors import InputProblem, WorkspaceError
from parkdesk.figures.numbers import number, shown
from parkdesk.history.park_year import COUNTED_STATUSES, ParkYear, UncountedPark, load_park_years
from parkdesk.reference.choices import REPORT_STATUSES, label_of
from parkdesk.texts import DEFAULT_LANG, text

RESULT_FORMAT = "parkdesk-evaluation"
RESULT_FORMAT_VERSION = 2  # 2: reward caps, third-party grades


class NoCountedReports(InputProblem):
    """No report of the year is finalized, submitted or accepted: nothing to evaluate."""

    def __init__(self, year: int):
        self.year = year
        super().__init__("city.no_reports", year=year, statuses=_statuses(DEFAULT_LANG))

    def message(self, lang: str = DEFAULT_LANG) -> str:
        return text("city.no_reports", lang, year=self.year, statuses=_statuses(lang))


def _statuses(lang: str) -> str:
    return ", ".join(label_of(REPORT_STATUSES, status, lang) for status in COUNTED_STATUSES)


@dataclass(frozen=True)
class ThirdParty:
    grade: str
    score: Decimal | None
    evaluator: str
    document_number: str | None


@dataclass(frozen=True)
class ParkResult:
    park: ParkYear
    rank: int  # competition rank by parkdesk's score: tied parks share it
    score: ParkScore
    grade: str  # the grade that counts: the third party's when recorded, else parkdesk's
    reward: Decimal  # 奖励上限 in 万元: the most the park may be given (最高不超过)
    own_grade: str = ""  # parkdesk's grade, for reference when a third party graded the park
    third_party: ThirdParty | None = None

    @property
    def grade_source(self) -> str:
        return "third_party" if self.third_party is not None else "parkdesk"


@dataclass(frozen=True)
class Evaluation:
    year: int
    scheme: ScoringScheme
    parks: tuple[ParkResult, ...]  # by rank, tied parks by code
    uncounted: tuple[UncountedPark, ...]
    quotas: dict[str, int]  # places per graded tier before ties

    @property
    def fingerprint(self) -> str:
        return self.scheme.fingerprint

    @property
    def grade_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(GradeRules.of(self.scheme).order, 0)
        for result in self.parks:
            counts[result.grade] += 1
        return counts

    @property
    def reward_total(self) -> Decimal:
        return sum((r.reward for r in self.parks), Decimal(0))

    def to_json(self) -> dict:
        scheme = self.scheme
        return {
            "format": RESULT_FORMAT, "format_version": RESULT_FORMAT_VERSION, "year": self.year,
            "scheme": {"name": scheme.name, "fingerprint": self.fingerprint},
            "counted_statuses": list(COUNTED_STATUSES), "park_count": len(self.parks),
            "full_mark": number(scheme.base_points), "bonus_max": number(scheme.bonus_points),
            "pass_threshold": number(scheme.pass_threshold),
            "quotas": {"rounding": scheme.quota_rounding, "ties": scheme.ties, **self.quotas},
            "grade_counts": self.grade_counts, "reward_rule": scheme.reward_rule,
            "reward_cap_total_wan_yuan": number(self.reward_total),
            "third_party_graded": sum(r.third_party is not None for r in self.parks),
            "parks": [_result_json(r) for r in self.parks],
            "uncounted_parks": [{"code": p.code, "name": p.name, "status": p.status} for p in self.uncounted],
        }

    def result_json(self) -> str:
        """The canonical text stored and compared: keys sorted, no spaces, UTF-8 characters as they are."""
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def evaluate(session: Session, year: int, scheme: ScoringScheme) -> Evaluation:
    """Score, rank, grade and reward the parks with a counted report of `year`; InputProblem when there is none."""
    check_plan_year(year)
    parks, uncounted = load_park_years(session, year)
    if not parks:
        raise NoCountedReports(year)
    scores = [score_park(scheme, park, year) for park in parks]
    totals = [s.score for s in scores]
    rules = GradeRules.of(scheme)
    grades = assign_grades(totals, rules)
    ranks = competition_ranks(totals)
    recorded = third_party_results(session, year)
    results = []
    for park, score, grade, rank in zip(parks, scores, grades, ranks):
        third = recorded.get(park.park_id)
        if third is None:
            results.append(ParkResult(park, rank, score, grade, reward_wan_yuan(scheme, grade, score.score), grade))
            continue
        party = ThirdParty(third.grade, Decimal(third.score) if third.score is not None else None, third.evaluator,
                           third.document_number)
        reward = reward_wan_yuan(scheme, party.grade, party.score if party.score is not None else score.score)
        results.append(ParkResult(park, rank, score, party.grade, reward, grade, party))
    order = rules.order
    results.sort(key=lambda r: (order.index(r.grade), r.rank, r.park.code))
    return Evaluation(year, scheme, tuple(results), tuple(uncounted), tier_quotas(len(parks), rules))


def _third_party_json(party: ThirdParty | None) -> dict | None:
    if party is None:
        return None
    return {"grade": party.grade, "score": number(party.score), "evaluator": party.evaluator,
            "document_number": party.document_number}


def store_evaluation(session: Session, evaluation: Evaluation, actor: str) -> EvaluationRecord:
    """Add the evaluation to the session's transaction (the caller commits); returns the row, id set."""
    result = evaluation.result_json()
    record = EvaluationRecord(
        year=evaluation.year, scheme_name=evaluation.scheme.name, scheme_json=evaluation.scheme.canonical_json(),
        scheme_fingerprint=evaluation.fingerprint, result_json=result,
        result_sha256=hashlib.sha256(result.encode("utf-8")).hexdigest(), park_count=len(evaluation.parks),
        actor=actor,
    )
    session.add(record)
    session.flush()
    return record


def load_evaluation(session: Session, record_id: int) -> EvaluationRecord:
    record = session.get(EvaluationRecord, record_id)
    if record is None:
        raise WorkspaceError("city.no_evaluation", evaluation_id=record_id)
    return record


def stored_evaluations(session: Session, year: int | None = None) -> list[EvaluationRecord]:
    query = select(EvaluationRecord).order_by(EvaluationRecord.id)
    if year is not None:
        query = query.where(EvaluationRecord.year == year)
    return list(session.scalars(query))


def rerun(session: Session, record_id: int) -> tuple[EvaluationRecord, Evaluation]:
    """Evaluate the stored evaluation's year again with its stored scheme; equal result_json = reproduced."""
    record = load_evaluation(session, record_id)
    return record, evaluate(session, record.year, parse_scheme_json(record.scheme_json))


def _result_json(result: ParkResult) -> dict:
    park, score = result.park, result.score
    return {
        "rank": result.rank, "code": park.code, "name": park.name, "domain": park.domain, "category": park.category,
        "division_code": park.division_code, "division_name": park.division_name, "report_status": park.status,
        "score": number(score.score), "base": shown(score.base), "bonus": shown(score.bonus), "grade": result.grade,
        "grade_source": result.grade_source, "parkdesk_grade": result.own_grade,
        "third_party": _third_party_json(result.third_party), "reward_cap_wan_yuan": number(result.reward),
        "level": park.level,
        "items": [{"key": i.key, "points": shown(i.points), "max_points": number(i.max_points), "bonus": i.bonus,
                   "detail": i.detail, "notes": list(i.notes)} for i in score.items],
    }

