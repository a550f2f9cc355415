"""The city bureau's view: the 1234 goals dashboard, the yearly evaluation and the city's own records.

    parkdesk.city.dashboard.goals_dashboard(session, year) -> GoalsDashboard
    parkdesk.city.evaluation.evaluate(session, year, scheme) -> Evaluation
    parkdesk.city.scoring.default_scheme() / load_scheme(path) -> ScoringScheme
    parkdesk.city.grading.assign_grades(scores, GradeRules.of(scheme)) -> list[str]
    parkdesk.city.city_records: recognition changes (动态认定) and third-party results
    parkdesk.history.recognition: a park's category and level for a year; the recognized parks

Every figure (progress, doubling, totals, coverage, the plan's bar) comes from parkdesk.figures.
"""

