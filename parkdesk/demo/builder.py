"""Builds the demo workspace: 12 parks, reports for 2022-2023 (accepted) and 2024 (draft)."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from parkdesk.db.audit import record_event
from parkdesk.db.models import (
    Attachment, ChainLink, ChainSegment, Enterprise, IndicatorDefinition, IndicatorValue, Milestone, ParkDetails,
    PathStage, Platform, Report, RequirementAssessment,
)
from parkdesk.db.models.park_details import DETAIL_KEYS
from parkdesk.db.workspace import _checkpoint, create_workspace, new_workspace_file
from parkdesk.demo import content, indicators
from parkdesk.demo.names import mobile_number, person_name, unique_company_names
from parkdesk.reference.categories import CATEGORY_BY_KEY
from parkdesk.reference.distinctions import DISTINCTIONS
from parkdesk.reference.districts import DIVISION_BY_CODE, JINAN_CITY_CODE, ZONE
from parkdesk.reference.parks import PLAN_PARKS, PlanPark
from parkdesk.reference.requirements import REQUIREMENTS
from parkdesk.reference.stages import STAGES, stage_theme
from parkdesk.reports import status
from parkdesk.reports.park_setup import add_plan_park, registered_details
from parkdesk.uscc import ALPHABET, make_uscc
from parkdesk.validation.findings import RULESET_VERSION

SEED = 20220919  # the plan's date
REPORT_YEARS = (2022, 2023, 2024)
LIST_SHARE = {2022: 0.7, 2023: 0.85, 2024: 1.0}  # the list grows year by year
PLANNED_SHARE = 0.12  # the newest part of each year's list is still 拟引进
DISTINCTION_ODDS = {"global_top100": 0.01, "listed": 0.03, "unicorn": 0.005, "leading": 0.05,
                    "specialized": 0.08, "little_giant": 0.03}
INSERT_CHUNK = 5000
# one draft carries deliberate mistakes, so a new user sees validation at work
FLAWED_DRAFT = ("SDYYFW", 2024)


@dataclass
class DemoStats:
    parks: int = 0
    reports: int = 0
    enterprises: int = 0


@dataclass(frozen=True)
class DemoEnterprise:
    name: str
    uscc: str
    role: str
    link_index: int
    established: date
    employees: int
    revenue: float
    exports: float
    distinctions: int
    contact: str
    phone: str


def build_demo(path: Path | str, *, enterprises: int | None = None,
               only_parks: tuple[str, ...] | None = None, overwrite: bool = False,
               progress=None) -> DemoStats:
    """Create the demo workspace at `path` (which must not exist).

    `enterprises` sets every park's 2024 list size; earlier years list fewer.
    `progress(done, total)` is called after each park.
    """
    rng = random.Random(SEED)
    parks = [p for p in PLAN_PARKS if only_parks is None or p.code in only_parks]
    stats = DemoStats()
    # built under a temporary name: a demo stopped half-way leaves nothing at `path`
    with new_workspace_file(path, overwrite=overwrite) as temp, \
            create_workspace(temp, name="演示工作区", lock=False) as workspace:
        with Session(workspace.engine) as session, session.begin():
            definitions = {d.key: d.id for d in session.scalars(select(IndicatorDefinition))}
            for number, plan_park in enumerate(parks, start=1):
                size = enterprises if enterprises is not None else content.PROFILES[plan_park.code].list_size
                _build_park(session, rng, plan_park, size, definitions, stats)
                if progress:
                    progress(number, len(parks))
            record_event(session, workspace.actor, "workspace", None, None,
                         f"demo built: {stats.parks} parks, {stats.reports} reports, {stats.enterprises} enterprises")
        _checkpoint(workspace.engine)
    return stats


def _build_park(session: Session, rng: random.Random, plan_park: PlanPark, size: int,
                definitions: dict[str, int], stats: DemoStats) -> None:
    profile = content.PROFILES[plan_park.code]
    park = add_plan_park(session, plan_park.code, division_code=profile.division)
    stated = {**{key: None for key in DETAIL_KEYS}, **registered_details(park), "level": profile.level,
              "operator_org": profile.operator, "contact_name": person_name(rng),
              "contact_phone": mobile_number(rng), "contact_email": f"{plan_park.code.lower()}@example.cn"}
    stats.parks += 1
    template = content.CHAIN_TEMPLATES[plan_park.domain]
    link_count = sum(len(links) for segments in template.values() for _, links in segments)
    companies = _companies(rng, plan_park, profile, size, link_count)
    base = indicators.baselines(profile)
    target = indicators.targets(plan_park, base)
    for year in REPORT_YEARS:
        report = Report(park_id=park.id, year=year, status=status.DRAFT if year == 2024 else status.ACCEPTED,
                        positioning=profile.positioning,
                        development_focus="、".join(link for link, _, _ in _all_links(template))[:200])
        if year != 2024:
            report.finalized_at = datetime(year, 12, 20, 10, 0)
            report.ruleset_version = RULESET_VERSION
        session.add(report)
        session.flush()
        session.add(ParkDetails(id=report.id, **stated))
        stats.reports += 1
        link_ids = _add_chain(session, report, template)
        _add_path(session, report, plan_park, year)
        _add_indicators(session, report, definitions, base, target, year, companies, content.PACE[plan_park.code])
        _add_assessments_and_platforms(session, rng, report, report.details, year)
        listed = companies[: max(1, round(len(companies) * LIST_SHARE[year]))] if companies else []
        stats.enterprises += _add_enterprises(session, report, listed, link_ids, year)
        if (plan_park.code, year) == FLAWED_DRAFT:
            _plant_mistakes(session, report)


def _all_links(template):
    for position in ("upstream", "midstream", "downstream"):
        for _, links in template[position]:
            yield from links


def _companies(rng: random.Random, plan_park: PlanPark, profile: content.DemoProfile,
               size: int, link_count: int) -> list[DemoEnterprise]:
    division = profile.division
    if DIVISION_BY_CODE[division].kind == ZONE:
        division = JINAN_CITY_CODE
    names = unique_company_names(rng, plan_park.domain, size)
    codes: set[str] = set()
    result = []
    for name in names:
        code = _unique_code(rng, division, codes)
        mask = 0
        for distinction in DISTINCTIONS:
            if rng.random() < DISTINCTION_ODDS[distinction.key]:
                mask |= distinction.bit
        employees = int(rng.lognormvariate(4.2, 1.1)) + 5
        result.append(DemoEnterprise(
            name=name, uscc=code, role="key" if rng.random() < 0.3 else "supporting",
            link_index=rng.randrange(link_count),
            established=date(rng.randint(1998, 2021), rng.randint(1, 12), rng.randint(1, 28)),
            employees=employees, revenue=round(employees * rng.uniform(20, 80), 1),
            exports=round(employees * rng.uniform(0, 3), 1), distinctions=mask,
            contact=person_name(rng), phone=mobile_number(rng),
        ))
    return result


def _unique_code(rng: random.Random, division: str, taken: set[str]) -> str:
    while True:
        body = "".join(rng.choice(ALPHABET[:10]) if rng.random() < 0.85 else rng.choice(ALPHABET[10:])
                       for _ in range(8))
        code = make_uscc("91", division, body)
        if code not in taken:
            taken.add(code)
            return code


def _add_chain(session: Session, report: Report, template) -> list[int]:
    links: list[ChainLink] = []
    order = 0
    for position in ("upstream", "midstream", "downstream"):
        for segment_name, link_specs in template[position]:
            segment = ChainSegment(report_id=report.id, position=position, name=segment_name, sort_order=order)
            order += 1
            for index, (name, action, state) in enumerate(link_specs):
                link = ChainLink(name=name, action=action, state=state, sort_order=index)
                segment.links.append(link)
                links.append(link)
            session.add(segment)
    session.flush()
    return [link.id for link in links]


def _add_path(session: Session, report: Report, plan_park: PlanPark, year: int) -> None:
    category = CATEGORY_BY_KEY[plan_park.category]
    order = 0
    for stage in STAGES:
        goals, measures = content.STAGE_MEASURES[stage.year]
        session.add(PathStage(report_id=report.id, stage_year=stage.year,
                              theme=stage_theme(category, stage.year).zh, goals=goals, measures=measures))
        for title, month, day in content.MILESTONES[stage.year]:
            session.add(Milestone(report_id=report.id, stage_year=stage.year, title=title,
                                  due_date=date(stage.year, month, day),
                                  status=_milestone_status(stage.year, month, year),
                                  evidence="见附件" if stage.year < year else None, sort_order=order))
            order += 1


def _milestone_status(stage_year: int, month: int, report_year: int) -> str:
    if stage_year < report_year:
        return "done"
    if stage_year > report_year:
        return "planned"
    if report_year == 2024:  # the draft in progress
        return "in_progress" if month <= 6 else "planned"
    return "done"


def _add_indicators(session: Session, report: Report, definitions: dict[str, int], base: dict[str, float],
                    target: dict[str, float], year: int, companies: list[DemoEnterprise], pace: float) -> None:
    actual = {key: indicators.actual(key, base[key], target[key], year, pace) for key in base}
    listed = companies[: max(1, round(len(companies) * LIST_SHARE[year]))] if companies else []
    for distinction in DISTINCTIONS:
        key = f"{distinction.key}_count"
        actual[key] = float(sum(1 for c in listed if c.distinctions & distinction.bit))
    actual["platform_count"] = float(len(_platform_templates(year)))
    values = {
        "service_export_share": (
            indicators.share(base["service_exports"], base["foreign_trade_exports"]),
            indicators.share(target["service_exports"], target["foreign_trade_exports"]),
            indicators.share(actual["service_exports"], actual["foreign_trade_exports"]),
        ),
    }
    for key, definition_id in definitions.items():
        baseline, goal, now = values.get(key, (base.get(key), target.get(key), actual.get(key)))
        session.add(IndicatorValue(report_id=report.id, indicator_id=definition_id,
                                   baseline_2021=baseline, target_2024=goal, actual=now))


def _platform_templates(year: int):
    return content.PLATFORM_TEMPLATES[: {2022: 2, 2023: 3, 2024: 4}[year]]


def _add_assessments_and_platforms(session: Session, rng: random.Random, report: Report,
                                   park: ParkDetails, year: int) -> None:
    for requirement in REQUIREMENTS:
        rating = "met" if year < 2024 or rng.random() < 0.6 else "partly"
        session.add(RequirementAssessment(
            report_id=report.id, requirement_key=requirement.key, rating=rating,
            description=f"{year}年围绕“{requirement.label.zh}”要求:{requirement.summary.zh}。",
        ))
    for template, services in _platform_templates(year):
        session.add(Platform(report_id=report.id, name=template.format(park=park.name), operator=park.operator_org,
                             service_types=",".join(services), level=park.level,
                             established=date(2020 + min(year - 2021, 3), 3, 1)))
    if year < 2024:
        text = f"{park.name}{year}年度建设发展情况说明\n".encode()
        session.add(Attachment(report_id=report.id, filename=f"{year}年度建设发展情况说明.txt",
                               media_type="text/plain", size=len(text),
                               sha256=hashlib.sha256(text).hexdigest(), content=text))


def _add_enterprises(session: Session, report: Report, listed: list[DemoEnterprise],
                     link_ids: list[int], year: int) -> int:
    growth = 1 + 0.1 * (year - 2022)
    planned_from = len(listed) - int(len(listed) * PLANNED_SHARE)
    rows = [
        {"report_id": report.id, "name": c.name, "uscc": c.uscc, "role": c.role,
         "chain_link_id": link_ids[c.link_index], "status": "planned" if i >= planned_from else "settled",
         "established": c.established, "employees": c.employees, "revenue_wan_yuan": round(c.revenue * growth, 1),
         "service_exports_wan_usd": round(c.exports * growth, 1), "distinctions": c.distinctions,
         "contact_name": c.contact, "contact_phone": c.phone}
        for i, c in enumerate(listed)
    ]
    for start in range(0, len(rows), INSERT_CHUNK):
        session.connection().execute(Enterprise.__table__.insert(), rows[start:start + INSERT_CHUNK])
    return len(rows)


def _plant_mistakes(session: Session, report: Report) -> None:
    """A wrong check character, a duplicated credit code, a founding date in the future,
    a target short of doubling, and a milestone outside its stage year."""
    enterprises = session.scalars(select(Enterprise).where(Enterprise.report_id == report.id)
                                  .order_by(Enterprise.id).limit(8)).all()
    if len(enterprises) >= 8:
        code = enterprises[2].uscc
        enterprises[2].uscc = code[:17] + ALPHABET[(ALPHABET.index(code[17]) + 1) % len(ALPHABET)]
        enterprises[5].uscc = enterprises[4].uscc
        enterprises[7].established = date(report.year + 1, 3, 1)
    scale = session.scalars(select(IndicatorValue).join(IndicatorDefinition)
                            .where(IndicatorValue.report_id == report.id,
                                   IndicatorDefinition.key == "industry_scale")).one()
    scale.target_2024 = round(scale.baseline_2021 * 1.5, 1)
    milestone = session.scalars(select(Milestone).where(Milestone.report_id == report.id,
                                                        Milestone.stage_year == report.year)
                                .order_by(Milestone.sort_order)).first()
    milestone.due_date = date(report.year + 1, 1, 15)
    session.flush()
