"""The city bureau's view: the 1234 goals dashboard and the yearly evaluation (考核评价).

    parkdesk.city.dashboard.goals_dashboard(session, year) -> GoalsDashboard
    parkdesk.city.evaluation.evaluate(session, year, scheme) -> Evaluation
    parkdesk.city.scoring.default_scheme() / load_scheme(path) -> ScoringScheme
    parkdesk.city.grading.assign_grades(scores, GradeRules.of(scheme)) -> list[str]
"""

from parkdesk.city import messages as _messages  # noqa: F401  (registers the messages)
